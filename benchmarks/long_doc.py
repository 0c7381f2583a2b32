"""Extraction time and peak memory against a document's length (issue 12, section 4: linear cost).

Each size is a document made by joining real articles (PolNeAR train texts, else ``samples/``)
with blank lines, cut to that many characters; each is extracted in a fresh subprocess (so one
size's memory does not carry into the next): spaCy loaded and warmed up first, then one timed
``quoth.extract`` call. Printed per size: characters, attributions found, wall seconds, CPU seconds
(user + system, all threads: what the extraction itself cost, much less disturbed than wall time
by other work on a shared machine), characters per CPU second, the process's peak RSS after the warm-up and after the extraction (``ru_maxrss``), and at the end
the ratio of the 1.6 MB time to the 400 KB time, in CPU and in wall seconds (the bar: at most 5;
linear would be 4; the verdict is on CPU seconds).

Example:

    $ python benchmarks/long_doc.py                      # 100 KB ... 1.6 MB, fast model
    $ python benchmarks/long_doc.py --sizes 100000,400000 --model accurate
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = [REPO.parent / "shared" / "polnear" / "train" / "text", Path("/work/shared/polnear/train/text"),
                   REPO / "samples"]
DEFAULT_SIZES = [100_000, 200_000, 400_000, 800_000, 1_600_000]
MAX_RATIO = 5.0  # the bar: 1.6 MB takes at most 5x the time of 400 KB
MIB = 1 << 20


def long_document(size: int, source: Path) -> str:
    """Real articles from ``source`` (sorted by name, repeated if need be), joined by blank lines
    and cut to ``size`` characters."""
    files = sorted(source.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {source}")
    parts, total = [], 0
    for path in (files[i % len(files)] for i in range(10**9)):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read().strip()
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def _child(size: int, source: str, model: str) -> None:
    """Runs in the subprocess: one extraction, figures as JSON on stdout."""
    import resource
    import time

    from quoth import extract

    text = long_document(size, Path(source))
    extract('"We will win," Jane Doe said on Tuesday.', model=model)  # load and warm up
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    article = extract(text, model=model)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(json.dumps({"chars": len(text), "quotes": len(article.quotes), "seconds": seconds, "cpu": cpu,
                      "base_rss": before.ru_maxrss * 1024, "peak_rss": after.ru_maxrss * 1024}))


def measure(size: int, source: Path, model: str = "fast", timeout: float | None = None) -> dict | None:
    """One size, extracted in a fresh Python process; None when it ran past ``timeout`` seconds."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]))
    try:
        out = subprocess.run([sys.executable, __file__, "--child", str(size), "--source", str(source), "--model", model],
                             capture_output=True, text=True, env=env, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def format_row(r: dict) -> str:
    return (f"{r['chars']:>10,} {r['quotes']:>7,} {r['seconds']:>9.1f} {r['cpu']:>9.1f} {r['chars'] / r['cpu']:>9,.0f}"
            f" {r['base_rss'] / MIB:>9.0f} {r['peak_rss'] / MIB:>9.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated sizes in characters")
    parser.add_argument("--source", type=Path, help="folder of .txt articles (default: PolNeAR train, else samples/)")
    parser.add_argument("--model", default="fast", choices=["fast", "accurate"])
    parser.add_argument("--timeout", type=float, help="give up on a size after this many seconds")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source = args.source or next(p for p in DEFAULT_SOURCES if p.is_dir())
    if args.child:
        _child(args.child, str(source), args.model)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"articles from {source}; model {args.model}; one fresh process per size")
    print(f"{'chars':>10} {'quotes':>7} {'wall s':>9} {'CPU s':>9} {'chars/CPUs':>9} {'base MiB':>9} {'peak MiB':>9}")
    results = {}
    for size in sizes:
        result = measure(size, source, args.model, args.timeout)
        if result is None:
            print(f"{size:>10,} {'':>7} {'>' + format(args.timeout, '.0f'):>9}   (stopped: over --timeout)", flush=True)
            continue
        results[size] = result
        print(format_row(result), flush=True)
    if 400_000 in results and 1_600_000 in results:
        ratio = results[1_600_000]["cpu"] / results[400_000]["cpu"]
        wall = results[1_600_000]["seconds"] / results[400_000]["seconds"]
        verdict = "PASS" if ratio <= MAX_RATIO else "FAIL"
        print(f"1.6 MB / 400 KB time ratio: {ratio:.2f} in CPU seconds, {wall:.2f} in wall seconds"
              f" (bar <= {MAX_RATIO:.0f}, linear = 4): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
