"""The cue lexicon: which words introduce an attribution, and how reliably.

``data/cues.tsv`` is learnt from PolNeAR train by ``training/cue_lexicon.py``: for each
``lemma|POS``, how often it lies inside a gold cue (overall, and when it governs a clausal
complement). A token is a cue when that rate clears :data:`MIN_CUE_RATE` (or
:data:`MIN_CUE_RATE_WITH_CLAUSE` when it governs a clause); both thresholds were chosen on PolNeAR
dev (see ``quoth eval``).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

import numpy
from spacy.attrs import LOWER, POS
from spacy.symbols import NOUN, VERB

MIN_CUE_RATE = 0.35
MIN_CUE_RATE_WITH_CLAUSE = 0.25
MIN_EVIDENCE = 3  # occurrences as a cue before the rate is trusted


@dataclass(frozen=True)
class CueStats:
    cue: int
    total: int
    cue_with_clause: int
    total_with_clause: int

    @property
    def rate(self) -> float:
        return self.cue / self.total if self.total else 0.0

    @property
    def rate_with_clause(self) -> float:
        return self.cue_with_clause / self.total_with_clause if self.total_with_clause else 0.0


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict[str, CueStats]:
    """``lemma|POS`` -> counts, from the packaged ``data/cues.tsv``."""
    path = resources.files("quoth") / "data" / "cues.tsv"
    out = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out[row["key"]] = CueStats(
                int(row["cue"]), int(row["total"]), int(row["cue_with_ccomp"]), int(row["total_with_ccomp"])
            )
    return out


@functools.lru_cache(maxsize=65536)
def cue_score(lemma: str, pos: str, governs_clause: bool) -> float:
    """The learnt rate at which this word is a cue; 0 when unknown or too rare to trust.
    (Remembered per word: the rules ask it of every verb and noun of an article, most of them
    many times over, and the packaged lexicon does not change while the process runs.)"""
    stats = load_lexicon().get(f"{lemma.lower()}|{pos}")
    if stats is None or stats.cue < MIN_EVIDENCE:
        return 0.0
    if governs_clause and stats.total_with_clause >= MIN_EVIDENCE:
        return max(stats.rate, stats.rate_with_clause)
    return stats.rate


# words that open an attribution whatever their part of speech ('according to', 'reportedly')
CUE_WORDS = ("according", "reportedly")


def cue_candidates(doc) -> list[int]:
    """The indices, ascending, of the tokens that may open an attribution: the verbs, the nouns
    and :data:`CUE_WORDS`; the rules pass over every other token at once. Read from the parse's
    arrays, so that the other three fifths of an article's tokens cost no call at all."""
    pos, lower = doc.to_array([POS, LOWER]).T
    words = [doc.vocab.strings[w] for w in CUE_WORDS]
    return numpy.flatnonzero((pos == VERB) | (pos == NOUN) | numpy.isin(lower, words)).tolist()


def is_cue(lemma: str, pos: str, governs_clause: bool) -> bool:
    threshold = MIN_CUE_RATE_WITH_CLAUSE if governs_clause else MIN_CUE_RATE
    return cue_score(lemma, pos, governs_clause) >= threshold
