"""The application factory: one read-only store, the JSON API, the HTML pages and the write API.

    app = create_app(ServeConfig(db="quoth.db"))   # uvicorn.run(app) or TestClient(app)

Errors are answered in the form the path asks for: JSON (``.json``, ``.csv``, ``/api/``) as
``{"ok": false, "error": "...", "status": N}``, pages as an HTML page with the same message. A bad
filter is 400 with the CLI's message, an unknown id 404, a search over the time limit 503.
"""

from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from quoth.errors import QuothError, UsageError
from quoth.serve.lookups import NotFound
from quoth.serve.readonly import is_timeout, open_read_only
from quoth.serve.security import SecurityHeaders, WriteGate
from quoth.serve.templating import templates
from quoth.store import StoreError

HERE = Path(__file__).parent
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass
class ServeConfig:
    """How ``quoth serve`` runs: the store, the write token (``None``: read-only), limits."""

    db: str | None = None
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = 5.0  # seconds any one statement may run


def read_token(token_file: str | Path | None) -> str | None:
    """The write token: the first line of ``token_file``, else ``$QUOTH_TOKEN``, else ``None``.

    Raises:
        UsageError: the file cannot be read or is empty (an empty token would let anyone write).
    """
    if token_file:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(f"--token-file {token_file}: cannot read it ({e})") from None
        if not token:
            raise UsageError(f"--token-file {token_file} is empty: put a long random token in it")
        return token
    return os.environ.get("QUOTH_TOKEN", "").strip() or None


CONFIG_ENV = "QUOTH_SERVE_CONFIG"


def app_from_environment() -> FastAPI:
    """The app for each of uvicorn's worker processes (``quoth serve --workers N``): the command
    passes its :class:`ServeConfig` to them as JSON in ``$QUOTH_SERVE_CONFIG``."""
    return create_app(ServeConfig(**json.loads(os.environ[CONFIG_ENV])))


def create_app(config: ServeConfig) -> FastAPI:
    """The ASGI app over the store at ``config.db`` (opened read-only now: a missing store fails here)."""
    from quoth.serve import api, docs, pages, writes

    store = open_read_only(config.db, time_limit=config.time_limit)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()
        if app.state.writer is not None:
            app.state.writer.close()

    app = FastAPI(
        lifespan=lifespan,
        title="quoth",
        version="1",
        description="Who said what: statements extracted from news articles, searchable. Every page has a "
        "JSON twin at the same path plus .json.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.config = config
    app.state.writer = None  # the writable store, opened on the first authorised write
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.add_middleware(WriteGate, token=config.token, max_bytes=config.max_bytes)
    app.add_middleware(SecurityHeaders)
    _error_handlers(app)

    return app


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith((".json", ".csv")) or path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> JSONResponse | HTMLResponse:
    """The error in JSON or as a page, with ``status``."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(UsageError)
    async def _usage(request: Request, e: UsageError):
        return error_response(request, 400, str(e))

    @app.exception_handler(NotFound)
    async def _missing(request: Request, e: NotFound):
        return error_response(request, 404, str(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError):
        problems = e.errors()
        if any(p.get("loc", ("",))[0] == "path" for p in problems):
            return error_response(request, 404, f"No such page: {request.url.path}")
        parts = []
        for p in problems[:3]:
            if p.get("type") == "json_invalid":
                parts.append("the body is not valid JSON")
                continue
            where = ".".join(str(x) for x in p.get("loc", ())[1:]) or "body"
            parts.append(f"{where}: {p.get('msg', 'invalid')}")
        return error_response(request, 400, "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, e: StarletteHTTPException):
        message = e.detail if isinstance(e.detail, str) else "error"
        if e.status_code == 404:
            message = f"No such page: {request.url.path}"
        return error_response(request, e.status_code, message)

    @app.exception_handler(StoreError)
    async def _store(request: Request, e: StoreError):
        if is_timeout(e):
            limit = request.app.state.config.time_limit
            return error_response(request, 503, f"the query took over {limit:g} s and was stopped: narrow it "
                                                "with more words or filters")
        return error_response(request, 503, str(e))

    @app.exception_handler(sa.exc.OperationalError)
    async def _database(request: Request, e: sa.exc.OperationalError):
        return await _store(request, StoreError(str(getattr(e, "orig", e)).splitlines()[0]))

    @app.exception_handler(QuothError)
    async def _quoth(request: Request, e: QuothError):
        return error_response(request, 400, str(e))
