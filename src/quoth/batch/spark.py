"""The ``spark`` engine: the same partitions as Spark tasks, on an existing Spark.

``--master local[N]`` (the default, N = ``--workers``) runs in this process's JVM, which is what the
tests and a single machine use; ``--master spark://HOST:7077`` or ``yarn`` run on a cluster, where
quoth must be installed in the executors' Python (``pip install quoth``, or ``--py-files``) and the
output folder must be on a file system every executor and the driver see (NFS, a mounted bucket).

Each partition is one Spark task (an RDD element in a slice of its own). The task calls
:func:`quoth.batch.work.run_partition`, which writes its files itself: Spark only schedules, and a
retried task rewrites the same files atomically. Python workers are reused across tasks
(``spark.python.worker.reuse``), so spaCy loads once per worker through quoth's module-level cache.
Progress lines come from the workers on stderr (in local mode, this terminal).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

from quoth.batch.plan import Partition
from quoth.batch.work import THREAD_VARIABLES, BatchConfig, one_thread_per_worker, run_partition
from quoth.errors import QuothError, UsageError

__all__ = ["run_spark"]


def run_spark(
    partitions: list[Partition], config: BatchConfig, *, master: str | None = None, workers: int | None = None,
) -> Iterator[dict]:
    """Run ``partitions`` as Spark tasks; yields every marker once the job is done."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise UsageError("--engine spark needs Java (java -version fails); install a JRE 17+ "
                         "(Debian: apt-get install default-jre-headless) or use --engine local")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("--engine spark needs pyspark (pip install pyspark==4.3.0)") from None
    if not partitions:
        return
    master = master or f"local[{max(1, workers or os.cpu_count() or 1)}]"
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # read when the JVM starts
        # the workers run this interpreter, so they import the same quoth (PYTHONPATH is inherited);
        # on a cluster the executors' own Python is used (PYSPARK_PYTHON, spark.pyspark.python)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    one_thread_per_worker()  # local mode: the Python workers inherit this environment
    builder = (
        SparkSession.builder.master(master)
        .appName("quoth batch")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.log.level", "WARN")
        .config("spark.ui.showConsoleProgress", "false")  # quoth's own lines say which partition is done
        # one task per partition, in plan order: no speculative duplicates of hour-long tasks
        .config("spark.speculation", "false")
    )
    for name in THREAD_VARIABLES:  # executors on a cluster: one thread per Python worker there too
        builder = builder.config(f"spark.executorEnv.{name}", os.environ.get(name, "1"))
    if master.startswith("local"):  # everything on this machine: stay on loopback
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    elif workers:
        builder = builder.config("spark.executor.cores", str(workers))
    spark = builder.getOrCreate()
    try:
        context = spark.sparkContext
        tasks = [p.to_json() for p in partitions]
        rdd = context.parallelize(tasks, numSlices=len(tasks))
        try:
            markers = rdd.map(lambda task: run_partition(task, config)).collect()
        except Exception as e:  # py4j/pyspark wrap the task's error in their own, with a Java trace
            raise QuothError(f"the Spark job failed: {_python_error(e)}; the partitions written so far "
                             "are kept, rerun to finish") from None
    finally:
        spark.stop()
    yield from markers


def _python_error(error: Exception) -> str:
    """The last line of the Python traceback inside a Spark error (what the task raised)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    for line in reversed(lines):
        if not line.startswith(("at ", "...")) and ("Error" in line or "Exception" in line):
            return line[:300]
    return lines[-1][:300] if lines else type(error).__name__
