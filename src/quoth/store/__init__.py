"""The quote store (issue #4): who said what, when, across many articles, in SQLite or PostgreSQL.

    >>> from quoth.store import Store
    >>> store = Store("sqlite://")      # or "quoth.db", or "postgresql://user@host/db"
    >>> store.stats()["articles"]
    0

:class:`Store` ingests :class:`~quoth.model.Article` records (one transaction each, idempotent by
content hash), keeps one identity per speaker across articles (``identity``) and one cluster per
statement across reports (``clusters``), and answers search, speakers, timeline, stats and export.
The command-line wrappers are in ``quoth.store.commands``.
"""

from quoth.store.db import (
    DEFAULT_URL,
    Filters,
    IngestSummary,
    Store,
    StoreError,
    UnknownSpeaker,
    article_key,
    content_hash,
    resolve_url,
)
from quoth.store.identity import CatalogueEntry, read_catalogue

__all__ = [
    "DEFAULT_URL",
    "CatalogueEntry",
    "Filters",
    "IngestSummary",
    "Store",
    "StoreError",
    "UnknownSpeaker",
    "article_key",
    "content_hash",
    "read_catalogue",
    "resolve_url",
]
