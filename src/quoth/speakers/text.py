"""The article as text: sentence of each token, title-case headlines, sections, quotations.

Every step asks these questions of the article's text (is this line a headline, is this offset
inside quotation marks, where does this live-blog section start), so they are answered, and
cached, in one place: :class:`_Text`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quoth.extraction.quotemarks import find_quotes
from quoth.nlp import doc_text, doc_tokens

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

_SECTION_BREAK = re.compile(r"(?m)^[ \t]*(?:_{3,}\.?|\d{1,2}(?::\d{2})?[ \t]*[ap]\.m\.)[ \t]*$")
# A line whose words of four letters or more are all capitalised, at least this many, is a
# title-case headline ("Obama Sees 'Personal Insult' If Black Voters Stay Home").
_HEADLINE_MIN_WORDS = 3


class _Text:
    """Where one article's sentences, headlines, sections and quotation marks are."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sent_of = [0] * len(doc)
        self._sentences: list[tuple[int, int]] = []  # token range of each sentence
        for n, sent in enumerate(doc.sents):
            self._sentences.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.lower_words = {t.text for t in doc_tokens(doc) if t.is_lower}
        self._headline_lines: dict[int, bool] = {}
        self._quoted: list[tuple[int, int]] | None = None
        self._sections: list[int] | None = None

    def common_word(self, word: str) -> bool:
        """Whether ``word`` also appears in lower case in the article ("network", "gap")."""
        return word.lower() in self.lower_words

    def section_start(self, offset: int) -> int:
        """Where the section holding ``offset`` starts: live-blog and "The Latest" wire stories
        are sections under a time line ("7 p.m.") or a rule ("___"), each with its own people."""
        if self._sections is None:
            self._sections = [m.end() for m in _SECTION_BREAK.finditer(doc_text(self.doc))]
        starts = [s for s in self._sections if s <= offset]
        return starts[-1] if starts else 0

    def sentence(self, n: int) -> Span:
        """Sentence ``n`` as a span (``doc.sents`` walks the whole parse on each call)."""
        start, end = self._sentences[n]
        return self.doc[start:end]

    def sentence_tokens(self, n: int) -> list[Token]:
        """The tokens of sentence ``n``."""
        if not 0 <= n < len(self._sentences):
            return []
        start, end = self._sentences[n]
        return doc_tokens(self.doc)[start:end]

    def section_end(self, offset: int) -> int:
        """Where the section holding ``offset`` ends: the next section's start, else the text's end."""
        self.section_start(offset)
        later = [s for s in self._sections or [] if s > offset]
        return later[0] if later else len(doc_text(self.doc))

    def sent_at(self, offset: int) -> int:
        """Index of the sentence holding character ``offset``."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return self.sent_of[span[0].i] if span is not None and len(span) else -1

    def quotation_of(self, offset: int) -> tuple[int, int] | None:
        """The quotation-mark piece holding ``offset``, if any."""
        if self._quoted is None:
            self._quoted = [p for q in find_quotes(doc_text(self.doc)) for p in q.pieces]
        for s, e in self._quoted:
            if s <= offset < e:
                return (s, e)
        return None

    def in_headline(self, tok: Token) -> bool:
        """Whether the token's line is a title-case headline."""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, tok.idx) + 1
        if start not in self._headline_lines:
            end = text.find("\n", tok.idx)
            line = text[start : end if end >= 0 else None]
            words = re.findall(r"[^\W\d_][\w'\u2019-]{3,}", line)
            self._headline_lines[start] = len(words) >= _HEADLINE_MIN_WORDS and all(
                w[0].isupper() for w in words
            )
        return self._headline_lines[start]
