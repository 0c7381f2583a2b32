"""Attributions written as phrases rather than verbs: "according to X", "reportedly", "in X's
words", "X made it clear that".

The phrase gives the source (or, for "reportedly", says there is one the text does not name); the
content is the clause the phrase modifies, less the phrase itself. Kept apart from
:mod:`quoth.extraction.attributions`, whose cues are verbs and nouns with a subject and a
complement of their own.
"""

from __future__ import annotations

from spacy.tokens import Token

from quoth.extraction.boundaries import clause_broken_by_phrase, phrase_set_off, previous_sentence_for_demonstrative
from quoth.extraction.cues import is_cue
from quoth.extraction.quotemarks import QuotedSpan, find_quotes
from quoth.extraction.sources import CLAUSES, SUBJECTS, _np_span
from quoth.extraction.spans import _WORD, _paragraph_of, _runs, _tokens_span, _trim
from quoth.model import Quote, Span
from quoth.nlp import doc_text, lemma


def _according_to(tok: Token) -> Quote | None:
    """'According to X, Y' / 'Y, according to X': source X, content the rest of the clause."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = list(tok.subtree) if tok.head.i != tok.i else [tok, to, *pobj.subtree]
    phrase = _without_words_before(tok, phrase)
    subject = _subject_joined_to_source(tok, pobj)
    if subject:
        # 'According to the researchers, sacrifice of ibises was common': the parser joined the
        # clause's subject to the source ('researchers, sacrifice'); it is what the clause is about
        phrase = [t for t in phrase if t.i < subject[0].i]
    source = _tokens_span([t for t in pobj.subtree if not subject or t.i < subject[0].i - 1])
    named = _name_set_off_after(pobj)
    if named:
        # 'According to the El Paso mayor, Dee Margo, police were ...': the parser made the name a
        # subject of the clause; it is the source's, and no part of what was said
        phrase = phrase + named
        source = (source[0], named[-2].idx + len(named[-2].text))
    cue = (tok.idx, to.idx + len(to.text))
    text = doc_text(tok.doc)
    after = find_quotes(text, [(source[1], _paragraph_of(text, source[1])[1])])
    if after and not _WORD.search(text[source[1] : after[0].start]):
        # 'According to Limbaugh, “[I]f it was left up to Hillary ...”': the quotation is the content
        return Quote(content=list(after[0].pieces), cue=cue, source=source)
    quote = _phrase_attribution(tok, phrase_set_off(phrase), source, cue)
    return previous_sentence_for_demonstrative(tok.doc, quote) if quote is not None else None


def _subject_joined_to_source(tok: Token, pobj: Token) -> list[Token]:
    """The words after a comma that the parser joined to an opening 'According to X' as more of
    X, when the clause after has no subject of its own: they are its subject. [] otherwise."""
    host = tok.head
    if host.i <= tok.i or any(c.dep_ in SUBJECTS for c in host.children):
        return []
    conj = next((c for c in pobj.children if c.dep_ == "conj" and c.i > pobj.i), None)
    if conj is None or conj.left_edge.i < 1 or tok.doc[conj.left_edge.i - 1].text != ",":
        return []
    if any(c.dep_ == "cc" for c in pobj.children if c.i < conj.i):
        return []  # 'according to X, Y and Z': a list of sources
    return [t for t in conj.subtree]


def _without_words_before(tok: Token, phrase: list[Token]) -> list[Token]:
    """'X sold 30,154 cars, the second-highest volume but still down 10 percent from a year ago,
    according to the report': the parser may hang the last words of the clause before the phrase
    on 'according' ('down 10 percent ...'). A phrase 'according to X' starts at 'according' (and
    the comma before it); the words before are the clause's, what the report says. Left with the
    phrase, they would leave the content ending on 'but still'."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].is_punct and tok.doc[start - 1].text in ",(—–":
        start -= 1
    return [t for t in phrase if t.i >= start]


def _name_set_off_after(pobj: Token) -> list[Token]:
    """The tokens of ', Name,' right after a source phrase (the name's commas included), or []."""
    doc = pobj.doc
    last = max(t.i for t in pobj.subtree)
    if last + 3 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].ent_type_ != "PERSON" or doc[last + 2].ent_iob_ != "B":
        return []
    end = last + 3
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end >= len(doc) or doc[end].text != ",":
        return []
    return list(doc[last + 1 : end + 1])


def _reportedly(tok: Token) -> Quote | None:
    """'Reportedly, X': the sentence the adverb opens is what was reported (quotations and all:
    'Reportedly, "COVI" represents the coronavirus, "D" is for "disease," ...'). Inside a
    sentence see :func:`_reported_verb`."""
    root = tok.head
    if root.pos_ == "VERB" and is_cue(lemma(root), "VERB", any(c.dep_ in CLAUSES for c in root.children)):
        return None  # "reportedly believe that": the verb's own attribution takes the adverb
    if not _opens_sentence(tok):
        return _reported_verb(tok)
    start = tok.i + 1
    while start < tok.sent.end and tok.doc[start].is_punct and tok.doc[start].text not in QUOTE_OPENERS:
        start += 1
    if start >= tok.sent.end:
        return None
    end = tok.sent.end
    while end > start and (tok.doc[end - 1].is_space or tok.doc[end - 1].text in (".", "!")):
        end -= 1  # the sentence's own stop is no part of what was reported
    if end <= start:
        return None
    if _names_its_source(tok.doc[start:end]):
        return None
    content = _trim(tok.doc, *_tokens_span(tok.doc[start:end]))
    if content is None or content[1] - content[0] < 12:
        return None
    return Quote(content=[content], cue=(tok.idx, tok.idx + len(tok.text)))


def _names_its_source(tokens) -> bool:
    """'Khan reportedly started attacking people, according to The Times': the hedge's report
    has a source the sentence names, whose own attribution records it; the adverb adds none."""
    tokens = list(tokens)
    return any(t.lower_ == "according" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to"
               for i, t in enumerate(tokens))


def _reported_verb(tok: Token) -> Quote | None:
    """'Buyers were reportedly stocking up', 'who was reportedly nicknamed Ginger': the clause of
    the verb the adverb modifies, subject included. On a preposition or a copula ('shot him dead,
    reportedly outside a store', 'two suspects were reportedly at large', 'injuries reportedly
    from glass') it hedges a detail of the writer's own account: no report stands apart."""
    root = tok.head
    if root.pos_ != "VERB":
        return None
    clause = [t for t in root.subtree if t.i != tok.i and not (t.is_punct and t.i == tok.i + 1)]
    # 'Firefighters sent 30 vehicles; personnel reportedly had control by 8am': a semicolon
    # ends the hedged clause, whatever the parse joined to it
    stops = [t.i for t in clause if t.text == ";"]
    after = max([i for i in stops if i < tok.i], default=-1)
    before = min([i for i in stops if i > tok.i], default=len(tok.doc))
    clause = [t for t in clause if after < t.i < before]
    if _names_its_source(clause):
        return None
    content = [p for p in (_trim(tok.doc, s, e) for s, e in _runs(clause)) if p is not None]
    if not content or sum(e - s for s, e in content) < 12:
        return None
    return Quote(content=content, cue=(tok.idx, tok.idx + len(tok.text)))


QUOTE_OPENERS = {'"', "“", "‘", "'", "``"}


def _opens_sentence(tok: Token) -> bool:
    """Whether only punctuation or a conjunction comes before ``tok`` in its sentence."""
    return all(t.is_punct or t.is_space or t.lower_ in ("and", "but", "so") for t in tok.sent[: tok.i - tok.sent.start])


def _in_words(words: Token) -> Quote | None:
    """'In Peskov's words, Y' / 'in the words of X': source X, content the clause it modifies."""
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.children if c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None:
        return None
    prep = words.head
    source = _tokens_span([t for t in owner.subtree if t.dep_ != "case"])
    return _phrase_attribution(prep, list(prep.subtree), source, (prep.idx, words.idx + len(words.text)))


def _made_clear(tok: Token, quoted: list[QuotedSpan]) -> Quote | None:
    """'X made it clear that Y': a cue of three words."""
    clear = next(c for c in tok.children if c.lower_ == "clear")
    clause = next((c for c in list(clear.children) + list(tok.children) if c.dep_ in ("ccomp", "advcl")
                   and any(g.dep_ == "mark" for g in c.children)), None)
    if clause is None:
        return None
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    content = _trim(tok.doc, *_tokens_span(list(clause.subtree)))
    if content is None:
        return None
    return Quote(content=[content], cue=(tok.idx, clear.idx + len(clear.text)),
                 source=_np_span(subj) if subj is not None else None)


def _phrase_attribution(tok: Token, phrase: list[Token], source: Span | None, cue: Span) -> Quote | None:
    """A prepositional attribution: content is the clause the phrase modifies, minus the phrase."""
    clause_root = tok.head if tok.dep_ != "ROOT" else tok
    while clause_root.dep_ not in ("ROOT", "ccomp", "conj") and clause_root.head.i != clause_root.i:
        clause_root = clause_root.head
    relative = _relative_after_phrase(clause_root, phrase)
    if relative is not None:
        # '..., according to police, who said officers arrived later': the parser hung the phrase
        # on the relative clause that follows it; what police report is the clause before
        phrase = phrase + list(relative.subtree)
        clause_root = relative.head
    while clause_root.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in clause_root.children):
        # 'Gunmen attacked him, then fled, according to officials': a verb sharing its subject
        # with the one before it is the same report; a conjunct with a subject of its own is not
        clause_root = clause_root.head
        while clause_root.dep_ not in ("ROOT", "ccomp", "conj") and clause_root.head.i != clause_root.i:
            clause_root = clause_root.head
    clause = [t for t in clause_root.subtree if t.i not in {p.i for p in phrase}]
    pieces = _runs(clause)
    content = [p for p in (_trim(tok.doc, s, e) for s, e in pieces) if p is not None]
    if not content:
        return None
    # keep the main run: the clause minus the phrase, without dangling commas
    if len(content) > 1 and not clause_broken_by_phrase(tok.doc, content):
        # 'At the same time, in X's words, Y': the piece with the clause's verb is what was said
        # ('Thunberg then led, according to Time, the largest march': the verb's subject and
        # object on either side of the phrase, both)
        core = [clause_root] + [c for c in clause_root.children if c.dep_ in _CLAUSE_CORE]
        with_root = [p for p in content if any(p[0] <= t.idx < p[1] for t in core)]
        if not any(p[0] <= clause_root.idx < p[1] for p in with_root):
            with_root = []
        content = with_root or [max(content, key=lambda p: p[1] - p[0])]
    return Quote(content=content, cue=cue, source=source)


# A clause's own parts, which a report keeps on both sides of an "according to X" set inside it.
_CLAUSE_CORE = {"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd"}


def _relative_after_phrase(verb: Token, phrase: list[Token]) -> Token | None:
    """A conjoined verb whose subject is a relative pronoun right after the phrase ('according to
    police, who said'): a relative clause on the phrase's noun, misread as the host."""
    if verb.dep_ != "conj" or verb.head.i > phrase[0].i:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    last = max(t.i for t in phrase)
    if subject is None or subject.tag_ not in ("WP", "WDT") or not 0 < subject.i - last <= 2:
        return None
    return verb
