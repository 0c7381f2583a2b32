"""Opaque page tokens (``_next``): the keyset of the last row shown, with the sort it belongs to.

A token is URL-safe base64 of a small JSON list; it is not secret (it holds only a score or a date
and an id) but it is checked, so a token that was edited or truncated is a 400, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json

from quoth.errors import UsageError

MAX_TOKEN = 200


def encode(sort: str, key: list | None) -> str | None:
    """The token for the page after ``key`` in ``sort`` order (``None`` when there is none).

    Example:
        >>> decode(encode("latest", [False, "2016-11-09", 12]), "latest")
        [False, '2016-11-09', 12]
    """
    if key is None:
        return None
    raw = json.dumps([sort, key], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(token: str | None, sort: str) -> list | None:
    """The key a token carries, checked against the sort it is used with.

    Raises:
        UsageError: a token that is not one of ours, or one from a search with another sort.
    """
    if token is None or token == "":
        return None
    bad = UsageError(f"_next {token[:40]!r} is not a page token from this server: follow the 'next' link")
    if len(token) > MAX_TOKEN:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
        raise bad
    if data[0] != sort:
        raise UsageError(f"_next belongs to a search sorted by {data[0]!r}, not {sort!r}")
    return data[1]
