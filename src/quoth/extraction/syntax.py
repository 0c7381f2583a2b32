"""What spaCy's parse says about each word, as ids the learned tagger embeds (issue #3).

The encoder of :mod:`quoth.extraction.learned` reads word pieces; most of its errors are where a
content ends ("that action unconstitutional, his decision was overturned ..."), which is where a
clause ends. The parser knows clauses. So each word also brings a few categorical facts from the
parse (its part of speech, its dependency label, its head's label, the kind of clause it sits in,
which side its head is on, its entity type), each an id into a fixed vocabulary; the tagger adds
one learned embedding per fact to the word's first piece.

Pure and torch-free: the vocabularies are spaCy's own label sets, saved with the weights so a
model always reads the ids it was trained on.
"""

from __future__ import annotations

import bisect

from quoth.model import Span

# Universal POS tags (spaCy's ``token.pos_``).
POS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
       "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE")
# Dependency labels that head a clause: a word's clause is named by its nearest such ancestor.
CLAUSES = ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp")
ENTITIES = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
            "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
SIDES = ("left", "right", "self")
FEATURES = ("pos", "dep", "head_dep", "clause", "side", "entity")
# id 0: no word (punctuation pieces, a piece inside a word), id 1: a label outside the vocabulary


def vocabularies(dep_labels) -> dict[str, list[str]]:
    """The label list of each feature; ``dep_labels`` are the parser's (``nlp.get_pipe('parser').labels``)."""
    deps = list(dep_labels)
    return {"pos": list(POS), "dep": deps, "head_dep": deps, "clause": list(CLAUSES), "side": list(SIDES),
            "entity": list(ENTITIES)}


def sizes(vocab: dict[str, list[str]]) -> list[int]:
    """How many ids each feature takes (its labels, plus "none" and "unknown")."""
    return [len(vocab[f]) + 2 for f in FEATURES]


def word_features(doc, words: list[Span], vocab: dict[str, list[str]]) -> list[list[int]]:
    """Per word (a character span), the ids of :data:`FEATURES` from the spaCy token it starts in."""
    index = {f: {label: i + 2 for i, label in enumerate(vocab[f])} for f in FEATURES}
    starts = [t.idx for t in doc]
    out = []
    for s, _ in words:
        k = bisect.bisect_right(starts, s) - 1
        if k < 0:
            out.append([0] * len(FEATURES))
            continue
        tok = doc[k]
        values = {
            "pos": tok.pos_,
            "dep": tok.dep_,
            "head_dep": tok.head.dep_ if tok.head.i != tok.i else "ROOT",
            "clause": _clause(tok),
            "side": "self" if tok.head.i == tok.i else ("left" if tok.head.i < tok.i else "right"),
            "entity": tok.ent_type_,
        }
        out.append([index[f].get(values[f], 1) if values[f] else 0 for f in FEATURES])
    return out


def _clause(tok) -> str:
    """The label of the nearest clause head at or above the token."""
    for _ in range(64):  # a parse is a tree; the bound only guards against a malformed one
        if tok.dep_ in CLAUSES or tok.head.i == tok.i:
            return tok.dep_ if tok.head.i != tok.i else "ROOT"
        tok = tok.head
    return "ROOT"
