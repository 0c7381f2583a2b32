"""Cascade step 1: pronoun sources ("he", "they", "who") and the author's "I".

A pronoun names whoever the article has just made salient: not the speaker of the quotation it
sits in, then a person brought in since the previous attribution, then that attribution's
speaker, then the nearest person (for they/we/it, organisation) in this or the previous
sentence. Gender and number must agree. A relative pronoun ("Peskov, who said") is the noun its
clause hangs on; "I" outside quotation marks is the author named in the closing line, if any.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quoth.nlp import doc_text
from quoth.speakers.mentions import _person_named, _person_result
from quoth.speakers.names import _name_gender, is_place_name
from quoth.speakers.organisations import _org_named
from quoth.speakers.tokens import NOT_PEOPLE, _SUBJECT_DEPS, _previous, _Resolution

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Span, Token

    from quoth.model import Quote
    from quoth.speakers.article import _Article
    from quoth.speakers.names import _Person

_PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"), "we": (None, "pl"),
    "us": (None, "pl"), "our": (None, "pl"), "it": (None, "it"), "its": (None, "it"),
    "who": (None, "rel"),
    "which": (None, "rel"),
    "that": (None, "rel"),  # a source "that" is the relative ("companies that said"): see _source_of
}
_FIRST_PERSON = {"i", "me", "my"}
# An opinion piece's closing line names its author: "Charlotte Meehan is playwright-in-residence
# at ...", "Jane Doe is a professor of ...".
_AUTHOR_LINE = re.compile(r"([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}),?[ \t]+(?:is|was)[ \t]+[a-z]")


def _pronoun_of(span: Span) -> tuple[str | None, str] | None:
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in _PRONOUNS and not (words[0].is_upper and len(words[0]) > 2):
        # ("WHO" in capitals is the World Health Organization, not "who")
        return _PRONOUNS[words[0].lower_]
    return None


def _resolve_author(article: _Article, span: Span) -> _Resolution:
    """"I" in the writer's own voice (outside quotation marks) is the author, when the article's
    last paragraph opens with a person the body never named in full ("Charlotte Meehan is a
    playwright ..."); else nobody."""
    text = doc_text(article.doc).rstrip()
    last = text.rfind("\n") + 1
    m = _AUTHOR_LINE.match(text, last)
    person = _person_named(article, m.group(1)) if m else None
    earlier = [m for m in article.mentions if m.person == person.id and m.start < last] if person else []
    if person is None or any(m.last > m.first for m in earlier):  # named in full before: a subject
        return _Resolution()
    return _person_result(article, person, span)


def _enclosing(article: _Article, quotes: list[Quote], index: int, span: Span) -> set[str]:
    """Speakers of the quotations (in quotation marks) that contain this source: "he" there is
    someone else. In reported speech it is usually the speaker: "Rendell said he had battled
    pneumonia and called it a common ailment"."""
    if article.quotation_of(span.start_char) is None:
        return set()
    out = set()
    for j, quote in enumerate(quotes):
        if j != index and quote.speaker is not None and any(
            s <= span.start_char and span.end_char <= e for s, e in quote.content
        ):
            out.add(quote.speaker)
    return out


def _resolve_pronoun(
    article: _Article,
    span: Span,
    quotes: list[Quote],
    index: int,
    resolutions: list[_Resolution | None],
    kinds: dict[str, str],
) -> _Resolution:
    """1. he/she to a person, they/we to an organisation; None without a fitting antecedent."""
    doc = article.doc
    pronoun = [t for t in span if not t.is_punct][0]
    gender, number = _pronoun_of(span)  # type: ignore[misc]
    if number == "rel":  # "Peskov, who said": the noun the relative clause hangs on
        return _resolve_relative(article, pronoun, span)
    excluded = _enclosing(article, quotes, index, span)
    floor = article.body_start if span.start_char >= article.body_start else 0
    floor = max(floor, article.section_start(span.start_char))
    sent = article.sent_of[pronoun.i]
    previous = _previous(quotes, index)
    if previous is not None and previous[1].start < floor:
        previous = None
    if number != "sg":
        return _resolve_group(article, pronoun, previous, excluded, kinds, floor)

    def fits(person: _Person) -> bool:
        if person.name in excluded or is_place_name(person.name):
            return False
        known = _name_gender(person)
        if known is None and gender is not None and article.common_word(person.name.split()[-1]):
            return False  # "The Gap", "Dish Network", "Scholars": a tagger's person, not "he"
        return gender is None or known in (gender, None)

    # A headline is no antecedent: the body names its people afresh. (Mentions before the
    # pronoun, latest first, read lazily: most pronouns need only the last few.)
    def before_reversed():
        for m in article.names.mentions_before(pronoun.i):
            if m.last < pronoun.i and m.start >= floor and not article.in_headline(doc[m.first]):
                yield m

    # 1a. A person brought in after the previous attribution as the subject of a clause in the
    # narrative is more salient than that attribution's speaker: 'Peskov said X. Putin met Biden
    # on Monday. "We talked," he said.', 'What Mr. Obama has seen are the charts. "And they're
    # terrifying," he said.'
    since = floor
    if previous is not None:
        prev_quote = previous[1]
        since = max([e for _, e in prev_quote.content] + [prev_quote.source[1]
                     if prev_quote.source else 0])
    quoted = article.content_index(quotes)
    # 1a'. 'The accusation against Biden is that ... he called for ...': the person the copular
    # sentence is about, named in its subject, is who its "that" clause speaks of.
    root = next((a for a in pronoun.ancestors if a.lower_ in ("is", "was", "are", "were")), None)
    subject = None if root is None or pronoun.i < root.i else next(
        (c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None:
        inside = []
        for m in before_reversed():
            if m.root < subject.left_edge.i:
                break
            if m.root <= subject.right_edge.i and fits(article.people[m.person]):
                inside.append(m)
        if len({m.person for m in inside}) == 1:
            return _person_result(article, article.people[inside[0].person], span)
        if any(t.ent_type_ == "PERSON" for t in subject.subtree):
            return _Resolution()  # about someone the article leaves ambiguous ("Biden": Joe or Hunter)
    for m in before_reversed():
        root = doc[m.root]
        if m.start < since:
            break
        if (
            root.dep_ in _SUBJECT_DEPS
            # a sentence that reports someone has that someone as its salient person: in '"X,"
            # Peskov said after Putin arrived' or 'He added a caution, should Clinton attempt a
            # return' the subject of the other clause is not
            and (m.sent == sent or m.sent not in article.reporting)
            and not quoted.contains(m.start, m.start + 1)
            and fits(article.people[m.person])
        ):
            return _person_result(article, article.people[m.person], span)
    # 1b. The previous attribution's speaker, if gender agrees.
    if previous is not None and previous[1].speaker not in excluded:
        j, quote = previous
        person = _person_named(article, quote.speaker)
        if person is not None and fits(person):
            return _person_result(article, person, span)
        name = quote.speaker
        if person is None and kinds.get(name) not in NOT_PEOPLE and _org_named(article, name) is None:
            # A name the caller gave, or one the tagger missed: still a person.
            role = resolutions[j].role if resolutions[j] else quote.speaker_role
            return _Resolution(name, role, kinds.get(name))
    # 1c. The nearest person before it, in this sentence or the previous one; subjects first.
    for this in (sent, sent - 1):
        in_sent = [m for m in reversed(article.names.mentions_in_sentence(this))
                   if m.last < pronoun.i and m.start >= floor and not article.in_headline(doc[m.first])]
        for m in sorted(in_sent, key=lambda m: doc[m.root].dep_ not in _SUBJECT_DEPS):
            if fits(article.people[m.person]):
                return _person_result(article, article.people[m.person], span)
    # 1d. The latest earlier attribution whose speaker is a fitting person: 'Peskov believes X,
    # but Moscow hopes Y. "Z," he told the media.' (the organisation in between is no "he").
    for j in range(index - 1, -1, -1):
        person = _person_named(article, quotes[j].speaker)
        if person is not None and quotes[j].start >= floor and fits(person):
            return _person_result(article, person, span)
    return _Resolution()


def _resolve_relative(article: _Article, pronoun: Token, span: Span) -> _Resolution:
    """'John Bentel, a tech staffer at the State Department who told ...', 'McConnell, now the
    Senate majority leader, who said', 'the AP, which reported': the noun the relative clause
    hangs on, followed up through appositions and prepositions to the person or organisation."""
    head = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
    for _ in range(4):
        if head is None:
            return _Resolution()
        mention = article.mention_covering(head.i)
        if mention is not None:
            return _person_result(article, article.people[mention.person], span)
        org = next((o for o in article.orgs if o.root == head.i), None)
        if org is not None and pronoun.lower_ != "who":
            return _Resolution(article.org_name(org), None, "org")
        if head.dep_ not in ("appos", "pobj", "prep") or head.head.i == head.i:
            return _Resolution()
        head = head.head
    return _Resolution()


def _resolve_group(
    article: _Article,
    pronoun: Token,
    previous: tuple[int, Quote] | None,
    excluded: set[str],
    kinds: dict[str, str],
    floor: int,
) -> _Resolution:
    """1. they/we/it: an organisation (the previous speaker, else the nearest), never a person.
    A plural subject of the pronoun's own sentence comes first: in 'The stores were reluctant,
    according to a report in which they said ...' "they" are the stores, whoever spoke before; a
    description like that names nobody, so the answer is no one rather than the previous speaker."""
    doc = article.doc
    sent_start = doc[pronoun.i].sent.start
    if pronoun.lower_ == "they" and any(
        t.dep_ in _SUBJECT_DEPS and t.tag_ == "NNS" and t.i < pronoun.i and t.head.i != pronoun.head.i
        for t in doc[sent_start : pronoun.i]
    ):
        return _Resolution()
    if previous is not None:
        name = previous[1].speaker
        if name not in excluded and (kinds.get(name) in NOT_PEOPLE or _org_named(article, name)):
            return _Resolution(name, None, kinds.get(name) or "org")
    sent = article.sent_of[pronoun.i]
    for this in (sent, sent - 1):
        # only an organisation that is itself the subject of a clause is salient enough for "they":
        # 'researchers at the German Aerospace Center ... They found' are people, not the centre
        orgs = [o for o in article.orgs if o.sent == this and o.root < pronoun.i
                and o.start >= floor and not article.in_headline(article.doc[o.root])
                and article.doc[o.root].dep_ in _SUBJECT_DEPS]
        orgs.sort(key=lambda o: (article.doc[o.root].dep_ not in _SUBJECT_DEPS, -o.start))
        for org in orgs:
            name = article.org_name(org)
            if name not in excluded:
                return _Resolution(name, None, "org")
    return _Resolution()
