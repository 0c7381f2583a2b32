"""Wire-copy conventions (issue #10): datelines, agency credits, sources right after them."""

from __future__ import annotations

import quoth


def test_source_after_a_dateline_has_no_leading_space():
    text = (
        "Army says it repelled attacks\n\n"
        "KYIV, Jan 12 (Reuters) - Ukraine's military said on Thursday it had repelled more than 20 attacks.\n"
    )
    article = quoth.extract(text)
    (quote,) = [q for q in article.quotes if q.source and q.source[0] > text.index("Reuters")]
    assert article.span_text(quote.source) == "Ukraine's military"


def test_the_one_told_is_not_the_source_of_what_they_were_told():
    text = 'Ambassador Tom Reid had been told that such actions "will not go unanswered," the ministry said.\n'
    article = quoth.extract(text)
    told = [q for q in article.quotes if q.cue and article.span_text(q.cue).endswith("told")]
    assert told and all(q.source is None and q.speaker != "Tom Reid" for q in told)


def test_that_clause_after_the_occasion_is_what_was_said():
    text = 'Spokeswoman Maria Zakharova said at a briefing that Britain was "directly involved" in the conflict.\n'
    article = quoth.extract(text)
    (quote,) = article.quotes
    assert quote.text == 'that Britain was "directly involved" in the conflict'
    assert quote.speaker == "Maria Zakharova"


def test_a_relative_clause_on_the_occasion_is_not_what_was_said():
    article = quoth.extract("She repeated the claims in a speech that she gave in Ohio.\n")
    assert all("she gave in Ohio" not in q.text for q in article.quotes)


def test_a_spokesperson_for_an_organisation_speaks_for_it():
    article = quoth.extract(
        "Councils warn of cuts\n\n"
        'A spokesperson for the Local Government Association said councils faced "unprecedented pressure".\n'
    )
    (quote,) = article.quotes
    assert (quote.speaker, quote.speaker_type) == ("Local Government Association", "organisation")


def test_a_spokesman_for_the_family_is_nobody_named():
    article = quoth.extract("Family thanks rescuers\n\nA spokesman for the family said they were grateful.\n")
    (quote,) = article.quotes
    assert quote.speaker is None


def test_a_kind_of_organisation_is_no_name():
    article = quoth.extract("Village taken\n\nRussia's defence ministry said its troops had taken the village.\n")
    (quote,) = article.quotes
    assert quote.speaker == "Russia's defence ministry"  # not 'ministry'
    article = quoth.extract("Deaths rise\n\nThe country's health ministry said 20 people had died.\n")
    (quote,) = article.quotes
    assert quote.speaker is None


def test_the_answer_after_a_question_is_the_answerers_and_the_question_is_not():
    text = (
        "Smith was asked, “If you had known she had a private server, would you have told her it was a bad idea?” "
        "He answered, “I have no idea. We are old friends.”\n"
    )
    article = quoth.extract(text)
    answered = [q for q in article.quotes if q.cue and article.span_text(q.cue) == "answered"]
    assert [q.text for q in answered] == ["“I have no idea. We are old friends.”"]
    # the question's nested "you have told" reports nothing outside the quotation
    assert all(q.start >= text.index("“") for q in article.quotes if q.cue and article.span_text(q.cue) != "answered")


def test_a_name_the_tagger_missed_labels_a_quotation_after_a_dash():
    text = "Turnout matters - Philip Bump: “Two weeks ago his strongest territory had been the South.”\n"
    article = quoth.extract(text)
    (quote,) = article.quotes
    assert (quote.speaker, quote.text) == ("Philip Bump", "“Two weeks ago his strongest territory had been the South.”")


def test_a_heading_of_people_saying_is_no_statement():
    article = quoth.extract("Singer speaks out\n\nHe said, she said\n\nSwift said the song was about her ex.\n")
    assert [q.text for q in article.quotes] == ["the song was about her ex"]


def test_a_position_taken_is_no_statement_but_a_quoted_one_is():
    assert quoth.extract("Blankenship opposed ending the War on Drugs.\n").quotes == []
    article = quoth.extract('Blankenship opposed what he called "a war on ordinary people".\n')
    assert [article.span_text(q.cue) for q in article.quotes if q.parent is None] == ["opposed"]


def test_a_surname_with_a_particle_is_the_person_named_in_full():
    text = (
        "Debate\n\nGloria La Riva, the socialist candidate, spoke on Monday with Howie Hawkins.\n\n"
        "La Riva criticized the space agency as militaristic.\n\n"
        "La Riva, Hawkins and others all agreed that vaccines work.\n"
    )
    article = quoth.extract(text)
    speakers = {article.span_text(q.cue): q.speaker for q in article.quotes}
    assert speakers == {"criticized": "Gloria La Riva", "agreed": None}


def test_according_to_before_a_relative_clause_reports_the_clause_before():
    text = (
        "The shooting began at 10:39 a.m. local time (1639 UTC), according to police, "
        "who said officers arrived at the store six minutes later.\n"
    )
    article = quoth.extract(text)
    by_cue = {article.span_text(q.cue): q.text for q in article.quotes}
    assert by_cue["according to"] == "The shooting began at 10:39 a.m. local time (1639 UTC)"
    assert by_cue["said"] == "officers arrived at the store six minutes later"


def test_a_document_speaks_for_whoever_put_it_out():
    text = (
        "Ad war\n\nThe Republican National Committee released a new ad on Friday. "
        "The ad says the senator cannot be trusted.\n\n"
        "Hillary Clinton spoke on Monday. A memorable Hillary Clinton ad in 2008 questioned whether Obama was ready.\n"
    )
    article = quoth.extract(text)
    found = {q.text: (q.speaker, q.speaker_type) for q in article.quotes}
    assert found["the senator cannot be trusted"] == ("Republican National Committee", "organisation")
    assert found["whether Obama was ready"] == ("Hillary Clinton", "person")


def test_the_ad_is_the_latest_one_mentioned():
    text = (
        "Ads\n\nA memorable Hillary Clinton ad in 2008 questioned whether Obama was ready.\n\n"
        "A new ad from Donald Trump's campaign is out. The ad says Clinton was asleep at the wheel.\n"
    )
    article = quoth.extract(text)
    (ad,) = [q for q in article.quotes if q.text.startswith("Clinton was asleep")]
    assert ad.speaker != "Hillary Clinton"


def test_what_was_told_on_a_call_is_not_the_people_told():
    text = ("Spokesman Dmitry Peskov told reporters on a conference call that Moscow remained open "
            "to talks.\n")
    (quote,) = quoth.extract(text).quotes
    assert quote.text == "that Moscow remained open to talks"
    assert quote.speaker == "Dmitry Peskov"


def test_a_countrys_top_diplomat_is_its_foreign_minister():
    article = quoth.extract(
        "Russia's Foreign Minister Sergei Lavrov warned the West on Tuesday.\n\n"
        "NATO Secretary-General Jens Stoltenberg, speaking in Brussels, said the alliance would "
        "keep supporting Kyiv.\n\n"
        'Russia\'s top diplomat also said the United States was "fighting a proxy war."\n\n'
        '"The risks are now considerable," he said.\n'
    )
    top = [q for q in article.quotes if q.source and article.span_text(q.source) == "Russia's top diplomat"]
    assert [q.speaker for q in top] == ["Sergei Lavrov"]
    (risks,) = [q for q in article.quotes if "risks" in q.text]
    assert risks.speaker == "Sergei Lavrov"


def test_the_foreign_minister_is_the_foreign_secretary_the_text_named():
    article = quoth.extract(
        "Eight citizens died in the attack, the government said.\n\n"
        "Velmora's Foreign Secretary Ana Quirós said the government would press its neighbour for answers.\n\n"
        "The foreign minister said Velmora would consider charging the gunman with terrorism.\n"
    )
    (charging,) = [q for q in article.quotes if "charging" in q.text]
    assert charging.speaker == "Ana Quirós"


def test_he_after_an_unnamed_diplomat_is_not_the_last_man_named():
    article = quoth.extract(
        "NATO Secretary-General Jens Stoltenberg said the alliance would keep supporting Kyiv.\n\n"
        'A senior Russian diplomat said the United States was "fighting a proxy war."\n\n'
        '"The risks are now considerable," he said.\n'
    )
    (risks,) = [q for q in article.quotes if "risks" in q.text]
    assert risks.speaker is None


def test_the_home_secretary_is_not_the_shadow_home_secretary():
    article = quoth.extract(
        "Home Secretary Yvette Cooper said the site would save money.\n\n"
        'But shadow home secretary Chris Philp said the plan was "a shambles".\n\n'
        "The home secretary told MPs the base would be ready by the spring.\n"
    )
    (told,) = [q for q in article.quotes if "spring" in q.text]
    assert told.speaker == "Yvette Cooper"
    (shambles,) = [q for q in article.quotes if "shambles" in q.text]
    assert shambles.speaker_role == "shadow home secretary"


def test_a_surname_the_tagger_reads_as_a_place_is_still_the_person():
    article = quoth.extract(
        "Texas Gov. Greg Abbott said the state would appeal.\n\n"
        'Judge David Ezra said the law could lead to "a patchwork of state laws."\n\n'
        "Abbott, a Republican, has clashed with the administration for years. He told reporters "
        'last month that Texas had a "right to self-defense."\n'
    )
    (told,) = [q for q in article.quotes if "self-defense" in q.text]
    assert told.speaker == "Greg Abbott"



def test_a_delayed_lede_after_a_dateline_names_the_person_described():
    article = quoth.extract(
        "Judge blocks Texas law\n\n"
        "AUSTIN, Texas (AP) — A federal judge on Thursday blocked a Texas law on border arrests, "
        "calling it likely unconstitutional.\n\n"
        "U.S. District Judge David Ezra wrote in a ruling that the law threatened federal power.\n"
    )
    (calling,) = [q for q in article.quotes if "unconstitutional" in q.text]
    assert calling.speaker == "David Ezra"
