"""Every input quoth reads, as a stream of :class:`Source` records: the one entry point of
``quoth extract``, ``quoth ingest`` and ``quoth batch``.

An input is an article file (``.txt``, ``.html``, ``.html.gz``), an archive holding many documents
(a WARC of a crawl, a JSONL/CSV/Parquet export, one document per row), a folder of either (read
recursively) or ``-`` for standard input. Each document becomes a :class:`Source`: a stable name,
unique per record (``a.txt``, ``crawl.warc.gz@1234``, ``export.jsonl:17``), and ``read()``, which
returns the :class:`~quoth.reading.Document` or raises :class:`~quoth.errors.InputError` naming the
input. Reading is deferred so that a bad record fails on its own, where the caller counts it, and
the batch goes on; records that are not articles (a WARC ``request``, a CSS response) are not
sources at all but are counted in :attr:`Sources.skipped`.

Example:
    >>> sources = iter_sources(["samples/"])
    >>> [s.name for s in sources][:1]
    ['samples/000_841052fd0680bd85.txt']
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quoth.errors import InputError
from quoth.reading.document import DEFAULT_MAX_BYTES, Document
from quoth.reading.files import ARTICLE_SUFFIXES, read_bytes, read_path

__all__ = ["RecordFields", "Source", "Sources", "archive_kind", "iter_sources", "ARCHIVE_SUFFIXES"]

COMPRESSIONS = (".gz", ".bz2", ".zst")
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = tuple(base + c for base in (".jsonl", ".ndjson") for c in ("",) + COMPRESSIONS)
CSV_SUFFIXES = tuple(".csv" + c for c in ("",) + COMPRESSIONS)
PARQUET_SUFFIXES = (".parquet",)
ARCHIVE_SUFFIXES = WARC_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES


def archive_kind(path: str | Path) -> str | None:
    """``warc``, ``jsonl``, ``csv``, ``parquet`` for an archive's file name, ``None`` for an article file.

    Example:
        >>> [archive_kind(n) for n in ("a.warc.gz", "b.jsonl.zst", "c.csv", "d.html.gz")]
        ['warc', 'jsonl', 'csv', None]
    """
    name = str(path).lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES),
                           ("parquet", PARQUET_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


@dataclass(frozen=True)
class RecordFields:
    """Which columns of a JSONL/CSV/Parquet row hold what: each a list of names, the first one a
    row has (with a non-empty value) wins. ``html`` is read through the HTML reader and wins over
    ``text``. ``--text-field`` and the like replace a list by one name."""

    text: tuple[str, ...] = ("text", "content", "body")
    html: tuple[str, ...] = ("html",)
    id: tuple[str, ...] = ("id",)
    url: tuple[str, ...] = ("url", "link")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("date", "published")
    outlet: tuple[str, ...] = ("outlet", "source")

    @classmethod
    def with_overrides(cls, **names: str | None) -> RecordFields:
        """The defaults, with each given name replacing its list (``text="story"``)."""
        return cls(**{key: (value,) for key, value in names.items() if value})

    def to_json(self) -> dict[str, list[str]]:
        return {key: list(getattr(self, key)) for key in self.__dataclass_fields__}


@dataclass
class Source:
    """One document to read: ``name`` is stable and unique per record; ``read()`` returns the
    :class:`Document` or raises :class:`~quoth.errors.InputError` with a one-line message naming it.
    ``input`` is the file (or ``-``) the record is in."""

    name: str
    read: Callable[[], Document]
    input: str = ""


@dataclass
class Sources:
    """The sources under some paths, read lazily; :attr:`skipped` counts, by reason, the records
    that are not articles (filled in as the iteration goes)."""

    paths: Iterable[str | Path]
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: RecordFields = field(default_factory=RecordFields)
    skipped: Counter = field(default_factory=Counter)

    def __iter__(self) -> Iterator[Source]:
        for p in self.paths:
            if str(p) == "-":
                yield _stdin_source(self.max_bytes)
                continue
            path = Path(p)
            if not path.exists():
                yield _failing(str(p), InputError(str(p), "no such file or folder"))
                continue
            for file in iter_files([path]):
                yield from file_sources(file, max_bytes=self.max_bytes, fields=self.fields, skipped=self.skipped)


def iter_sources(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: RecordFields | None = None,
) -> Sources:
    """Every document under ``paths`` (files, folders read recursively, ``-`` for stdin) as
    :class:`Source` records; the result's ``skipped`` counts what was passed over."""
    return Sources(list(paths), max_bytes=max_bytes, fields=fields or RecordFields())


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted; article and archive suffixes only); files are kept as given."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.name.lower().endswith(ARTICLE_SUFFIXES + ARCHIVE_SUFFIXES):
                    yield child
        else:
            yield p


def file_sources(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: RecordFields | None = None,
    skipped: Counter | None = None,
    start: int | None = None,
    stop: int | None = None,
) -> Iterator[Source]:
    """The sources of one file: one for an article file, one per record for an archive.

    ``start``/``stop`` bound an archive's records, ``stop`` exclusive: for WARC a byte range the
    records start in; for JSONL, CSV and Parquet 1-based line or row numbers. ``quoth batch`` uses
    them to split a large file.
    """
    skipped = skipped if skipped is not None else Counter()
    fields = fields or RecordFields()
    kind = archive_kind(path)
    if kind is None:
        yield Source(str(path), lambda: read_path(path, max_bytes=max_bytes), str(path))
    elif kind == "warc":
        from quoth.reading.warc import warc_sources

        yield from warc_sources(path, max_bytes=max_bytes, skipped=skipped, start=start, stop=stop)
    else:
        from quoth.reading.records import record_sources

        yield from record_sources(path, kind, fields=fields, max_bytes=max_bytes, skipped=skipped,
                                  start=start, stop=stop)


def _stdin_source(max_bytes: int) -> Source:
    data = sys.stdin.buffer.read()
    return Source("<stdin>", lambda: read_bytes(data, "stdin", name="<stdin>", max_bytes=max_bytes), "-")


def _failing(name: str, error: InputError) -> Source:
    def read() -> Document:
        raise error

    return Source(name, read, name)
