"""The extraction core: one pure function from an article's text to an :class:`Article`.

Stages, each a module of its own, with plain records between them::

    text ─ layout.segment ─ nlp (spaCy) ─ extraction.find_attributions ─ speakers.resolve_speakers
         ─ dates (published, said_on) ─> Article

No I/O, no global state beyond the cached spaCy pipeline: the CLI, the store, the HTTP API and
the batch engine all call :func:`extract` or :func:`extract_document`.
"""

from __future__ import annotations

import itertools
import re

from quoth.dates import infer_published, statement_date
from quoth.errors import UsageError
from quoth.extraction.attributions import finalize, find_attributions
from quoth.extraction.forms import set_forms
from quoth.extraction.interviews import add_turns
from quoth.extraction.offsets import SpanIndex
from quoth.extraction.quotemarks import find_quotes
from quoth.layout import Layout, segment
from quoth.model import MODELS, Article
from quoth.nlp import doc_text, lemma, parse
from quoth.reading.document import Document
from quoth.speakers import resolve_speakers


def extract(
    text: str,
    published: str | None = None,
    *,
    doc: str | None = None,
    path: str | None = None,
    meta: dict | None = None,
    year_range: tuple[int, int] | None = None,
    model: str = "fast",
    progress=None,
) -> Article:
    """Every attribution in one article, with speakers and dates.

    Args:
        text: the article, exactly as read (offsets in the result index into it).
        published: the publication date (ISO ``YYYY-MM-DD``) if the caller knows it.
        doc: an id for the document (the file stem for files).
        path: where the text came from, for the record.
        meta: what a reader found beside the text (``published``, ``title``, ``url``, ``outlet``).
        year_range: bounds for the year when the date must be inferred from a dateline.
        model: ``fast`` (rules over spaCy's parse) or ``accurate`` (the learned tagger of
            issue #3, plus the quotations the rules find; needs ``pip install -e ".[accurate]"``).
        progress: called as ``progress(stage, done, total)`` while a long document is worked on
            (:mod:`quoth.progress`); the result does not depend on it.

    Returns:
        The :class:`~quoth.model.Article`, quotes in text order.

    Example:
        >>> a = extract('"We will win," Jane Doe said on Tuesday.', published="2017-05-31")
        >>> a.quotes[0].speaker, a.quotes[0].said_on
        ('Jane Doe', '2017-05-30')
    """
    meta = dict(meta or {})
    report = progress if progress is not None else _silent
    layout = segment(text)
    zones = layout.zones
    parsed = parse_article(text, layout, progress=progress)
    report("attributions", 0, 1)
    quotes = find_attributions(parsed, zones, headline=layout.headline)
    if model == "accurate":
        quotes = _accurate(text, quotes, zones, layout.headline, parsed)
    elif model != "fast":
        raise UsageError(f"unknown model {model!r}; available: {', '.join(MODELS)}")
    # descriptions in the headline and standfirst may point forward, into the body
    quotes, turns = add_turns(text, zones, quotes, outlet=meta.get("outlet"), headline=layout.headline)
    if turns:
        quotes = finalize_turns(text, quotes, turns, zones, layout.headline)
    body_start = layout.body[0][0] if layout.body else 0
    report("speakers", 0, 1)
    resolve_speakers(parsed, quotes, body_start=body_start)
    quotes = headline_speakers(text, quotes, layout.headline)
    _inherit_speakers(text, quotes, fixed=turns)
    quotes = _drop_own_stances(quotes, lambda span: text[span[0] : span[1]])
    quotes = _drop_reported_own_stances(quotes, parsed)
    set_forms(parsed, quotes, turns, headline=layout.headline)
    report("dates", 0, 1)
    date, reason = infer_published(
        text, layout.dateline, published=published, meta=meta, year_range=year_range
    )
    if date is not None:
        for q in quotes:
            anchor = q.cue or q.content[0]
            sent = parsed.char_span(anchor[0], anchor[1], alignment_mode="expand")
            if sent is not None:
                sentence = (sent.sent.start_char, sent.sent.end_char)
                q.said_on = statement_date(text, sentence, date, cue=q.cue)
    report("done", 1, 1)
    return Article(
        text=text,
        doc=doc,
        path=path,
        headline=layout.headline,
        standfirst=layout.standfirst,
        dateline=layout.dateline,
        published=date,
        published_reason=reason,
        body=layout.body,
        furniture=layout.furniture,
        quotes=quotes,
        meta={k: v for k, v in meta.items() if k != "published"},
    )


def parse_article(text: str, layout: Layout | None = None, progress=None):
    """spaCy's parse of an article as the extraction reads it: sentences also start at each of
    the layout's zones (the end of a dateline, a headline)."""
    layout = layout if layout is not None else segment(text)
    return parse(text, [s for s, _ in layout.zones], progress=progress)


def _silent(stage: str, done: int, total: int) -> None:
    """No progress wanted."""


def _accurate(text: str, rule_quotes, zones, headline, parsed):
    """The learned tagger's attributions, reading the article's parse, plus the rules' trusted
    attributions it missed (issue #3; :func:`quoth.extraction.learned.hybrid`)."""
    from quoth.extraction.learned import finish, hybrid, link, predict_tags, role_spans

    quoted = find_quotes(text, zones, single=headline)
    words, tags = predict_tags(text, doc=parsed)
    zone_index = SpanIndex(zones)
    learned = [q for q in finish(text, link(text, words, tags)) if _in_zones(q, zone_index)]
    pieces = SpanIndex((p for q in quoted for p in q.pieces), itertools.count())
    for q in learned:
        q.content = [_snap(piece, quoted, pieces) for piece in q.content]
    quotes = hybrid(text, learned, rule_quotes, role_spans(words, tags["cue"]))
    for q in quotes:
        q.parent = None
    return finalize(text, quotes, quoted)


def _snap(piece, quoted, pieces: SpanIndex | None = None):
    """A tagged piece that is (nearly) a whole quotation takes the quotation's span, marks
    included, as the rules give it: the tagger leaves the marks out. (``pieces``: the quotations'
    pieces indexed, each with its position, when many are snapped: the first that fits wins.)"""
    s, e = piece
    if pieces is None:
        pieces = SpanIndex((p for q in quoted for p in q.pieces), itertools.count())
    fits = [(n, qs, qe) for qs, qe, n in pieces.containing(s, e) if (e - s) >= SNAP_SHARE * (qe - qs - 2)]
    if fits:
        _, qs, qe = min(fits)
        return (qs, qe)
    return piece


# A tagged piece covering this share of a quotation is that quotation.
SNAP_SHARE = 0.8


def _in_zones(quote, zones) -> bool:
    """No attribution from captions, credits or the dateline (the tagger reads every line).
    ``zones``: a list, or their :class:`SpanIndex` when many quotes are checked."""
    anchor = quote.cue or quote.content[0]
    index = zones if isinstance(zones, SpanIndex) else SpanIndex(zones)
    return index.contains(anchor[0], anchor[0] + 1)  # s <= anchor < e


def extract_document(
    document: Document,
    *,
    published: str | None = None,
    year_range: tuple[int, int] | None = None,
    model: str = "fast",
    progress=None,
) -> Article:
    """:func:`extract` over a reader's :class:`~quoth.reading.Document`, keeping its warnings."""
    article = extract(
        document.text,
        published,
        doc=document.doc,
        path=document.path,
        meta=document.meta,
        year_range=year_range,
        model=model,
        progress=progress,
    )
    article.warnings = list(document.warnings) + article.warnings
    return article


FIRST_PERSON = {"i", "we", "me", "us"}


def headline_speakers(text: str, quotes, headline):
    """A headline quotation with no cue ("Home secretary 'confident' flights will go ahead") is
    the words of whoever the body quotes saying them; unconfirmed by the body, it is dropped."""
    if headline is None:
        return quotes
    kept = []
    for q in quotes:
        if q.cue is None and q.source is None and headline[0] <= q.start < headline[1]:
            words = _words(" ".join(text[s:e] for s, e in q.content))
            said = [b for b in quotes if b is not q and b.start >= headline[1] and b.speaker
                    and words and words <= _words(" ".join(text[s:e] for s, e in b.content))]
            if not said:
                continue
            q.speaker, q.speaker_role, q.speaker_type = said[0].speaker, said[0].speaker_role, said[0].speaker_type
        kept.append(q)
    return _keep(quotes, kept)


def _keep(quotes, kept):
    """``kept`` (a sub-list of ``quotes``, in order) with each ``parent`` index renumbered."""
    position = {id(q): n for n, q in enumerate(kept)}
    for q in kept:
        if q.parent is not None:
            q.parent = position.get(id(quotes[q.parent]))
    return kept


def _drop_own_stances(quotes, text_of):
    """Inside someone's quoted words, "I believe that", "you say that" or "we found that" is that
    speaker's own stance, not a statement of its own (ANNOTATING.md: not split out), and a cue
    there with nobody named ("Could you explain the study") is a fragment of the quotation. Only
    another party quoted inside keeps its own attribution ("Putin made it clear that ...")."""
    def own(q) -> bool:
        if q.parent is None:
            # "How can I promise you'll feel better", "I've realized that": the writer's own voice,
            # outside any quotation, with no author named, reports nobody's statement
            return (q.speaker is None and q.type != "direct" and q.source is not None
                    and text_of(q.source).lower() in FIRST_PERSON)
        outer = quotes[q.parent]
        return outer.type == "direct" and (q.speaker is None or q.speaker == outer.speaker)

    dropped = {id(q) for q in quotes if own(q)}
    if not dropped:
        return quotes
    return _keep(quotes, [q for q in quotes if id(q) not in dropped])


# Verbs of holding a view: 'said they believe X' reports one statement, X, not two.
STANCE_VERBS = {"believe", "think", "feel", "hope", "expect", "suspect", "fear", "consider", "trust", "reckon"}
THIRD_PERSON = {"he", "she", "they", "it"}


def _drop_reported_own_stances(quotes, parsed):
    """'Authorities said they believed a fruit had exploded', 'Smith said he thinks X': the
    speaker's own view opening what they said is their statement, not a second one nested in it
    (ANNOTATING.md: a speaker's own stance is not split out). Only a pronoun that the speaker
    resolution gives the outer speaker (or, both unnamed, nobody) and that opens the outer
    content counts; 'Smith said Jones believes X' and 'he said she thinks X' stay two."""
    text = doc_text(parsed)

    def own(q) -> bool:
        if q.parent is None or q.cue is None or q.source is None:
            return False
        outer = quotes[q.parent]
        if outer.type == "direct" or outer.source is None or q.speaker != outer.speaker:
            return False
        if text[q.source[0] : q.source[1]].lower() not in THIRD_PERSON or q.source[0] != outer.content[0][0]:
            return False
        cue = parsed.char_span(*q.cue, alignment_mode="expand")
        return cue is not None and lemma(cue[-1]) in STANCE_VERBS

    dropped = {id(q) for q in quotes if own(q)}
    if not dropped:
        return quotes
    return _keep(quotes, [q for q in quotes if id(q) not in dropped])


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def finalize_turns(text: str, quotes, turns: set[int], zones, headline):
    """Text order and nesting again once interview turns are in; a turn is verbatim words."""
    quotes = finalize(text, quotes, find_quotes(text, zones, single=headline))
    for q in quotes:
        if id(q) in turns:
            q.type = "direct"
    return quotes


def _inherit_speakers(text: str, quotes, fixed: set[int] = frozenset()) -> None:
    """Speakers the text gives by position rather than by name (issue #2).

    * A cue-less continuation paragraph is the previous attribution's speaker's.
    * "I"/"we" inside a quotation is whoever is quoted: the enclosing attribution's speaker.
    """
    previous = None
    for q in quotes:
        if id(q) in fixed:
            pass  # an interview turn's speaker is its label's, or nobody's ("Q:")
        elif q.cue is None and q.source is None and q.speaker is None and previous is not None:
            q.speaker, q.speaker_role, q.speaker_type = previous.speaker, previous.speaker_role, previous.speaker_type
        if q.parent is None:
            previous = q
    for q in quotes:
        if q.parent is not None and q.source is not None and q.speaker is None:
            if text[q.source[0] : q.source[1]].lower() in FIRST_PERSON:
                outer = quotes[q.parent]
                q.speaker, q.speaker_role, q.speaker_type = outer.speaker, outer.speaker_role, outer.speaker_type
