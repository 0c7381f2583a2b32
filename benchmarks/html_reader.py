"""Benchmark the HTML reader against the article-extraction-benchmark (AEB) pages.

Runs :func:`quoth.reading.html.extract_html` over every ``html/<id>.html.gz`` of the AEB folder and
scores the extracted text against ``articleBody`` in ``ground-truth.json``: token precision, recall and
F1, tokens being ``\\w+`` runs of the lower-cased text counted as a bag (multiset intersection).
A page that raises :class:`~quoth.errors.NoArticle` (or any error) scores as empty output.

Two figures per row: ``as returned`` scores ``body_text`` exactly as the reader returns it (headline
first); ``body only`` drops the headline paragraph the reader puts first, since AEB's ``articleBody``
has no headline. The quality floor applies to ``as returned``.

Example:

    $ python benchmarks/html_reader.py                  # AEB at ../shared/html/aeb from the repo root
    $ python benchmarks/html_reader.py /data/aeb --worst 10 --baselines
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_AEB = REPO.parent / "shared" / "html" / "aeb"
MIN_MEAN_F1 = 0.92  # readability-lxml's published mean F1 on AEB

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter:
    """The bag of word tokens of ``text`` (lower-cased ``\\w+`` runs)."""
    return Counter(_TOKEN.findall(text.lower()))


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``pred`` against ``gold`` (bags of words).

    An empty prediction scores 0 precision; an empty gold 0 recall.

    Example:
        >>> token_prf("the cat sat", "the cat sat down")
        (1.0, 0.75, 0.8571428571428571)
    """
    p, g = tokens(pred), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_aeb(folder: Path) -> list[tuple[str, str, str]]:
    """``(id, html, articleBody)`` for every page of the AEB folder, sorted by id."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        pages.append((page_id, html, truth[page_id]["articleBody"]))
    return pages


def score(rows: list[tuple[str, str, str]]) -> dict:
    """Micro and mean-per-page P/R/F1 over ``(id, predicted, gold)`` rows."""
    per_page = [token_prf(pred, gold) for _, pred, gold in rows]
    n = len(per_page)
    overlap = predicted = expected = 0
    for _, pred, gold in rows:
        p, g = tokens(pred), tokens(gold)
        overlap += sum((p & g).values())
        predicted += sum(p.values())
        expected += sum(g.values())
    micro_p = overlap / predicted if predicted else 0.0
    micro_r = overlap / expected if expected else 0.0
    micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    return {
        "mean": tuple(sum(page[i] for page in per_page) / n for i in range(3)),
        "micro": (micro_p, micro_r, micro_f),
        "per_page": per_page,
    }


def run_reader(pages: list[tuple[str, str, str]]) -> tuple[list, list, list, float]:
    """Run ``extract_html`` over the pages: as-returned rows, body-only rows, failures, seconds."""
    from quoth.errors import NoArticle
    from quoth.reading.html import extract_html

    returned, body_only, failures = [], [], []
    if pages:  # warm-up, so the timing leaves out one-off imports (trafilatura loads dateparser lazily)
        try:
            extract_html("warm-up", pages[0][1])
        except NoArticle:
            pass
    elapsed = 0.0
    for page_id, html, gold in pages:
        start = time.perf_counter()
        try:
            text, meta, _ = extract_html(page_id, html)
        except NoArticle as e:
            text, meta = "", {}
            failures.append((page_id, f"NoArticle: {e.message}"))
        except Exception as e:  # noqa: BLE001 - a crash is a finding, reported and scored as empty
            text, meta = "", {}
            failures.append((page_id, f"{type(e).__name__}: {e}"))
        elapsed += time.perf_counter() - start
        returned.append((page_id, text, gold))
        paragraphs = text.split("\n\n")
        if meta.get("title") and paragraphs[0] == meta["title"]:
            paragraphs = paragraphs[1:]
        body_only.append((page_id, "\n\n".join(paragraphs), gold))
    return returned, body_only, failures, elapsed


def run_trafilatura(pages: list[tuple[str, str, str]], **options) -> tuple[list, float]:
    """Plain ``trafilatura.extract`` (comments off) with ``options``, for comparison."""
    import trafilatura

    rows, elapsed = [], 0.0
    for page_id, html, gold in pages:
        start = time.perf_counter()
        text = trafilatura.extract(html, include_comments=False, **options) or ""
        elapsed += time.perf_counter() - start
        rows.append((page_id, text, gold))
    return rows, elapsed


def _row(label: str, figures: dict, failures: int | str, pages_per_s: float) -> str:
    mp, mr, mf = figures["mean"]
    up, ur, uf = figures["micro"]
    return (f"{label:<34} {mp:6.4f} {mr:6.4f} {mf:6.4f}   {up:6.4f} {ur:6.4f} {uf:6.4f}"
            f"   {failures!s:>7} {pages_per_s:8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aeb", nargs="?", type=Path, default=DEFAULT_AEB,
                        help=f"AEB folder with html/ and ground-truth.json (default: {DEFAULT_AEB})")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N lowest-F1 pages")
    parser.add_argument("--baselines", action="store_true",
                        help="also score plain trafilatura.extract (balanced, precision and recall modes)")
    parser.add_argument("--min-f1", type=float, default=MIN_MEAN_F1,
                        help=f"exit 1 if mean F1 (as returned) is below this (default: {MIN_MEAN_F1})")
    args = parser.parse_args(argv)

    if not (args.aeb / "ground-truth.json").is_file():
        print(f"{args.aeb}: not an AEB folder (no ground-truth.json); give its path as the first argument",
              file=sys.stderr)
        return 2
    pages = load_aeb(args.aeb)
    returned, body_only, failures, elapsed = run_reader(pages)
    as_returned = score(returned)

    print(f"AEB: {len(pages)} pages from {args.aeb}")
    print(f"{'':<34} {'mean P':>6} {'mean R':>6} {'mean F':>6}   {'micro P':>6} {'micro R':>6} "
          f"{'micro F':>6}   {'failed':>7} {'pages/s':>8}")
    print(_row("quoth extract_html (as returned)", as_returned, len(failures), len(pages) / elapsed))
    print(_row("quoth extract_html (body only)", score(body_only), len(failures), len(pages) / elapsed))
    if args.baselines:
        for label, options in (("trafilatura.extract (balanced)", {}),
                               ("trafilatura.extract (precision)", {"favor_precision": True}),
                               ("trafilatura.extract (recall)", {"favor_recall": True})):
            rows, seconds = run_trafilatura(pages, **options)
            empty = sum(1 for _, text, _ in rows if not text)
            print(_row(label, score(rows), f"{empty} empty", len(pages) / seconds))
    for page_id, reason in failures:
        print(f"failed: {page_id}: {reason}")
    if args.worst:
        print(f"\n{args.worst} lowest F1 (as returned):")
        ranked = sorted(zip(pages, as_returned["per_page"]), key=lambda item: item[1][2])
        truth = json.loads((args.aeb / "ground-truth.json").read_text(encoding="utf-8"))
        for (page_id, _, _), (p, r, f) in ranked[: args.worst]:
            print(f"  {page_id[:12]}  P {p:.2f} R {r:.2f} F {f:.2f}  {truth[page_id]['url']}")

    mean_f1 = as_returned["mean"][2]
    if mean_f1 < args.min_f1:
        print(f"mean F1 {mean_f1:.4f} is below the floor {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
