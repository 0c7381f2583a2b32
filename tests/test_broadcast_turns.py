"""Broadcast transcripts label turns with a surname or capitals ('Reeves:', 'REEVES:') (issue #10)."""

from __future__ import annotations

import pytest

import quoth

INTRO = (
    "Chancellor rules out tax rises\n\n"
    "Speaking to presenter Laura Kuenssberg, Rachel Reeves said: \"We are not going to raise income tax.\"\n\n"
)


@pytest.mark.parametrize(
    "asker, answerer",
    [("Kuenssberg", "Reeves"), ("KUENSSBERG", "REEVES"), ("LAURA KUENSSBERG", "RACHEL REEVES")],
)
def test_surname_and_capital_labels_are_turns_of_the_named_people(asker, answerer):
    text = INTRO + (
        f"{asker}: Even if the economy shrinks?\n\n{answerer}: Even then. We will stick to our rules.\n\n"
        f"{asker}: And if it does not?\n\n{answerer}: Then we will do better than we said.\n"
    )
    article = quoth.extract(text)
    turns = {q.text: q.speaker for q in article.quotes if q.cue is None}
    assert turns == {
        "Even if the economy shrinks?": "Laura Kuenssberg",
        "Even then. We will stick to our rules.": "Rachel Reeves",
        "And if it does not?": "Laura Kuenssberg",
        "Then we will do better than we said.": "Rachel Reeves",
    }


def test_a_surname_two_named_people_share_labels_nobody():
    text = (
        "Brothers speak\n\nTom Reeves and Sam Reeves spoke to Ann Kirby.\n\n"
        "Kirby: Why now?\n\nReeves: Because it was time.\n"
    )
    article = quoth.extract(text)
    assert all(q.speaker not in ("Tom Reeves", "Sam Reeves") for q in article.quotes)


def test_headings_naming_a_new_person_each_time_are_no_turns():
    text = (
        "What each candidate needs tonight\n\n"
        "Voters in New Hampshire go to the polls. Bernie Sanders leads and Ted Cruz trails.\n\n"
        "Sanders: Win in a walk.\n\nThe senator from Vermont has led every poll this month.\n\n"
        "Cruz: Just hang on.\n\nThe Texas senator won Iowa last week.\n"
    )
    article = quoth.extract(text)
    assert all(q.speaker not in ("Bernie Sanders", "Ted Cruz") or q.cue is not None for q in article.quotes)
