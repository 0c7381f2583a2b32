"""Attributions that start from quotation marks rather than from a cue word.

The cue rules (:mod:`quoth.extraction.attributions`) find what a verb of saying reports; these
rules take the quotations left over and ask who they belong to, the way a reader does: a later
quotation in the same paragraph is more of the same quote (``"A," she said. "B."``); a sentence
ending in a colon introduces the quotation after it; a label ("PENCE:", "Wells Fargo CEO:") or a
signature ("― Carla Sanchez", "the email read") names the speaker; the verb governing a long
quotation is its cue; a paragraph that is all quotation continues the previous speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from quoth.extraction.cues import is_cue
from quoth.extraction.frames import NEEDS_CLAUSE, QUOTING_VERBS, WEAK_QUOTING_VERBS, reports
from quoth.extraction.offsets import SpanIndex, quote_index
from quoth.extraction.offsets import any_between as _any_between
from quoth.extraction.quotemarks import QuotedSpan
from quoth.extraction.sources import SUBJECTS, _cue_tokens, _np_span, _source_of
from quoth.extraction.spans import (
    _in_quotation,
    _inside,
    _is_quotation,
    _opens_quotation,
    _overlaps,
    _paragraph_of,
    _sentence_start,
    _tokens_span,
    _trim,
    _word_total,
)
from quoth.model import Quote, Span
from quoth.nlp import doc_noun_chunks, doc_text, lemma

# Cues that attribute without a subject ("it was reported that", "is expected to").
# Role nouns a headline label may end with ("Wells Fargo CEO: ...").
ROLE_WORDS = {
    "ceo", "president", "minister", "chief", "spokesman", "spokeswoman", "spokesperson", "leader",
    "secretary", "senator", "governor", "mayor", "judge", "official", "officials", "police", "envoy",
    "ambassador", "chancellor", "premier", "king", "queen", "pope", "expert", "experts", "doctor",
    "doctors", "scientists", "report", "study", "poll", "survey", "court", "boss", "chair", "head",
}


# A quotation this long that no cue claimed is still somebody's words ('call them "lone wolves"',
# 'used the phrase "Islamic terrorism"'); one-word ones are mostly scare quotes. On PolNeAR dev,
# going from 8 words to 2 raised direct-quote recall from 0.941 to 0.958 for 0.004 attribution F1.
MIN_UNCLAIMED_WORDS = 2


# ... and one that long is somebody's words whatever verb governs it
LONG_QUOTATION_WORDS = 3


def _add_following_pieces(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'"A," she said. "B."': later quotations in the same paragraph as a direct quote's cue,
    with no other cue between, are more pieces of it (even after 'she said in an interview.')."""
    text = doc_text(doc)
    owner = {p: q for q in quotes for p in q.content}
    cues = sorted(((q.cue[0], n) for n, q in enumerate(quotes) if q.cue))
    claims = _Claims(quotes, quoted)
    index = quote_index(quoted)
    for q in quotes:
        if q.cue is None or _in_quotation(q.cue, quoted):
            continue  # nested: the enclosing quotation ends its content
        if not any(_is_quotation(text, p, quoted) or _opens_quotation(p, quoted) for p in q.content):
            continue
        anchor = max(q.end, q.cue[1], q.source[1] if q.source else 0)
        home = _sentence_start(doc, q.cue[0])
        first = index.first_from(anchor)
        for qs in (quoted[k] for k in range(len(quoted) if first is None else first, len(quoted))):
            if qs.start < anchor:
                continue
            if "\n" in text[anchor : qs.start]:
                break
            # an aside in the cue's own sentence ('"A," Clark said, noting that X. "B."', '... who
            # said', 'according to the Times') does not start another speaker's turn; a cue in a
            # later sentence does
            between = [quotes[n] for c, n in cues[bisect_left(cues, (anchor,)) : bisect_left(cues, (qs.start,))]]
            if any(_sentence_start(doc, o.cue[0]) != home or any(_overlaps(p, qs.pieces) for p in o.content)
                   for o in between):
                break
            others = [owner[p] for p in qs.pieces if p in owner and owner[p] is not q]
            if others:
                if all(o.cue and _sentence_start(doc, o.cue[0]) == home for o in others) and _word_total(text, qs.pieces) <= 4:
                    anchor = qs.end  # a quoted term of the aside (the course "cratered")
                    continue
                break
            if claims.claimed_elsewhere(qs, q):
                break
            if _inside_a_later_sentence(text[anchor : qs.start]):
                break  # '"A," Smith said. She endorsed a "woman of color."': the writer's sentence
            q.content.extend(qs.pieces)
            claims.extend(q, qs.pieces)
            for p in qs.pieces:
                owner[p] = q
            anchor = qs.end


# White space, and the zero-width characters web pages leave beside a dash ('— \u200dAparna Garg').
_GAP = r"[\s\u200b\u200c\u200d\u2060\ufeff]*"
_DASH_SOURCE = re.compile(_GAP + r"(―|—|–|--|-(?=\s))" + _GAP + r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


# '"...," the email read.', '"...," Bozell answers.': a signature the parser read as a noun phrase
_SIGNATURE = re.compile(
    r"[ \t]*((?:the |a |an |his |her |their )?[\w'’.-]+(?: [\w'’.-]+){0,3}?) "
    r"(read|reads|answers|answered|writes|wrote|states|stated|says|said|adds|added|notes|noted|"
    r"explains|explained|continues|continued|replies|replied|argues|argued)(?=[.,;:!?]|\s*$)"
)


_SIGNING_VERBS = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|explains|continued|continues|"
    "replied|replies|argued|argues|noted|notes|stated|states|answered|answers|insisted|insists|"
    "recalled|recalls|warned|warns|declared|declares|admitted|admits|acknowledged|acknowledges|"
    "conceded|concedes|complained|complains|joked|jokes|quipped|quips|responded|responds|"
    "countered|counters|tweeted|tweets|posted|posts|shouted|shouts|cautioned|cautions|predicted|predicts|"
    "testified|testifies|remarked|remarks|commented|comments"
)
_NOT_NOUN_PHRASE = r"(?!(?:and|but|or|then|so|as|when|while|which|who|whom|that|because|if|before|after|where|what|how)\b)"

# A quotation that ends in a comma, signed by whoever follows it, with an appositive or not:
# '"...," Gene Sperling, a top outside Clinton adviser, said at an event.', '"...," Ramos, 58, told
# AFP.', '"...?" the 43-year-old asked in the video.' The wire's commonest form, read from the text
# because the parser often takes the name for part of the quoted clause.
_SIGNED = re.compile(
    r"[ \t]*" + _NOT_NOUN_PHRASE
    + r"((?:the |a |an |his |her |their )?[\w'’.-]+(?: " + _NOT_NOUN_PHRASE + r"[\w'’.-]+){0,5}?)"
    + r"(,[ \t][^,\n“”\"]{1,70},)?[ \t]"
    + r"(" + _SIGNING_VERBS + r")(?=[\s.,;:!?]|$)"
)


# ... or by a verb and then a name: '"I am in awe of ..." tweeted Mayor of London Sadiq Khan.'
_SIGNED_INVERTED = re.compile(
    r"[ \t]*(" + _SIGNING_VERBS + r")[ \t]+"
    r"((?:the )?[A-Z][\w'’-]*\.?(?: (?:of |for |the )*[A-Z][\w'’-]*\.?){0,6})(?=[,;:!?(]|\s+\(|\s*$|\s+(?:who|in|on|at)\b)"
)


def _signed_quotation(text: str, qs: QuotedSpan) -> tuple[Span, Span] | None:
    """``(cue, source)`` of the signature right after a quotation: its last words end in a comma,
    question or exclamation mark, or it is long enough (4 words) not to be a title."""
    inside = text[qs.start : qs.end].rstrip("”\"’'")
    words = _word_total(text, qs.pieces)
    if not (inside.endswith((",", "?", "!")) and words >= 2) and words < 4:
        return None
    end = _paragraph_of(text, qs.end)[1]
    m = _SIGNED.match(text, qs.end, end)
    if m is not None:
        return m.span(3), m.span(1)
    m = _SIGNED_INVERTED.match(text, qs.end, end)
    if m is not None:
        start, stop = m.span(2)
        if text[stop - 1] == "." and stop - start > 3 and text[stop - 3] not in " .":
            stop -= 1  # 'said John Smith.' ends a sentence; 'Mr.' keeps its stop
        return m.span(1), (start, stop)
    return None


def _cut_at_signatures(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """'"It is not the position," Gene Sperling, a top adviser, said': the parser read the name as
    part of the quoted clause, so the cue's content runs past the closing mark and has no source.
    The quotation is the content; the name before the cue is the source."""
    text = doc_text(doc)
    spans = SpanIndex(((qs.start, qs.end) for qs in quoted), quoted)
    for q in quotes:
        if q.source is not None or q.cue is None:
            continue
        for p in list(q.content):
            for _, _, qs in spans.containing(p[0], p[0] + 1):
                if p[1] <= qs.end:
                    continue
                signed = _signed_quotation(text, qs)
                if signed is None or signed[0] != q.cue:
                    continue
                q.content = [c for c in q.content if c[1] <= qs.start] + list(qs.pieces)
                q.source = signed[1]
                break
            if q.source is not None:
                break


def _colon_introductions(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """'Sanders made the following comment:' + a paragraph that is a quotation: the sentence
    introduces it, whatever its verb; consecutive all-quotation paragraphs are more pieces."""
    text = doc_text(doc)
    cues = {q.cue for q in quotes}
    cue_starts = sorted(c for c in cues if c)
    index = quote_index(quoted)
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
        first = index.first_from(position)
        for qs in (quoted[k] for k in range(len(quoted) if first is None else first, len(quoted))):
            if qs.start < position:
                continue
            para = _paragraph_of(text, qs.start)
            gap = text[position : qs.start]
            if gap.strip() or qs.start != para[0]:
                break
            pieces.extend(qs.pieces)
            position = qs.end
        cue = _tokens_span(_cue_tokens(root))
        inside = cue_starts[bisect_left(cue_starts, (sent.start_char,)) : bisect_left(cue_starts, (end + 1,))]
        if pieces and cue not in cues and not any(c[1] <= end for c in inside):
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
    # (span.noun_chunks, from the document's chunks found once)
    chunk = next((c for c in doc_noun_chunks(doc) if c.start >= span.start and c.end <= span.end), None)
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
    covered = SpanIndex(p for q in quotes for p in q.content)
    out = []
    for qs in quoted:
        if _word_total(doc_text(doc), qs.pieces) < MIN_UNCLAIMED_WORDS or any(covered.overlaps(*p) for p in qs.pieces):
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
        if head is not None and not _speaks(head):
            head = _speaking_verb_before(span, qs) or head
        if head is None or head.pos_ != "VERB" or qs.start <= head.idx < qs.end:
            continue
        if not _speaks(head) and _word_total(doc_text(doc), qs.pieces) < LONG_QUOTATION_WORDS:
            continue  # 'designed an "on-ramp"', 'published an "October surprise"': a term, not words said
        source = _source_of(head, quoted)
        if source is None or _in_quotation(source, quoted):
            continue
        out.append(Quote(content=list(qs.pieces), cue=_tokens_span(_cue_tokens(head)), source=source))
        for p in qs.pieces:
            covered.add(p)
    return out


# Speech words the tagger often takes for nouns before a comma or colon: '..., writing, "..."',
# 'The statement read: "..."'. The participles speak for the clause's subject; "read(s)" for a
# document that is the subject ('The family's statement on his death read: "..."').
_PARTICIPLES = frozenset("writing saying adding noting stating explaining declaring tweeting posting".split())
_READS = frozenset({"read", "reads"})
_MISTAGGED_LEAD_IN = re.compile(r"\b(\w+)\s*[,:]\s*$")


def _mistagged_introductions(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """A quotation right after a speech word the parse took for a noun: the word is the cue, the
    sentence's subject (a person for the participles, a document for "read") the source."""
    text = doc_text(doc)
    covered = SpanIndex(p for q in quotes for p in q.content)
    out = []
    for qs in quoted:
        if _word_total(text, qs.pieces) < 4 or any(covered.overlaps(*p) for p in qs.pieces):
            continue
        line_start = text.rfind("\n", 0, qs.start) + 1
        m = _MISTAGGED_LEAD_IN.search(text, line_start, qs.start)
        if m is None or m.group(1).lower() not in _PARTICIPLES | _READS:
            continue
        word = doc.char_span(m.start(1), m.end(1))
        if word is None or word[0].pos_ == "VERB":
            continue  # a verb the parse read right is the cue's own business
        cue = word[0]
        subject = next((c for c in cue.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > cue.i or _in_quotation((subject.idx, subject.idx + 1), quoted):
            continue
        if (cue.lower_ in _READS) != (lemma(subject).lower() in _DOCUMENTS):
            continue  # a participle is someone's, "read" a document's
        words = [t for t in subject.subtree if t.i < cue.i]  # (the parse hung "read" inside it)
        out.append(Quote(content=list(qs.pieces), cue=(cue.idx, cue.idx + len(cue.text)),
                         source=_tokens_span(words)))
        for p in qs.pieces:
            covered.add(p)
    return out


_DOCUMENTS = frozenset("statement letter note message post tweet opinion ruling order sign notice "
                       "release email memo text caption headline verdict decision".split())


def _speaking_verb_before(span, qs: QuotedSpan) -> Token | None:
    """'... with the latter confirming on Twitter they were "not traveling ..."': when the parse
    hangs the quotation on a verb that does not speak, the nearest verb before the quotation in
    its sentence, if it speaks, is the cue."""
    sent = span[0].sent
    for tok in reversed(span.doc[sent.start : span[0].i]):
        if tok.pos_ == "VERB":
            # ('part of what goes wrong: There could be dangers "if ..."': "go", "begin" say
            # something only right before a colon, which is another rule's; "as X put it" does)
            weak = lemma(tok) in WEAK_QUOTING_VERBS and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
            return tok if _speaks(tok) and not weak else None
    return None


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
    end = qs.start  # where the text before the quotation ends, spaces left out
    while end > 0 and text[end - 1] == " ":
        end -= 1
    # 'Mick Jagger also reacted on Twitter, "Sad news hearing that ..."': a sentence quoted after a
    # comma ends the clause that introduces it, like a colon, if its verb can say it
    after_comma = text[end - 1 : end] == "," and _word_total(text, qs.pieces) >= 4 and text[qs.start + 1 : qs.start + 2].isupper()
    if not after_comma and (text[end - 1 : end] != ":" or text[end - 2 : end] == "\n:"):
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")  # the colon, or the comma
    if colon is None:
        return None
    # the nearest verb before the colon with a subject of its own ('Mr. Smith shot back:'), in the
    # colon's sentence ('her response was:' has none: on PolNeAR train such copulas cost more
    # attributions than they found)
    for tok in reversed(doc[colon[0].sent.start : colon[0].i]):
        if tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in tok.children):
            if after_comma and not (_speaks(tok) or lemma(tok) in _REACTING):
                return None
            return tok
    return None


# Verbs that introduce what someone posted or answered, beside a comma ('reacted on Twitter, "..."').
_REACTING = frozenset("react respond comment post tweet write reply answer".split())


_LABEL = re.compile(r"[^\n:]{2,80}?:\s*")


_TRANSCRIPT_SPEAKER = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,40}):\s")


_INVERTED_LABEL = re.compile(
    r"(Said|Says|Added|Adds|Asked|Wrote|Writes|Remarked|Commented|Continued|Explained|Noted|Tweeted|Replied|"
    r"Responded|Argued|Insisted)\s+((?:the )?[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}?\s+[A-Z][\w.'’-]*|[A-Z][\w.'’-]*)[:,]\s*$"
)


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
        named = _named_label(doc, para[0], qs.start)
        if named is not None:
            colon = text.rindex(":", para[0], qs.start)
            out.append(Quote(content=list(qs.pieces), cue=(colon, colon + 1), source=named))
            continue
        inverted = _INVERTED_LABEL.search(text, max(para[0], qs.start - 100), qs.start)
        if inverted is not None and text[para[0] : inverted.start()].rstrip()[-1:] not in ("", ".", "!", "?", "”", '"'):
            inverted = None  # the verb must open its sentence: 'Said Ellis: "..."'
        if inverted is not None:
            # 'Said Ellis: “I don’t get the sense ...”'; 'Remarked Center for Biological Diversity
            # scientist Tierra Curry, "..."': the name that ends the phrase is the speaker
            start, end = inverted.span(2)
            tail = re.search(r"(?:^|\s)((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)$", text[start:end])
            if tail is not None and re.search(r"\s[a-z]", text[start:end]):
                start += tail.start(1)
            out.append(Quote(content=list(qs.pieces), cue=inverted.span(1), source=(start, end)))
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


# 'TURNOUT IN IOWA - Michael P. McDonald: "At long last ..."', 'Anthony Lynn: "We needed to win"':
# a name alone before a colon, opening its paragraph or after a dash, labels the quotation after it.
_NAME_LABEL = re.compile(r"(?:^|.*\s[-–—]\s+)([A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,4}):\s*$")


def _named_label(doc: Doc, start: int, quote_start: int) -> Span | None:
    """The name labelling a quotation in the body, if the words before its colon are a person's
    or an organisation's name and nothing else."""
    text = doc_text(doc)
    m = _NAME_LABEL.match(text, start, quote_start)
    if m is None:
        return None
    words = doc.char_span(*m.span(1), alignment_mode="expand")
    if words is None:
        return None
    if not all(t.ent_type_ in ("PERSON", "ORG") or t.lower_ == "and" for t in words) and not _first_and_last_name(words):
        return None
    return m.span(1)


def _first_and_last_name(words) -> bool:
    """'Philip Bump' untagged: two or three capitalised words opening with a known first name."""
    from quoth.speakers.names import known_first_name  # the name lists live with the speakers

    return 2 <= len(words) <= 3 and all(t.is_title and t.is_alpha for t in words) and known_first_name(words[0].text)


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
    tagger read as a noun ('"Stop," the email read.', '"No," the two write.') or that the parser
    did not link to it ('"...," Ramos, 58, told AFP in an interview.')."""
    text = doc_text(doc)
    covered = SpanIndex(p for q in quotes for p in q.content)
    cue_starts = sorted(q.cue[0] for q in quotes if q.cue)
    out = []
    for qs in quoted:
        if any(covered.overlaps(*p) for p in qs.pieces):
            continue
        m = None
        if text[qs.end - 2 : qs.end - 1] in (",", "?", "!"):
            m = _SIGNATURE.match(text, qs.end, _paragraph_of(text, qs.end)[1])
        if m is not None and not _any_between(cue_starts, m.start(2), m.end(2)):
            out.append(Quote(content=list(qs.pieces), cue=m.span(2), source=m.span(1)))
            continue
        signed = _signed_quotation(text, qs)
        if signed is not None and not _any_between(cue_starts, qs.end, max(signed[0][1], signed[1][1])):
            out.append(Quote(content=list(qs.pieces), cue=signed[0], source=signed[1]))
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
    covered = SpanIndex(p for q in quotes for p in q.content)
    cue_starts = sorted(q.cue[0] for q in quotes if q.cue)
    zone_index = SpanIndex(zones)
    # the attribution ending last before a quotation (the first of equals): by bisection
    by_end = sorted((q.end, n) for n, q in enumerate(quotes))
    ends = [e for e, _ in by_end]
    for qs in quoted:
        if any(covered.overlaps(*p) for p in qs.pieces) or _any_between(cue_starts, qs.start, qs.end):
            continue
        para = _paragraph_of(doc_text(doc), qs.start)
        if doc_text(doc)[para[0] : para[1]].strip() != doc_text(doc)[qs.start : qs.pieces[0][1]].strip():
            continue
        k = bisect_right(ends, qs.start)  # the attributions ending at or before the quotation
        if not k or not _inside(zone_index, qs.start, qs.end):
            continue
        last = quotes[by_end[bisect_left(ends, ends[k - 1])][1]]
        if doc_text(doc).count("\n\n", last.end, qs.start) > 1 and doc_text(doc).count("\n", last.end, qs.start) > 2:
            continue
        out.append(Quote(content=list(qs.pieces)))
    return out


def _inside_a_later_sentence(between: str) -> bool:
    """Whether a quotation, ``between`` being the text from the attribution to it, sits inside a
    later sentence after words of that sentence's own ('... Smith said. She endorsed the
    selection of a "woman of color."'), rather than opening it ('... she said. "B."')."""
    parts = SENTENCE_END.split(between)
    return len(parts) > 1 and re.search(r"\w", parts[-1]) is not None


# the end of a sentence: its stop, a closing quotation mark or bracket, then space
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+")


def _sentence_continuations(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """'Bridenstine expects three launches through 2024. "Adding another SLS could—I'm not
    confident."': a sentence that is all quotation, with no cue, right after a sentence holding a
    sourced attribution in the same paragraph, goes on with that speaker's words (a reader takes it
    so; quoth.pipeline gives it the previous speaker)."""
    text = doc_text(doc)
    covered = SpanIndex(p for q in quotes for p in q.content)
    cue_starts = sorted(q.cue[0] for q in quotes if q.cue)
    by_start = SpanIndex(((q.start, q.end) for q in quotes), quotes)
    quotation_starts = [qs.start for qs in quoted]
    out: list[Quote] = []
    for qs in quoted:
        if any(covered.overlaps(*p) for p in qs.pieces) or _any_between(cue_starts, qs.start, qs.end):
            continue
        para = _paragraph_of(text, qs.start)
        before = text[para[0] : qs.start].rstrip()
        after = text[qs.end : para[1]].strip().lstrip(".")  # ('"... the rights".' stops outside)
        after = after.strip()
        if not before or before[-1] not in ".!?”\"’" or (after and not after[0].isupper() and after[0] not in "“\"(["):
            continue  # not a sentence of its own: '"Meth. We're on it" is rolling out'
        if _word_total(text, qs.pieces) < LONG_QUOTATION_WORDS:
            continue
        previous = [q for _, e, q in by_start.starting_between(para[0], qs.start) if e <= qs.start]
        if not previous:
            subject = _person_the_sentence_before_is_about(doc, qs, para, quoted)
            if subject is not None:
                out.append(Quote(content=list(qs.pieces), source=subject))
                for p in qs.pieces:
                    covered.add(p)
            continue
        last = max(previous, key=lambda q: max(q.end, q.cue[1] if q.cue else 0))
        if last.cue is None or last.source is None or last.cue[1] > qs.start:
            continue
        sentence = doc.char_span(qs.start, qs.pieces[0][1], alignment_mode="expand")
        if sentence is None or sentence[0].sent.start_char < max(last.end, last.cue[1]):
            continue  # the attribution's own sentence, not the next one
        lo = bisect_left(quotation_starts, max(last.end, last.cue[1]))
        if any(o.end <= qs.start for o in quoted[lo : bisect_left(quotation_starts, qs.start)]):
            continue  # another quotation between them
        out.append(Quote(content=list(qs.pieces)))
        for p in qs.pieces:
            covered.add(p)
    return out


def _person_the_sentence_before_is_about(doc: Doc, qs: QuotedSpan, para: Span, quoted: list[QuotedSpan]) -> Span | None:
    """'Aderholt returned to the issue later in the hearing. "What launch vehicles exist today?"':
    a quoted sentence right after a sentence in its paragraph whose subject is a person named
    there (or he/she), with no quotation in it, goes to that person, as a reader takes it."""
    first = doc.char_span(qs.start, qs.pieces[0][1], alignment_mode="expand")
    if first is None or first[0].sent.start == 0:
        return None
    sent = doc[first[0].sent.start - 1].sent
    if sent.start_char < para[0] or any(sent.start_char <= o.start < sent.end_char for o in quoted):
        return None
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is None or sent.root.pos_ != "VERB":
        return None
    if subject.lower_ in ("he", "she") or subject.ent_type_ in ("PERSON", "") and subject.pos_ == "PROPN":
        return _np_span(subject)
    return None


def _claimed_elsewhere(qs: QuotedSpan, quotes: list[Quote], owner: Quote, quoted: list[QuotedSpan]) -> bool:
    """Part of another attribution made outside quotation marks: '"B" to drive up the price, she
    said' (nested attributions, whose cue is inside a quotation, do not count)."""
    return _Claims(quotes, quoted).claimed_elsewhere(qs, owner)


class _Claims:
    """The content pieces of the attributions whose cue is outside quotation marks, indexed, and
    kept up to date as :func:`_add_following_pieces` gives them more pieces: whether a quotation
    is :func:`_claimed_elsewhere` without a scan of every attribution."""

    def __init__(self, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
        self.outside = {id(q) for q in quotes if q.cue is not None and not _in_quotation(q.cue, quoted)}
        self.pieces = SpanIndex()
        for q in quotes:
            self.extend(q, q.content)

    def extend(self, quote: Quote, pieces: list[Span]) -> None:
        if id(quote) in self.outside:
            for p in pieces:
                self.pieces.add(p, quote)

    def claimed_elsewhere(self, qs: QuotedSpan, owner: Quote) -> bool:
        return any(other is not owner for s, e in qs.pieces for _, _, other in self.pieces.overlapping(s, e))
