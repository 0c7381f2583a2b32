"""What the store's modules share: its errors, the checked filters of a query, dates and
full-text query words, and a backend's insert (``ON CONFLICT`` for SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from quoth.errors import QuothError, UsageError

PAGE_SIZE = 20


SORTS = ("rank", "earliest", "latest")


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


def _insert(backend: str, table: sa.Table):
    return (sqlite_dialect.insert if backend == "sqlite" else pg_dialect.insert)(table)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _reason(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
