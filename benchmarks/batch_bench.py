"""Words per second of ``quoth batch`` on PolNeAR train, per engine and number of workers.

    python benchmarks/batch_bench.py [--polnear ../shared/polnear] [--limit 200] \
        [--engines local,spark] [--workers 1,2] [--files-per-partition 10]

For each engine and worker count, the first ``--limit`` documents of PolNeAR train (sorted by name)
go through :func:`quoth.batch.run_batch` into a fresh output folder. Printed per run:

* words/s over the wall time of the whole run, start-up included (spawning workers, loading spaCy
  in each, starting Spark's JVM): what a user waits for;
* words/s per worker-second inside the tasks (the sum of the partitions' own times), which leaves
  the start-up out;
* words per CPU-second of the workers, and their CPU share (CPU time over task time: 1.0 when
  each worker had a core to itself; lower when other processes compete for the cores, which
  caps the speed-up whatever the engine does);
* the peak resident memory of a worker process (the largest ``max_rss_mb`` a partition's marker
  reports: the Python worker; Spark's JVM is not counted);
* the speed-up from the first worker count to each other one (issue 12's bar: >= 1.6x from 1 to 2),
  and the same speed-up were each worker on a core of its own ("cpu-bound speed-up": the workers
  times their words per CPU-second, over the first run's), which is what a machine with nothing
  else running gives and what the cost estimates in docs/scale.md use.

Figures depend on the machine: run it on the machine the figures are for.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from quoth.batch import run_batch  # noqa: E402


@dataclass
class Run:
    engine: str
    workers: int
    documents: int
    words: int
    wall_seconds: float
    task_seconds: float
    cpu_seconds: float
    peak_worker_mb: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def words_per_task_second(self) -> float:
        return self.words / self.task_seconds if self.task_seconds else 0.0

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def cpu_share(self) -> float:
        """The workers' CPU time over their tasks' wall time: 1.0 when each had a core to itself."""
        return self.cpu_seconds / self.task_seconds if self.task_seconds else 0.0


def corpus(root: Path, split: str, limit: int | None, into: Path) -> Path:
    """The first ``limit`` texts of the split, linked into ``into`` (the batch's one input)."""
    texts = sorted((root / split / "text").glob("*.txt"))[:limit]
    if not texts:
        raise SystemExit(f"no texts under {root / split / 'text'}; give --polnear")
    into.mkdir(parents=True, exist_ok=True)
    for text in texts:
        (into / text.name).symlink_to(text.resolve())
    return into


def measure(folder: Path, engine: str, workers: int, files_per_partition: int) -> Run:
    """One batch run of ``folder`` into a throwaway output folder."""
    with tempfile.TemporaryDirectory(prefix="quoth-bench-") as out:
        began = time.perf_counter()
        summary = run_batch([folder], Path(out) / "out", engine=engine, workers=workers,
                            files_per_partition=files_per_partition, progress=False)
        wall = time.perf_counter() - began
    return Run(engine, workers, summary.documents, summary.words, wall,
               sum(m["seconds"] for m in summary.markers),
               sum(m.get("cpu_seconds", 0.0) for m in summary.markers),
               max((m.get("max_rss_mb", 0.0) for m in summary.markers), default=0.0))


def report(runs: list[Run]) -> str:
    lines = [f"{'engine':<7} {'workers':>7} {'docs':>5} {'words':>8} {'wall s':>7} {'words/s':>8} "
             f"{'speed-up':>8} {'words/task-s':>12} {'words/cpu-s':>11} {'cpu share':>9} {'cpu-bound speed-up':>18} "
             f"{'peak MB/worker':>14}"]
    base: dict[str, Run] = {}
    for run in runs:
        first = base.setdefault(run.engine, run)
        speedup = run.words_per_second / first.words_per_second if first.words_per_second else 0.0
        cpu_bound = (run.workers * run.words_per_cpu_second) / (first.workers * first.words_per_cpu_second) \
            if first.words_per_cpu_second else 0.0
        lines.append(f"{run.engine:<7} {run.workers:>7} {run.documents:>5} {run.words:>8} {run.wall_seconds:>7.1f} "
                     f"{run.words_per_second:>8,.0f} {speedup:>7.2f}x {run.words_per_task_second:>12,.0f} "
                     f"{run.words_per_cpu_second:>11,.0f} {run.cpu_share:>9.2f} {cpu_bound:>17.2f}x "
                     f"{run.peak_worker_mb:>14,.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    from quoth.evaluation import default_polnear_root

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=None, help="PolNeAR folder (default ../shared/polnear)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=200, help="first N documents (0 = all)")
    parser.add_argument("--engines", default="local,spark")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--files-per-partition", type=int, default=10)
    parser.add_argument("--inputs", type=Path, help="measure this folder (HTML pages, a WARC...) instead of PolNeAR")
    args = parser.parse_args(argv)
    root = args.polnear or default_polnear_root()
    with tempfile.TemporaryDirectory(prefix="quoth-bench-in-") as tmp:
        folder = args.inputs or corpus(root, args.split, args.limit or None, Path(tmp) / "texts")
        what = str(folder) if args.inputs else f"PolNeAR {args.split}: {len(os.listdir(folder))} documents"
        print(f"{what}; {os.cpu_count()} cores; load average before: {_load()}", flush=True)
        runs = []
        for engine in args.engines.split(","):
            for workers in map(int, args.workers.split(",")):
                runs.append(measure(folder, engine, workers, args.files_per_partition))
                print(report(runs).splitlines()[-1], flush=True)
    print()
    print(report(runs))
    print(f"load average after: {_load()} (other work on the machine slows the runs; compare with the cores)")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
