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


def test_a_participle_the_tagger_takes_for_a_noun_still_introduces_the_quotation():
    article, quotes = _quotes(
        "Governor Ana Ruiz affirmed her willingness to accept the role, writing, "
        '"The island needs certainty and stability. Our actions will serve that purpose."\n'
    )
    (quote,) = quotes
    assert article.span_text(quote.cue) == "writing" and quote.speaker == "Ana Ruiz"


def test_what_a_statement_read_is_quoted_from_the_statement():
    article, quotes = _quotes(
        "The family's statement on the death read: \"Don loved his ranch and the children who "
        'came to it."\n'
    )
    (quote,) = quotes
    assert article.span_text(quote.source) == "The family's statement on the death"
    assert quote.text.startswith('"Don loved')


def test_as_he_related_introduces_his_words():
    _, quotes = _quotes('Eventually the man recovered. As he related, "the course of steroids '
                        'continued for 12 months, with a gradual reduction in dose."\n')
    (quote,) = quotes
    assert quote.text.startswith('"the course of steroids')


def test_the_one_led_to_speak_is_the_speaker():
    article, quotes = _quotes(
        "Backlash from the interview led Biden to express "
        '"I should not have been so cavalier with my remarks."\n'
    )
    (quote,) = quotes
    assert article.span_text(quote.source) == "Biden"


def test_a_quoted_sentence_after_a_sentence_about_a_named_person_is_theirs():
    _, quotes = _quotes(
        "Aderholt returned to the issue later in the hearing. \"What commercial launch vehicles exist "
        'today that can get the lander to the Moon by 2024?"\n'
    )
    (quote,) = quotes
    assert quote.speaker == "Aderholt"


def test_a_quotation_stopped_outside_its_marks_goes_on_with_the_speaker():
    _, quotes = _quotes(
        "Actor Tom Reed revealed that a reboot is being considered. \"Jerry and I are talking to "
        'the network at the moment. The basic problem is that no one knows who owns the rights".\n'
    )
    assert [q.speaker for q in quotes] == ["Tom Reed", "Tom Reed"]


def test_a_quoted_sentence_after_narration_about_a_thing_has_no_speaker_made_up():
    _, quotes = _quotes(
        "The bridge reopened on Monday after repairs. \"Traffic is flowing normally again across "
        'the whole of the city centre."\n'
    )
    assert all(q.speaker is None for q in quotes)


def test_a_name_the_tagger_left_unlabelled_signs_the_quotation_before_it():
    _, quotes = _quotes('"Go back to your network," Trump barked and a security guard escorted the '
                        "reporter out.\n")
    (quote,) = quotes
    assert quote.speaker == "Trump" and quote.text == '"Go back to your network,"'


def test_a_lead_in_closed_by_a_colon_is_not_what_the_outlet_reported():
    _, quotes = _quotes("The lawyer received news about the laptop in his possession: Fox News "
                        "reported two separate sources confirmed an inquiry into the laptop.\n")
    (fox,) = [q for q in quotes if q.speaker == "Fox News"]
    assert fox.text.startswith("two separate sources confirmed")


def test_they_after_a_plural_proper_subject_of_its_sentence_is_not_an_organisation():
    article, quotes = _quotes(
        "The S.E.C. has been vague about the rules for years. Democrats want more revenue, "
        "and Republicans want less (they want lower rates and "
        "suggest that such rates would spur the economy).\n"
    )
    (spur,) = [q for q in quotes if "spur" in q.text]
    assert spur.speaker is None


def test_the_writers_hedges_and_settings_are_no_reports():
    _, quotes = _quotes("You are promised a smooth ride; but it would appear that is not exactly the "
                        "case.\n")
    assert not quotes
    _, quotes = _quotes("Considering how the firm offers almost every model locally, it is possible "
                        "the car could arrive here too.\n")
    assert not quotes
    _, quotes = _quotes("You should save at least 25 times your annual expenses, though that number may "
                        "be lower depending on the lifestyle you envision.\n")
    assert not quotes


def test_a_setting_before_the_cue_is_not_what_was_reported():
    _, quotes = _quotes("While the lineup of the service is light on exclusive titles (only three have "
                        "been announced), Early says there is a possibility that future games could "
                        "be built for the platform.\n")
    (quote,) = quotes
    assert quote.text.startswith("there is a possibility")
    _, quotes = _quotes("In a new case study out Monday, they detail how the man came down with a "
                        "rare allergy.\n")
    (quote,) = quotes
    assert quote.text.startswith("how the man came down")


def test_saying_after_a_reported_clause_goes_on_with_the_reporter():
    _, quotes = _quotes("Secretary of State Mike Pompeo said Washington would respect the ruling, "
                        "saying he trusted the Israeli courts to decide.\n")
    (saying,) = [q for q in quotes if "trusted" in q.text]
    assert saying.speaker == "Mike Pompeo"


def test_posting_on_a_platform_accusing_someone_is_the_posters_accusation():
    article, quotes = _quotes("Then, last week, Mary Brown posted on Twitter accusing Acme Records of "
                              "trying to stop her performing tracks from her first six albums.\n")
    (quote,) = quotes
    assert quote.speaker == "Mary Brown" and article.span_text(quote.cue) == "accusing"


def test_saying_after_an_inverted_signature_stays_with_the_one_who_signed():
    _, quotes = _quotes('Comey cannot say that "from his perspective," Lewandowski added, saying it '
                        'should be "up to the prosecutor to move forward or not."\n')
    (saying,) = [q for q in quotes if "prosecutor" in q.text]
    assert saying.speaker == "Lewandowski"


def test_a_regarding_phrase_before_the_cue_is_the_writers_setting():
    _, quotes = _quotes("Regarding which part of the competition was most difficult for aspiring "
                        "neurosurgeons, Sufianov said it was English language.\n")
    (quote,) = quotes
    assert quote.text == "it was English language"


def test_the_one_told_is_no_part_of_what_was_told():
    _, quotes = _quotes("Employee Steve Castro tells the paper that he fought with the shirtless man.\n")
    (quote,) = quotes
    assert quote.text == "that he fought with the shirtless man" and quote.speaker == "Steve Castro"


def test_she_after_an_unnamed_official_quoted_is_that_official_not_someone_named_earlier():
    _, quotes = _quotes('Sophie Obadia, the lawyer for the victim, welcomed the verdict. The head of the police '
                        'internal investigators told the court "Basic investigations were not done." She also '
                        'said "I regret we were not called immediately."\n')
    assert [q.speaker for q in quotes] == [None, None]


def test_the_head_of_one_body_is_not_the_president_of_another():
    _, quotes = _quotes('African Export-Import Bank president Okey Oramah said the currencies "cost Africa '
                        'billions." The head of the police internal investigators told the court "Basic '
                        'investigations were not done."\n')
    assert quotes[0].speaker == "Okey Oramah" and quotes[-1].speaker is None


def test_a_name_set_off_after_according_to_is_the_source():
    _, quotes = _quotes("According to the El Paso mayor, Dee Margo, during the weekend, police were investigating "
                        "whether a manifesto posted online was written by the suspect.\n")
    (quote,) = quotes
    assert quote.speaker == "Dee Margo" and quote.text.startswith("during the weekend")



def test_saying_after_a_disputed_claim_goes_on_with_the_disputer():
    _, quotes = _quotes("Over the course of that interview, Jane Roe disputed that Tom Smith was estranged "
                        "from his parents, saying instead he was shy by nature.\n")
    (saying,) = [q for q in quotes if "shy" in q.text]
    assert saying.speaker == "Jane Roe"


def test_a_participle_between_commas_after_a_name_in_a_list_is_said_of_that_name():
    article, quotes = _quotes("Kurt Volker was an envoy. In July, he helped facilitate a meeting between Giuliani, "
                              "claiming to represent the State Department, and Andriy Yermak, one of the aides.\n")
    (claim,) = [q for q in quotes if "represent" in q.text]
    assert article.span_text(claim.source) == "Giuliani"


def test_a_participle_after_a_name_in_a_list_of_verbs_stays_with_the_subject():
    article, quotes = _quotes("Kurt Volker met Rudy Giuliani, saying he would help, and left.\n")
    (saying,) = [q for q in quotes if "help" in q.text]
    assert saying.speaker == "Kurt Volker"


def test_a_date_before_a_document_is_not_who_issued_it():
    _, quotes = _quotes("Theresa May's statement said the talks had failed. Friday's statement said the deal "
                        "was off. October's report found that prices rose.\n")
    assert [q.speaker for q in quotes] == ["Theresa May", None, None]


def test_reportedly_with_a_named_source_is_that_sources_report_only():
    text = ("The attacker reportedly stabbed two people inside the hall, and one of them died there, "
            "according to The Times.\n")
    article = quoth.extract(text)
    assert all(q.source is not None for q in article.quotes)
    assert {q.speaker for q in article.quotes} == {"The Times"}
