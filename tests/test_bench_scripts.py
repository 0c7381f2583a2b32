"""benchmarks/extract_speed.py: its measurement runs and yields positive figures (not a speed test)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    '"We will win," Jane Doe said on Tuesday. The mayor disagreed.',
    'Officials said the bridge would close. "It is not safe," the engineer told reporters.',
]


def _extract_speed():
    """benchmarks/extract_speed.py, imported by path (benchmarks/ is not a package)."""
    path = REPO / "benchmarks" / "extract_speed.py"
    spec = importlib.util.spec_from_file_location("extract_speed_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_measure_gives_positive_figures():
    pytest.importorskip("textacy", reason="benchmark-only dependency: pip install -e '.[bench]'")
    bench = _extract_speed()
    report = bench.measure(TEXTS, rounds=1)
    assert set(report.systems) == {"quoth", "textacy"}
    words = sum(len(t.split()) for t in TEXTS)
    for result in report.systems.values():
        assert result.words == words
        assert len(result.round_seconds) == 1
        assert result.round_seconds[0] > 0
        assert result.words_per_second > 0
        assert result.load_seconds > 0
        assert result.traced_peak > 0
        assert result.peak_estimate(report.baseline_rss) > report.baseline_rss > 0
    assert report.systems["quoth"].found >= 2
    assert report.speed_ratio > 0
    assert report.process_peak >= report.baseline_rss
    text = bench.format_report(report, "two texts")
    assert "speed ratio quoth/textacy" in text
    assert text.count("PASS") + text.count("FAIL") == 2


def test_missing_texts_name_the_folder(tmp_path):
    bench = _extract_speed()
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        bench.read_texts(tmp_path)


def test_bulk_load_bench_replicates_to_the_target_with_new_articles(tmp_path):
    """benchmarks/bulk_load_bench.py: the replicated batch holds the quotes asked for, each copy a
    new article (a new path), and it bulk-loads whole."""
    from quoth.store import Store
    from quoth.store.bulk import bulk_load
    from tests.test_store_bulk import synthetic_articles

    path = REPO / "benchmarks" / "bulk_load_bench.py"
    spec = importlib.util.spec_from_file_location("bulk_load_bench", path)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    base = synthetic_articles(10)[:10]
    articles = bench.replicated(base, 200)
    assert sum(len(a.quotes) for a in articles) >= 200
    assert len({a.path for a in articles}) == len(articles)
    batch = bench.batch_output.write_batch(articles, tmp_path / "batch")
    with Store(f"sqlite:///{tmp_path / 'q.db'}") as store:
        assert bulk_load(store, batch).quotes == sum(len(a.quotes) for a in articles)
