"""quoth serve benchmark (issue #11): search latency through the JSON API under concurrent clients.

Starts ``quoth serve`` on 127.0.0.1 (a free port) over a store, then for each concurrency (default
1, 8, 32) runs that many client threads, each a bounded loop of ``--requests`` searches
(``/quotes.json`` with the ten journalist's searches of ``benchmarks/store_bench.py``: words plus
speaker, outlet, date and type filters), and prints p50, p95 and errors per concurrency.

    python benchmarks/serve_bench.py --quotes 1000000 --workdir /tmp/qb   # build the store, then measure
    python benchmarks/serve_bench.py --db /tmp/qb/bench.db               # an existing store

Building uses ``benchmarks/store_bench.py`` (PolNeAR from ``--shared``, replicated to ``--quotes``).
The bar: no errors and p95 < 200 ms at 8 clients on SQLite with 1,000,000 quotes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import store_bench  # noqa: E402

from quoth.store import Store  # noqa: E402


def build(quotes: int, workdir: Path, shared: Path) -> str:
    """A SQLite store of ``quotes`` quotes built as store_bench builds it; its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    store_bench.SHARED = shared
    base = store_bench.polnear_articles(shared / "polnear") + store_bench.seed_articles()
    store = store_bench.open_store("sqlite", workdir, None)
    print(f"ingest {len(base)} base articles ...", file=sys.stderr, flush=True)
    store_bench.ingest_base(store, base)
    store_bench.replicate(store, quotes)
    store_bench.finish(store)
    store.close()
    return str(workdir / "bench.db")


def searches(db: str) -> list[dict[str, str]]:
    """store_bench's ten searches as /quotes.json parameters."""
    store = Store(db, create=False)
    try:
        out = []
        for query, opts in store_bench.queries(store):
            params = {"q": query}
            for key, value in opts.items():
                params["_sort" if key == "sort" else key] = value
            out.append(params)
        return out
    finally:
        store.close()


def run(base: str, params: list[dict[str, str]], clients: int, requests: int) -> dict:
    """``clients`` threads, each ``requests`` searches in a row; latencies in ms and errors."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client(n: int) -> None:
        mine, bad = [], []
        with httpx.Client(base_url=base, timeout=30) as http:
            start.wait()
            for i in range(requests):
                p = params[(n + i) % len(params)]
                t0 = time.perf_counter()
                try:
                    r = http.get("/quotes.json", params=p)
                    ok = r.status_code == 200 and r.json()["ok"] is True
                    if not ok:
                        bad.append(f"{r.status_code} {r.text[:120]}")
                except httpx.HTTPError as e:
                    bad.append(f"{type(e).__name__}: {e}")
                mine.append((time.perf_counter() - t0) * 1000)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests": len(latencies),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))], 1),
        "max_ms": round(ordered[-1], 1),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "first_errors": errors[:3],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build one with --quotes)")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="size of the store to build")
    parser.add_argument("--workdir", type=Path, default=Path("serve-bench"), help="where a built store goes")
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared",
                        help="the shared material (PolNeAR) for building; default ../shared")
    parser.add_argument("--clients", default="1,8,32", help="concurrencies, comma-separated")
    parser.add_argument("--requests", type=int, default=50, help="searches per client (after a warm-up)")
    parser.add_argument("--workers", type=int, default=1, help="quoth serve --workers")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    args = parser.parse_args(argv)
    db = args.db or build(args.quotes, args.workdir, args.shared)
    params = searches(db)
    from tests.serve_server import running_server

    report = {"db": db, "workers": args.workers, "searches": params, "runs": []}
    with running_server(db, "--workers", str(args.workers)) as base:
        run(base, params, 1, len(params))  # warm the page cache
        for clients in [int(c) for c in args.clients.split(",")]:
            result = run(base, params, clients, args.requests)
            report["runs"].append(result)
            print(f"{clients:>3} clients: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
                  f"{result['requests_per_s']} req/s, {result['errors']} errors", file=sys.stderr, flush=True)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    at8 = next((r for r in report["runs"] if r["clients"] == 8), None)
    if at8 and (at8["errors"] or at8["p95_ms"] >= 200):
        print(f"8 clients: p95 {at8['p95_ms']} ms, {at8['errors']} errors: over the bar", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
