"""Issue 12, section 4 (linear cost): every helper that used to scan all quotations, zones,
contents, entities or people per token or per quote now answers from an index. Each test here
runs the new helper and the scan it replaced (kept below, verbatim, as the reference) on many
small random inputs and real sentences, and asks for the same answers."""

from __future__ import annotations

import random

import pytest

from quoth.extraction import attributions, quotations, spans
from quoth.extraction.offsets import QuoteIndex, SpanIndex, quote_index
from quoth.extraction.quotemarks import Quotations, QuotedSpan, find_quotes
from quoth.extraction.sources import _whole_name
from quoth.model import Quote

# --- the scans as they were -------------------------------------------------------------------


def old_in_quotation(span, quoted):
    return any(s <= span[0] and span[1] <= e for q in quoted for s, e in q.pieces)


def old_is_quotation(span, quoted):
    for q in quoted:
        for s, e in q.pieces:
            if s <= span[0] + 1 and span[1] - 1 <= e and (span[1] - span[0]) >= 0.8 * (e - s):
                return True
    return False


def old_inside(zones, start, end):
    return any(s <= start and end <= e + 1 or (s <= start < e) for s, e in zones)


def old_overlaps(span, spans_):
    return any(span[0] < e and s < span[1] for s, e in spans_)


def old_link_parents(quotes):
    for i, q in enumerate(quotes):
        if q.cue is None:
            continue
        best = None
        for j, other in enumerate(quotes):
            if j == i:
                continue
            if any(s <= q.cue[0] and q.cue[1] <= e for s, e in other.content):
                if best is None or (other.end - other.start) < (quotes[best].end - quotes[best].start):
                    best = j
        q.parent = best


def old_quote_type(content, quoted):
    pieces = [p for q in quoted for p in q.pieces]
    if all(old_is_quotation(p, quoted) for p in content):
        return "direct"
    if any(old_overlaps(p, content) for p in pieces):
        return "mixed"
    return "indirect"


def old_dedupe(quotes):
    by_cue, out = {}, []
    for q in quotes:
        if q.cue in by_cue:
            continue
        by_cue[q.cue] = q
        out.append(q)
    keep = []
    for q in out:
        twin = next((k for k in keep if k.content == q.content), None)
        if twin is None:
            keep.append(q)
        elif twin.source is None and q.source is not None:
            keep[keep.index(twin)] = q
    return keep


def old_clip(quote, zones):
    if quote.cue is not None and not old_inside(zones, quote.cue[0], quote.cue[1]):
        return None
    pieces = []
    for s, e in quote.content:
        for zs, ze in zones:
            if s < ze and zs < e:
                pieces.append((max(s, zs), min(e, ze)))
    if not pieces:
        return None
    quote.content = pieces
    if quote.source is not None and not old_overlaps(quote.source, zones):
        quote.source = None
    return quote


def old_claimed_elsewhere(qs, quotes, owner, quoted):
    for other in quotes:
        if other is owner or other.cue is None or old_in_quotation(other.cue, quoted):
            continue
        if any(old_overlaps(p, other.content) for p in qs.pieces):
            return True
    return False


def old_whole_name(text, source, quoted):
    import re

    prefix = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}")
    for q in quoted:
        if 0 < source[0] - q.end <= 40:
            m = prefix.fullmatch(text, q.end + 1, source[0]) if text[q.end] == " " else None
            if m is not None:
                return (m.start(), source[1])
    return source


# --- random inputs ----------------------------------------------------------------------------


def random_spans(rng, n, limit=200, longest=30):
    out = []
    for _ in range(n):
        s = rng.randrange(limit)
        out.append((s, s + rng.randint(1, longest)))
    return out


def random_quoted(rng, limit=300):
    """Disjoint quotations in text order (as find_quotes gives them), some of several pieces."""
    out, at = [], rng.randint(0, 5)
    while at < limit:
        pieces = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            length = rng.randint(2, 25)
            pieces.append((at, at + length))
            at += length + rng.randint(1, 8)
        out.append(QuotedSpan(pieces))
        at += rng.randint(0, 20)
    return Quotations(out)


def random_quotes(rng, n=12, limit=300):
    quotes = []
    for _ in range(n):
        content = sorted(random_spans(rng, rng.randint(1, 3), limit))
        cue = rng.choice([None, *random_spans(rng, 2, limit, 6)])
        source = rng.choice([None, *random_spans(rng, 2, limit, 10)])
        quotes.append(Quote(content=content, cue=cue, source=source))
    return quotes


SEEDS = range(300)


# --- the index itself -------------------------------------------------------------------------


def test_span_index_answers_as_scans_do():
    for seed in range(50):
        rng = random.Random(seed)
        items = random_spans(rng, rng.randint(0, 25))
        index = SpanIndex(items, range(len(items)))
        growing = SpanIndex()
        for n, span in enumerate(items):
            growing.add(span, n)  # out of order: insertion keeps the reach right
        for _ in range(60):
            a = rng.randrange(-5, 240)
            b = a + rng.randint(-2, 40)
            for idx in (index, growing):
                assert idx.contains(a, b) == any(s <= a and b <= e for s, e in items)
                assert idx.overlaps(a, b) == old_overlaps((a, b), items)
                assert sorted(idx.overlapping(a, b)) == sorted((s, e, n) for n, (s, e) in enumerate(items) if s < b and a < e)
                assert sorted(idx.containing(a, b)) == sorted((s, e, n) for n, (s, e) in enumerate(items) if s <= a and b <= e)
                assert sorted(idx.starting_between(a, b)) == sorted((s, e, n) for n, (s, e) in enumerate(items) if a <= s <= b)


def test_quote_index_answers_as_scans_do():
    for seed in range(50):
        rng = random.Random(seed)
        quoted = random_quoted(rng)
        index = QuoteIndex(quoted)
        for _ in range(60):
            a = rng.randrange(-5, 320)
            b = a + rng.randint(0, 60)
            assert index.first_from(a) == next((n for n, q in enumerate(quoted) if q.start >= a), None)
            assert index.ending_between(a, b) == [n for n, q in enumerate(quoted) if a <= q.end <= b]
            assert index.any_within(a, b) == any(a <= q.start and q.end <= b for q in quoted)
        assert quote_index(quoted) is quote_index(quoted)  # built once, kept on find_quotes' result


# --- the span helpers -------------------------------------------------------------------------


def test_span_helpers_as_before():
    for seed in SEEDS:
        rng = random.Random(seed)
        quoted = random_quoted(rng)
        plain = list(quoted)  # a plain list is indexed on the fly: the same answers
        zones = sorted(random_spans(rng, rng.randint(1, 8), 300, 60))
        for _ in range(40):
            a = rng.randrange(0, 320)
            span = (a, a + rng.randint(1, 40))
            for q in (quoted, plain):
                assert spans._in_quotation(span, q) == old_in_quotation(span, q)
                assert spans._is_quotation("", span, q) == old_is_quotation(span, q)
                assert spans._opens_quotation(span, q) == any(x.start == span[0] for x in q)
            assert spans._inside(zones, *span) == old_inside(zones, *span)
            assert spans._inside(SpanIndex(zones), *span) == old_inside(zones, *span)
        for q in quoted:  # whole pieces, give or take a character: the direct-quote test
            for s, e in q.pieces:
                for span in ((s, e), (s + 1, e - 1), (s, e - 3), (s - 1, e + 1)):
                    assert spans._is_quotation("", span, quoted) == old_is_quotation(span, quoted)


# --- the attribution helpers ------------------------------------------------------------------


def fields(quotes):
    return [(q.content, q.cue, q.source, q.parent) for q in quotes]


def test_link_parents_as_before():
    for seed in SEEDS:
        rng = random.Random(seed)
        new, old = random_quotes(rng), None
        old = [Quote(content=list(q.content), cue=q.cue, source=q.source) for q in new]
        attributions._link_parents(new)
        old_link_parents(old)
        assert fields(new) == fields(old)


def test_quote_type_dedupe_and_clip_as_before():
    for seed in SEEDS:
        rng = random.Random(seed)
        quoted = random_quoted(rng)
        quotes = random_quotes(rng)
        for q in quotes:
            assert attributions._quote_type("", q.content, quoted) == old_quote_type(q.content, quoted)
        # quotes sharing cues and contents, as the rules make them
        twins = quotes + [Quote(content=list(q.content), cue=None if n % 2 else q.cue, source=q.source or (1, 2))
                          for n, q in enumerate(quotes[:6])]
        assert attributions._dedupe(twins) == old_dedupe(twins)
        zones = sorted(set(random_spans(rng, rng.randint(1, 8), 300, 60)))
        for q in quotes:
            copy = Quote(content=list(q.content), cue=q.cue, source=q.source)
            new = attributions._clip(copy, zones)
            old = old_clip(Quote(content=list(q.content), cue=q.cue, source=q.source), zones)
            assert (new is None) == (old is None)
            if new is not None:
                assert (new.content, new.source) == (old.content, old.source)


def test_claimed_elsewhere_as_before_while_contents_grow():
    for seed in SEEDS:
        rng = random.Random(seed)
        quoted = random_quoted(rng)
        quotes = random_quotes(rng)
        claims = quotations._Claims(quotes, quoted)
        for _ in range(20):
            qs, owner = rng.choice(quoted), rng.choice(quotes)
            assert claims.claimed_elsewhere(qs, owner) == old_claimed_elsewhere(qs, quotes, owner, quoted)
            assert quotations._claimed_elsewhere(qs, quotes, owner, quoted) == old_claimed_elsewhere(qs, quotes, owner, quoted)
            grown = rng.choice(quotes)  # _add_following_pieces gives a quote more pieces
            grown.content.extend(qs.pieces)
            claims.extend(grown, qs.pieces)


def test_any_between_as_before():
    rng = random.Random(1)
    for _ in range(300):
        offsets = sorted(rng.randrange(100) for _ in range(rng.randint(0, 10)))
        a = rng.randrange(100)
        b = a + rng.randint(0, 20)
        assert quotations._any_between(offsets, a, b) == any(a <= o < b for o in offsets)


def test_whole_name_as_before():
    text = '"We will not," Tulsa police Chief Chuck Jordan said. "No," ABC News and Jane Roe said.'
    quoted = find_quotes(text)
    for start in range(len(text)):
        for end in (start + 3, start + 12):
            if end <= len(text):
                assert _whole_name(text, (start, end), quoted) == old_whole_name(text, (start, end), quoted)


def test_find_quotes_reopening_piece_as_before():
    """'"We will win.  "And soon," she added.': the piece left open ends before the new mark (the
    end was ``len(text[:m.start()].rstrip())``, a copy of the text so far per such mark)."""
    text = 'Intro.\n"We will win.  "And soon," she added.'
    (first, second) = find_quotes(text)
    assert text[first.start : first.end] == '"We will win.'
    assert text[second.start : second.end] == '"And soon,"'


# --- the speaker stage's lookups --------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed():
    from quoth.pipeline import parse_article

    text = (
        "Russian President Vladimir Putin met Joe Biden in Geneva on Monday.\n\n"
        "Mr. Putin said the talks were useful, according to the Kremlin. Biden told reporters that "
        "the United Nations and NATO would be briefed. The poll by Gallup showed support.\n\n"
        "Michelle Obama and Barack Obama spoke. Mrs. Obama said she was glad. Obama said the Reuters "
        "report was wrong. Hillary Clinton and McClenney agreed; McLenney said so.\n"
    )
    return parse_article(text)


def test_entity_lookups_as_the_scans(parsed):
    from quoth.nlp import doc_ents, ent_at

    assert doc_ents(parsed) == parsed.ents
    for tok in parsed:
        assert ent_at(parsed, tok.i) == next((e for e in parsed.ents if e.start <= tok.i < e.end), None)


def test_noun_chunks_by_lemma_as_the_sorted_scan(parsed):
    from quoth.nlp import chunks_by_lemma, lemma

    groups = chunks_by_lemma(parsed, lemma)
    for word in {lemma(c.root).lower() for c in parsed.noun_chunks}:
        scan = [c for c in sorted(parsed.noun_chunks, key=lambda c: -c.start) if lemma(c.root).lower() == word]
        assert groups[word] == scan


def test_people_lookups_as_the_scans(parsed):
    from rapidfuzz.distance import Levenshtein

    from quoth.speakers.article import _Article
    from quoth.speakers.named_sources import _person_named
    from quoth.speakers.names import _surname

    article = _Article(parsed, 0)
    people = article.people
    assert len(people) >= 4
    words = {w.lower() for p in people for f in p.forms for w in f} | {"mclenney", "obamas", "nobody"}
    for word in words:
        names = article.names
        assert names._indexed("full surname", word) == [
            p for p in people if any(len(f) >= 2 and _surname(f) == word for f in p.forms)]
        assert names._indexed("surname", word) == [p for p in people if any(_surname(f) == word for f in p.forms)]
        assert names._indexed("first", word) == [p for p in people if any(f[0].lower() == word for f in p.forms)]
        assert names._indexed("full first", word) == [
            p for p in people if any(len(f) >= 2 and f[0].lower() == word for f in p.forms)]
        assert names._indexed("opening", word) == [p for p in people if p.forms[0][0].lower() == word]
        near = [p for p in people if any(len(f) >= 2 and len(_surname(f)) >= 5
                                         and Levenshtein.distance(_surname(f), word) == 1 for f in p.forms)]
        assert [p for p in near if p in names._indexed("near", word)] == near  # a superset, in order
    for person in people:
        for name in [person.name, *person.written]:
            scan = next((p for p in people if p.name == name), None) or next(
                (p for p in people if name in p.written), None)
            assert _person_named(article, name) is scan
    for tok in parsed:
        assert article.mention_covering(tok.i) == next(
            (m for m in article.mentions if m.first <= tok.i <= m.last), None)
        assert list(article.names.mentions_before(tok.i)) == [m for m in reversed(article.mentions) if m.first < tok.i]


def test_layout_without_dateline_as_before():
    """The opening's check (``i < 15`` first) changes no layout: long or short, with or without a
    dateline."""
    from quoth.layout import segment

    body = "\n".join(f"Paragraph {n} says that the council met again on the matter of the budget." for n in range(40))
    for text in (body, "MOSCOW, May 31. /TASS/. " + body, "A Headline\n" + body):
        layout = segment(text)
        assert layout.body and all(0 <= s < e <= len(text) for s, e in layout.body)
    assert segment("A Headline\n" + body).headline == (0, len("A Headline"))
