"""Contents that are a piece of the writer's sentence, not something the speaker said.

PolNeAR counts what a cue's preposition takes as content ("argued against *re-entering the
accord*", "called for *an end to the war*"), and :func:`quoth.extract` reports it. Read alone in
the record it is no statement (issue #10): the words that make it the speaker's stand stay in the
cue, and "re-entering the accord" stored for someone who argued against it reverses what they
said. Nor is a content that opens on a verb whose subject is not in it ("an amendment that the
agency says *is essential to the programme*") or on a relative pronoun ("*which his wife said was
due to memory loss*"): a predicate without the thing it is said of.
:mod:`quoth.extraction.forms` calls these phrases, so the store leaves them out. (A noun phrase
whose verbs sit only in its modifiers, "accused *China of intimidating its neighbours*", is
:func:`quoth.extraction.forms._holds_a_clause`'s.)
"""

from __future__ import annotations

from spacy.tokens import Token

from quoth.model import Quote
from quoth.nlp import doc_text

_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
# Finite forms: a clause that opens on one has its subject before it, or none.
# Finite verb tags: a verb in the past or present tense, or a modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVE_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"}


def object_of_cue_preposition(parsed, quote: Quote) -> bool:
    """'argued against *re-entering the Paris accord*', 'called for *an end to the war*', 'tweeted
    about *the riots*': content a preposition of the cue takes is what the speaker was for, against
    or about, not what they said. ('according to X' is a cue of its own kind: its content is the
    clause it reports.)"""
    if quote.cue is None:
        return False
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    if cue is None or len(cue) < 2 or cue[0].lower_ == "according":
        return False
    last = cue[-1]
    return last.pos_ == "ADP" and last.dep_ == "prep" and cue.start <= last.head.i < cue.end


def opens_without_its_subject(parsed, quote: Quote) -> bool:
    """'an amendment that the agency says *is essential to the programme*', 'the countries they
    said *were involved*': a content that opens, in lower case, on a finite verb whose subject is
    not in it is a predicate without the thing it is said of. One that opens on a relative
    pronoun ('*which his wife said was due to memory loss*') has its subject in the writer's
    sentence before it. Neither says anything read alone. (A quotation that only lacks the
    subject the writer gives before it is made whole first:
    :func:`quoth.extraction.boundaries.subject_before_quotation`.)"""
    span = parsed.char_span(*quote.content[0], alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or not words[0].text[:1].islower():
        return False  # 'Was it worth it?': a sentence of its own
    first = words[0]
    ids = {t.i for s, e in quote.content for t in (parsed.char_span(s, e, alignment_mode="expand") or [])}
    # ('that' opens a reported clause when the cue comes before it, whatever the parser tags it:
    # 'joked that, among voters, Trump ranks fourth'; a relative 'that' comes before the cue)
    relative = first.tag_ in ("WP", "WP$") or first.tag_ in ("WDT", "IN") and (
        first.lower_ != "that" or quote.cue is not None and quote.cue[0] > first.idx)
    if _text_of(parsed, quote).rstrip(" \"'”’").endswith("?"):
        relative = False  # '"what did we do to deserve this?"': a question asked
    if relative and first.dep_ in _RELATIVE_ARGUMENTS and first.head.i in ids and not _has_its_own(first):
        return True
    if first.dep_ == "advmod" and first.head.i > first.i and first.head.tag_ in FINITE_TAGS:
        first = first.head  # '*recently gave them a copy*' (Giuliani did): the adverb's verb
    if first.tag_ not in FINITE_TAGS or quote.type == "direct":
        return False  # (a quotation is the speaker's own words, as the writer chose to cut them)
    verb = first.head if first.dep_ in ("aux", "auxpass", "neg") else first
    if verb.i not in ids:
        return False
    return not any(c.dep_ in _SUBJECTS and c.i in ids for c in verb.children)


def _has_its_own(word: Token) -> bool:
    """Whether the verb a pronoun hangs on has another word in the same part ('joked that, among
    voters, Trump ranks fourth': 'Trump' is the subject, 'that' only opens the clause)."""
    same = _SUBJECTS if word.dep_ in _SUBJECTS else {word.dep_}
    return any(c.dep_ in same and c.i != word.i for c in word.head.children)


def _text_of(parsed, quote: Quote) -> str:
    return doc_text(parsed)[quote.content[-1][0] : quote.content[-1][1]]
