"""What the web pages need beyond ``quoth search``/``show``/``timeline``: one speaker, the speakers
quoted beside them, facets, outlets, one article's quotes, the most-quoted speakers.

Searches, statements, timelines and clusters come from the store's own methods (the CLI's); the
queries here are read-only SQLAlchemy Core with bound parameters, bounded by ``LIMIT``s so that a
page costs about the same on a store of a thousand quotes or a million.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from quoth.store import Filters, Store
from quoth.store.common import _iso
from quoth.store.schema import articles, outlets, quotes, speaker_aliases, speaker_roles, speakers

FACET_SAMPLE = 10_000  # facets count the first this many matches: a page never scans a million rows
FACET_VALUES = 8


SUMMARY_TTL = 60.0  # seconds the start page's counts and most-quoted list are reused


def cached(store: Store, key: str, compute, ttl: float = SUMMARY_TTL):
    """``compute()``, reused for ``ttl`` seconds: whole-store counts (the start page) cost a scan of
    every quote, too much to pay on each visit to a store of a million."""
    memo = store.__dict__.setdefault("_serve_memo", {})
    now = time.monotonic()
    hit = memo.get(key)
    if hit is not None and now - hit[0] < ttl:
        return hit[1]
    value = compute()
    memo[key] = (now, value)
    return value


def recent(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """The latest dated statements (newest first, through the date index), then the undated ones
    stored last (the samples have no year, so no date)."""
    ids = (
        sa.select(quotes.c.id)
        .where(quotes.c.date.is_not(None))
        .order_by(quotes.c.date.desc(), quotes.c.id.desc())
        .limit(limit)
    )
    undated = sa.select(quotes.c.id).where(quotes.c.date.is_(None)).order_by(quotes.c.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        found = [r.id for r in conn.execute(ids)]
        if len(found) < limit:
            found += [r.id for r in conn.execute(undated)][: limit - len(found)]
        rows = {r.id: store._row(r) for r in conn.execute(store._rows_select().where(quotes.c.id.in_(found)))}
    return [rows[i] for i in found]


class NotFound(LookupError):
    """No such speaker, quote, article, cluster or outlet: a 404."""


def top_speakers(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """The most-quoted speakers: id, name, type and number of statements."""
    n = sa.func.count().label("quotes")
    stmt = (
        sa.select(speakers.c.id, speakers.c.name, speakers.c.type, n)
        .join(quotes, quotes.c.speaker_id == speakers.c.id)
        .group_by(speakers.c.id, speakers.c.name, speakers.c.type)
        .order_by(n.desc(), speakers.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def speaker(store: Store, speaker_id: int) -> dict[str, Any]:
    """One speaker: name, type, aliases, roles as written (with the dates each was used), number of
    statements and the first and last date."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(speakers).where(speakers.c.id == speaker_id)).first()
        if row is None:
            raise NotFound(f"No speaker {speaker_id} in this store")
        aliases = [
            r.alias
            for r in conn.execute(
                sa.select(speaker_aliases.c.alias)
                .where(speaker_aliases.c.speaker_id == speaker_id)
                .order_by(speaker_aliases.c.id)
            )
            if r.alias != row.name
        ]
        counts = conn.execute(
            sa.select(sa.func.count(), sa.func.min(quotes.c.date), sa.func.max(quotes.c.date)).where(
                quotes.c.speaker_id == speaker_id
            )
        ).one()
        first, last = sa.func.min(quotes.c.date), sa.func.max(quotes.c.date)
        dated = {
            r.speaker_role: r
            for r in conn.execute(
                sa.select(quotes.c.speaker_role, sa.func.count().label("n"), first.label("first"), last.label("last"))
                .where(quotes.c.speaker_id == speaker_id, quotes.c.speaker_role.is_not(None))
                .group_by(quotes.c.speaker_role)
            )
        }
        known = [r.role for r in conn.execute(
            sa.select(speaker_roles.c.role).where(speaker_roles.c.speaker_id == speaker_id).order_by(speaker_roles.c.id)
        )]
    roles = []
    for role in dict.fromkeys(list(dated) + known):
        r = dated.get(role)
        roles.append({"role": role, "quotes": r.n if r else 0, "first": _iso(r.first) if r else None,
                      "last": _iso(r.last) if r else None})
    roles.sort(key=lambda x: (x["first"] is None, x["first"] or "", x["role"]))
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "wikidata": row.wikidata,
        "aliases": aliases,
        "roles": roles,
        "quotes": counts[0],
        "first": _iso(counts[1]),
        "last": _iso(counts[2]),
    }


def co_quoted(store: Store, speaker_id: int, limit: int = 10) -> list[dict[str, Any]]:
    """The speakers most often quoted in the same articles as ``speaker_id``: id, name, articles."""
    mine = sa.select(quotes.c.article_id).where(quotes.c.speaker_id == speaker_id).distinct().limit(5000).subquery()
    n = sa.func.count(sa.distinct(quotes.c.article_id)).label("articles")
    stmt = (
        sa.select(speakers.c.id, speakers.c.name, n)
        .select_from(quotes.join(mine, mine.c.article_id == quotes.c.article_id))
        .join(speakers, speakers.c.id == quotes.c.speaker_id)
        .where(quotes.c.speaker_id != speaker_id)
        .group_by(speakers.c.id, speakers.c.name)
        .order_by(n.desc(), speakers.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def facets(store: Store, filters: Filters) -> dict[str, Any]:
    """Counts of speaker, outlet, type and month among the first :data:`FACET_SAMPLE` matches.

    Returns:
        ``{"speaker": [{"value", "label", "count"}...], "outlet": ..., "type": ..., "month": ...,
        "sampled": bool}``; ``sampled`` says the counts cover only the first matches.
    """
    ids = sa.select(quotes.c.id).select_from(quotes)
    if filters.query:
        ids, _ = store._match(ids, filters)
    ids = store._where(ids, filters).limit(FACET_SAMPLE + 1).subquery()
    if store.backend == "sqlite":
        month = sa.func.strftime("%Y-%m", quotes.c.date)
    else:
        month = sa.func.to_char(quotes.c.date, "YYYY-MM")
    sample = quotes.join(ids, ids.c.id == quotes.c.id)
    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one()
        n = sa.func.count().label("n")
        grouped = {
            "speaker": sa.select(speakers.c.name.label("value"), n)
            .select_from(sample.join(speakers, speakers.c.id == quotes.c.speaker_id))
            .group_by(speakers.c.name),
            "outlet": sa.select(outlets.c.name.label("value"), n)
            .select_from(sample.join(outlets, outlets.c.id == quotes.c.outlet_id))
            .group_by(outlets.c.name),
            "type": sa.select(quotes.c.type.label("value"), n).select_from(sample).group_by(quotes.c.type),
            "month": sa.select(month.label("value"), n).select_from(sample)
            .where(quotes.c.date.is_not(None)).group_by(month),
        }
        for name, stmt in grouped.items():
            order = (sa.literal_column("value").desc(),) if name == "month" else (n.desc(), sa.literal_column("value"))
            rows = conn.execute(stmt.order_by(*order).limit(FACET_VALUES if name != "month" else 24)).all()
            out[name] = [{"value": r.value, "count": r.n} for r in rows]
    out["sampled"] = total > FACET_SAMPLE
    return out


def outlet_list(store: Store) -> list[dict[str, Any]]:
    """Every outlet with its number of articles and statements and its first and last date."""
    arts = (
        sa.select(articles.c.outlet_id, sa.func.count().label("articles"))
        .group_by(articles.c.outlet_id)
        .subquery()
    )
    qs = (
        sa.select(
            quotes.c.outlet_id,
            sa.func.count().label("quotes"),
            sa.func.min(quotes.c.date).label("first"),
            sa.func.max(quotes.c.date).label("last"),
        )
        .group_by(quotes.c.outlet_id)
        .subquery()
    )
    stmt = (
        sa.select(outlets.c.id, outlets.c.name, arts.c.articles, qs.c.quotes, qs.c.first, qs.c.last)
        .select_from(outlets.outerjoin(arts, arts.c.outlet_id == outlets.c.id).outerjoin(qs, qs.c.outlet_id == outlets.c.id))
        .order_by(outlets.c.name, outlets.c.id)
    )
    with store.engine.connect() as conn:
        return [_outlet(r) for r in conn.execute(stmt)]


def outlet(store: Store, outlet_id: int) -> dict[str, Any]:
    """One outlet with its counts (:func:`outlet_list`'s fields)."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(outlets.c.id, outlets.c.name).where(outlets.c.id == outlet_id)).first()
        if row is None:
            raise NotFound(f"No outlet {outlet_id} in this store")
        n_articles = conn.execute(
            sa.select(sa.func.count()).select_from(articles).where(articles.c.outlet_id == outlet_id)
        ).scalar_one()
        n, first, last = conn.execute(
            sa.select(sa.func.count(), sa.func.min(quotes.c.date), sa.func.max(quotes.c.date)).where(
                quotes.c.outlet_id == outlet_id
            )
        ).one()
    return {"id": row.id, "name": row.name, "articles": n_articles, "quotes": n, "first": _iso(first), "last": _iso(last)}


def _outlet(r) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "articles": r.articles or 0, "quotes": r.quotes or 0,
            "first": _iso(r.first), "last": _iso(r.last)}


def article(store: Store, article_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article (headline, URL, outlet, dates, text) and its quotes as search rows give them."""
    stmt = (
        sa.select(articles.c.id, articles.c.headline, articles.c.url, articles.c.path, articles.c.published,
                  articles.c.text, articles.c.doc, outlets.c.name.label("outlet"), outlets.c.id.label("outlet_id"))
        .select_from(articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id))
        .where(articles.c.id == article_id)
    )
    with store.engine.connect() as conn:
        row = conn.execute(stmt).first()
        if row is None:
            raise NotFound(f"No article {article_id} in this store")
        rows = [store._row(r) for r in conn.execute(
            store._rows_select().where(quotes.c.article_id == article_id).order_by(quotes.c.idx)
        )]
    info = {"id": row.id, "headline": row.headline, "url": row.url, "path": row.path, "doc": row.doc,
            "published": _iso(row.published), "outlet": row.outlet, "outlet_id": row.outlet_id, "text": row.text}
    return info, rows


def outlet_id_of(store: Store, name: str | None) -> int | None:
    """The id of the outlet called ``name`` (for links), or ``None``."""
    if not name:
        return None
    with store.engine.connect() as conn:
        return conn.execute(sa.select(outlets.c.id).where(outlets.c.key == " ".join(name.split()).casefold())).scalar()
