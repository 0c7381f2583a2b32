"""Response schemas of the JSON API (pydantic): what ``/openapi.json`` promises and FastAPI checks.

Every success is an envelope ``{"ok": true, "rows": [...], "next": token | null, ...}`` (as
Datasette's), every error ``{"ok": false, "error": "...", "status": N}``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    ok: bool = Field(False, description="always false")
    error: str = Field(description="one line: what was wrong and how to fix it")
    status: int = Field(description="the HTTP status, repeated")


class Spans(BaseModel):
    content: list[list[int]] = []
    cue: list[int] | None = None
    source: list[int] | None = None
    addressee: list[int] | None = None
    channel: list[int] | None = None
    parent: int | None = None


class QuoteRow(BaseModel):
    """One statement as ``quoth search --format json`` prints it."""

    id: int
    date: str | None = None
    speaker: str | None = None
    speaker_id: int | None = None
    speaker_name: str | None = Field(None, description="the speaker as the article wrote it")
    speaker_role: str | None = None
    speaker_type: str | None = None
    type: str
    outlet: str | None = None
    text: str
    said_on: str | None = None
    published: str | None = None
    headline: str | None = None
    url: str | None = None
    path: str | None = None
    article_id: int
    quote_index: int
    cluster: int
    spans: Spans
    highlight: str | None = Field(None, description="the text with matched words between <mark> and </mark>")
    occurrences: int | None = Field(None, description="how many stored reports carry this statement")
    score: float | None = None


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    speaker: list[FacetValue] = []
    outlet: list[FacetValue] = []
    type: list[FacetValue] = []
    month: list[FacetValue] = []
    sampled: bool = Field(False, description="true when the counts cover only the first 10,000 matches")


class QuotesPage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow]
    next: str | None = Field(None, description="pass as _next for the following page; null on the last")
    filters: dict[str, Any] = {}
    facets: Facets | None = None


class StatementDetail(QuoteRow):
    article_text: str
    cluster_outlets: int = Field(description="how many outlets carry this statement")
    cluster_first: str | None = Field(None, description="the earliest date any report gives it")


class StatementPage(BaseModel):
    ok: bool = True
    rows: list[StatementDetail]
    next: str | None = None


class SpeakerBrief(BaseModel):
    id: int
    name: str
    type: str | None = None
    quotes: int | None = None
    articles: int | None = None


class Role(BaseModel):
    role: str
    quotes: int
    first: str | None = None
    last: str | None = None


class SpeakerInfo(BaseModel):
    id: int
    name: str
    type: str | None = None
    wikidata: str | None = None
    aliases: list[str]
    roles: list[Role]
    quotes: int
    first: str | None = None
    last: str | None = None


class Month(BaseModel):
    month: str
    quotes: int


class SpeakerPage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow] = Field(description="the speaker's statements (filtered by q), newest first")
    next: str | None = None
    speaker: SpeakerInfo
    timeline: list[Month]
    co_quoted: list[SpeakerBrief]


class ArticleInfo(BaseModel):
    id: int
    headline: str | None = None
    url: str | None = None
    path: str | None = None
    doc: str | None = None
    published: str | None = None
    outlet: str | None = None
    outlet_id: int | None = None
    text: str


class ArticlePage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow]
    next: str | None = None
    article: ArticleInfo


class ClusterInfo(BaseModel):
    cluster: int
    text: str
    speaker: str | None = None
    earliest: str | None = None
    outlets: list[str]


class ClusterPage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow]
    next: str | None = None
    cluster: ClusterInfo


class OutletInfo(BaseModel):
    id: int
    name: str
    articles: int
    quotes: int
    first: str | None = None
    last: str | None = None


class OutletsPage(BaseModel):
    ok: bool = True
    rows: list[OutletInfo]
    next: str | None = None


class OutletPage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow]
    next: str | None = None
    outlet: OutletInfo


class IndexPage(BaseModel):
    ok: bool = True
    rows: list[QuoteRow] = Field(description="recent statements")
    next: str | None = None
    speakers: list[SpeakerBrief] = Field(description="the most quoted speakers")
    stats: dict[str, Any]


class ArticleIn(BaseModel):
    """An article to extract: ``text`` (plain) or ``html``, and what is known about it."""

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article's HTML page (its text is extracted)")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD, if known")
    doc: str | None = Field(None, description="a name for the document (default: from the URL or 'api')")


class Extraction(BaseModel):
    """The extraction contract of ``quoth extract --format json`` for one article."""

    ok: bool = True
    rows: list[dict[str, Any]] = Field(description="the quotes, as in the contract")
    next: str | None = None
    article: dict[str, Any] = Field(description="the contract's object: doc, article, quotes, text")


class Stored(BaseModel):
    ok: bool = True
    rows: list[QuoteRow] = Field(description="the stored quotes")
    next: str | None = None
    article: ArticleInfo
    status: str = Field(description="added, replaced or unchanged")
