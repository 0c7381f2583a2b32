"""The JSON twins of the pages (``/quotes.json``, ``/speakers/3.json``, ...) and ``/quotes.csv``.

Each route returns the page's data (:mod:`quoth.serve.views`) checked against its response model
(:mod:`quoth.serve.models`), so ``/openapi.json`` describes exactly what is sent.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from quoth.serve import models, views
from quoth.serve.params import item_id, search_params, within_params
from quoth.serve.views import SearchParams

ERRORS = {status: {"model": models.Error, "description": what} for status, what in [
    (400, "a bad filter, parameter or page token (the CLI's message)"),
    (404, "no such id"),
    (503, "the query ran over the time limit, or the store cannot be read"),
]}
router = APIRouter(responses=ERRORS, tags=["read"])


def store_of(request: Request):
    return request.app.state.store


@router.get("/.json", response_model=models.IndexPage, include_in_schema=False)
@router.get("/index.json", response_model=models.IndexPage, summary="Recent statements, most quoted speakers")
def index_json(request: Request):
    """The start page's twin (also at ``/.json``)."""
    return views.index(store_of(request))


@router.get("/quotes.json", response_model=models.QuotesPage, summary="Search statements")
def quotes_json(request: Request, params: SearchParams = Depends(search_params), facets: bool = False):
    """Full-text search with filters, best match first (newest first without ``q``); ``facets=true``
    adds counts by speaker, outlet, type and month."""
    return views.search(store_of(request), params, facets=facets)


CSV_COLUMNS = [
    "id", "date", "speaker", "speaker_id", "speaker_name", "speaker_role", "type", "outlet", "text",
    "said_on", "published", "headline", "url", "path", "article_id", "quote_index", "cluster", "spans",
]


@router.get("/quotes.csv", summary="Every statement a search selects, as CSV (streamed)",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"}})
def quotes_csv(request: Request, params: SearchParams = Depends(search_params)):
    store = store_of(request)
    views.check_text(**{k: getattr(params, k) for k in views.FILTER_NAMES})
    filters = store.filters(params.q, speaker=params.speaker or None, since=params.since or None,
                            until=params.until or None, outlet=params.outlet or None, type=params.type or None,
                            raw=params.raw)
    rows = store.export(filters)
    first = next(rows, None)  # a failing search fails here, with its status, not mid-stream

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        pending = [first] if first is not None else []
        for row in _chain(pending, rows):
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                             for k, v in row.items()})
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="quotes.csv"'})


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


@router.get("/quotes/{quote_id}.json", response_model=models.StatementPage, summary="One statement in its article")
def statement_json(request: Request, quote_id: int = item_id("a statement's id")):
    return views.statement(store_of(request), quote_id)


@router.get("/speakers/{speaker_id}.json", response_model=models.SpeakerPage, summary="A speaker")
def speaker_json(request: Request, speaker_id: int = item_id("a speaker's id"),
                 params: SearchParams = Depends(within_params)):
    """Name, aliases, roles, statements per month, the statements (``q`` searches within them) and
    the speakers most often quoted beside them."""
    return views.speaker(store_of(request), speaker_id, params)


@router.get("/articles/{article_id}.json", response_model=models.ArticlePage, summary="An article and its quotes")
def article_json(request: Request, article_id: int = item_id("an article's id")):
    return views.article(store_of(request), article_id)


@router.get("/clusters/{cluster_id}.json", response_model=models.ClusterPage,
            summary="One statement across the reports that carry it")
def cluster_json(request: Request, cluster_id: int = item_id("a cluster's id")):
    return views.cluster(store_of(request), cluster_id)


@router.get("/outlets.json", response_model=models.OutletsPage, summary="Every outlet")
def outlets_json(request: Request):
    return views.outlets(store_of(request))


@router.get("/outlets/{outlet_id}.json", response_model=models.OutletPage, summary="An outlet and its statements")
def outlet_json(request: Request, outlet_id: int = item_id("an outlet's id"),
                params: SearchParams = Depends(within_params)):
    return views.outlet(store_of(request), outlet_id, params)
