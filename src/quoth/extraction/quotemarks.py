"""Quotation marks to quoted spans: the evidence for direct quotes.

Pairs opening and closing marks paragraph by paragraph, the way a reader does:

* curly ``“ … ”``, guillemets ``« … »`` and doubled apostrophes ``'' … ''`` (some US papers) pair by
  direction; straight ``" … "`` marks pair left to right;
* a quote left open at the end of a paragraph continues when the next paragraph opens with a quote
  mark (the newspaper convention for multi-paragraph quotes), so each paragraph's part is its own
  piece of one :class:`QuotedSpan`;
* single quotes (``‘ … ’``) are left alone: they are apostrophes far more often than quotes, and in
  this genre they mark nested quotes or scare quotes in headlines. A text that quotes with single
  marks (the British convention: ‘We will fight,’ she said) is the exception: where its single
  quotations outnumber its double marks, single marks are quotation marks throughout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

_MARK = re.compile(r"''|[\"“”«»]")
# Headlines quote with single marks ("Obama Sees 'Personal Insult' if ..."): there they are quotes.
_MARK_WITH_SINGLE = re.compile(r"''|[\"“”«»‘’]|(?<![\w])'(?=\w)|(?<=[\w.,!?])'(?!\w)")
_OPENING = {"“": "”", "«": "»", "‘": "’"}
_CLOSING = {"”", "»", "’"}
# A single mark opening a quotation: after a space, a paragraph start or an opening bracket or dash,
# glued to what it quotes ('‘We will', "'We will"); an apostrophe is glued to a word on its left.
_SINGLE_OPENING = re.compile(r"(?:(?<=[\s(\[—–-])|^)[‘'](?=[\w…])", re.MULTILINE)
# A quoted span shorter than this many word characters is a scare quote or a title ("the 'deal'").
MIN_QUOTE_WORDS = 1


@dataclass
class QuotedSpan:
    """One quotation, possibly running over several paragraphs; pieces include their marks."""

    pieces: list[Span] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def inner(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.pieces)


class Quotations(list):
    """What :func:`find_quotes` returns: its quotations in text order, not changed afterwards.

    The rules ask of them, per token and per attribution, which one holds an offset or ends just
    before it; a long document has thousands, so the answers come from an index built once and
    kept here (:func:`quoth.extraction.offsets.quote_index`), not from a scan of them all.
    """

    quote_index = None


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines/blocks of text, as spans (a line break ends a paragraph in wire copy)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def find_quotes(text: str, spans: list[Span] | None = None, single: Span | None = None) -> Quotations:
    """Every quotation in ``text`` (within the given paragraph spans), in text order.

    In the ``single`` span (the headline), single quotation marks count too, and everywhere in a
    text that quotes with single marks (:func:`quotes_with_single_marks`).
    """
    spans = spans if spans is not None else paragraphs(text)
    if quotes_with_single_marks(text, spans, single):
        single = (0, len(text))
    out: list[QuotedSpan] = []
    open_quote: QuotedSpan | None = None  # a quote left open by the previous paragraph
    for p_start, p_end in spans:
        pattern = _MARK_WITH_SINGLE if single is not None and single[0] <= p_start < single[1] else _MARK
        marks = list(pattern.finditer(text, p_start, p_end))
        if open_quote is not None:
            opener = text[open_quote.pieces[-1][0]]
            if marks and marks[0].start() == p_start and _can_open(marks[0].group()) and _same_style(opener, marks[0].group()):
                # continuation paragraph: it re-opens the quote
                pass
            else:
                open_quote = None
        i = 0
        current_start: int | None = None
        closer: str | None = None
        depth = 0  # curly quotes nest: “he calls “hell” home” is one quotation
        if open_quote is not None and marks:
            current_start, closer = marks[0].start(), _closer_for(marks[0].group())
            i = 1
        while i < len(marks):
            m = marks[i]
            mark = m.group()
            if current_start is None:
                # a closing mark in opening position (’”Fear. I am ...’) is a typo for an opening one
                if (_can_open(mark) or mark == "”") and _looks_opening(text, m.start(), m.end()):
                    current_start, closer = m.start(), _closer_for(mark)
                i += 1
                continue
            if closer == "”" and mark == "“" and _typed_for_closing(text, m.start(), m.end()):
                mark = "”"  # '“We will win,“ she said': an opening mark typed where a closing one belongs
            elif closer in ("”", "»") and mark == {"”": "“", "»": "«"}[closer] and _looks_opening(text, m.start(), m.end()):
                depth += 1
                i += 1
                continue
            if depth and mark == closer:
                depth -= 1
                i += 1
                continue
            if mark == '"' and closer == '"' and _reopens(text, m.start(), m.end(), current_start):
                # '"We will win.  "And soon," she added.': paragraphs run together on one line;
                # the quotation left open ends before the mark that opens the next
                # (the open quotation starts with a mark: stripping never passes its start)
                piece = (current_start, current_start + len(text[current_start : m.start()].rstrip()))
                if open_quote is not None:
                    open_quote.pieces.append(piece)
                    open_quote = None
                else:
                    out.append(QuotedSpan([piece]))
                current_start, closer = m.start(), '"'
                i += 1
                continue
            if mark in "’'" and m.end() < len(text) and text[m.end()].isalnum():
                i += 1  # an apostrophe inside a word (‘I’m the worst’, ‘Hillary’s ...’), not a closing mark
                continue
            if _closes(mark, closer) and (mark != '"' or _looks_closing(text, m.start(), p_start)):
                piece = (current_start, m.end())
                if open_quote is not None:
                    open_quote.pieces.append(piece)
                    open_quote = None
                elif _word_count(text[piece[0] : piece[1]]) >= MIN_QUOTE_WORDS:
                    out.append(QuotedSpan([piece]))
                current_start = None
            i += 1
        if current_start is not None:
            # unclosed at the end of the paragraph: runs to its end, may continue next paragraph
            piece = (current_start, p_end)
            if open_quote is not None:
                open_quote.pieces.append(piece)
            else:
                open_quote = QuotedSpan([piece])
                out.append(open_quote)
        else:
            open_quote = None
    out.sort(key=lambda q: q.start)
    return Quotations(out)


def quotes_with_single_marks(text: str, spans: list[Span], headline: Span | None = None) -> bool:
    """Whether the body quotes with single marks: more single marks opening a quotation than double
    marks of any kind, and at least two of them (a US text's nested ‘…’ stay fewer than its “…”
    marks; a headline's scare quotes do not count)."""
    single = double = 0
    for start, end in spans:
        if headline is not None and headline[0] <= start < headline[1]:
            continue
        single += len(_SINGLE_OPENING.findall(text, start, end))
        double += len(_MARK.findall(text, start, end))
    return single >= 2 and single > double


def _same_style(a: str, b: str) -> bool:
    """Straight and typographic marks: a paragraph left open with one style is not continued by a
    paragraph opening with the other (a stray '"' before a curly-quoted paragraph is a typo)."""
    return (a in "\"'") == (b in "\"'")


def _can_open(mark: str) -> bool:
    return mark not in _CLOSING


def _closer_for(mark: str) -> str:
    return _OPENING.get(mark, mark)


def _closes(mark: str, closer: str | None) -> bool:
    if closer in ("’", "'"):
        return mark in ("’", "'")
    if closer == '"':
        return mark in ('"', "”")
    if closer == "”":
        return mark in ("”", '"')
    return mark == closer


def _looks_opening(text: str, start: int, end: int) -> bool:
    """A straight mark opens when it is not glued to the end of a word on its left."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if text[start] == "”" and not (before.isspace() or before in "([—–-"):
        return False
    if text[start] == "“":
        return True  # a curly opening mark opens, even with a space after it (“ You know ...)
    return not after.isspace() and not (before.isalnum() and text[start] in '"”')


def _typed_for_closing(text: str, start: int, end: int) -> bool:
    """An opening curly mark glued to a comma or stop and followed by a space or the line's end."""
    return start > 0 and text[start - 1] in ",.!?" and (end >= len(text) or text[end] in " \t\n\u00a0")


def _reopens(text: str, start: int, end: int, opened: int) -> bool:
    """A straight mark after a sentence end and whitespace, glued to a capital letter, while a
    quotation is open: it opens the next paragraph's quotation."""
    before = text[max(opened, start - 3) : start]
    after = text[end : end + 1]
    return (
        start - opened > 2
        and before[-1:].isspace()
        and before.rstrip()[-1:] in (".", "!", "?")
        and after.isupper()
    )


def _looks_closing(text: str, start: int, p_start: int) -> bool:
    """A straight mark closes when glued to what it closes ('outreach,' " he said' counts too)."""
    before = text[start - 1] if start > p_start else " "
    if before.isspace() and start - 2 >= p_start:
        return text[start - 2] in ",.!?'’"
    return not before.isspace()


def _word_count(s: str) -> int:
    return len(re.findall(r"\w+", s))
