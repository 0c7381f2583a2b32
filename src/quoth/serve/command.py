"""``quoth serve``: the click command (thin: options in, :func:`create_app` on uvicorn)."""

from __future__ import annotations

import click

from quoth.errors import QuothError
from quoth.store.commands import CommandError, db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False), envvar=None,
              help="Enable the write API (POST /api/...) for requests bearing this file's token "
                   "(default: $QUOTH_TOKEN; neither: read-only).")
@click.option("--max-bytes", type=click.IntRange(1), default=2 * 1024 * 1024, show_default=True,
              help="Largest request body the write API accepts (413 beyond).")
@click.option("--time-limit", type=click.FloatRange(0.1), default=5.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (searches in parallel on several cores).")
def serve(db, host, port, token_file, max_bytes, time_limit, workers) -> None:
    """Browse and search the store in a web browser, with a JSON API beside every page.

    The store is opened read-only; `quoth ingest` may write to it meanwhile.

    Example:

        quoth serve --db quoth.db        # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from quoth.serve import ServeConfig, create_app, read_token

    try:
        token = read_token(token_file)
        app = create_app(ServeConfig(db=db, token=token, max_bytes=max_bytes, time_limit=time_limit))
    except QuothError as e:
        raise CommandError(str(e), exit_code=2 if e.__class__.__name__ == "UsageError" else 1) from None
    mode = "writes enabled with a token" if token else "read-only"
    click.echo(f"quoth serve: {app.state.store.display_url} ({mode}) on http://{host}:{port}/", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.store.close()  # each worker opens its own
    import dataclasses
    import json
    import os

    from quoth.serve.app import CONFIG_ENV

    os.environ[CONFIG_ENV] = json.dumps(dataclasses.asdict(app.state.config))
    uvicorn.run("quoth.serve.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
