"""The partition plan: the inputs cut into independent tasks, decided before any work starts.

* Article files (``.txt``, ``.html``, ``.html.gz``) go in groups of ``files_per_partition``.
* An archive is one partition, unless it is a WARC or JSONL file over ``split_bytes``:
  - a WARC is cut in equal byte ranges, without reading it first; each task starts at the first
    record at or after its range's start (:func:`quoth.reading.warc.warc_sources`), and a record
    belongs to the range its first byte is in;
  - a JSONL file is cut in ranges of ``records_per_partition`` lines (its lines are counted first:
    decompressing is fast next to extraction).
* CSV and Parquet files are one partition each (split them into files to spread them).

The plan depends only on the inputs and these sizes, so a rerun finds the same partitions under
the same names and skips those already written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from quoth.reading.sources import archive_kind, iter_files

__all__ = ["Partition", "plan_partitions", "DEFAULT_FILES_PER_PARTITION", "DEFAULT_SPLIT_BYTES"]

DEFAULT_FILES_PER_PARTITION = 50
DEFAULT_RECORDS_PER_PARTITION = 2000
# a CC-NEWS WARC is about 1 GB; 128 MB ranges hold ~5,000 articles, 20-60 core-minutes each
DEFAULT_SPLIT_BYTES = 128 * 1024 * 1024


@dataclass
class Partition:
    """One task: ``kind`` ``files`` (article files) or an archive's kind (``warc``, ``jsonl``,
    ``csv``, ``parquet``) with an optional ``[start, stop)`` range (WARC: bytes, JSONL: lines)."""

    id: int
    kind: str
    files: list[str] = field(default_factory=list)
    start: int | None = None
    stop: int | None = None

    @property
    def name(self) -> str:
        return f"part-{self.id:05d}"

    def to_json(self) -> dict:
        return {"name": self.name, **{k: v for k, v in asdict(self).items() if v is not None}}

    @classmethod
    def from_json(cls, data: dict) -> Partition:
        return cls(id=data["id"], kind=data["kind"], files=list(data["files"]),
                   start=data.get("start"), stop=data.get("stop"))


def plan_partitions(
    inputs: list[str | Path],
    *,
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    records_per_partition: int = DEFAULT_RECORDS_PER_PARTITION,
    split_bytes: int = DEFAULT_SPLIT_BYTES,
) -> list[Partition]:
    """The partitions of ``inputs`` (files and folders, as absolute paths), numbered from 0."""
    partitions: list[Partition] = []
    articles: list[str] = []

    def add(kind: str, files: list[str], start: int | None = None, stop: int | None = None) -> None:
        partitions.append(Partition(len(partitions), kind, files, start, stop))

    def flush() -> None:
        while articles:
            add("files", articles[:files_per_partition])
            del articles[:files_per_partition]

    for path in iter_files(Path(p).absolute() for p in inputs):
        kind = archive_kind(path)
        if kind is None:  # a missing file too: its read fails and lands in errors/
            articles.append(str(path))
            if len(articles) >= files_per_partition:
                flush()
            continue
        size = path.stat().st_size if path.is_file() else 0
        if kind == "warc" and size > split_bytes:
            for start in range(0, size, split_bytes):
                add(kind, [str(path)], start, min(start + split_bytes, size))
        elif kind == "jsonl" and size > split_bytes:
            from quoth.reading.records import count_lines

            lines = count_lines(path)
            for start in range(1, lines + 1, records_per_partition):
                add(kind, [str(path)], start, min(start + records_per_partition, lines + 1))
        else:
            add(kind, [str(path)])
    flush()
    return partitions
