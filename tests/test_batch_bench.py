"""benchmarks/batch_bench.py: its measurement runs and yields positive figures (not a speed test)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.issue(12)


def _bench():
    path = REPO / "benchmarks" / "batch_bench.py"
    spec = importlib.util.spec_from_file_location("batch_bench", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_measure_gives_positive_figures(tmp_path):
    bench = _bench()
    split = tmp_path / "polnear" / "train" / "text"
    split.mkdir(parents=True)
    for i, text in enumerate(['"We will win," Jane Doe said on Tuesday.', "Officials said the bridge would close."]):
        (split / f"{i}.txt").write_text(text, encoding="utf-8")
    folder = bench.corpus(tmp_path / "polnear", "train", 1, tmp_path / "texts")
    assert [p.name for p in folder.iterdir()] == ["0.txt"]
    run = bench.measure(folder, "local", 1, files_per_partition=10)
    assert (run.documents, run.words) == (1, 8)
    assert run.words_per_second > 0 and run.words_per_task_second > run.words_per_second
    assert run.peak_worker_mb > 50  # a worker with spaCy loaded
    assert "local" in bench.report([run])
