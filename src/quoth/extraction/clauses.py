"""How far a reported clause runs, where the parser's tree and the reader part ways.

- 'said he remained "cautiously optimistic" a deal would be reached': the parser splits the
  clause at the quotation mark into two complements; a reader reads one.
- 'its source said "three terrorists" were killed': a quoted phrase opening the clause is part of
  what was said, not all of it.
- 'Because cold air is heavier, says the report, it sinks at night': the cue and its subject,
  inverted and set off by commas, report the sentence around them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quoth.extraction.quotemarks import QuotedSpan
from quoth.extraction.sources import SUBJECTS
from quoth.extraction.spans import _tokens_span
from quoth.model import Span
from quoth.nlp import doc_text


def joined_clauses(text: str, spans: list[Span]) -> Span:
    """The cue's first clause, run on through clauses the parser split it into where only a
    quotation mark stands between them ('said he remained "cautiously optimistic" a deal would
    be reached' parsed as two complements of 'said')."""
    first = spans[0]
    for s, e in sorted(spans[1:]):
        if s < first[1] or text[first[1] : s].strip(" \"'”’“‘") != "" or "\n" in text[first[1] : s]:
            break
        first = (first[0], e)
    return first


def quotation_opens_clause(doc: Doc, clause: Span, adjacent: QuotedSpan) -> bool:
    """'its source said "three terrorists" were killed on Monday': one quotation at the start of
    the cue's clause, a phrase with no verb or closing stop of its own, that the clause's verb
    follows: it is part of what was said, and what was said is the clause."""
    if len(adjacent.pieces) != 1 or not 0 <= clause[0] - adjacent.start <= 1 or adjacent.end >= clause[1]:
        return False
    if not doc_text(doc)[adjacent.start : adjacent.end].rstrip("\"'”’")[-1:].isalnum():
        return False  # '"We'll see," when asked ...': a whole utterance, not a subject
    quoted_words = doc.char_span(adjacent.start, adjacent.end, alignment_mode="contract")
    if quoted_words is None or any(t.pos_ in ("VERB", "AUX") for t in quoted_words):
        return False  # '"The struggle continues" and vowing ...': a sentence of its own
    rest = doc.char_span(adjacent.end, clause[1], alignment_mode="contract")
    return rest is not None and any(t.pos_ in ("VERB", "AUX") for t in rest)


def sentence_of_its_own(clause: Token, cue: Token) -> bool:
    """'It is unable to operate; however, its website notes that ...': a clause the parse hangs
    on the cue from before a semicolon is a sentence of the writer's, joined to the cue's by the
    semicolon; what the cue reports follows it."""
    doc = cue.doc
    return clause.i < cue.i and any(doc[k].text == ";" for k in range(clause.right_edge.i + 1, cue.i))


MAX_INVERTED_SOURCE = 8


def inverted_parenthetical(tok: Token) -> tuple[Span, list[Span]] | None:
    """'X, says the study, Y' / 'X, said Mr. Smith, Y': a cue right after a comma, its subject
    after it up to the next comma, inside the sentence it reports; the source is that subject,
    the content the sentence before and after."""
    doc, sent = tok.doc, tok.sent
    if tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
        return None
    k = tok.i + 1
    while k < sent.end and doc[k].text != "," and k - tok.i <= MAX_INVERTED_SOURCE:
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ('"', "“", "”", "''"):
            return None
        k += 1
    if k >= sent.end - 1 or doc[k].text != ",":
        return None
    if tok.head.i <= k:
        return None  # 'X, said Smith, a senior adviser': the sentence ended before the cue
    source = doc[tok.i + 1 : k]
    if not any(t.dep_ in SUBJECTS and t.head.i == tok.i for t in source):
        return None  # ', said to be the largest,': no subject of its own
    before = _tokens_span(doc[sent.start : tok.i - 1])
    after = _tokens_span(doc[k + 1 : sent.end])
    return _tokens_span(source), [before, after]
