"""quoth's one exception hierarchy.

    QuothError
    ├── InputError          an input that cannot be read as an article (names the input)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── UndecodableInput
    │   └── NoArticle       HTML (or text) in which no article body was found
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


class ModelUnavailable(QuothError):
    """``--model accurate`` without torch/transformers or without the shipped weights."""
