"""Alembic migrations of the quote store, shipped inside the package (run by ``Store.migrate``)."""
