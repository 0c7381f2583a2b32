"""benchmarks/serve_bench.py: its client loop runs against a real server and counts every request
(not a speed test: figures come from running the script)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.serve_fixtures import sample_db  # noqa: F401
from tests.serve_server import running_server

pytestmark = pytest.mark.issue(11)
REPO = Path(__file__).resolve().parents[1]


def test_clients_loop_counts_requests_and_errors(sample_db):  # noqa: F811
    spec = importlib.util.spec_from_file_location("serve_bench", REPO / "benchmarks" / "serve_bench.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    with running_server(sample_db) as base:
        good = bench.run(base, [{"q": "Russia"}, {"q": "sanctions", "speaker": "Peskov"}], clients=3, requests=4)
        bad = bench.run(base, [{"q": "Russia", "since": "never"}], clients=2, requests=2)
    assert good["requests"] == 12 and good["errors"] == 0
    assert 0 < good["p50_ms"] <= good["p95_ms"] <= good["max_ms"]
    assert bad["errors"] == 4 and bad["first_errors"][0].startswith("400")


def test_several_worker_processes_serve_the_same_store(sample_db):  # noqa: F811
    import httpx

    with running_server(sample_db, "--workers", "2") as base:
        answers = [httpx.get(base + "/quotes.json", params={"q": "Russia"}, timeout=10) for _ in range(6)]
    assert all(a.status_code == 200 and a.json()["rows"] for a in answers)
