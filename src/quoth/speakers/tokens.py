"""Small helpers every step of speaker resolution shares.

Token tests (a quotation mark, a possessive, a proper noun), reading a source span, the record a
step returns (:class:`_Resolution`) and the previous attribution. They live apart so that the
step modules (names, roles, organisations, pronouns, descriptions) can all use them without
importing one another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoth.nlp import doc_text, ent_at

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

    from quoth.model import Quote

# Determiners that make a noun phrase indefinite ("a spokesman", "several officials").
_INDEFINITES = {
    "a", "an", "one", "another", "some", "any", "several", "many", "few", "most", "other",
    "certain", "no", "each", "every", "various", "numerous", "two", "three",
}
_APOSTROPHES = "'\u2019"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


@dataclass
class _Resolution:
    """What a step found for one source: the speaker's name and role, and what kind of speaker."""

    speaker: str | None = None
    role: str | None = None
    kind: str | None = None  # "person", "org", "place", "group" or None (see SPEAKER_TYPES)
    person: int | None = None


# Kinds of speaker that are never "he" or "she".
NOT_PEOPLE = frozenset({"org", "place", "group"})
# A resolution's kind as the output contract writes it (``Quote.speaker_type``).
SPEAKER_TYPES = {"person": "person", "org": "organisation", "place": "place", "group": "group"}


def _is_quote_mark(tok: Token) -> bool:
    return tok.is_quote and tok.text not in _APOSTROPHES


def _is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in _APOSTROPHES


def _is_proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG")


def _in_same_ent(a: Token, b: Token) -> bool:
    if a.ent_iob_ == "":
        return False
    ent = ent_at(a.doc, a.i)  # the one entity that can hold ``a``
    return ent is not None and a in ent and b in ent


def _text_of(doc: Doc, words: list[Token]) -> str:
    return doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1])]


def _source_span(doc: Doc, source: tuple[int, int]) -> Span | None:
    start, end = source
    text = doc_text(doc)
    if not 0 <= start < end <= len(text):
        return None  # not a span of this text: nothing to resolve
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _span_root(span: Span) -> Token:
    """The span's head word; for "Peskov's" or "the Kremlin spokesman" the last noun."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    roots = [t for t in roots if not t.is_punct and t.tag_ != "POS"] or list(span)
    return max(roots, key=lambda t: t.pos_ in ("NOUN", "PROPN", "PRON"))


def _previous(quotes: list[Quote], index: int) -> tuple[int, Quote] | None:
    for j in range(index - 1, -1, -1):
        if quotes[j].speaker is not None:
            return j, quotes[j]
    return None
