"""The query parameters the search routes share (documented once, in the OpenAPI too)."""

from __future__ import annotations

from typing import Literal

from fastapi import Path, Query

from quoth.serve.views import MAX_PAGE, PAGE_SIZE, SearchParams

MAX_ID = 2**53  # larger ids cannot exist (and would overflow SQLite's integers)


def search_params(
    q: str | None = Query(None, max_length=1000, description="words that must all occur (any form)"),
    speaker: str | None = Query(None, max_length=300, description="a speaker's name or alias ('Peskov')"),
    since: str | None = Query(None, max_length=40, description="on or after: YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, max_length=40, description="on or before (a whole year or month)"),
    outlet: str | None = Query(None, max_length=300, description="an outlet's name"),
    type: str | None = Query(None, max_length=40, description="direct, indirect or mixed"),
    sort: Literal["rank", "earliest", "latest"] | None = Query(
        None, alias="_sort", description="rank (default with q), latest (default without), earliest"),
    size: int = Query(PAGE_SIZE, alias="_size", ge=1, le=MAX_PAGE, description="rows per page"),
    next: str | None = Query(None, alias="_next", max_length=200, description="the 'next' token of the previous page"),
    raw: bool = Query(False, alias="_raw", description="q is full-text syntax (FTS5 / websearch); errors are 400"),
) -> SearchParams:
    return SearchParams(q=q, speaker=speaker, since=since, until=until, outlet=outlet, type=type,
                        sort=sort, size=size, next=next, raw=raw)


def within_params(
    q: str | None = Query(None, max_length=1000, description="search within these statements"),
    sort: Literal["rank", "earliest", "latest"] | None = Query(None, alias="_sort"),
    size: int = Query(PAGE_SIZE, alias="_size", ge=1, le=MAX_PAGE),
    next: str | None = Query(None, alias="_next", max_length=200),
) -> SearchParams:
    """A search within one speaker's or outlet's statements."""
    return SearchParams(q=q, sort=sort, size=size, next=next)


def item_id(description: str):
    return Path(..., ge=1, le=MAX_ID, description=description)
