"""A stored content is a whole statement (issue #10): a broken piece of what was said is either made
whole or kept out of the record (form "phrase"). All text here is invented."""

from __future__ import annotations

import quoth


def forms(text: str) -> dict[str, str]:
    return {q.text: q.form for q in quoth.extract(text).quotes}


def contents(text: str, cue: str) -> list[str]:
    a = quoth.extract(text)
    return [q.text for q in a.quotes if q.cue and a.text[q.cue[0] : q.cue[1]] == cue]


def test_what_a_cue_argues_against_or_calls_for_is_no_statement():
    f = forms("At the rally, Governor Brandt argued against reopening the coal mine in Tolver County.\n")
    assert f["reopening the coal mine in Tolver County"] == "phrase"
    f = forms("The union called for an end to the hiring freeze at the port.\n")
    assert f["an end to the hiring freeze at the port"] == "phrase"


def test_a_noun_phrase_cited_is_a_phrase():
    f = forms("Senators said the vote should wait, citing the council's refusal to consider the earlier bill "
              "after the flood.\n")
    assert f["the council's refusal to consider the earlier bill after the flood"] == "phrase"


def test_a_content_that_opens_on_a_verb_without_its_subject_is_a_phrase():
    f = forms("The council passed an amendment that the agency says is essential to keeping the ferry "
              "service on schedule.\n")
    assert f["that the agency says is essential to keeping the ferry service on schedule"] == "phrase"
    f = forms("Kell joked that, among farmers, the tax ranks last in a two-way race.\n")
    assert f["that, among farmers, the tax ranks last in a two-way race"] == "statement"


def test_a_quotation_keeps_the_subject_the_writer_gives_before_it():
    assert contents('The bridge "has carried more traffic than ever," Mayor Dunne said on Monday.\n', "said") \
        == ['The bridge "has carried more traffic than ever,"']
    assert contents('Bank chief Ruth Adeyemi said the use of foreign notes "costs the region $2 billion a year," '
                    'further saying, "It also slows trade because markets lack hard currency."\n', "said") \
        == ['the use of foreign notes "costs the region $2 billion a year,"']


def test_according_to_keeps_the_clause_words_the_parser_hangs_on_it():
    (c,) = contents("Local farmers sold 20,154 tonnes of wheat in October, the second-highest volume of the year "
                    "thus far but still down 10 percent from a year ago, according to the GrainWatch report from "
                    "AgriData, a Tulsa-based provider of crop data.\n", "according to")
    assert c.endswith("but still down 10 percent from a year ago")


def test_a_reported_clause_cut_off_from_its_verb_runs_on_through_it():
    (c,) = contents("When Dolan tweeted that city plans to use postal ballots to allow people to vote from home "
                    "would result in fraud, the site placed a label on the tweet.\n", "tweeted")
    assert c.endswith("would result in fraud")


def test_a_time_after_for_is_not_what_was_argued():
    assert contents("Norland argued for decades that it was the first victim of the war.\n", "argued") \
        == ["that it was the first victim of the war"]
