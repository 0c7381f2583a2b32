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

from quoth.nlp import doc_text, doc_tokens, sentence
from quoth.speakers.gender import person_gender
from quoth.speakers.descriptions import _resolve_description
from quoth.speakers.named_sources import _person_named, _person_result, _resolve_named
from quoth.nlp import lemma as lemma_of
from quoth.speakers.roles import _is_role_noun, _role_gender
from quoth.speakers.names import _NAME_PARTICLES, _name_word, is_place_name, known_first_name
from quoth.speakers.organisations import _DOCUMENT_NOUNS, _ORG_NOUNS, _org_named, _released_by, _resolve_org_noun
from quoth.speakers.tokens import _INDEFINITES, NOT_PEOPLE, _SUBJECT_DEPS, _previous, _Resolution

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


def _in_writers_voice(article: _Article, pronoun: Token, quotes: list[Quote]) -> bool:
    """Whether a pronoun stands in the writer's own words: outside every quotation mark and
    every attribution's content (an interview answer is the interviewee's). "We" there is the
    writer and their outlet, never an organisation quoted earlier, whom the article does not name
    as its writer."""
    start, end = pronoun.idx, pronoun.idx + len(pronoun.text)
    return article.quotation_of(start) is None and not article.content_index(quotes).contains(start, end)


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


def _objects_of_its_verb(article: _Article, pronoun: Token) -> set[str]:
    """'he emailed Gaiman about how hard it was', 'she told Smith that ...': the person named
    as the object of the pronoun's own verb (or after its "to", "with") is someone else than the
    subject; a writer would have said "himself"."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.i == pronoun.i:
        return set()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                for g in c.children if g.dep_ == "pobj"]
    mentions = (article.mention_covering(t.i) for t in objects)
    return {article.people[m.person].name for m in mentions if m is not None}


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
    excluded = _enclosing(article, quotes, index, span) | _objects_of_its_verb(article, pronoun)
    floor = article.body_start if span.start_char >= article.body_start else 0
    floor = max(floor, article.section_start(span.start_char))
    sent = article.sent_of[pronoun.i]
    previous = _outer(article, quotes, _previous(quotes, index), span)
    if previous is not None and previous[1].start < floor:
        previous = None
    if number != "sg":
        if pronoun.lower_ == "it" and lemma_of(pronoun.head).lower() in _EXPLETIVE_VERBS:
            return _Resolution()  # "It appears that ...", "It seems ...": no one speaks
        if pronoun.lower_ == "it":
            found = _it_subject(article, pronoun, quotes, index, floor)
            if found is not None:
                return found
        if pronoun.lower_ == "we" and _in_writers_voice(article, pronoun, quotes):
            return _Resolution()  # 'We tried it ourselves. We called it "a feat"': the writer's outlet
        return _resolve_group(article, pronoun, previous, excluded, kinds, floor)

    def fits(person: _Person) -> bool:
        if person.name in excluded or is_place_name(person.name) or _named_with_the(article, person):
            return False
        known = person_gender(article, person)
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
    # 1a (unnamed). 'The head of the police's investigators told the court "X." She also said
    # "Y."': the attribution just before, with nobody named since, has a source that describes a
    # person the text leaves unnamed; that person is "she", not someone named earlier.
    if index > 0 and _unnamed_person_just_quoted(article, quotes[index - 1], pronoun, gender):
        return _Resolution()
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
    introduced = _introduced_before_quote(article, pronoun, floor, fits)
    if introduced is not None:
        return _person_result(article, introduced, span)
    for m in before_reversed():
        root = doc[m.root]
        if m.start < since:
            break
        if (
            _is_subject(root)
            # a sentence that reports someone has that someone as its salient person: in '"X,"
            # Peskov said after Putin arrived' or 'He added a caution, should Clinton attempt a
            # return' the subject of the other clause is not
            and (m.sent == sent or m.sent not in article.reporting)
            and not quoted.contains(m.start, m.start + 1)
            and not _topic_is_a_pronoun(doc, m, gender)
            and fits(article.people[m.person])
        ):
            if _coordinated_rival(article, m, fits):
                return _Resolution()  # "Putin and Xi met": either could be "he"
            return _person_result(article, article.people[m.person], span)
    # 1a''. 'One of the victims decided to allow her name to be made public. She said ...': an
    # unnamed person the sentence before is about is who "she" is; the text does not name her.
    if _unnamed_subject(article, pronoun, gender, floor) or _unindexed_subject(
            article, pronoun, floor, [q.speaker for q in quotes[:index] if q.speaker]):
        return _Resolution()
    # 1a (last). 'The president's Pacific roots also came into play. In Honolulu, he told ...':
    # the person a definite description opening the sentence before stands for.
    described = _described_subject(article, pronoun, quotes, index, floor)
    if described is not None:
        person = _person_named(article, described.speaker)
        if person is not None and fits(person):
            return _person_result(article, person, span)
    # 1b. The previous attribution's speaker, if gender agrees.
    if previous is not None and previous[1].speaker not in excluded:
        j, quote = previous
        person = _person_named(article, quote.speaker)
        if person is not None and fits(person) and _shared_surname_opens_since(article, since, pronoun, person):
            return _Resolution()
        if person is not None and fits(person):
            return _person_result(article, person, span)
        name = quote.speaker
        if person is None and kinds.get(name) not in NOT_PEOPLE and _org_named(article, name) is None:
            # A name the caller gave, or one the tagger missed: still a person.
            role = resolutions[j].role if resolutions[j] else quote.speaker_role
            return _Resolution(name, role, kinds.get(name))
    # 1c. The nearest person before it, in this sentence or the previous one; subjects first.
    outside = article.quotation_of(span.start_char) is None
    for this in (sent, sent - 1):
        in_sent = [m for m in reversed(article.names.mentions_in_sentence(this))
                   if m.last < pronoun.i and m.start >= floor and not article.in_headline(doc[m.first])]
        for m in sorted(in_sent, key=lambda m: not _is_subject(doc[m.root])):
            if (this == sent and _in_subjectless_clause(doc, m, pronoun)
                    or outside and article.quotation_of(m.start) is not None):
                continue  # (nor is a name inside quoted words: "like Stern and Quivers," she says)
            if fits(article.people[m.person]):
                if _coordinated_rival(article, m, fits):
                    return _Resolution()  # "Smith and Jones": the text does not say which
                return _person_result(article, article.people[m.person], span)
    # 1d. The latest earlier attribution whose speaker is a fitting person: 'Peskov believes X,
    # but Moscow hopes Y. "Z," he told the media.' (the organisation in between is no "he").
    for j in range(index - 1, -1, -1):
        person = _person_named(article, quotes[j].speaker)
        if person is not None and quotes[j].start >= floor and fits(person):
            return _person_result(article, person, span)
    return _Resolution()


def _outer(
    article: _Article, quotes: list[Quote], previous: tuple[int, Quote] | None, span: Span
) -> tuple[int, Quote] | None:
    """The attribution a reader keeps in mind: in 'Earnest said that Obama has long called for
    tax fairness. He said ...' the nested report ("Obama has long called") lives inside Earnest's
    words, so the speaker still talking is Earnest. An attribution whose source lies inside an
    earlier attribution's content gives way to that one (unless the pronoun is inside it too)."""
    seen = set()
    while previous is not None and previous[0] not in seen:
        seen.add(previous[0])
        j, quote = previous
        if quote.source is None:
            return previous
        s, e = quote.source
        if article.quotation_of(s) is not None:
            return previous  # a report inside quoted words ("... because he says," Rubio said)
        outer = next((k for k in range(j - 1, -1, -1) if quotes[k].speaker is not None
                      and quotes[k].speaker != quote.speaker
                      and any(a <= s and e <= b for a, b in quotes[k].content)
                      and not any(a <= span.start_char < b for a, b in quotes[k].content)), None)
        if outer is None:
            return previous
        previous = (outer, quotes[outer])
    return previous


def _is_subject(tok: Token) -> bool:
    """A clause's subject, or the name set beside it: "Another voice actor, Lauren Landa, would
    list ..." has Landa for its subject as much as the actor."""
    return tok.dep_ in _SUBJECT_DEPS or (
        tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS
        and (_is_role_noun(tok.head) or lemma_of(tok.head).lower() in _PERSON_NOUNS)
    ) or (  # (not "The gossip site Gawker set a trap")
        # "Mr. Trump's theatrical embrace is not limited to China. He has ...": whose act or
        # thing the subject is, is whom the sentence is about (not "Trump's spokesman": a person)
        tok.dep_ == "poss" and tok.head.dep_ in _SUBJECT_DEPS and tok.head.pos_ == "NOUN"
        and not _is_role_noun(tok.head) and lemma_of(tok.head).lower() not in _PERSON_NOUNS
    )


# People a sentence may be about without naming them (besides the role nouns of roles.py).
_PERSON_NOUNS = frozenset(
    """woman man girl boy victim witness resident neighbour neighbor friend relative survivor
    student teacher voter supporter patient worker employee passenger driver fan customer
    actor actress singer artist musician player athlete model
    mother father daughter son wife husband sister brother parent child teenager""".split()
)


def _unnamed_person_just_quoted(article: _Article, quote: Quote, pronoun: Token, gender: str | None) -> bool:
    """Whether ``quote``, the attribution before the pronoun, has no speaker but a source that
    describes a person (its head a role or a person noun, no name in it) in the pronoun's
    sentence or one of the two before (a closing quotation mark may stand as its own)."""
    if quote.speaker is not None or quote.source is None or quote.source[0] > pronoun.idx:
        return False
    after = max([e for _, e in quote.content] + [quote.source[1]])
    latest = next(iter(article.names.mentions_before(pronoun.i)), None)
    if latest is not None and latest.start >= after:
        return False  # someone named since is the salient one
    source = article.doc.char_span(*quote.source, alignment_mode="expand")
    if source is None or any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in source):
        return False
    head = source.root
    if head.pos_ != "NOUN" or head.tag_ == "NNS":
        return False
    if not (_is_role_noun(head) or lemma_of(head).lower() in _PERSON_NOUNS or head.lower_ == "head"):
        return False
    if article.sent_of[pronoun.i] - article.sent_of[head.i] > 2:
        return False
    said = _role_gender(head.lower_)
    return gender is None or said in (gender, None)


def _subject_before(article: _Article, pronoun: Token, floor: int) -> Token | None:
    """The subject of the sentence before the pronoun's, when nobody is named between them, the
    sentence is in the body past ``floor`` and the subject is not quoted words."""
    doc = article.doc
    n = article.sent_of[pronoun.i]
    if n == 0 or any(article.mention_covering(t.i) for t in doc[article.text.sentence(n).start : pronoun.i]):
        return None
    sent = article.text.sentence(n - 1)
    while n > 1 and not any(t.is_alpha for t in sent):
        # (a closing quotation mark the parser split off: '... a "proxy war.' + '"')
        n -= 1
        sent = article.text.sentence(n - 1)
    if sent.start_char < floor or article.in_headline(sent.root):
        return None
    subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or article.quotation_of(subject.idx) is not None:
        return None
    return subject


def _unnamed_subject(article: _Article, pronoun: Token, gender: str | None, floor: int) -> bool:
    """Whether the sentence before the pronoun's is about a person it does not name, brought in
    by an indefinite ("One of the victims ...", "A spokeswoman for the ministry declined to
    comment."), of the pronoun's gender: that nameless person is the pronoun's antecedent."""
    subject = _subject_before(article, pronoun, floor)
    if subject is None:
        return False
    if article.names.mentions_in_sentence(article.sent_of[subject.i]):
        return False  # "A reporter asked Sanders ... He replied"
    head = subject
    if head.lower_ in ("one", "some", "each", "another"):  # "one of the victims"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    elif not any(c.dep_ == "det" and c.lower_ in _INDEFINITES for c in head.children):
        return False  # "The Republican nominee": a definite description names someone known
    if head is None or head.pos_ != "NOUN" or head.tag_ == "NNS" and head is subject:
        return False
    if any(t.ent_type_ == "PERSON" or article.mention_covering(t.i) for t in subject.subtree):
        return False
    if not (_is_role_noun(head) or lemma_of(head).lower() in _PERSON_NOUNS):
        return False
    said = _role_gender(head.lower_)
    return gender is not None and said in (gender, None)


def _introduced_before_quote(article: _Article, pronoun: Token, floor: int, fits) -> _Person | None:
    """'While Obama had artists writing songs about him, that has not happened for Clinton, which
    concerns Henry Crespo, president of the Black Caucus. "No one is writing songs for Hillary,"
    he said.': news brings a speaker in by full name and role, then quotes them. A person named
    for the first time, with a role in apposition, in the sentence right before a quotation that
    opens the pronoun's sentence, is who "he" is, when no other person is the main subject
    there (Obama is only the subject of the "while" clause)."""
    doc = article.doc
    last = pronoun.i - 1
    while last >= 0 and (doc[last].is_punct or doc[last].is_space) and article.quotation_of(doc[last].idx) is None:
        last -= 1
    quotation = article.quotation_of(doc[last].idx) if last >= 0 else None
    if quotation is None:
        return None  # the pronoun must follow a quotation right away: '"...," he said'
    n = article.sent_at(quotation[0])
    opening = next((t for t in article.text.sentence(n) if not t.is_space), None)
    if n == 0 or opening is None or article.quotation_of(opening.idx) != quotation:
        return None
    before = article.text.sentence(n - 1)
    if before.start_char < floor or article.in_headline(before.root):
        return None
    mentions = article.names.mentions_in_sentence(n - 1)
    if any(article.quotation_of(m.start) is not None for m in mentions):
        return None
    new = [m for m in mentions if m.last > m.first and not any(
        o.person == m.person and o.start < m.start for o in article.mentions)]
    if len({m.person for m in new}) != 1:
        return None
    mention = new[0]
    if not any(c.dep_ == "appos" and _is_role_noun(c) for c in doc[mention.root].children):
        return None
    main = next((c for c in before.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if main is not None and any(article.mention_covering(t.i) for t in main.subtree
                                if not mention.first <= t.i <= mention.last):
        return None
    person = article.people[mention.person]
    return person if fits(person) else None


def _shared_surname_opens_since(article: _Article, since: int, pronoun: Token, speaker: _Person | None) -> bool:
    """'"He has not shown ambition," said Quentin Kidd. Scott bristles at the suggestion. "I have
    raised enough," he said.': a sentence since the previous attribution that opens with a
    surname the article gives to someone else (two Scotts, so the index leaves it unread) turns
    to that person; the speaker quoted before is no longer the one "he" stands for."""
    doc = article.doc
    start = doc.char_span(since, min(since + 1, len(doc_text(doc))), alignment_mode="expand")
    if start is None or len(start) == 0:
        return False
    first = start.start
    for tok in doc_tokens(doc)[first : pronoun.i]:
        if tok.pos_ != "PROPN" or not tok.is_title:
            continue  # (asked first: few tokens are capitalised proper nouns, each has a sentence)
        opening = next((t for t in sentence(tok) if not t.is_punct and not t.is_space), None)
        if (tok.i != getattr(opening, "i", None)
                or article.mention_covering(tok.i) is not None or article.quotation_of(tok.idx) is not None):
            continue
        named = article.names._indexed("surname", tok.lower_)
        if named and (speaker is None or speaker not in named):
            return True
    return False


def _unindexed_subject(article: _Article, pronoun: Token, floor: int, speakers: list[str]) -> bool:
    """'Secretary General Ban Ki-moon condemned the test. "I count on the Council," he told
    reporters.': when the sentence before is about a person the tagger saw but the name index
    could not read, the pronoun is most likely theirs; the speaker quoted before is not, and the
    answer is no one rather than the wrong one. (A name the index missed that an earlier
    attribution was resolved to, "de Blasio" for Bill de Blasio, "Paradis", is someone the
    usual steps know.)"""
    said_before = {word for name in speakers for word in name.lower().split()}
    own = pronoun.sent.root
    subjects = [c for c in own.children if c.dep_ in _SUBJECT_DEPS and c.right_edge.i < pronoun.i]
    subjects.append(_subject_before(article, pronoun, floor))
    for subject in subjects:
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON":
            continue
        named = [t for t in subject.subtree if t.ent_type_ == "PERSON" and t.is_alpha]
        if named and not any(article.mention_covering(t.i) for t in named) and not any(
                t.lower_ in said_before for t in named if t.is_title):
            return True
    return False


def _described_subject(
    article: _Article, pronoun: Token, quotes: list[Quote], index: int, floor: int
) -> _Resolution | None:
    """The person named by a definite description that is the subject of the sentence before
    the pronoun's, or the possessor in that subject ("The president's roots"); None if there
    is none or it resolves to no one."""
    doc = article.doc
    subject = _subject_before(article, pronoun, floor)
    if subject is None:
        return None
    if any(t.ent_type_ == "PERSON" or article.mention_covering(t.i) for t in subject.subtree):
        return None  # "The leader of the League, Jonathan Greenblatt": the name decides
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    head = owner if owner is not None else subject
    if head.pos_ != "NOUN" or not _is_role_noun(head) or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    words = doc[head.left_edge.i : head.i + 1]
    found = _resolve_description(article, words, quotes, index)
    return found if found.speaker is not None and found.kind == "person" else None


def _coordinated_rival(article: _Article, mention, fits) -> bool:
    """Whether another fitting person is coordinated with this mention ("Putin and Xi")."""
    doc = article.doc
    root = doc[mention.root]
    for other in root.conjuncts:
        rival = article.mention_covering(other.i)
        if rival is not None and rival.person != mention.person and fits(article.people[rival.person]):
            return True
    return False


def _named_with_the(article: _Article, person: _Person) -> bool:
    """'The Gap Goes On', 'the Donald': a name the article always writes after "the" is a
    company, a title or a nickname, not a person "he" or "she" stands for."""
    doc = article.doc
    mentions = [m for m in article.mentions if m.person == person.id]
    return bool(mentions) and all(m.first > 0 and doc[m.first - 1].lower_ == "the" for m in mentions)


def _topic_is_a_pronoun(doc, mention, gender: str | None) -> bool:
    """'He added a note of caution, should Clinton attempt a return': a sentence whose main
    subject is already "he"/"she" (of the pronoun's gender) is about someone earlier; a person
    in one of its other clauses does not take the pronoun over."""
    sent = doc[mention.root].sent
    root_subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    opening_subject = opening if opening is not None and opening.dep_ in _SUBJECT_DEPS else None
    return any(
        subject is not None
        and subject.i < mention.first
        and subject.lower_ in ("he", "she")
        and _PRONOUNS[subject.lower_][0] == gender
        for subject in (root_subject, opening_subject)
    )


def _in_subjectless_clause(doc, mention, pronoun: Token) -> bool:
    """'Speaking to Martin Smith of PBS, he said': a clause opening the sentence without a
    subject of its own (a participle: "speaking to X", "asked about X") has the pronoun after
    it for its subject, so a person inside it is someone else."""
    tok = doc[mention.root]
    sent_start = tok.sent.start
    for head in [tok, *tok.ancestors]:
        if (
            head.dep_ in ("advcl", "prep") and head.tag_ in ("VBG", "VBN")
            and head.left_edge.i == sent_start and head.right_edge.i < pronoun.i
        ):
            return not any(c.dep_ in _SUBJECT_DEPS for c in head.children)
    return False


def _last_of_list(article: _Article, pronoun: Token, head: Token | None) -> _Person | None:
    """'celebrities like Oprah Winfrey, Will Smith and Stevie Wonder, who joked': after a list of
    people the relative clause goes with the one named last, right before it, whichever
    conjunct the parser hung it on."""
    doc = article.doc
    before = pronoun.i - 1
    while before >= 0 and doc[before].is_punct:
        before -= 1
    mention = article.mention_covering(before) if before >= 0 else None
    if head is None or mention is None or mention.root == head.i:
        return None
    last = doc[mention.root]
    conjuncts = {t.i for t in head.conjuncts} | {head.i}
    if last.dep_ != "conj" or last.i not in conjuncts or article.mention_covering(head.i) is None:
        return None
    return article.people[mention.person]


def _resolve_relative(article: _Article, pronoun: Token, span: Span) -> _Resolution:
    """'John Bentel, a tech staffer at the State Department who told ...', 'McConnell, now the
    Senate majority leader, who said', 'the AP, which reported': the noun the relative clause
    hangs on, followed up through appositions and prepositions to the person or organisation."""
    head = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
    if pronoun.dep_ == "nsubjpass":
        return _Resolution()  # "Amman, who was described as 'knife-obsessed' by the police": not Amman
    issued = _statement_issued(article, head)
    if issued is not None:
        return issued
    last = _last_of_list(article, pronoun, head)
    if last is not None:
        return _person_result(article, last, span)
    for _ in range(4):
        if head is None:
            return _Resolution()
        mention = article.mention_covering(head.i)
        if mention is not None:
            return _person_result(article, article.people[mention.person], span)
        org = next((o for o in article.orgs if o.root == head.i), None)
        if org is not None and pronoun.lower_ != "who":
            return _Resolution(article.org_name(org), None, "org")
        if pronoun.lower_ != "who" and head.i < pronoun.i:
            named = _organisation_noun_named(article, head)
            if named is not None:
                return named
        if head.dep_ not in ("appos", "pobj", "prep") or head.head.i == head.i:
            return _Resolution()
        head = head.head
    return _Resolution()


def _organisation_noun_named(article: _Article, head: Token) -> _Resolution | None:
    """'members of the Saudi government, which has denied ...': a kind of organisation written
    with its name ("the Saudi government", "the Trump campaign"), as a source naming it resolves."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or lemma_of(head).lower() not in _ORG_NOUNS:
        return None
    if not any(c.dep_ in ("amod", "compound", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
               for c in head.children):
        return None
    words = article.doc[head.left_edge.i : head.i + 1]
    found = _resolve_org_noun(article, words, head, [t for t in words if t.pos_ not in ("DET", "PUNCT")])
    return found if found.speaker is not None else None


def _statement_issued(article: _Article, head: Token | None) -> _Resolution | None:
    """'Facebook released a statement which read ...': "which" is the statement, and a statement
    speaks for whoever put it out (:func:`quoth.speakers.organisations._released_by`)."""
    if head is None or head.pos_ != "NOUN" or lemma_of(head).lower() not in _DOCUMENT_NOUNS:
        return None
    return _released_by(article, head)


# Verbs whose "it" stands for no one: "It appears that ...", "It seems ...".
_EXPLETIVE_VERBS = frozenset({"appear", "seem", "emerge", "transpire", "look"})


def _it_subject(
    article: _Article, pronoun: Token, quotes: list[Quote], index: int, floor: int
) -> _Resolution | None:
    """'The city sent a letter Thursday. It says ...', 'How strongly should Mexico retaliate? It
    has shown it knows how': "it" is the subject of the sentence before (past any that only
    say "it" again), when that names an organisation or a country; when it is a thing ("The ad
    ... It also mentions") the answer is no one. None: the subject is a person, or there is no
    subject to go by, and the usual steps decide."""
    n = article.sent_of[pronoun.i]
    for k in range(n - 1, max(n - 3, -1), -1):
        sent = article.text.sentence(k)
        if sent.start_char < floor or article.in_headline(sent.root):
            return None
        subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or article.quotation_of(subject.idx) is not None:
            return None
        if subject.lower_ == "it":
            continue
        if subject.pos_ not in ("NOUN", "PROPN") or subject.tag_ in ("NNS", "NNPS"):
            return None
        if article.mention_covering(subject.i) is not None:
            return None
        words = article.doc[subject.left_edge.i : subject.i + 1]
        found = _resolve_named(article, words)
        if found.speaker is None and subject.pos_ == "NOUN":
            found = _resolve_description(article, words, quotes, index)
        if found.kind in ("org", "place"):
            return found
        return _Resolution() if found.speaker is None else None
    return None


def _team_lead(article: _Article, pronoun: Token, floor: int) -> _Resolution | None:
    """'Stamenković et al studied the brines. They found ...': a research team named by its lead
    author ("et al") is that author's, for "they" in the same or the next sentence."""
    doc = article.doc
    start = doc[pronoun.i].sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for tok in reversed(doc[max(start, 0) : max(pronoun.i - 2, 0)]):
        after = doc[tok.i + 1 : tok.i + 3]
        if (tok.idx >= floor and tok.is_title and len(after) == 2 and after[0].lower_ == "et"
                and after[1].lower_.rstrip(".") == "al"):
            person = article.person_by_word(tok.text)
            if person is not None:
                return _person_result(article, person, doc[pronoun.i : pronoun.i + 1])
            # an author the tagger missed: the name as written ("de Vera et al")
            first = tok.i
            while first > start and (doc[first - 1].lower_ in _NAME_PARTICLES or _name_word(doc[first - 1])):
                first -= 1
            return _Resolution(doc[first : tok.i + 1].text, None, "person")
    return None


_TEAM_NOUNS = {"team", "group", "researcher", "scientist"}


def _team_led_by(article: _Article, pronoun: Token, floor: int) -> _Resolution | None:
    """'The Montreal team, led by Björn Benneke, used data from Hubble. They found ...': a research
    team that is the subject of the sentence before (or of the pronoun's own), named by who leads
    it, speaks as its leader, as a team named "Benneke et al" does."""
    doc = article.doc
    n = article.sent_of[pronoun.i]
    for k in (n, n - 1):
        if k < 0:
            break
        sent = article.text.sentence(k)
        if sent.start_char < floor or article.in_headline(sent.root):
            return None
        subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.i >= pronoun.i or subject.pos_ != "NOUN":
            continue
        if lemma_of(subject).lower() not in _TEAM_NOUNS:
            return None
        for led in (c for c in subject.children if c.dep_ == "acl" and c.lower_ == "led"):
            agent = next((c for c in led.children if c.dep_ == "agent"), None)
            leader = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            mention = article.mention_covering(leader.i) if leader is not None else None
            if mention is not None and not any(c.dep_ == "conj" for c in leader.children):
                return _person_result(article, article.people[mention.person], doc[pronoun.i : pronoun.i + 1])
        return None
    return None


def _resolve_group(
    article: _Article,
    pronoun: Token,
    previous: tuple[int, Quote] | None,
    excluded: set[str],
    kinds: dict[str, str],
    floor: int,
) -> _Resolution:
    """1. they/we/it: an organisation (the previous speaker, else the nearest), never a person.
    A plural subject of the pronoun's own sentence comes first ("Republicans want less revenue
    (they want lower rates and suggest ...)"): in 'The stores were reluctant,
    according to a report in which they said ...' "they" are the stores, whoever spoke before; a
    description like that names nobody, so the answer is no one rather than the previous speaker."""
    doc = article.doc
    sent_start = doc[pronoun.i].sent.start
    if pronoun.lower_ == "they" and any(
        t.dep_ in _SUBJECT_DEPS and t.tag_ in ("NNS", "NNPS") and t.i < pronoun.i and t.head.i != pronoun.head.i
        for t in doc[sent_start : pronoun.i]
    ):
        return _Resolution()
    lead = _team_lead(article, pronoun, floor) if pronoun.lower_ in ("they", "we") else None
    if lead is None and pronoun.lower_ == "they":
        lead = _team_led_by(article, pronoun, floor)
    if lead is not None:
        return lead
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
    if pronoun.lower_ == "they":
        return _one_word_body(article, pronoun, excluded, floor) or _Resolution()
    return _Resolution()


def _one_word_body(article: _Article, pronoun: Token, excluded: set[str], floor: int) -> _Resolution | None:
    """'Following the debate Politifact did a fact-check. On September 27 they published ...':
    a one-word name the tagger took for a person (but not everywhere it is written), that the
    article never gives a first name, a role nor calls he or she, is a body of people when "they"
    takes it up as the subject of the pronoun's sentence or the one before (the only such subject
    there)."""
    sent = article.sent_of[pronoun.i]
    for this in (sent, sent - 1):
        found = set()
        for tok in article.text.sentence_tokens(this):
            if (tok.i >= pronoun.i or tok.idx < floor or tok.dep_ not in _SUBJECT_DEPS or tok.pos_ != "PROPN"
                    or article.quotation_of(tok.idx) is not None or article.in_headline(tok)):
                continue
            mention = article.mention_covering(tok.i)
            # (the tagger may have called the name a person only once: the word as written)
            person = article.people[mention.person] if mention is not None else article.names.person_named(tok.text)
            if person is not None:
                found.add(person.id)
        if not found:
            continue
        if len(found) > 1:
            return None
        person = article.people[found.pop()]
        if (person.ambiguous or any(len(f) > 1 for f in person.forms) or person.name in excluded
                or known_first_name(person.name) or person_gender(article, person) is not None
                or any(_is_role_noun(article.doc[m.first - 1]) for m in article.mentions
                       if m.person == person.id and m.first > 0)
                # (a surname the tagger calls a person wherever it is written is someone's)
                or all(t.ent_type_ == "PERSON" for t in article.names._tokens_written(person.name))):
            return None
        return _Resolution(person.name, None, "org")
    return None
