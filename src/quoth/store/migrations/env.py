"""Alembic environment for the quote store.

quoth runs migrations itself (``quoth.store.Store.migrate``), handing over an open connection in
``config.attributes["connection"]``: the upgrade and the ``alembic_version`` row it writes share that
connection's transaction, so a failed upgrade leaves the store as it was (STYLE.md §3).

For a developer writing a new revision::

    alembic -c /dev/null -x url=sqlite:///quoth.db revision -m "..."   # or use Store.migrate
"""

from __future__ import annotations

from alembic import context

from quoth.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # the alembic command line: -x url=...
    import sqlalchemy as sa

    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///quoth.db")
    connection = sa.create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite can't ALTER most things
)
with context.begin_transaction():
    context.run_migrations()
