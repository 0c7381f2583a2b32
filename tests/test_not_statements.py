"""Attributions that are no statement of anyone's (issue #10 audits, session 13): extracted, with
a form the record leaves out. All text is invented."""

from __future__ import annotations

import quoth
from quoth.store.rows import recorded


def _forms(text):
    return {q.text: q.form for q in quoth.extract(text).quotes}


def _form_of(text, start):
    """The form of the attribution whose content starts with ``start``."""
    found = [q.form for q in quoth.extract(text).quotes if q.text.startswith(start)]
    assert found, [q.text for q in quoth.extract(text).quotes]
    return found[0]


def test_the_object_denounced_or_proposed_is_a_thing_not_words():
    text = ("Norland has denounced a tribunal verdict declaring the harbour tax unlawful.\n\n"
            "In 1911, he proposed a bill to amend the Harbour Act of 1870, which fixes the number of seats "
            "at seven.\n")
    assert _form_of(text, "a tribunal verdict") == "phrase"
    assert _form_of(text, "a bill to amend") == "phrase"


def test_an_object_with_what_it_is_for_is_a_thing_but_an_urged_act_is_not():
    text = ("Dominik Kowalski added three assists to lead Hartford.\n\n"
            "The ministry proposed new rules to curb smoking in bars.\n\n"
            "He urged the council to make a deal as soon as possible.\n")
    assert _form_of(text, "three assists") == "phrase"
    assert _form_of(text, "new rules to curb") == "phrase"
    assert _form_of(text, "the council to make a deal") == "statement"


def test_an_object_with_a_circumstance_after_it_is_still_a_thing():
    text = ("The probe will circle Saturn on many passes, mapping the rings and searching for places where "
            "a lander could settle one day.\n")
    forms = [q.form for q in quoth.extract(text).quotes if q.text.startswith("the rings")]
    assert all(f == "phrase" for f in forms)


def test_a_noun_with_what_was_said_stays_a_statement():
    text = ("Mayor Ellis disputed the notion that she had ever met the contractor.\n\n"
            "Councillor Grant accused the utility of hiding the outage from residents.\n")
    assert _form_of(text, "the notion that she had ever met") == "statement"
    # whom someone accused, and of what, is a piece of the sentence, not words of theirs (every
    # audit reader called "China of intimidating its neighbours" a fragment)
    assert _form_of(text, "the utility of hiding") == "phrase"


def test_what_the_object_is_said_to_be_or_to_do_stays_a_statement():
    text = ("Mayor Anna Reyes described the flooding that hit the old town as a disaster for small shops.\n\n"
            "Minister Omar Patel denied speculation the fire had been set deliberately.\n\n"
            "A local paper reported several farmers selling their land to the mine.\n")
    assert _form_of(text, "the flooding that hit") == "statement"
    assert _form_of(text, "speculation the fire") == "statement"
    assert _form_of(text, "several farmers selling") == "statement"


def test_a_clause_misread_as_an_object_stays_a_statement():
    text = ("Officials said more than 9,000 people registered for the race.\n\n"
            "In a new paper, biologists report horned beaks evolved at least 12 separate times in different "
            "kinds of birds.\n")
    assert _form_of(text, "more than 9,000 people registered") == "statement"
    assert _form_of(text, "horned beaks evolved") == "statement"


def test_the_reader_is_no_speaker():
    text = ("The new headphones are finally here. If you're hoping the price will fall next month, you're "
            "dreaming.\n")
    assert _form_of(text, "the price will fall") == "narration"


def test_the_writers_own_first_person_is_narration_but_a_quotation_keeps_its_we():
    text = ("Brightwell Trust is funding a pilot in three districts.\n\n"
            "We expect this pilot to need a great deal of staff time.\n\n"
            "I was relieved when my daughter revealed that my keys were hidden under the sofa.\n\n"
            '"We believe the pilot will succeed," said Anna Reyes, the trust\'s director.\n\n'
            'Reyes said: "We think that the districts will follow."\n')
    article = quoth.extract(text)
    forms = {q.text: q.form for q in article.quotes}
    assert forms.get("this pilot to need a great deal of staff time", "narration") == "narration"
    assert forms["that my keys were hidden under the sofa"] == "narration"
    assert forms['"We believe the pilot will succeed,"'] == "statement"
    nested = [q for q in article.quotes if q.text.startswith("that the districts will follow")]
    assert all(q.form == "statement" for q in nested)
    stored = {q.text for _, q in recorded(article)}
    assert "this pilot to need a great deal of staff time" not in stored


def test_sung_words_are_lyrics():
    text = ('The band falls quiet. "Every road I took led me back to the river," she sings, and the crowd '
            'joins in.\n\nLater Rosa Lind said the tour had been exhausting.\n')
    forms = _forms(text)
    assert forms['"Every road I took led me back to the river,"'] == "lyric"
    assert forms["the tour had been exhausting"] == "statement"


def test_a_clause_before_a_semicolon_is_not_what_the_cue_reports():
    text = ("The agency was closed by the strike; however, its website notes that its hotline is still "
            "taking calls.\n")
    quotes = [q.text for q in quoth.extract(text).quotes]
    assert any(t.startswith("that its hotline is still taking calls") for t in quotes), quotes
    assert not any(t.startswith("The agency was closed") for t in quotes), quotes


def test_the_reader_told_what_to_think_is_narration():
    text = "Now consider what we know about the mayor's trip to the clinic on Friday. It was unscheduled.\n"
    assert _form_of(text, "what we know") == "narration"


def test_a_question_still_to_be_settled_is_a_phrase_but_a_finding_a_statement():
    text = ("The judge said the courts should decide who holds the governorship.\n\n"
            "An auditor has determined that the label owes the singer two million dollars.\n")
    assert _form_of(text, "who holds the governorship") == "phrase"
    assert _form_of(text, "that the label owes") == "statement"


def test_the_writers_inference_from_a_thing_is_narration_but_a_speakers_is_not():
    text = ("A court banned the burning in May. Yet fires have continued, showing that enforcement is a "
            "problem, and farmers are angry.\n\n"
            "Minister Omar Patel spoke for an hour, suggesting that taxes would rise.\n")
    assert _form_of(text, "that enforcement is a problem") == "narration"
    assert _form_of(text, "that taxes would rise") == "statement"


def test_the_writers_relative_quoted_and_a_you_in_reported_words_stay_statements():
    text = ('Growing up, my grandfather said, "Nobody owns the river," and he meant it.\n\n'
            'Senator Ruth Hale said that when you start calling these groups enemies, the way it is heard abroad '
            'is that the whole faith is an enemy.\n')
    article = quoth.extract(text)
    forms = {q.text: q.form for q in article.quotes}
    # (the writer's grandfather is no one the record can name: unresolved, not narration)
    assert forms.get('"Nobody owns the river,"') in ("statement", "unresolved"), forms
    assert "narration" not in forms.values(), forms


def test_lets_hope_is_the_writers_own_wish():
    for mark in ("'", "\u2019"):
        text = f"The prince has not come clean about anything. Let{mark}s hope we see more of his friends questioned.\n"
        forms = {q.text: q.form for q in quoth.extract(text).quotes}
        assert all(form == "narration" for form in forms.values()), forms


def test_what_someone_wondered_is_an_open_question_not_a_claim():
    text = ("Marta Kovac, a biologist at Lund University, studies tuft cells.\n\n"
            "Kovac wondered whether the cells might respond to parasites.\n\n"
            "Kovac questioned whether the plan could work.\n")
    assert _form_of(text, "whether the cells might respond") == "question"
    assert _form_of(text, "whether the plan could work") == "statement"  # doubting says something


def test_a_headline_infinitive_is_what_is_wanted_not_what_was_said():
    text = ("Harbour mayors call to address coastal floods at summit\n\n"
            "Mayor Anna Reyes vowed to rebuild the sea wall.\n")
    assert _form_of(text, "to address coastal floods") == "phrase"
    assert _form_of(text, "to rebuild the sea wall") == "statement"


def test_a_verb_inside_a_prepositional_phrase_of_the_object_makes_no_clause():
    text = ("Mayor Anna Reyes claimed victory as the council concluded its third hearing on the charges "
            "against her for allegedly abusing her office.\n\n"
            "The panel concluded that the harbour was safe.\n")
    assert _form_of(text, "its third hearing") == "phrase"


def test_a_decision_is_an_act_and_what_a_court_set_out_to_determine_a_question():
    text = ("Judge Anna Reyes and the court decided that the harbour tax was unlawful.\n\n"
            "The Supreme Court sought to determine whether the harbour tax was lawful.\n\n"
            "Judge Omar Patel determined that the harbour was safe.\n")
    assert _form_of(text, "that the harbour tax was unlawful") == "act"
    assert _form_of(text, "whether the harbour tax was lawful") == "question"
    assert _form_of(text, "that the harbour was safe") == "statement"  # a finding says something
