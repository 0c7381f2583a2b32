"""Segmenting an article's text: headline, standfirst, dateline, body, and page furniture.

Wire copy pasted from a page (``../shared/seeds``) mixes the article with what surrounded it:
"All news", photo captions, credits such as ``© Mikhail Metzel/TASS``. A careful reader skips
those; so does quoth, by marking them as furniture, in which no quote is looked for.

The order a reader expects: furniture lines may come first; the first real line is the headline;
lines between it and the dateline (or the first long paragraph) are the standfirst; the rest is
body (short lines without final punctuation inside it are subheads, still body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quoth.dates import parse_dateline
from quoth.extraction.quotemarks import paragraphs
from quoth.model import Dateline, Span

# Whole-line navigation and page chrome seen on news sites.
_NAVIGATION = re.compile(
    r"^(all news|news|latest news|top stories|share( this( article)?)?|tweet|email|print|"
    r"read (also|more)|see also|related( (stories|articles|news))?|advertisement|"
    r"subscribe( now)?|sign up.*|follow us.*|comments?|more on this topic|skip to .*)\s*:?$",
    re.IGNORECASE,
)
# Photo credits: "© Mikhail Metzel/TASS", "Photo: Reuters", "(AP Photo/Evan Vucci)", "Getty Images".
_CREDIT = re.compile(
    r"(^\s*(©|\(c\)|photo:|photo credit|image:|credit:|pictured:)|"
    r"\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*/(?:TASS|AP|AFP|Reuters|Getty(?: Images)?|EPA|Xinhua|Sputnik)\b|"
    r"\((?:AP|AFP|Reuters) Photo[^)]*\)\s*$|\bGetty Images\s*$)",
)
# A body paragraph is prose: long enough, or ending like a sentence.
MIN_PROSE_CHARS = 120


@dataclass
class Layout:
    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Dateline | None = None
    body: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)

    @property
    def zones(self) -> list[Span]:
        """Where attributions are looked for: headline, standfirst and body, in text order."""
        spans = [s for s in (self.headline, self.standfirst) if s is not None] + self.body
        if self.dateline is not None:
            # the dateline opens its paragraph but is no part of what anyone said
            end = self.dateline.span[1]
            spans = [(max(s, end), e) if s <= self.dateline.span[0] < e else (s, e) for s, e in spans]
        return sorted(spans)


def is_furniture(line: str, next_line: str | None = None) -> bool:
    """Navigation, a credit, or a caption (a short unpunctuated line right before a credit)."""
    stripped = line.strip()
    if _NAVIGATION.match(stripped) or _CREDIT.search(stripped):
        return True
    if next_line is None or not _CREDIT.search(next_line.strip()):
        return False
    # a caption stands right before its credit: a pure credit line, or one that repeats it
    nxt = next_line.strip()
    pure_credit = _CREDIT.match(nxt) is not None or nxt.startswith(stripped)
    short = len(stripped) < MIN_PROSE_CHARS and not stripped.endswith((".", "!", "?", '"', "”"))
    return pure_credit and short


def segment(text: str) -> Layout:
    """Split ``text`` into the parts of an article; offsets are into ``text`` unchanged."""
    paras = paragraphs(text)
    layout = Layout()
    lines = [text[s:e] for s, e in paras]
    kept: list[Span] = []
    for i, span in enumerate(paras):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # captions stand in the opening, before the body: only look for them there
        near_credit = nxt if layout.dateline is None and i < 12 else None
        if is_furniture(lines[i], near_credit):
            layout.furniture.append(span)
            continue
        # (i < 15 first: the scan of ``kept`` made long articles without a dateline quadratic)
        if layout.dateline is None and i < 15 and not any(k[0] >= span[0] for k in kept):
            dateline = parse_dateline(text, span[0], span[1])
            if dateline is not None and dateline.span[0] == span[0]:
                layout.dateline = dateline
                _split_opening(layout, kept, text)
                kept = []
        kept.append(span)
    if layout.dateline is None:
        _split_opening(layout, kept, text, no_dateline=True)
    else:
        layout.body.extend(kept)
    return layout


def _split_opening(layout: Layout, kept: list[Span], text: str, no_dateline: bool = False) -> None:
    """Headline and standfirst from the paragraphs before the dateline (or the first prose one)."""
    if no_dateline:
        if not kept:
            return
        first = kept[0]
        if len(kept) > 1 and not _is_prose(text[first[0] : first[1]]):
            layout.headline = first
            rest = kept[1:]
        elif len(kept) > 1 and _is_title(text[first[0] : first[1]]):
            layout.headline = first
            rest = kept[1:]
        else:
            rest = kept
        layout.body.extend(rest)
        return
    if kept:
        layout.headline = kept[0]
    if len(kept) > 1:
        layout.standfirst = (kept[1][0], kept[-1][1]) if len(kept) == 2 else kept[1]
        layout.body.extend(kept[2:])


def _is_prose(line: str) -> bool:
    return len(line) >= MIN_PROSE_CHARS or line.rstrip().endswith((".", "!", "?", '"', "”", "’"))


def _is_title(line: str) -> bool:
    """A headline in title case ("Stealth Over Health: Hillary Clinton Was Headed ...")."""
    words = re.findall(r"[A-Za-z][\w’']*", line)
    if len(words) < 3 or len(line) > 200:
        return False
    capital = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(1 for w in words if len(w) > 3)
    return long_words > 0 and capital / long_words > 0.8
