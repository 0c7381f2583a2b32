"""Cue frames that state nothing anyone said (issue #10 audits: "not a statement")."""

from __future__ import annotations

import pytest

import quoth


def cues(article) -> list[str]:
    return [article.span_text(q.cue) for q in article.quotes if q.cue]


def contents(article) -> list[str]:
    return [" | ".join(article.text[s:e] for s, e in q.content) for q in article.quotes]


@pytest.mark.parametrize(
    "text",
    [
        "Blood tests revealed that the patient had built up antibodies to a compound in the pillows.",
        "Breathing tests showed that her lungs could not hold as much air as normal.",
        "The scan indicated that the tumour had shrunk by half over the summer.",
        "He played drums in a band, and nothing indicated that he was using the sticks as weapons.",
        "No sign suggested that the engine had been tampered with before the flight.",
    ],
)
def test_a_finding_of_a_thing_that_cannot_speak_is_no_statement(text):
    assert quoth.extract(text).quotes == []


@pytest.mark.parametrize(
    "text, source",
    [
        ("A study of 300 nurses found that night shifts raised the risk of diabetes.", "A study of 300 nurses"),
        ("The latest poll showed that the senator was trailing by five points.", "The latest poll"),
        ("Doctors found that the man had inhaled dust from the feathers.", "Doctors"),
        (
            "A 2014 examination by the state auditor found that the city had overspent on repairs.",
            "A 2014 examination by the state auditor",
        ),
    ],
)
def test_studies_polls_and_people_keep_their_findings(text, source):
    a = quoth.extract(text)
    assert [a.span_text(q.source) for q in a.quotes] == [source]


def test_a_participle_of_call_names_a_thing():
    a = quoth.extract("Often called miner's lung, the disease can take decades to show itself.")
    assert a.quotes == []


def test_called_by_someone_still_reports():
    a = quoth.extract("Called a disgrace by the mayor, the plan was dropped within a week.")
    assert [a.span_text(q.source) for q in a.quotes] == ["the mayor"]


def test_a_suspicion_nobody_voices_is_no_statement():
    a = quoth.extract("A second man, who was suspected of carrying the virus, was taken to hospital on Friday.")
    assert "was suspected of" not in cues(a)
    assert not any("carrying the virus" == c for c in contents(a))


def test_a_request_put_to_someone_is_not_their_words():
    a = quoth.extract(
        "The governor spoke for an hour, and when asked to condemn the group, he changed the subject."
    )
    asked = [q for q in a.quotes if a.span_text(q.cue) == "asked"]
    assert all(q.source is None and q.speaker is None for q in asked)


def test_a_plan_does_not_sign_the_writers_sentence_before_it():
    a = quoth.extract(
        "Both chains have cut staff at their regional papers and closed printing plants — Acme Media is "
        "planning to end Saturday print editions by next year."
    )
    assert not any("cut staff" in c for c in contents(a))


def test_a_title_in_quotation_marks_is_not_the_statement():
    a = quoth.extract('Jones says his festival, "Rock the Valley, Nobody Can Stop Us", was meant as a prank.')
    (q,) = a.quotes
    assert a.span_text(q.source) == "Jones"
    assert contents(a) == ['his festival, "Rock the Valley, Nobody Can Stop Us", was meant as a prank']


def test_an_object_announcing_a_quotation_after_a_colon_is_not_a_second_statement():
    a = quoth.extract(
        'Another was a tour guide, 24, who cited only his experience with the sport of hockey: "I did '
        'what anyone would do and tried to stop it."'
    )
    assert contents(a) == ['"I did what anyone would do and tried to stop it."']


def test_asking_not_to_be_identified_is_the_terms_of_speaking_not_a_statement():
    quotes = quoth.extract("A Syrian refugee who feared retaliation and asked not to be identified said "
                           'that the claim is "absolutely not true."\n').quotes
    assert [q.text for q in quotes] == ['that the claim is "absolutely not true']


def test_a_verb_of_narration_after_an_exclamation_does_not_sign_the_quotation():
    # the quotation ends its sentence on "!"; the next sentence tells what an aircraft did next
    text = ('The governor spoke at noon. "We did it! We will rebuild this town TOGETHER!" Late that evening '
            'Air Force Two landed on the North Lawn carrying the governor to a clinic in Dover.')
    assert not any(q.cue and "landed" in text[q.cue[0]:q.cue[1]] for q in quoth.extract(text).quotes)
    # a verb of speech there still signs it, and so does a bare verb with nothing more to say
    said = quoth.extract('"We built it together!" Mayor Tom Reed shouted at the crowd.').quotes
    assert [q.speaker for q in said] == ["Tom Reed"]
