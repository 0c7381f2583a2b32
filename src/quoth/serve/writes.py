"""The write API (only with a bearer token; :class:`~quoth.serve.security.WriteGate` checks it and
the body size before this code runs).

``POST /api/extract`` returns the extraction contract of one article and stores nothing;
``POST /api/articles`` extracts it with the same pipeline as ``quoth ingest`` and stores it (the
writable store is opened on the first write, so a server that never writes never opens one).
"""

from __future__ import annotations

import re
import threading

from fastapi import APIRouter, Request

from quoth.errors import UsageError
from quoth.reading import read_bytes
from quoth.serve import lookups, models
from quoth.serve.api import ERRORS
from quoth.store import Store, article_key, content_hash
from quoth.store.common import parse_bound

WRITE_ERRORS = {**ERRORS, **{
    401: {"model": models.Error, "description": "no or wrong bearer token"},
    403: {"model": models.Error, "description": "writing is not enabled (no --token-file)"},
    413: {"model": models.Error, "description": "the body is over --max-bytes"},
}}
router = APIRouter(prefix="/api", responses=WRITE_ERRORS, tags=["write"])
_writer_lock = threading.Lock()


def _document(body: models.ArticleIn, max_bytes: int):
    """The posted article as a reader's Document (the same checks as a file: empty, binary, ...)."""
    if (body.text is None) == (body.html is None):
        raise UsageError("give the article as exactly one of 'text' or 'html'")
    doc = body.doc or (re.sub(r"[^\w.-]+", "_", body.url)[-80:] if body.url else "api")
    if "\x00" in (body.text or body.html or ""):
        raise UsageError(f"{doc}: the article contains NUL characters (binary data?)")
    published = None
    if body.published:
        published = parse_bound(body.published, end=False, option="published").isoformat()
    raw = (body.html if body.html is not None else body.text).encode("utf-8", "surrogatepass")
    document = read_bytes(raw, doc, name=doc, format="html" if body.html is not None else "text",
                          max_bytes=max_bytes)
    meta = dict(document.meta)
    for key in ("url", "title", "outlet"):
        value = getattr(body, key)
        if value:
            meta[key] = value
    document.meta = meta
    return document, published


def _extract(request: Request, body: models.ArticleIn):
    from quoth.pipeline import extract_document

    document, published = _document(body, request.app.state.config.max_bytes)
    return extract_document(document, published=published)


@router.post("/extract", response_model=models.Extraction, summary="Extract the quotes of one article (nothing stored)")
def extract(request: Request, body: models.ArticleIn):
    article = _extract(request, body)
    contract = article.to_json(include_text=True)
    return {"ok": True, "rows": contract["quotes"], "next": None, "article": contract}


@router.post("/articles", response_model=models.Stored, summary="Extract one article and store it")
def store_article(request: Request, body: models.ArticleIn):
    article = _extract(request, body)
    writer = _writer(request)
    status, _ = writer.ingest(article)
    key = article_key(article.meta.get("url") or None, article.path, content_hash(article.text, article.meta))
    import sqlalchemy as sa

    from quoth.store.schema import articles

    with writer.engine.connect() as conn:
        article_id = conn.execute(sa.select(articles.c.id).where(articles.c.key == key)).scalar_one()
    info, rows = lookups.article(writer, article_id)
    return {"ok": True, "rows": rows, "next": None, "article": info, "status": status}


def _writer(request: Request) -> Store:
    state = request.app.state
    with _writer_lock:
        if state.writer is None:
            state.writer = Store(state.config.db, create=True)
        return state.writer
