"""Organisations: finding and naming them, and sources that speak for one.

"The Kremlin", "The Post", "the campaign", "a Bloomberg poll": a source may be an organisation
rather than a person. This module finds the article's organisations (:class:`_Orgs`), gives each
its fullest written name ("The Post" -> "The New York Post"), and resolves sources that name an
organisation by its kind ("the ministry") or are a document speaking for whoever issued it
("the report", "a Reuters/Ipsos poll").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoth.nlp import chunks_by_lemma, doc_ents, doc_text, lemma as lemma_of
from quoth.speakers.names import BUSINESS_KINDS, NOT_NAME_OPENERS, is_place_name
from quoth.speakers.roles import _is_role_noun
from quoth.speakers.tokens import (
    _APOSTROPHES,
    _POSSESSIVE,
    _Resolution,
    _is_proper,
    _is_quote_mark,
    _text_of,
)

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

    from quoth.speakers.article import _Article
    from quoth.speakers.names import _Person
    from quoth.speakers.text import _Text

# Nouns that name an organisation generically ("the campaign said").
_ORG_NOUNS = {
    "campaign", "company", "firm", "ministry", "government", "administration", "agency",
    "department", "committee", "party", "newspaper", "paper", "network", "channel", "police",
    "army", "military", "court", "council", "board", "bank", "club", "team", "union", "embassy",
    "office", "organisation", "organization", "group", "commission", "parliament", "cabinet",
    "kremlin", "regime", "authority", "broadcaster", "publisher", "magazine", "outlet", "airline", "fund",
    "manufacturer", "retailer", "charity", "foundation", "institute", "university", "school",
    "prosecutor's office", "service", "watchdog", "regulator", "senate", "congress", "archive",
    "database", "publication", "automaker", "carmaker", "drugmaker", "chipmaker", "insurer", "lender",
}
# Nouns that may stand for any organisation just named ("the company" after "Electronic Arts");
# the others ("the army", "the court", "the ministry") only for one whose name holds them.
_GENERIC_ORG_NOUNS = {
    "company", "firm", "group", "organisation", "organization", "agency", "campaign", "network",
    "outlet", "publisher", "broadcaster", "newspaper", "paper", "magazine", "charity", "manufacturer",
    "retailer", "airline", "club", "team", "watchdog", "regulator", "foundation", "fund", "union",
    "association", "publication",
    # companies named by their trade ("the German automaker" after "Volkswagen says")
    "automaker", "carmaker", "drugmaker", "chipmaker", "insurer", "lender", "bank",
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
# Documents that speak for whoever issued them ("the report said"); polls are named after it.
_POLL_NOUNS = {"poll"}
_DOCUMENT_NOUNS = _POLL_NOUNS | {"survey", "report", "study", "analysis", "statement", "memo", "audit", "ad", "clip",
                                 "article", "editorial", "website", "ruling", "notice", "video", "spot",
                                 "commercial", "advertisement", "piece", "feature", "column", "book", "memoir",
                                 "letter", "brief", "filing", "submission", "document", "advisory", "bulletin"}
# Words a later sentence may use for a document first written with another word ("A web video by
# the RNC ... The clip says", "a Reuters survey ... The study found", "The Post ran a feature ...
# The piece used").
_DOCUMENT_KINDS = (
    frozenset({"ad", "advertisement", "commercial", "spot", "clip", "video"}),
    frozenset({"study", "survey", "poll", "analysis"}),
    frozenset({"piece", "article", "feature", "editorial", "column"}),
    frozenset({"book", "memoir", "autobiography"}),
)
# Documents that come as a set, named in the plural ("WHO's statistics", "the WHO guidelines").
_DATA_NOUNS = {"statistic", "guideline"}  # (not "figures": "Republican establishment figures" are people)
_NOT_ISSUERS = {"new", "latest", "recent", "first", "final", "national", "annual", "exclusive"}
_ORG_NEAR_SENTENCES = 2
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z.&]{1,9})\)")  # "the agency" refers back this many sentences at most


@dataclass
class _Org:
    """One place the article names an organisation."""

    start: int
    end: int
    name: str  # as written, without determiner or possessive
    tokens: tuple[str, ...]  # lower-cased, for suffix matching
    the: bool  # written with "the" before it
    root: int
    sent: int


class _Orgs:
    """The article's organisations (its ORG entities), and the fullest name of each."""

    def __init__(self, doc: Doc, text: _Text, people: list[_Person]) -> None:
        self.doc = doc
        self.text = text
        self.orgs: list[_Org] = []
        self._org_names: dict[tuple, str] = {}
        self.acronyms: dict[str, _Org] = {}  # "who" -> the World Health Organization, as defined
        self._find_orgs(people)
        self._find_acronyms()

    def _find_orgs(self, people: list[_Person]) -> None:
        # the tagger sometimes calls a person an organisation ("Keith Lamont Scott"): a name the
        # article also gives a person is that person's
        person_words = {w.lower() for person in people for form in person.forms for w in form}
        for tokens, listed in self._org_names_written():
            org = self.org_from(tokens, listed=listed)
            if org is not None:
                org = self._of_two_places(org)
            # ("Znak.com", "3M": a name with no all-letter word is no person's)
            if org is not None and not ({w for w in org.tokens if w.isalpha()} or {"."}) <= person_words and not _person_like(org):
                self.orgs.append(org)
        self.orgs = [org for org in self.orgs if not self._common_word_read_as_name(org)]

    def _org_names_written(self) -> list[tuple[list[Token], bool]]:
        """The tokens of each ORG entity, and whether its commas are its own. The tagger splits
        some names in two: joined by "for the" ("the U.S. Court of Appeals for the Sixth
        Circuit") or at a comma of a listed name (:func:`_continues_a_listed_name`)."""
        names: list[tuple[list[Token], bool]] = []
        previous: Span | None = None
        for ent in doc_ents(self.doc):
            if ent.label_ != "ORG":
                continue
            between = self.doc[previous.end : ent.start] if previous is not None else None
            if previous is not None and _continues_a_listed_name(previous, ent):
                names[-1] = (names[-1][0] + list(ent), True)
            elif between is not None and len(between) <= 2 and [t.lower_ for t in between] in (["for", "the"], ["for"]):
                names[-1] = (names[-1][0] + list(between) + list(ent), names[-1][1])
            else:
                names.append((list(ent), False))
            previous = ent
        return names

    def _of_two_places(self, org: _Org) -> _Org:
        """'The High Court of England and Wales', 'the Embassy of Bosnia and Herzegovina': the
        tagger may end the name at "and"; a name ending "of <place>" followed by "and <place>"
        (one word, whichever word the parser joins it to) runs on to take it in."""
        doc = self.doc
        last = doc[org.root]
        if last.i + 2 >= len(doc) or last.dep_ != "pobj" or last.head.lower_ != "of":
            return org
        conj, other = doc[last.i + 1], doc[last.i + 2]
        if conj.lower_ != "and" or other.dep_ != "conj":
            return org
        if not (other.pos_ == "PROPN" and other.is_title and (other.ent_type_ == "GPE" or is_place_name(other.text))):
            return org
        after = doc[other.i + 1] if other.i + 1 < len(doc) else None
        if after is not None and (after.pos_ == "PROPN" or after.tag_ == "POS" or after.text in _APOSTROPHES):
            return org  # "of Michigan and Ohio State", "of England and Germany's ...": a second name
        end = other.idx + len(other)
        name = _POSSESSIVE.sub("", " ".join(doc_text(doc)[org.start:end].split()))
        return _Org(org.start, end, name, org.tokens + ("and", other.lower_), org.the, other.i, self.text.sent_of[other.i])

    def _common_word_read_as_name(self, org: _Org) -> bool:
        """'Bank executives aren't', 'Secretary of State Jon Husted': one capitalised word the
        article also writes in lower case ("bank", "state") is a common noun, not an
        organisation's name, unless a longer name ends in it ("The Post": "The Washington Post")
        or it names a publication."""
        if len(org.tokens) != 1 or not self.text.common_word(org.tokens[0]):
            return False
        word = org.tokens[0]
        if word in _PUBLICATION_WORDS or org.name.isupper():
            return False
        return not any(len(o.tokens) > 1 and o.tokens[-1] == word for o in self.orgs)

    def _find_acronyms(self) -> None:
        """'the World Health Organization (WHO)': the article defines WHO as that name."""
        text = doc_text(self.doc)
        for org in list(self.orgs):
            m = _ACRONYM.match(text, org.end)
            if m is not None and len(org.tokens) > 1:
                self.acronyms.setdefault(m["acronym"].replace(".", "").lower(), org)

    def org_from(self, tokens: list[Token], listed: bool = False) -> _Org | None:
        """The organisation named by ``tokens`` (an ORG entity, or two that
        :func:`_continues_a_listed_name` joins: ``listed``, whose commas are the name's own)."""
        # "World Health Organization (WHO", "European Court of Justice — the supreme court on ...":
        # the name ends before a bracket or a dash
        brackets = [n for n, tok in enumerate(tokens) if tok.text in ("(", "—", "–", "--")]
        if brackets and brackets[0] > 0:
            tokens = tokens[: brackets[0]]
        colons = [n for n, tok in enumerate(tokens) if tok.text == ":"]
        if colons:  # "National Interests: The Human Rights Council"
            tokens = tokens[colons[-1] + 1 :]
        commas = [n for n, tok in enumerate(tokens) if tok.text == "," and n + 1 < len(tokens)]
        if commas and not listed and any(t.pos_ == "PROPN" for t in tokens[commas[-1] + 1 :]):
            tokens = tokens[commas[-1] + 1 :]  # "The militant organisation, the Islamic State"
        while (len(tokens) > 1 and tokens[0].pos_ in ("NOUN", "ADJ") and tokens[1].pos_ != "ADP"
               and any(t.pos_ == "PROPN" for t in tokens[1:])):
            tokens = tokens[1:]  # "television broadcaster PBS": the name, not its description ("Court of Justice" is one)
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
        while len(tokens) > 1 and (tokens[0].lower_ in NOT_NAME_OPENERS or tokens[0].lower_ in BUSINESS_KINDS):
            tokens = tokens[1:]  # "Multiple Creative Commons videos", "Retailer Walmart": a word glued on
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct
                          or tokens[-1].text in _APOSTROPHES):
            tokens = tokens[:-1]
        # "Kremlin Spokesman" is tagged ORG; the organisation is "Kremlin" (but the "European Court
        # of Justice" keeps its last word)
        while len(tokens) > 1 and _is_role_noun(tokens[-1]) and tokens[-2].pos_ != "ADP":
            tokens = tokens[:-1]
        if not tokens or (_is_role_noun(tokens[-1]) and (len(tokens) < 2 or tokens[-2].pos_ != "ADP")):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        name = _POSSESSIVE.sub("", " ".join(doc_text(self.doc)[start:end].split()))
        if name.islower():
            return None  # 'defence ministry' tagged as a name: a kind of organisation, named by nobody
        root = tokens[-1].i
        words = tuple(t.lower_ for t in tokens if t.tag_ != "POS")
        return _Org(start, end, name, words, the, root, self.text.sent_of[root])

    def org_name(self, org: _Org) -> str:
        """The fullest written form of an organisation ("The Post" -> "The New York Post")."""
        key = (org.tokens, org.the, org.name)
        if key not in self._org_names:
            self._org_names[key] = self._fullest_org_name(org)
        return self._org_names[key]

    def _fullest_org_name(self, org: _Org) -> str:
        defined = self.acronyms.get(" ".join(org.tokens)) if len(org.tokens) == 1 else None
        if defined is not None and defined is not org:
            return self.org_name(defined)
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


def _continues_a_listed_name(first: Span, second: Span) -> bool:
    """'The Department for Levelling Up,' and 'Housing and Communities' tagged as two
    organisations: a name of the form "Department for X" or "Ministry of X" that the tagger ends
    with a comma, right before capitalised words ending in "and Y", is one name that lists what
    the department does ("Department for Environment, Food and Rural Affairs")."""
    doc = first.doc
    if first[-1].text != "," or second.start != first.end:
        return False
    head = [t for t in first if not t.is_punct and t.pos_ != "DET"]
    if len(head) < 3 or not any(t.lower_ in ("of", "for") and t.pos_ == "ADP" for t in head[1:-1]):
        return False
    words = [t for t in second if not t.is_punct]
    if not any(t.lower_ in ("and", "&") for t in words[1:-1]):
        return False
    return all(t.is_title or t.lower_ in ("and", "&", "of", "for") for t in words) and doc[second.end - 1].is_title


def _person_like(org: _Org) -> bool:
    """'Kama Melly QC' tagged as an organisation: a known first name and at most three more
    capitalised words, none an organisation's head word."""
    from quoth.speakers.names import POST_NOMINALS, known_first_name

    words = [w for w in org.name.split() if w.strip(".").lower() not in POST_NOMINALS]
    return (
        2 <= len(words) <= 4
        and known_first_name(words[0])
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in _ORG_NOUNS or w.lower() in _PUBLICATION_WORDS for w in words)
    )


def _org_in(article: _Article, span: Span, root: Token) -> str | None:
    for org in article.orgs:
        # The span's head inside an organisation's name: "the Association of Flight Attendants".
        if org.start <= root.idx < org.end:
            return article.org_name(org)
    words = [t for t in span if t.pos_ != "DET" and t.tag_ != "POS"]
    lowered = tuple(t.lower_ for t in words)
    defined = article.organisations.acronyms.get(" ".join(lowered).replace(".", ""))
    if defined is not None and all(t.is_upper for t in words):  # "the WHO", defined earlier
        return article.org_name(defined)
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


def _organisation_words(article: _Article, words: list[Token]) -> bool:
    """'a Woolworths spokesperson': proper nouns that name no person and no place of the article
    are the name of whatever the spokesperson speaks for, though the tagger did not call it an
    organisation. A word the tagger only ever calls a nationality or group ("Palestinian") is not
    one; a word it also calls something else ("Woolworths" as a group here, a person there) is."""
    doc = article.doc
    if not words or len(words) > 4:
        return False
    for tok in words:
        if tok.pos_ != "PROPN" or tok.tag_ != "NNP" or not (tok.is_title or tok.is_upper):
            return False
        if tok.ent_type_ in ("GPE", "FAC", "PERSON") or article.mention_covering(tok.i) is not None:
            return False
        if article.person_by_word(tok.text) is not None:
            return False
        if tok.ent_type_ == "NORP" and not any(
            t.text == tok.text and t.ent_type_ not in ("NORP", "GPE", "") for t in doc
        ):
            return False
    return True


def _org_named(article: _Article, name: str | None) -> _Org | None:
    for org in article.orgs:
        if name in (org.name, article.org_name(org)):
            return org
    return None


def _resolve_document(article: _Article, span: Span, root: Token, det: str | None) -> _Resolution:
    """"A Bloomberg poll", "a Government Accountability Office report", "an analysis released by
    the Department of Veterans Affairs", and later "the poll", "the report": a document speaks for
    whoever issued it (a poll goes by its name: "Bloomberg poll"). Unnamed ones ("a study") stay
    unresolved."""
    # (the agent may lie past the source as the parser cut it: "a 46-page analysis | released by the VA")
    issuer = _issuer_words(root, span) or _issuer_words(root, _phrase(root))
    if not issuer and det in ("the", "this", "that") and len(span) <= 2:
        lemma = lemma_of(root).lower()
        # (the chunks with that root lemma, latest first: :func:`quoth.nlp.chunks_by_lemma`)
        for chunk in chunks_by_lemma(article.doc, lemma_of).get(lemma, []):
            if chunk.end_char <= span.start_char and lemma_of(chunk.root).lower() == lemma:
                if article.in_headline(chunk.root):
                    continue  # "Popular Website Shows Bias": a title-case headline capitalises every word
                # (the whole phrase: "a new ad from Donald Trump's campaign" is more than its chunk)
                issuer = _issuer_words(chunk.root, _phrase(chunk.root))
                if issuer:
                    root = chunk.root
                    break
                near = article.sent_at(span.start_char) - article.sent_of[chunk.root.i] <= _KIND_NEAR_SENTENCES
                released = _released_by(article, chunk.root, framing=near)
                if released is not None:  # 'The RNC released a new ad on Friday. The ad says ...'
                    return released
                if lemma in _LATEST_ONLY and not (len(chunk) <= 2 and chunk[0].lower_ in ("the", "this", "that")):
                    break  # 'the ad' is the one last mentioned ('a new ad from the campaign'), not an older one
                # (an earlier "the ad" is that same one again: the search goes on to where it was introduced)
        if not issuer:
            found = _document_of_its_kind(article, span, lemma)
            return found if found.speaker is not None else _ruled_by(article, span, lemma)
    if not issuer:
        return _Resolution()
    # "a Bloomberg poll" goes by its name; "a poll published by NBC News" by its publisher's
    words = issuer + [root] if lemma_of(root).lower() in _POLL_NOUNS and issuer[-1].i < root.i else issuer
    if words is issuer:  # "RIAA's notice": the issuer by the fullest name the article gives it
        lowered = " ".join(t.lower_ for t in issuer if t.tag_ != "POS")
        known = article.organisations.acronyms.get(lowered.replace(".", "")) if len(issuer) == 1 else None
        known = known or next((o for o in article.orgs if " ".join(o.tokens) == lowered), None)
        if known is not None:
            return _Resolution(article.org_name(known), None, "org")
        mention = article.mention_covering(issuer[-1].i)
        if mention is not None:  # "Ivana Trump's brief": hers, though another Trump is in the story
            return _Resolution(article.people[mention.person].name, None, "person", mention.person)
        person = article.person_by_word(issuer[-1].text)
        if person is not None and person.name.endswith(_text_of(article.doc, issuer).split()[-1]):
            return _Resolution(person.name, None, "person")  # 'a Hillary Clinton ad': hers
    return _Resolution(" ".join(_text_of(article.doc, words).split()), None, "org")


# Documents an article mentions several of ('a 2008 Clinton ad', then 'a new ad from the campaign'):
# "the ad" is the latest.
_LATEST_ONLY = {"ad", "clip"}
# Verbs by which someone comes to hold a document someone else wrote ('a memo obtained by the AP').
_NOT_ISSUING = {"obtain", "see", "review", "receive", "leak", "cite", "quote", "read", "examine",
                "acquire", "find", "uncover"}
# Verbs by which someone puts out a document ('released a statement', 'aired an ad').
_ISSUING = {"release", "issue", "publish", "air", "launch", "unveil", "post", "run", "put", "write"}


def _released_by(article: _Article, noun: Token, framing: bool = True) -> _Resolution | None:
    """The named subject of the verb that put this document out, resolved as a source is; or, if
    ``framing`` (a document mentioned just before), of the verb the document frames ('In a
    statement announcing the pick, the Association of Flight Attendants called Clinton a
    champion': the statement is the association's)."""
    verb = noun.head
    if (framing and noun.dep_ == "pobj" and verb.lower_ == "in" and verb.dep_ == "prep"
            and verb.head.pos_ == "VERB"):
        verb = verb.head  # "In a statement, X said"
    elif noun.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb).lower() not in _ISSUING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or article.quotation_of(subject.idx) is not None:
        return None
    from quoth.speakers.named_sources import _resolve_named  # mentions builds on this module

    found = _resolve_named(article, article.doc[subject.left_edge.i : subject.i + 1])
    return found if found.speaker is not None else None


# How far back (in sentences) "the clip" may find the web video it stands for.
_KIND_NEAR_SENTENCES = 3


def _document_of_its_kind(article: _Article, span: Span, lemma: str) -> _Resolution:
    """'A web video by the Republican National Committee ... The clip says', 'a recent Reuters
    survey of voter lists. The study found': "the clip", "the study" is the document of its kind
    mentioned last, written with another word, in the same section and at most two sentences
    before; it speaks for whoever that one names as its issuer, else for nobody."""
    kind = next((k for k in _DOCUMENT_KINDS if lemma in k), None)
    if kind is None:
        return _Resolution()
    section = article.section_start(span.start_char)
    chunks = chunks_by_lemma(article.doc, lemma_of)
    earlier = [c for word in kind for c in chunks.get(word, [])
               if section <= c.start_char and c.end_char <= span.start_char and not article.in_headline(c.root)]
    if not earlier:
        return _Resolution()
    latest = max(earlier, key=lambda c: c.start).root
    if article.sent_at(span.start_char) - article.sent_of[latest.i] > _KIND_NEAR_SENTENCES:
        return _Resolution()
    if lemma_of(latest).lower() == lemma:
        return _Resolution()  # the same word, already looked at by the caller
    whole = _phrase(latest)
    # (that one may itself be "the ad", after "a web video by ...": it is resolved the same way)
    det = whole[0].lower_ if whole[0].lower_ in ("the", "this", "that") else None
    found = _resolve_document(article, whole, latest, det)
    if found.speaker is None:
        found = _released_by(article, latest) or _Resolution()
    return found


def _phrase(noun: Token) -> Span:
    """The whole noun phrase a noun heads, its modifiers and complements with it."""
    return noun.doc[noun.left_edge.i : noun.right_edge.i + 1]


# Documents named after what their issuer did: 'The appeals court ruled that ... said the ruling'.
_DONE_BY = {"ruling": "rule"}


def document_named_next(article: _Article, span: Span, lemma: str) -> _Resolution:
    """'A new poll shows that Trump remains in a tight race ... The latest Reuters/Ipsos opinion
    poll released Friday shows ...': a lede's unnamed document is the one of its kind the next two
    sentences name with its issuer, the first of them; else nobody."""
    kind = next((k for k in _DOCUMENT_KINDS if lemma in k), frozenset({lemma}))
    here = article.sent_at(span.start_char)
    end = article.text.section_end(span.start_char)
    later = [c for word in kind for c in chunks_by_lemma(article.doc, lemma_of).get(word, [])
             if span.end_char <= c.start_char < end and article.sent_of[c.root.i] - here <= 2]
    for chunk in sorted(later, key=lambda c: c.start):
        found = _resolve_document(article, _phrase(chunk.root), chunk.root, None)
        if found.speaker is not None:
            return found
    return _Resolution()


def _ruled_by(article: _Article, span: Span, lemma: str) -> _Resolution:
    """'The appeals court ruled that Ohio's practices ... "A state cannot ...," said the ruling':
    the ruling is the one whoever ruled, in the nearest sentence before (at most two back) that
    says so, put out."""
    verb_lemma = _DONE_BY.get(lemma)
    if verb_lemma is None:
        return _Resolution()
    from quoth.speakers.named_sources import _resolve_named  # mentions builds on this module

    doc = article.doc
    here = article.sent_at(span.start_char)
    section = article.section_start(span.start_char)
    for n in range(here, max(here - 3, -1), -1):
        for verb in reversed(article.text.sentence_tokens(n)):
            if (verb.idx >= span.start_char or verb.idx < section or verb.pos_ != "VERB"
                    or lemma_of(verb).lower() != verb_lemma or article.quotation_of(verb.idx) is not None):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
                return _Resolution()
            words = doc[subject.left_edge.i : subject.i + 1]
            found = _resolve_named(article, words)
            if found.speaker is None and lemma_of(subject).lower() in _ORG_NOUNS:
                found = _resolve_org_noun(article, words, subject, [t for t in words if t.pos_ != "DET"])
            return found
    return _Resolution()


# (months go by the tagger's DATE: "May", "June" and "August" are names too)
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _issuer_words(root: Token, span: Span) -> list[Token]:
    """Who issued a document: the proper nouns before it ("Bloomberg poll", "the Reuters/Ipsos
    opinion poll", "Ivanka Trump's statement"), else the agent after it ("a report by Politico",
    "an analysis released by the Department of Veterans Affairs")."""
    doc = root.doc
    poss = next((c for c in root.children if c.dep_ == "poss" and _is_proper(c)), None)
    if (poss is not None and (poss.ent_type_ in ("DATE", "TIME") or poss.lower_ in _DAY_NAMES)
            and not any(c.dep_ == "compound" for c in poss.children)):
        return []  # "Friday's statement", "October's report": a date, not who issued it (not "Theresa May's")
    if poss is not None:
        return [t for t in poss.subtree if t.tag_ != "POS" and t.pos_ != "DET"]
    i = root.i - 1
    while i >= span.start and (doc[i].is_space or doc[i].is_lower and doc[i].dep_ in ("compound", "amod", "nmod")):
        i -= 1  # "opinion", "national", "tracking" (and a no-break space the parser kept as a token)
    words: list[Token] = []
    while i >= span.start and (_is_proper(doc[i]) or doc[i].text in ("/", "-") and words):
        words.insert(0, doc[i])
        i -= 1
    while words and (not _is_proper(words[0]) or words[0].pos_ == "DET"):
        words.pop(0)  # (the tagger may take "The" into the name: "The Boston Herald/Suffolk poll")
    if len(words) == 1 and words[0].pos_ == "ADJ" and words[0].is_sent_start:
        words = []  # "Microscopy analysis suggested ...": a capitalised adjective opening a sentence
    if words and not all(w.lower_ in _NOT_ISSUERS for w in words):  # a title-case "New Poll"
        return words
    by = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "by"]
    by += [a for acl in root.children if acl.dep_ == "acl" and lemma_of(acl).lower() not in _NOT_ISSUING
           for a in acl.children if a.dep_ == "agent"]  # (not "a memo obtained by the AP")
    for agent in by:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and _is_proper(pobj) and pobj.i < span.end and not any(c.dep_ == "cc" for c in pobj.children):
            return _name_words(pobj)
    # "a report from ABC Australia": from an organisation or a person (not "from March", "from Kabul")
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "from"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (pobj is not None and _is_proper(pobj) and pobj.ent_type_ in ("ORG", "PERSON")
                and pobj.i < span.end and not any(c.dep_ in ("cc", "prep") for c in pobj.children)):
            return _name_words(pobj)
        if pobj is not None and pobj.i < span.end and _named_organisation_noun(pobj):
            return _name_words(pobj)  # "a new ad from Donald Trump's campaign"
    # "a document on the Trump campaign's website": whoever's website it is
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "on"):
        site = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if site is None or site.i >= span.end or lemma_of(site).lower() not in ("website", "site", "page"):
            continue
        owner = next((c for c in site.children if c.dep_ == "poss"), None)
        if owner is not None and (_is_proper(owner) and owner.pos_ == "PROPN" or _named_organisation_noun(owner)):
            return [t for t in _name_words(owner) if t.tag_ != "POS"]
    return []


def _name_words(noun: Token) -> list[Token]:
    """The words of a name in a noun phrase, without its determiner or what is said of it after
    ('the American Legion | obtained by The Associated Press', 'Kenneth P. Cohen | , a vice
    president')."""
    said = {t.i for c in noun.children if c.dep_ in ("acl", "relcl", "appos") and c.i > noun.i for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in said and t.pos_ != "DET"]
    while words and words[-1].is_punct:
        words.pop()
    return words


def _named_organisation_noun(noun: Token) -> bool:
    """'Donald Trump's presidential campaign', 'the Clinton campaign': a kind of organisation
    written with the proper name of whose it is (and nothing joined to it)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or lemma_of(noun).lower() not in _ORG_NOUNS:
        return False
    if any(c.dep_ in ("cc", "prep", "relcl", "acl") for c in noun.children):
        return False
    return any(c.dep_ in ("poss", "compound") and _is_proper(c) for c in noun.children)


def _resolve_org_noun(article: _Article, span: Span, root: Token, body: list[Token]) -> _Resolution:
    """"the campaign", "the Trump campaign", "the ministry": an organisation named by its kind."""
    doc = article.doc
    if body:
        # "The European Court of Justice (ECJ) — the supreme court on ...", "the Court of Justice":
        # a name the article knows as an organisation is that organisation, in its fullest form
        known = next((o for o in article.orgs if o.start <= body[0].idx < o.end
                      and (root.idx < o.end or doc_text(doc)[o.end : o.end + 3].strip()[:1] in ("(", "—", "–", ","))), None)
        if known is not None:
            return _Resolution(article.org_name(known), None, "org")
    proper = [t for t in body if t.i != root.i and _is_proper(t) and not _owner_in_a_modifier(t)]
    if proper and all(t.i > root.i for t in proper):  # "broadcaster PBS": the name after the noun
        if any(t.pos_ == "ADP" for t in doc[root.i + 1 : proper[0].i + 1]):
            return _Resolution(_text_of(doc, [t for t in body if t.i >= root.i]), None, "org")  # "Court of Justice"
        return _Resolution(_text_of(doc, [t for t in body if t.i >= proper[0].i]), None, "org")
    if proper and not _placed_kind(proper, root):  # "the Trump campaign": named as written
        return _Resolution(_text_of(doc, body), None, "org")
    named = next((o for o in article.orgs if 0 <= o.start - span.end_char <= 1), None)
    if named is not None:  # "The charity Refugee Action said": the name right after the noun
        return _Resolution(article.org_name(named), None, "org")
    lemma = lemma_of(root).lower()
    if lemma == "police" and len(body) == 1:
        return _the_one_police_force(article, span)
    earlier = sorted((o for o in article.orgs if o.end <= span.start_char), key=lambda o: -o.start)
    for org in earlier:
        if lemma in org.tokens:  # "the commission": "Commission on Presidential Debates"
            return _Resolution(article.org_name(org), None, "org")
    for chunk in chunks_by_lemma(doc, lemma_of).get(lemma, []):
        if chunk.end_char > span.start_char or lemma_of(chunk.root).lower() != lemma:
            continue
        mods = [t for t in chunk if t.i != chunk.root.i and t.pos_ not in ("DET", "PRON", "PUNCT")]
        if any(_is_proper(t) and not _owner_in_a_modifier(t) for t in mods):
            return _Resolution(_text_of(doc, [t for t in chunk if t.pos_ != "DET"]), None, "org")
    # "the agency" right after "the Congressional Budget Office": the organisation just named; a
    # noun that names a kind of institution ("the army", "the court") must be in its name
    nearest = _nearest_actor(article, earlier, root) if earlier else None
    if (
        nearest is not None
        and lemma in _GENERIC_ORG_NOUNS
        and span[0].lower_ in ("the", "this", "that")  # not a bare "police"
        and article.sent_of[root.i] - nearest.sent <= _ORG_NEAR_SENTENCES
        and article.quotation_of(nearest.start) is None
    ):
        return _Resolution(article.org_name(nearest), None, "org")
    return _Resolution()


def _owner_in_a_modifier(tok: Token) -> bool:
    """'the Braun-owned company', 'the Facebook-owned company', 'a Paris-based firm': a name
    glued by a hyphen to a participle says who owns the organisation or where it is, not its
    name; the description stands for some other firm ("the Braun-owned company" is a label)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (nxt is not None and nxt.text in ("-", "‐") and not nxt.whitespace_
            and tok.i + 2 < len(doc) and doc[tok.i + 2].tag_ in ("VBN", "VBD", "JJ"))


# Where a name stands when its sentence is about what it does or says.
_ACTING = frozenset({"nsubj", "nsubjpass", "poss"})


def _nearest_actor(article: _Article, earlier: list[_Org], root: Token) -> _Org:
    """'VW has used chrome-like paint ... in favor of more AppleSkin. The automaker says ...':
    "the company" takes up the organisation the text last told of as doing or saying something
    (a subject or a possessor), not a name just mentioned inside a phrase, which may be a product
    or a material that happens to be tagged as a firm. The latest organisation, if it acts in its
    sentence or no other one within reach does."""
    doc = article.doc
    here = article.sent_of[root.i]
    for org in earlier:
        if here - org.sent > _ORG_NEAR_SENTENCES:
            break
        if doc[org.root].dep_ in _ACTING and article.quotation_of(org.start) is None:
            return org
    return earlier[0]


# Forces a bare "police" in a story about one city does not mean.
_OTHER_FORCES = frozenset({"state", "federal", "national", "military", "transit", "campus", "border",
                           "secret", "capitol", "park", "railway", "traffic"})


def _the_one_police_force(article: _Article, span: Span) -> _Resolution:
    """'Charlotte-Mecklenburg police chief Kerr Putney said ... Police say he posed a threat':
    a bare "police" is the force of the one place whose police the article (or the live-blog
    section) names; with none, or two ("Tulsa police", "state police"), nobody."""
    doc = article.doc
    start = article.section_start(span.start_char)
    end = article.text.section_end(span.start_char)
    forces: dict[str, str] = {}
    for tok in doc:
        if tok.lower_ != "police" or not start <= tok.idx < end or article.in_headline(tok):
            continue
        i = tok.i
        while i > 0 and (doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title
                         or doc[i - 1].text in ("-", "\u2010") and i > 1 and doc[i - 2].pos_ == "PROPN"):
            i -= 1
        words = doc[i : tok.i]
        if not len(words):
            if tok.i > 0 and doc[tok.i - 1].lower_ in _OTHER_FORCES:
                forces.setdefault(doc[tok.i - 1].lower_, "")  # 'state police': another force
            continue
        if any(t.ent_type_ in ("PERSON", "NORP") for t in words):
            return _Resolution()  # 'Laquan McDonald police shooting', 'German police': no one force
        place = " ".join(t.lower_ for t in words)
        named = next((o for o in article.orgs if o.start <= tok.idx < o.end
                      and (o.tokens[-1] == "police" or o.tokens[-2:-1] == ("police",)
                           and o.tokens[-1] in ("department", "service", "force"))), None)
        if named is not None:  # "the Metropolitan Police Service", "Springfield Police Department"
            forces[place] = article.org_name(named)
        else:
            forces.setdefault(place, _text_of(doc, [*words, tok]))
    if len(forces) != 1:
        return _Resolution()
    return _Resolution(next(iter(forces.values())), None, "org")


# Kinds of organisation that are one thing under two words ("news site", then "the website").
_SAME_KIND = {"site": "website", "website": "site"}


def org_described_as(article: _Article, root: Token) -> _Resolution | None:
    """'One news site, Znak.com, said ... The website further reported': the organisation the
    article earlier said was such a thing, in apposition ("Znak.com, a news site", "the news
    site Znak.com") or just before its name ("broadcaster PBS"), takes up "the site". The
    latest so described, if any; none when the article described two names as one kind together."""
    lemma = lemma_of(root).lower()
    if lemma not in _ORG_NOUNS and lemma not in _SAME_KIND or _is_role_noun(root):
        return None  # ("Acme, a leader in widgets": "the leader" is a person)
    kinds = {lemma, _SAME_KIND.get(lemma, lemma)}
    doc = article.doc
    for org in sorted((o for o in article.orgs if o.end <= root.idx), key=lambda o: -o.start):
        name_root = doc[org.root]
        described = [name_root.head] if name_root.dep_ == "appos" else []
        described += [c for c in name_root.children if c.dep_ == "appos"]
        words = doc.char_span(org.start, org.end, alignment_mode="expand")
        before = doc[words.start - 1] if words is not None and words.start > 0 else None
        if before is not None and before.pos_ == "NOUN":
            described.append(before)
        if any(t.pos_ == "NOUN" and lemma_of(t).lower() in kinds and t.tag_ == "NN" for t in described):
            return _Resolution(article.org_name(org), None, "org")
    return None


def _placed_kind(proper: list[Token], root: Token) -> bool:
    """'US federal agency announces ...', 'the Russian company': a kind of organisation that
    there are many of, said to be of a country, names none of them (unlike "the Saudi
    government", of which a country has one, or "Kasich's campaign", whoever the tagger takes
    Kasich for)."""
    doc = root.doc
    return lemma_of(root).lower() in _GENERIC_ORG_NOUNS and all(
        t.ent_type_ in ("GPE", "NORP") and t.dep_ != "poss"
        and not (t.i + 1 < len(doc) and (doc[t.i + 1].tag_ == "POS" or doc[t.i + 1].text in _APOSTROPHES))
        for t in proper)


# The states of the United States, as news text names them ("the state" after "Florida").
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
})


def resolve_the_state(article: _Article, span: Span, root: Token) -> _Resolution:
    """'They cite the 2000 election in Florida, when the state incorrectly stated ...': "the
    state" speaks for the one US state named in its sentence before it or in the sentence before;
    with none, or two, it names nobody (never "State")."""
    from quoth.nlp import doc_ents

    here = article.sent_of[root.i]
    named = set()
    for ent in doc_ents(article.doc):
        if ent.label_ != "GPE" or ent.end_char > span.start_char:
            continue
        if here - article.sent_of[ent.start] > 1:
            continue
        words = [t for t in ent if t.pos_ != "DET" and t.tag_ != "POS"]
        name = " ".join(t.text for t in words)
        if name.lower() in US_STATES:
            named.add(name)
    if len(named) != 1:
        return _Resolution()
    return _Resolution(named.pop(), None, "place")


def resolve_the_city(article: _Article, span: Span, root: Token) -> _Resolution:
    """'The city of Phoenix is demanding that ... The city sent a letter': "the city" speaks for
    the one city its sentence or the one before names as a city ("the city of Phoenix", "New York
    City"); with none, or two, nobody (a bare place name may be a state or a country)."""
    doc = article.doc
    own = _city_named(root)
    if own is not None and own.i < span.end:  # "The city of Phoenix is demanding ..."
        return _Resolution(_text_of(doc, [t for t in own.subtree if t.pos_ == "PROPN"]), None, "place")
    here = article.sent_of[root.i]
    section = article.section_start(span.start_char)
    named = set()
    for n in (here - 1, here):
        for tok in article.text.sentence_tokens(n):
            if tok.idx >= span.start_char or tok.idx < section or lemma_of(tok).lower() != "city":
                continue
            if tok.is_title and tok.i > 0 and doc[tok.i - 1].ent_type_ == "GPE":
                named.add(_text_of(doc, [t for t in doc[tok.i - 1].subtree if t.pos_ == "PROPN"] + [tok]))
                continue  # "New York City"
            place = _city_named(tok)
            if place is not None:
                named.add(_text_of(doc, [t for t in place.subtree if t.pos_ == "PROPN"]))
    if len(named) != 1:
        return _Resolution()
    return _Resolution(named.pop(), None, "place")


def _city_named(city: Token) -> Token | None:
    """The place in "the city of Phoenix"."""
    of = next((c for c in city.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    place = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return place if place is not None and place.pos_ == "PROPN" and place.ent_type_ == "GPE" else None
