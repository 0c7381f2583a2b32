"""A person's gender as the article itself shows it, for "he" and "she".

The first-name lists (:mod:`quoth.speakers.names`) guess: "Ilhan" reads as a man's name, though
the article about Rep. Ilhan Omar writes "her office". A careful reader goes by the article: an
honorific ("Ms."), a role word ("spokeswoman") and, failing those, the pronouns the article uses
in sentences where that person is the only one named ("Omar said her office ..."). That
evidence outranks the name lists; the lists decide only where the article is silent.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from quoth.nlp import doc_text, doc_tokens, sentence as sentence_of
from quoth.speakers.names import _FEMALE_NAMES, _HONORIFICS, _MALE_NAMES, _name_gender
from quoth.speakers.roles import _role_gender
from quoth.speakers.tokens import _SUBJECT_DEPS

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Token

    from quoth.speakers.article import _Article
    from quoth.speakers.names import _Person

_GENDERED = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}


def person_gender(article: _Article, person: _Person) -> str | None:
    """"m", "f" or None: honorific or role word first, then the article's own pronouns, then the
    name lists (a woman named by her first name alone, "Melanie", included). Worked out once
    per person and article: every pronoun asks it of every candidate."""
    if person.id not in article.genders:
        article.genders[person.id] = _person_gender(article, person)
    return article.genders[person.id]


def _person_gender(article: _Article, person: _Person) -> str | None:
    written = _written_gender(article, person)
    if written is not None:
        return written
    votes = pronoun_votes(article).get(person.id, Counter())
    named = _listed_gender(person) or _name_gender(person)
    for gender, other in (("m", "f"), ("f", "m")):
        # against the first-name lists it takes two such clauses ("Ilhan" reads male, "Alexis"
        # male); where the name says nothing, one
        needed = 2 if named == other else 1
        if votes[gender] >= needed and votes[gender] >= 2 * votes[other] + 1:
            return gender
    known = _name_gender(person)
    if known is not None and named == known and _listed_gender(person) is None and not person.gender:
        if _article_never_says(article, person, known):
            return None  # "Vlada" reads female in the dictionary; the article says "he" only
    if known is None and all(len(f) == 1 for f in person.forms):
        word = person.forms[0][0].lower()
        # (women's first names are rarely surnames; men's often are: "Scott", "Graham")
        if word in _FEMALE_NAMES and word not in _MALE_NAMES:
            return "f"
    return known


# How often a person must be named for the article's silence about "her" to speak, and how many
# times the article must say "he" (or "she") instead.
_MAIN_SUBJECT_MENTIONS = 3
_OTHER_PRONOUNS = 2


def _article_never_says(article: _Article, person: _Person, gender: str) -> bool:
    """Whether an article mostly about this person (named three times or more) never, outside
    quotation marks, uses the pronoun the name dictionary's guess would need, and uses the other
    one at least twice in paragraphs that name this person and no one else: the guess from a first name of many countries ("Vlada", "Andrea") then
    stands against the writer's own usage, and the gender is left unknown."""
    doc = article.doc
    mine = [m for m in article.mentions if m.person == person.id]
    if len(mine) < _MAIN_SUBJECT_MENTIONS:
        return False
    text = doc_text(doc)
    said: Counter = Counter()
    for start in {text.rfind("\n", 0, m.start) + 1 for m in mine}:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if any(m.person != person.id for m in article.mentions if start <= m.start < end):
            continue  # someone else is named here: "he" may be them
        words = doc.char_span(start, end, alignment_mode="expand") or []
        said.update(_GENDERED[t.lower_] for t in words if t.lower_ in _GENDERED
                    and article.quotation_of(t.idx) is None and not article.in_headline(t))
    everywhere = Counter(_GENDERED[t.lower_] for t in doc if t.lower_ in _GENDERED
                         and article.quotation_of(t.idx) is None and not article.in_headline(t))
    other = "m" if gender == "f" else "f"
    return everywhere[gender] == 0 and said[other] >= _OTHER_PRONOUNS


def _listed_gender(person: _Person) -> str | None:
    firsts = {f[0].lower() for f in person.forms if len(f) > 1}
    male, female = bool(firsts & _MALE_NAMES), bool(firsts & _FEMALE_NAMES)
    return "m" if male and not female else "f" if female and not male else None


def _written_gender(article: _Article, person: _Person) -> str | None:
    """The gender an honorific ("Mrs. Clinton") or a role word ("the spokeswoman") gives."""
    doc = article.doc
    found = {_role_gender(role.key.head) for role in person.roles} - {None}
    for m in article.mentions:
        if m.person == person.id and m.first > 0:
            found.add(_HONORIFICS.get(doc[m.first - 1].lower_.rstrip("."), None))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def pronoun_votes(article: _Article) -> dict[int, Counter]:
    """For each person, how often the article refers back to them as he/his or she/her inside
    the clause they are the subject of ("Omar spoke to her staff", "Tipton was devastated when
    she ..."; half as much in what they report, "Omar said her office ..."), in a sentence naming
    no one else, outside quotation marks. Counted once per article."""
    if article.pronoun_votes is not None:
        return article.pronoun_votes
    doc = article.doc
    votes: dict[int, Counter] = {}
    by_sent: dict[int, list] = {}
    for m in article.mentions:
        if article.quotation_of(m.start) is None and not article.in_headline(doc[m.first]):
            by_sent.setdefault(m.sent, []).append(m)
    for mentions in by_sent.values():
        if len({m.person for m in mentions}) != 1:
            continue
        sentence = doc[mentions[0].root].sent
        if any(t.ent_type_ == "PERSON" and article.mention_covering(t.i) is None for t in sentence):
            continue  # someone the index missed is named here too
        for m in mentions:
            subject = doc[m.root]
            if subject.dep_ not in _SUBJECT_DEPS:
                continue
            for tok in doc[m.last + 1 : sentence.end]:
                if (tok.lower_ in _GENDERED and article.quotation_of(tok.idx) is None
                        and (tok.dep_ in _SUBJECT_DEPS or tok.dep_ == "poss" or tok.lower_.endswith("self"))):
                    votes.setdefault(m.person, Counter())[_GENDERED[tok.lower_]] += _governed_by(tok, subject)
    for person, gender in _taken_up_next(article, by_sent):
        votes.setdefault(person, Counter())[gender] += 1
    article.pronoun_votes = votes
    return votes


def _taken_up_next(article: _Article, by_sent: dict[int, list]) -> list[tuple[int, str]]:
    """'Braun has worked with Kanye West and Kim Kardashian. He has consistently denied ...': a
    sentence whose main subject is a person, followed by one (in the same paragraph or opening
    the next) whose main subject is a bare "he" or "she" and that names no one, goes on about that person; the pronoun is
    theirs, unless someone else in the first sentence is already known to be of that gender
    (by honorific, role word or first name), who could be meant just as well."""
    doc = article.doc
    found = []
    for n, mentions in by_sent.items():
        sentence = doc[mentions[0].root].sent
        root_subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        topic = next((m for m in mentions if root_subject is not None and m.root == root_subject.i), None)
        if topic is None or n + 1 in by_sent or sentence.end >= len(doc):
            continue
        following = doc[sentence.end].sent
        subject = next((c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        first = next((t for t in following if not t.is_punct and not t.is_space), None)
        if subject is None or subject.i != getattr(first, "i", None) or subject.lower_ not in ("he", "she"):
            continue
        if article.quotation_of(subject.idx) is not None:
            continue
        gender = _GENDERED[subject.lower_]
        others = {m.person for m in article.mentions  # (each mention's sentence looked up, not rebuilt)
                  if sentence_of(doc_tokens(doc)[m.root]).start == sentence.start} - {topic.person}
        if any(_known_without_votes(article, article.people[p]) == gender for p in others):
            continue
        if any(t.ent_type_ == "PERSON" and t.is_alpha and article.mention_covering(t.i) is None for t in sentence):
            continue  # someone the index missed is named there too
        found.append((topic.person, gender))
    return found


def _known_without_votes(article: _Article, person: _Person) -> str | None:
    """A person's gender from what is written with the name (honorific, role word, first name),
    without the article's pronouns (which are being counted)."""
    return _written_gender(article, person) or _listed_gender(person) or _name_gender(person)


def _governed_by(pronoun: Token, subject: Token) -> float:
    """How surely ``pronoun`` sits in the clause ``subject`` is the subject of: 0 when another
    subject stands on the way up ("Melanie said to the nominee, who began his speech"), half
    inside a reported clause, else 1."""
    verb = subject.head
    node = pronoun
    weight = 1.0
    while node.i != verb.i:
        head = node.head
        if head.i == node.i:
            return 0.0
        if node.dep_ == "ccomp":
            # what someone reports may be about anyone ("Wakefield told the Post that she was a
            # regular"): it counts half
            weight = 0.5
        for child in head.children:
            if (child.dep_ in _SUBJECT_DEPS and child.i != subject.i
                    and not child.left_edge.i <= pronoun.i <= child.right_edge.i):
                return 0.0
        node = head
    return weight
