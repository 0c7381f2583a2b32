"""``quoth serve``: a web interface and a JSON API over the quote store (issue #11).

Datasette's model for statements: one database, read-only by default; every page (``/``,
``/quotes``, ``/quotes/{id}``, ``/speakers/{id}``, ``/articles/{id}``, ``/clusters/{id}``,
``/outlets``, ``/outlets/{id}``) has a JSON twin at the same path plus ``.json``; ``/quotes.csv``
streams a search; writes (``POST /api/articles``, ``/api/extract``) need a bearer token.

Modules: :mod:`app` (factory, errors), :mod:`views` (what a page shows, via the store's own
search/show/timeline), :mod:`api` (JSON), :mod:`pages` (HTML), :mod:`writes`, :mod:`security`
(headers, write gate), :mod:`readonly` (read-only store with a time limit), :mod:`tokens`
(``_next``), :mod:`lookups`, :mod:`marks`, :mod:`chart`, :mod:`docs`, :mod:`command` (the CLI).
"""

from quoth.serve.app import ServeConfig, create_app, read_token

__all__ = ["ServeConfig", "create_app", "read_token"]
