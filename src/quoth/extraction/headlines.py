"""Statements a headline makes in its own shorthand.

A news headline puts what someone said or decided in the present tense with a bare object:
"Hong Kong leader announces withdrawal of extradition bill", "Court rules ban unlawful", "Fiancée
demands justice at UN". In the body the same words would be narrated events ("announced a halt"
is as often an action as a statement), but a headline's verb of saying in the present tense,
with a subject and an object, is the report the article is about (ANNOTATING.md: headline
attributions count). The body's rules (:mod:`quoth.extraction.attributions`) ask for a clause or
a statement-like object; these ask for the headline form instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quoth.extraction.cues import is_cue
from quoth.extraction.frames import NEEDS_CLAUSE
from quoth.extraction.sources import SUBJECTS, _np_span
from quoth.extraction.spans import _overlaps, _tokens_span, _trim
from quoth.model import Quote, Span
from quoth.nlp import lemma

# What a headline verb reports: its object and what completes it ('rules the ban *unlawful*').
_REPORTED = {"dobj", "ccomp", "xcomp", "oprd", "acomp", "attr"}
_PRESENT = {"VBZ", "VBP"}


def headline_statements(doc: Doc, quotes: list[Quote], headline: Span | None) -> list[Quote]:
    """'X announces Y', 'X rules Y unlawful', 'X demands Y': a present-tense cue verb of the
    headline with a subject before it and an object after it, that no other rule took."""
    if headline is None:
        return []
    span = doc.char_span(headline[0], headline[1], alignment_mode="contract")
    if span is None:
        return []
    taken = {q.cue for q in quotes if q.cue is not None}
    covered = [p for q in quotes for p in q.content]
    out = []
    for tok in span:
        quote = _statement(tok, span.end)
        if quote is None or quote.cue in taken or _overlaps(quote.content[0], covered):
            continue
        out.append(quote)
    return out


def _statement(tok: Token, end: int) -> Quote | None:
    if tok.pos_ != "VERB" or tok.tag_ not in _PRESENT or tok.dep_ not in ("ROOT", "conj"):
        return None
    word = lemma(tok)
    if word in NEEDS_CLAUSE or not is_cue(word, "VERB", True):
        return None  # 'Astronomers find water', 'WHO names virus', 'House issues subpoena': acts
    subject = next((c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i), None)
    if subject is None and tok.dep_ == "conj":
        subject = next((c for c in tok.head.children if c.dep_ in SUBJECTS and c.i < tok.head.i), None)
    if subject is None or not _names(subject) or any(c.dep_ == "neg" for c in tok.children):
        return None  # a description ('Hong Kong leader') the body may never tie to a name: left out
    reported = [c for c in tok.children if c.dep_ in _REPORTED and c.i > tok.i]
    if not reported:
        return None
    # an adjective after the object completes it, however the parser hangs it ('rules X unlawful')
    reported += [c for c in tok.children if c.pos_ == "ADJ" and c.i > reported[0].i]
    tokens = [t for c in reported for t in c.subtree if t.i < end]
    content = _trim(tok.doc, *_tokens_span(tokens))
    if content is None:
        return None
    return Quote(content=[content], cue=(tok.idx, tok.idx + len(tok.text)), source=_np_span(subject))


def _names(subject: Token) -> bool:
    """A subject that names its party ('Pope Francis', 'UK Supreme Court', 'Iran')."""
    return subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
