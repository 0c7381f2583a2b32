"""Bulk-load benchmark (issue #12): quotes/s of ``quoth ingest DIR`` against per-article ingest.

1. Build a ``quoth batch`` output folder (docs/batch-output.md; written by ``tests/batch_output.py``)
   from PolNeAR train + dev gold attributions, the route ``store_bench.py`` takes (hand-annotated,
   so no extraction time is counted), replicated until it holds ``--quotes`` quotes: copies of the
   articles under new paths, with other outlets and dates and, for 30% of the quotes, another
   PolNeAR speaker (so copies do not all fall into their original's speaker and cluster).
2. Bulk-load it into an empty store (``quoth.store.bulk.bulk_load``) and report quotes/s, for the
   first copy alone (every statement new) and for the whole folder; then load it again (the
   idempotent rerun: every article unchanged).
3. For comparison, ingest the first ``--per-article`` articles one by one with ``Store.ingest``
   into another empty store.

    python benchmarks/bulk_load_bench.py --polnear ../shared/polnear --quotes 200000 \\
        --backend sqlite --backend postgresql --pg-url "$QUOTH_TEST_PG" --out bulk.json

The bar: >= 5,000 quotes/s bulk-loaded on SQLite on this machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from quoth.model import Article
from quoth.store import Store
from quoth.store.bulk import bulk_load

REPO = Path(__file__).resolve().parents[1]
BAR_SQLITE = 5000  # quotes/s


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


store_bench = _load("store_bench", REPO / "benchmarks" / "store_bench.py")
batch_output = _load("batch_output", REPO / "tests" / "batch_output.py")


def replicated(base: list[Article], target: int, seed: int = 12) -> list[Article]:
    """``base`` then copies of it (new path, outlet, date; 30% of quotes by another base speaker)
    until the articles hold ``target`` quotes."""
    rng = random.Random(seed)
    speakers = sorted({q.speaker for a in base for q in a.quotes if q.speaker})
    out = list(base)
    total = sum(len(a.quotes) for a in base)
    round_no = 0
    while total < target:
        round_no += 1
        for a in base:
            if total >= target:
                break
            quotes = [dataclasses.replace(q, speaker=rng.choice(speakers)) if q.speaker and rng.random() < 0.3 else q
                      for q in a.quotes]
            day = date(2010, 1, 1) + timedelta(days=rng.randrange(15 * 365))
            meta = {**a.meta, "outlet": rng.choice(store_bench.OUTLETS)}
            if meta.get("url"):  # the URL is what makes an article: a copy needs its own
                meta["url"] = f"{meta['url']}#copy{round_no}"
            out.append(dataclasses.replace(a, path=f"{a.path}#copy{round_no}", quotes=quotes,
                                           published=day.isoformat(), meta=meta))
            total += len(quotes)
    return out


def fresh_store(backend: str, workdir: Path, pg_url: str | None, name: str) -> Store:
    if backend == "sqlite":
        path = workdir / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return Store(f"sqlite:///{path}")
    return store_bench.open_store(backend, workdir, pg_url)


def measure(backend: str, batch: Path, first: Path, articles: list[Article], per_article: int,
            workdir: Path, pg_url: str | None) -> dict:
    n_quotes = sum(len(a.quotes) for a in articles)
    out: dict = {"backend": backend}

    store = fresh_store(backend, workdir, pg_url, "first")
    t0 = time.perf_counter()
    s = bulk_load(store, first)
    elapsed = time.perf_counter() - t0
    store.close()
    out["bulk_first_copy"] = {"articles": s.added, "quotes": s.quotes, "seconds": round(elapsed, 2),
                              "quotes_per_s": round(s.quotes / elapsed)}
    print(f"[{backend}] bulk load, PolNeAR once ({s.quotes:,} quotes): {s.quotes / elapsed:,.0f} quotes/s",
          file=sys.stderr, flush=True)

    store = fresh_store(backend, workdir, pg_url, "bulk")
    t0, cpu0 = time.perf_counter(), time.process_time()
    s = bulk_load(store, batch)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    assert s.quotes == n_quotes, (s.quotes, n_quotes)
    # this process's CPU time too: on a shared machine the wall clock also counts other work
    out["bulk"] = {"articles": s.added, "quotes": s.quotes, "seconds": round(elapsed, 2),
                   "quotes_per_s": round(s.quotes / elapsed), "cpu_seconds": round(cpu, 2),
                   "quotes_per_cpu_s": round(s.quotes / cpu), "load_average": os.getloadavg()[0]}
    print(f"[{backend}] bulk load, {s.quotes:,} quotes: {s.quotes / elapsed:,.0f} quotes/s ({elapsed:.1f} s; "
          f"{s.quotes / cpu:,.0f} per CPU second of this process; load average {os.getloadavg()[0]:.1f})",
          file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    again = bulk_load(store, batch)
    out["rerun_seconds"] = round(time.perf_counter() - t0, 2)
    assert again.added == again.quotes == 0
    with store.engine.connect() as c:
        out["speakers"] = c.execute(sa.text("SELECT count(*) FROM speakers")).scalar()
        out["clusters"] = c.execute(sa.text("SELECT count(*) FROM clusters")).scalar()
    store.close()

    store = fresh_store(backend, workdir, pg_url, "one")
    t0 = time.perf_counter()
    stored = sum(store.ingest(a)[1] for a in articles[:per_article])
    elapsed = time.perf_counter() - t0
    store.close()
    out["per_article"] = {"articles": min(per_article, len(articles)), "quotes": stored, "seconds": round(elapsed, 2),
                          "quotes_per_s": round(stored / elapsed)}
    out["speed_up"] = round(out["bulk"]["quotes_per_s"] / out["per_article"]["quotes_per_s"], 1)
    print(f"[{backend}] per-article ingest, {stored:,} quotes: {stored / elapsed:,.0f} quotes/s", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=store_bench.SHARED / "polnear", help="PolNeAR's folder")
    parser.add_argument("--quotes", type=int, default=200_000, help="quotes in the batch (default 200,000)")
    parser.add_argument("--per-article", type=int, default=1000, help="articles ingested one by one (default 1,000)")
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgresql"], help="default sqlite")
    parser.add_argument("--pg-url", default=os.environ.get("QUOTH_TEST_PG"), help="default $QUOTH_TEST_PG")
    parser.add_argument("--workdir", type=Path, help="where the batch folder and SQLite files go (default: temp)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    args = parser.parse_args(argv)
    if not (args.polnear / "train").is_dir():
        sys.exit(f"{args.polnear}: no PolNeAR here (give --polnear PATH)")
    backends = args.backend or ["sqlite"]
    if "postgresql" in backends and not args.pg_url:
        sys.exit("--backend postgresql needs --pg-url (or $QUOTH_TEST_PG)")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        base = store_bench.polnear_articles(args.polnear)
        articles = replicated(base, args.quotes)
        t0 = time.perf_counter()
        batch = batch_output.write_batch(articles, workdir / "batch", per_part=500)
        first = batch_output.write_batch(base, workdir / "batch-first", per_part=500)
        print(f"batch folder: {len(articles):,} articles, {sum(len(a.quotes) for a in articles):,} quotes "
              f"({time.perf_counter() - t0:.0f} s to write)", file=sys.stderr, flush=True)
        report = {"articles": len(articles), "quotes": sum(len(a.quotes) for a in articles),
                  "base_articles": len(base), "cpu": os.cpu_count(), "results": []}
        for backend in backends:
            report["results"].append(measure(backend, batch, first, articles, args.per_article, workdir, args.pg_url))
    print(json.dumps(report, indent=2))
    for r in report["results"]:
        if r["backend"] == "sqlite":
            verdict = "PASS" if r["bulk"]["quotes_per_s"] >= BAR_SQLITE else "FAIL"
            print(f"SQLite bulk load {r['bulk']['quotes_per_s']:,} quotes/s (bar >= {BAR_SQLITE:,}): {verdict}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
