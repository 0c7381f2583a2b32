"""Small span and token helpers the attribution rules share: character spans from tokens, runs,
trimming, overlap, paragraphs, and where the quotation marks are.

Kept apart so that the rules over cues (:mod:`quoth.extraction.attributions`), the rules that
start from quotation marks (:mod:`quoth.extraction.quotations`) and the reading of sources
(:mod:`quoth.extraction.sources`) need not import one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from quoth.extraction.offsets import SpanIndex, quote_index
from quoth.extraction.quotemarks import QuotedSpan
from quoth.model import Span
from quoth.nlp import doc_text

_WORD = re.compile(r"\w")


_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Jr|Sr|St|Inc|Co|Corp|Ltd|U\.S|D\.C|etc|a\.m|p\.m)\.$")


def _in_quotation(span: Span, quoted: list[QuotedSpan]) -> bool:
    """Whether a quotation piece holds ``span`` (by bisection: :mod:`quoth.extraction.offsets`)."""
    return quote_index(quoted).pieces.contains(span[0], span[1])


def _opens_quotation(span: Span, quoted: list[QuotedSpan]) -> bool:
    """A mixed quote that starts with a quotation (''''I have admiration for the mechanics'' of
    the Clinton proposals, Mr. Holtz-Eakin said'): its speaker goes on quoting."""
    return span[0] in quote_index(quoted).start_set


def _is_quotation(text: str, span: Span, quoted: list[QuotedSpan]) -> bool:
    """Whether ``span`` is (nearly) a whole quotation piece: one holding it, give or take a
    character at each end, that it covers at least four fifths of."""
    return quote_index(quoted).is_quotation(span)


def _tokens_span(tokens: Iterable[Token]) -> Span:
    """The characters from the first token to the last, whitespace tokens left out (a text parsed
    in pieces starts a piece with one: ' Ukraine's military' after a dateline)."""
    tokens = [t for t in tokens if not t.is_space] or list(tokens)
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


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _inside(zones: list[Span] | SpanIndex, start: int, end: int) -> bool:
    """Whether a zone starting at or before ``start`` holds ``start`` or reaches ``end - 1``
    (pass a :class:`SpanIndex` of the zones when asking many times)."""
    index = zones if isinstance(zones, SpanIndex) else SpanIndex(zones)
    return index.contains(start, min(end - 1, start + 1))


def _paragraph_of(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (start, len(text) if end < 0 else end)


def _word_total(text: str, pieces: list[Span]) -> int:
    return sum(len(re.findall(r"\w+", text[s:e])) for s, e in pieces)


def _sentence_start(doc: Doc, pos: int) -> int | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span.sent.start if span is not None else None
