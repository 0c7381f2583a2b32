"""WARC files (``.warc``, ``.warc.gz``) to sources: one per HTML ``response`` record.

A crawl's WARC holds far more than articles: ``request``, ``revisit``, ``dns``, ``metadata``,
``warcinfo`` and ``resource`` records, redirects and error pages, images and CSS. Only ``response``
records with a 2xx HTTP status and an HTML body are articles; the rest are counted in ``skipped`` by
reason. Each article's :class:`~quoth.reading.Document` comes from the HTML reader
(:func:`~quoth.reading.files.read_bytes`), with the record's ``WARC-Target-URI`` as its URL, the
outlet named by that URL's site (:func:`~quoth.reading.outlets.outlet_name`) and ``WARC-Date`` (the
crawl time) as the publication date when the page states none.

A record that cannot be parsed (a truncated gzip member, a bad header line, a block shorter than its
``Content-Length``) becomes a source whose ``read()`` raises :class:`~quoth.errors.BrokenRecord`
naming ``file@offset``; the reader then looks for the next record (the next gzip member, or the next
``WARC/1.x`` line) and goes on. An invalid ``WARC-Date`` is a warning on the record's document.

warcio (1.8.1) rather than FastWARC: it reports every record's byte offset in the file, which names
records and lets ``quoth batch`` split a file by offsets, and it is pure Python, so a broken record
raises an exception here (FastWARC stops or skips silently) and this module can resume after it.
Parsing is not the cost: extraction runs at thousands of words a second, warcio at tens of MB.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quoth.errors import BrokenRecord, InputError
from quoth.reading.document import DEFAULT_MAX_BYTES, Document
from quoth.reading.files import read_bytes
from quoth.reading.outlets import outlet_name, registered_domain
from quoth.reading.sources import Source

__all__ = ["warc_sources"]

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_LINE = re.compile(rb"(?:^|\n)(WARC/1\.\d)\r?\n")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.I | re.S)
_SCAN_CHUNK = 1 << 20
# what parsing a broken record raises, inside warcio and zlib
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, IndexError, KeyError, OSError)


def warc_sources(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: Counter | None = None,
    start: int | None = None,
    stop: int | None = None,
) -> Iterator:
    """The article sources of one WARC file, in file order (see the module's docstring).

    ``start``/``stop``: only the records that start in the byte range ``[start, stop)``. ``start``
    need not be a record's offset: reading begins at the first record at or after it, so a file
    can be split in equal byte ranges without reading it first (as Hadoop splits text files).
    """
    skipped = skipped if skipped is not None else Counter()
    name = str(path)
    try:
        f = open(path, "rb")
        size = path.stat().st_size
    except OSError as e:
        yield _broken(name, name, f"cannot be read: {e.strerror or e}")
        return
    with f:
        if size == 0:
            yield _broken(name, name, "the input is empty")
            return
        gzipped = f.read(3) == GZIP_MAGIC
        pos: int | None = _first_record(f, start, gzipped) if start else 0
        while pos is not None and pos < size and (stop is None or pos < stop):
            f.seek(pos)
            iterator = ArchiveIterator(f, check_digests=False)
            try:
                for record in iterator:
                    if stop is not None and iterator.offset >= stop:
                        return
                    if record.format != "warc":  # warcio falls back on ARC for any text line
                        raise ArchiveLoadFailed(f"not a WARC record ({_first_line(f, iterator.offset)!r})")
                    source = _source(path, iterator.offset, record, max_bytes, skipped)
                    if source is not None:
                        yield source
            except _BROKEN as e:
                failed = iterator.offset
                yield _broken(f"{name}@{failed}", name, f"broken WARC record: {_reason(e)}")
                pos = _next_record(f, failed + 1, gzipped)
                continue
            end = iterator.offset  # where the last readable record ended
            if end >= size or _rest_is_blank(f, end) or (stop is not None and end >= stop):
                return
            yield _broken(f"{name}@{end}", name,
                          f"broken WARC record: truncated or unreadable ({size - end:,} bytes left unread)")
            pos = _next_record(f, end + 1, gzipped)


def _first_record(f, pos: int, gzipped: bool) -> int | None:
    """The offset of the first record starting at or after ``pos``: a gzip member that inflates to
    a ``WARC/`` line (the magic bytes also occur inside compressed data), or a ``WARC/1.x`` line."""
    while (candidate := _next_record(f, pos, gzipped)) is not None:
        f.seek(candidate)
        head = f.read(1 << 14)
        if not gzipped:
            return candidate
        try:
            if zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/"):
                return candidate
        except zlib.error:
            pass
        pos = candidate + 1
    return None


def _source(path: Path, offset: int, record, max_bytes: int, skipped: Counter):
    """The record's source, or ``None`` (counted in ``skipped``) if it is not an article."""
    kind = record.rec_type
    if kind != "response":
        skipped[kind or "unknown record type"] += 1
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if http is None or not str(status).startswith("2"):
        skipped["response not HTTP 2xx"] += 1
        return None
    content_type = http.get_header("Content-Type") or ""
    name = f"{path}@{offset}"
    payload = record.content_stream().read(max_bytes + 1)
    while record.raw_stream.read(1 << 16):  # the rest of an over-long page
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _broken(name, str(path), "broken WARC record: the block is shorter than its Content-Length (truncated)")
    if "html" not in content_type.lower() and not (not content_type and _HTML_START.match(payload[:1024])):
        skipped["response not HTML"] += 1
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    warc_date = record.rec_headers.get_header("WARC-Date")
    charset = _CHARSET.search(content_type)
    stem = path.name

    def read() -> Document:
        if len(payload) > max_bytes:
            raise InputError(name, f"the page is over the limit of {max_bytes:,} bytes; raise it with --max-bytes")
        document = read_bytes(_as_utf8(payload, charset.group(1) if charset else None), f"{stem}@{offset}",
                              name=name, format="html", max_bytes=max_bytes)
        document.path = name
        _apply_record_meta(document, name, url, warc_date)
        return document

    return Source(name, read, str(path))


def _apply_record_meta(document: Document, name: str, url: str | None, warc_date: str | None) -> None:
    """The crawl's URL wins over the page's own; the outlet is the URL's site; WARC-Date is the
    publication date only when the page gives none."""
    page_url, page_outlet = document.meta.get("url"), document.meta.get("outlet")
    if url:
        same_site = not page_url or registered_domain(page_url) == registered_domain(url)
        document.meta["url"] = url
        outlet = outlet_name(url, page_outlet if same_site else None)
        if outlet:
            document.meta["outlet"] = outlet
    if warc_date is None:
        return
    day = _warc_day(warc_date)
    if day is None:
        document.warnings.append(f"{name}: invalid WARC-Date {warc_date[:40]!r}; no crawl date to fall back on")
    elif not document.meta.get("published"):
        document.meta["published"] = day
        document.meta["published_source"] = "WARC-Date (when the page was crawled)"


def _warc_day(value: str) -> str | None:
    """``YYYY-MM-DD`` of a WARC-Date (W3C date-time, UTC), or ``None`` if it is not one."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:  # WARC 1.1 allows a date alone, or fewer fields
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _as_utf8(payload: bytes, charset: str | None) -> bytes:
    """The page as UTF-8 when the HTTP header names another charset that decodes it (the reader
    itself knows only UTF-8, UTF-16/32 by BOM and cp1252)."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return payload
    try:
        return payload.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload


def _next_record(f, pos: int, gzipped: bool) -> int | None:
    """The offset of the next plausible record start at or after ``pos``: a gzip member header in a
    ``.warc.gz``, a ``WARC/1.x`` line in a plain WARC; ``None`` at the end of the file."""
    f.seek(pos)
    base, tail = pos, b""
    while True:
        chunk = f.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        if gzipped:
            i = data.find(GZIP_MAGIC)
            if i >= 0:
                return base - len(tail) + i
        else:
            if m := WARC_LINE.search(data):
                return base - len(tail) + m.start(1)
        tail = data[-8:]
        base += len(chunk)


def _first_line(f, offset: int) -> str:
    here = f.tell()
    f.seek(offset)
    line = f.readline(60).decode("latin-1").strip()
    f.seek(here)
    return line


def _rest_is_blank(f, end: int) -> bool:
    f.seek(end)
    while chunk := f.read(_SCAN_CHUNK):
        if chunk.strip():
            return False
    return True


def _reason(e: Exception) -> str:
    text = " ".join(str(e).split())[:200]
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _broken(name: str, input_name: str, message: str):
    error = BrokenRecord(name, message)

    def read() -> Document:
        raise error

    return Source(name, read, input_name)
