"""The ``quoth`` command line: thin commands over the library (sqlite-utils style).

Data goes to stdout; progress, warnings and the summary to stderr. Exit codes: 0 success, 1 some
inputs failed (the batch went on), 2 usage error, 3 every input failed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from quoth.errors import ModelUnavailable, QuothError, UsageError
from quoth.model import Article
from quoth.options import extraction_options, model_option, record_field_options
from quoth.reading import Document
from quoth.reading.sources import archive_kind, iter_files, iter_sources

EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 3


@click.group()
@click.version_option(package_name="quoth")
def main() -> None:
    """quoth: who said what, when, to whom, from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here (default stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@extraction_options
@record_field_options
@click.option("--silent", is_flag=True, help="No progress bar, no summary.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--progress", "long_progress", is_flag=True,
              help="Show a long document's progress (over 200 KB) on stderr even when it is not a terminal.")
def extract(paths, output, fmt, published, year_range, max_bytes, model, fields, silent, debug, long_progress) -> None:
    """Extract every attribution from articles (.txt, .html, .html.gz, folders, or - for stdin)
    and archives (.warc, .warc.gz; .jsonl, .csv, .parquet: one article per row).

    Example:

        quoth extract samples/ --format table
    """
    from quoth.pipeline import extract_document
    from quoth.progress import progress_for

    sources = iter_sources(paths, max_bytes=max_bytes, fields=fields)
    done = failed = quotes = 0
    articles: list[dict] = []
    documents = _count_if_known(paths)
    show_progress = not silent and sys.stderr.isatty() and (documents or 0) > 1
    with click.progressbar(sources, length=documents, label="Extracting", file=sys.stderr) if show_progress else _plain(sources) as bar:
        for source in bar:
            name = source.name
            try:
                document = source.read()
                progress = None if silent else progress_for(name, len(document.text), forced=long_progress)
                article = extract_document(document, published=published, year_range=year_range, model=model,
                                           progress=progress)
            except UsageError as e:
                raise click.UsageError(str(e)) from None
            except ModelUnavailable as e:
                raise click.ClickException(str(e)) from None
            except QuothError as e:
                failed += 1
                click.echo(f"error: {e}", err=True)
                continue
            except Exception as e:  # one bad article must not abort the batch
                if debug:
                    raise
                failed += 1
                click.echo(f"error: {name}: {type(e).__name__}: {e}", err=True)
                continue
            for warning in article.warnings:
                click.echo(f"warning: {warning}", err=True)
            done += 1
            quotes += len(article.quotes)
            _write(output, fmt, article, document, articles)
    if fmt == "json":
        json.dump(articles, output, ensure_ascii=False, indent=2)
        output.write("\n")
    if not silent:
        for reason, count in sorted(sources.skipped.items()):
            click.echo(f"skipped: {count} {reason} record(s)", err=True)
        click.echo(f"{done} document(s), {quotes} attribution(s), {failed} failed", err=True)
    if failed:
        sys.exit(EXIT_ALL_FAILED if done == 0 else EXIT_SOME_FAILED)


def _count_if_known(paths) -> int | None:
    """How many documents the inputs hold, when that is known without reading them (no archive)."""
    files = list(iter_files(p for p in paths if p != "-"))
    if any(archive_kind(f) for f in files):
        return None
    return len(files) + sum(p == "-" for p in paths)


class _plain:
    """A stand-in for click.progressbar when no bar is shown."""

    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return iter(self.items)

    def __exit__(self, *exc):
        return False


def _write(output, fmt: str, article: Article, document: Document, articles: list[dict]) -> None:
    if fmt == "json":
        articles.append(article.to_json(include_text=True))
    elif fmt == "jsonl":
        record = article.to_json(include_text=document.format != "text")
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        output.write(format_table(article))


def format_table(article: Article) -> str:
    """Speaker, cue and quote, one row each, for people."""
    rows = [f"# {article.doc or ''}  {article.headline_text or ''}".rstrip()]
    for q in article.quotes:
        speaker = q.speaker or (article.span_text(q.source) or "?")
        cue = article.span_text(q.cue) or "-"
        text = " ".join(q.text.split())
        if len(text) > 110:
            text = text[:107] + "..."
        rows.append(f"{speaker[:28]:<28}  {cue[:16]:<16}  {text}")
    return "\n".join(rows) + "\n\n"


@main.group(name="eval")
def eval_group() -> None:
    """Measure quoth against annotated corpora."""


@eval_group.command(name="polnear")
@click.option("--split", default="dev", show_default=True, help="train or dev (test is withheld).")
@click.option("--polnear", "root", type=click.Path(path_type=Path), help="The PolNeAR folder (default ../shared/polnear).")
@click.option("--pred-out", type=click.Path(path_type=Path), help="Keep the predictions JSONL here.")
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's JSON dict instead of its table.")
@model_option
def eval_polnear(split, root, pred_out, as_json, model) -> None:
    """Run the extraction over PolNeAR and score it with the official scorer.

    Example:

        quoth eval polnear --split dev
    """
    from quoth.evaluation import default_polnear_root, score

    root = root or default_polnear_root()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = pred_out or Path(tmp) / f"quoth-{split}.jsonl"
            _predict_with_progress(Path(root), split, out, model)
            click.echo(score(Path(root), split, out, as_json=as_json), nl=False)
    except UsageError as e:
        raise click.UsageError(str(e)) from None


@eval_group.command(name="speakers")
@click.option("--polnear", "root", type=click.Path(path_type=Path), help="The PolNeAR folder (default ../shared/polnear).")
@click.option("--pred", "pred_in", type=click.Path(exists=True, path_type=Path), help="Score these dev predictions instead of extracting again.")
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's JSON dict instead of its table.")
@model_option
def eval_speakers(root, pred_in, as_json, model) -> None:
    """Speaker accuracy on PolNeAR dev: 851 attributions whose source is a pronoun or a
    description, each resolved by a human reader to a name or marked unresolvable.

    The scorer's "speaker:" line gives accuracy (right name among the gold attributions found),
    and how often quoth gives no name where the text names nobody (abstention).

    Example:

        quoth eval speakers
    """
    from quoth.evaluation import default_polnear_root, score_speakers

    root = root or default_polnear_root()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = pred_in
            if out is None:
                out = Path(tmp) / "quoth-dev.jsonl"
                _predict_with_progress(Path(root), "dev", out, model)
            click.echo(score_speakers(Path(root), out, as_json=as_json), nl=False)
    except UsageError as e:
        raise click.UsageError(str(e)) from None


@eval_group.command(name="gold")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Where the gold's text_file paths are (default: texts/ beside FILE, else FILE's folder).")
@click.option("--polnear", "root", type=click.Path(path_type=Path), help="The folder of the official score.py (default ../shared/polnear).")
@click.option("--pred-out", type=click.Path(path_type=Path), help="Keep the predictions JSONL here.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON dict: the scorer's and the identity scores.")
@click.option("--no-identity", is_flag=True, help="Skip ingesting the set into a store for identity scores.")
@model_option
def eval_gold(gold_file, text_dir, root, pred_out, as_json, no_identity, model) -> None:
    """Score a gold set of your own (ANNOTATING.md's JSON) with the official scorer, and speaker
    identity across its articles (B-cubed over a fresh store's speaker ids, with wrong merges and
    splits listed).

    Example:

        quoth eval gold gold/wikinews/gold.json
    """
    from quoth.evaluation import default_polnear_root, score_gold
    from quoth.gold import identity, predict, read_gold, text_folder, write_predictions

    root = Path(root or default_polnear_root())
    try:
        records, texts = read_gold(gold_file, text_dir)
        with click.progressbar(length=len(texts), label="Gold set", file=sys.stderr) as bar:
            articles = predict(texts, model=model, progress=bar.update)
        with tempfile.TemporaryDirectory() as tmp:
            out = pred_out or Path(tmp) / "quoth-gold.jsonl"
            write_predictions(articles, out)
            scored = score_gold(root, gold_file, text_folder(gold_file, text_dir), out, as_json=as_json)
    except UsageError as e:
        raise click.UsageError(str(e)) from None
    report = None if no_identity else identity(records, texts, articles)
    if as_json:
        result = json.loads(scored[: scored.rindex("}") + 1])
        if report is not None:
            result["identity"] = report.to_json()
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(scored, nl=False)
        if report is not None:
            click.echo(report.table())


def _predict_with_progress(root: Path, split: str, out: Path, model: str) -> None:
    """quoth's predictions for a PolNeAR split, with a progress bar on stderr."""
    from quoth.evaluation import predict_split

    count = len(list((root / split / "text").glob("*.txt")))
    with click.progressbar(length=count, label=f"PolNeAR {split}", file=sys.stderr) as bar:
        predict_split(root, split, out, progress=bar.update, model=model)


# issue 12: quoth batch
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the Parquet output (docs/batch-output.md); rerun to finish it.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: a process pool on this machine; spark: a Spark job (needs Java).")
@click.option("--master", help="Spark master (default local[WORKERS]; spark://HOST:7077, yarn).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: every core).")
@click.option("--files-per-partition", type=click.IntRange(min=1), default=50, show_default=True,
              help="Article files per partition.")
@click.option("--split-mb", type=click.IntRange(min=1), default=128, show_default=True,
              help="WARC and JSONL files larger than this are split into several partitions.")
@extraction_options
@record_field_options
@click.option("--silent", is_flag=True, help="No progress lines.")
def batch(inputs, out, engine, master, workers, files_per_partition, split_mb, published, year_range, max_bytes,
          model, fields, silent) -> None:
    """Extract every attribution from files, folders and archives (WARC, JSONL, CSV, Parquet) in
    partitions, in parallel, into partitioned Parquet: articles/, quotes/, errors/.

    Example:

        quoth batch crawl/ --out out/ --workers 8
    """
    from quoth.batch import run_batch

    try:
        summary = run_batch(list(inputs), out, engine=engine, master=master, workers=workers, model=model,
                            published=published, year_range=year_range, max_bytes=max_bytes, fields=fields,
                            files_per_partition=files_per_partition, split_bytes=split_mb * 1024 * 1024,
                            progress=not silent)
    except UsageError as e:
        raise click.UsageError(str(e)) from None
    except QuothError as e:  # the accurate model missing, a failed Spark job
        raise click.ClickException(str(e)) from None
    if not silent:
        for reason, count in sorted(summary.skipped_records.items()):
            click.echo(f"skipped: {count} {reason} record(s)", err=True)
        rate = summary.words / summary.seconds if summary.seconds else 0
        click.echo(f"{out}: {summary.partitions} partitions ({summary.skipped_partitions} already written), "
                   f"{summary.documents} document(s), {summary.quotes} attribution(s), {summary.errors} failed "
                   f"(see errors/); {summary.seconds:.1f} s, {rate:,.0f} words/s", err=True)
    if summary.errors:
        sys.exit(EXIT_ALL_FAILED if summary.documents == 0 else EXIT_SOME_FAILED)


# store commands (issue 4) register below
from quoth.store.commands import register as _register_store  # issue 4
_register_store(main)

# quoth serve (issue 11)
from quoth.serve.command import serve as _serve_command  # noqa: E402  issue 11

main.add_command(_serve_command)
