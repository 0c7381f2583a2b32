"""Attributions from a parsed article: cue, source and content spans, direct/indirect/mixed.

The rules follow how a reader finds "who said what" (and how PolNeAR annotates it):

1. **Cues** are words the learnt lexicon (:mod:`quoth.extraction.cues`) says introduce
   attributions, plus "according to" and "in X's words".
2. **Source** is the cue's grammatical subject (its whole noun phrase, appositives included);
   for "…, saying that" and "…and added" the subject of the governing verb; for "according to X" X.
3. **Content** is the cue's clausal complement ("said *that X*"), or the quotation next to the cue
   (``"X," he said.``), or, for verbs that take an object ("cited *the report*"), the object.
4. **Quotation marks** decide the type: content that is one quotation is direct, content holding a
   quotation is mixed, the rest indirect. A quotation in the same paragraph right after a direct
   quote, with no cue of its own, is another piece of that quote (``"A," she said. "B."``).
5. **Continuations**: a paragraph that is all quotation, with no cue, continues the previous
   paragraph's speaker.
6. **Nesting**: an attribution whose cue lies inside another's content gets ``parent``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from quoth.extraction.cues import is_cue
from quoth.extraction.frames import NEEDS_CLAUSE, is_infinitive, reports, says_something
from quoth.extraction.quotemarks import QuotedSpan, find_quotes
from quoth.nlp import doc_text, lemma
from quoth.model import Quote, Span

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp"}
OBJECTS = {"dobj", "xcomp", "attr", "oprd"}
ADDRESSEE_DEPS = {"dative", "dobj"}
# Prepositions that belong to the cue when they carry its content ("called for X", "railed against X").
CUE_PREPOSITIONS = {"for", "against", "about", "on", "of"}
# Words before a cue that PolNeAR counts as part of it ("has said", "would call", "also fear").
CUE_PREFIX_DEPS = {"aux", "auxpass", "neg"}
CUE_PREFIX_ADVERBS = {"also", "previously", "later", "repeatedly", "publicly", "reportedly"}
CHANNEL_NOUNS = {
    "interview", "statement", "tweet", "tweets", "post", "op-ed", "letter", "speech", "briefing",
    "conference", "meeting", "rally", "debate", "email", "memo", "video", "broadcast", "show",
    "appearance", "remarks", "address", "session", "hearing", "forum", "summit", "podcast",
}
CHANNEL_VERBS = {"tweet": "Twitter", "post": None, "write": None, "blog": None}
ADDRESSEE_NOUNS = {"reporters", "journalists", "media", "press", "audience", "crowd", "supporters",
                   "question", "lawmakers", "congress", "parliament", "viewers", "readers"}
_WORD = re.compile(r"\w")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Jr|Sr|St|Inc|Co|Corp|Ltd|U\.S|D\.C|etc|a\.m|p\.m)\.$")
# A quotation this long that no cue claimed is still somebody's words ('call them "lone wolves"',
# 'used the phrase "Islamic terrorism"'); one-word ones are mostly scare quotes. On PolNeAR dev,
# going from 8 words to 2 raised direct-quote recall from 0.941 to 0.958 for 0.004 attribution F1.
MIN_UNCLAIMED_WORDS = 2
# ... and one that long is somebody's words whatever verb governs it
LONG_QUOTATION_WORDS = 3
# After a cue's object, these belong to the content: "called X “crazy”", "urged X to Y".
OBJECT_COMPLEMENTS = {"oprd", "xcomp", "acomp"}
OBJECT_PREPOSITIONS = {"as", "of", "for", "about", "over", "against", "with", "on"}
# Cues that attribute without a subject ("it was reported that", "is expected to").
# Role nouns a headline label may end with ("Wells Fargo CEO: ...").
ROLE_WORDS = {
    "ceo", "president", "minister", "chief", "spokesman", "spokeswoman", "spokesperson", "leader",
    "secretary", "senator", "governor", "mayor", "judge", "official", "officials", "police", "envoy",
    "ambassador", "chancellor", "premier", "king", "queen", "pope", "expert", "experts", "doctor",
    "doctors", "scientists", "report", "study", "poll", "survey", "court", "boss", "chair", "head",
}
def _introduces(tok: Token, quoted: list[QuotedSpan]) -> bool:
    """A quotation the verb signs, or right after it and a colon ('He went on: "..."')."""
    text = doc_text(tok.doc)
    end = tok.idx + len(tok.text)
    signed = _adjacent_quote(tok, quoted, None)
    if signed is not None and signed.end <= tok.idx:
        return True  # '"... the rest." he continued': the quotation the verb signs
    for q in quoted:
        if q.start >= end:
            gap = text[end : q.start].rstrip()
            marks = (":",) if lemma(tok) in WEAK_QUOTING_VERBS else (":", ",")
            return len(gap) <= 30 and gap.endswith(marks) and "\n" not in gap
    return False


# Verbs of speaking the PolNeAR lexicon misses or rates low, taken as cues only beside a quotation
# ('He went on: "..."', 'Trump gloated, "..."', '"...," she shot back').
QUOTING_VERBS = frozenset(
    """bark gloat blare boom shoot go put begin continue quip snap retort muse scoff joke sigh laugh
    exclaim reply respond answer counter interject mutter whisper scream shout yell cry roar thunder
    sneer grumble complain rave gush marvel recall recount read""".split()
)
# ... of which these say something only before a colon ('went on:', 'put it:', 'read:')
WEAK_QUOTING_VERBS = frozenset("go put begin continue read recall recount answer".split())
SOURCELESS_CUES = {"report", "expect", "believe", "think", "consider", "know", "say", "tell", "ask", "allege"}


def find_attributions(doc: Doc, zones: list[Span], headline: Span | None = None) -> list[Quote]:
    """Every attribution whose cue (or, for continuations, whose content) lies in ``zones``."""
    text = doc_text(doc)
    quoted = find_quotes(text, zones, single=headline)
    quotes: list[Quote] = []
    for sent in doc.sents:
        if not _overlaps((sent.start_char, sent.end_char), zones):
            continue
        for tok in sent:
            quote = _attribution_at(tok, quoted)
            if quote is not None:
                quotes.append(quote)
    quotes.extend(_colon_introductions(doc, quotes, quoted))
    quotes = [q for q in (_clip(q, zones) for q in _dedupe(quotes)) if q is not None]
    _add_following_pieces(doc, quotes, quoted)
    quotes.extend(_dash_attributions(doc, quotes, quoted))
    quotes.extend(_signatures(doc, quotes, quoted))
    quotes.extend(_colon_labels(doc, quotes, quoted, headline))
    quotes.extend(_headline_quotations(doc, quotes, quoted, headline))
    quotes.extend(_unclaimed_quotations(doc, quotes, quoted))
    quotes.extend(_continuations(doc, quotes, quoted, zones))
    return finalize(text, quotes, quoted)


def finalize(text: str, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """Text order, ``parent`` links, ``type`` and ``text``: the last step of every mode."""
    quotes.sort(key=lambda q: (q.start, q.cue or (0, 0)))
    _link_parents(quotes)
    for q in quotes:
        q.type = _quote_type(text, q.content, quoted)
        q.text = " … ".join(text[s:e] for s, e in q.content)
    return quotes


# --- cues -------------------------------------------------------------------------------------


def _attribution_at(tok: Token, quoted: list[QuotedSpan]) -> Quote | None:
    if tok.lower_ == "according":
        return _according_to(tok)
    if tok.lower_ == "reportedly" and tok.pos_ == "ADV" and not _in_quotation((tok.idx, tok.idx + 10), quoted):
        # "Reportedly, two people were killed": reported by someone the text does not name
        return _reportedly(tok)
    pos = tok.pos_
    if pos not in ("VERB", "NOUN"):
        return None
    if tok.dep_ in ("amod", "compound"):
        return None
    if pos == "NOUN" and tok.lower_ == "words" and tok.head.lower_ == "in":
        return _in_words(tok)
    if pos == "VERB" and lemma(tok) == "make" and any(c.lower_ == "clear" for c in tok.children):
        return _made_clear(tok, quoted)
    clause = [c for c in tok.children if c.dep_ in CLAUSES]
    if (
        not is_cue(lemma(tok), tok.pos_, bool(clause))
        and not _signs_quotation(tok, quoted)
        and not (tok.pos_ == "VERB" and lemma(tok) in QUOTING_VERBS and _introduces(tok, quoted))
    ):
        return None
    if tok.pos_ == "NOUN":
        return _noun_cue(tok, clause)
    cue_quoted = _in_quotation((tok.idx, tok.idx + len(tok.text)), quoted)
    if cue_quoted and (not clause or not any(c.dep_ in SUBJECTS for c in tok.children)):
        # inside a quotation speech is loose ("they are striving to explain", "they must admit
        # it"): only a cue with its own subject and a clause ("we believe that ...") is nested
        return None
    source = _source_of(tok, [] if cue_quoted else quoted)
    if source is None and not cue_quoted and _signs_quotation(tok, quoted):
        source = _inverted_subject(tok)  # '"...," exhorted Clinton's introducer'
    if source is not None and not cue_quoted and _in_quotation(source, quoted):
        # a subject inside the quotation is a parse error ('"... mode," said X'): take X
        source = _inverted_subject(tok)
    if source is not None:
        source = _whole_name(doc_text(tok.doc), source, quoted)
        named = _name_before(tok)
        if named is not None and named[0] > source[1] and doc_text(tok.doc)[source[1] : named[0]].strip() == ",":
            source = (source[0], named[1])  # 'A member of parliament, Samir Dilou said': the name too
    own_source = source if any(c.dep_ in SUBJECTS for c in tok.children) else None
    cue_tokens = _cue_tokens(tok)
    content: list[Span] = []
    adjacent = _adjacent_quote(tok, quoted, own_source)
    signed = adjacent is not None and (_signs_quotation(tok, quoted) or _after_colon(tok, adjacent))
    if tok.pos_ == "VERB" and not reports(tok, adjacent is not None, signed):
        return None
    clause_spans = [_tokens_span(list(c.subtree)) for c in clause]
    clause_span = clause_spans[0] if clause_spans else None
    parenthetical = _parenthetical(tok, cue_tokens)
    if adjacent is not None and (not clause_spans or any(_overlaps(c, adjacent.pieces) for c in clause_spans)):
        content = list(adjacent.pieces)
    elif parenthetical is not None:
        source, content = parenthetical
    elif clause_span is not None:
        content = [clause_span]
    else:
        content = _host_clause(tok, source)
        if not content:
            content, prep = _object_content(tok)
            if prep is not None:
                cue_tokens.append(prep)
    content = [p for p in (_trim(tok.doc, s, e) for s, e in content) if p is not None]
    if not content:
        return None
    if adjacent is None and not says_something(tok, content, quoted):
        return None
    cue = _tokens_span(cue_tokens)
    if source is not None and _overlaps(source, content):
        source = None
    if source is None and adjacent is None and (lemma(tok) not in SOURCELESS_CUES or is_infinitive(tok)):
        # without a quotation or a source, a cue word is most often not reporting anyone ("it
        # would be naive to expect that ...": nobody expects it)
        return None
    return Quote(
        content=content,
        cue=cue,
        source=source,
        addressee=_addressee(tok),
        channel=_channel(tok),
    )


def _signs_quotation(tok: Token, quoted: list[QuotedSpan]) -> bool:
    """'“Denver,” he answered.', '"It's about time," exhorted her introducer': any verb right
    after a quotation that ends in a comma, question or exclamation mark, with its subject beside
    it, says who spoke, whatever the cue lexicon knows of it."""
    start = tok.sent.start_char - 3
    if tok.pos_ != "VERB" or not any(start <= q.end <= tok.idx for q in quoted):
        return False  # cheap first: most verbs have no quotation ending in their sentence before them
    if _in_quotation((tok.idx, tok.idx + 1), quoted):
        return False
    source = _source_of(tok, quoted) or _inverted_subject(tok)
    if source is None:
        return False
    lo = min(tok.idx, source[0])
    text = doc_text(tok.doc)
    for q in quoted:
        gap = text[q.end : lo]
        if q.end <= lo and len(gap) <= 3 and not _WORD.search(gap) and "\n" not in gap:
            end = q.end - 1
            if text[end - 1 : end + 1] == "''":
                end -= 1  # doubled apostrophes close the quotation: ''To date,'' she said
            return text[end - 1 : end] in (",", "?", "!")
    return False


def _according_to(tok: Token) -> Quote | None:
    """'According to X, Y' / 'Y, according to X': source X, content the rest of the clause."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = list(tok.subtree) if tok.head.i != tok.i else [tok, to, *pobj.subtree]
    source = _tokens_span(list(pobj.subtree))
    cue = (tok.idx, to.idx + len(to.text))
    text = doc_text(tok.doc)
    after = find_quotes(text, [(source[1], _paragraph_of(text, source[1])[1])])
    if after and not _WORD.search(text[source[1] : after[0].start]):
        # 'According to Limbaugh, “[I]f it was left up to Hillary ...”': the quotation is the content
        return Quote(content=list(after[0].pieces), cue=cue, source=source)
    return _phrase_attribution(tok, phrase, source, cue)


def _reportedly(tok: Token) -> Quote | None:
    """'Reportedly, X' / 'he reportedly struck Y': the clause around the adverb, subject included."""
    root = tok.head
    if root.pos_ == "VERB" and is_cue(lemma(root), "VERB", any(c.dep_ in CLAUSES for c in root.children)):
        return None  # "reportedly believe that": the verb's own attribution takes the adverb
    clause = [t for t in root.subtree if t.i != tok.i and not (t.is_punct and t.i == tok.i + 1)]
    content = [p for p in (_trim(tok.doc, s, e) for s, e in _runs(clause)) if p is not None]
    if not content or sum(e - s for s, e in content) < 12:
        return None
    return Quote(content=content, cue=(tok.idx, tok.idx + len(tok.text)))


def _in_words(words: Token) -> Quote | None:
    """'In Peskov's words, Y' / 'in the words of X': source X, content the clause it modifies."""
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.children if c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None:
        return None
    prep = words.head
    source = _tokens_span([t for t in owner.subtree if t.dep_ != "case"])
    return _phrase_attribution(prep, list(prep.subtree), source, (prep.idx, words.idx + len(words.text)))


def _made_clear(tok: Token, quoted: list[QuotedSpan]) -> Quote | None:
    """'X made it clear that Y': a cue of three words."""
    clear = next(c for c in tok.children if c.lower_ == "clear")
    clause = next((c for c in list(clear.children) + list(tok.children) if c.dep_ in ("ccomp", "advcl")
                   and any(g.dep_ == "mark" for g in c.children)), None)
    if clause is None:
        return None
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    content = _trim(tok.doc, *_tokens_span(list(clause.subtree)))
    if content is None:
        return None
    return Quote(content=[content], cue=(tok.idx, clear.idx + len(clear.text)),
                 source=_np_span(subj) if subj is not None else None)


def _phrase_attribution(tok: Token, phrase: list[Token], source: Span | None, cue: Span) -> Quote | None:
    """A prepositional attribution: content is the clause the phrase modifies, minus the phrase."""
    clause_root = tok.head if tok.dep_ != "ROOT" else tok
    while clause_root.dep_ not in ("ROOT", "ccomp", "conj") and clause_root.head.i != clause_root.i:
        clause_root = clause_root.head
    clause = [t for t in clause_root.subtree if t.i not in {p.i for p in phrase}]
    pieces = _runs(clause)
    content = [p for p in (_trim(tok.doc, s, e) for s, e in pieces) if p is not None]
    if not content:
        return None
    # keep the main run: the clause minus the phrase, without dangling commas
    if len(content) > 1:
        # 'At the same time, in X's words, Y': the piece with the clause's verb is what was said
        with_root = [p for p in content if p[0] <= clause_root.idx < p[1]]
        content = with_root or [max(content, key=lambda p: p[1] - p[0])]
    return Quote(content=content, cue=cue, source=source)


def _noun_cue(tok: Token, clause: list[Token]) -> Quote | None:
    """Nominal cues with a clause: 'his claim that X', 'Peskov's statement that X'."""
    comp = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children)]
    if not comp:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    content = _trim(tok.doc, *_tokens_span(list(comp[0].subtree)))
    if content is None:
        return None
    source = _tokens_span(list(poss.subtree)) if poss is not None else None
    return Quote(content=[content], cue=(tok.idx, tok.idx + len(tok.text)), source=source)


def _cue_tokens(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            out.append(child)
    # "has said", "would not call", "also fear": only words right before the cue, none skipped
    i = tok.i - 1
    while i >= tok.sent.start:
        left = tok.doc[i]
        if left.head.i != tok.i or not (
            left.dep_ in CUE_PREFIX_DEPS or (left.dep_ == "advmod" and left.lower_ in CUE_PREFIX_ADVERBS)
        ):
            break
        out.append(left)
        i -= 1
    return sorted(out, key=lambda t: t.i)


# --- source -----------------------------------------------------------------------------------


def _source_of(tok: Token, quoted: list[QuotedSpan] = ()) -> Span | None:
    """The cue's subject; for participles, conjuncts and relative clauses, the governing one.
    A 'subject' inside a quotation is a parse error and is passed over."""
    seen = 0
    while tok is not None and seen < 4:
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        outside = [c for c in subjects if not _in_quotation((c.idx, c.idx + len(c.text)), quoted)]
        subj = (outside or subjects or [None])[0]
        if subj is not None:
            if subj.tag_ in ("WP", "WDT"):
                # PolNeAR marks the relative pronoun ("who said"); the speaker stage follows it
                return (subj.idx, subj.idx + len(subj.text))
            if subj.dep_ == "expl" or (subj.pos_ == "PRON" and subj.lower_ in ("this", "that", "there")):
                return None
            if seen and subj.lower_ == "it":
                return None  # 'it would be naive to expect': a dummy subject says nothing
            return _np_span(subj)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _np_span(pobj)
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acomp") and tok.head.i != tok.i:
            tok = tok.head  # ... "voters are likely to say": up to "are"
            seen += 1
            continue
        return _name_before(tok) if seen == 0 else None
    return None


def _name_before(tok: Token) -> Span | None:
    """'The president of the league, Jamel Msallem, said': the parser often loses a subject that
    is an appositive chain; a person's or organisation's name ending right before the cue (a comma
    between allowed) is the source."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].dep_ in ("aux", "neg", "advmod") and tok.doc[i].head.i == tok.i:
        i -= 1
    if i >= tok.sent.start and tok.doc[i].text == ",":
        i -= 1
    if i < tok.sent.start:
        return None
    last = tok.doc[i]
    if last.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") or last.pos_ != "PROPN":
        return None
    ent = next((e for e in tok.doc.ents if e.start <= i < e.end), None)
    start = tok.doc[ent.start] if ent is not None and ent.start >= tok.sent.start else last
    return (start.idx, last.idx + len(last.text))


_NAME_PREFIX = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}")


def _whole_name(text: str, source: Span, quoted: list[QuotedSpan]) -> Span:
    """'"...," Tulsa police Chief Chuck Jordan said': capitalised words the parser left between a
    quotation and the subject belong to the subject."""
    for q in quoted:
        if 0 < source[0] - q.end <= 40:
            m = _NAME_PREFIX.fullmatch(text, q.end + 1, source[0]) if text[q.end] == " " else None
            if m is not None:
                return (m.start(), source[1])
    return source


def _inverted_subject(tok: Token) -> Span | None:
    """'..., said Leslie Wimes, a ...': the proper noun or pronoun right after the cue."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ not in ("PROPN", "PRON"):
        return None
    head = nxt
    while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    return _np_span(head)


def _in_quotation(span: Span, quoted: list[QuotedSpan]) -> bool:
    return any(s <= span[0] and span[1] <= e for q in quoted for s, e in q.pieces)


def _np_span(head: Token) -> Span:
    """A noun phrase's span: its subtree minus relative clauses and trailing punctuation."""
    tokens = [t for t in head.subtree if not _in_relcl(t, head) and t.sent == head.sent and "\n" not in t.text]
    return _tokens_span(_contiguous_around(tokens, head))


def _in_relcl(t: Token, head: Token) -> bool:
    while t.i != head.i:
        if t.dep_ in ("relcl", "acl") and t.head.i == head.i:
            return True
        t = t.head
    return False


# --- content ----------------------------------------------------------------------------------


def _adjacent_quote(tok: Token, quoted: list[QuotedSpan], source: Span | None) -> QuotedSpan | None:
    """The quotation(s) the cue closes or introduces: '"X," he said', 'he said: "X"', and both
    sides of '"X," he said, "Y"' (returned as one span of pieces)."""
    doc = tok.doc
    cue_start, cue_end = tok.idx, tok.idx + len(tok.text)
    lo = min(cue_start, source[0]) if source else cue_start
    hi = max(cue_end, source[1]) if source else cue_end
    before = after = None
    for q in quoted:
        if q.end <= lo:
            gap = doc_text(doc)[q.end : lo]
            # '..." A member said' signs it; '...". A member said' (British stop) starts anew
            if len(gap) <= 3 and not _WORD.search(gap) and "\n" not in gap and not any(c in gap for c in ".!?"):
                before = q
        elif q.start >= hi and after is None:
            gap = doc_text(doc)[hi : q.start]
            colon = gap.strip().endswith(":")
            if (
                len(gap) <= 40
                and ("\n" not in gap or colon)
                and (_is_lead_in(gap) or _is_adverbial(tok, hi, q.start))
                and not _has_cue_verb(doc, hi, q.start)
                and _quote_is_content(tok, q)
            ):
                after = q
            break
    if before is not None and after is not None:
        if _ends_sentence(doc_text(doc), before.end):
            return after  # '"A." He added, "B."': the first quotation is an earlier sentence's
        return QuotedSpan(before.pieces + after.pieces)
    return before or after


def _ends_sentence(text: str, end: int) -> bool:
    """Whether a quotation ending at ``end`` closes with a full stop inside its marks."""
    e = end - 1
    while e > 0 and text[e] in "\"'”’":
        e -= 1
    return text[e] == "."


def _after_colon(tok: Token, q: QuotedSpan) -> bool:
    """'issued the following statement: "..."': the quotation the cue's phrase introduces."""
    end = tok.idx + len(tok.text)
    return q.start > end and doc_text(tok.doc)[end : q.start].rstrip().endswith(":")


def _is_lead_in(gap: str) -> bool:
    """Between cue and quote: nothing, a colon or comma, or a short phrase ('in a statement:')."""
    g = gap.strip()
    return g in ("", ":", ",") or (g.endswith((":", ",")) and len(g) < 40)


def _is_adverbial(cue: Token, start: int, end: int) -> bool:
    """A short phrase of the cue's own, with no verb, between cue and quotation ('said on Friday
    "X"', 'told reporters "X"': wire and Wikinews style, no comma): the quotation is the cue's.
    Words of the cue's clause there ('said Trump "was wrong"') keep the clause as the content."""
    span = cue.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 6:
        return False
    # words of the cue's clause, or of an object that is what was said ('called the system "rotten"'),
    # keep the parse's content; an addressee ('told reporters "X"') does not
    clause = {
        t.i
        for c in cue.children
        if c.dep_ in CLAUSES or (c.dep_ in OBJECTS and c.pos_ != "PRON" and c.lower_ not in ADDRESSEE_NOUNS)
        for t in c.subtree
    }
    words = [t for t in span if t.idx >= start]
    return all(
        t.i not in clause and t.pos_ not in ("VERB", "AUX") and t.text not in ".;!?" and not t.is_sent_start
        for t in words
    )


def _has_cue_verb(doc: Doc, start: int, end: int) -> bool:
    """A cue verb between cue and quotation starts another act ('said, adding later, "B"', 'sings
    "A" before asking her, "B"'): the quotation after it is not this cue's."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ == "VERB" and is_cue(lemma(t), "VERB", True) for t in span)


def _quote_is_content(tok: Token, q: QuotedSpan) -> bool:
    """Whether the quote after the cue is what it says: not when a clause of the cue's own stands
    between them ('he said the report, "a draft", was wrong' keeps the clause)."""
    for c in tok.rights:
        if c.dep_ in CLAUSES and _tokens_span(list(c.subtree))[1] <= q.start:
            return False
    return True


def _object_content(tok: Token) -> tuple[list[Span], Token | None]:
    objs = [c for c in tok.rights if c.dep_ in OBJECTS]
    if objs:
        tokens = [t for o in objs for t in o.subtree]
        # "cited X as Y", "accused X of Y", "criticized X for Y", "called X “unhinged”": what
        # follows the object is part of what was said
        tokens += [
            t
            for c in tok.rights
            if c.i > objs[0].i and (c.dep_ in OBJECT_COMPLEMENTS or c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS)
            for t in c.subtree
        ]
        last = max(t.i for t in tokens)
        tokens += [c for c in tok.rights if c.dep_ == "punct" and objs[0].i < c.i < last]  # the “ before “crazy”
        return [_tokens_span(_contiguous_after(tokens, tok))], None
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in CUE_PREPOSITIONS and c.i == tok.i + 1), None)
    if prep is not None:
        pobj = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        if pobj:
            return [_tokens_span(pobj)], prep
    return [], None


def _parenthetical(tok: Token, cue_tokens: list[Token]) -> tuple[Span, list[Span]] | None:
    """'X, Mr. Clarke said, Y' / 'X, he told me on Friday, Y': the cue and its subject set off by
    commas inside the sentence they report; content is the sentence around them."""
    sent = tok.sent
    first = cue_tokens[0]
    j = first.i - 1
    while j > sent.start and tok.doc[j].text != "," and first.i - j <= 12:
        if tok.doc[j].pos_ in ("VERB", "AUX") or tok.doc[j].text in ('"', "“", "”", "''"):
            return None
        j -= 1
    if j <= sent.start or tok.doc[j].text != ",":
        return None
    source_tokens = tok.doc[j + 1 : first.i]
    if not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in source_tokens):
        return None
    k = tok.i + 1
    while k < sent.end and tok.doc[k].text != "," and k - tok.i <= 6:
        if tok.doc[k].pos_ in ("VERB", "AUX") or tok.doc[k].dep_ in CLAUSES:
            return None
        k += 1
    if k >= sent.end - 1 or tok.doc[k].text != ",":
        return None
    before = _tokens_span(tok.doc[sent.start : j])
    after = _tokens_span(tok.doc[k + 1 : sent.end])
    return _tokens_span(source_tokens), [before, after]


def _host_clause(tok: Token, source: Span | None) -> list[Span]:
    """'X, he said' or 'X, he said, Y' parsed with the cue hanging off X's verb: content is the
    host clause around the cue, in one or two pieces."""
    if tok.dep_ not in ("parataxis", "ccomp") or tok.head.i == tok.i or tok.head.i > tok.i:
        return []
    inner = {t.i for t in tok.subtree}
    tokens = [t for t in tok.head.subtree if t.i not in inner and not (source and source[0] <= t.idx < source[1])]
    return _runs(tokens)


def _add_following_pieces(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'"A," she said. "B."': later quotations in the same paragraph as a direct quote's cue,
    with no other cue between, are more pieces of it (even after 'she said in an interview.')."""
    text = doc_text(doc)
    owner = {p: q for q in quotes for p in q.content}
    cues = sorted(((q.cue[0], n) for n, q in enumerate(quotes) if q.cue))
    for q in quotes:
        if q.cue is None or _in_quotation(q.cue, quoted):
            continue  # nested: the enclosing quotation ends its content
        if not any(_is_quotation(text, p, quoted) or _opens_quotation(p, quoted) for p in q.content):
            continue
        anchor = max(q.end, q.cue[1], q.source[1] if q.source else 0)
        home = _sentence_start(doc, q.cue[0])
        for qs in quoted:
            if qs.start < anchor:
                continue
            if "\n" in text[anchor : qs.start]:
                break
            # an aside in the cue's own sentence ('"A," Clark said, noting that X. "B."', '... who
            # said', 'according to the Times') does not start another speaker's turn; a cue in a
            # later sentence does
            between = [quotes[n] for c, n in cues if anchor <= c < qs.start]
            if any(_sentence_start(doc, o.cue[0]) != home or any(_overlaps(p, qs.pieces) for p in o.content)
                   for o in between):
                break
            others = [owner[p] for p in qs.pieces if p in owner and owner[p] is not q]
            if others:
                if all(o.cue and _sentence_start(doc, o.cue[0]) == home for o in others) and _word_total(text, qs.pieces) <= 4:
                    anchor = qs.end  # a quoted term of the aside (the course "cratered")
                    continue
                break
            if _claimed_elsewhere(qs, quotes, q, quoted):
                break
            q.content.extend(qs.pieces)
            for p in qs.pieces:
                owner[p] = q
            anchor = qs.end


def _sentence_start(doc: Doc, pos: int) -> int | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span.sent.start if span is not None else None


_DASH_SOURCE = re.compile(r"\s*(―|—|–|--|-(?=\s))\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# '"...," the email read.', '"...," Bozell answers.': a signature the parser read as a noun phrase
_SIGNATURE = re.compile(
    r"[ \t]*((?:the |a |an |his |her |their )?[\w'’.-]+(?: [\w'’.-]+){0,3}?) "
    r"(read|reads|answers|answered|writes|wrote|states|stated|says|said|adds|added|notes|noted|"
    r"explains|explained|continues|continued|replies|replied|argues|argued)(?=[.,;:!?]|\s*$)"
)


def _colon_introductions(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """'Sanders made the following comment:' + a paragraph that is a quotation: the sentence
    introduces it, whatever its verb; consecutive all-quotation paragraphs are more pieces."""
    text = doc_text(doc)
    cues = {q.cue for q in quotes}
    out = []
    for sent in doc.sents:
        end = sent.end_char
        while end > sent.start_char and text[end - 1].isspace():
            end -= 1
        if end <= sent.start_char or text[end - 1] != ":" or "\n" not in text[end : end + 3]:
            continue
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        if root.pos_ != "VERB" or subj is None or subj.lower_ in ("it", "this", "there", "here", "they"):
            continue
        pieces: list[Span] = []
        position = end
        for qs in quoted:
            if qs.start < position:
                continue
            para = _paragraph_of(text, qs.start)
            gap = text[position : qs.start]
            if gap.strip() or qs.start != para[0]:
                break
            pieces.extend(qs.pieces)
            position = qs.end
        cue = _tokens_span(_cue_tokens(root))
        if pieces and cue not in cues and not any(c and c[0] >= sent.start_char and c[1] <= end for c in cues):
            cue = (cue[0], end) if len(text[cue[1] : end]) < 40 else cue
            out.append(Quote(content=pieces, cue=cue, source=_np_span(subj)))
    return out


def _headline_quotations(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan], headline: Span | None) -> list[Quote]:
    """'Hillary Clinton Speaks ‘Directly To White People’ After ...': a headline that opens with a
    noun phrase and quotes someone later quotes that phrase's referent; title case defeats the
    parser's verbs, so the word after the phrase is taken as the cue."""
    if headline is None:
        return []
    covered = [p for q in quotes for p in q.content]
    span = doc.char_span(headline[0], headline[1], alignment_mode="contract")
    if span is None:
        return []
    chunk = next(iter(span.noun_chunks), None)
    out = []
    for qs in quoted:
        if not (headline[0] <= qs.start and qs.end <= headline[1]) or any(_overlaps(p, covered) for p in qs.pieces):
            continue
        opens = chunk is not None and chunk.start == span.start and chunk.end < span.end and chunk.end_char < qs.start
        cue = doc[chunk.end] if opens else None
        if opens and cue.is_alpha and _names_someone(doc, (chunk.start_char, chunk.end_char)):
            out.append(Quote(content=list(qs.pieces), cue=(cue.idx, cue.idx + len(cue.text)),
                             source=(chunk.start_char, chunk.end_char)))
        else:
            # 'Rwanda plan: Home secretary 'confident' ...': quoted words with no one named in
            # the headline; the body says who, or it is dropped (quoth.pipeline.headline_speakers)
            out.append(Quote(content=list(qs.pieces)))
    return out


def _unclaimed_quotations(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """A long quotation no cue claimed ('Trump attacked "the hateful ideology of ..."'): the verb
    that governs it in its sentence is the cue, that verb's subject the source. Paragraphs that are
    all quotation are left to :func:`_continuations`."""
    covered = [p for q in quotes for p in q.content]
    out = []
    for qs in quoted:
        if _word_total(doc_text(doc), qs.pieces) < MIN_UNCLAIMED_WORDS or any(_overlaps(p, covered) for p in qs.pieces):
            continue
        span = doc.char_span(qs.start, qs.pieces[0][1], alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        sent = span[0].sent
        head = _colon_head(doc, qs)
        if head is None:
            if sent.start_char >= qs.start and sent.end_char <= qs.pieces[0][1] + 1:
                continue  # a sentence that is all quotation: no verb outside it
            head = span.root.head if span.root.head.i != span.root.i else None
            while head is not None and head.pos_ != "VERB" and head.head.i != head.i:
                head = head.head
        if head is None or head.pos_ != "VERB" or qs.start <= head.idx < qs.end:
            continue
        if not _speaks(head) and _word_total(doc_text(doc), qs.pieces) < LONG_QUOTATION_WORDS:
            continue  # 'designed an "on-ramp"', 'published an "October surprise"': a term, not words said
        source = _source_of(head, quoted)
        if source is None or _in_quotation(source, quoted):
            continue
        out.append(Quote(content=list(qs.pieces), cue=_tokens_span(_cue_tokens(head)), source=source))
        covered.extend(qs.pieces)
    return out


def _speaks(verb: Token) -> bool:
    """A verb that can say what a quotation holds: a cue of the lexicon or a verb of speaking,
    in a frame that reports (not "was called a 'socialist'", "denying", "wrote a song")."""
    word = lemma(verb)
    if not (is_cue(word, "VERB", False) or word in QUOTING_VERBS) or word in NEEDS_CLAUSE:
        return False
    return reports(verb, False) or word in ("say", "tell")


def _colon_head(doc: Doc, qs: QuotedSpan) -> Token | None:
    """'... rolling out a new campaign message: "It's about me."': a quotation right after a colon
    in its paragraph belongs to the verb of the clause the colon ends."""
    text = doc_text(doc)
    before = text[: qs.start].rstrip(" ")
    if not before.endswith(":") or before.endswith("\n:"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    # the nearest verb before the colon with a subject of its own ('Mr. Smith shot back:'), in the
    # colon's sentence ('her response was:' has none: on PolNeAR train such copulas cost more
    # attributions than they found)
    for tok in reversed(doc[colon[0].sent.start : colon[0].i]):
        if tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in tok.children):
            return tok
    return None


def _word_total(text: str, pieces: list[Span]) -> int:
    return sum(len(re.findall(r"\w+", text[s:e])) for s, e in pieces)


_LABEL = re.compile(r"[^\n:]{2,80}?:\s*")
_TRANSCRIPT_SPEAKER = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,40}):\s")
_INVERTED_LABEL = re.compile(r"(Said|Says|Added|Adds|Asked|Wrote|Writes)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s*$")


def _colon_labels(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan], headline: Span | None) -> list[Quote]:
    """'Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated’' (a headline) and
    '"PENCE: Well, look, ...' (a transcript): the label before the colon is the source."""
    text = doc_text(doc)
    used = {p for q in quotes for p in q.content}
    out = []
    for qs in quoted:
        if any(p in used for p in qs.pieces):
            continue
        para = _paragraph_of(text, qs.start)
        in_headline = headline is not None and headline[0] <= qs.start < headline[1]
        label = _LABEL.fullmatch(text, para[0], qs.start) if in_headline else None
        if label is not None and any(c.isupper() for c in text[para[0] : qs.start]):
            source = _trim(doc, para[0], text.rindex(":", para[0], qs.start))
            if source is not None and _names_someone(doc, source):
                colon = text.rindex(":", para[0], qs.start)
                out.append(Quote(content=list(qs.pieces), cue=(colon, colon + 1), source=source))
            continue
        inverted = _INVERTED_LABEL.search(text, max(para[0], qs.start - 60), qs.start)
        if inverted is not None:
            # 'Said Ellis: “I don’t get the sense ...”'
            out.append(Quote(content=list(qs.pieces), cue=inverted.span(1), source=inverted.span(2)))
            continue
        if _TRANSCRIPT_SPEAKER.match(text, qs.start) is None or qs.start != para[0]:
            continue
        # each labelled paragraph is a turn; unlabelled ones continue the turn before
        current: Quote | None = None
        for s, e in qs.pieces:
            m = _TRANSCRIPT_SPEAKER.match(text, s)
            if m is not None:
                current = Quote(content=[(m.end(), e)], cue=(m.end(1), m.end(1) + 1), source=m.span(1))
                out.append(current)
            elif current is not None:
                current.content.append((s, e))
    return out


def _names_someone(doc: Doc, span: Span) -> bool:
    """A headline label before a colon is a source only when it ends in a name or a role
    ("Wells Fargo CEO:", "Putin:"), not a topic ("Rwanda plan:")."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or not len(words):
        return False
    last = [t for t in words if not t.is_punct][-1:]
    if not last:
        return False
    tok = last[0]
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.lower_.rstrip(".") in ROLE_WORDS or tok.lower_.endswith(("man", "woman", "person"))


def _signatures(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """A quotation ending in a comma, signed by a short noun phrase and a verb of saying that the
    tagger read as a noun ('"Stop," the email read.', '"No," the two write.')."""
    text = doc_text(doc)
    covered = [p for q in quotes for p in q.content]
    cues = [q.cue for q in quotes if q.cue]
    out = []
    for qs in quoted:
        if any(_overlaps(p, covered) for p in qs.pieces) or text[qs.end - 2 : qs.end - 1] not in (",", "?", "!"):
            continue
        m = _SIGNATURE.match(text, qs.end, _paragraph_of(text, qs.end)[1])
        if m is None or any(m.start(2) <= c[0] < m.end(2) for c in cues):
            continue
        out.append(Quote(content=list(qs.pieces), cue=m.span(2), source=m.span(1)))
    return out


def _dash_attributions(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """'"X." ― Carla Sanchez': a quotation signed with a dash and a name (reader comments, epigraphs)."""
    used = {p for q in quotes for p in q.content}
    out = []
    for qs in quoted:
        if any(p in used for p in qs.pieces):
            continue
        m = _DASH_SOURCE.match(doc_text(doc), qs.end)
        if m is None:
            continue
        start, end = m.span(2)
        if doc_text(doc)[end - 1] == "." and end - start > 2 and doc_text(doc)[end - 3] not in " .":
            end -= 1  # "- Bernie Sanders." ends a sentence; "J. R. Smith" keeps its initials
        out.append(Quote(content=list(qs.pieces), cue=m.span(1), source=(start, end)))
    return out


def _continuations(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan], zones: list[Span]) -> list[Quote]:
    """A paragraph that is all quotation, with no cue, continues the previous speaker."""
    out: list[Quote] = []
    covered = [p for q in quotes for p in q.content]
    cues = [q.cue for q in quotes if q.cue]
    for qs in quoted:
        if any(_overlaps(p, covered) for p in qs.pieces) or any(qs.start <= c[0] < qs.end for c in cues):
            continue
        para = _paragraph_of(doc_text(doc), qs.start)
        if doc_text(doc)[para[0] : para[1]].strip() != doc_text(doc)[qs.start : qs.pieces[0][1]].strip():
            continue
        previous = [q for q in quotes if q.end <= qs.start]
        if not previous or not _inside(zones, qs.start, qs.end):
            continue
        last = max(previous, key=lambda q: q.end)
        if doc_text(doc).count("\n\n", last.end, qs.start) > 1 and doc_text(doc).count("\n", last.end, qs.start) > 2:
            continue
        out.append(Quote(content=list(qs.pieces)))
    return out


# --- helpers ----------------------------------------------------------------------------------


def _link_parents(quotes: list[Quote]) -> None:
    """An attribution whose cue sits inside another's content is nested in it."""
    for i, q in enumerate(quotes):
        if q.cue is None:
            continue
        best = None
        for j, other in enumerate(quotes):
            if j == i:
                continue
            if any(s <= q.cue[0] and q.cue[1] <= e for s, e in other.content):
                if best is None or (other.end - other.start) < (quotes[best].end - quotes[best].start):
                    best = j
        q.parent = best


def _quote_type(text: str, content: list[Span], quoted: list[QuotedSpan]) -> str:
    pieces = [p for q in quoted for p in q.pieces]
    if all(_is_quotation(text, p, quoted) for p in content):
        return "direct"
    if any(_overlaps(p, content) for p in pieces):
        return "mixed"
    return "indirect"


def _claimed_elsewhere(qs: QuotedSpan, quotes: list[Quote], owner: Quote, quoted: list[QuotedSpan]) -> bool:
    """Part of another attribution made outside quotation marks: '"B" to drive up the price, she
    said' (nested attributions, whose cue is inside a quotation, do not count)."""
    for other in quotes:
        if other is owner or other.cue is None or _in_quotation(other.cue, quoted):
            continue
        if any(_overlaps(p, other.content) for p in qs.pieces):
            return True
    return False


def _opens_quotation(span: Span, quoted: list[QuotedSpan]) -> bool:
    """A mixed quote that starts with a quotation (''''I have admiration for the mechanics'' of
    the Clinton proposals, Mr. Holtz-Eakin said'): its speaker goes on quoting."""
    return any(q.start == span[0] for q in quoted)


def _is_quotation(text: str, span: Span, quoted: list[QuotedSpan]) -> bool:
    for q in quoted:
        for s, e in q.pieces:
            if s <= span[0] + 1 and span[1] - 1 <= e and (span[1] - span[0]) >= 0.8 * (e - s):
                return True
    return False


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One attribution per cue; of two with the same content, the one with a source."""
    by_cue: dict[Span | None, Quote] = {}
    out = []
    for q in quotes:
        if q.cue in by_cue:
            continue
        by_cue[q.cue] = q
        out.append(q)
    keep = []
    for q in out:
        twin = next((k for k in keep if k.content == q.content), None)
        if twin is None:
            keep.append(q)
        elif twin.source is None and q.source is not None:
            keep[keep.index(twin)] = q
    return keep


def _tokens_span(tokens: Iterable[Token]) -> Span:
    tokens = list(tokens)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return (start, end)




def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    idx = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def _contiguous_after(tokens: list[Token], cue: Token) -> list[Token]:
    idx = sorted({t.i for t in tokens if t.i > cue.i})
    if not idx:
        return tokens
    run = [idx[0]]
    for i in idx[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    keep = set(run)
    return [t for t in tokens if t.i in keep]


def _runs(tokens: list[Token]) -> list[Span]:
    tokens = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [_tokens_span(r) for r in runs]




def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Strip white space and dangling commas/dashes; None when no word is left."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    # a sentence's full stop is not part of what was said (a quotation keeps its own)
    if end - start > 1 and text[end - 1] == "." and text[start] not in "\"“”«'‘" and text[end - 2].isalnum() and not _ABBREVIATION.search(text, start, end):
        end -= 1
    if not _WORD.search(text[start:end]):
        return None
    return (start, end)


def _clip(quote: Quote, zones: list[Span]) -> Quote | None:
    """Keep only what lies in the zones (no dateline, caption or credit in a quote's content)."""
    if quote.cue is not None and not _inside(zones, quote.cue[0], quote.cue[1]):
        return None
    pieces = []
    for s, e in quote.content:
        for zs, ze in zones:
            if s < ze and zs < e:
                pieces.append((max(s, zs), min(e, ze)))
    if not pieces:
        return None
    quote.content = pieces
    if quote.source is not None and not _overlaps(quote.source, zones):
        quote.source = None
    return quote


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _inside(zones: list[Span], start: int, end: int) -> bool:
    return any(s <= start and end <= e + 1 or (s <= start < e) for s, e in zones)


def _paragraph_of(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (start, len(text) if end < 0 else end)


def _addressee(tok: Token) -> Span | None:
    """'told *reporters*', 'said *to the media*', 'in response to *a journalists' question*'."""
    for c in tok.children:
        if c.dep_ in ADDRESSEE_DEPS and c.i > tok.i and lemma(tok) in ("tell", "assure", "inform", "warn", "remind", "ask"):
            return _np_span(c)
        if c.dep_ == "prep" and c.lower_ == "to" and lemma(tok) in ("say", "tell", "speak", "talk", "explain", "write"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _np_span(pobj)
        if c.dep_ == "prep" and c.lower_ == "in":
            response = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ == "response"), None)
            if response is not None:
                to = next((g for g in response.children if g.lower_ == "to"), None)
                pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    return _np_span(pobj)
    return None


def _channel(tok: Token) -> Span | None:
    """'in an interview with Le Figaro', 'at the Valdai Club meeting', 'tweeted'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in CHANNEL_NOUNS | {"twitter", "facebook", "television", "tv", "radio"}:
                return _tokens_span(list(c.subtree))
    if lemma(tok) in CHANNEL_VERBS:
        return (tok.idx, tok.idx + len(tok.text))
    if tok.dep_ == "relcl" and tok.head.lower_ in CHANNEL_NOUNS:
        # 'at the Valdai Club meeting where he said ...'
        noun = tok.head
        if noun.head.dep_ == "prep":
            return _tokens_span([t for t in noun.head.subtree if t.i < tok.i and not (t.tag_ in ("WRB", "WDT"))])
        return _tokens_span([t for t in noun.subtree if t.i < tok.i and t.tag_ not in ("WRB", "WDT")])
    return None
