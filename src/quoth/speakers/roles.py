"""Roles: the words that say what a person is, and matching a description to a role.

The article writes a role next to a name ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov, the
Kremlin's spokesman,"); a later source may use a description instead ("the Kremlin spokesman").
Both are reduced to a :class:`_Key` (head noun, modifiers, place and nation words), and
:func:`_match` says how well a description's key fits a role's. Reading the roles written next to a
person's name is here too (:func:`_roles_at`); resolving a description to one person is
:mod:`quoth.speakers.descriptions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoth.nlp import doc_text, lemma as lemma_of
from quoth.speakers.names import _HONORIFICS
from quoth.speakers.tokens import (
    _APOSTROPHES,
    _INDEFINITES,
    _SKIP_ENTS,
    _in_same_ent,
    _is_possessive,
)

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Token

    from quoth.speakers.names import _Mention

# Small and explicit on purpose: a word missing here makes the answer None, never a wrong name.

_ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "mouthpiece", "president", "leader",
    "premier", "minister", "chancellor", "secretary", "ambassador", "envoy", "diplomat", "consul",
    "senator", "sen.", "congressman", "congresswoman", "representative", "rep.", "lawmaker",
    "legislator", "governor", "gov.", "mayor", "official", "officer", "nominee", "candidate",
    "contender", "challenger", "hopeful", "chairman", "chairwoman", "chair", "chief", "head",
    "director", "executive", "ceo", "founder", "adviser", "advisor", "aide", "counsel",
    "attorney", "lawyer", "prosecutor", "judge", "justice", "commander", "general", "gen.",
    "admiral", "colonel", "captain", "lieutenant", "sergeant", "king", "queen", "prince",
    "princess", "monarch", "emperor", "pope", "cardinal", "bishop", "archbishop", "rabbi",
    "imam", "priest", "pastor", "analyst", "expert", "economist", "professor", "researcher",
    "scientist", "doctor", "physician", "strategist", "pollster", "manager", "owner", "editor",
    "correspondent", "reporter", "journalist", "columnist", "author", "writer", "activist",
    "campaigner", "organizer", "organiser", "member", "deputy", "commissioner", "administrator",
    "coach", "host", "anchor", "presenter", "ombudsman", "inspector", "treasurer", "speaker",
    "whip", "delegate", "councillor", "councilor", "councilman", "councilwoman", "sheriff",
    "negotiator", "mediator", "investigator", "detective", "surgeon", "vice", "president-elect",
    "chairperson", "boss", "partner", "co-founder", "cofounder", "dean", "provost", "rector",
    "democrat", "republican", "libertarian",
    # Westminster and the devolved parliaments: "an MP", "the Labour MEP", "a Tory peer".
    "mp", "mep", "msp", "peer",
}
_ROLE_SUFFIXES = ("man", "woman", "person", "ist")
# Words with a role's ending that name no one.
_NOT_ROLES = {
    "human", "list", "playlist", "checklist", "wishlist", "blacklist", "shortlist", "waitlist",
    "twist", "wrist", "mist", "fist", "gist", "exist", "assist", "resist", "insist", "persist",
    "consist", "midst", "tryst", "german", "roman", "caiman",
}
_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
    "gen": "general", "sec": "secretary", "amb": "ambassador",
}
# Heads written as two words: "vice president" is not "president".
_HEAD_PREFIXES = {"vice", "prime", "press", "deputy", "foreign", "defence", "defense", "finance",
                  "interior", "assistant", "lieutenant", "attorney", "supreme", "co"}
# Head nouns a description may use for a role written with another head.
_HEAD_GROUPS = (
    {"spokesman", "spokeswoman", "spokesperson", "press secretary", "mouthpiece"},
    {"president", "leader", "premier", "prime minister", "chancellor", "head", "king", "queen",
     "monarch", "emperor", "supreme leader", "head of state"},
    {"senator", "lawmaker", "legislator", "congressman", "congresswoman", "representative", "mp", "mep",
     "msp"},
    {"nominee", "candidate", "contender", "challenger", "hopeful", "front-runner", "frontrunner"},
    {"judge", "justice"},
    {"businessman", "businesswoman", "mogul", "tycoon", "billionaire", "magnate", "developer"},
    {"chairman", "chairwoman", "chair", "chairperson"},
    {"adviser", "advisor", "aide"},
    {"lawyer", "attorney", "counsel"},
)
# "the official" fits anyone holding one of these offices.
_HYPERNYMS = {
    "official": {"official", "officer", "spokesman", "spokeswoman", "spokesperson",
                 "press secretary", "minister", "foreign minister", "secretary", "ambassador",
                 "envoy", "diplomat", "aide", "adviser", "advisor", "director", "commissioner",
                 "administrator", "deputy", "governor", "mayor", "negotiator", "consul"},
    "lawmaker": {"senator", "congressman", "congresswoman", "representative", "legislator",
                 "member", "mp", "mep", "msp"},
    "politician": {"senator", "congressman", "congresswoman", "representative", "legislator", "mp", "mep", "msp",
                   "governor", "mayor", "president", "minister", "prime minister", "nominee",
                   "candidate"},
    "diplomat": {"ambassador", "envoy", "consul", "diplomat"},
}
# Wire copy's names for a country's foreign minister: "Russia's top diplomat", "the chief
# diplomat" (a bare "diplomat" stays an ambassador or envoy).
_FOREIGN_MINISTERS = {"foreign minister", "foreign secretary", "secretary of state"}
_CHIEF_WORDS = frozenset({"top", "chief"})
_MOD_NORMAL = {
    "presidential": "president", "ministerial": "minister", "senatorial": "senator",
    "gubernatorial": "governor", "mayoral": "mayor", "u.s.": "us", "america": "us",
    "american": "us", "united": "us", "britain": "uk", "british": "uk", "u.k.": "uk",
}
_FEMALE_ROLES = {"queen", "princess", "actress", "widow", "mother", "daughter", "wife", "sister",
                 "grandmother", "aunt", "niece", "girl", "lady", "duchess", "empress", "waitress",
                 "girlfriend", "granddaughter", "stepmother", "mom", "nun"}
# ("actor" is said of women too now: "voice actor Alexis Tipton ... she")
_MALE_ROLES = {"king", "prince", "widower", "father", "son", "husband", "brother",
               "grandfather", "uncle", "nephew", "boy", "lord", "duke", "emperor", "boyfriend",
               "grandson", "stepfather", "dad", "monk", "priest"}
# Parties and ranks that must not conflict between a description and a role.
_PARTIES = {"republican": "r", "gop": "r", "democratic": "d", "democrat": "d", "libertarian": "l",
            "green": "g", "labour": "lab", "conservative": "con", "tory": "con", "liberal": "lib"}
# ("the home secretary" is not the shadow home secretary, the opposition's spokesperson)
_RANK_WORDS = frozenset({"vice", "deputy", "assistant", "former", "ex", "acting", "interim", "shadow"})


@dataclass
class _Key:
    """A role reduced for matching: head noun, other content words, and place/nation words."""

    start: int
    head: str
    mods: frozenset[str]
    geo: frozenset[str]
    # the content words after "of": what the role heads ("the head of the police investigators")
    of: frozenset[str] = frozenset()


@dataclass
class _Role:
    """A role as written next to a person's name, and its key."""

    start: int
    end: int
    text: str
    key: _Key


def _role_gender(head: str) -> str | None:
    word = head.split(" ")[-1]
    if word.endswith("woman") or word in _FEMALE_ROLES:
        return "f"
    if word.endswith("man") and word not in ("human", "ombudsman") or word in _MALE_ROLES:
        return "m"
    return None


def _is_role_noun(tok: Token) -> bool:
    low = tok.lower_
    if low in _ROLE_NOUNS or low.rstrip(".") in _ABBREVIATIONS:
        return True
    lemma = lemma_of(tok).lower()
    if lemma in _ROLE_NOUNS:
        return True
    return (
        tok.pos_ == "NOUN" and tok.is_lower and low.endswith(_ROLE_SUFFIXES)
        and low not in _NOT_ROLES
    )


def _norm(tok: Token) -> str:
    word = tok.lower_.replace("\u2019", "'")
    if word.rstrip(".") in _ABBREVIATIONS:
        return _ABBREVIATIONS[word.rstrip(".")]
    lemma = lemma_of(tok).lower() if tok.pos_ == "NOUN" else word
    return _MOD_NORMAL.get(lemma, lemma)


def _key(tokens: list[Token]) -> _Key | None:
    """Head noun and modifiers of a role or description ("the Russian president's spokesman")."""
    pre: list[Token] = []
    for tok in tokens:
        if tok.pos_ == "ADP":
            break
        pre.append(tok)
    head_at = None
    for n in range(len(pre) - 1, -1, -1):
        tok = pre[n]
        if tok.tag_ == "POS" or tok.is_punct or n + 1 < len(pre) and _is_possessive(pre[n + 1]):
            continue
        if _is_role_noun(tok) or tok.pos_ == "NOUN" and tok.is_lower:
            head_at = n  # any common noun written as someone's role: "a local farmer"
            break
        if tok.pos_ in ("NOUN", "PROPN"):
            return None  # the last noun is no role: "Kremlin Dmitry", "Russia"
    if head_at is None:
        return None
    head = _norm(pre[head_at])
    skip = {head_at}
    if head_at > 0 and pre[head_at - 1].lower_ in _HEAD_PREFIXES:
        head = pre[head_at - 1].lower_ + " " + head
        skip.add(head_at - 1)
    mods, geo, of = set(), set(), set()
    after_of = False
    for n, tok in enumerate(tokens):
        after_of = after_of or (n > head_at and tok.lower_ == "of")
        if n in skip or tok.is_punct or tok.tag_ == "POS" or tok.pos_ in ("ADP", "DET", "PRON"):
            continue
        word = _norm(tok)
        mods.add(word)
        if after_of:
            of.add(word)
        # (a party is no place: "the Democratic senator" may be "Massachusetts Sen. ...")
        if (tok.ent_type_ in ("NORP", "GPE") or word in ("us", "uk")) and word not in _PARTIES:
            geo.add(word)
    return _Key(tokens[0].idx, head, frozenset(mods), frozenset(geo), frozenset(of))


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a stem of the other ("russia" / "russian", "president" / "presidents")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short[:-1]) and len(long) - len(short) <= 3


_SAME_HEAD, _RELATED_HEAD, _NO_FIT = 2, 1, 0


def _head_fit(desc: str, role: str) -> int:
    if desc == role:
        return _SAME_HEAD
    for group in _HEAD_GROUPS:
        if desc in group and role in group:
            return _RELATED_HEAD
    if role in _HYPERNYMS.get(desc, ()):
        return _RELATED_HEAD
    return _NO_FIT


def _office(key: _Key) -> str:
    """The office a key names: "Secretary of State" is no secretary of a department."""
    if key.head == "secretary" and "state" in key.mods:
        return "secretary of state"
    return key.head


def _match(desc: _Key, role: _Key) -> tuple[int, int]:
    """How well a description fits a role: (head fit, shared modifiers), compared in that order."""
    head = _head_fit(desc.head, role.head)
    if desc.head == "diplomat" and desc.mods & _CHIEF_WORDS and _office(role) in _FOREIGN_MINISTERS:
        head = _RELATED_HEAD
    # "Mexico's Foreign Secretary Marcelo Ebrard ... The foreign minister said": one office, named
    # by each country its own way
    if head == _NO_FIT and _office(desc) in _FOREIGN_MINISTERS and _office(role) in _FOREIGN_MINISTERS:
        head = _RELATED_HEAD
    if head == _NO_FIT:
        return (_NO_FIT, 0)
    # "the Russian president" is not "US President Joe Biden".
    if desc.geo and role.geo and not any(_same_word(a, b) for a in desc.geo for b in role.geo):
        return (_NO_FIT, 0)
    # "the GOP nominee" is not "Libertarian nominee Gary Johnson"
    desc_party = {_PARTIES[m] for m in desc.mods if m in _PARTIES}
    role_party = {_PARTIES[m] for m in role.mods if m in _PARTIES}
    if desc_party and role_party and not desc_party & role_party:
        return (_NO_FIT, 0)
    # "the presidential nominee" is not "vice presidential nominee Tim Kaine" (though "the
    # official" may be "Deputy Foreign Minister Sergei Ryabkov")
    desc_rank, role_rank = desc.mods & _RANK_WORDS, role.mods & _RANK_WORDS
    if not desc_rank <= role_rank or head == _SAME_HEAD and not role_rank <= desc_rank:
        return (_NO_FIT, 0)
    # "the head of the police investigators" is not "Export-Import Bank president Okey Oramah":
    # a description that says what its holder heads fits only a role that says so too
    if desc.of and not any(_same_word(a, b) for a in desc.of for b in role.mods):
        return (_NO_FIT, 0)
    overlap = sum(1 for a in desc.mods if any(_same_word(a, b) for b in role.mods))
    return (head, overlap)


# --- roles written next to a person's name -------------------------------------------------------


def _roles_at(doc: Doc, mention: _Mention) -> list[_Role]:
    """Roles written next to one mention: a premodifier, or an appositive."""
    root = doc[mention.root]
    roles = [_premodifier(doc, mention)]
    for child in root.children:
        if child.dep_ == "appos" and child.i > mention.last:
            if doc[mention.last + 1 : child.i].text.lstrip("’'s ").startswith(","):
                roles.append(_appositive(doc, child))
    # "the Kremlin's spokesman, Dmitry Peskov": the name is the appositive.
    if not any(roles) and root.dep_ == "appos" and root.head.i < mention.first:
        head = root.head
        if _is_role_noun(head) and "," in doc[head.i : mention.first].text:
            roles.append(_role_from(doc, list(doc[head.left_edge.i : head.i + 1])))
    return [role for role in roles if role is not None]


def _premodifier(doc: Doc, mention: _Mention) -> _Role | None:
    """``Russian presidential spokesman`` in "Russian presidential spokesman Dmitry Peskov"."""
    i = mention.first - 1
    # "president [Vladimir] Putin": the bracket belongs to the name.
    while i >= 0 and doc[i].text in ("[", "("):
        i -= 1
    tokens: list[Token] = []
    while i >= 0:
        tok = doc[i]
        low = tok.lower_.rstrip(".")
        if tok.is_space or tok.ent_type_ in _SKIP_ENTS or low in _HONORIFICS:
            break
        if tok.ent_type_ == "PERSON" and not _in_same_ent(tok, doc[mention.first]):
            # Another person's name only as a possessor: "Putin's spokesman Dmitry Peskov".
            if not (tokens and tokens[-1].tag_ == "POS"):
                break
        if tok.tag_ == "POS" or tok.text in _APOSTROPHES:
            if not tokens:
                break
            tokens.append(tok)
        elif tok.pos_ in ("ADJ", "PROPN", "NOUN") or (tok.text in "-\u2013" and tokens) or (
            low in _RANK_WORDS and tokens  # "shadow home secretary": the tagger's verb "shadow"
        ):
            if tok.lower_ in ("the", "a", "an"):
                break
            tokens.append(tok)
        elif tok.pos_ == "ADP" and tok.lower_ in ("of", "in", "for", "to", "at", "on") and (
            tokens and i > 0 and _is_role_noun(doc[i - 1])
        ):
            tokens.append(tok)
        else:
            break
        i -= 1
    tokens.reverse()
    while tokens and (tokens[0].tag_ == "POS" or tokens[0].pos_ == "ADP"
                      or tokens[0].text in "-\u2013"):
        tokens.pop(0)
    return _role_from(doc, tokens)


def _appositive(doc: Doc, head: Token) -> _Role | None:
    """``the Kremlin's spokesman`` in "Dmitry Peskov, the Kremlin's spokesman, said"."""
    if head.ent_type_ in {"PERSON", "GPE", "LOC"} | _SKIP_ENTS:
        return None
    if not (head.pos_ == "NOUN" or head.ent_type_ == "NORP" or _is_role_noun(head)):
        return None
    stop = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct")
            and c.i > head.i for t in c.subtree}
    tokens = []
    for tok in doc[head.left_edge.i : head.right_edge.i + 1]:
        if tok.i in stop or tok.is_space:
            break
        tokens.append(tok)
    # Unless its head is a known role, an appositive must close where a phrase would:
    # "Rush Limbaugh, the move reeks of ..." is a misparse, not a role.
    # "said John Smith, a local farmer." is closed too, but a sentence's end is also where a
    # misparse ends, so there only a known role noun counts.
    after = doc[tokens[-1].i + 1] if tokens and tokens[-1].i + 1 < len(doc) else None
    closed = after is not None and after.text in (",", ")", "\u2014", "\u2013", "--")
    if not closed and not _is_role_noun(head):
        return None
    return _role_from(doc, tokens)


def _role_from(doc: Doc, tokens: list[Token]) -> _Role | None:
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].lower_ in _INDEFINITES):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ == "ADP"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    key = _key(tokens)
    if key is None:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return _Role(start, end, doc_text(doc)[start:end], key)
