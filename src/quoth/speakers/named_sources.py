"""Steps 2 and 3 of the speaker cascade: a source that names someone, else an organisation.

:func:`_resolve_named` reads a source span against the article's people (:mod:`quoth.speakers.mentions`)
and organisations: a full or partial name, "the company that runs X, Y", "a spokesman for X", "the
account for X", a misspelt surname next to the full name. :func:`_person_named` and
:func:`_person_result` are the lookups the pronoun and description steps share.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from quoth.nlp import ent_at, lemma as lemma_of

from typing import TYPE_CHECKING

from quoth.speakers.mentions import _opens_its_line
from quoth.speakers.names import (
    POST_NOMINALS,
    canonical_name,
    is_place_name,
    known_first_name,
    _FEMALE_NAMES,
    _MALE_NAMES,
    _TITLES,
    _Mention,
    _Person,
    _surname,
)
from quoth.speakers.organisations import _DOCUMENT_NOUNS, _ORG_NOUNS, _org_in
from quoth.speakers.roles import _is_role_noun
from quoth.speakers.tokens import (
    _APOSTROPHES,
    _INDEFINITES,
    _POSSESSIVE,
    _Resolution,
    _span_root,
    _text_of,
)

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

    from quoth.speakers.article import _Article


def _several_people(article: _Article, span: Span) -> bool:
    """A source that joins two or more people the article names ('Smith and Jones')."""
    if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in span):
        return False
    if any(t.lower_ in ("he", "she") and t.tag_ == "PRP" and (t.conjuncts or t.dep_ == "conj") for t in span):
        return True  # 'he and his wife Kali explained': a couple, no one of them alone
    # ('Tom Rath, a GOP leader who had endorsed Kasich and ...': when the source is headed by its
    # speaker's name, a name in a clause about them is no second speaker)
    opens_named = article.mention_covering(_span_root(span).i) is not None
    named = {m.person for m in article.mentions
             if span.start <= m.first and m.last < span.end and not _is_possessor(article.doc, m)
             and not (opens_named and _in_clause_about(article.doc[m.root], span))}
    if len(named) >= 2:
        return True
    # or coordinated names that are people ('La Riva, Hawkins and others'), however tagged
    root = _span_root(span)
    if root.pos_ != "PROPN":
        return False
    people = [t for t in (root, *root.conjuncts) if span.start <= t.i < span.end and t.pos_ == "PROPN" and (
        article.mention_covering(t.i) is not None or article.person_by_word(t.text) is not None)]
    if len(people) >= 2:
        return True
    # 'Ford and Fry replied' (a surname several people share), 'Dale and Martha disputed' (a first
    # name the tagger took for a firm): another name joined to a person's by "and" is a second
    # speaker, whoever it is; the reply is both of theirs, not one's
    names = [t for t in (root, *root.conjuncts) if span.start <= t.i < span.end and t.pos_ == "PROPN"
             and t.is_title and not _is_role_noun(t) and (t.ent_type_ in ("PERSON", "ORG") or article.mention_covering(t.i)
                                  or article.names._indexed("surname", t.lower_))]
    spans = {(m.first, m.last) if (m := article.mention_covering(t.i)) else t.i for t in names}
    return len(people) == 1 and len(spans) >= 2


def _in_clause_about(tok: Token, span: Span) -> bool:
    """'Tom Rath, a GOP leader who had endorsed Kasich and is a delegate', 'Sean Robertson, a
    spokesperson for Inherent Resolve, the operation in Iraq and Syria': a name inside a relative
    or participle clause of the source, or inside an appositive, is what it says about the
    speaker, not a second speaker."""
    for head in tok.ancestors:
        if not span.start <= head.i < span.end:
            return False
        if head.dep_ in ("relcl", "acl", "appos"):
            return True
    return False


_RELATIVES = frozenset({"which", "that", "who", "whom", "whose"})
# Prepositions whose object may be who the source is: 'a report by Smith', 'a letter from Smith',
# 'generals, including Grant'.
_AUTHOR_PREPOSITIONS = frozenset({"by", "from", "including", "like", "as"})


def _placed_or_tied(tok: Token) -> bool:
    """'a report in the Argus Leader of Sioux Falls', 'the study, published in BMJ Case Reports',
    'a lawyer for Smith': a name that is the object of any other preposition says where the source
    appeared or whom it is tied to, not who it is (the tagger may take a town or a journal for a
    person). A spokesperson for someone is the exception: they speak in that person's name."""
    return (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ not in _AUTHOR_PREPOSITIONS
            and not _speaks_for(tok.head))


def _speaks_for(prep: Token) -> bool:
    """'a spokeswoman for Hillary Clinton': one whose words are, by trade, the name's after it."""
    noun = prep.head
    return prep.lower_ in ("for", "of") and (lemma_of(noun).lower() in _SPEAKING_FOR or noun.lower_ in _SPEAKING_FOR)


def _in_relative_clause(tok: Token, span: Span) -> bool:
    """'the book, for which Trump gave access', 'a leader who had endorsed Kasich': a name inside a
    relative clause within the source says what the source is about. Only the subject of a clause
    whose object is the source's own noun made it ('a speech Mrs. Clinton delivered', 'a slide
    from a presentation that Smith carries'), and speaks through it."""
    for head in tok.ancestors:
        if not span.start <= head.i < span.end:
            return False
        if head.dep_ == "relcl":
            return not _made_by_subject(tok, head)
    return False


def _made_by_subject(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` is the subject of a relative clause whose object is the noun it
    modifies: no object of its own but the relative pronoun, no 'for which', 'to whom'."""
    subject = tok.head if tok.dep_ == "conj" else tok  # ('Smith and his aides carry')
    if subject.dep_ != "nsubj" or subject.head.i != verb.i:
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ not in _RELATIVES:
            return False  # 'for which Trump gave insider access'
        if child.dep_ == "prep" and any(c.lower_ in _RELATIVES for c in child.children):
            return False
    return True


def _resolve_named(article: _Article, span: Span) -> _Resolution:
    """2./3. A source that names a person or an organisation; empty if it names neither."""
    doc = article.doc
    root = _span_root(span)
    if span[0].lower_ == "no" and span[0].pos_ == "DET":
        return _Resolution()  # 'no official', 'no Gateway required': a negated noun names nobody
    holder = _account_holder(article, span, root)
    if holder is not None:
        return holder
    if _several_people(article, span):
        return _Resolution()  # 'La Riva, Hawkins and Carroll all agreed': no one of them alone
    lead = _lead_author(article, span)
    if lead is not None:
        return _person_result(article, lead, span)
    # 2. A person: the span's head word is (part of) a person's name.
    mention = article.mention_covering(root.i)
    if mention is None:
        # "former US ambassador in Russia Michael McFaul": the parser may head the span on the
        # role noun; a name in the span that is not a possessor ("Putin's spokesman") is the one.
        # A name modifying another noun is not the speaker either: "the Clinton campaign".
        # Nor is a name in a relative clause, which says something about the source: in
        # "excerpts from Bob Woodward's book, for which Trump gave access, revealed ..." Trump is
        # what the book is about, not who reveals.
        inside = [m for m in article.mentions
                  if span.start <= m.first and m.last < span.end and not _is_possessor(doc, m)
                  and doc[m.root].dep_ not in ("compound", "amod", "nmod")
                  and not _in_relative_clause(doc[m.root], span) and not _placed_or_tied(doc[m.root])]
        if inside and _someone_elses(doc, inside[-1], span):
            return _Resolution()
        mention = inside[-1] if inside else None
    person = article.people[mention.person] if mention is not None else None
    if person is None and (root.pos_ == "PROPN" or root.is_title) and not _is_role_noun(root):
        # The tagger missed this one ("Peskov’s" read as a place): a known name still counts.
        person = article.person_by_word(root.text)
    if person is None and root.pos_ == "PROPN" and root.is_title and article.mention_covering(root.i) is None:
        person = _person_misspelt(article, root.text)
    if person is None:
        person = _person_after_place(article, span)
    if person is None:
        named = _name_after_role(article, span)
        if named is not None:
            return named
    if person is not None and is_place_name(person.name):
        return _Resolution(person.name, None, "place")  # "Kiev said": the tagger's person is a place
    if person is not None:
        return _person_result(article, person, span)
    # 3. An organisation.
    titled = _named_with_capital_the(article, span)
    if titled is not None:
        return _Resolution(titled, None, "org")
    org = _org_in(article, span, root) or _org_by_apposition(article, span, root) or _org_before_kind(article, span, root)
    if org is not None:
        return _Resolution(org, None, "org")
    made = _findings_by(article, span, root)
    if made is not None:
        return made
    voice_of = _represented(article, span, root)
    if voice_of is not None:
        return voice_of
    if any(t.lower_ in _INDEFINITES for t in span[:2]):  # "at least one Democrat"
        return _Resolution()
    if root.pos_ == "PROPN" and root.ent_type_ in ("GPE", "NORP", "FAC", "LOC"):
        # A country or city speaking for its government: "Russia", "Moscow", "the Taliban".
        if root.tag_ == "NNPS":  # "Democrats": a group, not a speaker
            return _Resolution()
        ent = ent_at(doc, root.i)  # never None: the root has an entity type
        words = [t for t in ent if t.pos_ != "DET" and t.tag_ != "POS"]
        if words:
            return _Resolution(_text_of(doc, words), None, "group" if root.ent_type_ == "NORP" else "place")
    if root.pos_ == "PROPN" and root.is_title and root.ent_type_ in ("", "PERSON") and not _is_role_noun(root):
        # An untagged proper name (or one word too weak to be a person: "Coles", also tagged a
        # work of art): the run of proper nouns around the head, as written.
        first, last = root.i, root.i
        while first - 1 >= span.start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        while last + 1 < span.end and doc[last + 1].pos_ == "PROPN":
            last += 1
        # "Recent Samsung", "Afterwards Trump": a capitalised word the article also writes in
        # lower case is no part of a name the tagger did not know
        while first < last and article.common_word(doc[first].text):
            first += 1
        if first == last and article.common_word(doc[first].text):
            return _Resolution()
        if doc[first].lower_ in SECTION_LABELS and _opens_its_line(doc, first):
            return _Resolution()  # "Summary Studies show that ...": a box's label glued to its text
        name = canonical_name(doc[first : last + 1].text)
        if name:
            return _Resolution(name, None, None)
    return _Resolution()


# Labels of a page's boxes and sections, which an HTML reader may glue to the sentence after them
SECTION_LABELS = frozenset("summary conclusion conclusions introduction background overview update "
                           "advertisement related takeaway takeaways".split())

# What someone finds out and reports: "tests by X reveal", "estimates from X show".
_FINDINGS = {"test", "analysis", "study", "research", "finding", "survey", "poll", "estimate", "calculation",
             "measurement", "review", "investigation", "report", "data", "projection", "forecast",
             "assessment", "audit", "experiment", "benchmark", "tally", "count", "modelling", "modeling",
             "datum", "guidance"}  # (spaCy lemmatises "data" as "datum")


def _findings_by(article: _Article, span: Span, root: Token) -> _Resolution | None:
    """'Preliminary tests by Digital Foundry reveal ...', 'Estimates from the Congressional Budget
    Office show ...': findings speak for whoever made them, named after "by" (or "from") as an
    organisation or a person the article knows; a name the article does not know as either (a
    place: "data from Ohio") names no one. A single document ("a report by X") is left to the
    document step, which knows more about issuers."""
    lemma = lemma_of(root).lower()
    if lemma not in _FINDINGS or root.pos_ != "NOUN" or lemma in _DOCUMENT_NOUNS and root.tag_ != "NNS":
        return None
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    preps += [a for acl in root.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"]
    for prep in preps:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.i >= span.end or any(c.dep_ in ("cc", "conj") for c in pobj.children):
            continue
        known = next((o for o in article.orgs if o.start <= pobj.idx < o.end), None)
        if known is not None:
            return _Resolution(article.org_name(known), None, "org")
        mention = article.mention_covering(pobj.i)
        if mention is not None and not is_place_name(article.people[mention.person].name):
            return _person_result(article, article.people[mention.person], span)
    return None


def _lead_author(article: _Article, span: Span) -> _Person | None:
    """'Stamenković et al found ...' with only "et al" taken for the source: a team named by its
    lead author speaks as that author, the person named right before "et al"."""
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct]
    if words != ["et", "al"] or span.start == 0:
        return None
    before = span.start - 1
    mention = article.mention_covering(before)
    if mention is not None:
        return article.people[mention.person]
    tok = article.doc[before]
    return article.person_by_word(tok.text) if tok.is_title else None


# What a name in apposition may be said to be: "Airfleets, a database ...", "Znak.com, a news site".
_KINDS_OF_ORGANISATION = _ORG_NOUNS | {"site", "website", "publication", "blog", "portal", "startup",
                                       "producer", "maker", "supermarket", "chain", "broadcaster"}
# Kinds that belong to someone rather than being them: 'the Trump campaign' is not Trump.
_SOMEONES = {"campaign", "administration", "team", "office", "government", "regime", "family"}


def _org_before_kind(article: _Article, span: Span, root: Token) -> str | None:
    """'The King's Fund think tank', 'the Unite trade union': an organisation's name, then the
    kind of organisation it is, is that organisation. Only a name right before the kind, with at
    most lower-case nouns between ('think', 'trade'); a possessive ('Google's parent company')
    names some other body, as does a person's campaign or team."""
    doc = article.doc
    kind = lemma_of(root).lower()
    if root.tag_ in ("NNS", "NNPS") or root.pos_ != "NOUN":
        return None
    if kind not in _KINDS_OF_ORGANISATION and not (kind == "tank" and root.i > 0 and doc[root.i - 1].lower_ == "think"):
        return None
    if kind in _SOMEONES:
        return None
    for org in article.orgs:
        if not (span.start_char <= org.start and org.end <= root.idx):
            continue
        if any(article.person_by_word(w) is not None for w in org.name.split()):
            continue  # 'the Trump campaign': a person's, not an organisation that is one
        between = [t for t in doc[root.i - 5 if root.i >= 5 else 0 : root.i] if t.idx >= org.end]
        if all(t.is_lower and t.pos_ in ("NOUN", "ADJ") for t in between) and len(between) <= 2:
            return article.org_name(org)
    return None


_WEB_ADDRESS = re.compile(r"[A-Za-z][\w-]*(?:\.[a-z]{2,6})+")


def _org_by_apposition(article: _Article, span: Span, root: Token) -> str | None:
    """'One news site, Znak.com,': the organisation a kind of organisation is named as, in
    apposition; 'Airfleets, a database detailing ...', 'Domain.com, a real estate site,': a
    capitalised name (or a web address) that an apposition says is an organisation."""
    doc = article.doc
    appositions = [c for c in root.children if c.dep_ == "appos" and span.start <= c.i < span.end]
    if lemma_of(root).lower() in _KINDS_OF_ORGANISATION and root.tag_ not in ("NNS", "NNPS"):
        for appos in appositions:
            if any(c.dep_ == "cc" for c in appos.children):
                return None  # "the Islamic State of Iraq and the Levant": longer than any tag
            known = [o for o in article.orgs if o.start <= appos.idx < o.end]
            if known:  # the longest name the tagger found there
                return article.org_name(max(known, key=lambda o: o.end - o.start))
            if _WEB_ADDRESS.fullmatch(appos.text):
                return appos.text
        return None
    if article.mention_covering(root.i) is not None or root.ent_type_ in ("PERSON", "GPE", "NORP", "LOC", "DATE"):
        return None
    if not (root.is_title or _WEB_ADDRESS.fullmatch(root.text)) or article.common_word(root.text):
        return None
    if not any(lemma_of(a).lower() in _KINDS_OF_ORGANISATION and a.pos_ == "NOUN" and a.tag_ == "NN"
               for a in appositions):
        return None
    first = root.i
    while first - 1 >= span.start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
        first -= 1
    return _text_of(doc, list(doc[first : root.i + 1]))


def _named_with_capital_the(article: _Article, span: Span) -> str | None:
    """'newspaper The Hindu reported': after the kind of thing it is, a capital "The" inside a
    sentence belongs to the name ("The Hindu", not the Hindu people), as in "band The Who"."""
    doc = article.doc
    words = [t for t in span if not t.is_punct]
    while words and words[0].pos_ == "NOUN" and words[0].is_lower:
        words = words[1:]  # the source may hold the kind: "newspaper The Hindu"
    if len(words) < 2 or words[0].text != "The" or words[0].is_sent_start or words[0].i == 0:
        return None
    kind = doc[words[0].i - 1]
    if kind.pos_ != "NOUN" or not kind.is_lower or lemma_of(kind).lower() not in _KINDS_OF_ORGANISATION:
        return None
    name = words[1:]
    if not all(t.pos_ == "PROPN" and t.is_title for t in name) or len(name) > 3:
        return None
    return "The " + _text_of(doc, name)


_SPEAKING_FOR = {"representative", "spokesperson", "spokesman", "spokeswoman", "spokespeople"}


def _represented(article: _Article, span: Span, root: Token) -> _Resolution | None:
    """'representatives from Iran', 'a spokesperson for the Metropolitan Police': those who
    speak for a country or an organisation, named in the source, say what it says."""
    if lemma_of(root).lower() not in _SPEAKING_FOR and root.lower_ not in _SPEAKING_FOR:
        return None
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "for")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.i < span.end), None)
        if pobj is None or pobj.pos_ != "PROPN" or any(c.dep_ == "cc" for c in pobj.children):
            continue
        known = next((o for o in article.orgs if o.start <= pobj.idx < o.end), None)
        if known is not None:
            return _Resolution(article.org_name(known), None, "org")
        if pobj.ent_type_ in ("GPE", "ORG"):
            # a country, or an organisation the tagger names that the article's list lacks (not a
            # person: a spokesman 'for Mr Smith' is not Mr Smith)
            ent = ent_at(article.doc, pobj.i)
            words = [t for t in ent if t.pos_ != "DET" and t.tag_ != "POS"]
            if words:
                kind = "place" if pobj.ent_type_ == "GPE" else "org"
                return _Resolution(_text_of(article.doc, words), None, kind)
    return None


# What an organisation or a person posts through, and so speaks through.
_ACCOUNTS = {"account", "feed"}
_INNER_NAME_WORDS = {"and", "of", "the", "&", "for"}


def _account_holder(article: _Article, span: Span, root: Token) -> _Resolution | None:
    """'The account for The Bernie and Sid Show tweeted', 'the official account of the White
    House posted', "Trump's Twitter account": an account speaks for whoever holds it, written
    before it as a possessor, or after "for" or "of" as a name
    (capitalised words, with "and", "of", "the" inside). The holder is the person the article knows
    by that name, or an organisation: a name written with "The" or the article's own."""
    if lemma_of(root).lower() not in _ACCOUNTS or root.tag_ != "NN":
        return None
    doc = article.doc
    owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i >= span.start), None)
    if owner is not None:  # "Trump's Twitter account posted": Trump, whoever the article says that is
        found = _resolve_named(article, doc[max(owner.left_edge.i, span.start) : owner.i + 1])
        return found if found.speaker is not None else _Resolution()
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
    if prep is None:
        return None
    words: list[Token] = []
    for tok in doc[prep.i + 1 : span.end]:
        if tok.is_title or tok.is_upper and tok.is_alpha or words and tok.lower_ in _INNER_NAME_WORDS:
            words.append(tok)
        elif not words and tok.lower_ == "the":
            continue
        else:
            break
    while words and words[-1].lower_ in _INNER_NAME_WORDS:
        words.pop()
    if not words or words[0].lower_ == "the" and len(words) == 1:
        return None
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return None  # "the account of the Pentagon meeting" tells of it, for no one
    known = next((o for o in article.orgs if o.start <= words[-1].idx < o.end), None)
    if known is not None:
        return _Resolution(article.org_name(known), None, "org")
    if words[0].text == "The" and len(words) > 1:  # "The Bernie and Sid Show": a title
        return _Resolution(_text_of(doc, words), None, "org")
    if any(t.lower_ in _INNER_NAME_WORDS for t in words):
        return _Resolution()  # "Bernie and Sid": two people, or who knows
    person = _person_named(article, canonical_name(_text_of(doc, words)))
    return _person_result(article, person, span) if person is not None else _Resolution()


def _name_after_role(article: _Article, span: Span) -> _Resolution | None:
    """'President of Ukraine Volodymyr Zelenskyy', 'Planetary scientist Vlada Stamenković': a
    role, then a name the tagger did not mark; the name is the speaker, never someone else with
    the role."""
    words = [t for t in span if not t.is_punct]
    while len(words) > 2 and words[-1].lower_.strip(".") in POST_NOMINALS:
        words = words[:-1]  # "Prosecutor Kama Melly QC"
    run = []
    for tok in reversed(words):
        if tok.pos_ == "PROPN" and tok.is_title and not _TITLES & {tok.lower_.rstrip(".")}:
            run.insert(0, tok)
        else:
            break
    while run and is_place_name(run[0].text):  # "President of Ukraine Volodymyr Zelenskyy"
        run.pop(0)
    if not 2 <= len(run) <= 4 or len(run) == len(words) or not any(_is_role_noun(t) for t in words[: -len(run)]):
        return None
    if any(is_place_name(t.text) for t in run) or not known_first_name(run[0].text):
        return None
    if words[-len(run) - 1].pos_ == "ADP" and not _speaks_for(words[-len(run) - 1]):
        return None  # 'A lawyer for Ivan Petrov': the role is held for the name, not by it
    name = canonical_name(" ".join(t.text for t in run))
    return _Resolution(name, _text_of(article.doc, words[: -len(run)]), "person") if name else None


def _person_misspelt(article: _Article, word: str) -> _Person | None:
    """'Wasif' in an article about Sally Wasef: a surname the article names in full, misspelt (same
    first letter, one letter off, two in a long name) is that person, if exactly one fits."""
    low = _POSSESSIVE.sub("", word).lower()
    if len(low) < 5 or article.common_word(low) or known_first_name(low):
        return None
    allowed = 1 if len(low) < 7 else 2
    found = {p.id: p for p in article.people for f in p.forms if len(f) >= 2
             and len(_surname(f)) >= 5 and _surname(f)[0] == low[0] and _surname(f) != low
             and Levenshtein.distance(_surname(f), low) <= allowed}
    return next(iter(found.values())) if len(found) == 1 else None


def _person_after_place(article: _Article, span: Span) -> _Person | None:
    """'Ukraine Kurt Volker', 'India Narendra Modi' (a dateline or caption run into the name, read as
    one organisation): a place, then a known first name and a surname the article gives a person."""
    words = [t for t in span if t.pos_ == "PROPN" and t.is_title]
    if len(words) < 3 or not (is_place_name(words[0].text) or words[0].ent_type_ == "GPE" and len(words[0]) > 0):
        return None
    if words[1].lower_ not in _MALE_NAMES | _FEMALE_NAMES:
        return None
    person = article.person_by_word(words[-1].text)
    return person if person is not None and len(person.name.split()) >= 2 else None


# Prepositions that tie a group of people to the person they stand with ("friends of", "lawyers for").
_TIED_TO = frozenset({"of", "for", "to", "close"})


def _someone_elses(doc: Doc, mention: _Mention, span: Span) -> bool:
    """'Multiple friends of Mike Ford had told me', 'lawyers for Trump said': people named by
    their tie to a person (a plural common noun heading the source) are not that person, and
    are not named; the speaker is no one the text names."""
    tok = doc[mention.root]
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _TIED_TO:
        return False
    group = prep.head
    return span.start <= group.i < span.end and group.pos_ == "NOUN" and group.tag_ == "NNS"


def _is_possessor(doc: Doc, mention: _Mention) -> bool:
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    return (
        doc[mention.root].dep_ == "poss"
        or mention.last != mention.root and doc[mention.last].tag_ == "POS"
        or after is not None and (after.tag_ == "POS" or after.text in _APOSTROPHES)
    )


def _person_result(article: _Article, person: _Person, span: Span) -> _Resolution:
    return _Resolution(person.name, article.role_of(person, span.end_char), "person", person.id)


def _person_named(article: _Article, name: str | None) -> _Person | None:
    if name is None:
        return None
    return article.names.person_named(name)
