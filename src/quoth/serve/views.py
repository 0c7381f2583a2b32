"""What each page shows, as plain data: the JSON routes return it, the HTML routes render it.

Every search goes through the CLI's own :meth:`Store.filters` (so a bad date or an unknown speaker
gets the message ``quoth search`` gives) and :meth:`Store.search_page`; a statement is
:meth:`Store.quote` (``quoth show``), a timeline :meth:`Store.timeline`, a cluster
:meth:`Store.cluster`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from quoth.errors import UsageError
from quoth.serve import lookups, tokens
from quoth.serve.lookups import NotFound
from quoth.store import Filters, Store
from quoth.store.common import SORTS

PAGE_SIZE = 20
MAX_PAGE = 200


@dataclass
class SearchParams:
    """A search as the URL gives it (``/quotes?q=&speaker=&since=&until=&outlet=&type=``)."""

    q: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    type: str | None = None
    sort: str | None = None
    size: int = PAGE_SIZE
    next: str | None = None
    raw: bool = False

    def filters_given(self) -> dict[str, str]:
        """The filters set, for links and the JSON envelope (page and sort excluded)."""
        return {k: v for k, v in asdict(self).items() if k in FILTER_NAMES and v not in (None, "")}

    def effective_sort(self) -> str:
        sort = self.sort or ("rank" if (self.q or "").strip() else "latest")
        if sort not in SORTS:
            raise UsageError(f"--sort {sort!r}: use one of {', '.join(SORTS)}")
        return sort


FILTER_NAMES = ("q", "speaker", "since", "until", "outlet", "type")


def check_text(**values: str | None) -> None:
    """A NUL character is never part of a name or a word (and PostgreSQL refuses it): a 400."""
    for name, value in values.items():
        if value is not None and "\x00" in value:
            raise UsageError(f"{name} contains a NUL character")


def search(store: Store, params: SearchParams, *, facets: bool = False,
           base: Filters | None = None) -> dict[str, Any]:
    """A page of a search: rows, the next page's token, the filters, and (if asked) facets.

    ``base`` narrows the search further (a speaker's or an outlet's own page)."""
    check_text(**{k: getattr(params, k) for k in FILTER_NAMES}, _next=params.next)
    filters = store.filters(
        params.q, speaker=params.speaker or None, since=params.since or None, until=params.until or None,
        outlet=params.outlet or None, type=params.type or None, raw=params.raw,
    )
    if base is not None:
        filters.speaker_ids = base.speaker_ids if base.speaker_ids is not None else filters.speaker_ids
        filters.outlet_ids = base.outlet_ids if base.outlet_ids is not None else filters.outlet_ids
    sort = params.effective_sort()
    size = max(1, min(MAX_PAGE, int(params.size or PAGE_SIZE)))
    after = tokens.decode(params.next, sort)
    rows, key = store.search_page(filters, limit=size, sort=sort, after=after)
    out: dict[str, Any] = {"ok": True, "rows": rows, "next": tokens.encode(sort, key),
                           "filters": dict(params.filters_given(), sort=sort)}
    if facets:
        out["facets"] = lookups.facets(store, filters)
    return out


def statement(store: Store, quote_id: int) -> dict[str, Any]:
    """One statement with its article's text and how widely it was carried (``quoth show``)."""
    row = store.quote(quote_id)
    if row is None:
        raise NotFound(f"No quote {quote_id} in this store")
    cluster = store.cluster(row["cluster"])
    row["cluster_outlets"] = len(cluster["outlets"])
    row["cluster_first"] = cluster["earliest"]
    row["cluster_size"] = len(cluster["occurrences"])
    return {"ok": True, "rows": [row], "next": None}


def speaker(store: Store, speaker_id: int, params: SearchParams) -> dict[str, Any]:
    """A speaker, their statements per month, the statements (searchable) and who is quoted beside them."""
    info = lookups.speaker(store, speaker_id)
    page = search(store, SearchParams(q=params.q, sort=params.sort, size=params.size, next=params.next),
                  base=Filters(speaker_ids=[speaker_id]))
    return {
        "ok": True,
        "rows": page["rows"],
        "next": page["next"],
        "speaker": info,
        "timeline": store.timeline(Filters(speaker_ids=[speaker_id])),
        "co_quoted": lookups.co_quoted(store, speaker_id),
    }


def article(store: Store, article_id: int) -> dict[str, Any]:
    info, rows = lookups.article(store, article_id)
    return {"ok": True, "rows": rows, "next": None, "article": info}


def cluster(store: Store, cluster_id: int) -> dict[str, Any]:
    try:
        data = store.cluster(cluster_id)
    except UsageError:
        raise NotFound(f"No cluster {cluster_id} in this store") from None
    rows = data.pop("occurrences")
    return {"ok": True, "rows": rows, "next": None, "cluster": data}


def outlets(store: Store) -> dict[str, Any]:
    return {"ok": True, "rows": lookups.cached(store, "outlets", lambda: lookups.outlet_list(store)), "next": None}


def outlet(store: Store, outlet_id: int, params: SearchParams) -> dict[str, Any]:
    info = lookups.outlet(store, outlet_id)
    page = search(store, SearchParams(q=params.q, sort=params.sort, size=params.size, next=params.next),
                  base=Filters(outlet_ids=[outlet_id]))
    return {"ok": True, "rows": page["rows"], "next": page["next"], "outlet": info}


def index(store: Store) -> dict[str, Any]:
    return {"ok": True, "rows": lookups.recent(store), "next": None,
            "speakers": lookups.cached(store, "top_speakers", lambda: lookups.top_speakers(store)),
            "stats": lookups.cached(store, "stats", store.stats)}
