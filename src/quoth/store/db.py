"""The quote store: articles, quotes, speakers and clusters in SQLite or PostgreSQL (issue #4).

One :class:`Store` class over SQLAlchemy Core serves both backends; the commands in
``quoth.store.commands`` are thin wrappers over its methods. This module holds the connection,
migrations and ingest; the speaker side is :mod:`quoth.store.speaker_records`, the cluster side
:mod:`quoth.store.cluster_records` (both decide by the rules in :mod:`quoth.store.resolve`, which
the bulk load in :mod:`quoth.store.bulk` shares), the rows an article becomes
:mod:`quoth.store.rows`, the read side
(search, listings, timelines, exports) :mod:`quoth.store.queries`, what they share
:mod:`quoth.store.common`.

What it guarantees:

* **Idempotent ingest.** An article is one row keyed by its URL, else its path, else its content
  hash; re-ingesting the same content (:func:`content_hash`) changes nothing, and a changed version of
  the same article replaces its quotes.
* **One transaction per article.** An article, its quotes, the speakers and clusters they create and
  the clean-up after a replacement commit together or not at all, so ``kill -9`` mid-ingest leaves
  whole articles only and the same command again finishes the job. SQLite runs in WAL mode so
  readers can query during an ingest; writers take the lock up front (``BEGIN IMMEDIATE``), and on
  PostgreSQL an advisory lock serialises writers.
* **Escaped search.** User text is always a bound parameter; query words are quoted for FTS5
  (``plainto_tsquery`` on PostgreSQL). Raw FTS syntax is opt-in (``raw=True``).
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from quoth.errors import InputError, ModelUnavailable, UsageError
from quoth.model import Article
from quoth.store import clusters as cl
from quoth.store.common import (  # noqa: F401  (re-exported: quoth.store.db is the store's public face)
    PAGE_SIZE,
    SORTS,
    STOPWORDS,
    Filters,
    StoreError,
    UnknownSpeaker,
    _insert,
    _iso,
    _reason,
    fts5_query,
    parse_bound,
    parse_date,
)
from quoth.store.cluster_records import ClusterRecords
from quoth.store.queries import StoreQueries
from quoth.store import resolve
from quoth.store.rows import (  # noqa: F401  (re-exported)
    article_key,
    article_values,
    content_hash,
    identify,
    outlet_name,
    quote_text,
    quote_values,
    recorded,
)
from quoth.store.speaker_records import SpeakerRecords
from quoth.store.schema import articles, outlets, quotes

DEFAULT_URL = "sqlite:///quoth.db"
_PG_WRITER_LOCK = 0x71756F7468  # "quoth": one writer at a time on PostgreSQL


@dataclass
class IngestSummary:
    """What :meth:`Store.ingest_paths` did: counts, and one message per failed input."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what extract prints as warnings, per input
    skipped: Counter = field(default_factory=Counter)  # archive records that are not articles, by reason

    @property
    def inputs(self) -> int:
        return self.added + self.replaced + self.unchanged + self.failed


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$QUOTH_DB``, else ``sqlite:///quoth.db``.

    A bare file name means SQLite, and ``postgresql://`` / ``postgres://`` use psycopg 3.

    Example:
        >>> resolve_url("postgres://u@localhost/q")
        'postgresql+psycopg://u@localhost/q'
        >>> resolve_url("my.db")
        'sqlite:///my.db'
    """
    url = url or os.environ.get("QUOTH_DB") or DEFAULT_URL
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if "://" not in url:
        url = "sqlite:///" + url
    return url


class Store(SpeakerRecords, ClusterRecords, StoreQueries):
    """A quote store at a database URL.

    Args:
        url: ``sqlite:///path.db``, a bare file name, or ``postgresql://...``; default
            ``$QUOTH_DB`` or ``sqlite:///quoth.db``.
        create: create the store (and upgrade its schema) if needed; with ``False`` a missing or
            outdated store is an error and nothing is written.

    Raises:
        StoreError: the URL is malformed, the database unreachable, or no store is there.

    Example:
        >>> store = Store("sqlite://")  # in memory
        >>> store.stats()["quotes"]
        0
    """

    def __init__(self, url: str | None = None, *, create: bool = True):
        self.url = resolve_url(url)
        self.writable = create
        try:
            parsed = sa.make_url(self.url)
        except sa.exc.ArgumentError:
            raise StoreError(
                f"{self.url!r} is not a database URL: use sqlite:///FILE.db or postgresql://USER@HOST/DB"
            ) from None
        self.display_url = parsed.render_as_string(hide_password=True)
        self.backend = parsed.get_backend_name()
        if self.backend not in ("sqlite", "postgresql"):
            raise StoreError(f"{self.display_url}: quoth stores live in SQLite or PostgreSQL, not {self.backend}")
        kwargs: dict[str, Any] = {}
        if self.backend == "sqlite":
            database = parsed.database
            if database and database != ":memory:" and not database.startswith("file:"):
                path = Path(database)
                if not path.exists():
                    if not create:
                        raise StoreError(
                            f"No quote store at {database}: create one with `quoth ingest PATH --db {self.display_url}`"
                        )
                    if not path.parent.exists():
                        raise StoreError(f"Cannot create {database}: folder {path.parent} does not exist")
            else:
                kwargs["poolclass"] = sa.pool.StaticPool  # one shared in-memory database
        else:
            kwargs["connect_args"] = {"connect_timeout": 10}
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = sa.create_engine(self.url, **kwargs)
        except Exception as e:  # a missing driver, a bad option
            raise StoreError(f"{self.display_url}: cannot open ({type(e).__name__}: {e})") from None
        if self.backend == "sqlite":
            self._sqlite_events()
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except sa.exc.SQLAlchemyError as e:
            self.engine.dispose()
            reason = str(getattr(e, "orig", e)).strip().splitlines()[0]
            raise StoreError(f"Cannot connect to {self.display_url}: {reason}") from None
        try:
            if create:
                self.migrate()
            else:
                self._check_schema()
        except sa.exc.DatabaseError as e:  # "file is not a database": some other file at that path
            self.engine.dispose()
            reason = str(getattr(e, "orig", e)).strip().splitlines()[0]
            raise StoreError(f"{self.display_url} is not a quoth store ({reason})") from None

    # --- connection set-up -------------------------------------------------------------------

    def _sqlite_events(self) -> None:
        writable = self.writable

        @event.listens_for(self.engine, "connect")
        def _connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
            # Let SQLAlchemy's "begin" event issue BEGIN, not pysqlite's implicit one (SQLAlchemy
            # docs, "Serializable isolation / Savepoints / Transactional DDL").
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA busy_timeout = 30000")
            if writable:
                # WAL: readers go on while ingest writes; persistent, so set once is enough, but
                # cheap to repeat. NORMAL is durable across a killed process (not a power cut).
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.close()

        @event.listens_for(self.engine, "begin")
        def _begin(conn):  # pragma: no cover
            conn.exec_driver_sql("BEGIN IMMEDIATE" if writable else "BEGIN")

    def _alembic_config(self):
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", "quoth.store:migrations")
        return config

    def migrate(self) -> None:
        """Bring the schema to the newest migration, in one transaction (a no-op when current)."""
        from alembic import command

        config = self._alembic_config()
        try:
            with self.engine.begin() as conn:
                if self.backend == "postgresql":
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_WRITER_LOCK)))
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"{self.display_url}: cannot create or upgrade the store: {e.orig if hasattr(e, 'orig') else e}") from None

    def revision(self, conn: Connection | None = None) -> str | None:
        """The store's schema revision (``None`` before the first migration)."""
        from alembic.runtime.migration import MigrationContext

        if conn is not None:
            return MigrationContext.configure(conn).get_current_revision()
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def _check_schema(self) -> None:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(self._alembic_config()).get_current_head()
        current = self.revision()
        if current is None:
            raise StoreError(
                f"{self.display_url} is not a quote store (no schema): create one with `quoth ingest PATH`"
            )
        if current != head:
            raise StoreError(
                f"{self.display_url} has schema {current}, this quoth needs {head}: "
                "run `quoth ingest` (any path) to upgrade it"
            )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self):
        """A write transaction; on PostgreSQL it first takes the writer lock."""
        return _WriteTransaction(self)

    # --- ingest ------------------------------------------------------------------------------

    def is_current(self, key: str, digest: str) -> bool:
        """Whether the article ``key`` is stored with content ``digest`` (then ingest is a no-op)."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles.c.content_hash).where(articles.c.key == key)).first()
        return row is not None and row.content_hash == digest

    def ingest(self, article: Article) -> tuple[str, int]:
        """Store one article and its quotes in one transaction.

        Returns:
            ``(status, quotes)``: ``"added"``, ``"replaced"`` (same URL/path, new content: its old
            quotes are gone) or ``"unchanged"`` (same content: nothing written), and how many
            quotes were stored.

        Example:
            >>> from quoth.model import Article
            >>> store = Store("sqlite://")
            >>> a = Article(text='"We will win," Jane Doe said.', path="a.txt",
            ...             quotes=[Quote(content=[(1, 13)], speaker="Jane Doe", text="We will win,")])
            >>> store.ingest(a), store.ingest(a)
            (('added', 1), ('unchanged', 0))
        """
        key, digest = identify(article)
        try:
            with self._write() as conn:
                row = conn.execute(
                    sa.select(articles.c.id, articles.c.content_hash).where(articles.c.key == key)
                ).first()
                if row is not None and row.content_hash == digest:
                    return "unchanged", 0
                outlet_id = self._outlet_id(conn, article.meta.get("outlet"))
                values = article_values(article, key, digest, outlet_id)
                published = values["published"]
                old_speakers: set[int] = set()
                old_clusters: set[int] = set()
                if row is None:
                    article_id = conn.execute(articles.insert().values(**values)).inserted_primary_key[0]
                    status = "added"
                else:
                    article_id = row.id
                    for sid, cid in conn.execute(
                        sa.select(quotes.c.speaker_id, quotes.c.cluster_id).where(quotes.c.article_id == article_id)
                    ):
                        if sid is not None:
                            old_speakers.add(sid)
                        old_clusters.add(cid)
                    conn.execute(quotes.delete().where(quotes.c.article_id == article_id))
                    conn.execute(articles.update().where(articles.c.id == article_id).values(**values))
                    status = "replaced"
                n = self._insert_quotes(conn, article, article_id, outlet_id, published)
                if old_clusters:
                    self._tidy_clusters(conn, old_clusters)
                if old_speakers:
                    self._tidy_speakers(conn, old_speakers)
                return status, n
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"{article.path or article.doc or 'article'}: could not be stored: {_reason(e)}") from None

    def _outlet_id(self, conn: Connection, value: Any) -> int | None:
        named = outlet_name(value)
        if named is None:
            return None
        name, key = named
        found = conn.execute(sa.select(outlets.c.id).where(outlets.c.key == key)).scalar()
        if found is not None:
            return found
        return conn.execute(outlets.insert().values(name=name, key=key)).inserted_primary_key[0]

    def _insert_quotes(
        self, conn: Connection, article: Article, article_id: int, outlet_id: int | None, published: date | None
    ) -> int:
        speaker_of, role_of = resolve.assign_speakers(article, self._speaker_index(conn))
        kept = recorded(article)
        for i, q in kept:
            text = quote_text(article, q)
            norm = cl.normalise(text)
            cluster_id = self._cluster_id(conn, norm, text, speaker_of[i])
            conn.execute(
                quotes.insert().values(
                    quote_values(q, i, text, article_id, speaker_of[i], role_of[i], outlet_id, published,
                                 cluster_id, cl.norm_hash(norm))
                )
            )
        return len(kept)

    # --- the batch ingest --------------------------------------------------------------------

    def ingest_paths(
        self,
        paths: Iterable[str | Path],
        *,
        extract: Callable[[Any], Article] | None = None,
        on_input: Callable[[Path, str], None] | None = None,
        debug: bool = False,
        options: dict | None = None,
        max_bytes: int | None = None,
        fields=None,
    ) -> IngestSummary:
        """Read, extract and store every article under ``paths`` (folders recursively).

        An input that cannot be read or extracted is counted as failed, with its message, and the
        batch goes on; a database failure stops it (:class:`StoreError`). Unchanged files are
        skipped before extraction.

        Args:
            paths: files and folders; ``-`` is one article read from standard input.
            extract: ``Document -> Article``; default :func:`quoth.pipeline.extract_document`.
            on_input: called with each path and its status, for progress.
            debug: re-raise unexpected extraction errors instead of counting them.
            options: keyword arguments for the default extraction (``published``,
                ``year_range``, ``model``). They are recorded in the article's ``meta`` under
                ``extraction`` and are part of what "unchanged" means: the same file ingested
                with another ``published`` is extracted again and replaced.
            max_bytes: refuse larger files (default: the readers' limit).
            fields: which columns of JSONL/CSV/Parquet inputs hold what
                (:class:`~quoth.reading.sources.RecordFields`; default the common names).
        """
        from quoth.reading import DEFAULT_MAX_BYTES

        options = {k: v for k, v in (options or {}).items() if v is not None and (k, v) != ("model", "fast")}
        if extract is None:
            from quoth.pipeline import extract_document

            def extract(document):
                return extract_document(document, **options)

        summary = IngestSummary()
        limit = max_bytes or DEFAULT_MAX_BYTES
        sources = _sources(paths, limit, fields)
        for path, read in sources:
            status = "failed"
            try:
                document = read()
                if options:
                    # kept with the article (how it was extracted) and part of its content hash
                    chosen = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
                    document = dataclasses.replace(document, meta={**document.meta, "extraction": chosen})
                digest = content_hash(document.text, document.meta)
                key = article_key(document.meta.get("url") or None, document.path, digest)
                if self.is_current(key, digest):
                    status = "unchanged"
                else:
                    article = extract(document)
                    summary.warnings.extend(article.warnings)
                    status, n = self.ingest(article)
                    summary.quotes += n
            except InputError as e:
                summary.errors.append(str(e))
            except (StoreError, sa.exc.SQLAlchemyError, UsageError, ModelUnavailable):
                raise  # the store or the options are wrong, not this article: stop
            except Exception as e:  # one bad article never aborts the batch (STYLE.md §6)
                if debug:
                    raise
                summary.errors.append(f"{path}: extraction failed: {type(e).__name__}: {e}")
            setattr(summary, status, getattr(summary, status) + 1)
            if on_input is not None:
                on_input(path, status)
        summary.skipped.update(sources.skipped)
        return summary


class _WriteTransaction:
    def __init__(self, store: Store):
        self.store = store
        self.ctx = None

    def __enter__(self) -> Connection:
        if not self.store.writable:
            raise StoreError(f"{self.store.display_url} was opened read-only")
        self.ctx = self.store.engine.begin()
        conn = self.ctx.__enter__()
        if self.store.backend == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_WRITER_LOCK)))
        return conn

    def __exit__(self, *exc):
        return self.ctx.__exit__(*exc)


def _sources(paths: Iterable[str | Path], max_bytes: int, fields=None):
    """``(name, read)`` for every document under ``paths`` (files, folders, archives' records;
    ``-`` is standard input), from :func:`quoth.reading.sources.iter_sources`; ``.skipped``
    counts the archive records that are not articles."""
    from quoth.reading.sources import iter_sources

    return _SourcePairs(iter_sources([p if str(p) == "-" else Path(p).absolute() for p in paths],
                                     max_bytes=max_bytes, fields=fields))


class _SourcePairs:
    def __init__(self, sources):
        self.sources = sources
        self.skipped = sources.skipped

    def __iter__(self):
        for source in self.sources:
            yield source.name, source.read
