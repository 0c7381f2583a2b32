"""A stored content is a statement (issue #10): attributions of a bare noun phrase or a short
quoted term are extracted, with form "phrase", but the record leaves them out."""

from __future__ import annotations

import sqlalchemy as sa

import quoth
from tests.batch_output import write_batch
from quoth.store import Store
from quoth.store.bulk import bulk_load
from quoth.store.schema import quotes as quotes_table


def _forms(text):
    return {q.text: q.form for q in quoth.extract(text).quotes}


def test_a_noun_phrase_object_is_a_phrase_and_a_clause_a_statement():
    forms = _forms("Quirin denied any sexual activity. Trump confirmed the claim, arguing it was not in "
                   "the national interest. Jones said the plan would fail.\n")
    assert forms["any sexual activity"] == "phrase"
    assert forms["the claim"] == "phrase"
    assert forms["it was not in the national interest"] == "statement"
    assert forms["the plan would fail"] == "statement"


def test_a_short_quoted_term_is_a_phrase_a_long_verbless_quotation_a_statement():
    forms = _forms('The senator referred to them as "chumps." "A disgrace to the nation and a betrayal of '
                   'everything we stand for," Smith said.\n')
    assert forms['"chumps."'] == "phrase"
    assert forms['"A disgrace to the nation and a betrayal of everything we stand for,"'] == "statement"


def test_a_headline_that_drops_the_verb_still_reports_a_statement():
    article = quoth.extract("Kremlin says US stance not source of Russia-US tension\n\nMOSCOW, November 9. "
                            "Kremlin spokesman Dmitry Peskov said the US stance was not the source of tension.\n")
    headline = [q for q in article.quotes if q.start < article.headline[1]]
    assert headline and headline[0].form == "statement"


def test_the_store_keeps_statements_and_leaves_phrases_out(tmp_path):
    article = quoth.extract("Quirin denied any sexual activity. Jones said the plan would fail.\n", doc="a",
                            path="a.txt")
    assert {q.form for q in article.quotes} == {"phrase", "statement"}
    store = Store(f"sqlite:///{tmp_path}/q.db")
    assert store.ingest(article) == ("added", 1)
    with store.engine.connect() as conn:
        (text,) = conn.execute(sa.select(quotes_table.c.text)).scalars()
    assert text == "the plan would fail"
    store.close()


def test_the_bulk_load_leaves_phrases_out_too(tmp_path):
    article = quoth.extract("Quirin denied any sexual activity. Jones said the plan would fail.\n", doc="a",
                            path="a.txt")
    store = Store(f"sqlite:///{tmp_path}/q.db")
    summary = bulk_load(store, write_batch([article], tmp_path / "batch"))
    assert summary.quotes == 1
    with store.engine.connect() as conn:
        texts = list(conn.execute(sa.select(quotes_table.c.text)).scalars())
    assert texts == ["the plan would fail"]
    store.close()


def test_a_quoted_term_inside_the_next_sentence_is_not_more_of_the_quotation():
    article = quoth.extract('"A disgrace to the nation and a betrayal of everything we stand for," Smith said. '
                            'She endorsed the selection of a "woman of color."\n')
    smith = [q for q in article.quotes if q.speaker == "Smith" and q.cue and article.text[q.cue[0]:q.cue[1]] == "said"]
    assert len(smith) == 1 and len(smith[0].content) == 1
    # while a quotation opening the next sentence goes on with the speaker
    article = quoth.extract('"We will win," Smith said. "Nobody can stop us now."\n')
    (quote,) = article.quotes
    assert len(quote.content) == 2


def test_an_outlet_relaying_signed_words_is_no_second_statement(tmp_path):
    article = quoth.extract("There is no evidence linking the third case to the first two, the Inner Mongolia health "
                            "commission said, according to Reuters.\n", doc="r", path="r.txt")
    commission = [q for q in article.quotes if q.speaker and "commission" in q.speaker]
    reuters = [q for q in article.quotes if q.speaker == "Reuters"]
    assert len(commission) == 1 and commission[0].form == "statement"
    # the commission's words end before the relay phrase
    assert commission[0].text.endswith("the first two")
    assert reuters and reuters[0].form == "relay"
    store = Store(f"sqlite:///{tmp_path}/q.db")
    store.ingest(article)
    with store.engine.connect() as conn:
        speakers = list(conn.execute(sa.select(quotes_table.c.speaker_name)).scalars())
    assert len(speakers) == 1 and "commission" in speakers[0]
    store.close()


def test_according_to_an_outlet_alone_is_the_outlets_statement():
    (quote,) = quoth.extract("There is no evidence linking the cases, according to Reuters.\n").quotes
    assert quote.speaker == "Reuters" and quote.form == "statement"


def test_a_title_with_a_colon_in_the_headline_and_body_is_no_interview():
    article = quoth.extract(
        "Star Wars Jedi: Fallen Order review - shoots for the moon, lands among the stars\n\n"
        "Even if its core components are owed to other games, Star Wars Jedi: Fallen Order finds a reason "
        "for their inclusion and stops just short of greatness.\n\n"
        "Star Wars Jedi: Fallen Order is a game that is many things to different people.\n")
    assert not [q for q in article.quotes if q.speaker and "Star Wars" in q.speaker]


def test_a_kind_of_business_before_a_company_is_no_part_of_its_name():
    article = quoth.extract("Automaker Tesla said it would cut prices. Retailer Walmart said sales rose. "
                            'Developer Valve called the game "a flagship title for the whole industry."\n')
    assert {q.speaker for q in article.quotes if q.speaker} == {"Tesla", "Walmart", "Valve"}


def test_a_long_verbless_quotation_that_opens_mid_phrase_is_a_phrase():
    forms = _forms("Trump requested larger purchases “than any time in our history, by far” from China.\n")
    assert "phrase" in forms.values() and "statement" not in forms.values()


def test_a_participle_used_as_an_adjective_is_no_verb_of_a_statement():
    from quoth.extraction.forms import content_form
    from quoth.model import Quote
    from quoth.nlp import parse

    text = 'Pierce warned of "genetically modified humans." Jones said the lab "modified the genes."\n'
    parsed = parse(text)
    term, clause = text.index('"genetically'), text.index('"modified')
    assert content_form(parsed, Quote(content=[(term, text.index("humans.") + 8)], type="direct")) == "phrase"
    assert content_form(parsed, Quote(content=[(clause, text.index('genes."') + 7)], type="direct")) == "statement"


def test_a_noun_phrase_holding_a_relative_clause_or_a_participle_is_still_a_phrase():
    article = quoth.extract(
        "Halvard accused its neighbour of building dams on the river. The ministry denounced a court "
        "ruling declaring the ban unlawful. Both sides blamed each other for the collapse of the bridge, "
        "which cut the town in two.\n")
    forms = {q.text: q.form for q in article.quotes}
    assert forms, "the attributions are still extracted"
    assert all(form == "phrase" for form in forms.values()), forms


def test_a_clause_stays_a_statement_whatever_the_parser_makes_of_its_verb():
    forms = _forms(
        "Organisers said more than 9,000 people registered for the march. Police said that the crowd "
        "would more than double by noon. Mayor Anna Reyes accused the council of lying, adding the budget "
        "was empty.\n")
    assert forms["more than 9,000 people registered for the march"] == "statement"
    assert forms["that the crowd would more than double by noon"] == "statement"
    assert forms["the budget was empty"] == "statement"


def test_a_piece_the_reporting_sentence_needs_is_a_phrase():
    forms = _forms(
        "The senator called on the board to fire the coach. The mayor explained why the road was closed. "
        "She told him to leave the building. The suspects were said to be students. "
        "Engineers found the fault, Grant said, and \"patched\" the system within hours. Officials did "
        "not list the 38 countries they said were involved.\n")
    assert forms["to fire the coach"] == "phrase"
    assert forms["why the road was closed"] == "phrase"
    assert forms["him to leave the building"] == "phrase"
    assert forms['"patched"'] == "phrase"
    assert forms["were involved"] == "phrase"
    assert all(form == "phrase" for text, form in forms.items() if "students" in text)


def test_a_vow_and_a_clause_after_a_question_word_stay_statements():
    forms = _forms(
        "Governor Ruth Hale vowed to protect the state's pension fund. Researchers found when prices rose, "
        "families cut spending on food.\n")
    assert forms["to protect the state's pension fund"] == "statement"
    assert forms["when prices rose, families cut spending on food"] == "statement"


def test_a_clause_reported_by_a_verb_of_no_saying_or_thinking_is_not_recorded(tmp_path):
    text = ("Residents voted that the park should stay open.\n\n"
            "Mayor Anna Reyes said the turnout was the highest in a decade.\n")
    forms = _forms(text)
    assert forms["the turnout was the highest in a decade"] == "statement"
    assert [form for t, form in forms.items() if "park" in t] == ["act"]
    store = Store(f"sqlite:///{tmp_path}/q.db")
    assert store.ingest(quoth.extract(text, doc="v", path="vote.txt")) == ("added", 1)
    with store.engine.connect() as conn:
        stored = list(conn.execute(sa.select(quotes_table.c.text)).scalars())
    assert stored == ["the turnout was the highest in a decade"]
    store.close()


def test_a_direct_quotation_is_words_whatever_verb_the_parse_ties_it_to():
    forms = _forms('"It was a love song to her city and to everyone in it," director Lena Marsh led off.\n')
    assert forms['"It was a love song to her city and to everyone in it,"'] == "statement"


def test_a_participle_or_a_noun_with_a_clause_after_it_is_a_phrase():
    forms = _forms(
        "The senator slammed the mayor for a newspaper story alleging the city paid too much for the land. "
        "The coach denied doing anything wrong.\n")
    assert forms["the mayor for a newspaper story alleging the city paid too much for the land"] == "phrase"
    assert forms["doing anything wrong"] == "phrase"
    # (what the story alleged is a clause; with no source of its own, the record cannot credit it)
    assert forms["the city paid too much for the land"] in ("statement", "unresolved")


def test_a_content_opening_on_an_adverb_of_a_verb_whose_subject_is_outside_is_a_phrase():
    forms = _forms("Former Hale adviser Tom Baker told reporters of its existence and current Hale personal "
                   "attorney Rudy Vance, the former Mayor of Lund City, recently gave them a copy of its "
                   "drive's contents.\n")
    assert forms["recently gave them a copy of its drive's contents"] == "phrase"
