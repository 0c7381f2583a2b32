"""Write a ``quoth batch`` output folder from Articles, for the bulk-load tests.

The format is ``docs/batch-output.md`` (column names as there): ``_manifest.json``, partitioned
``articles/``, ``quotes/`` and ``errors/`` Parquet files and a ``_partitions/`` marker per
partition. The tests build their batch outputs with this rather than with ``quoth batch``, so they
exercise the bulk load alone, without extraction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from quoth.model import Article, quote_to_json

ARTICLE_COLUMNS = {
    "doc_id": pa.string(), "doc": pa.string(), "path": pa.string(), "url": pa.string(), "outlet": pa.string(),
    "headline": pa.string(), "published": pa.string(), "text": pa.string(), "format": pa.string(),
    "warnings": pa.list_(pa.string()), "quotes": pa.int32(), "article_json": pa.string(), "source": pa.string(),
    "partition": pa.int32(),
}
QUOTE_COLUMNS = {
    "doc_id": pa.string(), "idx": pa.int32(), "content": pa.list_(pa.list_(pa.int32())), "cue": pa.list_(pa.int32()),
    "source": pa.list_(pa.int32()), "addressee": pa.list_(pa.int32()), "channel": pa.list_(pa.int32()),
    "type": pa.string(), "speaker": pa.string(), "speaker_role": pa.string(), "speaker_type": pa.string(),
    "said_on": pa.string(), "parent": pa.int32(), "text": pa.string(), "form": pa.string(),
}
ERROR_COLUMNS = {"source": pa.string(), "input": pa.string(), "reason": pa.string(), "kind": pa.string(),
                 "partition": pa.int32()}


def _table(columns: dict, rows: list[dict]) -> pa.Table:
    schema = pa.schema(list(columns.items()))
    return pa.Table.from_pylist(rows, schema=schema)


def article_row(article: Article, partition: int) -> dict:
    source = article.path or article.doc or ""
    return {
        "doc_id": source, "doc": article.doc, "path": article.path, "url": article.meta.get("url"),
        "outlet": article.meta.get("outlet"), "headline": article.headline_text, "published": article.published,
        "text": article.text, "format": "text", "warnings": list(article.warnings), "quotes": len(article.quotes),
        "article_json": json.dumps(article.to_json(include_text=True), ensure_ascii=False), "source": source,
        "partition": partition,
    }


def quote_rows(article: Article) -> list[dict]:
    doc_id = article.path or article.doc or ""
    return [{"doc_id": doc_id, "idx": i, **quote_to_json(q)} for i, q in enumerate(article.quotes)]


def write_batch(
    articles: Sequence[Article],
    out: Path,
    *,
    per_part: int = 50,
    errors: Sequence[str] = (),
    model: str = "fast",
    options: dict | None = None,
    markers: bool = True,
) -> Path:
    """Write ``articles`` as a batch output in ``out``, ``per_part`` articles a partition, in
    order; ``errors`` become rows of ``errors/part-00000.parquet``. Returns ``out``."""
    out = Path(out)
    for sub in ("articles", "quotes", "errors", "_partitions"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    parts = [list(articles[i : i + per_part]) for i in range(0, len(articles), per_part)] or [[]]
    plan = []
    for n, chunk in enumerate(parts):
        name = f"part-{n:05d}"
        pq.write_table(_table(ARTICLE_COLUMNS, [article_row(a, n) for a in chunk]), out / "articles" / f"{name}.parquet")
        pq.write_table(_table(QUOTE_COLUMNS, [r for a in chunk for r in quote_rows(a)]), out / "quotes" / f"{name}.parquet")
        err_rows = [{"source": e, "input": e, "reason": f"{e}: no article text", "kind": "NoArticle", "partition": n}
                    for e in (errors if n == 0 else ())]
        pq.write_table(_table(ERROR_COLUMNS, err_rows), out / "errors" / f"{name}.parquet")
        if markers:
            (out / "_partitions" / f"{name}.json").write_text(json.dumps(
                {"id": n, "name": name, "documents": len(chunk), "quotes": sum(len(a.quotes) for a in chunk),
                 "errors": len(err_rows)}), encoding="utf-8")
        plan.append({"id": n, "name": name, "kind": "files", "files": [a.path for a in chunk]})
    manifest = {"format": "quoth-batch", "schema_version": 1, "quoth_version": "0.1.0", "model": model,
                "options": {"published": None, "year_range": None, "max_bytes": 20971520, **(options or {})},
                "inputs": [], "partitions": plan}
    (out / "_manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out
