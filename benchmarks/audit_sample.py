"""Draw a random sample of stored quotes for a reader to judge (issue #10's audit).

Ingests the given inputs into a fresh store, draws N stored quotes at random (a fixed seed) and
writes, for each, what a careful reader needs to judge it: the quote, its speaker as stored, the
cue and source as written, and the paragraph it sits in with the article's headline, plus the
whole article text in a side file. The judging is done by reading, not by this script.

    python benchmarks/audit_sample.py ../shared/html/aeb ../shared/news/wikinews --exclude gold/wikinews/texts \\
        --n 60 --seed 7 --out /tmp/audit
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

from quoth.store import Store
from quoth.store.schema import articles, quotes, speakers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a folder whose file names are left out (the gold set's texts)")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    skip = {p.stem.split(".")[0] for folder in args.exclude for p in folder.iterdir()}
    files = [p for root in args.inputs for p in sorted(root.rglob("*"))
             if p.is_file() and p.name.endswith((".txt", ".html", ".html.gz")) and p.name.split(".")[0] not in skip]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/audit.db")
        summary = store.ingest_paths(files)
        print(f"{len(files)} inputs: {summary.added} stored, {summary.failed} failed, {summary.quotes} quotes", file=sys.stderr)
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(quotes.c.id, quotes.c.text, quotes.c.spans, quotes.c.speaker_name, quotes.c.speaker_type,
                          speakers.c.name.label("speaker"), articles.c.text.label("article"), articles.c.headline,
                          articles.c.path)
                .join(articles, articles.c.id == quotes.c.article_id)
                .outerjoin(speakers, speakers.c.id == quotes.c.speaker_id)
                .order_by(quotes.c.id)
            ).all()
        store.close()
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    items = []
    for n, r in enumerate(sample, 1):
        text = r.article
        content = r.spans["content"]
        start = text.rfind("\n", 0, content[0][0]) + 1
        end = text.find("\n", content[-1][1])
        cut = lambda span: text[span[0]:span[1]] if span else None  # noqa: E731
        article_file = args.out / f"article_{n:02d}.txt"
        article_file.write_text(text, encoding="utf-8")
        items.append({
            "n": n, "quote": r.text, "speaker_stored": r.speaker, "speaker_as_written": r.speaker_name,
            "speaker_type": r.speaker_type, "cue": cut(r.spans.get("cue")), "source": cut(r.spans.get("source")),
            "headline": r.headline, "paragraph": text[start: len(text) if end == -1 else end],
            "article_file": str(article_file), "input": r.path,
        })
    (args.out / "sample.json").write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(items)} quotes drawn from {len(rows)} -> {args.out / 'sample.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
