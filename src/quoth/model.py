"""The records that flow between quoth's stages: plain dataclasses, no dependencies.

This module is the output contract of the extraction core (issue #2). Everything later (the quote
store, the web UI, the batch engine) reads these records or their JSON form, so field names and
meanings here are binding:

* Every span is a pair of end-exclusive **character offsets** ``(start, end)`` into
  ``Article.text``: Python ``str`` indices of the input read as UTF-8 with ``newline=""`` (for HTML,
  of the extracted text). Nothing downstream edits the text.
* ``Quote.content`` is a list of pieces, because a cue may split a quote
  (``"A," she said. "B."`` is one attribution with two pieces).
* ``speaker`` is the resolved name within the article, ``None`` where the text does not say.

``to_json`` / ``from_json`` give the documented JSON shape (spans as ``[s, e]`` lists).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
QuoteType = Literal["direct", "indirect", "mixed"]
# The extraction modes (``extract(..., model=...)``, ``--model``): rules over spaCy's parse, or
# the learned tagger of issue #3 plus the rules' trusted attributions.
MODELS = ("fast", "accurate")

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")


@dataclass
class Dateline:
    """A wire dateline such as ``MOSCOW, November 9. /TASS/.``; the year is never in it."""

    span: Span
    place: str | None = None
    month: int | None = None  # 1..12
    day: int | None = None
    agency: str | None = None


@dataclass
class Quote:
    """One attribution: who (source/speaker) said what (content), through which cue."""

    content: list[Span]
    cue: Span | None = None
    source: Span | None = None
    type: QuoteType = "indirect"
    speaker: str | None = None
    speaker_role: str | None = None
    # what kind of speaker: "person", "organisation", "place" (a country or city speaking for its
    # government) or "group" ("Democrats"); None where the text does not tell
    speaker_type: str | None = None
    said_on: str | None = None  # ISO date of the statement itself, where the text places it
    addressee: Span | None = None
    channel: Span | None = None
    parent: int | None = None  # index in Article.quotes of the enclosing attribution
    text: str = ""  # the content pieces' text, joined with " … "
    # "statement", or "phrase" where the content is a noun phrase or short quoted term with no
    # verb ("denied the claim"), "act" (a cue of no saying: "voted"), "relay", "narration" (the
    # writer's or reader's voice), "lyric" (sung words), "question" (what someone wondered or asked) or "unresolved" (no speaker found for a
    # source that points at someone particular: "the governor said"): an attribution, but no
    # statement the record can hold, so the store leaves it out (quoth.extraction.forms); None
    # where nothing judged it
    # (older JSON): stored
    form: str | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


@dataclass
class Article:
    """One document after the pipeline: its text, its layout and every attribution in it."""

    text: str
    doc: str | None = None  # file stem, or a caller-given id
    path: str | None = None
    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Dateline | None = None
    published: str | None = None  # ISO date
    published_reason: str = "unknown: no date given and none found in the text"
    body: list[Span] = field(default_factory=list)  # body paragraphs (subheads included)
    furniture: list[Span] = field(default_factory=list)  # captions, credits, navigation
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # reader metadata (title, url, outlet ...)
    warnings: list[str] = field(default_factory=list)

    def span_text(self, span: Span | None) -> str | None:
        return None if span is None else self.text[span[0] : span[1]]

    @property
    def headline_text(self) -> str | None:
        return self.span_text(self.headline)

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        """The documented JSON object of one document (issue #2's output contract)."""
        dateline = None
        if self.dateline is not None:
            dateline = asdict(self.dateline)
            dateline["span"] = list(self.dateline.span)
        article = {
            "headline": self.headline_text,
            "headline_span": _list(self.headline),
            "standfirst": self.span_text(self.standfirst),
            "standfirst_span": _list(self.standfirst),
            "dateline": dateline,
            "published": self.published,
            "published_reason": self.published_reason,
            "body": [list(s) for s in self.body],
            "furniture": [list(s) for s in self.furniture],
            "meta": self.meta,
            "warnings": self.warnings,
        }
        out: dict[str, Any] = {"doc": self.doc, "path": self.path, "article": article}
        out["quotes"] = [quote_to_json(q) for q in self.quotes]
        if include_text:
            out["text"] = self.text
        return out


def _list(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _tuple(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def quote_to_json(quote: Quote) -> dict[str, Any]:
    return {
        "content": [list(p) for p in quote.content],
        "cue": _list(quote.cue),
        "source": _list(quote.source),
        "type": quote.type,
        "speaker": quote.speaker,
        "speaker_role": quote.speaker_role,
        "speaker_type": quote.speaker_type,
        "said_on": quote.said_on,
        "addressee": _list(quote.addressee),
        "channel": _list(quote.channel),
        "parent": quote.parent,
        "text": quote.text,
        "form": quote.form,
    }


def quote_from_json(data: dict[str, Any]) -> Quote:
    return Quote(
        content=[(int(s), int(e)) for s, e in data["content"]],
        cue=_tuple(data.get("cue")),
        source=_tuple(data.get("source")),
        type=data.get("type") or "indirect",
        speaker=data.get("speaker"),
        speaker_role=data.get("speaker_role"),
        speaker_type=data.get("speaker_type"),
        said_on=data.get("said_on"),
        addressee=_tuple(data.get("addressee")),
        channel=_tuple(data.get("channel")),
        parent=data.get("parent"),
        text=data.get("text", ""),
        form=data.get("form"),
    )


def article_from_json(data: dict[str, Any], text: str | None = None) -> Article:
    """Rebuild an :class:`Article` from :meth:`Article.to_json` output.

    ``text`` is needed unless the JSON was written with ``include_text=True``.
    """
    a = data.get("article", {})
    dl = a.get("dateline")
    dateline = None
    if dl:
        dateline = Dateline(
            span=_tuple(dl["span"]),  # type: ignore[arg-type]
            place=dl.get("place"),
            month=dl.get("month"),
            day=dl.get("day"),
            agency=dl.get("agency"),
        )
    return Article(
        text=text if text is not None else data["text"],
        doc=data.get("doc"),
        path=data.get("path"),
        headline=_tuple(a.get("headline_span")),
        standfirst=_tuple(a.get("standfirst_span")),
        dateline=dateline,
        published=a.get("published"),
        published_reason=a.get("published_reason", ""),
        body=[(int(s), int(e)) for s, e in a.get("body", [])],
        furniture=[(int(s), int(e)) for s, e in a.get("furniture", [])],
        quotes=[quote_from_json(q) for q in data.get("quotes", [])],
        meta=a.get("meta", {}),
        warnings=a.get("warnings", []),
    )
