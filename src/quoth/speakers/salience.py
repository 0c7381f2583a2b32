"""Who a definite description means when the article never wrote that role next to a name.

News writing varies its references: "Donald Trump says he has big plans. The Republican
presidential nominee noted ...", "Mike Pence says ... The Indiana governor said ...". A reader
who meets such a description with no role to match it against takes it for the person the text is
about just then: the speaker of a recent attribution or the subject of a recent sentence, provided
nothing the article says about that person contradicts it (gender, party, place, rank) and exactly
one such person fits. Where two could be meant, nobody is.

An indefinite one ("A New York judge has rejected ...", the delayed lede of a wire story) is
someone the article is about to name: the one person named just after it whose role fits, or the
speaker named in the very next sentence.

:func:`topic_person` and :func:`person_named_next` are used by
:mod:`quoth.speakers.descriptions` once the roles written in the article have not decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoth.speakers.roles import (
    _NO_FIT,
    _PARTIES,
    _RELATED_HEAD,
    _Key,
    _head_fit,
    _match,
    _role_gender,
    _same_word,
)
from quoth.speakers.organisations import US_STATES
from quoth.speakers.tokens import _SUBJECT_DEPS, _is_possessive

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Span, Token

    from quoth.model import Quote
    from quoth.speakers.article import _Article
    from quoth.speakers.names import _Mention, _Person

# Words of the names of US states ("new", "york", "vermont"): a state is no nationality.
_US_STATE_WORDS = frozenset(w for state in US_STATES for w in state.split())
# How far back (in sentences) a description may reach for the person the text is about.
_TOPIC_SENTENCES = 2
# How far forward an indefinite description may wait for its name.
_NAMED_WITHIN = 2
# A window never reaches further back than this many sentences, quoted or not.
_MAX_QUOTED_RUN = 12
# Heads that describe the person themselves (an office, a standing, a trade), so that "the
# nominee" can be the person just spoken of. Heads that name someone by their relation to another
# ("the spokesman", "the aide", "the lawyer", "the wife") are someone else, and "the official" is
# too vague to be anyone in particular.
# (A head of state or government, "the president", "the prime minister", is left out: the text
# usually means whoever holds the office, not the person it was just about.)
_SELF_HEADS = {
    "leader", "minister", "senator",
    "congressman", "congresswoman", "lawmaker", "legislator", "mp", "mep", "msp", "governor", "mayor",
    "nominee", "candidate", "contender", "challenger", "hopeful", "front-runner", "frontrunner",
    "businessman", "businesswoman", "mogul", "tycoon", "billionaire", "magnate", "developer",
    "chairman", "chairwoman", "chair", "chairperson", "ceo", "founder", "co-founder", "judge",
    "justice", "professor", "scientist", "researcher", "economist", "author", "activist",
    "general", "commander",
    "democrat", "republican", "libertarian", "politician", "secretary", "vice president",
    "first lady", "mother", "father", "magistrate",
}
# Heads that describe a person's own post only in a delayed lede, where the next sentence names
# them ("A California transit chief says ... Interim BART Police Chief Ed Alvarez told reporters");
# "the chief" on its own may be anyone's chief.
_LEDE_HEADS = {"chief", "director"}
# Words that say someone holds a post for now: "Interim Police Chief Ed Alvarez" is still the
# chief a lede calls "a transit chief".
_STAND_IN = frozenset({"acting", "interim"})
# Walks of life no one combines: a person the article calls a judge is not "the nominee", nor a
# reporter "the senator". A role outside these says nothing either way.
_SPHERES = (
    {"judge", "justice", "magistrate"},
    {"president", "leader", "premier", "prime minister", "minister", "chancellor", "senator",
     "congressman", "congresswoman", "lawmaker", "legislator", "mp", "mep", "msp", "peer", "governor",
     "mayor", "nominee",
     "candidate", "contender", "challenger", "hopeful", "front-runner", "frontrunner", "democrat",
     "republican", "libertarian", "politician", "secretary", "vice president", "president-elect",
     "representative", "king", "queen", "monarch", "emperor", "first lady"},
    {"reporter", "correspondent", "journalist", "columnist", "editor", "anchor", "host",
     "presenter", "commentator"},
    {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    {"lawyer", "attorney", "counsel", "prosecutor"},
    {"professor", "scientist", "researcher", "economist", "analyst", "expert"},
    {"general", "commander", "admiral", "colonel", "captain", "lieutenant", "sergeant"},
    {"pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "priest", "pastor"},
)
# Offices one person holds one of at a time: someone the article calls the mayor is not "the
# senator" (though a former secretary of state may be "the former senator", and a governor the
# party's nominee).
_OFFICES = {
    "president", "vice president", "prime minister", "premier", "minister", "chancellor",
    "secretary", "senator", "congressman", "congresswoman", "representative", "governor", "mayor",
    "king", "queen", "monarch", "emperor", "pope", "judge", "justice", "ambassador", "sheriff",
    "president-elect",
}
# Kin nouns are an epithet of the person themselves only as "the mother of three".
_KIN_HEADS = {"mother", "father"}


def description_gender(key: _Key, span: Span) -> str | None:
    """'businessman' is a man, 'the former first lady' a woman; most roles say nothing."""
    for word in [key.head, *key.mods]:
        gender = _role_gender(word)
        if gender is not None:
            return gender
    for tok in span:
        gender = _role_gender(tok.lower_)
        if gender is not None:
            return gender
    return None


def describes_self(key: _Key, span: Span, root: Token, lede: bool = False) -> bool:
    """Whether the description can be the name of a person just spoken of, not someone related
    to them: no possessor inside it ("his ex-wife", "Trump's spokesman"), no "of" someone
    ("the wife of ..."), and a head naming the person's own office or standing (in a delayed
    ``lede``, also one who heads something: "A California transit chief says ...")."""
    heads = _SELF_HEADS | _LEDE_HEADS if lede else _SELF_HEADS
    if key.head not in heads or root.dep_ == "appos":
        return False  # (an appositive describes the name it stands beside, not the topic)
    if key.head == "secretary" and not any(c.lower_ == "of" for c in root.children):
        return False  # "the secretary" may be anyone's; "the secretary of state" is an office
    if any(_is_possessive(t) or t.tag_ == "PRP$" for t in span):
        return False
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if key.head in _KIN_HEADS and not all(o.like_num for o in objects):
            return False  # "the mother of the victim", unlike "the mother of three"
        if any(o.pos_ in ("PROPN", "PRON") for o in objects):
            return False  # "the father of Jane Doe"
    if key.head in _KIN_HEADS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False
    return True


def compatible(person: _Person, key: _Key, gender: str | None, evidence: list[_Key] | None = None) -> bool:
    """Nothing the article says about ``person`` rules the description out: gender, a party, or
    the same kind of role with another place or rank ("the Indiana governor" is not someone the
    article called the Ohio governor)."""
    if gender is not None and person.gender is not None and gender != person.gender:
        return False
    desc_parties = {_PARTIES[m] for m in key.mods | {key.head} if m in _PARTIES}
    evidence_written = person.evidence if evidence is None else evidence
    own_parties = {_PARTIES[w] for e in evidence_written for w in e.mods | {e.head} if w in _PARTIES}
    if desc_parties and own_parties and not desc_parties & own_parties:
        return False
    for written in evidence_written:
        if _head_fit(key.head, written.head) != _NO_FIT and _match(key, written)[0] == _NO_FIT:
            return False
    if key.head in _OFFICES and "former" not in key.mods:
        for evidence in person.evidence:
            if (evidence.head in _OFFICES and "former" not in evidence.mods
                    and _head_fit(key.head, evidence.head) == _NO_FIT):
                return False
    foreign = {g for g in key.geo if g != "us" and g not in _US_STATE_WORDS}
    if foreign and not any(_same_word(a, b) for e in person.evidence for a in foreign for b in e.geo):
        return False  # "the British prime minister" is someone the article said was British
    wanted = _sphere(key.head)
    theirs = {_sphere(e.head) for e in person.evidence} - {None}
    return wanted is None or not theirs or wanted in theirs


def _sphere(head: str) -> int | None:
    for n, sphere in enumerate(_SPHERES):
        if head in sphere or head.split(" ")[-1] in sphere:
            return n
    return None


def _main_subject(article: _Article, mention: _Mention) -> bool:
    """A name that is the subject of its sentence's main verb (or of a verb joined to it)."""
    tok = article.doc[mention.root]
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _opens_sentence(article: _Article, mention: _Mention) -> bool:
    """'Trump, appearing after Clinton, cited ...': a sentence that opens with a name (not a
    possessor: "Trump's campaign said") is about that person, however the parser read it."""
    doc = article.doc
    i = mention.first - 1
    while i >= 0 and article.sent_of[i] == mention.sent and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i >= 0 and article.sent_of[i] == mention.sent:
        return False
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    return doc[mention.root].dep_ != "poss" and not (after is not None and _is_possessive(after))


def _untagged_opening_name(article: _Article, n: int) -> tuple[int, int] | None:
    """(offset, person) for a sentence that opens with a surname the article gives a person but
    the tagger took for something else here ("Trump, appearing after Clinton, cited ...")."""
    words = [t for t in article.text.sentence_tokens(n) if not t.is_punct and not t.is_space]
    if not words or not words[0].is_title or article.mention_covering(words[0].i) is not None:
        return None
    after = words[1] if len(words) > 1 else None
    if after is not None and (_is_possessive(after) or after.is_title):
        return None  # "Trump's", "Trump Tower"
    person = article.person_by_word(words[0].text)
    if person is None or len(person.name.split()) < 2:
        return None
    return words[0].idx, person.id


def _is_possessor(article: _Article, mention: _Mention) -> bool:
    doc = article.doc
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    return doc[mention.root].dep_ == "poss" or (after is not None and _is_possessive(after))


def _quoted_sentence(article: _Article, n: int) -> bool:
    """Whether most words of sentence ``n`` are inside quotation marks."""
    words = [t for t in article.text.sentence_tokens(n) if not t.is_punct and not t.is_space]
    inside = sum(1 for t in words if article.quotation_of(t.idx) is not None)
    return bool(words) and inside * 2 > len(words)


def _narrative_start(article: _Article, sent: int, count: int) -> int:
    """The first sentence of a window reaching back ``count`` sentences of the writer's own
    words before ``sent``: quoted sentences in between (a long quotation's continuation) keep its
    speaker the one the text is about, so they are passed over, not counted."""
    n = sent
    while count > 0 and n > 0 and sent - n < _MAX_QUOTED_RUN:
        n -= 1
        if not _quoted_sentence(article, n):
            count -= 1
    return n


def topic_person(
    article: _Article, span: Span, quotes: list[Quote], index: int, key: _Key,
    gender: str | None, among: set[int] | None = None,
) -> _Person | None:
    """The one person the text is about just before ``span`` who may be the description: the
    speakers of attributions and the subjects of main clauses in the last two sentences of the
    same section, outside quotation marks. ``None`` unless exactly one of them fits."""
    from quoth.speakers.named_sources import _person_named

    sent = article.sent_at(span.start_char)
    section = article.section_start(span.start_char)
    first = _narrative_start(article, sent, _TOPIC_SENTENCES)
    found: set[int] = set()
    for j in range(index - 1, -1, -1):
        quote = quotes[j]
        at = quote.source[0] if quote.source else quote.content[0][0]
        if at >= span.start_char:
            continue
        if at < section or article.sent_at(at) < first:
            break
        person = _person_named(article, quote.speaker)
        if person is not None:
            found.add(person.id)
    for n in range(max(first, 0), sent + 1):
        for mention in article.names.mentions_in_sentence(n):
            if (mention.start < span.start_char and mention.start >= section
                    and article.quotation_of(mention.start) is None
                    and (_main_subject(article, mention) or _opens_sentence(article, mention))):
                found.add(mention.person)
        opener = _untagged_opening_name(article, n)
        if opener is not None and opener[0] < span.start_char and opener[0] >= section:
            found.add(opener[1])
    # (someone known by one word only may be a place or a team the tagger took for a person)
    fits = [article.people[pid] for pid in found
            if (among is None or pid in among) and len(article.people[pid].name.split()) >= 2
            and compatible(article.people[pid], key, gender)]
    if not fits and among is None:
        fits = _possessors_in_view(article, span, first, sent, section, key, gender)
    if len(fits) != 1 or fits[0].ambiguous:
        return None
    # someone else who could be meant, named earlier in the description's own sentence ("The
    # defence of Sanders ... was as undermining as anything the Vermont senator said"), unless
    # the one the text is about is named there too
    in_sentence = [m for m in article.names.mentions_in_sentence(sent)
                   if section <= m.start < span.start_char and article.quotation_of(m.start) is None
                   and not _is_possessor(article, m)]
    if (fits[0].id not in {m.person for m in in_sentence}
            and any(compatible(article.people[m.person], key, gender)
                    and len(article.people[m.person].name.split()) >= 2 for m in in_sentence)):
        return None
    if among is not None:
        # several people hold the role: one of them is meant only if the others are not in view
        for n in range(max(first, 0), sent + 1):
            for mention in article.names.mentions_in_sentence(n):
                if (mention.person in among and mention.person != fits[0].id
                        and section <= mention.start < span.start_char):
                    return None
    return fits[0]


def _possessors_in_view(
    article: _Article, span: Span, first: int, sent: int, section: int, key: _Key, gender: str | None,
) -> list[_Person]:
    """'The commission says there was a problem with Donald Trump's microphone. ... The GOP nominee
    complained': when nobody the text is about could be the description, the people it names
    as possessors in the same window (outside quotation marks) may be, if only one fits."""
    found: dict[int, _Person] = {}
    for n in range(max(first, 0), sent + 1):
        for mention in article.names.mentions_in_sentence(n):
            if (section <= mention.start < span.start_char and article.quotation_of(mention.start) is None
                    and _is_possessor(article, mention)):
                person = article.people[mention.person]
                if len(person.name.split()) >= 2 and compatible(person, key, gender):
                    found[person.id] = person
    return list(found.values())


def person_named_next(
    article: _Article, span: Span, quotes: list[Quote], index: int, key: _Key, gender: str | None,
) -> _Person | None:
    """'A New York judge has rejected ... Justice Frank Nervo rejected that argument': an
    indefinite description is the one person first named in its sentence or the next two whose
    role fits it; failing that, the one newly named speaker of an attribution in the very next
    sentence ('A former party chairman says ... "Now is the time," said Don Fowler')."""
    sent = article.sent_at(span.start_char)
    section_end = _section_end(article, span.start_char)
    named_before = {m.person for m in article.mentions if m.start < span.start_char}
    first_seen: dict[int, int] = {}
    for mention in article.mentions:
        if mention.start >= span.end_char and mention.person not in named_before:
            first_seen.setdefault(mention.person, mention.start)
    soon = {pid: at for pid, at in first_seen.items()
            if article.sent_at(at) <= sent + _NAMED_WITHIN and at < section_end}
    by_role = []
    for pid in soon:
        person = article.people[pid]
        # ("Interim Police Chief Ed Alvarez" is the "transit chief" a lede promised)
        evidence = [e if key.mods & _STAND_IN else _Key(e.start, e.head, e.mods - _STAND_IN, e.geo)
                    for e in person.evidence]
        best = max((_match(key, e) for e in evidence), default=(_NO_FIT, 0))
        if best[0] >= _RELATED_HEAD and compatible(person, key, gender, evidence):
            by_role.append(person)
    if by_role:
        return by_role[0] if len(by_role) == 1 else None
    next_speakers = set()
    for quote in quotes[index + 1 :]:
        if quote.source is None or quote.source[0] < span.end_char:
            continue
        at = article.sent_at(quote.source[0])
        if at > sent + 1:
            break
        if at == sent + 1:
            for mention in article.mentions:
                if quote.source[0] <= mention.start < quote.source[1] and mention.person in soon:
                    next_speakers.add(mention.person)
    fits = [article.people[pid] for pid in next_speakers
            if compatible(article.people[pid], key, gender)]
    return fits[0] if len(fits) == 1 else None


def _section_end(article: _Article, offset: int) -> int:
    """Where the section holding ``offset`` ends (the next "___" or time line), else the text's end."""
    return article.text.section_end(offset)
