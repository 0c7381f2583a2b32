"""Bytes to text: the checks every input goes through, and the decoding fallbacks.

UTF-8 is the norm. cp1252 (a superset of latin-1 for printable text) is tried only when the bytes
are not UTF-8, and is reported as a warning: the offsets then refer to the decoded text, which is
what quoth prints with ``--format json``.
"""

from __future__ import annotations

from quoth.errors import BinaryInput, EmptyInput, TooLarge, UndecodableInput

# Control characters that never occur in text (tab, LF, VT, FF, CR are allowed).
_CONTROL = bytes(range(0, 9)) + bytes([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31])
# A few stray control bytes happen in scraped text; more than this share means not text.
BINARY_CONTROL_SHARE = 0.01


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EmptyInput(name, "the input is empty")
    if size > max_bytes:
        raise TooLarge(
            name,
            f"the input is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
            "raise it with --max-bytes if this really is one article",
        )


def decode(name: str, data: bytes, max_bytes: int) -> tuple[str, list[str]]:
    """Decode ``data`` as text, or raise an :class:`~quoth.errors.InputError` naming ``name``.

    Returns the text and the warnings met on the way (a non-UTF-8 decoding).
    """
    check_size(name, len(data), max_bytes)
    bom = _unicode_bom(data)
    if bom is not None:
        # UTF-16/32 text has NUL bytes by design: decode it before the binary check
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as e:
            raise UndecodableInput(name, f"starts with a {bom.upper()} byte-order mark but is not {bom.upper()} ({e.reason} at byte {e.start})") from None
        if not text.strip():
            raise EmptyInput(name, "the input holds only white space")
        return text, [f"{name}: decoded as {bom.upper()} (byte-order mark); offsets refer to the decoded text"]
    if b"\x00" in data[:8192] or _control_share(data[:65536]) > BINARY_CONTROL_SHARE:
        raise BinaryInput(name, "the input looks binary (NUL or control bytes), not text or HTML")
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UndecodableInput(
                name, f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor cp1252/latin-1"
            ) from None
        warnings.append(f"{name}: not valid UTF-8 (byte {utf8_error.start}); decoded as cp1252")
    if not text.strip():
        raise EmptyInput(name, "the input holds only white space")
    return text, warnings


def _unicode_bom(data: bytes) -> str | None:
    """The codec a UTF-16 or UTF-32 byte-order mark names (its decoder drops the mark)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(sample.count(c) for c in _CONTROL) / len(sample)
