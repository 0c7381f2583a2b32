"""The record a reader hands to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a news article is rarely over 1 MB; 20 MB is surely not one


@dataclass
class Document:
    """One input's text and what the reader learnt beside it.

    ``meta`` keys the pipeline understands: ``published`` (ISO date) with ``published_source``
    (where it came from: ``sidecar``, ``meta tag``, ...), ``title``, ``url``, ``outlet``.
    """

    text: str
    doc: str
    path: str | None = None
    format: str = "text"  # "text" | "html"
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
