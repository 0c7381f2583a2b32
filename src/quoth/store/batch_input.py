"""Reading a ``quoth batch`` output folder back as articles, for the bulk load (issue #12).

The format is ``docs/batch-output.md``: ``DIR/_manifest.json`` and partitioned Parquet
``DIR/articles/part-NNNNN.parquet`` whose ``article_json`` column holds each document's
``Article.to_json(include_text=True)``; a partition counts only once its marker
``DIR/_partitions/part-NNNNN.json`` exists (a crashed batch may leave a part file without one).

:func:`read_batch` yields the articles in partition order, then row order, which is the order the
documents were read in; a row or a file that cannot be read becomes a one-line error naming the file
and the row, and the reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quoth.model import Article, article_from_json

MANIFEST = "_manifest.json"
ARTICLE_JSON = "article_json"  # the column holding Article.to_json(include_text=True)
_BATCH_ROWS = 512  # rows read from a Parquet file at a time: memory stays bounded


def is_batch_output(path: Path) -> bool:
    """Whether ``path`` is a ``quoth batch`` output folder (it has a manifest or an ``articles/``
    folder of Parquet files), not a folder of article files."""
    path = Path(path)
    if not path.is_dir():
        return False
    return (path / MANIFEST).is_file() or any((path / "articles").glob("part-*.parquet"))


@dataclass
class BatchInfo:
    """What the folder says about itself: the extraction options to record, the partitions left
    out (no marker), the documents the batch could not extract, and problems reading them."""

    folder: Path
    extraction: dict[str, Any] = field(default_factory=dict)
    incomplete: list[str] = field(default_factory=list)
    batch_errors: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Row:
    """One ``articles`` row: its article, or why it could not be read (``where`` names it);
    ``superseded``: a later row of the batch is the same article (same URL, else same path)."""

    where: str
    article: Article | None = None
    error: str | None = None
    superseded: bool = False


def describe(folder: Path) -> BatchInfo:
    """Read the manifest and list the complete partitions' files (see :func:`part_files`)."""
    info = BatchInfo(Path(folder))
    manifest_path = info.folder / MANIFEST
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if not isinstance(manifest, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as e:
            info.problems.append(f"{manifest_path}: not a readable manifest ({e}); no extraction options recorded")
            manifest = {}
        info.extraction = extraction_options(manifest)
    return info


def extraction_options(manifest: dict[str, Any]) -> dict[str, Any]:
    """The options to record in each article's ``meta["extraction"]``, as ``quoth ingest PATH``
    records them (:meth:`quoth.store.db.Store.ingest_paths`): those set and not the default model,
    tuples as lists. They are part of the article's content hash."""
    options = manifest.get("options") or {}
    chosen = {"published": options.get("published"), "year_range": options.get("year_range"),
              "model": manifest.get("model")}
    return {k: list(v) if isinstance(v, tuple | list) else v
            for k, v in chosen.items() if v is not None and (k, v) != ("model", "fast")}


def part_files(info: BatchInfo, table: str = "articles") -> list[Path]:
    """The ``table`` part files (``articles/``, ``quotes/``) of complete partitions, by name; a part without its marker is
    left out and noted in ``info.incomplete`` (folders without any ``_partitions/`` markers, as
    older or hand-made outputs, count every part)."""
    parts = sorted((info.folder / table).glob("part-*.parquet"))
    markers = info.folder / "_partitions"
    if not markers.is_dir():
        return parts
    done = []
    for part in parts:
        stem = part.name[: -len(".parquet")]
        if (markers / f"{stem}.json").is_file():
            done.append(part)
        elif table == "articles":
            info.incomplete.append(str(part))
    return done


def count_batch_errors(info: BatchInfo) -> None:
    """How many documents the batch itself could not extract (rows of ``errors/``)."""
    import pyarrow.parquet as pq

    for part in sorted((info.folder / "errors").glob("part-*.parquet")):
        try:
            info.batch_errors += pq.ParquetFile(part).metadata.num_rows
        except Exception as e:  # noqa: BLE001 - a broken file is reported, not fatal
            info.problems.append(f"{part}: not a readable Parquet file ({_one_line(e)})")


def count_quotes(info: BatchInfo) -> int:
    """How many quotes the complete partitions hold (rows of ``quotes/``; 0 where unreadable)."""
    import pyarrow.parquet as pq

    total = 0
    for part in part_files(info, "quotes"):
        try:
            total += pq.ParquetFile(part).metadata.num_rows
        except Exception:  # noqa: BLE001 - only an estimate: read_batch reports broken files
            continue
    return total


def read_batch(info: BatchInfo) -> Iterator[Row]:
    """Every article of the complete partitions, in order; broken rows and files as errors.

    An article that occurs again later in the batch (a page crawled twice: the same URL, else
    the same path) is marked ``superseded``: the last version is the one to store, so loading
    the same batch twice stores the same thing twice (nothing new the second time).
    """
    import pyarrow.parquet as pq

    parts = part_files(info)
    last = _last_rows(parts)
    for n, part in enumerate(parts):
        try:
            reader = pq.ParquetFile(part)
            if ARTICLE_JSON not in reader.schema_arrow.names:
                yield Row(str(part), error=f"{part}: no {ARTICLE_JSON!r} column: not a quoth batch articles file")
                continue
            batches = reader.iter_batches(batch_size=_BATCH_ROWS, columns=[ARTICLE_JSON])
            row = 0
            for batch in batches:
                for value in batch.column(0).to_pylist():
                    row += 1
                    found = _article(part, row, value, info.extraction)
                    if found.article is not None:
                        key = _same_article_key(found.article.meta.get("url"), found.article.path)
                        found.superseded = key is not None and last.get(key, (n, row)) > (n, row)
                    yield found
        except Exception as e:  # noqa: BLE001 - a truncated or corrupt file: report, go on
            yield Row(str(part), error=f"{part}: not a readable Parquet file ({_one_line(e)}); its other rows are skipped")


def _same_article_key(url: Any, path: Any) -> str | None:
    """What makes two rows one article, as :func:`quoth.store.rows.article_key` (without the
    content hash: rows with neither URL nor path are never versions of one another)."""
    if url:
        return f"url:{url}"
    if path:
        return f"path:{path}"
    return None


def _last_rows(parts: list[Path]) -> dict[str, tuple[int, int]]:
    """Where each article's last row is, ``(part number, row)``, from the ``url`` and ``path``
    columns (a file without them, or unreadable, is left out: its rows are all kept)."""
    import pyarrow.parquet as pq

    last: dict[str, tuple[int, int]] = {}
    for n, part in enumerate(parts):
        try:
            reader = pq.ParquetFile(part)
            if not {"url", "path"} <= set(reader.schema_arrow.names):
                continue
            row = 0
            for batch in reader.iter_batches(batch_size=8192, columns=["url", "path"]):
                for url, path in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                    row += 1
                    key = _same_article_key(url, path)
                    if key is not None:
                        last[key] = (n, row)
        except Exception:  # noqa: BLE001 - read_batch reports the broken file
            continue
    return last


def _article(part: Path, row: int, value: Any, extraction: dict[str, Any]) -> Row:
    where = f"{part}: row {row}"
    if not isinstance(value, str) or not value.strip():
        return Row(where, error=f"{where}: empty {ARTICLE_JSON}")
    try:
        data = json.loads(value)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("not an article object with its text")
        article = article_from_json(data)
        for i, q in enumerate(article.quotes):
            if not q.content:
                raise ValueError(f"quote {i} has no content")
            for name in ("speaker", "speaker_role", "speaker_type", "said_on", "text", "type"):
                if not isinstance(getattr(q, name), str | None):
                    raise ValueError(f"quote {i}: {name} is not a string")
    except (ValueError, KeyError, TypeError, IndexError) as e:
        return Row(where, error=f"{where}: malformed {ARTICLE_JSON} ({_one_line(e)})")
    if extraction:
        article.meta = {**article.meta, "extraction": extraction}
    return Row(where, article=article)


def _one_line(e: Exception) -> str:
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0]}" if text else type(e).__name__


__all__ = ["ARTICLE_JSON", "MANIFEST", "BatchInfo", "Row", "describe", "is_batch_output", "read_batch"]
