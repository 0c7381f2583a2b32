"""Reading the store: filters, full-text search with highlights, listings, timelines, exports.

:class:`StoreQueries` holds the read side of :class:`quoth.store.db.Store` (which inherits it);
every user value is a bound parameter, and search syntax errors become usage errors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.errors import UsageError
from quoth.store.common import PAGE_SIZE, SORTS, Filters, StoreError, _iso, _reason, fts5_query, parse_bound
from quoth.store.schema import PG_TEXT_CONFIG, articles, clusters, outlets, quotes, speaker_aliases, speakers


class StoreQueries:
    """The read side of the store (mixed into :class:`quoth.store.db.Store`)."""

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
        return self.search_page(filters, limit=limit, offset=offset, sort=sort)[0]

    def search_page(
        self,
        filters: Filters,
        *,
        limit: int = PAGE_SIZE,
        offset: int = 0,
        sort: str = "rank",
        after: list | None = None,
    ) -> tuple[list[dict[str, Any]], list | None]:
        """:meth:`search` with keyset paging (``quoth serve``'s ``_next`` tokens): the rows of the
        page after the key ``after`` (from a previous page), and the key of this page's last row
        (``None`` when the page is not full, so no page follows). A key is ``[score, id]`` for a
        ranked search and ``[undated, date, id]`` for one by date; a malformed key is a
        :class:`UsageError`. Keys, unlike offsets, cost nothing on page 1,000 and do not skip or
        repeat rows when an ingest adds quotes meanwhile.
        """
        if sort not in SORTS:
            raise UsageError(f"--sort {sort!r}: use one of {', '.join(SORTS)}")
        stmt = sa.select(quotes.c.id, quotes.c.date).select_from(quotes)
        score = None
        if filters.query:
            stmt, score = self._match(stmt, filters)
            stmt = stmt.add_columns(score)
        stmt = self._where(stmt, filters)
        by_date = sort != "rank" or score is None
        if by_date:
            descending = sort == "latest"
            column = quotes.c.date.desc() if descending else quotes.c.date
            stmt = stmt.order_by(quotes.c.date.is_(None), column, quotes.c.id)
            if after is not None:
                stmt = stmt.where(_after_date(after, descending))
        else:
            stmt = stmt.order_by(score, quotes.c.id)
            if after is not None:
                stmt = stmt.where(_after_score(after, score.element))
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
        key = None
        if page and len(page) == limit:
            last = page[-1]
            key = [last.date is None, _iso(last.date), last.id] if by_date else [float(last.score), last.id]
        return out, key

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


def _after_date(key: list, descending: bool):
    """Rows after ``[undated, date, id]`` in ``ORDER BY date IS NULL, date [DESC], id``."""
    if not (isinstance(key, list) and len(key) == 3 and isinstance(key[0], bool)
            and (key[1] is None or isinstance(key[1], str)) and isinstance(key[2], int) and not isinstance(key[2], bool)):
        raise UsageError("the page token does not belong to a search by date")
    undated, day, last_id = key
    if undated:
        return sa.and_(quotes.c.date.is_(None), quotes.c.id > last_id)
    bound = parse_bound(day, end=False, option="page token date")
    if bound is None:
        raise UsageError("the page token has no date")
    beyond = quotes.c.date < bound if descending else quotes.c.date > bound
    return sa.or_(quotes.c.date.is_(None), beyond, sa.and_(quotes.c.date == bound, quotes.c.id > last_id))


def _after_score(key: list, score):
    """Rows after ``[score, id]`` in ``ORDER BY score, id`` (the score as the database computed it)."""
    if not (isinstance(key, list) and len(key) == 2 and isinstance(key[0], int | float) and not isinstance(key[0], bool)
            and isinstance(key[1], int) and not isinstance(key[1], bool)):
        raise UsageError("the page token does not belong to a ranked search")
    value, last_id = float(key[0]), key[1]
    return sa.or_(score > value, sa.and_(score == value, quotes.c.id > last_id))
