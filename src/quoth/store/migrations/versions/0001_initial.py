"""The first schema of the quote store (issue #4).

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
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
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("surname", sa.Text, nullable=False),
        sa.Column("wikidata", sa.Text),
        sa.Column("catalogue", sa.Boolean, nullable=False),
    )
    op.create_index("ix_speakers_surname", "speakers", ["surname"])
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.UniqueConstraint("speaker_id", "key", name="uq_speaker_aliases_speaker_key"),
    )
    op.create_index("ix_speaker_aliases_key", "speaker_aliases", ["key"])
    op.create_table(
        "speaker_roles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.UniqueConstraint("speaker_id", "role", name="uq_speaker_roles_speaker_role"),
    )
    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_clusters_speaker_id", "clusters", ["speaker_id"])
    op.create_table(
        "cluster_fingerprints",
        sa.Column("fp", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column(
            "cluster_id",
            sa.Integer,
            sa.ForeignKey("clusters.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
    )
    op.create_index("ix_cluster_fingerprints_cluster_id", "cluster_fingerprints", ["cluster_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id")),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_role", sa.Text),
        sa.Column("said_on", sa.Date),
        sa.Column("date", sa.Date),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id")),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=False),
        sa.Column("norm_hash", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("article_id", "idx", name="uq_quotes_article_idx"),
    )
    op.create_index("ix_quotes_norm_hash", "quotes", ["norm_hash"])
    op.create_index("ix_quotes_speaker_date", "quotes", ["speaker_id", "date"])
    op.create_index("ix_quotes_outlet_date", "quotes", ["outlet_id", "date"])
    op.create_index("ix_quotes_date", "quotes", ["date"])
    op.create_index("ix_quotes_cluster", "quotes", ["cluster_id"])

    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 kept in sync by triggers (sqlite-utils' enable_fts(create_triggers=True)).
        # porter: "sanctions" finds "sanction", as PostgreSQL's english configuration does.
        op.execute(
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN "
            "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN "
            "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN "
            "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
            "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
        )
    else:
        op.execute(
            "ALTER TABLE quotes ADD COLUMN search tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
        )
        op.execute("CREATE INDEX ix_quotes_search ON quotes USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("quotes_ai", "quotes_ad", "quotes_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    for table in ("quotes", "cluster_fingerprints", "clusters", "speaker_roles", "speaker_aliases",
                  "speakers", "articles", "outlets"):
        op.drop_table(table)
