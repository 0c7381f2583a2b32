"""The batch output: partitioned Parquet, written atomically, one marker per finished partition.

The format is a contract (``docs/batch-output.md`` gives it in full; the bulk loader codes against
it)::

    DIR/_manifest.json               inputs, options, model, fields, the partition plan, schema version
    DIR/articles/part-NNNNN.parquet  one row per document (ARTICLES_SCHEMA)
    DIR/quotes/part-NNNNN.parquet    one row per attribution (QUOTES_SCHEMA)
    DIR/errors/part-NNNNN.parquet    one row per input or record that failed (ERRORS_SCHEMA)
    DIR/_partitions/part-NNNNN.json  the partition's marker, written last: it counts only if this exists

``articles.article_json`` is ``Article.to_json(include_text=True)``, so
``quoth.model.article_from_json(json.loads(row["article_json"]))`` rebuilds the article exactly.
Each file goes to ``.NAME.tmp`` in its folder first and is renamed into place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from quoth.model import Article, quote_to_json

__all__ = [
    "ARTICLES_SCHEMA", "QUOTES_SCHEMA", "ERRORS_SCHEMA", "SCHEMA_VERSION", "FORMAT",
    "article_row", "quote_rows", "write_partition", "is_done", "read_manifest", "write_json_atomically",
]

FORMAT = "quoth-batch"
SCHEMA_VERSION = 1
TABLES = ("articles", "quotes", "errors")
MARKERS = "_partitions"
MANIFEST = "_manifest.json"

_SPAN = pa.list_(pa.int32())
ARTICLES_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    ("doc", pa.string()),
    ("path", pa.string()),
    ("url", pa.string()),
    ("outlet", pa.string()),
    ("headline", pa.string()),
    ("published", pa.string()),
    ("text", pa.string()),
    ("format", pa.string()),
    ("warnings", pa.list_(pa.string())),
    ("quotes", pa.int32()),
    ("article_json", pa.string()),
    ("source", pa.string()),
    ("partition", pa.int32()),
])
QUOTES_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("idx", pa.int32(), nullable=False),
    ("content", pa.list_(_SPAN)),
    ("cue", _SPAN),
    ("source", _SPAN),
    ("type", pa.string()),
    ("speaker", pa.string()),
    ("speaker_role", pa.string()),
    ("speaker_type", pa.string()),
    ("said_on", pa.string()),
    ("addressee", _SPAN),
    ("channel", _SPAN),
    ("parent", pa.int32()),
    ("text", pa.string()),
    ("form", pa.string()),
])
ERRORS_SCHEMA = pa.schema([
    pa.field("source", pa.string(), nullable=False),
    ("input", pa.string()),
    ("reason", pa.string()),
    ("kind", pa.string()),
    ("partition", pa.int32()),
])
SCHEMAS = {"articles": ARTICLES_SCHEMA, "quotes": QUOTES_SCHEMA, "errors": ERRORS_SCHEMA}


def article_row(doc_id: str, article: Article, fmt: str, source: str, partition: int) -> dict[str, Any]:
    """The ``articles`` row of one extracted document."""
    return {
        "doc_id": doc_id,
        "doc": article.doc,
        "path": article.path,
        "url": _str(article.meta.get("url")),
        "outlet": _str(article.meta.get("outlet")),
        "headline": article.headline_text,
        "published": article.published,
        "text": article.text,
        "format": fmt,
        "warnings": list(article.warnings),
        "quotes": len(article.quotes),
        "article_json": json.dumps(article.to_json(include_text=True), ensure_ascii=False, default=str),
        "source": source,
        "partition": partition,
    }


def quote_rows(doc_id: str, article: Article) -> list[dict[str, Any]]:
    """The ``quotes`` rows of one article: every field of :func:`quoth.model.quote_to_json`."""
    return [{"doc_id": doc_id, "idx": i, **quote_to_json(q)} for i, q in enumerate(article.quotes)]


def write_partition(out: Path, name: str, tables: dict[str, list[dict]], marker: dict[str, Any]) -> None:
    """Write a partition's three tables, then its marker, each atomically."""
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        data = pa.Table.from_pylist(tables.get(table, []), schema=SCHEMAS[table])
        tmp = folder / f".{name}.parquet.tmp"
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, folder / f"{name}.parquet")
    write_json_atomically(out / MARKERS / f"{name}.json", marker)


def is_done(out: Path, name: str) -> bool:
    """Whether the partition's marker exists (then its three files are whole)."""
    return (out / MARKERS / f"{name}.json").is_file()


def read_marker(out: Path, name: str) -> dict[str, Any]:
    return json.loads((out / MARKERS / f"{name}.json").read_text(encoding="utf-8"))


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_json_atomically(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
