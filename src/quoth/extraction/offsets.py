"""Indexes over character spans, so that a long document costs in proportion to its length.

The rules ask, for every token and every attribution, "is this offset inside a quotation?",
"which quotation ends just before the cue?", "does this content overlap another's?". Asked by
scanning every quotation or attribution, those questions made extraction quadratic: a 2 MB
document did not finish in ten minutes. :class:`SpanIndex` (spans sorted by start, with the
running maximum of their ends) and :class:`QuoteIndex` (the same over a document's quotations)
answer them by bisection, with exactly the answers of the scans they replace.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from quoth.extraction.quotemarks import Quotations, QuotedSpan
from quoth.model import Span


class SpanIndex:
    """Spans ``(start, end)``, each with an optional payload, sorted by start.

    ``reach[i]`` is the largest end among the first ``i + 1`` spans: whether any span starting at
    or before an offset reaches past another is one bisection and one lookup.
    """

    def __init__(self, spans: Iterable[Span] = (), payloads: Iterable[Any] | None = None) -> None:
        spans = list(spans)
        items = zip(spans, payloads if payloads is not None else itertools.repeat(None))
        # sorted by start, then end, then input order (stable): the order a sorted() list has
        self.items = sorted(((s, e, n, p) for n, ((s, e), p) in enumerate(items)), key=lambda t: t[:3])
        self.starts = [t[0] for t in self.items]
        self.reach = list(itertools.accumulate((t[1] for t in self.items), max))

    def __len__(self) -> int:
        return len(self.items)

    def add(self, span: Span, payload: Any = None) -> None:
        """One more span (cheap when spans come in text order, as the rules add them)."""
        item = (span[0], span[1], len(self.items), payload)
        at = bisect_right(self.starts, span[0])
        if at == len(self.items):
            self.items.append(item)
            self.starts.append(span[0])
            self.reach.append(max(self.reach[-1], span[1]) if self.reach else span[1])
            return
        pos = bisect_right(self.items, item[:3], key=lambda t: t[:3])
        self.items.insert(pos, item)
        self.starts.insert(pos, span[0])
        ends = (t[1] for t in self.items[pos:])
        if pos:
            self.reach[pos:] = list(itertools.accumulate(ends, max, initial=self.reach[pos - 1]))[1:]
        else:
            self.reach[:] = list(itertools.accumulate(ends, max))

    def contains(self, start: int, end: int) -> bool:
        """Whether some span has ``s <= start`` and ``end <= e``."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has ``s < end`` and ``start < e`` (``spans._overlaps``)."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        """Every ``(s, e, payload)`` with ``s < end`` and ``start < e``, in sorted order."""
        out = []
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            s, e, _, payload = self.items[j]
            if e > start:
                out.append((s, e, payload))
            j -= 1
        out.reverse()
        return out

    def containing(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        """Every ``(s, e, payload)`` with ``s <= start`` and ``end <= e``, in sorted order."""
        out = []
        j = bisect_right(self.starts, start) - 1
        while j >= 0 and self.reach[j] >= end:
            s, e, _, payload = self.items[j]
            if e >= end:
                out.append((s, e, payload))
            j -= 1
        out.reverse()
        return out

    def starting_between(self, lo: int, hi: int) -> list[tuple[int, int, Any]]:
        """Every ``(s, e, payload)`` with ``lo <= s <= hi``, in sorted order."""
        a, b = bisect_left(self.starts, lo), bisect_right(self.starts, hi)
        return [(s, e, p) for s, e, _, p in self.items[a:b]]



def any_between(sorted_offsets: list[int], start: int, end: int) -> bool:
    """Whether some offset ``o`` of the sorted list has ``start <= o < end``."""
    i = bisect_left(sorted_offsets, start)
    return i < len(sorted_offsets) and sorted_offsets[i] < end


class QuoteIndex:
    """A document's quotations (in text order, as :func:`find_quotes` gives them), indexed by
    their pieces, their starts and their ends."""

    def __init__(self, quoted: list[QuotedSpan]) -> None:
        self.size = len(quoted)
        self.pieces = SpanIndex(p for q in quoted for p in q.pieces)
        self.starts = [q.start for q in quoted]
        self.start_set = set(self.starts)
        self.by_end = sorted((q.end, n) for n, q in enumerate(quoted))
        self._ends = [e for e, _ in self.by_end]
        self._ends_by_position = [q.end for q in quoted]
        self._sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def first_from(self, offset: int) -> int | None:
        """Position of the first quotation (in list order) starting at or after ``offset``."""
        if self._sorted:
            n = bisect_left(self.starts, offset)
            return n if n < self.size else None
        return next((n for n, s in enumerate(self.starts) if s >= offset), None)

    def ending_between(self, lo: int, hi: int) -> list[int]:
        """Positions (in list order) of the quotations whose end is in ``[lo, hi]``."""
        a, b = bisect_left(self._ends, lo), bisect_right(self._ends, hi)
        return sorted(n for _, n in self.by_end[a:b])

    def any_within(self, start: int, end: int) -> bool:
        """Whether a whole quotation lies in ``[start, end]`` (``start <= q.start``, ``q.end <= end``)."""
        if not self._sorted:
            return any(start <= s and e <= end for s, e in zip(self.starts, self._ends_by_position))
        n = bisect_left(self.starts, start)
        while n < self.size and self.starts[n] <= end:
            if self._ends_by_position[n] <= end:
                return True
            n += 1
        return False

    def is_quotation(self, span: Span) -> bool:
        """``spans._is_quotation``: a piece holding ``span`` (a character of slack at each end)
        that ``span`` covers at least four fifths of. Such a piece starts no earlier than
        ``end - 1 - 1.25 * (end - start)``; only pieces starting from there are looked at."""
        a, b = span
        lo = int(b - 1 - 1.25 * (b - a)) - 2
        for s, e, _ in self.pieces.starting_between(lo, a + 1):
            if s <= a + 1 and b - 1 <= e and (b - a) >= 0.8 * (e - s):
                return True
        return False


def quote_index(quoted: list[QuotedSpan]) -> QuoteIndex:
    """The index of ``quoted``: built once for :func:`find_quotes`'s result and kept on it, built
    afresh (one pass, as a scan would cost) for any other list."""
    if isinstance(quoted, Quotations):
        index = quoted.quote_index
        if index is None or index.size != len(quoted):
            index = quoted.quote_index = QuoteIndex(quoted)
        return index
    return QuoteIndex(quoted)
