"""Who a cue reports: the source mention and the cue's own words.

The source is the cue's grammatical subject (its whole noun phrase, appositives included); for
"..., saying that" and "...and added" the subject of the governing verb; for a parse that lost an
appositive subject ("The president of the league, Jamel Msallem, said") the name right before the
cue. The cue keeps its auxiliaries and particles ("has said", "pointed out").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from quoth.extraction.offsets import quote_index
from quoth.extraction.quotemarks import QuotedSpan
from quoth.extraction.spans import _contiguous_around, _in_quotation, _tokens_span
from quoth.model import Span
from quoth.nlp import doc_tokens, ent_at, lemma, sentence

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp"}  # the complement clause that holds what a verb of saying reports


# Words before a cue that PolNeAR counts as part of it ("has said", "would call", "also fear").
CUE_PREFIX_DEPS = {"aux", "auxpass", "neg"}


CUE_PREFIX_ADVERBS = {"also", "previously", "later", "repeatedly", "publicly", "reportedly"}


def _cue_tokens(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            out.append(child)
    # "has said", "would not call", "also fear": only words right before the cue, none skipped
    i = tok.i - 1
    first = sentence(tok).start
    while i >= first:
        left = tok.doc[i]
        if left.head.i != tok.i or not (
            left.dep_ in CUE_PREFIX_DEPS or (left.dep_ == "advmod" and left.lower_ in CUE_PREFIX_ADVERBS)
        ):
            break
        out.append(left)
        i -= 1
    return sorted(out, key=lambda t: t.i)


def _source_of(tok: Token, quoted: list[QuotedSpan] = ()) -> Span | None:
    """The cue's subject; for participles, conjuncts and relative clauses, the governing one.
    A 'subject' inside a quotation is a parse error and is passed over."""
    seen = 0
    aside = _aside_of_a_name(tok)
    if aside is not None:
        return _np_span(aside)
    while tok is not None and seen < 4:
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        outside = [c for c in subjects if not _in_quotation((c.idx, c.idx + len(c.text)), quoted)]
        subj = (outside or subjects or [None])[0]
        if subj is not None:
            if subj.tag_ in ("WP", "WDT"):
                # PolNeAR marks the relative pronoun ("who said"); the speaker stage follows it
                return (subj.idx, subj.idx + len(subj.text))
            if subj.dep_ == "expl" or (subj.pos_ == "PRON" and subj.lower_ in ("this", "that", "there")):
                return None
            if seen and subj.lower_ == "it":
                return None  # 'it would be naive to expect': a dummy subject says nothing
            agent = _agent(tok) if subj.dep_ == "nsubjpass" else None
            if agent is None and subj.dep_ == "nsubjpass" and tok.lemma_.lower() in _ADDRESSING:
                return None  # 'the ambassador had been told that ...': the one told, not the teller
            if agent is None:
                owner = _holder_of_campus(subj)
                if owner is not None:
                    return owner
            return _np_span(agent if agent is not None else subj)  # 'Smith was told by the mayor'
        agent = _agent(tok)
        if agent is not None:
            return _np_span(agent)
        if tok.dep_ == "xcomp" and lemma(tok.head) in _CAUSING:
            made = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if made is not None:
                return _np_span(made)  # 'The backlash led Biden to express ...': Biden did
        if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "on" \
                and tok.head.head.head.pos_ == "VERB":
            tok = tok.head.head.head  # 'Swift posted on Twitter accusing X': Swift accuses
            seen += 1
            continue
        if _reporter_goes_on(tok):
            tok = tok.head.head  # 'X said Washington would respect it, saying he trusted ...': X
            seen += 1
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acomp") and tok.head.i != tok.i:
            conj = tok if tok.dep_ == "conj" else None
            tok = _out_of_quotation(tok, quoted) if tok.dep_ == "conj" else tok.head  # "likely to say": up to "are"
            if conj is not None and _participle_read_as_verb(conj, tok):
                tok = tok.head  # 'the site noted the signal received from X but declared': the site declared
            seen += 1
            continue
        return _name_before(tok) if seen == 0 else None
    return None


def _participle_read_as_verb(conj: Token, head: Token) -> bool:
    """'The website noted the signal received from Jakarta but declared the ship was not there':
    the parser read the participle "received" as the reported clause's verb, with "the signal" its
    subject, and hung "declared" on it. A past-tense verb joined to a bare past participle (no
    auxiliary) that is itself the object clause of a past-tense verb is joined to that verb."""
    return (
        conj.tag_ == "VBD" and head.tag_ == "VBN" and head.dep_ == "ccomp"
        and head.head.tag_ == "VBD" and head.head.i < head.i
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
        and any(c.dep_ == "nsubj" for c in head.children)
        and any(c.dep_ in SUBJECTS for c in head.head.children)
    )


def _aside_of_a_name(tok: Token) -> Token | None:
    """'a meeting between Giuliani, claiming to represent the State Department, and Andriy Yermak':
    a participle set between commas right after a person's name, in the middle of a list that
    goes on with "and", is said of that name, however the parser hung it on the main verb."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i < 2:
        return None
    doc = tok.doc
    comma, name = doc[tok.i - 1], doc[tok.i - 2]
    if comma.text != "," or name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.dep_ not in ("pobj", "dobj", "conj"):
        return None
    end = tok.right_edge.i
    if doc[end].text != ",":
        end += 1  # (the closing comma may hang on the participle or on the main verb)
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("and", "or"):
        return None
    if doc[end + 2].pos_ not in ("PROPN", "DET", "NOUN", "ADJ"):
        return None  # ('met Giuliani, saying he would help, and left': the list is of verbs)
    return name


def _reporter_goes_on(tok: Token) -> bool:
    """'Pompeo said Washington would respect the ruling, saying he trusted the courts': a
    participle of saying set off by a comma at the end of a reported clause goes on with the
    reporter's words, not the reported clause's subject's."""
    head = tok.head
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.dep_ == "ccomp" and tok.i > head.i
            and tok.i > 0 and tok.doc[tok.i - 1].text == "," and lemma(tok) in _GOING_ON
            and lemma(head.head) in _GOING_ON | _CONTESTING and head.head.i < head.i
            and lemma(head) not in _GOING_ON)  # ('..., Lewandowski added, saying': his own)


# Verbs that report a claim to dispute or own it ('disputed that Mike was estranged, saying
# instead ...'): a participle of saying after the claim is still the disputer's.
_CONTESTING = frozenset("dispute deny reject contest challenge acknowledge admit concede suggest maintain "
                        "contend assert allege announce confirm stress".split())
# Verbs of saying that a participle may carry on ("said ..., adding", "told ..., saying").
_GOING_ON = frozenset("say tell add write state note insist argue claim explain warn".split())


def _holder_of_campus(subj: Token) -> Span | None:
    """'Jo Smith of the University of California, Los Angeles disagreed': the parser takes the
    campus after the comma for the subject. A place that ends an institution's name (a comma
    after an organisation) is no speaker; the person the institution hangs on is, name and
    institution together."""
    if subj.ent_type_ != "GPE" or subj.pos_ != "PROPN":
        return None
    first = subj.left_edge
    if first.i < 2 or first.nbor(-1).text != "," or first.nbor(-2).ent_type_ != "ORG":
        return None
    top = first.nbor(-2)
    while top.dep_ in ("pobj", "prep", "compound") and top.head.i < top.i:
        top = top.head
    if top.ent_type_ != "PERSON" or top.i == first.nbor(-2).i:
        return None
    return (top.left_edge.idx, subj.idx + len(subj.text))


# Verbs after which their object does what the infinitive says ('led Biden to express',
# 'forced the minister to admit'): the object speaks, not the subject.
_CAUSING = frozenset("lead prompt force compel cause drive spur push move inspire".split())


def _out_of_quotation(conj: Token, quoted: list[QuotedSpan]) -> Token:
    """'The order said "the outbreak constitutes an emergency" and said it began in May': a verb
    outside the quotation that the parser joined to one inside it shares the subject of the verb
    that quotes it; climb to the first head outside the quotation."""
    head = conj.head
    if _in_quotation((conj.idx, conj.idx + len(conj.text)), quoted):
        return head
    while _in_quotation((head.idx, head.idx + len(head.text)), quoted) and head.head.i != head.i:
        head = head.head
    return head


# Verbs whose passive subject is the one spoken to ('was told', 'were warned', 'had been assured').
_ADDRESSING = {"tell", "inform", "warn", "assure", "remind", "advise", "notify", "brief", "ask", "instruct", "reassure"}


def _agent(tok: Token) -> Token | None:
    """The 'by' phrase of a passive cue: who did the saying."""
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    return None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)


def _name_before(tok: Token) -> Span | None:
    """'The president of the league, Jamel Msallem, said': the parser often loses a subject that
    is an appositive chain; a person's or organisation's name ending right before the cue (a comma
    between allowed) is the source."""
    i = tok.i - 1
    toks, opening = doc_tokens(tok.doc), sentence(tok).start
    while i >= opening and toks[i].dep_ in ("aux", "neg", "advmod") and toks[i].head.i == tok.i:
        i -= 1
    if i >= opening and toks[i].text == ",":
        i -= 1
    if i < opening:
        return None
    last = toks[i]
    if last.pos_ == "PROPN" and last.ent_type_ == "" and _signs_after_quotation(tok.doc, i):
        first = i
        while first > opening and toks[first - 1].pos_ == "PROPN":
            first -= 1
        return (toks[first].idx, last.idx + len(last.text))
    if last.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") or last.pos_ != "PROPN":
        return None
    ent = ent_at(tok.doc, i)
    start = toks[ent.start] if ent is not None and ent.start >= opening else last
    return (start.idx, last.idx + len(last.text))


def _signs_after_quotation(doc, i: int) -> bool:
    """Whether the proper nouns ending at token ``i`` (at most three) follow a closing quotation
    mark at once: '"Go back to Univision," Trump barked', a name the tagger left unlabelled."""
    first = i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and i - first < 3:
        first -= 1
    return first > 1 and doc[first - 1].text in ("”", '"', "''") and doc[first - 2].text in (",", "?", "!")


_NAME_PREFIX = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}")


def _whole_name(text: str, source: Span, quoted: list[QuotedSpan]) -> Span:
    """'"...," Tulsa police Chief Chuck Jordan said': capitalised words the parser left between a
    quotation and the subject belong to the subject."""
    # the quotations (in text order) ending 1 to 40 characters before the source
    for n in quote_index(quoted).ending_between(source[0] - 40, source[0] - 1):
        q = quoted[n]
        if 0 < source[0] - q.end <= 40:
            m = _NAME_PREFIX.fullmatch(text, q.end + 1, source[0]) if text[q.end] == " " else None
            if m is not None:
                return (m.start(), source[1])
            if text[q.end] == " " and _role_written_before_name(text[q.end + 1 : source[0]]):
                return (q.end + 1, source[1])
    return source


_TITLE_WORD = re.compile(r"[\w.'’&-]+|,")
_INSIDE_TITLES = {",", "and", "&", "of", "the"}


def _role_written_before_name(between: str) -> bool:
    """'"...," chairman, CEO and president Jane Roe said': the roles a writer sets between a
    quotation and the name (role nouns, capitalised words, joined by commas, "and", "of") are
    the subject's own description; any other word ("his", "told") is not."""
    from quoth.speakers.roles import _ROLE_NOUNS  # the role words live with the speakers

    words = _TITLE_WORD.findall(between)
    if words and words[-1].lower() in ("and", "&") and "," in words:
        words = words[:-1]  # "chairman, CEO and | president Jane Roe": the list runs on into the source
    if not words or len(words) > 8 or words[0].lower() in _INSIDE_TITLES or words[-1].lower() in _INSIDE_TITLES:
        return False
    roles = [w for w in words if w.lower() in _ROLE_NOUNS]
    return bool(roles) and all(w.lower() in _ROLE_NOUNS or w.lower() in _INSIDE_TITLES or w[:1].isupper() for w in words)


def _inverted_subject(tok: Token) -> Span | None:
    """'..., said Leslie Wimes, a ...': the proper noun or pronoun right after the cue."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ not in ("PROPN", "PRON"):
        return None
    head = nxt
    while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    return _np_span(head)


def _np_span(head: Token) -> Span:
    """A noun phrase's span: its subtree minus relative clauses and trailing punctuation."""
    sent = sentence(head)  # (t.sent == head.sent, without building each token's sentence)
    tokens = [t for t in head.subtree if sent.start <= t.i < sent.end and not _in_relcl(t, head) and "\n" not in t.text]
    return _tokens_span(_across_hyphens(_contiguous_around(tokens, head), head))


def _across_hyphens(tokens: list[Token], head: Token) -> list[Token]:
    """'said study co-author Karen Alley', 'His ex-wife said': the parser may split a hyphenated
    word into sibling subjects ("co" and "Alley", "ex" and "wife"); a phrase never ends inside a
    word, so it runs on through the glued hyphen to the sibling whose words follow it."""
    doc = head.doc
    if head.head.i == head.i:
        return tokens
    end = max(t.i for t in tokens)
    while end + 1 < len(doc) and not doc[end].whitespace_:
        nxt = end + 1
        if doc[end].text != "-" and not (doc[nxt].text == "-" and not doc[nxt].whitespace_):
            break
        sibling = next((s for s in head.head.children if s.i > end and s.dep_ == head.dep_
                        and s.left_edge.i == nxt and s.sent == head.sent), None)
        if sibling is None:
            break
        tokens = tokens + [t for t in sibling.subtree if t.i > end]
        end = max(t.i for t in tokens)
    return tokens


def _in_relcl(t: Token, head: Token) -> bool:
    while t.i != head.i:
        if t.dep_ in ("relcl", "acl") and t.head.i == head.i:
            return True
        t = t.head
    return False
