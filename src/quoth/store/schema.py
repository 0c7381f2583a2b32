"""The store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL (issue #4).

The tables are created and changed only by the Alembic migrations in ``quoth/store/migrations``;
this module describes the newest schema for building queries, and a test checks that the two agree.
Full-text search is not described here because it differs by backend: an external-content FTS5
table ``quotes_fts`` kept in sync by triggers on SQLite, a generated ``tsvector`` column
``quotes.search`` with a GIN index on PostgreSQL.

Dates are ``DATE`` columns: ``quotes.date`` is the statement's own date (``Quote.said_on``) or else
the article's, copied onto each quote (with the outlet) so a filtered search needs no join.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

outlets = sa.Table(
    "outlets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("key", sa.Text, nullable=False, unique=True),  # casefolded name
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # "url:...", "path:..." or "sha256:..." (no url, no path): what makes two versions one article
    sa.Column("key", sa.Text, nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("doc", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id")),
    sa.Column("headline", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)

speakers = sa.Table(
    "speakers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("surname", sa.Text, nullable=False, index=True),  # folded last name: the match key
    sa.Column("wikidata", sa.Text),
    sa.Column("catalogue", sa.Boolean, nullable=False, default=False),  # from a user catalogue
    # "person" | "organisation" | "place" | "group" | None: speakers of two types never join
    sa.Column("type", sa.String(16)),
    sa.Column("locked", sa.Boolean, nullable=False, default=False, server_default=sa.false()),  # renamed by a user
)

speaker_aliases = sa.Table(
    "speaker_aliases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("key", sa.Text, nullable=False, index=True),
    sa.Column("source", sa.String(16), nullable=False),  # "observed" | "catalogue"
    sa.UniqueConstraint("speaker_id", "key", name="uq_speaker_aliases_speaker_key"),
)

speaker_roles = sa.Table(
    "speaker_roles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.UniqueConstraint("speaker_id", "role", name="uq_speaker_roles_speaker_role"),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL"), index=True),
    sa.Column("norm", sa.Text, nullable=False),  # the longest member, normalised: what others match
    sa.Column("text", sa.Text, nullable=False),  # that member as printed
)

cluster_fingerprints = sa.Table(
    "cluster_fingerprints",
    metadata,
    sa.Column("fp", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column(
        "cluster_id",
        sa.Integer,
        sa.ForeignKey("clusters.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
        index=True,
    ),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),  # position in Article.quotes
    sa.Column("type", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),  # content, cue, source, addressee, channel, parent
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id")),
    sa.Column("speaker_name", sa.Text),  # as the article gave it
    sa.Column("speaker_role", sa.Text),
    sa.Column("speaker_type", sa.String(16)),
    sa.Column("said_on", sa.Date),
    sa.Column("date", sa.Date),
    sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id")),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=False),
    sa.Column("norm_hash", sa.BigInteger, nullable=False, index=True),
    sa.UniqueConstraint("article_id", "idx", name="uq_quotes_article_idx"),
    sa.Index("ix_quotes_speaker_date", "speaker_id", "date"),
    sa.Index("ix_quotes_outlet_date", "outlet_id", "date"),
    sa.Index("ix_quotes_date", "date"),
    sa.Index("ix_quotes_cluster", "cluster_id"),
)

speaker_corrections = sa.Table(
    "speaker_corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("action", sa.String(16), nullable=False),  # "merge" | "split" | "rename"
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL")),
    sa.Column("args", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

FTS_TABLE = "quotes_fts"
"""SQLite only: the FTS5 index over ``quotes.text`` (external content, rowid = ``quotes.id``)."""

PG_SEARCH_COLUMN = "search"
"""PostgreSQL only: ``quotes.search``, ``to_tsvector('english', text)``, generated and GIN-indexed."""

PG_TEXT_CONFIG = "english"
