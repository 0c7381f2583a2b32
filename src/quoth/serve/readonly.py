"""The store as ``quoth serve`` opens it: read-only, with a time limit on every statement.

SQLite is opened through a ``file:...?mode=ro`` URI, so not even a bug can write to it, and a
progress handler interrupts a statement that runs past the limit. PostgreSQL sessions start with
``default_transaction_read_only`` and a ``statement_timeout``. Either way the server reads while
``quoth ingest`` writes (SQLite's WAL lets readers go on during a write).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

from quoth.store import Store, StoreError
from quoth.store.db import resolve_url

TIMEOUT_WORDS = ("interrupted", "statement timeout", "canceling statement")


def is_timeout(error: BaseException) -> bool:
    """Whether a database error is the time limit cutting a statement short."""
    text = str(getattr(error, "orig", None) or error).lower()
    return any(w in text for w in TIMEOUT_WORDS)


def open_read_only(url: str | None, *, time_limit: float = 5.0) -> Store:
    """The store at ``url`` for reading only; each statement stops after ``time_limit`` seconds.

    Raises:
        StoreError: no store there, an outdated schema, or an unreachable database.
    """
    store = Store(url, create=False)  # checks the schema, writes nothing
    parsed = sa.make_url(store.url)
    if store.backend == "sqlite":
        database = parsed.database
        if not database or database == ":memory:" or database.startswith("file:"):
            return store  # an in-memory store (tests) has nothing to protect on disk
        path = Path(database).resolve()
        store.engine.dispose()
        store.engine = sa.create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False),
            poolclass=sa.pool.QueuePool,  # "sqlite://" alone would mean one connection per thread
            pool_size=8,
            max_overflow=56,
        )
        store._sqlite_events()
        _sqlite_time_limit(store.engine, time_limit)
    else:
        store.engine.dispose()
        options = f"-c default_transaction_read_only=on -c statement_timeout={int(time_limit * 1000)}"
        store.engine = sa.create_engine(
            store.url, connect_args={"connect_timeout": 10, "options": options}, pool_pre_ping=True
        )
    try:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except sa.exc.SQLAlchemyError as e:
        store.engine.dispose()
        raise StoreError(f"Cannot open {store.display_url} read-only: {getattr(e, 'orig', e)}") from None
    return store


def _sqlite_time_limit(engine: sa.Engine, seconds: float) -> None:
    """Interrupt any statement running longer than ``seconds`` (sqlite3's progress handler)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record):  # pragma: no cover - every connection
        clock = {"deadline": None}
        record.info["clock"] = clock

        def over() -> int:
            deadline = clock["deadline"]
            return 1 if deadline is not None and time.monotonic() > deadline else 0

        dbapi_connection.set_progress_handler(over, 20_000)

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn, cursor, statement, parameters, context, executemany):  # pragma: no cover
        clock = conn.connection.info.get("clock")
        if clock is not None:
            clock["deadline"] = time.monotonic() + seconds


__all__ = ["open_read_only", "is_timeout", "resolve_url"]
