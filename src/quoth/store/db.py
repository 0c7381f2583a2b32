"""The quote store: articles, quotes, speakers and clusters in SQLite or PostgreSQL (issue #4).

One :class:`Store` class over SQLAlchemy Core serves both backends; the commands in
``quoth.store.commands`` are thin wrappers over its methods.

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
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine

from quoth.errors import InputError, ModelUnavailable, QuothError, UsageError
from quoth.model import Article, Quote
from quoth.store import clusters as cl
from quoth.store import corrections as corr
from quoth.store import identity as ident
from quoth.store.schema import (
    PG_TEXT_CONFIG,
    articles,
    cluster_fingerprints,
    clusters,
    outlets,
    quotes,
    speaker_aliases,
    speaker_roles,
    speakers,
)

DEFAULT_URL = "sqlite:///quoth.db"
PAGE_SIZE = 20
SORTS = ("rank", "earliest", "latest")
_PG_WRITER_LOCK = 0x71756F7468  # "quoth": one writer at a time on PostgreSQL

# PostgreSQL's english configuration drops these words from a query; SQLite does the same so
# "the sanctions" finds the same quotes on both backends (Snowball's English stop list).
STOPWORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that
    these those am is are was were be been being have has had having do does did doing a an the and
    but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only own
    same so than too very s t can will just don should now""".split()
)


class StoreError(QuothError):
    """The database cannot be used: unreachable, not a quoth store, or a failed write."""


class UnknownSpeaker(UsageError):
    """A ``--speaker`` name that matches no speaker in the store."""


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


def content_hash(text: str, meta: dict[str, Any] | None = None) -> str:
    """The key of idempotence: SHA-256 of the text with the URL and outlet it was read with.

    A :class:`~quoth.reading.Document` and the :class:`~quoth.model.Article` extracted from it
    hash alike (both carry the reader's ``meta``), so an unchanged file is skipped before extraction.

    Example:
        >>> content_hash("a")[:12], content_hash("a", {"outlet": "TASS"})[:12]
        ('915732a3799c', '4c9f93e7833c')
    """
    meta = meta or {}
    fields = [text, meta.get("url"), meta.get("outlet")]
    if meta.get("extraction"):  # non-default extraction options (``quoth ingest --year-range``)
        fields.append(meta["extraction"])
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_key(url: str | None, path: str | None, digest: str) -> str:
    """What makes two versions one article: its URL, else its path, else its content."""
    if url:
        return f"url:{url}"
    if path:
        return f"path:{path}"
    return f"sha256:{digest}"


def parse_date(value: Any) -> date | None:
    """A stored date from an ISO string (``YYYY``, ``YYYY-MM`` count from the period's first day)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def parse_bound(value: str | None, *, end: bool, option: str = "date") -> date | None:
    """A user's ``--since``/``--until``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an ``--until``
    period includes its last day.

    Raises:
        UsageError: naming the option and the accepted forms.

    Example:
        >>> parse_bound("2016", end=True), parse_bound("2016-02", end=True)
        (datetime.date(2016, 12, 31), datetime.date(2016, 2, 29))
    """
    if value is None or value == "":
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    bad = UsageError(f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-11-09)")
    if not m:
        raise bad
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            first = date(year, int(month), 1)
            if not end:
                return first
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise bad from None


def fts5_query(query: str) -> str:
    """User words as an FTS5 query that matches all of them: each word a quoted string, so no
    user text is ever FTS syntax (sqlite-utils' ``quote_fts``); English stop words are dropped as
    PostgreSQL drops them.

    Example:
        >>> fts5_query('the "sanctions" OR NEAR(x')
        '"sanctions" "near" "x"'
    """
    words = re.findall(r"[^\W_]+", query.casefold())
    kept = [w for w in words if w not in STOPWORDS] or words
    return " ".join(f'"{w}"' for w in kept)


@dataclass
class Filters:
    """The filters every query command shares (already checked: ids and dates)."""

    query: str | None = None
    speaker_ids: list[int] | None = None
    outlet_ids: list[int] | None = None
    since: date | None = None
    until: date | None = None
    type: str | None = None
    raw: bool = False
    named: bool = False  # only quotes with a named speaker
    min_words: int = 0  # only quotes of at least this many words


class Store:
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
            >>> from quoth.model import Article, Quote
            >>> store = Store("sqlite://")
            >>> a = Article(text='"We will win," Jane Doe said.', path="a.txt",
            ...             quotes=[Quote(content=[(1, 13)], speaker="Jane Doe", text="We will win,")])
            >>> store.ingest(a), store.ingest(a)
            (('added', 1), ('unchanged', 0))
        """
        digest = content_hash(article.text, article.meta)
        url = article.meta.get("url") or None
        key = article_key(url, article.path, digest)
        try:
            with self._write() as conn:
                row = conn.execute(
                    sa.select(articles.c.id, articles.c.content_hash).where(articles.c.key == key)
                ).first()
                if row is not None and row.content_hash == digest:
                    return "unchanged", 0
                outlet_id = self._outlet_id(conn, article.meta.get("outlet"))
                published = parse_date(article.published)
                values = dict(
                    key=key,
                    content_hash=digest,
                    doc=article.doc,
                    path=article.path,
                    url=url,
                    outlet_id=outlet_id,
                    headline=article.headline_text,
                    published=published,
                    text=article.text,
                    meta=_jsonable(article.meta),
                    ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
                )
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

    def _outlet_id(self, conn: Connection, name: Any) -> int | None:
        if name is None or not str(name).strip():
            return None
        name = " ".join(str(name).split())
        key = name.casefold()
        found = conn.execute(sa.select(outlets.c.id).where(outlets.c.key == key)).scalar()
        if found is not None:
            return found
        return conn.execute(outlets.insert().values(name=name, key=key)).inserted_primary_key[0]

    def _insert_quotes(
        self, conn: Connection, article: Article, article_id: int, outlet_id: int | None, published: date | None
    ) -> int:
        # Full names first, so "Peskov" later in the same article can join "Dmitry Peskov" (context).
        parsed = [ident.parse_name(q.speaker) for q in article.quotes]
        order = sorted(range(len(article.quotes)), key=lambda i: (not (parsed[i] and parsed[i].full), i))
        context: dict[str, set[int]] = {}
        speaker_of: dict[int, int | None] = {}
        role_of: dict[int, str | None] = {}
        for i in order:
            q, name = article.quotes[i], parsed[i]
            role = q.speaker_role or (name.role if name else None)
            role_of[i] = role
            if q.speaker and q.speaker_type in ident.ENTITY_TYPES:
                speaker_of[i] = self._entity_id(conn, q.speaker, q.speaker_type)
                continue
            if name is None:
                speaker_of[i] = None
                continue
            sid = self._speaker_id(conn, name, role, context, q.speaker_type)
            speaker_of[i] = sid
            if name.full:
                context.setdefault(name.last, set()).add(sid)
        for i, q in enumerate(article.quotes):
            text = q.text or " … ".join(article.text[s:e] for s, e in q.content)
            said_on = parse_date(q.said_on)
            norm = cl.normalise(text)
            sid = speaker_of[i]
            cluster_id = self._cluster_id(conn, norm, text, sid)
            conn.execute(
                quotes.insert().values(
                    article_id=article_id,
                    idx=i,
                    type=q.type if q.type in ("direct", "indirect", "mixed") else "indirect",
                    text=text,
                    spans=_spans(q),
                    speaker_id=sid,
                    speaker_name=q.speaker,
                    speaker_role=role_of[i],
                    speaker_type=q.speaker_type,
                    said_on=said_on,
                    date=said_on or published,
                    outlet_id=outlet_id,
                    cluster_id=cluster_id,
                    norm_hash=cl.norm_hash(norm),
                )
            )
        return len(article.quotes)

    # --- speakers ----------------------------------------------------------------------------

    def _candidates(self, conn: Connection, name: ident.Name) -> list[ident.Candidate]:
        by_alias = sa.select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.key == name.key)
        ids = [
            r.id
            for r in conn.execute(
                sa.select(speakers.c.id)
                .where(sa.or_(speakers.c.surname.in_(ident.surname_spellings(name.last)), speakers.c.id.in_(by_alias)))
                .order_by(speakers.c.id)
            )
        ]
        return corr.pin(conn, name.key, self._load_candidates(conn, ids))  # a user's correction binds a name

    def _load_candidates(self, conn: Connection, ids: list[int]) -> list[ident.Candidate]:
        if not ids:
            return []
        cands = {
            r.id: ident.Candidate(r.id, [], frozenset(), bool(r.catalogue), r.type)
            for r in conn.execute(
                sa.select(speakers.c.id, speakers.c.catalogue, speakers.c.type).where(speakers.c.id.in_(ids))
            )
        }
        for r in conn.execute(
            sa.select(speaker_aliases.c.speaker_id, speaker_aliases.c.alias)
            .where(speaker_aliases.c.speaker_id.in_(ids))
            .order_by(speaker_aliases.c.id)
        ):
            parsed = ident.parse_name(r.alias)
            if parsed is not None:
                cands[r.speaker_id].names.append(parsed)
        for r in conn.execute(
            sa.select(speaker_roles.c.speaker_id, speaker_roles.c.role).where(speaker_roles.c.speaker_id.in_(ids))
        ):
            c = cands[r.speaker_id]
            c.roles = c.roles | ident.role_words(r.role)
        return [cands[i] for i in ids]

    def _speaker_id(
        self, conn: Connection, name: ident.Name, role: str | None, context: dict[str, set[int]], type_: str | None = None
    ) -> int:
        match = ident.choose(name, role, self._candidates(conn, name), context, type_)
        sid = match.speaker_id
        if sid is None:
            sid = conn.execute(
                speakers.insert().values(name=name.display, surname=name.last, catalogue=False, type=type_)
            ).inserted_primary_key[0]
        else:
            if match.upgrade:
                conn.execute(
                    speakers.update().where(speakers.c.id == sid, speakers.c.locked.is_(False)).values(name=name.display)
                )
            if type_ is not None:  # a speaker first seen untyped takes the type a later mention gives
                conn.execute(speakers.update().where(speakers.c.id == sid, speakers.c.type.is_(None)).values(type=type_))
        self._add_alias(conn, sid, name.display, name.key, "observed")
        if role:
            self._add_role(conn, sid, role)
        return sid

    def _entity_id(self, conn: Connection, name: str, type_: str) -> int | None:
        """An organisation, place or group: the speaker of that type with that name (or a
        catalogue alias of it), else a new one. No surname logic: "Washington" the place is not
        Denzel Washington, "Ford Motor" is not John Ford."""
        key = ident.entity_key(name)
        if not key:
            return None
        bound = speaker_aliases.c.source.in_(corr.BINDING)  # a user's correction (forced: across types)
        sid = conn.execute(
            sa.select(speakers.c.id)
            .join(speaker_aliases, speaker_aliases.c.speaker_id == speakers.c.id)
            .where(
                speaker_aliases.c.key == key,
                sa.or_(speakers.c.type == type_, speakers.c.catalogue.is_(True), speaker_aliases.c.source == "forced"),
            )
            .order_by(bound.desc(), speakers.c.catalogue.desc(), speakers.c.id)
        ).scalar()
        if sid is None:
            display = re.sub(r"^[Tt]he\s+", "", " ".join(name.split()))
            sid = conn.execute(
                speakers.insert().values(name=display, surname=key, catalogue=False, type=type_)
            ).inserted_primary_key[0]
        self._add_alias(conn, sid, " ".join(name.split()), key, "observed")
        return sid

    def _add_alias(self, conn: Connection, sid: int, alias: str, key: str, source: str) -> None:
        ins = _insert(self.backend, speaker_aliases).values(speaker_id=sid, alias=alias, key=key, source=source)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["speaker_id", "key"]))

    def _add_role(self, conn: Connection, sid: int, role: str) -> None:
        role = " ".join(role.split())
        ins = _insert(self.backend, speaker_roles).values(speaker_id=sid, role=role)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["speaker_id", "role"]))

    def _tidy_speakers(self, conn: Connection, ids: Iterable[int]) -> None:
        """After a replacement: drop speakers left without quotes (unless catalogued or corrected by
        a user) and the aliases and roles only the old quotes gave."""
        for sid in sorted(ids):
            catalogue = conn.execute(sa.select(speakers.c.catalogue).where(speakers.c.id == sid)).scalar()
            if catalogue is None:
                continue
            rows = conn.execute(
                sa.select(quotes.c.speaker_name, quotes.c.speaker_role, quotes.c.speaker_type)
                .where(quotes.c.speaker_id == sid)
                .distinct()
            ).all()
            if not rows and not catalogue and not corr.keeps(conn, sid):
                conn.execute(clusters.update().where(clusters.c.speaker_id == sid).values(speaker_id=None))
                conn.execute(speakers.delete().where(speakers.c.id == sid))
                continue
            keys = {k for k in (ident.alias_key(r.speaker_name, r.speaker_type) for r in rows if r.speaker_name) if k}
            roles = {" ".join(r.speaker_role.split()) for r in rows if r.speaker_role}
            conn.execute(
                speaker_aliases.delete().where(
                    speaker_aliases.c.speaker_id == sid,
                    speaker_aliases.c.source == "observed",
                    speaker_aliases.c.key.not_in(keys) if keys else sa.true(),
                )
            )
            conn.execute(
                speaker_roles.delete().where(
                    speaker_roles.c.speaker_id == sid,
                    speaker_roles.c.role.not_in(roles) if roles else sa.true(),
                )
            )

    def apply_catalogue(self, entries: list[ident.CatalogueEntry]) -> dict[str, int]:
        """Make each catalogue entry one speaker, merging every speaker known by one of its names
        into it; later mentions of those names join it first (identity step 1). One transaction.

        Returns:
            ``{"entries": N, "merged": N}``: catalogue entries applied, speakers merged into them.
        """
        merged = 0
        with self._write() as conn:
            for entry in entries:
                keys = entry.keys
                main = ident.parse_name(entry.name)
                surname = main.last if main else ident.fold(entry.name)
                target = None
                if entry.wikidata:
                    target = conn.execute(
                        sa.select(speakers.c.id).where(speakers.c.wikidata == entry.wikidata)
                    ).scalar()
                if target is None:
                    target = conn.execute(
                        sa.select(speakers.c.id)
                        .join(speaker_aliases, speaker_aliases.c.speaker_id == speakers.c.id)
                        .where(speakers.c.catalogue == sa.true(), speaker_aliases.c.key.in_(keys))
                        .order_by(speakers.c.id)
                        .limit(1)
                    ).scalar()
                if target is None:
                    target = conn.execute(
                        speakers.insert().values(
                            name=entry.name, surname=surname, wikidata=entry.wikidata, catalogue=True
                        )
                    ).inserted_primary_key[0]
                else:
                    conn.execute(
                        speakers.update()
                        .where(speakers.c.id == target)
                        .values(
                            name=sa.case((speakers.c.locked.is_(True), speakers.c.name), else_=entry.name),  # renamed
                            surname=surname,
                            wikidata=entry.wikidata,
                            catalogue=True,
                        )
                    )
                for alias in (entry.name, *entry.aliases):
                    parsed = ident.parse_name(alias)
                    key = parsed.key if parsed else ident.fold(alias)
                    conn.execute(
                        speaker_aliases.delete().where(
                            speaker_aliases.c.speaker_id == target, speaker_aliases.c.key == key
                        )
                    )
                    self._add_alias(conn, target, alias, key, "catalogue")
                others = [
                    r.id
                    for r in conn.execute(
                        sa.select(speakers.c.id)
                        .where(
                            speakers.c.id != target,
                            speakers.c.catalogue == sa.false(),
                            speakers.c.id.in_(
                                sa.select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.key.in_(keys))
                            ),
                        )
                        .order_by(speakers.c.id)
                    )
                ]
                for other in others:
                    corr.absorb(self, conn, other, target)  # _merge_speaker, keeping a user's corrections
                    merged += 1
        return {"entries": len(entries), "merged": merged}

    def _merge_speaker(self, conn: Connection, source: int, target: int) -> None:
        conn.execute(quotes.update().where(quotes.c.speaker_id == source).values(speaker_id=target))
        conn.execute(clusters.update().where(clusters.c.speaker_id == source).values(speaker_id=target))
        for r in conn.execute(
            sa.select(speaker_aliases.c.alias, speaker_aliases.c.key).where(speaker_aliases.c.speaker_id == source)
        ).all():
            self._add_alias(conn, target, r.alias, r.key, "observed")
        for r in conn.execute(sa.select(speaker_roles.c.role).where(speaker_roles.c.speaker_id == source)).all():
            self._add_role(conn, target, r.role)
        conn.execute(speakers.delete().where(speakers.c.id == source))

    def speaker_ids(self, name: str, conn: Connection | None = None) -> list[int]:
        """Every speaker a user's ``--speaker NAME`` means: any alias, or a compatible full name
        (looked up in ``conn``'s transaction if given).

        Raises:
            UnknownSpeaker: nobody by that name, with the closest names as suggestions.
        """
        if conn is None:
            with self.engine.connect() as conn:
                return self.speaker_ids(name, conn)
        parsed = ident.parse_name(name)
        key = parsed.key if parsed else ident.fold(name)
        ids = [
            r.speaker_id
            for r in conn.execute(
                sa.select(speaker_aliases.c.speaker_id)
                .where(speaker_aliases.c.key == key)
                .distinct()
                .order_by(speaker_aliases.c.speaker_id)
            )
        ]
        if not ids and parsed is not None:
            for c in self._load_candidates(
                conn,
                [r.id for r in conn.execute(sa.select(speakers.c.id).where(speakers.c.surname == parsed.last))],
            ):
                if not parsed.full or any(ident.compatible(parsed, n) for n in c.full_names):
                    ids.append(c.id)
        if ids:
            return sorted(set(ids))
        names = [r.name for r in conn.execute(sa.select(speakers.c.name))]
        hint = ""
        if names:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(name, names, limit=3, score_cutoff=60)]
            if close:
                hint = " Did you mean: " + ", ".join(close) + "?"
        raise UnknownSpeaker(f"Unknown speaker {name!r}: no speaker has that name or alias.{hint} "
                             "`quoth speakers` lists them.")

    def outlet_ids(self, name: str) -> list[int]:
        """The outlet a user's ``--outlet NAME`` means (case-insensitive), or a :class:`UsageError`."""
        key = " ".join(name.split()).casefold()
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(outlets.c.id).where(outlets.c.key == key)).scalar()
            if found is not None:
                return [found]
            known = [r.name for r in conn.execute(sa.select(outlets.c.name).order_by(outlets.c.name).limit(20))]
        listed = ", ".join(known) if known else "none yet (outlets come from a reader's 'outlet' metadata)"
        raise UsageError(f"Unknown outlet {name!r}. Known outlets: {listed}")

    # --- clusters ----------------------------------------------------------------------------

    def _cluster_id(self, conn: Connection, norm: cl.Norm, text: str, sid: int | None) -> int:
        h = cl.norm_hash(norm)
        # 1. The same normalised text by the same (or an unknown) speaker.
        for r in conn.execute(
            sa.select(clusters.c.id, clusters.c.speaker_id)
            .where(clusters.c.id.in_(sa.select(quotes.c.cluster_id).where(quotes.c.norm_hash == h)))
            .order_by(clusters.c.id)
        ):
            if _same_speaker(r.speaker_id, sid):
                if r.speaker_id is None and sid is not None:
                    conn.execute(clusters.update().where(clusters.c.id == r.id).values(speaker_id=sid))
                return r.id
        # 2. A near-duplicate: clusters sharing fingerprints, best accepted match first.
        fps = cl.fingerprints(norm)
        look_up = cl.shingles(norm)
        best: tuple[float, int] | None = None
        if look_up and len(norm.words) >= cl.DEFAULT_SETTINGS.min_words:
            shared = sa.func.count().label("shared")
            cand = (
                sa.select(cluster_fingerprints.c.cluster_id, shared)
                .where(cluster_fingerprints.c.fp.in_(sorted(look_up)))
                .group_by(cluster_fingerprints.c.cluster_id)
                .order_by(shared.desc(), cluster_fingerprints.c.cluster_id)
                .limit(cl.DEFAULT_SETTINGS.candidates)
                .subquery()
            )
            for r in conn.execute(
                sa.select(clusters.c.id, clusters.c.speaker_id, clusters.c.norm)
                .join(cand, cand.c.cluster_id == clusters.c.id)
                .order_by(cand.c.shared.desc(), clusters.c.id)
            ):
                if not _same_speaker(r.speaker_id, sid):
                    continue
                score = cl.same_statement(norm, cl.normalise(r.norm))
                if score is not None and (best is None or score > best[0]):
                    best = (score, r.id)
        if best is not None:
            cid = best[1]
            row = conn.execute(sa.select(clusters.c.norm, clusters.c.speaker_id).where(clusters.c.id == cid)).one()
            update: dict[str, Any] = {}
            if len(norm.words) > len(row.norm.split()):  # the longest version represents the cluster
                update.update(norm=norm.text, text=text)
            if row.speaker_id is None and sid is not None:
                update["speaker_id"] = sid
            if update:
                conn.execute(clusters.update().where(clusters.c.id == cid).values(**update))
        else:
            cid = conn.execute(
                clusters.insert().values(speaker_id=sid, norm=norm.text, text=text)
            ).inserted_primary_key[0]
        self._add_fingerprints(conn, cid, fps)
        return cid

    def _add_fingerprints(self, conn: Connection, cid: int, fps: Iterable[int]) -> None:
        rows = [{"fp": fp, "cluster_id": cid} for fp in sorted(fps)]
        if rows:
            conn.execute(_insert(self.backend, cluster_fingerprints).on_conflict_do_nothing(), rows)

    def _tidy_clusters(self, conn: Connection, ids: Iterable[int]) -> None:
        """After a replacement: drop emptied clusters; re-derive the others' representative and
        fingerprints from the quotes they still hold."""
        for cid in sorted(ids):
            members = conn.execute(
                sa.select(quotes.c.text, quotes.c.speaker_id).where(quotes.c.cluster_id == cid).order_by(quotes.c.id)
            ).all()
            conn.execute(cluster_fingerprints.delete().where(cluster_fingerprints.c.cluster_id == cid))
            if not members:
                conn.execute(clusters.delete().where(clusters.c.id == cid))
                continue
            norms = [(cl.normalise(m.text), m.text) for m in members]
            longest = max(norms, key=lambda nt: len(nt[0].words))  # first of the longest
            sid = next((m.speaker_id for m in members if m.speaker_id is not None), None)
            conn.execute(
                clusters.update()
                .where(clusters.c.id == cid)
                .values(norm=longest[0].text, text=longest[1], speaker_id=sid)
            )
            fps: set[int] = set()
            for n, _ in norms:
                fps |= cl.fingerprints(n)
            self._add_fingerprints(conn, cid, fps)

    def cluster(self, cluster_id: int) -> dict[str, Any]:
        """One statement: its text, speaker, earliest date, outlets and every occurrence."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(clusters.c.id, clusters.c.text, speakers.c.name.label("speaker"))
                .select_from(clusters.outerjoin(speakers, speakers.c.id == clusters.c.speaker_id))
                .where(clusters.c.id == cluster_id)
            ).first()
            if row is None:
                raise UsageError(f"No cluster {cluster_id} in {self.display_url}")
            occ = [
                self._row(r)
                for r in conn.execute(
                    self._rows_select().where(quotes.c.cluster_id == cluster_id).order_by(quotes.c.date, quotes.c.id)
                )
            ]
        dates = [o["date"] for o in occ if o["date"]]
        outs = sorted({o["outlet"] for o in occ if o["outlet"]})
        return {
            "cluster": row.id,
            "text": row.text,
            "speaker": row.speaker,
            "earliest": min(dates) if dates else None,
            "outlets": outs,
            "occurrences": occ,
        }

    # --- queries -----------------------------------------------------------------------------

    def filters(
        self,
        query: str | None = None,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        type: str | None = None,
        raw: bool = False,
        named: bool = False,
        min_words: int = 0,
    ) -> Filters:
        """Check a user's filters (dates, speaker, outlet, type) before any query runs.

        Raises:
            UsageError: a malformed date, an unknown speaker or outlet, an unknown type.
        """
        f = Filters(query=query if query and query.strip() else None, raw=raw, type=type, named=named,
                    min_words=max(0, int(min_words or 0)))
        f.since = parse_bound(since, end=False, option="--since")
        f.until = parse_bound(until, end=True, option="--until")
        if f.since and f.until and f.since > f.until:
            raise UsageError(f"--since {since} is after --until {until}: nothing can match")
        if type is not None and type not in ("direct", "indirect", "mixed"):
            raise UsageError(f"--type {type!r}: use direct, indirect or mixed")
        if f.query and not raw and not fts5_query(f.query):
            raise UsageError(f"search query {query!r} has no words to search for")
        if speaker:
            f.speaker_ids = self.speaker_ids(speaker)
        if outlet:
            f.outlet_ids = self.outlet_ids(outlet)
        return f

    def _where(self, stmt, f: Filters):
        if f.speaker_ids is not None:
            stmt = stmt.where(quotes.c.speaker_id.in_(f.speaker_ids))
        if f.outlet_ids is not None:
            stmt = stmt.where(quotes.c.outlet_id.in_(f.outlet_ids))
        if f.since is not None:
            stmt = stmt.where(quotes.c.date >= f.since)
        if f.until is not None:
            stmt = stmt.where(quotes.c.date <= f.until)
        if f.type is not None:
            stmt = stmt.where(quotes.c.type == f.type)
        if f.named:
            stmt = stmt.where(quotes.c.speaker_id.is_not(None))
        if f.min_words > 1:
            # words = spaces + 1, on both backends (the text is stored with single spaces)
            spaces = sa.func.length(quotes.c.text) - sa.func.length(sa.func.replace(quotes.c.text, " ", ""))
            stmt = stmt.where(spaces + 1 >= f.min_words)
        return stmt

    def _match(self, stmt, f: Filters):
        """Restrict ``stmt`` (over ``quotes``) to full-text matches; returns it and a score column
        (lower is better on SQLite's bm25, so both backends sort ascending on it)."""
        if self.backend == "sqlite":
            match = f.query if f.raw else fts5_query(f.query or "")
            fts = sa.table("quotes_fts", sa.column("rowid"))
            score = sa.func.bm25(sa.literal_column("quotes_fts")).label("score")
            stmt = stmt.join(fts, fts.c.rowid == quotes.c.id).where(
                sa.literal_column("quotes_fts").op("MATCH")(sa.bindparam("match", match))
            )
            return stmt, score
        fn = sa.func.websearch_to_tsquery if f.raw else sa.func.plainto_tsquery
        tsq = fn(PG_TEXT_CONFIG, sa.bindparam("match", f.query))
        search = sa.literal_column("quotes.search")
        stmt = stmt.where(search.op("@@")(tsq))
        # normalisation 1 (divide by 1 + log length): like bm25, a short quote that matches ranks higher
        return stmt, (-sa.func.ts_rank_cd(search, tsq, 1)).label("score")

    def search(
        self,
        filters: Filters,
        *,
        limit: int = PAGE_SIZE,
        offset: int = 0,
        sort: str = "rank",
    ) -> list[dict[str, Any]]:
        """Ranked full-text search (or a filtered listing when there is no query) with highlights.

        Args:
            filters: from :meth:`filters`.
            limit, offset: the page.
            sort: ``rank`` (best match first; date without a query), ``earliest`` or ``latest``.

        Returns:
            One flat dict per quote (see :meth:`_row`), with ``highlight`` (matched words in
            ``<mark>``) and ``score``.
        """
        if sort not in SORTS:
            raise UsageError(f"--sort {sort!r}: use one of {', '.join(SORTS)}")
        stmt = sa.select(quotes.c.id).select_from(quotes)
        score = None
        if filters.query:
            stmt, score = self._match(stmt, filters)
            stmt = stmt.add_columns(score)
        stmt = self._where(stmt, filters)
        if sort == "earliest" or (sort == "rank" and score is None):
            stmt = stmt.order_by(quotes.c.date.is_(None), quotes.c.date, quotes.c.id)
        elif sort == "latest":
            stmt = stmt.order_by(quotes.c.date.is_(None), quotes.c.date.desc(), quotes.c.id)
        else:
            stmt = stmt.order_by(score, quotes.c.id)
        stmt = stmt.limit(limit).offset(offset)
        try:
            with self.engine.connect() as conn:
                page = conn.execute(stmt).all()
                ids = [r.id for r in page]
                # Both backends sort ascending on score; shown negated, higher is better.
                scores = {r.id: (round(-r.score, 6) if score is not None else None) for r in page}
                rows = {r.id: self._row(r) for r in conn.execute(self._rows_select().where(quotes.c.id.in_(ids)))}
                marks = self._highlights(conn, ids, filters) if filters.query else {}
                sizes = dict(
                    conn.execute(
                        sa.select(quotes.c.cluster_id, sa.func.count())
                        .where(quotes.c.cluster_id.in_({rows[i]["cluster"] for i in ids}))
                        .group_by(quotes.c.cluster_id)
                    ).all()
                )
        except sa.exc.OperationalError as e:
            if filters.raw:
                raise UsageError(f"search query {filters.query!r} is not valid full-text syntax ({_reason(e)}); "
                                 "leave out --raw to search for the words") from None
            raise StoreError(f"{self.display_url}: search failed: {_reason(e)}") from None
        except sa.exc.ProgrammingError as e:
            raise UsageError(f"search query {filters.query!r} failed: {_reason(e)}") from None
        out = []
        for i in ids:
            row = rows[i]
            row["highlight"] = marks.get(i, row["text"]) if filters.query else None
            row["occurrences"] = sizes.get(row["cluster"], 1)
            row["score"] = scores[i]
            out.append(row)
        return out

    def _highlights(self, conn: Connection, ids: list[int], f: Filters) -> dict[int, str]:
        if not ids:
            return {}
        if self.backend == "sqlite":
            stmt = sa.text(
                "SELECT rowid AS id, highlight(quotes_fts, 0, '<mark>', '</mark>') AS h FROM quotes_fts "
                "WHERE quotes_fts MATCH :match AND rowid IN (SELECT value FROM json_each(:ids))"
            )
            match = f.query if f.raw else fts5_query(f.query or "")
            return {r.id: r.h for r in conn.execute(stmt, {"match": match, "ids": json.dumps(ids)})}
        fn = sa.func.websearch_to_tsquery if f.raw else sa.func.plainto_tsquery
        tsq = fn(PG_TEXT_CONFIG, sa.bindparam("match", f.query))
        h = sa.func.ts_headline(
            PG_TEXT_CONFIG, quotes.c.text, tsq, "StartSel=<mark>, StopSel=</mark>, HighlightAll=true"
        )
        return {r.id: r.h for r in conn.execute(sa.select(quotes.c.id, h.label("h")).where(quotes.c.id.in_(ids)))}

    def _rows_select(self):
        return (
            sa.select(
                quotes.c.id,
                quotes.c.date,
                quotes.c.said_on,
                quotes.c.type,
                quotes.c.text,
                quotes.c.spans,
                quotes.c.idx,
                quotes.c.speaker_id,
                speakers.c.name.label("speaker"),
                quotes.c.speaker_name,
                quotes.c.speaker_role,
                quotes.c.speaker_type,
                outlets.c.name.label("outlet"),
                quotes.c.cluster_id,
                articles.c.id.label("article_id"),
                articles.c.headline,
                articles.c.url,
                articles.c.path,
                articles.c.published,
            )
            .select_from(
                quotes.join(articles, articles.c.id == quotes.c.article_id)
                .outerjoin(speakers, speakers.c.id == quotes.c.speaker_id)
                .outerjoin(outlets, outlets.c.id == quotes.c.outlet_id)
            )
        )

    @staticmethod
    def _row(r) -> dict[str, Any]:
        return {
            "id": r.id,
            "date": _iso(r.date),
            "speaker": r.speaker,
            "speaker_id": r.speaker_id,
            "speaker_name": r.speaker_name,
            "speaker_role": r.speaker_role,
            "speaker_type": r.speaker_type,
            "type": r.type,
            "outlet": r.outlet,
            "text": r.text,
            "said_on": _iso(r.said_on),
            "published": _iso(r.published),
            "headline": r.headline,
            "url": r.url,
            "path": r.path,
            "article_id": r.article_id,
            "quote_index": r.idx,
            "cluster": r.cluster_id,
            "spans": r.spans,
        }

    def export(self, filters: Filters, *, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every quote matching ``filters``, in id order, streamed in batches (keyset paging)."""
        last = 0
        while True:
            stmt = sa.select(quotes.c.id).select_from(quotes)
            if filters.query:
                stmt, _ = self._match(stmt, filters)
            stmt = self._where(stmt, filters).where(quotes.c.id > last).order_by(quotes.c.id).limit(batch)
            with self.engine.connect() as conn:
                ids = [r.id for r in conn.execute(stmt)]
                if not ids:
                    return
                rows = conn.execute(self._rows_select().where(quotes.c.id.in_(ids)).order_by(quotes.c.id)).all()
            for r in rows:
                yield self._row(r)
            last = ids[-1]

    def speakers(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Every speaker with aliases, roles (first and last dated use), quote count and the dates of
        the first and last statement; most quoted first."""
        with self.engine.connect() as conn:
            counts = {
                r.speaker_id: r
                for r in conn.execute(
                    sa.select(
                        quotes.c.speaker_id,
                        sa.func.count().label("n"),
                        sa.func.min(quotes.c.date).label("first"),
                        sa.func.max(quotes.c.date).label("last"),
                    )
                    .where(quotes.c.speaker_id.is_not(None))
                    .group_by(quotes.c.speaker_id)
                )
            }
            people = conn.execute(sa.select(speakers).order_by(speakers.c.id)).all()
            aliases: dict[int, list[str]] = {}
            for r in conn.execute(
                sa.select(speaker_aliases.c.speaker_id, speaker_aliases.c.alias).order_by(speaker_aliases.c.id)
            ):
                aliases.setdefault(r.speaker_id, []).append(r.alias)
            roles: dict[int, list[dict[str, Any]]] = {}
            for r in conn.execute(
                sa.select(
                    quotes.c.speaker_id,
                    quotes.c.speaker_role,
                    sa.func.count().label("n"),
                    sa.func.min(quotes.c.date).label("first"),
                    sa.func.max(quotes.c.date).label("last"),
                )
                .where(quotes.c.speaker_id.is_not(None), quotes.c.speaker_role.is_not(None))
                .group_by(quotes.c.speaker_id, quotes.c.speaker_role)
                .order_by(quotes.c.speaker_id, sa.func.min(quotes.c.date), quotes.c.speaker_role)
            ):
                roles.setdefault(r.speaker_id, []).append(
                    {"role": r.speaker_role, "first": _iso(r.first), "last": _iso(r.last), "quotes": r.n}
                )
        out = []
        for p in people:
            c = counts.get(p.id)
            out.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "type": p.type,
                    "aliases": [a for a in aliases.get(p.id, []) if a != p.name],
                    "roles": roles.get(p.id, []),
                    "wikidata": p.wikidata,
                    "quotes": c.n if c else 0,
                    "first": _iso(c.first) if c else None,
                    "last": _iso(c.last) if c else None,
                }
            )
        out.sort(key=lambda s: (-s["quotes"], s["name"].casefold(), s["id"]))
        return out[:limit] if limit else out

    def undated(self, filters: Filters) -> int:
        """How many statements the filters select that have no date (a timeline leaves them out)."""
        stmt = sa.select(sa.func.count()).select_from(quotes)
        if filters.query:
            stmt, _ = self._match(stmt, filters)
        stmt = self._where(stmt, filters).where(quotes.c.date.is_(None))
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar_one()

    def quote(self, quote_id: int) -> dict[str, Any] | None:
        """One stored quote as :meth:`search` rows give it, plus its article's text."""
        stmt = self._rows_select().add_columns(articles.c.text.label("article_text")).where(quotes.c.id == quote_id)
        with self.engine.connect() as conn:
            r = conn.execute(stmt).first()
        if r is None:
            return None
        return dict(self._row(r), article_text=r.article_text)

    def timeline(self, filters: Filters) -> list[dict[str, Any]]:
        """Statements per month (``YYYY-MM``), every month from the first to the last, zeros included."""
        if self.backend == "sqlite":
            month = sa.func.strftime("%Y-%m", quotes.c.date)
        else:
            month = sa.func.to_char(quotes.c.date, "YYYY-MM")
        stmt = sa.select(month.label("month"), sa.func.count().label("n")).select_from(quotes)
        if filters.query:
            stmt, _ = self._match(stmt, filters)
        stmt = self._where(stmt, filters).where(quotes.c.date.is_not(None)).group_by(month).order_by(month)
        with self.engine.connect() as conn:
            counts = {r.month: r.n for r in conn.execute(stmt)}
        if not counts:
            return []
        first, last = min(counts), max(counts)
        y, m = int(first[:4]), int(first[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= last:
            key = f"{y:04d}-{m:02d}"
            out.append({"month": key, "quotes": counts.get(key, 0)})
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def stats(self) -> dict[str, Any]:
        """Counts of articles, quotes, speakers, clusters and outlets, and the date range."""
        with self.engine.connect() as conn:
            def count(table) -> int:
                return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

            first, last = conn.execute(sa.select(sa.func.min(quotes.c.date), sa.func.max(quotes.c.date))).one()
            return {
                "articles": count(articles),
                "quotes": count(quotes),
                "speakers": count(speakers),
                "clusters": count(clusters),
                "outlets": count(outlets),
                "first": _iso(first),
                "last": _iso(last),
                "backend": self.backend,
                "schema": self.revision(conn),
            }

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
        """
        from quoth.reading import DEFAULT_MAX_BYTES

        options = {k: v for k, v in (options or {}).items() if v is not None and (k, v) != ("model", "fast")}
        if extract is None:
            from quoth.pipeline import extract_document

            def extract(document):
                return extract_document(document, **options)

        summary = IngestSummary()
        limit = max_bytes or DEFAULT_MAX_BYTES
        for path, read in _sources(paths, limit):
            status = "failed"
            try:
                document = read()
                if options:
                    # kept with the article (how it was extracted) and part of its content hash
                    recorded = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
                    document = dataclasses.replace(document, meta={**document.meta, "extraction": recorded})
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


def _insert(backend: str, table: sa.Table):
    return (sqlite_dialect.insert if backend == "sqlite" else pg_dialect.insert)(table)


def _same_speaker(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _spans(q: Quote) -> dict[str, Any]:
    def span(s):
        return None if s is None else [s[0], s[1]]

    return {
        "content": [[s, e] for s, e in q.content],
        "cue": span(q.cue),
        "source": span(q.source),
        "addressee": span(q.addressee),
        "channel": span(q.channel),
        "parent": q.parent,
    }


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(meta, default=str))


def _reason(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def _sources(paths: Iterable[str | Path], max_bytes: int):
    """``(path, read)`` for every article under ``paths``; ``-`` is standard input."""
    from quoth.reading import iter_paths, read_bytes, read_path

    for p in paths:
        if str(p) == "-":
            yield Path("-"), lambda: read_bytes(sys.stdin.buffer.read(), "stdin", name="<stdin>", max_bytes=max_bytes)
            continue
        for path in iter_paths([Path(p).absolute()]):
            yield path, lambda path=path: read_path(path, max_bytes=max_bytes)
