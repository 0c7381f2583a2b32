"""Quote normalisation and near-duplicates (issue #4): the pure rules of quoth.store.clusters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoth.store.clusters import fingerprints, norm_hash, normalise, same_statement, shingles

pytestmark = pytest.mark.issue(4)

FULL = "It is most important to have the political will and the determination to handle these controversies through a dialog"


@pytest.mark.parametrize(
    "a, b",
    [
        ("“It would be naive to think so,” he said.", '"it would be naive to think so" he said'),
        ("Don’t", "don't!"),
        ("«Crimea is one of Russian regions»", "CRIMEA IS ONE OF RUSSIAN REGIONS."),
    ],
)
def test_normalise_folds_case_punctuation_and_quote_marks(a, b):
    assert normalise(a).text == normalise(b).text
    assert norm_hash(normalise(a)) == norm_hash(normalise(b))


@pytest.mark.parametrize(
    "variant",
    [
        FULL,
        FULL.upper() + "!",
        "the political will and the determination to handle these controversies through a dialog",  # truncated
        "It is most important to have the political will … to handle these controversies through a dialog",
        "It is most important to have the political will and the resolve to handle these controversies through a dialogue",
    ],
)
def test_near_duplicates_are_one_statement(variant):
    assert same_statement(normalise(variant), normalise(FULL)) is not None
    assert shingles(normalise(variant)) & fingerprints(normalise(FULL))


@pytest.mark.parametrize(
    "other",
    [
        "It is most important to have lower taxes for every family in this country",
        "We will see.",
        "political will",
    ],
)
def test_different_statements_are_not(other):
    assert same_statement(normalise(other), normalise(FULL)) is None


@given(st.lists(st.sampled_from("alpha beta gamma delta epsilon zeta eta theta iota kappa".split()), min_size=6, max_size=40),
       st.integers(0, 39), st.integers(6, 40))
def test_any_long_enough_cut_is_found_and_accepted(words, start, length):
    full = normalise(" ".join(words))
    cut_words = words[start : start + length]
    if len(cut_words) < 6:
        return
    cut = normalise(" ".join(cut_words))
    assert same_statement(cut, full) == 1.0
    assert shingles(cut) & fingerprints(full)  # the store's candidate lookup finds it
