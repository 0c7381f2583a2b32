"""Archives as inputs (issue 12): WARC records and JSONL/CSV/Parquet rows through iter_sources,
broken records reported by offset or line while the rest is read, and extract/ingest reading them."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quoth.cli import main
from quoth.errors import BrokenRecord, InputError, MalformedRecord
from quoth.reading.sources import RecordFields, archive_kind, file_sources, iter_sources
from tests.archives import page, warc_records, write_jsonl, write_warc

pytestmark = pytest.mark.issue(12)


def read_all(paths, **kwargs):
    """(name, document or the error) per source, and the skipped counts."""
    sources = iter_sources(paths, **kwargs)
    out = []
    for source in sources:
        try:
            out.append((source.name, source.read()))
        except InputError as e:
            out.append((source.name, e))
    return out, sources.skipped


# --- WARC -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_are_documents_and_the_rest_is_counted(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path)
    read, skipped = read_all([path])
    assert [n for n, _ in read] == [f"{path}@{offsets[2]}", f"{path}@{offsets[7]}"]
    first, second = (d for _, d in read)
    assert first.format == "html" and "Mayor defiant" in first.text and "We will not give up" in first.text
    assert first.meta["url"] == "https://www.bbc.co.uk/news/a"
    assert first.meta["outlet"] == "BBC"  # the curated name of the URL's site
    assert second.meta["outlet"] == "example-news.com"
    # no date on the page: WARC-Date is the fallback, and says so
    assert first.meta["published"] == "2019-03-02"
    assert "WARC-Date" in first.meta["published_source"]
    assert first.path == f"{path}@{offsets[2]}" and first.doc == f"{name}@{offsets[2]}"
    assert dict(skipped) == {"warcinfo": 1, "request": 1, "revisit": 1, "metadata": 1,
                             "response not HTML": 1, "response not HTTP 2xx": 1}


def test_a_page_date_wins_over_the_crawl_date(tmp_path):
    html = page("Dated").replace(b"<head>", b'<head><meta property="article:published_time" content="2018-05-01">')
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("html", {"url": "https://example-news.com/d", "payload": html, "date": "2019-03-02T10:00:00Z"})])
    (_, document), = read_all([path])[0]
    assert document.meta["published"] == "2018-05-01"


def test_an_invalid_warc_date_is_a_warning_and_no_fallback(tmp_path):
    path = tmp_path / "a.warc"
    write_warc(path, [("html", {"url": "https://example-news.com/d", "payload": page("Undated"), "date": "yesterday"})])
    (name, document), = read_all([path])[0]
    assert "published" not in document.meta
    assert any(w.startswith(f"{name}: invalid WARC-Date 'yesterday'") for w in document.warnings)


def test_a_truncated_warc_gz_reports_the_broken_record_by_offset(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[7] + (len(data) - offsets[7]) // 2])  # the last page, half written
    read, _ = read_all([path])
    assert [n for n, _ in read] == [f"{path}@{offsets[2]}", f"{path}@{offsets[7]}"]
    assert not isinstance(read[0][1], Exception)
    error = read[1][1]
    assert isinstance(error, BrokenRecord) and str(error).startswith(f"{path}@{offsets[7]}: broken WARC record")


def test_a_corrupt_gzip_member_is_reported_and_the_next_records_are_read(tmp_path):
    path = tmp_path / "corrupt.warc.gz"
    offsets = write_warc(path)
    data = bytearray(path.read_bytes())
    middle = (offsets[2] + offsets[3]) // 2
    data[middle : middle + 40] = b"\x00" * 40  # the first page's compressed bytes destroyed
    path.write_bytes(bytes(data))
    read, skipped = read_all([path])
    names = [n for n, _ in read]
    assert names[0] == f"{path}@{offsets[2]}" and isinstance(read[0][1], BrokenRecord)
    assert names[-1] == f"{path}@{offsets[7]}" and "Bridge to reopen" in read[-1][1].text
    assert skipped["revisit"] == 1  # the records after the broken one were read


def test_a_bad_header_in_a_plain_warc_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "bad.warc"
    offsets = write_warc(path)
    data = bytearray(path.read_bytes())
    data[offsets[2] : offsets[2] + 8] = b"XARC/9.9"  # the first page's version line
    path.write_bytes(bytes(data))
    read, _ = read_all([path])
    assert read[0][0] == f"{path}@{offsets[2]}" and isinstance(read[0][1], BrokenRecord)
    assert "XARC/9.9" in str(read[0][1])
    assert read[-1][0] == f"{path}@{offsets[7]}" and "Bridge to reopen" in read[-1][1].text


def test_an_empty_or_garbage_warc_is_one_error(tmp_path):
    empty, garbage = tmp_path / "empty.warc", tmp_path / "garbage.warc.gz"
    empty.write_bytes(b"")
    garbage.write_bytes(b"this is not a WARC file at all\n" * 10)
    read, _ = read_all([empty, garbage])
    assert [type(e).__name__ for _, e in read] == ["BrokenRecord", "BrokenRecord"]
    assert str(read[0][1]) == f"{empty}: the input is empty"


@pytest.mark.parametrize("name", ["split.warc.gz", "split.warc"])
def test_byte_ranges_of_a_warc_cover_each_record_once(tmp_path, name):
    path = tmp_path / name
    records = warc_records() * 3
    write_warc(path, records)
    whole = [s.name for s in file_sources(path)]
    size = path.stat().st_size
    for chunk in (500, 1111, 4096):
        parts = [s.name for start in range(0, size, chunk) for s in file_sources(path, start=start, stop=start + chunk)]
        assert parts == whole
    assert len(whole) == 6


def test_the_shared_crawler_warc(shared):
    path = shared / "warc" / "dolma_sample-0000.warc.gz"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    read, skipped = read_all([path])
    documents = [d for _, d in read if not isinstance(d, Exception)]
    # 48 records: warcinfo, request/response pairs, metadata, resource (shared/README.md)
    assert len(read) + sum(skipped.values()) == 48
    assert skipped["request"] == len(read) and skipped["warcinfo"] == 1
    assert len(documents) >= 15 and len({n for n, _ in read}) == len(read)
    assert all(d.meta["url"].startswith("http") and d.meta.get("outlet") for d in documents)


# --- JSONL, CSV, Parquet ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz", "export.jsonl.bz2", "export.jsonl.zst"])
def test_jsonl_rows_are_documents_and_bad_lines_are_reported_by_number(tmp_path, name):
    path = write_jsonl(tmp_path / name)
    read, _ = read_all([path])
    by_line = {n.rsplit(":", 1)[1]: d for n, d in read}
    assert sorted(by_line, key=int) == ["1", "2", "3", "4", "5", "6"]
    assert by_line["1"].doc == "a1" and by_line["1"].path == f"{path}#a1"
    assert by_line["1"].meta["published"] == "2019-03-02" and by_line["1"].meta["outlet"] == "BBC"
    assert by_line["4"].doc == "7" and "Officials said" in by_line["4"].text
    assert isinstance(by_line["2"], MalformedRecord) and "not valid JSON" in str(by_line["2"])
    assert str(by_line["3"]) == f"{path}:3: a JSON list, not an object with a text field"
    assert isinstance(by_line["5"], MalformedRecord) and "no text" in str(by_line["5"])
    html = by_line["6"]
    assert html.format == "html" and "Storm closes port" in html.text and html.path == f"{path}:6"
    assert html.meta["outlet"] == "example-news.com"  # "Copyright 2014" is not a name
    assert any("does not look like a name" in w for w in html.warnings)


def test_field_options_name_the_columns(tmp_path):
    path = write_jsonl(tmp_path / "e.jsonl", [{"story": "The mayor said the vote would go ahead.", "key": "s1",
                                                "when": "2020-01-02", "site": "The Daily Bugle"}])
    fields = RecordFields.with_overrides(text="story", id="key", published="when", outlet="site")
    (_, document), = read_all([path], fields=fields)[0]
    assert document.doc == "s1" and document.meta["published"] == "2020-01-02"
    assert document.meta["outlet"] == "The Daily Bugle"


def test_repeated_ids_keep_documents_apart(tmp_path):
    path = write_jsonl(tmp_path / "e.jsonl", [{"id": "x", "text": "One said so."}, {"id": "x", "text": "Two said so."}])
    read, _ = read_all([path])
    assert [d.path for _, d in read] == [f"{path}#x", f"{path}:2"]


def test_a_truncated_jsonl_gz_keeps_the_rows_before(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    rows = [{"id": str(i), "text": f"Row {i}: the minister said the plan would work. " * 20} for i in range(50)]
    data = gzip.compress(("\n".join(json.dumps(r) for r in rows) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    read, _ = read_all([path])
    assert isinstance(read[-1][1], BrokenRecord) and read[-1][0] == str(path)
    assert "cannot be read to the end" in str(read[-1][1])
    assert 0 < len(read) - 1 < 50 and all(not isinstance(d, Exception) for _, d in read[:-1])


def test_csv_rows_with_a_multiline_field_and_a_bad_row(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text('id,text,date\n1,"The mayor said, on two\nlines, that it was over.",2020-01-01\n'
                    "2,too,many,fields\n3,Officials said the port would reopen.,\n", encoding="utf-8")
    read, _ = read_all([path])
    assert [n for n, _ in read] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert read[0][1].text == "The mayor said, on two\nlines, that it was over." and read[0][1].doc == "1"
    assert str(read[1][1]) == f"{path}:4: has 4 fields, the header has 3"
    assert read[2][1].path == f"{path}#3"


def test_parquet_rows_with_html_and_dates(tmp_path):
    path = tmp_path / "d.parquet"
    table = pa.table({"html": [page("Port closed").decode(), None], "text": [None, "The minister said no."],
                      "published": [date(2021, 6, 1), None], "url": ["https://www.bbc.co.uk/n/1", None]})
    pq.write_table(table, path)
    read, _ = read_all([path])
    assert [n for n, _ in read] == [f"{path}:1", f"{path}:2"]
    assert read[0][1].format == "html" and read[0][1].meta["published"] == "2021-06-01"
    assert read[1][1].format == "text" and read[1][1].text == "The minister said no."


def test_a_file_that_is_not_parquet_is_one_error(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not parquet")
    (name, error), = read_all([path])[0]
    assert name == str(path) and "not a Parquet file" in str(error)


def test_folders_hold_archives_too(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"text": "One said so."}])
    (tmp_path / "sub").mkdir()
    write_warc(tmp_path / "sub" / "b.warc.gz")
    (tmp_path / "c.txt").write_text("The mayor said yes.", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    read, _ = read_all([tmp_path])
    assert [Path(n.split("@")[0].split(":")[0]).name for n, _ in read] == ["a.jsonl", "c.txt", "b.warc.gz", "b.warc.gz"]
    assert [archive_kind(n) for n in ("x.csv.gz", "x.ndjson", "x.txt")] == ["csv", "jsonl", None]


# --- the commands -------------------------------------------------------------------------------


def test_extract_reads_archives_and_reports_bad_records(tmp_path):
    path = write_jsonl(tmp_path / "e.jsonl")
    warc = tmp_path / "c.warc.gz"
    write_warc(warc)
    result = CliRunner().invoke(main, ["extract", str(path), str(warc)])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["a1", "7", "e.jsonl:6", "c.warc.gz@" + records[3]["doc"].split("@")[1],
                                           records[4]["doc"]]
    assert f"error: {path}:2: not valid JSON" in result.stderr
    assert "skipped: 1 request record(s)" in result.stderr
    assert "5 document(s)" in result.stderr and "3 failed" in result.stderr


def test_extract_text_field_option(tmp_path):
    path = write_jsonl(tmp_path / "e.jsonl", [{"story": '"We will win," Jane Doe said.'}])
    result = CliRunner().invoke(main, ["extract", str(path), "--text-field", "story"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "Jane Doe"


def test_ingest_stores_each_record_as_its_own_article(tmp_path):
    from quoth.store import Store

    warc = tmp_path / "c.warc.gz"
    write_warc(warc)
    path = write_jsonl(tmp_path / "e.jsonl")
    db = tmp_path / "q.db"
    result = CliRunner().invoke(main, ["ingest", str(warc), str(path), "--db", str(db)])
    assert result.exit_code == 1, result.output  # three bad JSONL lines
    assert "5 added, 0 replaced, 0 unchanged, 3 failed" in result.stderr
    with Store(str(db)) as store:
        assert store.stats()["articles"] == 5
    again = CliRunner().invoke(main, ["ingest", str(warc), str(path), "--db", str(db)])
    assert "0 added, 0 replaced, 5 unchanged, 3 failed" in again.stderr


def test_warc_pages_in_another_charset_and_over_the_limit(tmp_path):
    path = tmp_path / "c.warc.gz"
    latin = page("Café reopens", "The owner of the café said it would reopen in spring, officials confirmed.")
    write_warc(path, [
        ("html", {"url": "https://example-news.com/cafe", "payload": latin.decode("utf-8").encode("iso-8859-1"),
                  "content_type": "text/html; charset=iso-8859-1"}),
        ("html", {"url": "https://example-news.com/big", "payload": page("Big", "word " * 5000)}),
    ])
    read, _ = read_all([path], max_bytes=10_000)
    # the header's charset decodes the page: no cp1252 fallback warning
    assert "Café reopens" in read[0][1].text
    assert not any("cp1252" in w for w in read[0][1].warnings)
    assert isinstance(read[1][1], InputError) and "over the limit of 10,000 bytes" in str(read[1][1])
