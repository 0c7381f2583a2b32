"""A stored statement is whole (issue #10, audit of stored quotes): a phrase set inside the
clause it reports leaves the subject and the rest of the statement, not half of it."""

from __future__ import annotations

import pytest

import quoth


def contents(text: str) -> list[str]:
    return [q.text for q in quoth.extract(text).quotes]


@pytest.mark.issue(10)
def test_according_to_between_subject_and_verb_keeps_the_subject():
    text = "This, according to the delegates, is both a problem and an opportunity."
    assert contents(text) == ["This … is both a problem and an opportunity"]


@pytest.mark.issue(10)
def test_according_to_after_an_opening_phrase_keeps_only_the_statement():
    text = "At the same time, in the minister's words, the plan will fail."
    assert contents(text) == ["the plan will fail"]


@pytest.mark.issue(10)
def test_described_x_at_a_time_as_y_keeps_both_pieces():
    text = ('The State Department described Tariq Vell in March of this year as an "emerging" figure in the '
            'group when it offered a reward.')
    assert contents(text) == ['Tariq Vell … as an "emerging" figure in the group']


@pytest.mark.issue(10)
def test_a_verb_whose_object_says_nothing_is_not_split_into_a_statement():
    text = "The campaign says the candidate will announce plans Friday for a new national program."
    assert "plans … for a new national program" not in contents(text)


@pytest.mark.issue(10)
def test_a_cue_with_its_own_object_does_not_take_the_quotation_that_closed_the_sentence_before():
    text = ('Dana Wirth told reporters in October that the militia was "fairly secular by regional standards." '
            'Wirth further described the idea that it trains insurgents as "certainly absurd."')
    got = {q.text for q in quoth.extract(text).quotes}
    assert not any("fairly secular" in t and "absurd" in t for t in got)
    assert any(t.startswith("the idea that it trains insurgents") for t in got)


@pytest.mark.issue(10)
def test_a_bare_cue_after_a_sentence_quotation_still_signs_it():
    assert contents('"We will win." Smith said.') == ['"We will win."']
