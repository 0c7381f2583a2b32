"""Progress of one long document's extraction, for the command line (issue 12, section 4).

The extraction core stays pure: :func:`quoth.extract` takes an optional ``progress`` callable and
calls it as ``progress(stage, done, total)`` (``parse`` per batch of paragraphs, then
``attributions``, ``speakers`` and ``dates`` as each starts, then ``done``). Only the CLI decides to
show it: :func:`progress_for` gives a reporter writing one updating line to stderr for a document
over :data:`LONG_DOCUMENT_CHARS`, when stderr is a terminal or ``--progress`` was given.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]

# A document this long (in characters, about 200 KB) takes tens of seconds: worth a progress line.
LONG_DOCUMENT_CHARS = 200_000


class StderrProgress:
    """``name: parse 1,024/2,538 paragraphs (12 s)``, rewritten in place; a newline when done."""

    def __init__(self, name: str, stream: TextIO | None = None) -> None:
        self.name = name
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        if stage == "done":
            self.stream.write(f"\r{self.name}: extracted in {elapsed:.0f} s\033[K\n")
        elif stage == "parse":
            self.stream.write(f"\r{self.name}: parse {done:,}/{total:,} paragraphs ({elapsed:.0f} s)\033[K")
        else:
            self.stream.write(f"\r{self.name}: {stage} ({elapsed:.0f} s)\033[K")
        self.stream.flush()


def progress_for(name: str, chars: int, forced: bool = False, stream: TextIO | None = None) -> Progress | None:
    """A stderr reporter for a long document (over :data:`LONG_DOCUMENT_CHARS`), when stderr is a
    terminal or ``forced`` (``quoth extract --progress``); None otherwise."""
    stream = stream if stream is not None else sys.stderr
    if chars <= LONG_DOCUMENT_CHARS or not (forced or stream.isatty()):
        return None
    return StderrProgress(name, stream)
