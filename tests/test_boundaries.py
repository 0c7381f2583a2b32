"""Where a stored statement starts and ends (issue #10): none of the writer's words in it."""

from __future__ import annotations

import quoth


def texts(article, cue: str) -> list[list[str]]:
    """The content pieces of every attribution whose cue reads ``cue``."""
    return [[article.text[s:e] for s, e in q.content] for q in article.quotes
            if q.cue and article.text[q.cue[0] : q.cue[1]] == cue]


def test_the_one_informed_is_not_what_they_were_told():
    a = quoth.extract('She informed officers she had a valid licence, but "that she had no plans to sell the car".\n')
    assert ["she had a valid licence"] in texts(a, "informed")
    assert not any("officers" in p for ps in texts(a, "informed") for p in ps)
    a = quoth.extract('He assured investors he had enough cash, but "that the timing was not right".\n')
    assert ["he had enough cash"] in texts(a, "assured")


def test_a_true_relative_clause_on_the_one_told_is_not_the_content():
    a = quoth.extract("The mayor told the people she met at the market that the road would reopen in May.\n")
    assert ["that the road would reopen in May"] in texts(a, "told")


def test_the_writers_later_turn_is_not_part_of_the_report():
    a = quoth.extract(
        "The minister spoke about the budget last week. He hinted that the national rail board would be "
        "abolished, but later reversed himself.\n")
    assert texts(a, "hinted") == [["that the national rail board would be abolished"]]


def test_a_reported_clause_keeps_its_subject_before_a_parenthesis():
    a = quoth.extract(
        "The study noted small moons which have mass below 2 times Europa's mass (Europa's mass is about "
        "4.8 billion billion tonnes) can hold a thin atmosphere, if ice were to melt.\n")
    (content,) = texts(a, "noted")
    assert content[0].startswith("small moons which have mass")


def test_a_quotation_a_participle_of_saying_introduces_is_the_statement():
    a = quoth.extract(
        "Tomas Vela, the head of the national rowing federation, explained the decision to suspend the "
        'crews saying, "As a first step, these two crews will be barred from every regatta held in the '
        'country, and they will no longer be allowed a place on the national team."\n')
    (q,) = [q for q in a.quotes if q.speaker == "Tomas Vela"]
    said = [a.text[s:e] for s, e in q.content]
    assert said[0].startswith('"As a first step')
    assert q.type == "direct"


def test_a_signed_quotation_relayed_by_a_statement_is_the_signers_alone():
    a = quoth.extract(
        "The premier toured the new port on Monday. \"This is a proud day for every family in the region,\" "
        "she told dock workers, according to a statement.\n")
    said = [(a.text[s:e], q.speaker) for q in a.quotes for s, e in q.content]
    assert not any("dock workers" in t for t, _ in said)
    (q,) = a.quotes
    assert a.text[q.cue[0] : q.cue[1]] == "told"
    assert a.text[q.channel[0] : q.channel[1]] == "a statement"


def test_an_indirect_report_relayed_by_a_statement_keeps_its_reporter():
    a = quoth.extract("Jones said the vote was fair, according to a statement.\n")
    assert ["Jones said the vote was fair"] in texts(a, "according to")


def test_a_reported_clause_keeps_the_subject_the_parse_gave_the_cue_as_object():
    a = quoth.extract("The fire destroyed the road. Emergency workers have indicated a homicide probe is ongoing.\n")
    assert texts(a, "have indicated") == [["a homicide probe is ongoing"]]
    a = quoth.extract("The office said 30 people had been hurt, but added the exact circumstances of the deaths "
                      "remained unclear.\n")
    assert ["the exact circumstances of the deaths remained unclear"] in texts(a, "added")


def test_a_lone_word_outside_quotation_marks_is_no_statement():
    a = quoth.extract("The senator slammed Smith, calling the plan a failure. The jury cited this in its award.\n")
    assert not any(len(ps) == 1 and ps[0] in ("Smith", "this") for q in a.quotes for ps in [[a.text[s:e] for s, e in q.content]])
    b = quoth.extract('Mayor Jane Doe spoke about the plan. She called it "fraud".\n')
    assert texts(b, "called") == [['"fraud"']]  # a quoted word is the speaker's own


def test_a_clause_broken_by_according_to_is_reported_whole():
    a = quoth.extract("A second case was found last week in a farmer. He had, according to the regional paper, "
                      "eaten a wild hare before he fell ill. The hotel burned down overnight. One guest was, "
                      "according to the fire service, among the dead.\n")
    said = [ps for q in a.quotes for ps in [[a.text[s:e] for s, e in q.content]]]
    assert ["He had", "eaten a wild hare before he fell ill"] in said
    assert ["One guest was", "among the dead"] in said


def test_that_is_according_to_reports_the_sentence_before():
    a = quoth.extract("Ticket sales rose sharply this spring across the whole region. "
                      "That's according to a new survey from the tourism board.\n")
    assert texts(a, "according to") == [["Ticket sales rose sharply this spring across the whole region"]]


def test_a_content_closes_the_quotation_it_opens():
    a = quoth.extract('Mayor Jane Doe called the plan "reckless".\n')
    assert texts(a, "called") == [['the plan "reckless"']]


def test_a_report_inside_the_relayed_quotation_leaves_the_according_to_whole():
    """'According to X, “Judicial Watch revealed ...”': the report inside the relayed words is
    no signature of the writer's; the 'according to' keeps them all."""
    from quoth.extraction.boundaries import sign_off_relayed_quotations
    from quoth.extraction.quotemarks import find_quotes
    from quoth.model import Quote
    from quoth.nlp import parse

    text = "According to Anna Berg, “Court Watch revealed the firm moved van loads of detainees.”"
    doc = parse(text)
    quoted = find_quotes(text, [(0, len(text))])
    opening = text.index("“")
    according = Quote(content=[(opening, len(text))], cue=(0, 12), source=(13, 22))
    cue = text.index("revealed")
    inner = Quote(content=[(opening, len(text))], cue=(cue, cue + 8), source=(opening + 1, cue - 1))
    kept = sign_off_relayed_quotations(doc, [according, inner], quoted)
    assert according in kept
