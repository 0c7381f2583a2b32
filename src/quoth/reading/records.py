"""JSONL, CSV and Parquet exports to sources: one document per row.

A newsroom's CMS export or a research dataset is a table: one article per row, its text (or HTML)
in one column, and perhaps an id, URL, title, date and outlet in others. Which column is which is
a :class:`~quoth.reading.sources.RecordFields` (``--text-field`` and the like; by default the common
names). JSONL may be compressed (``.gz``, ``.bz2``, ``.zst``), as may CSV.

Each row is named by its file and 1-based line (``export.jsonl:17``; for CSV the line the row starts
on, for Parquet the row number); its document's ``path`` is that name, or ``file#ID`` when the row has
an id (stable across re-exports that reorder rows), which the store keys it by when it has no URL.
A row that is not a document (invalid JSON, not an object, no text, a CSV row with the wrong number of
fields) is a source whose ``read()`` raises :class:`~quoth.errors.MalformedRecord` with that line; the
rest of the file is read. A compressed stream that breaks off ends the file with one error.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO

from quoth.errors import BrokenRecord, InputError, MalformedRecord
from quoth.reading.document import DEFAULT_MAX_BYTES, Document
from quoth.reading.files import read_bytes
from quoth.reading.outlets import outlet_name, plausible_site_name
from quoth.reading.sources import Source

__all__ = ["count_lines", "open_stream", "record_sources"]

# csv's default field limit (128 KB) is smaller than a long article
csv.field_size_limit(1 << 30)
# what a broken compressed stream raises while it is read
_STREAM_ERRORS = (EOFError, OSError, zlib.error, ValueError)


def open_stream(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed by its suffix (``.gz``, ``.bz2``, ``.zst``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".zst"):
        import zstandard

        # the stream reader has no readline of its own: buffer it for line iteration
        reader = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True, read_across_frames=True)
        return io.BufferedReader(reader)
    return open(path, "rb")


def record_sources(
    path: Path,
    kind: str,
    *,
    fields,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: Counter | None = None,
    start: int | None = None,
    stop: int | None = None,
) -> Iterator:
    """The sources of one JSONL/CSV/Parquet file, rows ``[start, stop)`` (1-based line numbers for
    JSONL and CSV, row numbers for Parquet; ``None`` = from the first / to the last)."""
    rows = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[kind]
    seen_ids: set[str] = set()
    try:
        for number, row in rows(path, start or 1, stop):
            name = f"{path}:{number}"
            if isinstance(row, Exception):
                yield _failing(name, str(path), row if isinstance(row, InputError) else MalformedRecord(name, str(row)))
                continue
            yield _row_source(path, name, row, fields, max_bytes, seen_ids)
    except FileNotFoundError:
        yield _failing(str(path), str(path), InputError(str(path), "no such file or folder"))
    except _STREAM_ERRORS as e:
        yield _failing(str(path), str(path), BrokenRecord(
            str(path), f"cannot be read to the end ({type(e).__name__}: {e}); the rows before were read"))


def count_lines(path: Path) -> int:
    """How many lines a (possibly compressed) JSONL file has, for splitting it into line ranges."""
    lines, last = 0, b"\n"
    with open_stream(path) as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _jsonl_rows(path: Path, start: int, stop: int | None):
    with open_stream(path) as f:
        number = 1
        for raw in f:
            if number >= start:
                if stop is not None and number >= stop:
                    return
                if raw.strip():
                    yield number, _json_object(raw)
            number += 1


def _json_object(raw: bytes) -> dict | Exception:
    try:
        value = json.loads(raw)
    except UnicodeDecodeError as e:
        return ValueError(f"not UTF-8 ({e.reason} at byte {e.start})")
    except json.JSONDecodeError as e:
        return ValueError(f"not valid JSON ({e.msg} at column {e.colno})")
    if not isinstance(value, dict):
        return ValueError(f"a JSON {type(value).__name__}, not an object with a text field")
    return value


def _csv_rows(path: Path, start: int, stop: int | None):
    with open_stream(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            return
        while True:
            number = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield number, ValueError(f"not a CSV row ({e})")
                continue
            except UnicodeDecodeError as e:
                yield number, ValueError(f"not UTF-8 ({e.reason}); the rest of the file cannot be read")
                return
            if number < start or not any(v.strip() for v in values):
                continue
            if stop is not None and number >= stop:
                return
            if len(values) != len(header):
                yield number, ValueError(f"has {len(values)} fields, the header has {len(header)}")
                continue
            yield number, dict(zip(header, values))


def _parquet_rows(path: Path, start: int, stop: int | None):
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except FileNotFoundError:
        raise
    except Exception as e:  # pyarrow raises ArrowInvalid and others on a file that is not Parquet
        raise ValueError(f"not a Parquet file: {e}") from None
    number = 0
    for batch in table.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            number += 1
            if number < start:
                continue
            if stop is not None and number >= stop:
                return
            yield number, row


def _row_source(path: Path, name: str, row: dict, fields, max_bytes: int, seen_ids: set[str]):
    row_id = _value(row, fields.id)
    doc, doc_path = f"{path.name}:{name.rsplit(':', 1)[1]}", name
    if row_id is not None:
        if row_id in seen_ids:
            doc_path = name  # a repeated id: the line keeps the two apart
        else:
            seen_ids.add(row_id)
            doc, doc_path = row_id, f"{path}#{row_id}"

    def read() -> Document:
        html = _value(row, fields.html)
        text = _value(row, fields.text)
        if html is None and text is None:
            wanted = ", ".join(fields.text + fields.html)
            raise MalformedRecord(name, f"no text: none of the fields {wanted} holds a non-empty string "
                                        "(name the column with --text-field or --html-field)")
        data = (html if html is not None else text).encode("utf-8")
        document = read_bytes(data, doc, name=name, format="html" if html is not None else "text", max_bytes=max_bytes)
        document.path = doc_path
        _apply_row_meta(document, row, fields, name)
        return document

    return Source(name, read, str(path))


def _apply_row_meta(document: Document, row: dict, fields, name: str) -> None:
    """The row's own columns win over what an HTML page says about itself (like a sidecar)."""
    url, title = _value(row, fields.url), _value(row, fields.title)
    (published, date_key), outlet = _date_value(row, fields.published), _value(row, fields.outlet)
    if url:
        document.meta["url"] = url
    if title:
        document.meta["title"] = title
    if published:
        document.meta["published"] = published
        document.meta["published_source"] = f"column {date_key}"
    if outlet and plausible_site_name(outlet):
        document.meta["outlet"] = outlet
    elif url:
        named = outlet_name(url, document.meta.get("outlet"))
        if named:
            document.meta["outlet"] = named
        if outlet:
            document.warnings.append(f"{name}: outlet {outlet!r} does not look like a name; used the site's")


def _value(row: dict, keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` the row has a non-empty string (or an integer: an id) under."""
    for key in keys:
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def _date_value(row: dict, keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The first date among ``keys`` (a string as written, or a Parquet date/timestamp) and its column."""
    for key in keys:
        value = row.get(key)
        if isinstance(value, datetime):
            return value.date().isoformat(), key
        if isinstance(value, date):
            return value.isoformat(), key
        if isinstance(value, str) and value.strip():
            return value.strip(), key
    return None, None


def _failing(name: str, input_name: str, error: Exception):
    def read() -> Document:
        raise error

    return Source(name, read, input_name)
