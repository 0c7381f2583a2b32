"""The bulk load: a ``quoth batch`` output into the store without extracting again (issue #12).

``quoth ingest DIR`` (DIR a batch output, :func:`quoth.store.batch_input.is_batch_output`) runs
:func:`bulk_load`. It stores the same content as ingesting the articles one by one, in the same
order, with :meth:`Store.ingest <quoth.store.db.Store.ingest>` — the same articles, quotes,
speakers (who is who) and clusters (which reports are one statement) — but set-based:

* the article keys and content hashes, the speakers with their aliases and roles, and the clusters
  with their fingerprints are read once into memory (:mod:`quoth.store.memory_index`); each
  article is resolved there with the same rules as per-article ingest (:mod:`quoth.store.resolve`);
* articles go in chunks (``chunk_articles`` articles or ``chunk_quotes`` quotes), each chunk one
  transaction written set-based (:mod:`quoth.store.bulk_write`: ``executemany``, ``COPY`` on
  PostgreSQL, the full-text entries of a chunk in one statement).

Idempotent and crash-safe like per-article ingest: an unchanged article (same key, same content
hash) is skipped; a changed one replaces the stored version through :meth:`Store.ingest` (the
clean-up of its old speakers and clusters is per article anyway), after which the in-memory index
is read again; a chunk commits whole or not at all, so an interrupted load leaves whole articles
and the same command finishes it. Before each chunk the store's row counts are compared with what
the index expects; another writer's work in between makes the index be read again.

An article that occurs again later in the same batch (same URL, else path: a page crawled twice)
is stored in its last version only, so that loading a batch again stores nothing new.

Rows that cannot be read are one-line errors naming the file and row; the load goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.model import Article
from quoth.store import batch_input, bulk_write, resolve
from quoth.store import clusters as cl
from quoth.store.common import StoreError, _reason
from quoth.store.db import IngestSummary, Store
from quoth.store.memory_index import MemoryClusters, MemorySpeakers
from quoth.store.rows import article_values, identify, outlet_name, quote_text, quote_values, recorded
from quoth.store.schema import (
    articles,
    clusters,
    outlets,
    quotes,
    speaker_aliases,
    speaker_corrections,
    speaker_roles,
    speakers,
)

CHUNK_ARTICLES = 2000  # articles per transaction
CHUNK_QUOTES = 20000  # ... or quotes, whichever comes first
SQLITE_CACHE_KIB = 256 * 1024  # page cache of the loading connection
PG_DEFER_INDEX_QUOTES = 50000  # on PostgreSQL, a load this large builds the search index once at the end

# What the index's picture of the store is checked against before each chunk: the largest id of
# the big tables (any ingest or replacement adds quotes), the largest id and the count of the others.
_WATCHED_MAX = (articles, quotes, clusters)
_WATCHED = (speakers, speaker_aliases, speaker_roles, outlets, speaker_corrections)


@dataclass
class _Pending:
    key: str
    digest: str
    article: Article


class _Index:
    """The store as the bulk load sees it: keys and hashes, outlets, next ids, speakers, clusters."""

    def __init__(self, conn: Connection):
        self.outlets = {r.key: r.id for r in conn.execute(sa.select(outlets.c.key, outlets.c.id))}
        self.next_article = _next_id(conn, articles)
        self.next_quote = _next_id(conn, quotes)
        self.next_outlet = _next_id(conn, outlets)
        self.speakers = MemorySpeakers.load(conn)
        self.clusters = MemoryClusters.load(conn)
        self.signature = signature(conn)


def _next_id(conn: Connection, table: sa.Table) -> int:
    return (conn.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0) + 1


def signature(conn: Connection) -> tuple[Any, ...]:
    """Largest ids and row counts of the tables the index mirrors: another writer changes one."""
    parts = [sa.select(sa.func.max(table.c.id)).scalar_subquery() for table in _WATCHED_MAX]
    for table in _WATCHED:
        parts.append(sa.select(sa.func.max(table.c.id)).scalar_subquery())
        parts.append(sa.select(sa.func.count()).select_from(table).scalar_subquery())
    return tuple(conn.execute(sa.select(*parts)).one())


class BulkLoader:
    """Loads batch outputs into one store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        *,
        chunk_articles: int = CHUNK_ARTICLES,
        chunk_quotes: int = CHUNK_QUOTES,
        on_chunk: Callable[[IngestSummary], None] | None = None,
    ):
        self.store = store
        self.chunk_articles = chunk_articles
        self.chunk_quotes = chunk_quotes
        self.on_chunk = on_chunk
        self.index: _Index | None = None
        self.known: dict[str, str] | None = None  # article key -> content hash, stored or pending
        self.pending: list[_Pending] = []
        self.pending_quotes = 0
        self.summary = IngestSummary()

    # --- the load ------------------------------------------------------------------------------

    def load(self, folder: Path) -> IngestSummary:
        """Load every article of the batch output ``folder``; returns what was done (``failed``
        counts the rows that could not be read, each with its message in ``errors``)."""
        info = batch_input.describe(Path(folder))
        rows = batch_input.read_batch(info)
        batch_input.count_batch_errors(info)
        with self.store.engine.connect() as conn:
            self.known = {r.key: r.content_hash for r in conn.execute(sa.select(articles.c.key, articles.c.content_hash))}
        self._begin_load(batch_input.count_quotes(info))
        self.summary.warnings.extend(info.problems)
        superseded = 0
        try:
            for row in rows:
                if row.article is None:
                    self.summary.errors.append(row.error or f"{row.where}: unreadable")
                    self.summary.failed += 1
                    continue
                if row.superseded:
                    superseded += 1
                    continue
                self.add(row.article)
            self.flush()
        finally:
            self._end_load()
        if superseded:
            self.summary.unchanged += superseded
            self.summary.warnings.append(
                f"{info.folder}: {superseded} articles occur again later in the batch (same URL or path): "
                "their last version is the one stored"
            )
        for part in info.incomplete:
            self.summary.warnings.append(f"{part}: partition not finished by the batch (no marker): skipped")
        if info.batch_errors:
            self.summary.warnings.append(
                f"{info.folder}: {info.batch_errors} documents the batch could not extract are listed in "
                f"{info.folder / 'errors'} (not stored)"
            )
        return self.summary

    def add(self, article: Article) -> None:
        """Queue one article: skipped if unchanged, written now if it replaces a stored one."""
        key, digest = identify(article)
        current = self.known.get(key)
        if current == digest:
            self.summary.unchanged += 1
            return
        if current is not None:  # a new version: replaced as per-article ingest does, in order
            self.flush()
            status, n = self.store.ingest(article)
            self.known[key] = digest
            self.index = None  # its clean-up changed speakers and clusters: read them again
            self.summary.replaced += status == "replaced"
            self.summary.added += status == "added"
            self.summary.quotes += n
            return
        self.known[key] = digest
        self.pending.append(_Pending(key, digest, article))
        self.pending_quotes += len(recorded(article))
        if len(self.pending) >= self.chunk_articles or self.pending_quotes >= self.chunk_quotes:
            self.flush()

    def flush(self) -> None:
        """Write the queued articles as one transaction (retried once with a fresh index if a
        concurrent writer made the index wrong)."""
        if not self.pending:
            return
        for attempt in (1, 2):
            try:
                with self.store._write() as conn:
                    if self.store.backend == "sqlite":  # room for the quotes' indexes while they grow
                        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
                    if self.index is None or self.index.signature != signature(conn):
                        self.index = _Index(conn)
                    rows = self._resolve(self.pending)
                    bulk_write.write_chunk(conn, self.store.backend, rows)
                    self.index.signature = signature(conn)
                break
            except sa.exc.IntegrityError as e:
                self.index = None
                if attempt == 2:
                    raise StoreError(f"{self._where()}: could not be stored: {_reason(e)}") from None
            except sa.exc.SQLAlchemyError as e:
                self.index = None
                raise StoreError(f"{self._where()}: could not be stored: {_reason(e)}") from None
            except BaseException:
                self.index = None
                raise
        self.summary.added += len(self.pending)
        self.summary.quotes += self.pending_quotes
        self.pending, self.pending_quotes = [], 0
        if self.on_chunk is not None:
            self.on_chunk(self.summary)

    def _where(self) -> str:
        first, last = self.pending[0].article, self.pending[-1].article
        return f"the chunk {first.path or first.doc} ... {last.path or last.doc} ({len(self.pending)} articles)"

    # --- resolving a chunk in memory -----------------------------------------------------------

    def _resolve(self, pending: list[_Pending]) -> dict[str, list[dict[str, Any]]]:
        index = self.index
        article_rows, quote_rows, outlet_rows = [], [], []
        for p in pending:
            article = p.article
            outlet_id = None
            named = outlet_name(article.meta.get("outlet"))
            if named is not None:
                name, key = named
                outlet_id = index.outlets.get(key)
                if outlet_id is None:
                    outlet_id = index.outlets[key] = index.next_outlet
                    index.next_outlet += 1
                    outlet_rows.append({"id": outlet_id, "name": name, "key": key})
            values = article_values(article, p.key, p.digest, outlet_id)
            article_id = values["id"] = index.next_article
            index.next_article += 1
            article_rows.append(values)
            speaker_of, role_of = resolve.assign_speakers(article, index.speakers)
            for i, q in recorded(article):
                text = quote_text(article, q)
                norm = cl.normalise(text)
                norm_hash = cl.norm_hash(norm)
                cluster_id = resolve.cluster_for(norm, text, speaker_of[i], index.clusters)
                index.clusters.note_quote(norm_hash, cluster_id)
                row = quote_values(q, i, text, article_id, speaker_of[i], role_of[i], outlet_id,
                                   values["published"], cluster_id, norm_hash)
                row["id"] = index.next_quote
                index.next_quote += 1
                quote_rows.append(row)
        return {
            "outlets": outlet_rows,
            **index.speakers.take_writes(),
            **index.clusters.take_writes(),
            "articles": article_rows,
            "quotes": quote_rows,
        }

    # --- the search index on PostgreSQL --------------------------------------------------------

    def _begin_load(self, expected_quotes: int) -> None:
        """On PostgreSQL: build the search index if an interrupted load left it out; drop it for
        a load of more than :data:`PG_DEFER_INDEX_QUOTES` quotes, more than the store holds, so
        it is built once at the end (searches stay correct meanwhile, only slower)."""
        if self.store.backend != "postgresql":
            return
        with self.store._write() as conn:
            bulk_write.ensure_pg_search_index(conn)
            stored = conn.execute(sa.select(sa.func.count()).select_from(quotes)).scalar()
            if expected_quotes >= PG_DEFER_INDEX_QUOTES and expected_quotes > stored:
                bulk_write.drop_pg_search_index(conn)

    def _end_load(self) -> None:
        if self.store.backend == "sqlite":
            with self.store.engine.connect() as conn:  # the pooled connection's usual page cache again
                conn.exec_driver_sql("PRAGMA cache_size = -2000")
        if self.store.backend == "postgresql":
            with self.store._write() as conn:
                bulk_write.ensure_pg_search_index(conn)


def bulk_load(
    store: Store,
    folder: Path,
    *,
    chunk_articles: int = CHUNK_ARTICLES,
    chunk_quotes: int = CHUNK_QUOTES,
    on_chunk: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Load the batch output ``folder`` into ``store`` (see the module docstring).

    Raises:
        StoreError: the store failed (the chunks committed before stay; rerun to finish).
    """
    if not store.writable:
        raise StoreError(f"{store.display_url} was opened read-only")
    loader = BulkLoader(store, chunk_articles=chunk_articles, chunk_quotes=chunk_quotes, on_chunk=on_chunk)
    return loader.load(folder)


def load_batches(
    store: Store, folders: list[Path], on_chunk: Callable[[IngestSummary], None] | None = None
) -> IngestSummary:
    """:func:`bulk_load` each folder in turn; one summary for them all."""
    total = IngestSummary()
    for folder in folders:
        combine(total, bulk_load(store, folder, on_chunk=on_chunk))
    return total


def combine(total: IngestSummary, part: IngestSummary) -> IngestSummary:
    """Add ``part``'s counts and messages to ``total`` (returned)."""
    for name in ("added", "replaced", "unchanged", "failed", "quotes"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.errors.extend(part.errors)
    total.warnings.extend(part.warnings)
    return total
