"""The per-article index the resolver consults: one object composing the article's parts.

:class:`_Article` builds, once per article, the text index (:class:`~quoth.speakers.text._Text`),
the people and their mentions (:class:`~quoth.speakers.mentions._People`) and the organisations
(:class:`~quoth.speakers.organisations._Orgs`), and answers the steps' questions by asking the
part that knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoth.extraction.offsets import SpanIndex
from quoth.speakers.mentions import _People
from quoth.speakers.organisations import _Orgs
from quoth.speakers.text import _Text

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Token

    from quoth.model import Quote
    from quoth.speakers.names import _Mention, _Person
    from quoth.speakers.organisations import _Org


class _Article:
    """Everything the resolver needs to know about one parsed article."""

    def __init__(self, doc: Doc, body_start: int) -> None:
        self.doc = doc
        self.body_start = body_start
        self.text = _Text(doc)
        self.sent_of = self.text.sent_of
        self.names = _People(doc, self.text)
        self.people: list[_Person] = self.names.people
        self.mentions: list[_Mention] = self.names.mentions
        self.organisations = _Orgs(doc, self.text, self.people)
        self.orgs: list[_Org] = self.organisations.orgs
        self.reporting: set[int] = set()  # sentences holding an attribution's source
        self._content: tuple[tuple[int, int], SpanIndex] | None = None
        # what :mod:`~quoth.speakers.gender` works out once per article
        self.genders: dict[int, str | None] = {}
        self.pronoun_votes: dict | None = None

    # The text ---------------------------------------------------------------------------------

    def common_word(self, word: str) -> bool:
        return self.text.common_word(word)

    def section_start(self, offset: int) -> int:
        return self.text.section_start(offset)

    def sent_at(self, offset: int) -> int:
        return self.text.sent_at(offset)

    def quotation_of(self, offset: int) -> tuple[int, int] | None:
        return self.text.quotation_of(offset)

    def in_headline(self, tok: Token) -> bool:
        return self.text.in_headline(tok)

    # People -----------------------------------------------------------------------------------

    def content_index(self, quotes: list[Quote]) -> SpanIndex:
        """The content pieces of ``quotes``, indexed once per list (speakers are resolved one
        quote at a time; the contents do not change meanwhile)."""
        key = (id(quotes), len(quotes))
        if self._content is None or self._content[0] != key:
            self._content = (key, SpanIndex(p for q in quotes for p in q.content))
        return self._content[1]

    def mention_covering(self, i: int) -> _Mention | None:
        return self.names.mention_covering(i)

    def person_by_word(self, word: str) -> _Person | None:
        return self.names.person_by_word(word)

    def role_of(self, person: _Person, at: int) -> str | None:
        return self.names.role_of(person, at)

    # Organisations ----------------------------------------------------------------------------

    def org_from(self, tokens: list[Token]) -> _Org | None:
        return self.organisations.org_from(tokens)

    def org_name(self, org: _Org) -> str:
        return self.organisations.org_name(org)
