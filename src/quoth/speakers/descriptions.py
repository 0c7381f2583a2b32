"""Cascade steps 4 and 5: descriptions ("the Kremlin spokesman") and generic sources.

A definite description names the one person whose role, as the article wrote it, matches its head
noun and modifiers (:func:`quoth.speakers.roles._match`); a tie goes to the previous
attribution's speaker if it is among them, else nobody. Documents and organisation nouns ("the
report", "the campaign") are handed to :mod:`quoth.speakers.organisations`; generic or indefinite
sources ("sources", "a source") name no one. This step sits apart from :mod:`.roles` because it
needs the people and organisations that are found with the help of the role words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoth.dates import parse_dateline
from quoth.nlp import doc_text, lemma as lemma_of
from quoth.speakers.named_sources import _person_named, _person_result
from quoth.speakers.organisations import (
    _ORG_NEAR_SENTENCES,
    _DATA_NOUNS,
    _DOCUMENT_NOUNS,
    _GENERIC_ORG_NOUNS,
    _ORG_NOUNS,
    _org_named,
    _organisation_words,
    _resolve_document,
    _resolve_org_noun,
    document_named_next,
    resolve_the_city,
    org_described_as,
    resolve_the_state,
)
from quoth.speakers.roles import (
    _NO_FIT,
    _RELATED_HEAD,
    _SAME_HEAD,
    _Key,
    _is_role_noun,
    _key,
    _match,
)
from quoth.speakers.salience import (
    describes_self,
    description_gender,
    person_named_next,
    topic_person,
)
from quoth.speakers.tokens import (
    _INDEFINITES,
    _previous,
    _Resolution,
    _span_root,
    _text_of,
)

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Span, Token

    from quoth.model import Quote
    from quoth.speakers.article import _Article

# Sources that name no one in particular.
_GENERIC_NOUNS = {
    "source", "poll", "survey", "report", "study", "statement", "document", "letter", "memo",
    "someone", "somebody", "person", "insider", "witness", "observer", "data", "figure",
    "research", "analysis", "article", "story", "paper", "release", "note", "message", "tweet",
}


# Lines (a headline, a standfirst) that may stand above a story's first paragraph.
_LEDE_AFTER_LINES = 2

# Whoever holds these speaks for the organisation named before them ("a Home Office spokesperson").
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "statement"}


def _spoken_for(article: _Article, body: list[Token], root: Token) -> str | None:
    """The organisation a spokesperson is named after, when the article knows it as one."""
    if lemma_of(root).lower() not in _VOICES:
        return None
    proper = [t for t in body if t.i < root.i and (t.ent_type_ == "ORG" or t.pos_ == "PROPN" or _acronym(t))]
    if not proper:
        return _voice_of_the_subject_before(article, root, body)
    for org in article.orgs:
        if org.start <= proper[0].idx < org.end or org.tokens == tuple(t.lower_ for t in proper):
            return article.org_name(org)
    if all(t.ent_type_ == "ORG" for t in proper) or _organisation_words(article, proper):
        return _text_of(article.doc, proper)
    kind = [t for t in body if proper[-1].i < t.i < root.i]
    if len(kind) == 1 and lemma_of(kind[0]).lower() in _ORG_NOUNS and not _is_role_noun(kind[0]):
        return _text_of(article.doc, [*proper, kind[0]])  # "a Clinton campaign spokesman": the Clinton campaign's
    if all(_acronym(t) for t in proper) and article.mention_covering(proper[0].i) is None:
        return _text_of(article.doc, proper)  # "an ICE spokeswoman": an agency by its initials
    return None


def _acronym(tok: Token) -> bool:
    """'ICE', 'NATO': initials, which name an organisation, not a person."""
    return len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper() and tok.ent_type_ not in ("PERSON", "GPE")


def _voice_of_the_subject_before(article: _Article, root: Token, body: list[Token]) -> str | None:
    """'The Met Office issued an amber warning. A spokesman said: ...': a bare spokesperson
    speaks for the organisation that is the subject of the sentence before, or of their own, when
    the phrase names no other ("a spokesman for the council" is the council's). 'WeWork is based
    in New York. A company spokesperson said ...': the kind of organisation written before the
    voice ("company", "agency") is the same subject, unless its name says it is some other kind
    ("the Labour Party" is no company)."""
    kind = None
    if len(body) == 2 and body[0].is_lower and lemma_of(body[0]).lower() in _GENERIC_ORG_NOUNS:
        kind = lemma_of(body[0]).lower()
    elif len(body) > 1:
        return None
    if any(c.dep_ == "prep" for c in root.children):
        return None
    sent = article.sent_of[root.i]
    for this in (sent, sent - 1):
        heads = {id(o): _head_of_name(article, o) for o in article.orgs if o.sent == this and o.root < root.i}
        orgs = [o for o in article.orgs if id(o) in heads
                and heads[id(o)].dep_ in ("nsubj", "nsubjpass")
                and not any(c.dep_ == "conj" and not o.start <= c.idx < o.end for c in heads[id(o)].children)
                and not article.in_headline(heads[id(o)])
                and not (kind and any(w in _ORG_NOUNS and w != kind for w in o.tokens))]
        if len(orgs) == 1:
            return article.org_name(orgs[0])
        if orgs:
            return None
        untagged = _subject_written_as_org(article, this, root, kind)
        if untagged is not None:
            return untagged
    return None


def _subject_written_as_org(article: _Article, sent: int, before: Token, kind: str | None) -> str | None:
    """'WeWork is headquartered in New York', with "WeWork" untagged here but an organisation
    elsewhere in the article: the subject of the sentence's main verb, written exactly as (all
    of) a name the article gives an organisation, is that organisation (if its name says no other
    ``kind`` of body than the one the source gives)."""
    if sent < 0:
        return None
    words = article.text.sentence_tokens(sent)
    if not words or article.in_headline(words[0]):
        return None
    verb = words[0].sent.root
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < before.i]
    if len(subjects) != 1 or subjects[0].conjuncts or not subjects[0].text[:1].isupper():
        return None
    subject = subjects[0]
    name = [t for t in subject.subtree if t.pos_ != "DET"]
    if name[-1].i != subject.i or any(t.dep_ != "compound" for t in name[:-1]):
        return None  # the subject is the name alone ("the", then the name), nothing more
    written = tuple(t.lower_ for t in name)
    if kind and any(w in _ORG_NOUNS and w != kind for w in written):
        return None
    known = [o for o in article.orgs if o.tokens == written]
    return article.org_name(known[0]) if known else None


def _the_voice_again(article: _Article, root: Token, quotes: list[Quote], index: int) -> _Resolution | None:
    """'A spokesperson for the agency said ... "It is not feasible," the spokesperson said': a
    bare "the spokesperson" takes up the last source written with the same word, and so speaks
    for the organisation that one spoke for; if that one was nobody's, or a person, nobody."""
    lemma = lemma_of(root).lower()
    if lemma not in _VOICES or lemma == "statement":
        return None
    doc = article.doc
    for earlier in reversed(quotes[:index]):
        if earlier.source is None or earlier.source[0] >= root.idx:
            continue
        span = doc.char_span(*earlier.source, alignment_mode="expand")
        if span is None or not any(lemma_of(t).lower() == lemma for t in span):
            continue
        if earlier.speaker is None or earlier.speaker_type != "organisation":
            return None
        if article.sent_of[root.i] - article.sent_at(earlier.source[0]) > _VOICE_AGAIN_SENTENCES:
            return None
        return _Resolution(earlier.speaker, None, "org")
    return None


# How far back "the spokesperson" may take up "a spokesperson for ..." (sentences).
_VOICE_AGAIN_SENTENCES = 6


def _head_of_name(article: _Article, org) -> Token:
    """The word a name hangs from in its sentence: "Customs and Border Protection ... did not
    accept" is parsed as "Customs" (the subject) joined to "Protection", so the name's head is the
    word whose own head lies outside the name, not its last word."""
    doc = article.doc
    words = doc.char_span(org.start, org.end, alignment_mode="expand")
    if words is None:
        return doc[org.root]
    outside = [t for t in words if not words.start <= t.head.i < words.end or t.head.i == t.i]
    return outside[0] if len(outside) == 1 else doc[org.root]


# What someone writes or files: "her account", "his letter", "their report" speak for the owner.
_OWNED_ACCOUNTS = _DOCUMENT_NOUNS | {"account", "letter", "submission", "brief", "filing", "testimony",
                                     "complaint", "tweet", "post", "blog"}


def owner_pronoun(span: Span) -> Span | None:
    """'According to her account', 'His letter says': a document or account owned by a possessive
    pronoun speaks for whoever the pronoun is; the pronoun itself, to resolve as a source is."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 6 or words[0].tag_ != "PRP$" or words[0].lower_ not in ("his", "her", "their", "its"):
        return None
    root = _span_root(span)
    if lemma_of(root).lower() not in _OWNED_ACCOUNTS or root.tag_ not in ("NN", "NNP"):
        return None
    if words[0].head.i != root.i or any(t.pos_ == "PROPN" for t in words):
        return None
    return span.doc[words[0].i : words[0].i + 1]


# Parts of a document, which say what the whole says ("excerpts from the report revealed").
_PARTS_OF = frozenset({"excerpt", "extract", "passage", "portion", "section", "chapter", "page"})


def _document_quoted_from(root: Token) -> Token | None:
    """'excerpts from Bob Woodward's book Rage', 'a passage of the report': the document a part
    is taken from (its head noun, or a name the document noun is written before: "book Rage"),
    whose issuer speaks through it; not a name in a clause about it."""
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        kinds = [pobj, *(c for c in pobj.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
        if any(lemma_of(t).lower() in _DOCUMENT_NOUNS for t in kinds):
            return pobj
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
    if det == "the" and not plural and lemma in _ORG_NOUNS and not _is_role_noun(root):
        beside = _name_set_beside(article, root)
        if beside is not None:
            return beside
    if det == "the" and len(body) <= 2 and not plural and root.pos_ == "NOUN":
        described = org_described_as(article, root)  # "One news site, Znak.com, ... The website"
        if described is not None:
            return described
    # 4b. A document or poll: its issuer, when the text names one.
    whole = _document_quoted_from(root) if lemma in _PARTS_OF else None
    if whole is not None:  # "excerpts from Bob Woodward's book": the book's author
        return _resolve_document(article, span, whole, None)
    if lemma in _DOCUMENT_NOUNS and not plural or lemma in _DATA_NOUNS:
        found = _resolve_document(article, span, root, det)
        if found.speaker is None and det in ("a", "an") and len(body) <= 2 and _opens_its_section(article, span):
            found = document_named_next(article, span, lemma)  # the delayed lede: "A new poll shows ..."
        return found
    if lemma == "state" and det == "the" and len(body) == 1:
        return resolve_the_state(article, span, root)
    if lemma == "city" and det == "the" and not plural:
        return resolve_the_city(article, span, root)
    # 5. Generic: "sources", "officials", "a source", "polls".
    if lemma in _GENERIC_NOUNS or root.lower_ in _GENERIC_NOUNS:
        return _Resolution()
    if lemma in _ORG_NOUNS and not _is_role_noun(root):
        if plural or det in _INDEFINITES:
            return _Resolution()
        quoted = _organisation_just_quoted(article, span, root, quotes, index)
        return quoted or _resolve_org_noun(article, span, root, body)
    # A noun outside the role list ("the farmer") only counts if the article gave it as a role.
    known = _is_role_noun(root)
    if plural or not known and (root.pos_ != "NOUN" or not root.is_lower):
        return _Resolution()
    if det in _INDEFINITES:  # "a Kremlin spokesman": someone, unnamed
        speaks_for = _spoken_for(article, body, root)
        if speaks_for is not None:  # "a Woolworths spokesperson": the firm speaks through them
            return _Resolution(speaks_for, text, "org")
        named = _named_after_lede(article, span, quotes, index, body, root, det) if known else None
        if named is not None:
            return named
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
            elif det == "the" and describes_self(key, span, root):
                person = topic_person(article, span, quotes, index, key,
                                      description_gender(key, span), among=set(best))
    elif det == "the" and describes_self(key, span, root):
        # no role written in the article fits: the person the text is about just then, if only
        # one could be meant ("Donald Trump says ... The Republican presidential nominee noted")
        person = topic_person(article, span, quotes, index, key, description_gender(key, span))
    if person is None:
        if det == "the" and len(body) == 1:
            spoken = _the_voice_again(article, root, quotes, index)
            if spoken is not None:  # "A CBP spokesperson said ... the spokesperson said"
                return spoken
        return _Resolution(None, text if known else None, None)
    # What the article has just called this person counts as evidence for later descriptions.
    person.evidence.append(_Key(span.start_char, key.head, key.mods, key.geo))
    result = _person_result(article, person, span)
    result.role = result.role or text
    return result


def _name_set_beside(article: _Article, root: Token) -> _Resolution | None:
    """'The company that runs the AMAs, Dick Clark Productions, denies ...', 'The group that owns
    her music, Big Machine, says ...': a kind of organisation whose name the writer sets after it,
    between commas, as the last words of the subject, is that organisation, whichever
    organisation of that kind was named before (however the tagger reads the name)."""
    doc = article.doc
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.i <= root.i:
        return None
    end = verb.i
    while end > root.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end == verb.i or doc[end].text != ",":
        return None  # the name must be closed off by a comma before the verb
    first = end
    while first > root.i + 1 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
        first -= 1
    if first == end or doc[first - 1].text != "," or first - 1 <= root.i:
        return None
    words = doc[first:end]
    if (article.quotation_of(words[0].idx) is not None or any(t.ent_type_ == "NORP" for t in words)
            or doc[first - 2].ent_type_ in ("GPE", "LOC")):
        return None  # ("The company, based in Omaha, Nebraska, said": a place, not a name)
    org = next((o for o in article.orgs if o.start <= words[0].idx < o.end), None)
    return _Resolution(article.org_name(org) if org is not None else words.text, None, "org")


def _organisation_just_quoted(
    article: _Article, span: Span, root: Token, quotes: list[Quote], index: int
) -> _Resolution | None:
    """'The Aviation Herald reported the landing at Fath, which has a shorter runway than Payam.
    The industry publication stated ...': "the publication", "the company" right after an
    organisation was quoted (in the same sentence or the one before) is that organisation, not
    the last name in passing."""
    if span[0].lower_ != "the" or lemma_of(root).lower() not in _GENERIC_ORG_NOUNS:
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ or not t.is_lower for t in span[1:]):
        return None  # "the Trump campaign" is named by its own words
    after = article.doc[span.end] if span.end < len(article.doc) else None
    if after is not None and (after.pos_ == "PROPN" or after.ent_type_ == "ORG"):
        return None  # "The charity Refugee Action said": named right after
    previous = _previous(quotes, index)
    if previous is None or previous[1].source is None:
        return None
    org = _org_named(article, previous[1].speaker)
    if org is None:
        return _organisation_quoted_before(article, span, root, quotes, index)
    if article.sent_of[root.i] - article.sent_at(previous[1].source[0]) > 1:
        return None
    return _Resolution(article.org_name(org), None, "org")


def _organisation_quoted_before(
    article: _Article, span: Span, root: Token, quotes: list[Quote], index: int
) -> _Resolution | None:
    """'The group that owns her music, Big Rock, says she may play at the awards. The singer
    accused them of stalling. But the company says ...': with a person quoted in between, "the
    company" is still the organisation quoted just before (within two sentences), not one its
    words named in passing ("the awards"), provided no other organisation was the subject of a
    sentence since, outside what was quoted."""
    here = article.sent_of[root.i]
    for j in range(index - 1, -1, -1):
        quote = quotes[j]
        if quote.source is None or quote.speaker is None:
            return None
        at = article.sent_at(quote.source[0])
        if here - at > _ORG_NEAR_SENTENCES:
            return None
        org = _org_named(article, quote.speaker)
        if org is None:
            continue
        name = article.org_name(org)
        quoted = article.content_index(quotes)
        rivals = [o for o in article.orgs if at < o.sent <= here and o.start < span.start_char
                  and article.doc[o.root].dep_ in ("nsubj", "nsubjpass")
                  and not quoted.contains(o.start, o.start + 1)
                  and article.org_name(o) != name]
        return None if rivals else _Resolution(name, None, "org")
    return None


def _named_after_lede(
    article: _Article, span: Span, quotes: list[Quote], index: int, body: list[Token], root: Token,
    det: str,
) -> _Resolution | None:
    """'A New York judge has rejected a request ...': a wire story's opening sentence may describe
    its subject and name them a sentence or two later (the delayed lede). Only there, and only
    for "a"/"an" and a description of the person's own standing, is an indefinite someone named."""
    if det not in ("a", "an") or any(_is_proper_name(t) for t in body):
        return None
    key = _key(body)
    if key is None or not describes_self(key, span, root, lede=True):
        return None
    if any(c.dep_ in ("relcl", "acl") for c in root.children):
        return None  # "a senator who asked not to be named": kept anonymous on purpose
    if not _opens_its_section(article, span):
        return None
    person = person_named_next(article, span, quotes, index, key, description_gender(key, span))
    if person is None:
        return None
    person.evidence.append(_Key(span.start_char, key.head, key.mods, key.geo))
    result = _person_result(article, person, span)
    result.role = result.role or _text_of(article.doc, body)
    return result


def _is_proper_name(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON"


def _opens_its_section(article: _Article, span: Span) -> bool:
    """Whether ``span`` is in the lede: the first sentence of the first paragraph of the body, or
    of a live-blog section. Before it there may be a headline and a standfirst, nothing else."""
    text = doc_text(article.doc)
    start = max(article.body_start, article.section_start(span.start_char))
    paragraph = text.rfind("\n", 0, span.start_char) + 1
    if paragraph < start:
        paragraph = start
    before = [line for line in text[start:paragraph].splitlines() if line.strip()]
    if len(before) > _LEDE_AFTER_LINES:
        return False
    dateline = parse_dateline(text, paragraph, span.start_char)
    if dateline is not None and dateline.span[0] == paragraph:
        paragraph = dateline.span[1]  # "AUSTIN, Texas (AP) — A federal judge ...": after it
    first = article.doc.char_span(paragraph, span.start_char, alignment_mode="expand")
    opening = next((t for t in first if not t.is_space), None) if first is not None else None
    return opening is None or article.sent_of[opening.i] == article.sent_at(span.start_char)
