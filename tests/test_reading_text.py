"""Reading text inputs: decoding, bad input, sidecars (issue #2)."""

from __future__ import annotations

import gzip
import json

import pytest

from quoth.errors import BinaryInput, EmptyInput, InputError, TooLarge
from quoth.reading import iter_paths, read_bytes, read_path
from quoth.reading.text import decode


def test_utf8_text_is_kept_as_is(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Line one\r\n“Quoted,” he said.\r\n".encode())
    doc = read_path(p)
    assert doc.text == "Line one\r\n“Quoted,” he said.\r\n"  # newline="" semantics: nothing translated
    assert doc.doc == "a" and doc.format == "text" and doc.warnings == []


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes("“Caf\u00e9,” she said.".encode("cp1252"))
    doc = read_path(p)
    assert doc.text == "“Café,” she said."
    assert "cp1252" in doc.warnings[0] and str(p) in doc.warnings[0]


@pytest.mark.parametrize(
    "data, error",
    [(b"", EmptyInput), (b"  \n\t\n", EmptyInput), (b"\x00\x01\x02binary\x00", BinaryInput), (bytes(range(256)) * 4, BinaryInput)],
)
def test_bad_bytes_raise_an_error_naming_the_input(tmp_path, data, error):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(error) as e:
        read_path(p)
    assert str(p) in str(e.value)


def test_huge_input_is_refused(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"word " * 1000)
    with pytest.raises(TooLarge, match="--max-bytes"):
        read_path(p, max_bytes=1000)


def test_missing_file_and_bad_gzip(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        read_path(tmp_path / "nope.txt")
    p = tmp_path / "x.html.gz"
    p.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="gzip"):
        read_path(p)


def test_gzipped_html_is_read(tmp_path):
    p = tmp_path / "page.html.gz"
    body = "<p>" + "Officials said the bridge would reopen next week after repairs. " * 5 + "</p>"
    p.write_bytes(gzip.compress(f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>".encode()))
    doc = read_path(p)
    assert doc.format == "html" and doc.doc == "page"
    assert "bridge would reopen" in doc.text


def test_sidecar_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("He said so.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2017-05-31", "outlet": "TASS"}), encoding="utf-8")
    doc = read_path(tmp_path / "a.txt")
    assert doc.meta["published"] == "2017-05-31" and doc.meta["outlet"] == "TASS"
    assert doc.meta["published_source"] == "sidecar a.json"


def test_malformed_sidecar_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("He said so.", encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    doc = read_path(tmp_path / "a.txt")
    assert "sidecar ignored" in doc.warnings[0]


def test_folders_are_read_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.txt", "b/y.html", "notes.md", "a.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])] == ["a.txt", "b/y.html", "b/z.txt"]


def test_stdin_bytes_sniff_html():
    doc = read_bytes(b"<!DOCTYPE html><html><body><article><p>" + b"The mayor said the vote would go ahead. " * 8 + b"</p></article></body></html>", "stdin")
    assert doc.format == "html" and "mayor said" in doc.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text_not_binary(codec):
    """Issue #10: a UTF-16 file with a BOM was called binary (its NUL bytes)."""
    text = 'Title\n\n"We will win," Jane Doe said.\n'
    data = ("\ufeff" + text).encode(codec) if codec.endswith("-be") else text.encode(codec)
    decoded, warnings = decode("a.txt", data, 10_000)
    assert decoded.lstrip("\ufeff") == text
    assert warnings and "byte-order mark" in warnings[0]
