"""Paths, folders, stdin and sidecars to :class:`Document` records.

A ``.json`` file beside an input with the same stem (``a.txt`` + ``a.json``) is its metadata sidecar:
``published``/``date``, ``title``, ``url``, ``outlet``/``publisher``. An explicit outlet is kept as
given unless it is junk (see :mod:`quoth.reading.outlets`); a ``url`` alone names the outlet by its site.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from quoth.errors import InputError
from quoth.reading.document import DEFAULT_MAX_BYTES, Document
from quoth.reading.outlets import outlet_name, plausible_site_name, registered_domain
from quoth.reading.text import check_size, decode

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
ARTICLE_SUFFIXES = SUFFIXES  # one document per file; archives are in quoth.reading.sources
SIDECAR_KEYS = {"published": "published", "date": "published", "title": "title", "url": "url",
                "outlet": "outlet", "publisher": "outlet", "author": "author"}


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted, article suffixes only); files are kept as given."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.name.lower().endswith(SUFFIXES):
                    yield child
        else:
            yield p


def doc_name(path: Path) -> str:
    """The file's stem without any of the known suffixes (``a.html.gz`` -> ``a``)."""
    name = path.name
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a :class:`Document`; raises :class:`~quoth.errors.InputError` naming it."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(name, f"cannot be read: {e.strerror or e}") from None
    if path.is_dir():
        raise InputError(name, "is a folder; give files, or the folder to read it recursively")
    check_size(name, size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot be read: {e.strerror or e}") from None
    lower = path.name.lower()
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise InputError(name, f"is not a readable gzip file: {e}") from None
    fmt = "html" if lower.endswith(HTML_SUFFIXES) else "text"
    document = read_bytes(data, doc_name(path), name=name, format=fmt, max_bytes=max_bytes)
    document.path = name
    _apply_sidecar(document, path)
    return document


def read_bytes(
    data: bytes,
    doc: str,
    name: str | None = None,
    format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Decode bytes (a file's or stdin's) into a :class:`Document`.

    ``format`` is ``text``, ``html`` or ``auto`` (HTML if it starts like markup).
    """
    name = name or doc
    text, warnings = decode(name, data, max_bytes)
    if format == "auto":
        head = text.lstrip()[:200].lower()
        format = "html" if head.startswith(("<!doctype html", "<html", "<?xml")) else "text"
    if format == "html":
        from quoth.reading.html import extract_html

        body, meta, html_warnings = extract_html(name, text)
        return Document(text=body, doc=doc, format="html", meta=meta, warnings=warnings + html_warnings)
    return Document(text=text, doc=doc, format="text", warnings=warnings)


def _apply_sidecar(document: Document, path: Path) -> None:
    sidecar = path.with_name(doc_name(path) + ".json")
    if not sidecar.is_file():
        return
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        document.warnings.append(f"{sidecar}: sidecar ignored, not readable JSON ({e})")
        return
    if not isinstance(data, dict):
        document.warnings.append(f"{sidecar}: sidecar ignored, not a JSON object")
        return
    page_url, page_outlet = document.meta.get("url"), document.meta.get("outlet")
    for key, target in SIDECAR_KEYS.items():
        if data.get(key):  # the sidecar is explicit, so it wins over what the page says
            document.meta[target] = data[key]
            if target == "published":
                document.meta["published_source"] = f"sidecar {sidecar.name}"
    _sidecar_outlet(document, sidecar, data, page_url, page_outlet)


def _sidecar_outlet(document: Document, sidecar: Path, data: dict, page_url, page_outlet) -> None:
    """The outlet after a sidecar (issue #10).

    An explicit ``outlet``/``publisher`` is kept as given, unless it does not look like a name
    (``Copyright 2014``, a URL): then the site names the outlet (see :func:`outlet_name`), with a
    warning. A sidecar ``url`` without an outlet names it the same way. Either way the page's own
    outlet counts only if the page is on the same site as the URL (or gave no URL).
    """
    url = document.meta.get("url")
    url = url if isinstance(url, str) else None
    same_site = not page_url or not url or registered_domain(page_url) == registered_domain(url)
    from_site = outlet_name(url, page_outlet if same_site else None) if url else page_outlet
    explicit = next((data[key] for key in ("outlet", "publisher") if data.get(key)), None)
    if explicit is not None:
        if isinstance(explicit, str) and plausible_site_name(explicit):
            return
        if from_site:
            document.meta["outlet"] = from_site
            document.warnings.append(f"{sidecar}: outlet {explicit!r} does not look like a name; "
                                     f"used {from_site!r} from the site")
        else:
            del document.meta["outlet"]
            document.warnings.append(f"{sidecar}: outlet {explicit!r} does not look like a name and "
                                     "there is no URL to name the site; outlet left out")
    elif data.get("url") and from_site:
        document.meta["outlet"] = from_site
