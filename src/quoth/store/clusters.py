"""One statement, many reports: normalising quotes and telling near-duplicates (issue #4).

Outlets carry the same statement with different quote marks, capitals and punctuation, cut short,
with ellipses, or with small edits. :func:`normalise` folds the first three away, so identical
statements get one :func:`norm_hash`. For the rest the store looks up candidate clusters that
share a :func:`fingerprints` value (winnowed hashes of word 4-grams, looked up with all of a new
quote's :func:`shingles`, so any shared run of six words is found) and keeps the best one :func:`same_statement` accepts.

The thresholds are named settings in :class:`ClusterSettings`; none is magic.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

# Quote marks and apostrophes of every kind: "don't" and "don’t" must fold alike.
_QUOTE_MARKS = "\"'`´‘’‚‛“”„‟«»‹›′″〝〞＂＇"
_QUOTE_TABLE = str.maketrans("", "", _QUOTE_MARKS)
# An ellipsis (… or ...), which is also how Quote.text joins the pieces of a split quote.
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ClusterSettings:
    """When two normalised quotes count as one statement."""

    shingle: int = 4  # words per shingle
    window: int = 3  # winnowing window: any shared run of shingle + window - 1 = 6 words is found
    min_words: int = 6  # shorter quotes cluster only when identical: "We will win" is not a statement
    min_block: int = 3  # aligned runs shorter than this are coincidence, not shared text
    contained: float = 0.85  # share of the shorter quote's words in aligned runs: truncation, ellipsis
    edit_similarity: float = 0.8  # Indel similarity of two quotes of about the same length: small edits
    edit_length_ratio: float = 0.75  # "about the same length"
    candidates: int = 25  # clusters compared per new quote, those sharing most fingerprints first


DEFAULT_SETTINGS = ClusterSettings()


@dataclass(frozen=True)
class Norm:
    """A quote's words after :func:`normalise`; ``fragments`` keeps the ellipsis breaks."""

    fragments: tuple[tuple[str, ...], ...]

    # computed once per Norm (the store asks for each several times per quote)
    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(w for f in self.fragments for w in f)

    @cached_property
    def text(self) -> str:
        return " ".join(self.words)

    @cached_property
    def hash(self) -> int:
        """:func:`norm_hash` of the text."""
        return _text_hash(self.text)

    @cached_property
    def bag(self) -> Counter[str]:
        """The words with their counts."""
        return Counter(self.words)

    @cached_property
    def shingle_hashes(self) -> tuple[tuple[int, ...], ...]:
        """Per fragment, the hash of each run of :attr:`ClusterSettings.shingle` words (the
        default settings'; :func:`shingles` and :func:`fingerprints` share them)."""
        return _shingle_hashes(self, DEFAULT_SETTINGS.shingle)


@lru_cache(maxsize=65536)  # pure; a cluster's representative is normalised again for every comparison
def normalise(text: str) -> Norm:
    """Fold case, quote marks, punctuation and ellipses away.

    Example:
        >>> normalise('“It would be naive… to think so,” he said').text
        'it would be naive to think so he said'
        >>> normalise("Don’t") == normalise('"don\\'t!"')
        True
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTE_TABLE)
    fragments = []
    for piece in _ELLIPSIS.split(text):
        words = tuple(_WORD.findall(piece))
        if words:
            fragments.append(words)
    return Norm(tuple(fragments))


def norm_hash(norm: Norm | str) -> int:
    """A signed 64-bit hash of the normalised text (fits a BIGINT on both backends).

    Example:
        >>> norm_hash(normalise("A b")) == norm_hash("a b")
        True
    """
    return norm.hash if isinstance(norm, Norm) else _text_hash(norm)


def _text_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _hash_words(words: tuple[str, ...]) -> int:
    return _text_hash(" ".join(words))


def _shingle_hashes(norm: Norm, k: int) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(_hash_words(f[i : i + k]) for i in range(len(f) - k + 1)) for f in norm.fragments)


def _hashes(norm: Norm, settings: ClusterSettings) -> tuple[tuple[int, ...], ...]:
    if settings.shingle == DEFAULT_SETTINGS.shingle:
        return norm.shingle_hashes
    return _shingle_hashes(norm, settings.shingle)


def shingles(norm: Norm, settings: ClusterSettings = DEFAULT_SETTINGS) -> set[int]:
    """Every word-shingle hash of a quote: what a new quote looks up (shingles do not cross an
    ellipsis)."""
    return {h for hashes in _hashes(norm, settings) for h in hashes}


def fingerprints(norm: Norm, settings: ClusterSettings = DEFAULT_SETTINGS) -> set[int]:
    """Winnowed shingle hashes (Schleimer et al. 2003), what the store keeps per cluster: a quote
    that shares a run of ``shingle + window - 1`` words with a stored one has all the shingles of
    one winnowing window, so its :func:`shingles` include a stored fingerprint.

    Example:
        >>> a = normalise("the sanctions will have no effect on our approach at all")
        >>> b = normalise("He said the sanctions will have no effect on our approach")
        >>> bool(shingles(a) & fingerprints(b))
        True
    """
    w = settings.window
    out: set[int] = set()
    for hashes in _hashes(norm, settings):
        if not hashes:
            continue
        if len(hashes) <= w:
            out.add(min(hashes))
            continue
        for i in range(len(hashes) - w + 1):
            out.add(min(hashes[i : i + w]))
    return out


def same_statement(a: Norm, b: Norm, settings: ClusterSettings = DEFAULT_SETTINGS) -> float | None:
    """How surely two normalised quotes are one statement (0..1), or ``None`` if they are not.

    Accepted: identical; the shorter one's words lying in long aligned runs of the longer one
    (a truncation, or pieces cut by ellipses); or two quotes of about the same length a few words
    apart (small edits).

    Example:
        >>> full = normalise("This is not our issue. This is the issue of those countries that imposed the sanctions")
        >>> same_statement(normalise("This is the issue of those countries that imposed the sanctions"), full)
        1.0
        >>> same_statement(normalise("This is not our issue … imposed the sanctions"), full)
        1.0
        >>> same_statement(normalise("This is our issue, not that of the countries"), full) is None
        True
    """
    wa, wb = a.words, b.words
    if wa == wb:
        return 1.0
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < settings.min_words:
        return None
    # A bound first, since most candidates share a few common word runs and no more: aligned
    # runs and a common subsequence can hold no more words than the two quotes have in common.
    common = sum((a.bag & b.bag).values())
    near_in_length = len(short) >= settings.edit_length_ratio * len(long)
    if common < settings.contained * len(short) - 1e-9 and (
        not near_in_length or 2 * common / (len(short) + len(long)) < settings.edit_similarity - 1e-9
    ):
        return None
    # difflib finds the longest common runs first, which is what a truncation or an ellipsis
    # leaves; a minimal edit script (Indel.opcodes) may break a run to match words elsewhere.
    blocks = SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    aligned = sum(b.size for b in blocks if b.size >= settings.min_block)
    if aligned >= settings.contained * len(short):
        return round(aligned / len(short), 4)
    if near_in_length:
        similarity = Indel.normalized_similarity(short, long)
        if similarity >= settings.edit_similarity:
            return round(similarity, 4)
    return None


__all__ = [
    "ClusterSettings",
    "DEFAULT_SETTINGS",
    "Norm",
    "fingerprints",
    "norm_hash",
    "shingles",
    "normalise",
    "same_statement",
]
