"""``quoth batch``: the extraction over an archive, in partitions, on a process pool or on Spark.

:func:`run_batch` plans the partitions (:mod:`quoth.batch.plan`), writes or checks
``DIR/_manifest.json``, skips the partitions already written, and runs the others on an engine
(:mod:`quoth.batch.local` or :mod:`quoth.batch.spark`); each task applies
:func:`quoth.pipeline.extract_document` to its documents and writes Parquet
(:mod:`quoth.batch.output`; the format is ``docs/batch-output.md``).

Example:
    >>> import tempfile
    >>> summary = run_batch(["samples/"], tempfile.mkdtemp(), workers=1, progress=False)
    >>> summary.documents, summary.errors
    (2, 0)
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from quoth.batch.output import FORMAT, MANIFEST, SCHEMA_VERSION, is_done, read_manifest, write_json_atomically
from quoth.batch.plan import (
    DEFAULT_FILES_PER_PARTITION, DEFAULT_RECORDS_PER_PARTITION, DEFAULT_SPLIT_BYTES, Partition, plan_partitions,
)
from quoth.batch.work import BatchConfig
from quoth.dates import infer_published
from quoth.errors import UsageError
from quoth.reading.document import DEFAULT_MAX_BYTES
from quoth.reading.sources import RecordFields

__all__ = ["BatchSummary", "run_batch"]

ENGINES = ("local", "spark")


@dataclass
class BatchSummary:
    """What a run did: partitions run and skipped, and the totals of every partition's marker."""

    partitions: int = 0
    skipped_partitions: int = 0
    documents: int = 0
    quotes: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped_records: dict[str, int] = field(default_factory=dict)
    markers: list[dict] = field(default_factory=list)


def run_batch(
    inputs: list[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    master: str | None = None,
    workers: int | None = None,
    model: str = "fast",
    published: str | None = None,
    year_range: tuple[int, int] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: RecordFields | None = None,
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    records_per_partition: int = DEFAULT_RECORDS_PER_PARTITION,
    split_bytes: int = DEFAULT_SPLIT_BYTES,
    progress: bool = True,
) -> BatchSummary:
    """Extract every document under ``inputs`` into ``out`` (see the module's docstring).

    Raises:
        UsageError: an unknown engine, ``-`` among the inputs, or ``out`` holding a batch run with
            other inputs or options.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; available: {', '.join(ENGINES)}")
    if any(str(p) == "-" for p in inputs):
        raise UsageError("quoth batch reads files and folders, not standard input")
    # a bad --published or --year-range would fail every document of every task: say so now
    infer_published("", None, published=published, year_range=year_range)
    out = Path(out).absolute()
    fields = fields or RecordFields()
    began = time.perf_counter()
    partitions = plan_partitions(inputs, files_per_partition=files_per_partition,
                                 records_per_partition=records_per_partition, split_bytes=split_bytes)
    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "quoth_version": _quoth_version(),
        "model": model,
        "options": {"published": published, "year_range": list(year_range) if year_range else None,
                    "max_bytes": max_bytes},
        "fields": fields.to_json(),
        "inputs": [str(Path(p).absolute()) for p in inputs],
        "partitions": [p.to_json() for p in partitions],
    }
    _check_or_write_manifest(out, manifest)
    config = BatchConfig(out=str(out), model=model, published=published, year_range=year_range,
                         max_bytes=max_bytes, fields=fields, progress=progress)
    todo = [p for p in partitions if not is_done(out, p.name)]
    summary = BatchSummary(partitions=len(partitions), skipped_partitions=len(partitions) - len(todo))
    if progress:
        print(f"quoth batch: {len(partitions)} partitions, {summary.skipped_partitions} already written, "
              f"{len(todo)} to run ({engine})", file=sys.stderr, flush=True)
    for marker in _engine(engine, todo, config, master, workers):
        summary.markers.append(marker)
        summary.documents += marker["documents"]
        summary.quotes += marker["quotes"]
        summary.errors += marker["errors"]
        summary.words += marker["words"]
        for reason, count in marker["skipped"].items():
            summary.skipped_records[reason] = summary.skipped_records.get(reason, 0) + count
    summary.seconds = time.perf_counter() - began
    return summary


def _engine(engine: str, todo: list[Partition], config: BatchConfig, master: str | None, workers: int | None):
    if not todo:
        return iter(())
    if engine == "spark":
        from quoth.batch.spark import run_spark

        return run_spark(todo, config, master=master, workers=workers)
    from quoth.batch.local import run_local

    return run_local(todo, config, workers=workers)


def _check_or_write_manifest(out: Path, manifest: dict) -> None:
    """A rerun into the same folder must be the same job: same inputs, options and plan."""
    old = read_manifest(out)
    if old is None:
        if out.exists() and any(out.iterdir()):
            raise UsageError(f"{out} is not empty and holds no {MANIFEST}; give an empty or new folder")
        write_json_atomically(out / MANIFEST, manifest)
        return
    keys = ("format", "schema_version", "model", "options", "fields", "inputs", "partitions")
    differ = [k for k in keys if old.get(k) != manifest[k]]
    if differ:
        raise UsageError(f"{out} holds a batch run with other {', '.join(differ)}; rerun the same command "
                         "to finish it, or write to another folder")


def _quoth_version() -> str:
    try:
        return version("quoth")
    except PackageNotFoundError:
        return "unknown"
