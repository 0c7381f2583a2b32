"""One partition's work: read its sources, extract each document, write its Parquet files.

:func:`run_partition` is what every engine runs as a task (a process pool worker, a Spark Python
worker); it is a plain function of picklable arguments. The per-document function is
:func:`quoth.pipeline.extract_document`, the one ``quoth extract`` calls, so the output is the same.
The spaCy pipeline (and, for ``--model accurate``, the tagger) is loaded once per worker process:
``quoth.nlp.load_nlp`` and the tagger's loader are module-level caches, and workers are reused
across tasks. A document that fails goes to ``errors/`` with its reason; nothing stops the task but
a usage error (a bad option, the accurate model missing), which would fail every document alike.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quoth.batch.output import article_row, is_done, quote_rows, read_marker, write_partition
from quoth.batch.plan import Partition
from quoth.errors import ModelUnavailable, QuothError, UsageError
from quoth.reading.sources import RecordFields, file_sources

__all__ = ["BatchConfig", "run_partition", "one_thread_per_worker"]

# numerical libraries' thread pools: the engines run one worker process per core already
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "TORCH_NUM_THREADS")


def one_thread_per_worker() -> None:
    """Set the thread-pool variables to 1 (unless the user set them) for the worker processes
    about to start: N workers of N threads each on N cores would fight over them."""
    import os

    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


@dataclass
class BatchConfig:
    """What every task needs besides its partition; plain data, so it pickles to any worker."""

    out: str
    model: str = "fast"
    published: str | None = None
    year_range: tuple[int, int] | None = None
    max_bytes: int = 20 * 1024 * 1024
    fields: RecordFields = field(default_factory=RecordFields)
    progress: bool = True


def run_partition(partition: Partition | dict, config: BatchConfig) -> dict[str, Any]:
    """Extract one partition and write it; returns its marker (counts and timing).

    An already written partition is not redone: its marker is returned as it is.
    """
    from quoth.pipeline import extract_document

    if isinstance(partition, dict):
        partition = Partition.from_json(partition)
    out = Path(config.out)
    if is_done(out, partition.name):
        return {**read_marker(out, partition.name), "skipped_as_done": True}
    began, cpu_began = time.perf_counter(), _cpu_seconds()
    articles: list[dict] = []
    quotes: list[dict] = []
    errors: list[dict] = []
    skipped: Counter = Counter()
    words = 0
    for source in _sources(partition, config, skipped):
        try:
            document = source.read()
            article = extract_document(document, published=config.published, year_range=config.year_range,
                                       model=config.model)
        except (UsageError, ModelUnavailable):
            raise  # the options are wrong, not this document: every one would fail
        except QuothError as e:
            errors.append(_error(source, e, partition))
            continue
        except Exception as e:  # one bad document never stops the job
            errors.append(_error(source, e, partition, prefix=f"{source.name}: extraction failed: "))
            continue
        words += len(article.text.split())
        articles.append(article_row(source.name, article, document.format, source.input, partition.id))
        quotes.extend(quote_rows(source.name, article))
    marker = {
        "id": partition.id,
        "name": partition.name,
        "documents": len(articles),
        "quotes": len(quotes),
        "errors": len(errors),
        "skipped": dict(skipped),
        "words": words,
        "seconds": round(time.perf_counter() - began, 3),
        # the worker's CPU time in the task: below "seconds" when other processes share the cores
        "cpu_seconds": round(_cpu_seconds() - cpu_began, 3),
        "worker_pid": os.getpid(),
        "started": round(time.time() - (time.perf_counter() - began), 3),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "finished": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    write_partition(out, partition.name, {"articles": articles, "quotes": quotes, "errors": errors}, marker)
    if config.progress:
        rate = words / marker["seconds"] if marker["seconds"] else 0.0
        print(f"quoth batch: {partition.name} written: {len(articles)} documents, {len(quotes)} quotes, "
              f"{len(errors)} errors, {sum(skipped.values())} skipped, {marker['seconds']:.1f} s "
              f"({rate:,.0f} words/s)", file=sys.stderr, flush=True)
    return marker


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _sources(partition: Partition, config: BatchConfig, skipped: Counter):
    for file in partition.files:
        yield from file_sources(Path(file), max_bytes=config.max_bytes, fields=config.fields, skipped=skipped,
                                start=partition.start, stop=partition.stop)


def _error(source, error: Exception, partition: Partition, prefix: str = "") -> dict[str, Any]:
    if isinstance(error, QuothError):
        reason = str(error)
    else:
        reason = f"{prefix}{type(error).__name__}: {error}"
    return {
        "source": source.name,
        "input": source.input,
        "reason": " ".join(reason.split()),
        "kind": type(error).__name__,
        "partition": partition.id,
    }
