"""quoth's one exception hierarchy.

    QuothError
    ├── InputError          an input that cannot be read as an article (names the input)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── UndecodableInput
    │   ├── NoArticle       HTML (or text) in which no article body was found
    │   ├── BrokenRecord    a WARC record (or compressed stream) that cannot be parsed; names file@offset
    │   └── MalformedRecord a JSONL/CSV/Parquet row that is not a document; names file:line
    ├── UsageError          bad arguments from a caller (malformed date, unknown option value)
    └── ModelUnavailable    the accurate mode's model or its libraries are not installed

Every message names the input and, where it can, says how to fix it (STYLE.md §2).
"""

from __future__ import annotations


class QuothError(Exception):
    """Base of every error quoth raises on purpose."""


class UsageError(QuothError):
    """A caller's argument is malformed (a date, a range, an option value)."""


class InputError(QuothError):
    """An input that cannot be turned into an article; ``name`` is the file (or ``<stdin>``)."""

    def __init__(self, name: str, message: str):
        self.name = name
        self.message = message
        super().__init__(f"{name}: {message}")


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class UndecodableInput(InputError):
    pass


class NoArticle(InputError):
    pass


class BrokenRecord(InputError):
    """A record of an archive that cannot be parsed (truncated gzip, bad WARC header); the
    reader reports it with the file and byte offset and goes on with the next record."""


class MalformedRecord(InputError):
    """A row of a JSONL/CSV/Parquet file that is not a document (not JSON, not an object, no
    text); reported with the file and line, and the rest of the file is read."""


class ModelUnavailable(QuothError):
    """``--model accurate`` without torch/transformers or without the shipped weights."""
