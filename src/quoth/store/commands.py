"""``quoth ingest | search | speakers | timeline | stats | export``: thin commands over :class:`Store`
(``quoth speakers merge | split | rename``: over ``quoth.store.corrections``).

Each command checks its options, calls one :class:`~quoth.store.Store` method and prints what it
returns: data on stdout, progress and summaries on stderr (STYLE.md §2). A malformed date, an
unknown speaker or outlet is a usage error (exit 2); an unreachable or missing store exits 1; in
both cases nothing is written. ``ingest`` exits 0 when every input was stored, 1 when some failed
and the batch went on, and 3 when every input failed (as ``quoth extract``).

``register(main)`` adds the commands to the ``quoth`` group.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from quoth.errors import QuothError, UsageError
from quoth.options import extraction_options, record_field_options
from quoth.store.db import DEFAULT_URL, SORTS, Store, StoreError

EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 3  # as quoth.cli: every input failed


class CommandError(click.ClickException):
    """A library error shown as ``Error: message`` with the right exit code (no traceback)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def _fail(e: QuothError) -> CommandError:
    return CommandError(str(e), exit_code=2 if isinstance(e, UsageError) else 1)


def db_option(f: Callable) -> Callable:
    return click.option(
        "--db",
        "db",
        envvar="QUOTH_DB",
        default=DEFAULT_URL,
        show_default=True,
        show_envvar=True,
        metavar="URL",
        help="The store: sqlite:///FILE.db (or a file name) or postgresql://USER@HOST/DB.",
    )(f)


def format_option(choices: Iterable[str], default: str) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def filter_options(f: Callable) -> Callable:
    """The filters search, timeline and export share."""
    for decorator in reversed(
        [
            click.option("--speaker", metavar="NAME", help="Quotes by this speaker (any alias: 'Peskov')."),
            click.option("--since", metavar="DATE", help="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD."),
            click.option("--until", metavar="DATE", help="On or before this date (a whole year or month)."),
            click.option("--outlet", metavar="NAME", help="Quotes carried by this outlet."),
            click.option("--type", "quote_type", type=click.Choice(["direct", "indirect", "mixed"]),
                         help="Direct quotes, indirect (reported) speech, or mixed."),
        ]
    ):
        f = decorator(f)
    return f


def open_store(db: str, *, create: bool = False) -> Store:
    try:
        return Store(db, create=create)
    except QuothError as e:
        raise _fail(e) from None


def read_store(db: str, query: Callable[[Store], Any]) -> Any:
    """Open the store at ``db``, run ``query`` on it, close it; errors as one-line messages."""
    store = open_store(db)
    try:
        return query(store)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()


# --- output helpers ---------------------------------------------------------------------------


def _mark(text: str | None, style: bool = True) -> str:
    """``<mark>x</mark>`` as bold on a terminal (click drops the styling in a pipe)."""
    if not text:
        return ""
    out, rest = [], text
    while "<mark>" in rest:
        before, _, rest = rest.partition("<mark>")
        word, _, rest = rest.partition("</mark>")
        out.append(before)
        out.append(click.style(word, bold=True) if style else word)
    out.append(rest)
    return "".join(out)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    cells = [[("" if r.get(c) is None else " ".join(str(r.get(c)).split())) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(click.unstyle(row[i])) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        padded = [cell + " " * (w - len(click.unstyle(cell))) for cell, w in zip(row, widths)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], *, table_rows: list[dict] | None = None) -> None:
    """Print rows as json, jsonl, csv or table (``table_rows`` may carry display-only values)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        out = sys.stdout
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else columns, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _csv_value(v) for k, v in r.items()})
    else:
        click.echo(_table(table_rows if table_rows is not None else rows, columns))


# --- the commands -----------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--catalogue",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A speaker catalogue (CSV or JSON: name, aliases, wikidata) that overrides who is who.",
)
@extraction_options
@record_field_options
@click.option("--silent", is_flag=True, help="No progress bar and no summary.")
@click.option("--debug", is_flag=True, help="Stop with a traceback at an unexpected extraction error.")
def ingest(
    paths: tuple[Path, ...],
    db: str,
    catalogue: Path | None,
    published: str | None,
    year_range: tuple[int, int] | None,
    max_bytes: int,
    model: str,
    fields,
    silent: bool,
    debug: bool,
) -> None:
    """Extract the quotes of articles (files, folders, or - for stdin) and store them; archives
    (.warc, .warc.gz, .jsonl, .csv, .parquet) give one article per HTML page or row.

    Re-ingesting an unchanged article with the same options does nothing; a changed article (or
    one extracted with other options) with the same URL or path replaces its quotes. Each article
    is stored whole or not at all. --published, --year-range, --max-bytes and --model are those
    of quoth extract.

    Example:

        quoth ingest articles/ --db quoth.db --year-range 2015-2019

        quoth ingest --catalogue people.csv --db postgresql://me@localhost/quotes

    A folder written by `quoth batch` (it has a _manifest.json) is loaded in bulk, its
    articles as the batch extracted them:

        quoth ingest batch-out/ --db quoth.db
    """
    if not paths and catalogue is None:
        raise click.UsageError("Give at least one PATH (a file or folder of articles), or --catalogue FILE.")
    # a `quoth batch` output folder is loaded in bulk, without extracting again (issue #12)
    from quoth.store.batch_input import is_batch_output

    batches = [p for p in paths if str(p) != "-" and is_batch_output(p)]
    paths = tuple(p for p in paths if p not in batches)
    if batches and (published or year_range or model not in (None, "fast")) and not silent:
        click.echo("warning: --published, --year-range and --model do not apply to a batch output: "
                   "its articles are stored as the batch extracted them", err=True)
    entries = None
    if catalogue is not None:
        from quoth.store.identity import read_catalogue

        try:
            with open(catalogue, encoding="utf-8") as f:
                entries = read_catalogue(f, str(catalogue))
        except UnicodeDecodeError as e:
            raise CommandError(f"{catalogue}: not UTF-8 text ({e.reason})", exit_code=2) from None
        except QuothError as e:
            raise _fail(e) from None
    files: list[Path] = []
    if paths:
        from quoth.reading.sources import archive_kind, iter_files

        for p in paths:  # "-" is one article on standard input
            files.extend([p] if str(p) == "-" else iter_files([p.absolute()]))
        if not files:
            raise CommandError(
                "No articles found in " + ", ".join(map(str, paths))
                + " (looked for .txt, .html, .warc, .jsonl, .csv and .parquet files)."
            )
    store = open_store(db, create=True)
    err = sys.stderr
    try:
        if entries is not None:
            done = store.apply_catalogue(entries)
            if not silent:
                click.echo(
                    f"Catalogue {catalogue}: {done['entries']} speakers, {done['merged']} merged into them.", err=True
                )
        if not files and not batches:
            return
        # an archive holds an unknown number of articles: no bar then
        show_bar = not silent and err.isatty() and not any(archive_kind(f) for f in files)
        summary = _load_batches(store, batches, not silent and err.isatty())
        with click.progressbar(length=len(files), label="Ingesting", file=err, hidden=not show_bar or not files) as bar:
            summary = _combine(summary, store.ingest_paths(
                files,
                on_input=lambda _p, _s: bar.update(1),
                debug=debug,
                options={"published": published, "year_range": year_range, "model": model},
                max_bytes=max_bytes,
                fields=fields,
            ) if files else None)
        stats = store.stats()
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    for message in summary.warnings:
        click.echo(f"warning: {message}", err=True)
    for message in summary.errors:
        click.echo(f"error: {message}", err=True)
    if not silent:
        for reason, count in sorted(summary.skipped.items()):
            click.echo(f"skipped: {count} {reason} record(s)", err=True)
        click.echo(
            f"{store.display_url}: {summary.added} added, {summary.replaced} replaced, "
            f"{summary.unchanged} unchanged, {summary.failed} failed; {summary.quotes} quotes stored. "
            f"The store holds {stats['articles']} articles, {stats['quotes']} quotes, "
            f"{stats['speakers']} speakers.",
            err=True,
        )
    if summary.failed:
        sys.exit(EXIT_ALL_FAILED if summary.failed == summary.inputs else EXIT_SOME_FAILED)


def _load_batches(store: Store, batches: list[Path], progress: bool):
    """Bulk-load `quoth batch` outputs (issue #12), with a progress line per chunk on a terminal."""
    from quoth.store.bulk import load_batches
    from quoth.store.db import IngestSummary

    if not batches:
        return IngestSummary()

    def on_chunk(done) -> None:
        click.echo(f"\rLoading: {done.added + done.replaced} articles, {done.quotes} quotes", err=True, nl=False)

    summary = load_batches(store, batches, on_chunk if progress else None)
    if progress:
        click.echo("", err=True)
    return summary


def _combine(summary, more):
    from quoth.store.bulk import combine

    return summary if more is None else combine(summary, more)


SEARCH_COLUMNS = ["id", "date", "speaker", "outlet", "headline", "type", "occurrences", "quote"]


@click.command()
@click.argument("query", required=False)
@filter_options
@click.option("--named", is_flag=True, help="Only quotes whose speaker is named.")
@click.option("--min-words", type=click.IntRange(0), default=0, help="Only quotes of at least this many words.")
@click.option("--sort", type=click.Choice(SORTS), default="rank", show_default=True,
              help="Best match first (newest first without a query), or by date.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Quotes per page.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many (the next page).")
@click.option("--raw", is_flag=True, help="QUERY is full-text syntax (FTS5 on SQLite, websearch on PostgreSQL).")
@format_option(["table", "json", "jsonl", "csv"], "table")
@db_option
def search(query, speaker, since, until, outlet, quote_type, named, min_words, sort, limit, offset, raw, fmt, db) -> None:
    """Full-text search of the stored quotes, best match first, with the matched words highlighted.

    QUERY's words must all occur (any form: "sanction" finds "sanctions"); its punctuation and
    operators are plain text unless --raw. --speaker matches any alias of a speaker. Without a
    QUERY, every quote the filters select, newest first ("all of Peskov's statements").

    Example:

        quoth search sanctions --speaker Peskov --since 2016 --sort earliest
        quoth search --speaker Peskov --named --min-words 5
    """
    if not (query or "").strip() and not (speaker or outlet or since or until or quote_type):
        raise click.UsageError("give a QUERY or a filter (--speaker, --outlet, --since, --until, --type)")
    if not (query or "").strip() and sort == "rank":
        sort = "latest"
    store = open_store(db)
    try:
        filters = store.filters(query, speaker=speaker, since=since, until=until, outlet=outlet,
                                type=quote_type, raw=raw, named=named, min_words=min_words)
        rows = store.search(filters, limit=limit, offset=offset, sort=sort)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    if not rows:
        click.echo(f"No quotes match {query!r}." if query else "No quotes match these filters.", err=True)
        if fmt == "table":
            return
    shown = [dict(r, quote=_mark(r["highlight"] or r["text"]), headline=_short(r["headline"], 40)) for r in rows]
    emit(rows, fmt, SEARCH_COLUMNS, table_rows=shown)


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command()
@click.argument("quote_id", type=int)
@format_option(["text", "json"], "text")
@db_option
def show(quote_id, fmt, db) -> None:
    """One stored statement in its paragraph, with speaker, role, headline, outlet, date and URL.

    QUOTE_ID is the id `quoth search` prints.

    Example:

        quoth show 12
    """
    row = read_store(db, lambda store: store.quote(quote_id))
    if row is None:
        raise _fail(UsageError(f"no quote {quote_id} in this store; `quoth search` lists their ids"))
    text = row.pop("article_text")
    if fmt == "json":
        click.echo(json.dumps(dict(row, paragraph=_paragraph(text, row["spans"])), ensure_ascii=False, indent=2))
        return
    fields = [
        ("speaker", row["speaker"] or "(not named)"),
        ("as written", row["speaker_name"]),
        ("role", row["speaker_role"]),
        ("type", row["type"]),
        ("said on", row["said_on"]),
        ("date", row["date"]),
        ("outlet", row["outlet"]),
        ("headline", row["headline"]),
        ("url", row["url"] or row["path"]),
    ]
    for label, value in fields:
        if value:
            click.echo(f"{label + ':':<12}{value}")
    click.echo("")
    click.echo(_paragraph(text, row["spans"], style=True))


def _paragraph(text: str, spans: dict[str, Any], style: bool = False) -> str:
    """The paragraph(s) holding the quote's content, its content in bold on a terminal."""
    content = [tuple(p) for p in spans.get("content") or []]
    if not content:
        return ""
    start = text.rfind("\n", 0, content[0][0]) + 1
    end = text.find("\n", content[-1][1])
    end = len(text) if end == -1 else end
    out, at = [], start
    for s, e in sorted(content):
        out.append(text[at:s])
        out.append(click.style(text[s:e], bold=True) if style else text[s:e])
        at = e
    out.append(text[at:end])
    return "".join(out).strip()


@click.group("speakers", invoke_without_command=True)
@click.option("--limit", type=click.IntRange(1), help="Only the N most quoted.")
@click.option("--corrections", "show_corrections", is_flag=True,
              help="List the corrections made (merge, split, rename), oldest first, with their dates.")
@format_option(["table", "json", "jsonl", "csv"], "table")
@db_option
@click.pass_context
def speakers_command(ctx, limit, show_corrections, fmt, db) -> None:
    """Speakers with their aliases, roles, number of quotes, and first and last statement; with a
    command, correct who is who.

    A SPEAKER is a name or alias as `quoth speakers` shows it, or an id (12 or '#12': the "id" of
    --format json). Corrections are kept when articles are ingested again.

    Example:

        quoth speakers --limit 10

        quoth speakers merge "Clinton" "Hillary Clinton"

        quoth speakers --corrections
    """
    if ctx.invoked_subcommand is not None:
        if limit is not None or show_corrections:
            raise CommandError("--limit and --corrections list speakers: give them without a command", exit_code=2)
        return
    if show_corrections:
        _list_corrections(fmt, db)
        return
    store = open_store(db)
    try:
        rows = store.speakers(limit=limit)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    if fmt == "csv":
        rows = [dict(r, aliases="; ".join(r["aliases"]), roles="; ".join(x["role"] for x in r["roles"])) for r in rows]
    shown = [
        dict(r, aliases="; ".join(r["aliases"]) if isinstance(r["aliases"], list) else r["aliases"],
             roles="; ".join(x["role"] for x in r["roles"]) if isinstance(r["roles"], list) else r["roles"])
        for r in rows
    ]
    emit(rows, fmt, ["id", "name", "type", "quotes", "first", "last", "aliases", "roles"], table_rows=shown)


def _list_corrections(fmt: str, db: str) -> None:
    from quoth.store import corrections

    rows = read_store(db, corrections.history)
    if not rows:
        click.echo("No corrections yet (quoth speakers merge | split | rename).", err=True)
        if fmt == "table":
            return
    emit(rows, fmt, ["id", "date", "action", "speaker", "details"])


def _correct(ctx: click.Context, db: str, change: Callable[[Store], dict[str, Any]]) -> None:
    """Run one correction on the store (``--db`` given before the command counts too)."""
    parent = ctx.parent
    if (ctx.get_parameter_source("db") == click.core.ParameterSource.DEFAULT and parent is not None
            and parent.get_parameter_source("db") != click.core.ParameterSource.DEFAULT):
        db = parent.params["db"]
    open_store(db).close()  # a missing or outdated store is an error, not a new one
    store = open_store(db, create=True)
    try:
        done = change(store)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    click.echo(f"Correction {done['id']} ({done['action']}): {done['details']}.", err=True)


@speakers_command.command("merge", short_help="SPEAKER's quotes, names and roles go to INTO.")
@click.argument("speaker")
@click.argument("into")
@click.option("--force", is_flag=True, help="Merge speakers of two types (a person and an organisation) anyway.")
@db_option
@click.pass_context
def speakers_merge(ctx, speaker, into, force, db) -> None:
    """Make SPEAKER and INTO one speaker, INTO: SPEAKER's quotes, names and roles go to INTO, and
    later mentions by SPEAKER's names join INTO.

    Example:

        quoth speakers merge "Clinton" "Hillary Clinton"
    """
    from quoth.store import corrections

    _correct(ctx, db, lambda store: corrections.merge(store, speaker, into, force=force))


@speakers_command.command("split", short_help="The quotes under a name become a new speaker.")
@click.argument("speaker")
@click.option("--alias", "aliases", multiple=True, metavar="NAME",
              help="SPEAKER's quotes written under this name go to a new speaker (repeatable).")
@click.option("--name", metavar="NEW", help="The new speaker's name (default: the first --alias).")
@db_option
@click.pass_context
def speakers_split(ctx, speaker, aliases, name, db) -> None:
    """Give SPEAKER's quotes written under each --alias NAME (any form: "Mr. Peskov" is "Peskov")
    a new speaker; those names are the new speaker's from then on.

    Example:

        quoth speakers split "Dmitry Peskov" --alias Peskov
    """
    from quoth.store import corrections

    _correct(ctx, db, lambda store: corrections.split(store, speaker, aliases, name=name))


@speakers_command.command("rename", short_help="Give SPEAKER the name NEW, for good.")
@click.argument("speaker")
@click.argument("new")
@db_option
@click.pass_context
def speakers_rename(ctx, speaker, new, db) -> None:
    """Call SPEAKER NEW, whatever later mentions call it.

    Example:

        quoth speakers rename 12 "Dmitry Peskov"
    """
    from quoth.store import corrections

    _correct(ctx, db, lambda store: corrections.rename(store, speaker, new))


@click.command()
@click.argument("speaker")
@click.option("--about", metavar="QUERY", help="Only statements matching this full-text query.")
@click.option("--since", metavar="DATE", help="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="On or before this date.")
@click.option("--outlet", metavar="NAME", help="Statements carried by this outlet.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the timeline as a PNG.")
@format_option(["table", "json", "jsonl", "csv"], "table")
@db_option
def timeline(speaker, about, since, until, outlet, plot, fmt, db) -> None:
    """A speaker's statements per month, from the first to the last.

    Example:

        quoth timeline "Dmitry Peskov" --about sanctions --plot peskov.png
    """
    store = open_store(db)
    try:
        filters = store.filters(about, speaker=speaker, since=since, until=until, outlet=outlet)
        rows = store.timeline(filters)
        undated = store.undated(filters)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    what = f"{speaker}" + (f" about {about!r}" if about else "")
    if undated:
        click.echo(f"{undated} statement(s) by {what} have no date and are left out of the timeline "
                   f"(`quoth search --speaker {speaker!r}` lists them).", err=True)
    if not rows:
        click.echo(f"No dated statements by {what}.", err=True)
        return
    if plot is not None:
        _plot(rows, f"Statements by {what}, per month", plot)
    top = max(r["quotes"] for r in rows) or 1
    shown = [dict(r, bar="█" * max(1 if r["quotes"] else 0, round(40 * r["quotes"] / top))) for r in rows]
    emit(rows, fmt, ["month", "quotes", "bar"], table_rows=shown)


def _plot(rows: list[dict[str, Any]], title: str, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise CommandError("--plot needs matplotlib: pip install matplotlib") from None
    if not path.parent.exists():
        raise CommandError(f"Cannot write {path}: folder {path.parent} does not exist", exit_code=2)
    months = [r["month"] for r in rows]
    fig, ax = plt.subplots(figsize=(max(6, min(20, len(months) * 0.35)), 3.5), dpi=100)
    ax.bar(range(len(months)), [r["quotes"] for r in rows], color="#3b6ea5")
    step = max(1, len(months) // 24)
    ax.set_xticks(range(0, len(months), step))
    ax.set_xticklabels(months[::step], rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("statements")
    ax.set_title(title, fontsize=10)
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    click.echo(f"Plot written to {path}", err=True)


@click.command()
@format_option(["table", "json"], "table")
@db_option
def stats(fmt, db) -> None:
    """Counts of articles, quotes, speakers, clusters (statements) and outlets.

    Example:

        quoth stats --db quoth.db --format json
    """
    store = open_store(db)
    try:
        data = store.stats()
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        width = max(map(len, data))
        for k, v in data.items():
            click.echo(f"{k.ljust(width)}  {'' if v is None else v}")


EXPORT_COLUMNS = [
    "id", "date", "speaker", "speaker_id", "speaker_name", "speaker_role", "type", "outlet", "text",
    "said_on", "published", "headline", "url", "path", "article_id", "quote_index", "cluster", "spans",
]


@click.command()
@click.option("--query", metavar="QUERY", help="Only quotes matching this full-text query.")
@filter_options
@format_option(["jsonl", "csv", "parquet"], "jsonl")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of stdout (required for parquet).")
@db_option
def export(query, speaker, since, until, outlet, quote_type, fmt, output, db) -> None:
    """Every stored quote (or those matching the filters), one record per occurrence.

    Spans are character offsets into the article text, as in ``quoth extract --format json``.

    Example:

        quoth export --format parquet -o quotes.parquet --since 2016
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a binary file: give it with -o FILE.")
    if output is not None and not output.absolute().parent.exists():
        raise CommandError(f"Cannot write {output}: folder {output.absolute().parent} does not exist", exit_code=2)
    store = open_store(db)
    try:
        filters = store.filters(query, speaker=speaker, since=since, until=until, outlet=outlet, type=quote_type)
        rows = store.export(filters)
        n = _write_export(rows, fmt, output)
    except QuothError as e:
        raise _fail(e) from None
    finally:
        store.close()
    click.echo(f"Exported {n} quotes" + (f" to {output}" if output else "") + ".", err=True)


def _write_export(rows: Iterable[dict[str, Any]], fmt: str, output: Path | None) -> int:
    n = 0
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise CommandError("--format parquet needs pyarrow: pip install pyarrow") from None
        schema = pa.schema(
            [(c, pa.int64()) if c in ("id", "speaker_id", "article_id", "quote_index", "cluster") else (c, pa.string())
             for c in EXPORT_COLUMNS]
        )
        writer = pq.ParquetWriter(str(output), schema)
        try:
            batch: list[dict[str, Any]] = []
            for r in rows:
                batch.append({c: (_csv_value(r[c]) if c == "spans" else r[c]) for c in EXPORT_COLUMNS})
                n += 1
                if len(batch) >= 10000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            if batch or n == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        finally:
            writer.close()
        return n
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n") if fmt == "csv" else None
        if writer is not None:
            writer.writeheader()
        for r in rows:
            if writer is not None:
                writer.writerow({k: _csv_value(r[k]) for k in EXPORT_COLUMNS})
            else:
                out.write(json.dumps({k: r[k] for k in EXPORT_COLUMNS}, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if output:
            out.close()
    return n


COMMANDS = [ingest, search, show, speakers_command, timeline, stats, export]


def register(group: click.Group) -> None:
    """Add the store's commands to the ``quoth`` click group (issue #4)."""
    for command in COMMANDS:
        group.add_command(command)


__all__ = ["register", "ingest", "search", "show", "speakers_command", "timeline", "stats", "export", "StoreError"]
