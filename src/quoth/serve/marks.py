"""Article text as HTML with attribution spans marked, and search highlights, always escaped.

Spans are the store's character offsets into the article text. Nested and overlapping spans (a
quote inside a quote, a cue inside a mixed quote) are cut at every boundary and each piece wrapped
in the marks active over it, so the HTML is always well nested. Every character of article text
passes through :func:`markupsafe.escape`: an article quoting ``<script>`` shows it as text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

KINDS = ("content", "cue", "source")


def spans_of(quote: dict[str, Any]) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` for a stored quote's content pieces, cue and source."""
    spans = quote.get("spans") or {}
    out = [(int(s), int(e), "content") for s, e in spans.get("content") or []]
    for kind in ("cue", "source"):
        span = spans.get(kind)
        if span:
            out.append((int(span[0]), int(span[1]), kind))
    return out


def mark_text(text: str, marked: list[tuple[int, int, str, int | None]]) -> Markup:
    """``text`` escaped, with ``<mark class="KIND">`` around each ``(start, end, kind, quote_id)``
    (the quote id, if given, becomes ``data-quote`` so a page can tell its quotes apart)."""
    n = len(text)
    spans = [(max(0, s), min(n, e), k, q) for s, e, k, q in marked if k in KINDS and 0 <= s < e]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        active = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        # outermost first: content, then source, then cue
        active.sort(key=lambda sp: (KINDS.index(sp[2]) if sp[2] != "cue" else 9, sp[0], -sp[1]))
        for _s, _e, kind, qid in reversed(active):
            attr = f' data-quote="{int(qid)}"' if qid is not None else ""
            piece = f'<mark class="{kind}"{attr}>{piece}</mark>'
        out.append(piece)
    return Markup("".join(out))


def highlight(value: str | None) -> Markup:
    """A search highlight (matched words between ``<mark>`` and ``</mark>`` in plain text) as safe
    HTML: the text escaped, the store's markers turned into ``<mark class="hit">``."""
    if not value:
        return Markup("")
    out: list[str] = []
    rest = value
    while "<mark>" in rest:
        before, _, rest = rest.partition("<mark>")
        word, _, rest = rest.partition("</mark>")
        out.append(str(escape(before)))
        out.append(f'<mark class="hit">{escape(word)}</mark>')
    out.append(str(escape(rest)))
    return Markup("".join(out))
