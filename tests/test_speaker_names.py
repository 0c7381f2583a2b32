"""Speakers' names as a careful reader writes them (issue #10, audit of stored quotes): no
sentence-opening adjective or description glued on, an organisation's whole name, and a name
followed by the kind of body it is."""

from __future__ import annotations

import pytest

import quoth


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    a = quoth.extract(text)
    return [(q.speaker, q.speaker_type) for q in a.quotes]


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text, wrong",
    [
        # the tagger reads "Recent Quorvex" as a person, "Multiple Open Ledger" as an organisation
        ("Recent Quorvex televisions can play films from the store. Quorvex said the feature would ship in May.",
         "Recent Quorvex"),
        ("Multiple Amnesty International researchers left the country last year. Amnesty International said "
         "the arrests were unlawful.", "Multiple Amnesty International"),
    ],
)
def test_a_sentence_opening_quantifier_is_no_part_of_a_name(text, wrong):
    got = speakers(text)
    assert got and all(s != wrong for s, _ in got)


@pytest.mark.issue(10)
def test_a_description_before_a_name_read_as_an_organisation_is_the_person():
    text = ('Farmer Gareth Evans said the drought had cost him half his crop. '
            '"We have never seen anything like it," Mr Evans said.')
    assert speakers(text) == [("Gareth Evans", "person"), ("Gareth Evans", "person")]


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text, name",
    [
        ("Council tax will rise next year. The Department for Levelling Up, Housing and Communities said "
         "councils had been given enough money.", "Department for Levelling Up, Housing and Communities"),
        ("Farms are struggling. A spokesperson for the Department for Environment, Food and Rural Affairs said "
         "the money was enough.", "Department for Environment, Food and Rural Affairs"),
    ],
)
def test_a_department_whose_name_lists_its_duties_keeps_the_whole_name(text, name):
    assert speakers(text) == [(name, "organisation")]


@pytest.mark.issue(10)
def test_organisations_in_a_list_stay_apart():
    text = "Exams were cancelled. The Department for Education, Ofsted and Ofqual said schools would reopen."
    assert all(s is None or "," not in s for s, _ in speakers(text))


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text, name",
    [
        ("Waiting lists grew again in March. The King's Fund think tank said the figures showed a service "
         "under strain.", "King's Fund"),
        ("Pay fell. The Resolution Foundation think tank said incomes would not recover.", "Resolution Foundation"),
    ],
)
def test_a_name_then_the_kind_of_body_it_is_is_that_body(text, name):
    assert speakers(text) == [(name, "organisation")]


@pytest.mark.issue(10)
def test_a_possessive_before_the_kind_names_some_other_body():
    text = "Pay fell. Google's parent company said incomes would not recover."
    assert all(s != "Google" for s, _ in speakers(text))


def test_a_product_named_after_its_maker_is_no_person():
    article = quoth.extract(
        "The car comes with Nissan Connect, the firm's app. Besides having more power, Nissan said "
        "that the new engine will deliver better fuel efficiency.\n"
    )
    (quote,) = article.quotes
    assert quote.speaker == "Nissan"


def test_a_capitalised_adjective_opening_a_sentence_issues_no_document():
    article = quoth.extract(
        "Title\n\nDr Ann Lee and her team studied five bone tools. Microscopy analysis of these "
        "tools suggested they were used on animal skin.\n\nThe study stated the fauna of the sites "
        "were mainly reindeer.\n"
    )
    (quote,) = [q for q in article.quotes if "fauna" in q.text]
    assert quote.speaker != "Microscopy"


def test_a_name_the_tagger_reads_with_its_cue_as_a_title_is_still_the_speaker():
    # the tagger reads "Teresa Nielsen Hayden explained" as the title of a work
    text = ('The novelist lived on the edge of poverty for years.\n\n'
            '"All it took was one bad infection," Teresa Nielsen Hayden explained.\n')
    assert ("Teresa Nielsen Hayden", "person") in speakers(text)


def test_a_subheadings_opening_gerund_is_no_first_name():
    text = ("Five takeaways from the hearing\n\n"
            "The committee heard from Alexander Vindman, the council's Ukraine expert, on Tuesday.\n\n"
            "4. Questioning Vindman's judgment\n\n"
            "Counsel asked about Vindman's judgment. In his testimony, Vindman said he had acted properly.\n")
    article = quoth.extract(text)
    said = next(q for q in article.quotes if q.text == "he had acted properly")
    assert said.speaker == "Alexander Vindman"


def test_a_name_inside_a_relative_clause_of_the_source_is_not_the_speaker():
    text = ('Panic spread online on Friday. One user on Weibo, which is essentially China\'s version of '
            'Twitter, posted: "I just want to know how these two came to the city."\n')
    article = quoth.extract(text)
    (posted,) = [q for q in article.quotes if "came to the city" in q.text]
    assert posted.speaker is None


def test_a_capitalised_plural_noun_opening_a_sentence_is_no_person():
    text = ("The senator said the bill would pass.  Welker received praise for her performance.  "
            "Observers noted the debate was more orderly than the first.\n")
    assert ("Observers", "person") not in speakers(text)


def test_a_name_in_the_speakers_appositive_is_no_second_speaker():
    text = ("Cmdr. Sean Rowe, a spokesperson for Steady Shield, the coalition operation in Iraq and Syria, "
            "said the claim was false.\n")
    assert speakers(text) == [("Sean Rowe", "person")]
