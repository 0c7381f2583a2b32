"""Reports in running prose that a careful reader judged wrong in audits of real pages (issue #10)."""

from __future__ import annotations

import quoth


def _quotes(text):
    article = quoth.extract(text)
    return article, article.quotes


def test_a_campus_after_the_institution_is_not_the_speaker():
    article, quotes = _quotes(
        "Jo Anne Reeve of the University of California, Los Angeles disagreed with these findings: "
        '"It is highly unlikely that these seeps were of major importance."\n'
    )
    (quote,) = quotes
    assert quote.speaker == "Jo Anne Reeve"


def test_what_someone_could_have_said_is_no_statement():
    _, quotes = _quotes("Voters could have shown they were tired of the investigations. Instead they "
                        "handed the president a defeat.\n")
    assert not [q for q in quotes if "tired" in q.text]


def test_claiming_victory_is_an_act_not_a_statement():
    _, quotes = _quotes("Both Mugabe and Tsvangirai claimed victory in the presidential vote, which was "
                        "marred by fraud. Tsvangirai claimed that the vote was rigged.\n")
    assert [q.text for q in quotes] == ["that the vote was rigged"]


def test_the_platform_posted_on_is_neither_a_person_nor_the_content():
    article, quotes = _quotes(
        "The board confirmed on Twitter that it was not sending a team. She commented on Facebook "
        "that the vote was a disgrace.\n"
    )
    assert all(q.speaker != "Twitter" for q in quotes)
    article, quotes = _quotes(
        "Investigations have been launched by the state police and the National Transportation "
        "Safety Board, with the latter yesterday confirming on Twitter they were "
        '"not sending a team to the site at this time."\n'
    )
    assert all(q.text != "Twitter" for q in quotes)
    (quote,) = [q for q in quotes if "the site" in q.text]
    assert article.span_text(quote.cue) == "confirming"


def test_according_to_inside_a_sentence_keeps_subject_and_object():
    article, quotes = _quotes("Thunberg then led, according to Time, the largest climate demonstration "
                              "ever held.\n")
    (quote,) = quotes
    assert quote.text.startswith("Thunberg then led")
    assert quote.text.endswith("the largest climate demonstration ever held")


def test_reportedly_hedges_only_its_own_clause_after_a_semicolon():
    _, quotes = _quotes("Firefighters dispatched around 30 vehicles; personnel reportedly had control "
                        "of the blaze by 8:00am local time.\n")
    assert quotes and all("Firefighters" not in q.text for q in quotes)
