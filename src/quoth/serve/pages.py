"""The HTML pages: the same data as the JSON twins (:mod:`quoth.serve.views`), rendered by Jinja2
with autoescaping; no script, readable with JavaScript off."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pathlib import Path

from fastapi.responses import FileResponse, HTMLResponse

from quoth.serve import views
from quoth.serve.chart import month_bars
from quoth.serve.marks import mark_text, spans_of
from quoth.serve.params import item_id, search_params, within_params
from quoth.serve.templating import templates
from quoth.serve.views import SearchParams

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, context: dict) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/favicon.ico")
def favicon():
    """Browsers ask for it on every page without a <link rel=icon> (a JSON twin): no 404s."""
    return FileResponse(Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/")
def index(request: Request):
    return render(request, "index.html", views.index(request.app.state.store))


@router.get("/quotes")
def quotes(request: Request, params: SearchParams = Depends(search_params)):
    store = request.app.state.store
    empty = not any(params.filters_given().values())
    data = {"ok": True, "rows": [], "next": None, "filters": {}, "facets": None} if empty else \
        views.search(store, params, facets=True)
    given = params.filters_given()
    keep = dict(given, _sort=params.sort, _size=params.size if params.size != views.PAGE_SIZE else None)
    return render(request, "quotes.html", dict(data, params=params, given=given, keep=keep, empty=empty))


@router.get("/quotes/{quote_id}")
def statement(request: Request, quote_id: int = item_id("a statement's id")):
    data = views.statement(request.app.state.store, quote_id)
    row = data["rows"][0]
    marked = mark_text(row["article_text"], [(s, e, k, None) for s, e, k in spans_of(row)])
    return render(request, "statement.html", dict(data, row=row, marked=marked))


@router.get("/speakers/{speaker_id}")
def speaker(request: Request, speaker_id: int = item_id("a speaker's id"),
            params: SearchParams = Depends(within_params)):
    data = views.speaker(request.app.state.store, speaker_id, params)
    keep = {"q": params.q, "_sort": params.sort}
    return render(request, "speaker.html", dict(data, chart=month_bars(data["timeline"]), params=params, keep=keep))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int = item_id("an article's id")):
    data = views.article(request.app.state.store, article_id)
    spans = [(s, e, k, row["id"]) for row in data["rows"] for s, e, k in spans_of(row)]
    return render(request, "article.html", dict(data, marked=mark_text(data["article"]["text"], spans)))


@router.get("/clusters/{cluster_id}")
def cluster(request: Request, cluster_id: int = item_id("a cluster's id")):
    return render(request, "cluster.html", views.cluster(request.app.state.store, cluster_id))


@router.get("/outlets")
def outlets(request: Request):
    return render(request, "outlets.html", views.outlets(request.app.state.store))


@router.get("/outlets/{outlet_id}")
def outlet(request: Request, outlet_id: int = item_id("an outlet's id"),
           params: SearchParams = Depends(within_params)):
    data = views.outlet(request.app.state.store, outlet_id, params)
    return render(request, "outlet.html", dict(data, params=params, keep={"q": params.q, "_sort": params.sort}))
