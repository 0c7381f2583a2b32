"""The ``local`` engine: partitions as tasks on a pool of worker processes, one per core by default.

No Spark, no Java: :class:`concurrent.futures.ProcessPoolExecutor` with ``spawn`` workers (a clean
interpreter each, no state forked from the driver). A worker loads spaCy on its first task and keeps
it for the next ones. Tasks are handed out one at a time, so a slow partition does not hold up the
others.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from quoth.batch.plan import Partition
from quoth.batch.work import BatchConfig, one_thread_per_worker, run_partition

__all__ = ["run_local"]


def run_local(
    partitions: list[Partition], config: BatchConfig, workers: int | None = None,
) -> Iterator[dict]:
    """Run ``partitions`` on ``workers`` processes (default: every core); yields each marker as
    its partition finishes. A task that raises (a usage error) stops the job with that error."""
    workers = max(1, workers or os.cpu_count() or 1)
    one_thread_per_worker()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = {pool.submit(run_partition, p.to_json(), config) for p in partitions}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        finally:
            for future in pending:
                future.cancel()


