"""Small archives for the reader and batch tests, written with warcio, gzip, bz2, zstandard, pyarrow."""

from __future__ import annotations

import bz2
import gzip
import io
import json
from pathlib import Path

import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = ('<html><head><title>{title}</title></head><body><article><h1>{title}</h1>'
           '<p>{body}</p><p>"We will not give up," the mayor, Jane Doe, told reporters on Tuesday. '
           'Officials said the bridge would reopen next month after repairs.</p></article></body></html>')


def page(title: str, body: str = "The council voted on the budget after a long debate.") -> bytes:
    return ARTICLE.format(title=title, body=body).encode("utf-8")


def warc_records(date: str = "2019-03-02T10:00:00Z") -> list[tuple[str, dict]]:
    """The record kinds a crawl holds, in order: (what, how to write it)."""
    return [
        ("warcinfo", {}),
        ("request", {"url": "https://www.bbc.co.uk/news/a"}),
        ("html", {"url": "https://www.bbc.co.uk/news/a", "payload": page("Mayor defiant"), "date": date}),
        ("css", {"url": "https://www.bbc.co.uk/style.css", "payload": b"body { color: red }"}),
        ("revisit", {"url": "https://www.bbc.co.uk/news/a"}),
        ("redirect", {"url": "https://example-news.com/old"}),
        ("metadata", {"url": "https://www.bbc.co.uk/news/a"}),
        ("html", {"url": "https://example-news.com/b", "payload": page("Bridge to reopen"), "date": date}),
    ]


def write_warc(path: Path, records=None, *, gzip_records: bool | None = None) -> list[int]:
    """Write the records (default :func:`warc_records`); returns each record's byte offset."""
    gz = path.name.endswith(".gz") if gzip_records is None else gzip_records
    records = records if records is not None else warc_records()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    offsets = []
    for what, spec in records:
        offsets.append(buf.tell())
        writer.write_record(_record(writer, what, spec))
    path.write_bytes(buf.getvalue())
    return offsets


def _record(writer: WARCWriter, what: str, spec: dict):
    url = spec.get("url", "https://example.com/")
    headers = {"WARC-Date": spec["date"]} if "date" in spec else None
    if what == "warcinfo":
        return writer.create_warcinfo_record("crawl.warc", {"software": "quoth tests"})
    if what == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.bbc.co.uk")], is_http_request=True)
        return writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
    if what == "revisit":
        return writer.create_revisit_record(url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date="2019-03-01T00:00:00Z")
    if what == "metadata":
        return writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"outlinks: none"),
                                         warc_content_type="text/plain")
    status, ctype = {"html": ("200 OK", "text/html; charset=utf-8"), "css": ("200 OK", "text/css"),
                     "redirect": ("301 Moved Permanently", "text/html")}[what]
    http = StatusAndHeaders(status, [("Content-Type", spec.get("content_type", ctype))], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(spec.get("payload", b"<html></html>")),
                                       http_headers=http)
    if headers:
        record.rec_headers.replace_header("WARC-Date", headers["WARC-Date"])
    return record


ROWS = [
    {"id": "a1", "text": '"We will win," Jane Doe said on Tuesday.', "url": "https://www.bbc.co.uk/news/x",
     "date": "2019-03-02"},
    "{not json",
    [1, 2],
    {"id": 7, "content": "Officials said the plan was dead, according to the minister."},
    {"title": "no text at all"},
    {"html": page("Storm closes port").decode(), "link": "https://example-news.com/storm", "outlet": "Copyright 2014"},
]


def jsonl_bytes(rows=ROWS) -> bytes:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_jsonl(path: Path, rows=ROWS) -> Path:
    data = jsonl_bytes(rows)
    name = path.name
    if name.endswith(".gz"):
        data = gzip.compress(data)
    elif name.endswith(".bz2"):
        data = bz2.compress(data)
    elif name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path
