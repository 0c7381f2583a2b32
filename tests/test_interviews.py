"""Interview transcripts (issue #10): each labelled turn is an attribution with its speaker."""

from __future__ import annotations

import pytest

import quoth

TRANSCRIPT = """Biologist talks about penguins

Natasha Gownaris studies penguins at Punta Tombo. She answered our questions.

((WN))  What prompted your curiosity about penguins?

Natasha Gownaris: I have wanted to be a marine scientist since I was a child.

((WN))  How long did you spend there?

NG: Nearly four months, between 2015 and 2017.

The colony is an incredible, otherworldly place.

—Natasha Gownaris

((WN))  What comes next?

NG: More fieldwork.
"""


def turns(text):
    a = quoth.extract(text)
    return [(q.speaker, q.text, q.cue) for q in a.quotes if q.cue is None]


def test_each_turn_is_its_speakers_words_with_no_cue():
    got = turns(TRANSCRIPT)
    assert ("Wikinews", "What prompted your curiosity about penguins?", None) in got
    assert ("Natasha Gownaris", "I have wanted to be a marine scientist since I was a child.", None) in got
    # initials stand for the one person the article names with them
    assert ("Natasha Gownaris", "Nearly four months, between 2015 and 2017.", None) in got
    # an unlabelled paragraph inside an answer continues it; a pull quote's credit line does not
    assert ("Natasha Gownaris", "The colony is an incredible, otherworldly place.", None) in got
    assert not any("—Natasha" in text for _, text, _ in got)


def test_turns_are_verbatim_words_and_no_label_becomes_a_speaker():
    a = quoth.extract(TRANSCRIPT)
    speakers = {q.speaker for q in a.quotes}
    assert "NG" not in speakers and "WN" not in speakers
    assert all(q.type == "direct" for q in a.quotes if q.cue is None and q.speaker)


@pytest.mark.parametrize(
    "text",
    [
        # a colon after words that name nobody is no turn
        "Title\n\nUpdate: the meeting moved.\n\nLong-term goals: more parks.\n",
        # one label alone does not make a transcript
        "Title\n\n((WN)) Is this an interview?\n\nNo, it is a story.\n",
    ],
)
def test_labels_that_are_not_speakers_make_no_turns(text):
    assert turns(text) == []


def test_q_turns_have_no_speaker_to_guess_and_a_turns_are_the_one_person_introduced():
    text = "Title\n\nMayor Jane Doe spoke to us.\n\nQ: Will taxes rise?\n\nA: Not this year.\n"
    got = turns(text)
    assert (None, "Will taxes rise?", None) in got and ("Jane Doe", "Not this year.", None) in got
    two = "Title\n\nJane Doe and John Roe spoke to us.\n\nQ: Will taxes rise?\n\nA: Not this year.\n"
    assert (None, "Not this year.", None) in turns(two)


def test_a_one_word_label_is_a_turn_and_ends_the_turn_before():
    text = ("Title\n\nThe names have been altered.\n\n((WN))  Can you tell me about yourself?\n\n"
            "((Jaya))  I am a sex worker and I have lived with HIV for 15 years.\n\n((WN))  Okay.\n")
    got = turns(text)
    assert ("Jaya", "I am a sex worker and I have lived with HIV for 15 years.", None) in got
    assert not any(s == "Wikinews" and "sex worker" in t for s, t, _ in got)


def test_a_turns_belong_to_the_one_person_the_introduction_names():
    text = ("New chief at the agency\n\nJunior Gaspard took over as chief executive in May. We asked him about his plans.\n\n"
            "Q: How do you plan your day?\n\nA: I start with the most urgent call.\n\nQ: And then?\n\nA: Then the team meeting.\n")
    got = turns(text)
    assert ("Junior Gaspard", "I start with the most urgent call.", None) in got
    assert (None, "How do you plan your day?", None) in got


UNLABELLED_OPENING = """Former maintainer talks about the takedown

Wikinews reached out to Paul Weber, a former maintainer of the project.

When did you first hear about the notice?

((Paul Weber))  I saw it along with everyone else.

((WN))  What should happen next?

((Paul Weber))  Yes, I would remove the test cases and get the project back online.
I understand people who think differently.

The project's lawyers did not answer our questions.
"""


def test_unlabelled_first_question_is_the_interviewers_and_the_last_answer_runs_on_its_next_line():
    got = turns(UNLABELLED_OPENING)
    assert ("Wikinews", "When did you first hear about the notice?", None) in got
    assert ("Paul Weber", "I understand people who think differently.", None) in got
    # a paragraph after a blank line, once the transcript is over, is the article's again
    assert not any("lawyers" in t for _, t, _ in got)
    # the introduction (not a question) is nobody's turn
    assert not any("reached out" in t for _, t, _ in got)


def test_initials_stand_for_a_labelled_speaker_not_for_anyone_the_article_mentions():
    text = """Former maintainer talks about the takedown

Richard Stallman has criticised the notice. Wikinews reached out to Paul Weber.

((WN))  When did you first hear about the notice?

((Paul Weber))  I saw it along with everyone else.

((RS))  Does the site use encryption?

((Paul Weber))  It does, but only for some videos.
"""
    got = turns(text)
    assert ("Paul Weber", "It does, but only for some videos.", None) in got
    assert not any(speaker == "Richard Stallman" for speaker, _, _ in got)
