"""Person names: the word lists for titles, honorifics and first names, and name matching.

A name as written ("President [Vladimir] Putin's", "Mr. Obama", "D. Peskov") is reduced to the
words that identify the person (:func:`canonical_name`), and two names are compared the way a
reader would (same surname, compatible first name). The records of the article's people and of
each mention of them (:class:`_Person`, :class:`_Mention`) are defined here; finding them in a
parsed article is :mod:`quoth.speakers.mentions`.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quoth.speakers.tokens import _POSSESSIVE

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Token

    from quoth.speakers.roles import _Key, _Role

# Small and explicit on purpose: a word missing here makes the answer None, never a wrong name.

_HONORIFICS = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "messrs": None,
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
    "mx": None, "dr": None,
}
# Titles written before a name; stripped from the name, kept in the role.
_TITLES = {
    "president", "pres", "vice", "prime", "premier", "minister", "chancellor", "secretary",
    "sen", "senator", "rep", "representative", "congressman", "congresswoman", "gov", "governor",
    "lt", "ltgov", "mayor", "gen", "maj", "col", "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt",
    "rev", "reverend", "fr", "father", "sister", "brother", "rabbi", "imam", "bishop", "cardinal",
    "pope", "king", "queen", "prince", "princess", "emperor", "sheikh", "judge", "justice",
    "ambassador", "chairman", "chairwoman", "chief", "speaker", "attorney", "leader", "deputy",
    "prof", "professor",
    # police, military and civil ranks ("Chief Superintendent Graciano Mijares", "FBI Director
    # Christopher Wray"): a rank kept in the name made "Superintendent Graciano Mijares"
    "superintendent", "inspector", "commissioner", "detective", "constable", "sergeant", "lieutenant",
    "captain", "colonel", "general", "commander", "director", "officer",
}
# Kinds of business written like a title before a company's name ("Developer Valve said",
# "Automaker Tesla said"): stripped from the name like a title.
BUSINESS_KINDS = {
    "developer", "automaker", "carmaker", "retailer", "publisher", "manufacturer", "chipmaker",
    "drugmaker", "insurer", "lender", "airline", "broadcaster", "startup", "streamer", "miner",
    "supermarket", "grocer", "conglomerate", "distributor", "exporter", "importer", "operator",
}
_MULTIWORD_TITLES = (
    "secretary of state", "secretary of defense", "attorney general", "prime minister",
    "vice president", "foreign minister", "press secretary", "supreme leader", "lt. gov.",
    "lieutenant governor", "chief justice", "house speaker", "crown prince", "crown princess",
)
# A title is not stripped when what follows is an organisation ("Justice Department").
_ORG_HEADS = {
    "department", "ministry", "court", "committee", "party", "office", "council", "motors",
    "house", "agency", "bureau", "service", "administration", "commission", "club", "bank",
    "corporation", "company", "group", "institute", "university", "times", "post", "journal",
    "hospital", "center", "centre", "foundation", "bridge", "authority", "show", "school",
    "college", "airport", "station", "street", "square", "park", "hall", "church", "museum",
}
# A deliberately small first-name list: enough to keep "he" off Hillary in the common case.
# Unknown names agree with every pronoun.
_MALE_NAMES = set(
    "john james robert michael william david richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy "
    "ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin "
    "scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry "
    "aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold "
    "keith christian roger noah gerald carl sean austin arthur lawrence bryan "
    "joe billy bruce albert willie gabriel alan juan wayne roy ralph randy eugene "
    "vincent russell elijah louis bobby philip johnny barack bernie mitt mike ted chuck boris "
    "emmanuel vladimir dmitry dmitri sergei sergey alexei alexey mikhail nikolai ivan igor yuri "
    "viktor andrei oleg maxim pavel recep xi narendra benjamin olaf rishi keir volodymyr "
    "mohammed muhammad ahmed hassan omar "
    "bill tim tom jim jeb marco rand newt rudy ben chris rick ed dan don ron ken steve jeff greg "
    "matt nick jon jonathan tony pete mitch harry chuck reince corey "
    "hugh ian neil colin graham nigel gordon alistair angus duncan liam owen rhys gareth "
    "luis carlos jorge miguel pedro diego javier antonio manuel francisco rafael fernando "
    "pierre jean francois jacques emmanuel nicolas francois-xavier hans klaus jurgen wolfgang "
    "marc stefan giuseppe matteo silvio enrique andres felipe ali mahmoud abdullah "
    "reuben martin luther malcolm jesse al elliott elliot lamar cory tim kirk darrell "
    "quentin marcus dwight ulysses calvin herbert franklin woodrow abraham lyndon jimmy "
    "seth evan ezra isaac caleb luke mason owen hunter cole brett derek travis troy shane "
    "stanley leonard norman howard glenn fred phil stuart milton morris sidney".split()
)
_FEMALE_NAMES = set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty "
    "margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma "
    "nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather "
    "diane ruth julie olivia joyce virginia victoria lauren christina joan evelyn judith "
    "megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn "
    "janice abigail alice julia judy sophia grace denise amber doris marilyn danielle "
    "beverly isabella theresa diana natalie brittany charlotte marie kayla lori hillary "
    "kamala nikki nancy elizabeth angela theresa ursula giorgia jacinda liz marine olga irina "
    "natalia natalya elena yelena tatiana tatyana svetlana yulia maria anastasia ekaterina "
    "valentina lyudmila marina galina "
    "huma chelsea ivanka melania tiffany michele sheryl condoleezza madeleine dianne barbara "
    "elise kirsten tammy claire heidi jeanne debbie gretchen kellyanne sarah susana "
    "loretta sonia ruth elena janet carly meg oprah beyonce "
    "kate katie kathy cathy jenny jen becky sue suzanne susanne maggie molly nora clara "
    "ella eva ava lily zoe chloe mia leah rosa lucy jane joanna ellen eleanor "
    "gwen wendy tina stacy stacey kristen kristin erin erica monica veronica "
    "yvonne simone sylvia vanessa valerie tamara natasha leila fatima aisha amina mariam "
    "marianne brigitte angelique francoise giulia francesca chiara carmen lucia pilar "
    "melanie alicia abigail margaret".split()
)
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAME_PARTICLES = {"de", "dela", "del", "della", "da", "di", "du", "van", "von", "der", "den",
                   "ter", "bin", "ibn", "al", "el", "le", "la", "dos", "das", "y"}
# An untagged name is two to four words long (first, last, an initial or particle or two).
_NAME_RUN = (2, 4)


# Capitals and countries that news copy makes speak for their governments ("Kiev said", "Washington
# warned"). The tagger often reads them as people; a one-word "person" of these names is a place,
# and never "he" or "she".
PLACE_NAMES = frozenset(
    """washington moscow kiev kyiv beijing london paris berlin tokyo tehran damascus ankara brussels
    jerusalem pyongyang seoul baghdad kabul islamabad delhi minsk tbilisi caracas havana riyadh cairo
    ottawa canberra warsaw rome madrid athens budapest prague vienna stockholm oslo helsinki
    copenhagen dublin lisbon bern taipei hanoi manila jakarta bangkok doha beirut amman tripoli
    khartoum nairobi pretoria brasilia bogota kigali ankara baku yerevan chisinau vilnius riga
    tallinn belgrade zagreb sofia bucharest bratislava ljubljana sarajevo skopje tirana podgorica
    canberra wellington dhaka colombo kathmandu naypyidaw astana tashkent ashgabat dushanbe bishkek
    ulaanbaatar muscat sanaa kuwait manama tunis algiers rabat addis abuja accra dakar harare lusaka
    kinshasa luanda maputo kampala mogadishu juba asmara russia ukraine china america iran iraq
    israel syria turkey france germany britain japan india pakistan afghanistan korea venezuela
    cuba mexico canada brazil scotland wales england ireland europe""".split()
)
# Words that open a sentence about several or some things ("Multiple Creative Commons videos",
# "Recent Samsung TVs", "Several Labour MPs"): the tagger may glue them onto the name after them,
# but no person's or organisation's name begins with one.
NOT_NAME_OPENERS = frozenset(
    """multiple several many some few various numerous recent other others most both all each every
    certain more fewer additional further latest earlier previous current existing remaining""".split()
)
# Letters after a name that are no part of it: "Durham Hall QC", "Jane Doe MP".
POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "obe", "cbe", "mbe", "kbe", "phd", "md", "esq"})


def is_place_name(name: str) -> bool:
    """One word that names a capital or country: "Kiev", "Washington" (not "Denzel Washington")."""
    words = name.split()
    return len(words) == 1 and words[0].lower().strip(".,") in PLACE_NAMES


def canonical_name(name: str) -> str:
    """A name without titles, honorifics, possessive, square brackets or extra whitespace.

    Meant for person names: ``"President [Vladimir] Putin’s"`` and ``"Vladimir Putin"`` give the
    same string, so the quote store can merge them. A title is kept when nothing name-like would
    be left or what follows is an organisation (``"Justice Department"``).

    Args:
        name: a name as written in an article.

    Returns:
        The cleaned name (possibly empty if ``name`` was only punctuation).

        >>> canonical_name("  President [Vladimir]  Putin’s ")
        'Vladimir Putin'
        >>> canonical_name("Mr. Smith's")
        'Smith'
    """
    text = name.replace("[", "").replace("]", "")
    text = " ".join(text.split()).strip(" ,;:\"'\u201c\u201d\u2018")
    text = _POSSESSIVE.sub("", text).rstrip(" ,;:")
    while True:
        words = text.split(" ")
        cut = _title_length(words)
        if not cut:
            break
        rest = words[cut:]
        if not rest or not rest[0][:1].isupper() or rest[-1].lower() in _ORG_HEADS:
            break
        text = " ".join(rest)
    words = text.split(" ")
    while len(words) > 2 and words[-1].strip(".,").lower() in POST_NOMINALS:
        words.pop()
    return " ".join(words)


def _title_length(words: list[str]) -> int:
    """How many leading words of ``words`` form a title or honorific (0 if none)."""
    lowered = " ".join(words).lower()
    for title in _MULTIWORD_TITLES:
        if lowered.startswith(title + " "):
            return len(title.split(" "))
    first = words[0].lower().rstrip(".") if words else ""
    if first in _HONORIFICS or first in _TITLES or first in BUSINESS_KINDS:
        return 1
    return 0


@dataclass
class _Person:
    """One person in the article: every way the article names them, and the roles it gives."""

    id: int
    forms: list[tuple[str, ...]] = field(default_factory=list)  # name tokens per mention
    written: list[str] = field(default_factory=list)  # cleaned text per mention
    gender: str | None = None
    roles: list[_Role] = field(default_factory=list)  # as written next to a name
    evidence: list[_Key] = field(default_factory=list)  # roles + resolved descriptions
    ambiguous: bool = False  # a bare surname shared by several people

    @property
    def name(self) -> str:
        """The fullest form: most name tokens, earliest on ties."""
        best = max(range(len(self.forms)), key=lambda i: (len(self.forms[i]), -i))
        return self.written[best]


@dataclass
class _Mention:
    """One place the article names a person."""

    start: int  # first name token's character offset
    end: int
    first: int  # token indices of the name (titles excluded)
    last: int
    root: int
    person: int
    sent: int


def _name_word(tok: Token) -> bool:
    """A word that can be part of a name: a proper noun, or a particle such as "de" or "bin"."""
    return tok.pos_ == "PROPN" and (tok.is_title or tok.lower_ in _NAME_PARTICLES)


def _same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-word names of one person: same last name, compatible first name."""
    if _surname(a) != _surname(b):
        return False
    fa, fb = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:  # an initial: "D. Peskov"
        return fa[0] == fb[0]
    return False


def _surname(name: tuple[str, ...]) -> str:
    """The last name, lower-cased, past any generational suffix ("John G. Roberts Jr.")."""
    words = [w for w in name if w.lower().rstrip(".,") not in _NAME_SUFFIXES] or list(name)
    return words[-1].lower()


def _name_gender(person: _Person) -> str | None:
    if person.gender:
        return person.gender
    firsts = {f[0].lower() for f in person.forms if len(f) > 1}
    if firsts & _MALE_NAMES:
        return "m"
    if firsts & _FEMALE_NAMES:
        return "f"
    # then gender-guesser's name dictionary (40,000 first names from many countries), only where
    # it is sure: "Hatice" is no "he", "Mohammad" no "she"; "Morgan", "Sasha" stay unknown
    found = {_DICTIONARY_GENDER.get(g) for g in map(_first_name_gender, firsts)} - {None}
    return found.pop() if len(found) == 1 else None


_DICTIONARY_GENDER = {"male": "m", "female": "f"}


def known_first_name(word: str) -> bool:
    """Whether ``word`` is a first name of the small lists or gender-guesser's dictionary."""
    low = word.lower()
    return low in _MALE_NAMES or low in _FEMALE_NAMES or _first_name_gender(low) != "unknown"


def sure_first_name(word: str) -> bool:
    """Whether ``word`` is a first name the lists are sure of: the small lists, or a name
    gender-guesser calls male or female outright ("Nicola", not "Morgan" or "Wells")."""
    low = word.lower()
    return low in _MALE_NAMES or low in _FEMALE_NAMES or _first_name_gender(low) in _DICTIONARY_GENDER


@functools.lru_cache(maxsize=4096)
def _first_name_gender(first: str) -> str:
    return _gender_detector().get_gender(first.strip(".").capitalize())


@functools.lru_cache(maxsize=1)
def _gender_detector():
    from gender_guesser.detector import Detector  # 0.5 s to load its dictionary: only when asked

    return Detector(case_sensitive=False)
