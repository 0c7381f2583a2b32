"""One speaker, many names: parsing speaker names and deciding who is who across articles (issue #4).

"Peskov", "Dmitry Peskov", "Dmitry S. Peskov" and "Kremlin spokesman Dmitry Peskov" are one speaker;
Hillary and Bill Clinton are two. The store keeps, for each speaker, the names it was given
(aliases) and the roles it was given; this module holds the pure part: :func:`parse_name` splits a
name from the words before it (titles, roles) and folds it to a key, and :func:`choose` picks an
existing speaker, or none, for a new mention, given the candidates the store looked up.

The evidence, in order (:func:`choose` returns the step that decided as ``Match.reason``):

1. a user catalogue alias (exact key) wins over everything, as does a name a user's correction
   bound to a speaker (``quoth speakers merge | split | rename``: the store marks it as listed);
2. a full name ("Dmitry S. Peskov") joins a speaker with the same surname whose first name is the
   same or an initial of it and whose middle names do not conflict; several such speakers are told
   apart by the role (:func:`role_words`), or else the mention stays a speaker of its own;
3. a surname alone ("Peskov") joins the one person of that surname named in full in the same
   article, else the one person of that surname in the store, else the one whose roles share a word
   with this mention's role; when the surname stays ambiguous the mention goes to a surname-only
   speaker, which a later full name of that surname takes over (``Match.upgrade``) if there is no
   other person of that surname.

A user catalogue (CSV or JSON: ``name``, ``aliases``, optional ``wikidata``) is read by
:func:`read_catalogue`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import IO

from quoth.errors import UsageError

# Dropped in front of a name and never a role: "Mr. Peskov" is Peskov.
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady madam monsieur herr frau rev reverend".split()
)
# Capitalised words that are titles or offices, not names: "Russian President Vladimir Putin".
TITLES = frozenset(
    """president vice prime minister secretary senator sen rep representative congressman
    congresswoman gov governor mayor judge justice gen general col colonel lt lieutenant capt captain
    adm admiral sgt sergeant maj major cmdr commander chancellor king queen prince princess pope
    sheikh ambassador spokesman spokeswoman spokesperson chairman chairwoman chair director ceo chief
    commissioner attorney speaker leader candidate nominee deputy foreign state press house office
    department ministry former acting premier president-elect emir ayatollah patriarch cardinal
    bishop archbishop officer agent inspector superintendent detective professor doctor dean crown""".split()
)
PARTICLES = frozenset("de del della der di da dos du la le van von ten ter bin ibn al el y st".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Letters after a name that are no part of it and never tell two people apart: "Durham Hall QC".
POST_NOMINALS = frozenset("qc kc mp mep msp obe cbe mbe kbe phd md esq".split())
# Role words that tell nobody apart.
ROLE_STOPWORDS = frozenset(
    "the a an of for and to in on at by with from his her its their former then now current s".split()
)
NOT_NAMES = frozenset(
    """he she it they we i you him her them us me his hers its their our who someone somebody
    official officials source sources spokesman spokeswoman spokesperson people everyone anyone""".split()
)

# Letters NFKD leaves whole: "Jarosław Kaczyński" is "jaroslaw kaczynski" too.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ð": "d", "þ": "th"})
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*\.?", re.UNICODE)


@lru_cache(maxsize=65536)  # pure, and called for every word of every name
def fold(text: str) -> str:
    """Lower case, no accents, letters and digits only: ``"Dmitry S. Peskov"`` -> ``"dmitry s peskov"``.

    Example:
        >>> fold("Dmitry S. Péskov")
        'dmitry s peskov'
    """
    text = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", text.casefold().replace("'", "").replace("’", ""))
    return " ".join(words)


@dataclass(frozen=True)
class Name:
    """A speaker's name as a mention gave it, split from the words around it."""

    display: str  # the name itself: "Dmitry S. Peskov"
    last: str  # folded surname: "peskov"
    first: str | None = None  # folded first name: "dmitry"; None for a surname alone
    middles: tuple[str, ...] = ()  # folded: ("s",)
    role: str | None = None  # what stood before the name: "Kremlin spokesman"

    @cached_property  # a Name is frozen: computed once
    def key(self) -> str:
        """The folded name, the key aliases are matched on: ``"dmitry s peskov"``."""
        return " ".join(p for p in (self.first, *self.middles, self.last) if p)

    @property
    def full(self) -> bool:
        return self.first is not None


# a surname joined to its lower-case particle: "el-Sisi", "al-Assad", "bin-Salman"
_PARTICLE_JOINED = re.compile(r"[a-z]{1,3}-[A-Z]")


@lru_cache(maxsize=65536)  # pure (a Name is frozen): the same mentions recur across articles
def parse_name(text: str | None) -> Name | None:
    """Split a speaker mention into a name and the role before it; ``None`` if there is no name.

    Example:
        >>> n = parse_name("Kremlin spokesman Dmitry S. Peskov")
        >>> n.display, n.role, n.key
        ('Dmitry S. Peskov', 'Kremlin spokesman', 'dmitry s peskov')
        >>> parse_name("Mr. Peskov").key, parse_name("the official") is None
        ('peskov', True)
    """
    if not text or not text.strip():
        return None
    text = " ".join(text.split())
    text = re.sub(r"['’]s$", "", text)  # "Peskov's"
    role_after = None
    head, sep, tail = text.partition(",")
    if sep and fold(tail) not in SUFFIXES:  # "Dmitry Peskov, the Kremlin spokesman"
        text, role_after = head.strip(), tail.strip() or None
    tokens = _WORD.findall(text)
    if not tokens:
        return None
    # Walk back from the end over name-like tokens: capitalised words, initials, particles.
    name: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        low = fold(tok)
        if not low:
            break
        named = any(fold(t) not in SUFFIXES for t in name)  # "King" in "Martin Luther King Jr."
        if named and (low in TITLES or low in HONORIFICS):
            break
        if (tok[0].isupper() or _PARTICLE_JOINED.match(tok) or (name and low in PARTICLES)
                or (not name and low in SUFFIXES)):
            name.insert(0, tok)
            i -= 1
            continue
        break
    # Leading particles belong to the role text ("de" alone is no name).
    while name and fold(name[0]) in PARTICLES and len(name) > 1 and not name[1][0].isupper():
        name.pop(0)
        i += 1
    while len(name) > 1 and fold(name[0]) in {"the", "a", "an"}:  # "The Washington Post"
        name.pop(0)
    if not name:
        return None
    prefix = tokens[: i + 1]
    while prefix and fold(prefix[0]) in {"the", "a", "an"}:
        prefix.pop(0)
    role_tokens = [t for t in prefix if fold(t) not in HONORIFICS]
    role = " ".join(role_tokens) or role_after
    parts = [fold(t) for t in name]
    while len(parts) > 2 and parts[-1] in POST_NOMINALS:
        parts.pop()
        name.pop()
    suffix = ()
    while len(parts) > 1 and parts[-1] in SUFFIXES:
        suffix = (parts.pop(),) + suffix
    if len(parts) == 1 and (parts[0] in NOT_NAMES or parts[0] in TITLES or parts[0] in HONORIFICS):
        return None
    # A surname with a particle ("van Gogh", "de la Cruz") stays one surname.
    j = len(parts) - 1
    while j > 0 and parts[j - 1] in PARTICLES:
        j -= 1
    last = " ".join(parts[j:] + list(suffix))
    given = parts[:j]
    display = " ".join(name)
    if not given:
        return Name(display=display, last=last, role=role)
    return Name(display=display, last=last, first=given[0], middles=tuple(given[1:]), role=role)


def transliterated(name: str) -> str:
    """One spelling for the transliterations of a Russian or Ukrainian first name: Dmitry/Dmitri,
    Sergey/Sergei, Yury/Yuri/Yuriy, Alexei/Aleksei.

    Example:
        >>> transliterated("dmitry") == transliterated("dmitri"), transliterated("sergey") == transliterated("sergei")
        (True, True)
    """
    name = name.replace("x", "ks")
    for ending, same in (("iy", "i"), ("ii", "i"), ("ey", "ei"), ("y", "i")):
        if name.endswith(ending) and len(name) > 3:
            return name[: -len(ending)] + same
    return name


def _initial_compatible(a: str, b: str) -> bool:
    """``"d"`` fits ``"dmitry"``; two full names must be equal, up to transliteration."""
    if a == b or (len(a) > 1 and len(b) > 1 and transliterated(a) == transliterated(b)):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


@lru_cache(maxsize=65536)
def _surname_ending(last: str) -> str:
    """'zelenskyy', 'zelenskiy', 'zelenskii' -> 'zelensky': one spelling for transliterated endings."""
    for ending in ("yy", "iy", "ii", "ij"):
        if last.endswith(ending) and len(last) > 5:
            return last[: -len(ending)] + "y"
    return last


def surname_spellings(last: str) -> set[str]:
    """The stored surnames that may be the same as ``last`` (for looking candidates up)."""
    base = _surname_ending(last)
    if base.endswith("y") and base != last or last.endswith(("y", "yy", "iy", "ii", "ij")):
        stem = base[:-1]
        return {last, base, stem + "yy", stem + "iy", stem + "ii", stem + "ij"}
    return {last}


def _same_surname(a: Name, b: Name) -> bool:
    """Two transliterations of one surname ("Zelensky", "Zelenskyy"), for the same full first name."""
    return (
        len(a.first) > 2 and len(b.first) > 2
        and transliterated(a.first) == transliterated(b.first)
        and _surname_ending(a.last) == _surname_ending(b.last)
    )


def compatible(a: Name, b: Name) -> bool:
    """Could two full names be one person? Same surname, same (or initial) first name, and middle
    names that do not conflict ("Dmitry Peskov" fits "Dmitry S. Peskov", not "Dmitry A. Peskov").

    Example:
        >>> compatible(parse_name("D. Peskov"), parse_name("Dmitry S. Peskov"))
        True
        >>> compatible(parse_name("Bill Clinton"), parse_name("Hillary Clinton"))
        False
    """
    if not (a.first and b.first) or (a.last != b.last and not _same_surname(a, b)):
        return False
    if not _initial_compatible(a.first, b.first):
        return False
    if a.middles and b.middles:
        return _initial_compatible(a.middles[0], b.middles[0])
    return True


def role_words(role: str | None) -> frozenset[str]:
    """The words of a role that can tell two people apart: ``"the Kremlin's spokesman"`` ->
    ``{"kremlin", "spokesman"}``."""
    if not role:
        return frozenset()
    return frozenset(w for w in fold(role).split() if w not in ROLE_STOPWORDS and len(w) > 1)


@dataclass
class Candidate:
    """An existing speaker as :func:`choose` sees it."""

    id: int
    names: list[Name]  # the speaker's aliases, parsed
    roles: frozenset[str] = frozenset()  # role words over all its roles
    catalogue: bool = False
    type: str | None = None  # "person", "organisation", "place", "group" or unknown

    @property
    def full_names(self) -> list[Name]:
        return [n for n in self.names if n.full]


@dataclass(frozen=True)
class Match:
    """What :func:`choose` decided: join ``speaker_id`` (``None``: a new speaker), and why."""

    speaker_id: int | None
    reason: str
    upgrade: bool = False  # a surname-only speaker becomes this full name


def _misspelt_in_article(surname: str, context: dict[str, set[int]]) -> int | None:
    """'Koronolli' in an article that names 'Ilir Koronelli' in full and no other such surname: one
    letter apart, both long enough that this is no other name."""
    from rapidfuzz.distance import Levenshtein

    if len(surname) < 5:
        return None
    near = {sid for last, ids in context.items() if len(ids) == 1 and last != surname
            and len(last) >= 5 and Levenshtein.distance(last, surname) == 1 for sid in ids}
    return next(iter(near)) if len(near) == 1 else None


def _by_role(candidates: Sequence[Candidate], words: frozenset[str]) -> list[Candidate]:
    if not words:
        return []
    return [c for c in candidates if c.roles & words]


def choose(
    name: Name,
    role: str | None,
    candidates: Iterable[Candidate],
    context: dict[str, set[int]] | None = None,
    type_: str | None = None,
    ambiguous: frozenset[str] = frozenset(),
) -> Match:
    """Which existing speaker a mention is, following the steps in the module docstring.

    Args:
        name: the parsed mention.
        role: its role (``Quote.speaker_role``, else ``name.role``).
        candidates: every speaker with an alias whose key is ``name.key``, and every speaker with
            the surname ``name.last``.
        context: surname -> ids of the speakers named in full in the same article.
        type_: the mention's speaker type; candidates of another type are never joined.
        ambiguous: surnames the same article gives to two people or more (``surnames_shared``):
            a bare one is nobody in particular there, so it joins no one.

    Example:
        >>> peskov = Candidate(7, [parse_name("Dmitry Peskov")])
        >>> choose(parse_name("Peskov"), None, [peskov])
        Match(speaker_id=7, reason='the only person of that surname', upgrade=False)
    """
    candidates = [c for c in candidates if types_agree(c.type, type_)]
    words = role_words(role)
    # 1. The user's catalogue overrides.
    listed = [c for c in candidates if c.catalogue and any(n.key == name.key for n in c.names)]
    if listed:
        return Match(listed[0].id, "catalogue alias")
    same_surname = [c for c in candidates if any(_surname_ending(n.last) == _surname_ending(name.last) for n in c.names)]
    full = [c for c in same_surname if c.full_names]
    bare = [c for c in same_surname if not c.full_names]
    if name.full:
        # 2. A full name.
        exact = [c for c in full if any(n.key == name.key for n in c.names)]
        if len(exact) == 1:
            return Match(exact[0].id, "same name")
        fits = [c for c in full if any(compatible(name, n) for n in c.full_names)]
        if len(fits) == 1:
            return Match(fits[0].id, "compatible name")
        if len(fits) > 1:
            same_first = [c for c in fits if any(n.first == name.first for n in c.full_names)]
            if len(same_first) == 1:
                return Match(same_first[0].id, "same first name")
            by_role = _by_role(fits, words)
            if len(by_role) == 1:
                return Match(by_role[0].id, "compatible name and role")
            return Match(None, "ambiguous name: a speaker of its own")
        if not full and len(bare) == 1:
            return Match(bare[0].id, "full name of a surname-only speaker", upgrade=True)
        return Match(None, "new name")
    # 3. A surname alone.
    if name.last in ambiguous:
        # a speaker of its own: the one bare "Baker" of the store, never Ginger or Nettie
        alone = [c for c in bare if any(n.key == name.key for n in c.names)]
        if alone:
            return Match(alone[0].id, "a surname two people share in its article: the bare surname's speaker")
        return Match(None, "a surname two people share in its article: a speaker of its own")
    in_article = (context or {}).get(name.last, set())
    if len(in_article) == 1:
        return Match(next(iter(in_article)), "named in full in the same article")
    near = _misspelt_in_article(name.last, context or {})
    if near is not None:
        return Match(near, "a misspelling of a surname named in full in the same article")
    if len(full) == 1:
        return Match(full[0].id, "the only person of that surname")
    if len(full) > 1:
        by_role = _by_role(full, words)
        if len(by_role) == 1:
            return Match(by_role[0].id, "surname and role")
    if bare:
        return Match(bare[0].id, "same surname only" if not full else "ambiguous surname")
    return Match(None, "new surname" if not full else "ambiguous surname: a speaker of its own")


# --- organisations, places and groups --------------------------------------------------------

# Speaker types that are not people: they join only a speaker of the same type and the same name.
ENTITY_TYPES = frozenset({"organisation", "place", "group"})


def entity_key(name: str) -> str:
    """The match key of an organisation, place or group: its folded name without "the" and a
    possessive ("The Kremlin's" -> "kremlin"). Never a surname: "Ford Motor" is no Ford.

    Example:
        >>> entity_key("The Russian Foreign Ministry's")
        'russian foreign ministry'
    """
    key = fold(re.sub(r"['’]s$", "", name.strip()))
    return re.sub(r"^the ", "", key)


def alias_key(name: str, type_: str | None) -> str | None:
    """The key a speaker's alias is stored under: :func:`entity_key` for organisations, places and
    groups, the parsed name's key for people (``None``: no name in it)."""
    if type_ in ENTITY_TYPES:
        return entity_key(name) or None
    parsed = parse_name(name)
    return parsed.key if parsed else None


def types_agree(a: str | None, b: str | None) -> bool:
    """A person (or a speaker of unknown type) never joins an organisation, place or group, and
    those join only their own type."""
    if a in ENTITY_TYPES or b in ENTITY_TYPES:
        return a == b
    return True


# --- the user catalogue ---------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueEntry:
    """One person in a user catalogue: every name in ``aliases`` (and ``name``) is this person."""

    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def keys(self) -> list[str]:
        out: list[str] = []
        for n in (self.name, *self.aliases):
            parsed = parse_name(n)
            key = parsed.key if parsed else fold(n)
            if key and key not in out:
                out.append(key)
        return out


_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


def read_catalogue(file: IO[str], name: str) -> list[CatalogueEntry]:
    """Read a speaker catalogue from an open text file; ``name`` names it in errors.

    CSV: a header with ``name``, ``aliases`` (separated by ``;`` or ``|``) and optionally
    ``wikidata``. JSON: a list of objects ``{"name": ..., "aliases": [...], "wikidata": "Q..."}``.

    Raises:
        UsageError: the file is not a valid catalogue (the message names the file and the row).

    Example:
        >>> read_catalogue(io.StringIO("name,aliases,wikidata\\nDmitry Peskov,Peskov;Dmitri Peskov,Q4161533\\n"), "c.csv")
        [CatalogueEntry(name='Dmitry Peskov', aliases=('Peskov', 'Dmitri Peskov'), wikidata='Q4161533')]
    """
    data = file.read()
    if name.lower().endswith(".json") or data.lstrip().startswith(("[", "{")):
        try:
            rows = json.loads(data)
        except json.JSONDecodeError as e:
            raise UsageError(f"{name}: not valid JSON ({e})") from None
        if isinstance(rows, dict):
            rows = rows.get("speakers")
        if not isinstance(rows, list):
            raise UsageError(f'{name}: expected a list of speakers ({{"name": ..., "aliases": [...]}})')
        records = rows
    else:
        reader = csv.DictReader(io.StringIO(data))
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "name" not in fields:
            raise UsageError(f"{name}: the CSV needs a header with a 'name' column (and 'aliases', 'wikidata')")
        records = [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]
    entries: list[CatalogueEntry] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(records, start=1):
        where = f"{name}: entry {i}"
        if not isinstance(row, dict):
            raise UsageError(f"{where}: expected an object with 'name'")
        person = str(row.get("name") or "").strip()
        if not person:
            raise UsageError(f"{where}: 'name' is empty")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = re.split(r"[;|]", aliases)
        if not isinstance(aliases, list):
            raise UsageError(f"{where}: 'aliases' must be a list or a ';'-separated string")
        aliases = tuple(a.strip() for a in map(str, aliases) if a.strip())
        wikidata = str(row.get("wikidata") or "").strip() or None
        if wikidata and not _WIKIDATA.match(wikidata):
            raise UsageError(f"{where}: wikidata id {wikidata!r} is not of the form Q123")
        entry = CatalogueEntry(person, aliases, wikidata)
        for key in entry.keys:
            if key in seen:
                raise UsageError(
                    f"{where}: the name {key!r} is also in entry {seen[key]}; one name, one person"
                )
            seen[key] = i
        entries.append(entry)
    return entries


__all__ = [
    "Candidate",
    "CatalogueEntry",
    "Match",
    "Name",
    "choose",
    "compatible",
    "alias_key",
    "entity_key",
    "fold",
    "types_agree",
    "parse_name",
    "read_catalogue",
    "role_words",
]


# A run of capitalised words ending in a surname: "Ginger Baker", "Peter Edward Baker" (the first
# word is the first name, the last the surname).
_NAME_RUN = re.compile(r"\b([A-Z][a-z'’-]+)(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+|\"[A-Z][a-z]+\"))*\s+([A-Z][\w'’-]+)\b")


def surnames_shared(text: str, surnames: Iterable[str]) -> frozenset[str]:
    """Which of these surnames the text gives to people with different first names ("Ginger
    Baker" and his daughter "Nettie Baker"): there a bare "Baker" may be either. One pass over
    the text's runs of capitalised words, so a long article costs in proportion.

    Example:
        >>> sorted(surnames_shared("Ginger Baker died. His daughter Nettie Baker said so.", ["baker", "smith"]))
        ['baker']
    """
    from quoth.speakers.names import known_first_name

    wanted = {key for key in surnames if key}
    if not wanted:
        return frozenset()
    firsts: dict[str, set[str]] = {}
    for m in _NAME_RUN.finditer(text):
        last = fold(m.group(2))
        if last in wanted and known_first_name(m.group(1)):
            firsts.setdefault(last, set()).add(m.group(1).lower())
    return frozenset(key for key, names in firsts.items() if len(names) > 1)
