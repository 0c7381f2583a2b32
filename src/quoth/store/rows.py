"""What one article and its quotes become as rows: shared by per-article ingest and the bulk load.

The key of idempotence (:func:`content_hash`), what makes two versions one article
(:func:`article_key`), and the column values of an ``articles`` row (:func:`article_values`) and a
``quotes`` row (:func:`quote_values`), so both ingest routes store the same thing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from typing import Any

from quoth.model import Article, Quote
from quoth.store.common import parse_date


def content_hash(text: str, meta: dict[str, Any] | None = None) -> str:
    """The key of idempotence: SHA-256 of the text with the URL and outlet it was read with.

    A :class:`~quoth.reading.Document` and the :class:`~quoth.model.Article` extracted from it
    hash alike (both carry the reader's ``meta``), so an unchanged file is skipped before extraction.

    Example:
        >>> content_hash("a")[:12], content_hash("a", {"outlet": "TASS"})[:12]
        ('915732a3799c', '4c9f93e7833c')
    """
    meta = meta or {}
    fields = [text, meta.get("url"), meta.get("outlet")]
    if meta.get("extraction"):  # non-default extraction options (``quoth ingest --year-range``)
        fields.append(meta["extraction"])
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_key(url: str | None, path: str | None, digest: str) -> str:
    """What makes two versions one article: its URL, else its path, else its content."""
    if url:
        return f"url:{url}"
    if path:
        return f"path:{path}"
    return f"sha256:{digest}"


def identify(article: Article) -> tuple[str, str]:
    """An article's ``(key, content hash)``."""
    digest = content_hash(article.text, article.meta)
    return article_key(article.meta.get("url") or None, article.path, digest), digest


def outlet_name(value: Any) -> tuple[str, str] | None:
    """An outlet's ``(name, key)`` from a reader's ``meta["outlet"]``; ``None`` if there is none."""
    if value is None or not str(value).strip():
        return None
    name = " ".join(str(value).split())
    return name, name.casefold()


def article_values(article: Article, key: str, digest: str, outlet_id: int | None) -> dict[str, Any]:
    """The ``articles`` row of an article."""
    return dict(
        key=key,
        content_hash=digest,
        doc=article.doc,
        path=article.path,
        url=article.meta.get("url") or None,
        outlet_id=outlet_id,
        headline=article.headline_text,
        published=parse_date(article.published),
        text=article.text,
        meta=jsonable(article.meta),
        ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
    )


def quote_text(article: Article, q: Quote) -> str:
    """A quote's text: as extracted, else its content pieces joined with an ellipsis."""
    return q.text or " … ".join(article.text[s:e] for s, e in q.content)


def quote_values(
    q: Quote,
    idx: int,
    text: str,
    article_id: int,
    speaker_id: int | None,
    role: str | None,
    outlet_id: int | None,
    published: date | None,
    cluster_id: int,
    norm_hash: int,
) -> dict[str, Any]:
    """The ``quotes`` row of an article's ``idx``-th quote."""
    said_on = parse_date(q.said_on)
    return dict(
        article_id=article_id,
        idx=idx,
        type=q.type if q.type in ("direct", "indirect", "mixed") else "indirect",
        text=text,
        spans=spans(q),
        speaker_id=speaker_id,
        speaker_name=q.speaker,
        speaker_role=role,
        speaker_type=q.speaker_type,
        said_on=said_on,
        date=said_on or published,
        outlet_id=outlet_id,
        cluster_id=cluster_id,
        norm_hash=norm_hash,
    )


def recorded(article: Article) -> list[tuple[int, Quote]]:
    """The attributions the record keeps, each with its index in ``article.quotes``: statements,
    not phrases ("Quirin denied *any sexual activity*": an attribution, but its content says
    nothing on its own), nor a clause reported by a verb that is no saying or thinking ("they
    *voted* for ..."), nor an outlet's relay of words it gives to their speaker, nor the
    writer's or reader's words, nor a song's, nor a question still open, nor a statement whose
    source is someone particular quoth could not name (:mod:`quoth.extraction.forms`)."""
    return [(i, q) for i, q in enumerate(article.quotes) if q.form not in NOT_RECORDED]


# the forms of attribution the record leaves out (quoth.extraction.forms)
NOT_RECORDED = {"phrase", "act", "relay", "narration", "lyric", "question", "unresolved"}


def spans(q: Quote) -> dict[str, Any]:
    """A quote's spans as stored (``quotes.spans``)."""

    def span(s):
        return None if s is None else [s[0], s[1]]

    return {
        "content": [[s, e] for s, e in q.content],
        "cue": span(q.cue),
        "source": span(q.source),
        "addressee": span(q.addressee),
        "channel": span(q.channel),
        "parent": q.parent,
    }


def jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(meta, default=str))


__all__ = ["article_key", "article_values", "content_hash", "identify", "outlet_name", "quote_text", "quote_values",
           "recorded"]
