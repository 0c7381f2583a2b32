"""Speaker types and user corrections (issue #10).

``speakers.type`` and ``quotes.speaker_type``: "person", "organisation", "place" or "group" (or
null), so that identity across articles never joins a person to an organisation or a place that
shares a word with their name ("Washington", "Ford Motor"). ``speaker_corrections``: the merges,
splits and renames a user made, with their date, replayed after re-ingest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table copy on SQLite: the FTS triggers on quotes stay in place)
    op.add_column("speakers", sa.Column("type", sa.String(16)))
    op.add_column("speakers", sa.Column("locked", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("quotes", sa.Column("speaker_type", sa.String(16)))
    op.create_table(
        "speaker_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(16), nullable=False),  # "merge" | "split" | "rename"
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("args", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("speaker_corrections")
    op.drop_column("quotes", "speaker_type")
    op.drop_column("speakers", "locked")
    op.drop_column("speakers", "type")
