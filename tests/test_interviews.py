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


def test_a_reporters_initials_ask_for_the_outlet_the_article_says_interviewed():
    """'((KLM))' are the initials of a reporter the article does not name in full: when the
    article says the outlet contacted the interviewee and those turns ask questions, they are the
    outlet's; the interviewee's own turns are hers."""
    text = ("Candidate profile\n\nWikinews contacted Maria Olsen about her campaign.\n\n"
            "((KLM))  Why did you decide to run for the council?\n\n"
            "((Maria Olsen))  The parks in my district have been neglected for years.\n\n"
            "((KLM))  What would you change first?\n\n"
            "((Maria Olsen))  I would reopen the library.\n")
    got = turns(text)
    assert ("Wikinews", "Why did you decide to run for the council?", None) in got
    assert ("Wikinews", "What would you change first?", None) in got
    assert ("Maria Olsen", "I would reopen the library.", None) in got


def test_unknown_initials_stay_nobodys_without_an_interviewer_or_when_they_answer():
    asking = ("Candidate profile\n\nMaria Olsen is running for the council.\n\n"
              "((KLM))  Why did you decide to run?\n\n((KLM))  What would you change first?\n")
    assert all(s is None for s, _, _ in turns(asking))  # nobody is said to have asked
    answering = ("Candidate profile\n\nWikinews spoke with Maria Olsen.\n\n"
                 "((WN))  Why did you decide to run?\n\n((Maria Olsen))  The parks were neglected.\n\n"
                 "((WN))  What next?\n\n((MK))  The library will reopen in May.\n")
    assert (None, "The library will reopen in May.", None) in turns(answering)


def test_q_turns_are_the_publishers_when_the_article_says_we_asked():
    text = ("Meet our new chief\n\nWe've asked Jane Doe, our new chief executive, to tell us about herself.\n\n"
            "Q: Where did you grow up?\n\nA: In a small town by the sea.\n\n"
            "Q: Favourite book?\n\nA: Middlemarch.\n")
    a = quoth.extract(text, meta={"outlet": "Acme Tickets"})
    got = [(q.speaker, q.speaker_type, q.text) for q in a.quotes if q.cue is None]
    assert ("Acme Tickets", "organisation", "Where did you grow up?") in got
    assert ("Jane Doe", "person", "In a small town by the sea.") in got
    # without the publisher's name, or without the article saying it asked, Q stays nobody's
    assert (None, "Where did you grow up?", None) in turns(text)
    told = text.replace("We've asked Jane Doe", "Jane Doe agreed")
    b = quoth.extract(told, meta={"outlet": "Acme Tickets"})
    assert any(q.speaker is None and q.text == "Where did you grow up?" for q in b.quotes)


def test_the_interviewee_named_after_a_headline_verb_is_the_one_answering():
    """'Introducing Zorvan Kelt' beside 'Zorvan Kelt' (a first name no list knows): one person."""
    text = ("Introducing Zorvan Kelt, new chief at Acme\n\nAcme is glad to have Zorvan Kelt as its chief.\n\n"
            "Q: Where did you grow up?\n\nA: In a small town by the sea.\n\nQ: Favourite book?\n\nA: Middlemarch, by George Eliot.\n")
    assert ("Zorvan Kelt", "Middlemarch, by George Eliot.", None) in turns(text)


@pytest.mark.parametrize(
    "note",
    [
        "The names have been altered in the following interview.",
        "[The clinic's volunteer added: the clinic closed during the lockdown.]",
        "(Editor's note: the interview was conducted by email.)",
        "Editor's note: this interview has been edited for length.",
    ],
)
def test_an_editors_note_between_turns_is_no_part_of_the_turn_before(note):
    text = ("Title\n\nWikinews spoke with Jaya.\n\n((WN))  Thank you for talking to me.\n\n"
            f"{note}\n\n((Jaya))  Hi. Nice to meet you.\n\n((WN))  How are you?\n\n((Jaya))  Tired, but happy to be here.\n")
    got = turns(text)
    assert ("Jaya", "Tired, but happy to be here.", None) in got
    assert not any(note[:20] in t for _, t, _ in got)


def test_bracketed_words_opening_an_answer_paragraph_still_continue_it():
    text = ("Title\n\n((WN))  Are there many women drivers?\n\n((Aparna Garg))  Yes, many.\n\n"
            "[Women] drivers are coming in a big wave.\n\n((WN))  Thank you.\n")
    assert ("Aparna Garg", "[Women] drivers are coming in a big wave.", None) in turns(text)


def test_narration_between_two_of_the_interviewers_questions_is_not_the_interviewers():
    """A round-up prints only the questions: the paragraphs between two groups of them are the
    article's narration, not more of the question before."""
    text = ("Campaign round-up\n\nWikinews spoke with Ann Lee about her campaign.\n\n"
            "((KLM))  Why are you running?\n\n((KLM))  What are your goals?\n\n"
            "The party nominated Tom Reyes for treasurer on May 3.\n\n"
            "Wikinews reached out to Reyes about the race.\n\n"
            "((KLM))  Why should voters choose you?\n")
    got = turns(text)
    assert ("Wikinews", "What are your goals?", None) in got
    assert not any("nominated" in t or "reached out" in t for s, t, _ in got if s == "Wikinews")


def test_an_interviewee_answering_in_several_labelled_paragraphs_keeps_the_ones_between():
    text = ("Title\n\nWikinews interviewed Wayne Reyes.\n\n((WN))  Tell us about yourself.\n\n"
            "((Wayne Reyes))  I run a translation firm.\n\nIt has offices in four countries.\n\n"
            "((Wayne Reyes))  I have also been active in politics.\n\n((WN))  Thank you.\n")
    assert ("Wayne Reyes", "It has offices in four countries.", None) in turns(text)


def test_gestures_and_fillers_are_no_turns_to_store():
    text = ("Biologist talks about penguins\n\nNatasha Gownaris studies penguins.\n\n"
            "((WN))  What prompted your curiosity about penguins?\n\n"
            "((Natasha Gownaris))  I have wanted to be a marine scientist since I was a child.\n\n"
            "((WN))  Are you okay?\n\n((Natasha Gownaris))  Ya ya.\n\n"
            "((WN))  Anything else?\n\n((Natasha Gownaris))  [Nods].\n")
    texts = [q.text for q in quoth.extract(text).quotes]
    assert "I have wanted to be a marine scientist since I was a child." in texts
    assert not any(t in ("Ya ya.", "[Nods].") for t in texts)


def test_an_answer_broken_mid_sentence_across_paragraphs_is_one_turn():
    text = ("Wikinews spoke with Ilsa Dormund about software law.\n\n"
            "((WN))  What did you make of the takedown?\n\n"
            "((Ilsa Dormund))  Well, as I understand it, the law was bent.  And basically it was a tool\n"
            "of control.  That is what the law was there to achieve.\n\n"
            "((WN))  Why was the law passed?\n\n"
            "((Ilsa Dormund))  Lobbying.  Lots of it, over many years.\n")
    said = [t for s, t, _ in turns(text) if s == "Ilsa Dormund"]
    assert any(t.endswith("it was a tool\nof control.  That is what the law was there to achieve.") for t in said)
    assert not any(t.startswith("of control") for t in said)


def test_a_one_or_two_word_answer_is_not_stored_without_its_question():
    """'Switzerland.' to 'What are your favourite places to play?' says nothing on its own."""
    text = ("Chess player interviewed\n\nWikinews spoke with Ilsa Dormund.\n\n"
            "((WN))  Where did you grow up?\n\n((Ilsa Dormund))  In a small town by the sea, near Bergen.\n\n"
            "((WN))  What are your favourite places to play chess?\n\n((Ilsa Dormund))  Switzerland.\n\n"
            "((WN))  Would you play there again?\n\n((Ilsa Dormund))  Yes, definitely.\n")
    said = [t for s, t, _ in turns(text) if s == "Ilsa Dormund"]
    assert said == ["In a small town by the sea, near Bergen."]


def test_a_colon_heading_inside_an_answer_is_not_stored_as_a_statement():
    text = (
        "Candidate answers our questions\n\n"
        "Ana Ruiz is running for mayor. She answered our questions.\n\n"
        "((WN))  What would you change?\n\n"
        "((Ana Ruiz))  My main reforms:\n\n"
        "Open the council's budget to every resident, line by line.\n\n"
        "((WN))  Why now?\n\n"
        "((Ana Ruiz))  Because the city cannot wait another four years.\n"
    )
    article = quoth.extract(text)
    forms = {q.text: q.form for q in article.quotes}
    assert forms["My main reforms:"] == "phrase"
    assert forms["Because the city cannot wait another four years."] == "statement"


def test_a_letters_salutation_names_who_it_is_written_to_not_the_writer():
    # an advice column: readers' letters open "DEAR <columnist>:" and are signed with a nickname;
    # the columnist, named in full at the foot, wrote none of them
    text = ("Dear Penny: Neighbour parks on my lawn\n\n"
            "DEAR PENNY: My neighbour parks his van on my lawn every weekend. I asked him twice to stop. "
            "What should I do? -- GRASS IS GREENER\n\n"
            "DEAR GRASS: Put up a small fence and talk to him again.\n\n"
            "DEAR PENNY: My cousin borrows money and never pays it back. Should I keep lending? -- BROKE\n\n"
            "Dear Penny is written by Margaret Holloway. Write to Dear Penny at P.O. Box 12.\n")
    got = quoth.extract(text).quotes
    assert not any(q.speaker == "Dear Penny" for q in got)
