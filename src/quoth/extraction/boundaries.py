"""Where a content starts and ends: words of the writer's that the parse lets into a statement.

A reader stops what someone said at the edge of their words; the parse often does not:

* the one told is not what was told ('She informed *police* she had immunity');
* a clause the parse opens at a parenthesis keeps the subject before it ('noted rocky planets
  below 1.7 Earth radii (Earth's radius is 6360 km) can support ...');
* a quotation a participle of saying introduces is the statement, not the narration before it
  ('explained the decision saying, "As a first step, ..."');
* the writer's own turn after a report ('He hinted that X would be disbanded[, but later
  reversed himself]') is not part of it.

Kept apart from :mod:`quoth.extraction.attributions`, which finds the cues and their spans.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quoth.extraction.quotemarks import QuotedSpan
from quoth.extraction.spans import _in_quotation, _is_quotation, _word_total
from quoth.model import Quote, Span
from quoth.nlp import doc_text, doc_tokens, lemma

# Verbs whose object is the one told, and whose clause after it is what was told.
TOLD_VERBS = {"tell", "inform", "assure", "warn", "remind", "notify", "advise"}
# Parts of a clause that make it whole: a relative clause lacks one of them (the gap its noun fills).
_CLAUSE_COMPLEMENTS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "auxpass"}
_RELATIVE_WORDS = {"WDT", "WP", "WP$", "WRB"}


def clause_told_misread_as_relative(tok: Token) -> list[Token]:
    """'She informed police she had diplomatic immunity': after a verb of telling, the parser may
    hang the clause told on the one told, as a relative clause with no relative word. A clause
    that opens with a subject of its own right after the addressee and lacks no part (the gap of
    a true relative clause: 'told the people she met') is what was told. [] when there is none."""
    if tok.pos_ != "VERB" or lemma(tok) not in TOLD_VERBS:
        return []
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.i < tok.i:
            continue
        for rel in obj.children:
            if rel.dep_ != "relcl" or rel.i < obj.i:
                continue
            first = rel.left_edge
            subject = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (
                subject is None
                or subject.left_edge.i != first.i
                or first.tag_ in _RELATIVE_WORDS
                or first.lower_ == "that"
                or first.i != obj.i + 1
                or not any(c.dep_ in _CLAUSE_COMPLEMENTS for c in rel.children)
            ):
                continue
            return [rel]
    return []


def subject_before_parenthesis(tok: Token, span: Span) -> Span:
    """'The paper noted rocky planets which have radius below 1.7 times Earth's radius (Earth's
    radius is roughly 6360 km) can support an atmosphere', 'Emergency workers have indicated a
    homicide probe is ongoing': the parse gave the reported clause's subject to the cue as its
    object, and the content opens at a parenthesis or at a verb with no subject. A reported
    clause does not start with an aside in brackets, nor without its subject: when the cue's
    object lies between the cue and the clause, the content starts at the object. (Not after a
    verb of telling: 'told reporters' is the one told.)"""
    if lemma(tok) in TOLD_VERBS | {"ask"}:
        return span
    text = doc_text(tok.doc)
    if text[span[0] : span[0] + 1] != "(" and not _opens_without_subject(tok.doc, span):
        return span
    end = tok.idx + len(tok.text)
    for obj in tok.children:
        if obj.dep_ == "dobj" and end <= obj.left_edge.idx and obj.right_edge.idx < span[0] \
                and not any(t.text in ",;:" for t in tok.doc[obj.right_edge.i + 1 : obj.right_edge.i + 2]) \
                and not any(t.tag_ == "VBG" and t.dep_ == "acl" for t in obj.subtree):
            # (an object with a verb of its own, 'promoted a theory suggesting X', is a thing, not a subject)
            return (obj.left_edge.idx, span[1])
    return span


def relative_word_before_source(tok: Token, content: list[Span], source: Span | None) -> list[Span]:
    """'He named it distributism, which he said was a form of capitalism': the relative word that
    opens the reported clause is written before its source and cue, so the clause as parsed holds
    them. The content is that word and the clause after the cue, without the "he said" inside,
    so the source stays the source."""
    if source is None or len(content) != 1:
        return content
    start, end = content[0]
    cue_end = tok.idx + len(tok.text)
    if not start < source[0] < cue_end < end:
        return content
    first = tok.doc.char_span(start, source[0], alignment_mode="expand")
    words = [t for t in first if not t.is_punct and not t.is_space] if first is not None else []
    if len(words) != 1 or words[0].tag_ not in ("WDT", "WP") or words[0].head.i <= tok.i:
        return content
    text = doc_text(tok.doc)
    while text[cue_end].isspace():
        cue_end += 1
    return [(start, words[0].idx + len(words[0].text)), (cue_end, end)]


def _opens_without_subject(doc: Doc, span: Span) -> bool:
    """A clause whose first word is its finite verb, or the auxiliary before it, which has no
    subject: 'is ongoing', 'may have evolved from wing-flapping'."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return False
    first = tokens[0]
    verb = first.head if first.dep_ in ("aux", "auxpass") and first.head.i > first.i else first
    return (
        first.tag_ in ("VBZ", "VBD", "VBP", "MD")
        and verb.dep_ in ("ccomp", "conj")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
    )


def clause_after_a_time(prep: Token) -> Token | None:
    """'Austria argued for decades that it was the first victim', 'warned for months that the dam
    would fail': 'for' and a stretch of time say how long; the parser hangs the that-clause on
    the time noun, and the cue's preposition would make 'decades that it was ...' what was said.
    The clause is. None when the preposition takes no time, or no such clause."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ not in ("DATE", "TIME"):
        return None
    for c in pobj.children:
        if c.dep_ in ("acl", "relcl") and c.i > pobj.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) \
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return c
    return None


# Participles that put a quotation in someone's mouth: '..., saying, "X"'.
_SAYING_PARTICIPLES = {"say", "add", "write", "state", "declare", "tell", "explain", "note", "tweet"}


def quotation_after_saying(doc: Doc, content: list[Span], quoted: list[QuotedSpan]) -> list[Span] | None:
    """'explained the decision to ban the players saying, "As a first step, ..."': when a
    participle of saying inside the content introduces a quotation (after a comma or a colon)
    that runs to the content's end, the quotation is the statement; the narration before it is
    the writer's ('the decision to ban the players' says nothing of its own). None otherwise.

    When what comes before the participle is a clause of its own ('said the use of other
    currencies "costs Africa $5 billion," further saying, "..."'), it is the first statement, and
    the participle starts a second one that its own cue reports: the content ends before it."""
    if len(content) != 1:
        return None
    s, e = content[0]
    text = doc_text(doc)
    if _is_quotation(text, (s, e), quoted):
        return None
    span = doc.char_span(s, e, alignment_mode="contract")
    if span is None:
        return None
    for t in span:
        if t.tag_ != "VBG" or lemma(t) not in _SAYING_PARTICIPLES or _in_quotation((t.idx, t.idx + 1), quoted):
            continue
        after = t.idx + len(t.text)
        for q in quoted:
            gap = text[after : q.start]
            if q.start >= after and gap.strip() in (",", ":") and q.end >= e - 1 and q.start < e:
                before = _clause_before(doc, s, t)
                return [before] if before is not None else list(q.pieces)
        return None
    return None


def _clause_before(doc: Doc, start: int, participle: Token) -> Span | None:
    """The words from ``start`` up to the participle's own ('further saying'), when they hold a
    verb with its subject: a statement, not narration. None otherwise."""
    first = participle.left_edge
    words = [t for t in doc[:first.i] if t.idx >= start]
    if not any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
               for t in words):
        return None
    while words and (words[-1].is_punct and words[-1].text in ",;:—–" or words[-1].is_space):
        words.pop()
    if not words:
        return None
    return (words[0].idx, words[-1].idx + len(words[-1].text))


# Adverbs of a later time: '..., but later reversed himself' is the writer's account of what came after.
_LATER = {"later", "subsequently", "afterwards", "afterward", "then", "eventually", "soon"}
_MODALS = {"would", "will", "could", "can", "might", "may", "should", "shall", "must"}


def reported_clauses(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]):
    """Each attribution whose content is one indirect clause after its cue, with the clause's
    tokens: where the writer's own words may run on past what was said."""
    text = doc_text(doc)
    for q in quotes:
        if q.cue is None or len(q.content) != 1 or _is_quotation(text, q.content[0], quoted):
            continue
        s, e = q.content[0]
        if q.cue[0] > s:
            continue  # 'X, he said': the cue closes its content
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is not None:
            yield q, span


def end_before(text: str, q: Quote, cut: int) -> None:
    """End ``q``'s one-piece content at ``cut`` (less the punctuation before it), unless fewer
    than three words would be left."""
    s = q.content[0][0]
    while cut > s and text[cut - 1] in " ,;":
        cut -= 1
    if _word_total(text, [(s, cut)]) >= 3:
        q.content = [(s, cut)]


def cut_at_narrators_turn(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'He hinted that the task force would be disbanded, but later reversed himself': a verb in
    the past joined to the reported clause with no subject of its own, after 'but later' or 'and
    then', where the reported verb is under a modal ('would be disbanded') it cannot share, goes
    on with the one who spoke, in the writer's words; the content ends before it."""
    text = doc_text(doc)
    toks = doc_tokens(doc)  # (span[1:] and doc[i] would build each token anew)
    for q, span in reported_clauses(doc, quotes, quoted):
        s, e = q.content[0]
        for tok in toks[span.start + 1 : span.end]:
            if tok.dep_ != "cc" or tok.lower_ not in ("but", "and") or toks[tok.i - 1].text != ",":
                continue
            if _in_quotation((tok.idx, tok.idx + 1), quoted):
                continue
            j = tok.i + 1
            adverbs = []
            while j < span.end and doc[j].pos_ == "ADV":
                adverbs.append(doc[j].lower_)
                j += 1
            if j >= span.end:
                break
            verb = doc[j]
            host = tok.head
            if (
                verb.tag_ != "VBD"
                or verb.dep_ != "conj"
                or verb.head.i != host.i
                or not _LATER.intersection(adverbs)
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                or not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in host.children)
            ):
                continue
            end_before(text, q, doc[tok.i - 1].idx)
            break


# What a predicate takes after its verb; a clause joined on ('..., and X') or set off is not part of it.
_PREDICATE_PARTS = {"dobj", "prep", "attr", "acomp", "xcomp", "ccomp", "oprd", "prt", "dative", "advmod", "npadvmod", "agent"}


def predicate_taken_by_host(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'When Trump tweeted that state plans to allow voting by mail would result in voter fraud,
    Twitter ...': the parser read 'plans' as the clause's verb and hung the cue on the real one
    ('would result'), as if the sentence said 'when he tweeted X, [it] would result'. A reported
    clause followed, with nothing between, by a verb that has no subject and governs the cue is
    cut off from its own predicate: the content runs on through that verb and what it takes
    ('... would result in voter fraud'); left alone it is a subject that claims nothing."""
    text = doc_text(doc)
    for q, span in reported_clauses(doc, quotes, quoted):
        s, e = q.content[0]
        if span.end >= len(doc) or span.end >= span[-1].sent.end:
            continue
        nxt = doc[span.end]
        if text[e : nxt.idx].strip() != "" or nxt.pos_ not in ("VERB", "AUX"):
            continue
        verb = nxt if nxt.dep_ not in ("aux", "auxpass", "neg") else nxt.head
        cue = doc.char_span(*q.cue, alignment_mode="expand")
        if cue is None or verb.i < nxt.i or not any(verb in t.ancestors for t in cue):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        taken = [t for c in verb.children if c.i > verb.i and c.dep_ in _PREDICATE_PARTS for t in c.subtree]
        last = max([verb, *taken], key=lambda t: t.i)
        q.content = [(s, last.idx + len(last.text))]


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")


def subject_before_quotation(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'The country "has made dramatic changes for the better," McConnell said', 'said the use of
    other currencies "costs Africa $5 billion"': the writer gives the subject and quotes the
    predicate. A content that opens on a quotation whose first word is a finite verb in lower
    case, with that verb's subject right before the opening mark (outside the cue and its source),
    starts at the subject; the quotation alone says something of nobody."""
    text = doc_text(doc)
    for q in quotes:
        if not q.content or q.cue is None:
            continue
        s, e = q.content[0]
        if text[s : s + 1] not in "\"'“‘" or not _in_quotation((s + 1, min(e, s + 2)), quoted) and not _is_quotation(text, (s, e), quoted):
            continue
        words = doc.char_span(s, e, alignment_mode="expand")
        first = next((t for t in words or [] if not t.is_punct and not t.is_space), None)
        if first is None or not first.text[:1].islower() or first.tag_ not in ("VBZ", "VBD", "VBP", "MD"):
            continue
        verb = first.head if first.dep_ in ("aux", "auxpass", "neg") else first
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < first.i), None)
        if subject is None or subject.sent.start != first.sent.start:
            continue
        opening = next((t for t in subject.subtree if not t.is_punct and not t.is_space), subject)
        start = opening.idx
        if text[subject.right_edge.idx + len(subject.right_edge.text) : s].strip() != "":
            continue  # 'Clinton, he said, "is the only ...": the subject is not next to the quotation
        taken = [q.cue] + ([q.source] if q.source else [])
        if any(a < s and b > start for a, b in taken):
            continue  # the subject's words are the cue's or the source's
        q.content = [(start, e), *q.content[1:]]


def _is_according_to(text: str, quote: Quote) -> bool:
    return quote.cue is not None and text[quote.cue[0] : quote.cue[1]].lower().startswith("according to")


def sign_off_relayed_quotations(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """'"Here we are on a historic day," he told settler leaders, according to a statement': the
    statement relays a quotation someone signed; what it reports is the quotation, not the
    writer's 'he told settler leaders', and who said it is the one who signed it. An 'according
    to' whose content holds another attribution's cue and source, and that one's quotation,
    is the same statement: the signed attribution stays, with the relaying document as its
    channel, and the 'according to' goes."""
    text = doc_text(doc)
    relaying = set()
    for q in quotes:
        if not _is_according_to(text, q):
            continue
        for inner in quotes:
            if inner is q or inner.cue is None or inner.source is None or not inner.content:
                continue
            if _in_quotation(inner.cue, quoted):
                continue  # 'According to X, "Judicial Watch revealed ..."': a report inside the words relayed
            if not all(_is_quotation(text, p, quoted) for p in inner.content):
                continue
            inside = [inner.cue, inner.source, *inner.content]
            if all(any(s <= a and b <= e for s, e in q.content) for a, b in inside):
                relaying.add(id(q))
                if inner.channel is None:
                    inner.channel = q.source
                break
    return [q for q in quotes if id(q) not in relaying]


def a_lone_word(doc: Doc, quote: Quote, quoted: list[QuotedSpan]) -> bool:
    """'Biden slammed Trump', 'The committee cited this', 'also called parole': a content of one
    word outside quotation marks is the one the cue is aimed at or a name for something, never a
    statement a reader could check. (A quoted word, '"fraud"', is the speaker's own and stays.)"""
    if quote.cue is None or len(quote.content) != 1:
        return False
    text = doc_text(doc)
    if _is_quotation(text, quote.content[0], quoted) or any(_in_quotation(p, quoted) for p in quote.content):
        return False
    return _word_total(text, quote.content) == 1


def phrase_set_off(phrase: list[Token]) -> list[Token]:
    """'One child was, according to the fire service, among the dead': an 'according to' set off
    by commas ends at its closing comma, whatever the parse hung on it after that ('among the
    dead' is the reported clause's)."""
    ordered = sorted(phrase, key=lambda t: t.i)
    if not ordered or ordered[0].i == 0 or ordered[0].doc[ordered[0].i - 1].text != ",":
        return phrase
    closing = next((t for t in ordered[2:] if t.text == ","), None)
    return [t for t in ordered if closing is None or t.i < closing.i]


def clause_broken_by_phrase(doc: Doc, pieces: list[Span]) -> bool:
    """'He had, according to the Post, killed a rabbit', 'Friday was when, according to the plans,
    millions were to ...': a piece before the phrase that stops on an auxiliary, a word that
    opens a clause, or a verb whose own words go on after the phrase cannot end a statement;
    the report is both pieces."""
    if len(pieces) != 2:
        return False
    before = doc.char_span(*pieces[0], alignment_mode="expand")
    if before is None or len(before) == 0:
        return False
    last = before[-1]
    after = range(pieces[1][0], pieces[1][1])
    goes_on = any(c.idx in after for c in last.children) or (last.dep_ == "aux" and last.head.idx in after)
    return goes_on or last.pos_ == "AUX" or last.lower_ in ("when", "where", "that", "because", "if", "whether") \
        or _ends_on_a_conjunction(before)


def _ends_on_a_conjunction(tokens) -> bool:
    """'Zimbabwe had a strong economy and, according to CNN, was called ...', '... the year's
    second-highest volume but still, according to the report, down 10 percent': a piece that stops
    on 'and' / 'but' (or 'but still') is a coordination the phrase interrupts, not a statement."""
    last = tokens[-1]
    if last.pos_ == "CCONJ":
        return len(tokens) > 1  # ('But, according to X, Y': a sentence's opening word joins nothing)
    return last.pos_ == "ADV" and len(tokens) > 2 and tokens[-2].pos_ == "CCONJ"


_DEMONSTRATIVE_COPULA = {("that", "'s"), ("that", "is"), ("this", "is"), ("that", "was"), ("this", "was"),
                         ("that", "’s"), ("this", "'s"), ("this", "’s")}


def previous_sentence_for_demonstrative(doc: Doc, quote: Quote) -> Quote:
    """'Teens are putting AirPods on their wish lists. That's according to a new survey': the
    demonstrative stands for the sentence before; that sentence is what the survey reports."""
    if len(quote.content) != 1:
        return quote
    span = doc.char_span(*quote.content[0], alignment_mode="expand")
    if span is None or len(span) != 2 or (span[0].lower_, span[1].lower_) not in _DEMONSTRATIVE_COPULA:
        return quote
    sent = span[0].sent
    if sent.start == 0 or span[0].i != sent.start:
        return quote
    before = doc[sent.start - 1].sent
    text = doc_text(doc)
    if "\n\n" in text[before.end_char : sent.start_char] or len(before) < 4:
        return quote
    end = before.end_char
    while end > before.start_char and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    quote.content = [(before.start_char, end)]
    return quote


def close_open_quotations(text: str, quotes: list[Quote]) -> None:
    """'called the demand "unprecedented' ends where the parse put the word, one mark short: a
    content whose last piece opens a quotation it does not close, with the closing mark right
    after it, takes that mark ('called the demand "unprecedented"')."""
    for q in quotes:
        if not q.content:
            continue
        s, e = q.content[-1]
        piece = text[s:e]
        nxt = text[e : e + 1]
        if (nxt == "”" and piece.count("“") > piece.count("”")) or (nxt == '"' and piece.count('"') % 2 == 1):
            q.content = [*q.content[:-1], (s, e + 1)]
