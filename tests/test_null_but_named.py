"""quoth.speakers where the article names who spoke but the record used to keep no one: a name
with a lower-case particle, a company's spokesperson, a role set between a quotation and the
name, "which he said", findings made by someone; and the writer's own "we", who is nobody the
article quotes. Every text here is invented."""

from __future__ import annotations

import pytest

import quoth


def attribution(text: str, source: str):
    """The attribution quoth finds whose source is written ``source``."""
    article = quoth.extract(text)
    found = [q for q in article.quotes if q.source and article.span_text(q.source) == source]
    assert found, (source, [article.span_text(q.source) for q in article.quotes if q.source])
    return article, found[0]


@pytest.mark.issue(10)
def test_a_name_opening_with_a_particle_takes_the_first_name_before_it():
    text = ("Blasts hit a market\n\nTwo bombs went off in a busy market on Sunday. Arnel dela Paz of "
            "the navy's Eastern Visayas Command said the rebel group are the suspected attackers.\n")
    _, quote = attribution(text, "Arnel dela Paz of the navy's Eastern Visayas Command")
    assert quote.speaker == "Arnel dela Paz"


@pytest.mark.issue(10)
def test_a_company_spokesperson_speaks_for_the_company_just_named():
    text = ("Regulator looks at lender\n\nThe regulator is looking into Brightmoor Holdings, a lender. "
            "Brightmoor Holdings is based in Leeds. A company spokesperson said in an email that it was "
            "cooperating fully.\n")
    _, quote = attribution(text, "A company spokesperson")
    assert quote.speaker == "Brightmoor Holdings"


@pytest.mark.issue(10)
def test_a_company_spokesperson_is_not_another_kind_of_body():
    # the subject before is a party, not a company: nobody
    text = ("Party attacks lender\n\nThe Green Party criticised the lender on Monday. A company "
            "spokesperson said that it was cooperating fully.\n")
    _, quote = attribution(text, "A company spokesperson")
    assert quote.speaker is None


@pytest.mark.issue(10)
def test_roles_between_a_quotation_and_the_name_belong_to_the_source():
    text = ("Toolmaker misses forecast\n\nSales at Hartwell Tools fell in the quarter.\n\n\u201cOur quarterly "
            "results reflected broad growth across our business, yet sales were below our expectations driven "
            "by the timing of benefits from our Hartwell strategic investments,\" chairman, CEO and president "
            "Tobias Wendler said in the earnings release.\n")
    article, quote = attribution(text, "chairman, CEO and president Tobias Wendler")
    assert quote.speaker == "Tobias Wendler"
    assert "chairman" not in article.span_text(quote.content[-1])


@pytest.mark.issue(10)
def test_which_he_said_keeps_the_source_out_of_the_content():
    text = ("Candidates debate\n\nMarta Lindqvist spoke about the economy on Tuesday. She called her "
            "plan mutualism, which she said was a gentler form of markets.\n")
    article, quote = attribution(text, "she")
    assert quote.speaker == "Marta Lindqvist"
    assert [article.span_text(p) for p in quote.content] == ["which", "was a gentler form of markets"]


@pytest.mark.issue(10)
def test_findings_speak_for_whoever_made_them():
    text = ("Console runs hot\n\nThe new console went on sale on Friday. Early tests by the Consumer "
            "Testing Institute reveal that the console runs hot under load.\n")
    _, quote = attribution(text, "Early tests by the Consumer Testing Institute")
    assert quote.speaker == "Consumer Testing Institute"


@pytest.mark.issue(10)
def test_we_in_the_writers_own_words_is_nobody_quoted():
    text = ("Console runs hot\n\nThe Consumer Testing Institute said the console runs hot under load. "
            "We tried the console ourselves last week. We called it \u201ca noisy little box that works.\u201d\n")
    _, quote = attribution(text, "We")
    assert quote.speaker is None


@pytest.mark.issue(10)
def test_a_verb_joined_to_a_participle_keeps_the_subject_of_the_sentence():
    text = ("Ship missing\n\nThe cargo ship left port in May. VesselWatch had no sighting of the ship on "
            "Tuesday; the website noted the AIS signal received from Surabaya but declared the ship was not "
            "actually there.\n")
    article = quoth.extract(text)
    found = [q for q in article.quotes if "not actually there" in article.span_text(q.content[0])]
    assert [article.span_text(q.source) for q in found] == ["the website"]


@pytest.mark.issue(10)
def test_a_verb_that_speaks_only_before_a_colon_does_not_claim_a_later_quotation():
    text = ("Cells that overreact\n\n\u201cYou may not always want to overreact,\u201d she said. That could be "
            "part of what goes wrong in asthma: There could be dangers \u201cif you have too many of these "
            "cells.\u201d\n")
    article = quoth.extract(text)
    assert not [q for q in article.quotes if q.cue and article.span_text(q.cue) == "goes"]


@pytest.mark.issue(10)
def test_a_gerund_opening_a_fragment_reports_nobody():
    text = ("Clinic stays open\n\nThe clinic director answered our questions.\n\nWe are working on the "
            "outbreak now, spreading the information to everyone.  Telling them to wash their hands, to "
            "protect themselves from the virus.  So we explained it to them.\n")
    article = quoth.extract(text)
    assert not [q for q in article.quotes if q.cue and article.span_text(q.cue) == "Telling"]


@pytest.mark.issue(10)
def test_a_hyphenated_given_name_after_the_surname_is_part_of_the_name():
    text = ("Police warn protesters\n\nPolice gave protesters until noon to leave the campus. \u201cThey have "
            "to face the consequences of their acts,\u201d Leung Ka-wai, the commander of the district, told "
            "reporters.\n")
    _, quote = attribution(text, "Leung Ka-wai, the commander of the district")
    assert quote.speaker == "Leung Ka-wai"


@pytest.mark.issue(10)
def test_data_from_an_organisation_speak_for_it():
    text = ("Bond slides\n\nThe Brightmoor Holdings bond fell again this week. Data from the Harbour Bond Exchange "
            "show the bond has weakened sharply in the past week.\n")
    _, quote = attribution(text, "Data from the Harbour Bond Exchange")
    assert quote.speaker == "Harbour Bond Exchange"
