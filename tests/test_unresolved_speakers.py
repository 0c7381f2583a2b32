"""A statement quoth found no speaker for is recorded only where the text itself leaves its source
unnamed (issue #10: null "where the text does not say"). All text is invented."""

from __future__ import annotations

import pytest

import quoth
from quoth.layout import segment
from quoth.model import Quote
from quoth.pipeline import parse_article
from quoth.speakers.anonymity import unnamed_on_purpose
from quoth.store.rows import recorded


def _source_is_unnamed(sentence: str, source: str) -> bool:
    """``unnamed_on_purpose`` for an attribution whose source is ``source`` in ``sentence``."""
    parsed = parse_article(sentence, segment(sentence))
    start = sentence.index(source)
    quote = Quote(content=[(len(sentence) - 10, len(sentence) - 1)], source=(start, start + len(source)))
    return unnamed_on_purpose(parsed, quote)


@pytest.mark.parametrize("sentence, source", [
    ("Officials said the bridge would reopen in May.", "Officials"),
    ("Some said the plan was far too costly.", "Some"),
    ("Several told reporters the vote had been rigged.", "Several"),
    ("Its source said three men had been arrested at the port.", "Its source"),
    ("One of the witnesses said the car had been red.", "One of the witnesses"),
    ("A senior official said the talks would resume on Monday.", "A senior official"),
    ("Scientists have found that the lake is warming fast.", "Scientists"),
    ("Some farmers' groups said the price was too low.", "Some farmers' groups"),
    ("Democrats claimed the election should decide the seat.", "Democrats"),
    ("A spokesperson for the Harbour Authority said the pier was closed.",
     "A spokesperson for the Harbour Authority"),
    ("Representatives of Kovac's family said he had been unwell.", "Representatives of Kovac's family"),
])
def test_an_anonymous_or_generic_source_leaves_the_speaker_unnamed_on_purpose(sentence, source):
    assert _source_is_unnamed(sentence, source)


@pytest.mark.parametrize("sentence, source", [
    ("She said the plan was a mistake from the start.", "She"),
    ("The governor said he would sign the bill next week.", "The governor"),
    ("Both officers said they would appeal the ruling.", "Both officers"),
    ("The two men said they had never met the mayor.", "The two men"),
    ("Fifty-one percent say the council should resign.", "Fifty-one percent"),
    ("Preliminary tests by Orbis Labs show that the engine overheats.", "Preliminary tests by Orbis Labs"),
    ("Marta Kovac, a spokesperson for the port, said the pier was closed.",
     "Marta Kovac, a spokesperson for the port,"),
    ("Their lawyer said the charges would be dropped.", "Their lawyer"),
    ("The researchers found that the lake is warming fast.", "The researchers"),
    ("According to the researchers' calculations, the lake is warming fast.", "the researchers' calculations"),
    ("His lawyers said the charges would be dropped.", "His lawyers"),
])
def test_a_particular_source_is_someone_the_text_names_or_should(sentence, source):
    assert not _source_is_unnamed(sentence, source)


def test_the_record_leaves_out_a_statement_whose_particular_source_went_unresolved():
    text = ("Flooding closed the coastal road on Tuesday.\n\n"
            "Officials said the road would reopen within a week.\n\n"
            "She said the repairs had been delayed for years.\n\n"
            "Anna Reyes, the county engineer, said the budget was spent.\n")
    article = quoth.extract(text)
    forms = {q.text: (q.form, q.speaker) for q in article.quotes}
    assert forms["the road would reopen within a week"] == ("statement", None)
    # "She" is Anna Reyes only in a reader's guess: the text names her after the statement
    assert forms["the repairs had been delayed for years"] == ("unresolved", None)
    assert forms["the budget was spent"] == ("statement", "Anna Reyes")
    stored = {q.text for _, q in recorded(article)}
    assert stored == {"the road would reopen within a week", "the budget was spent"}


def test_an_interview_turn_without_a_speaker_is_kept():
    text = ("Harbour talks\n\n"
            "Q: What happens to the fishing fleet?\n\n"
            "A: The fleet stays where it is, and the quota rises next year.\n")
    article = quoth.extract(text)
    turns = [q for q in article.quotes if q.cue is None and q.source is None]
    assert turns and all(q.form != "unresolved" for q in turns)


def test_a_surname_the_tagger_read_as_a_plural_noun_is_no_anonymous_group():
    text = ("According to Chief Inspector Tomas Ferreiro of the harbour police, four boats sank. "
            "Ferreiro further claimed 30 sailors were rescued.\n")
    forms = {q.text: (q.form, q.speaker) for q in quoth.extract(text).quotes}
    assert forms["30 sailors were rescued"] in {("unresolved", None), ("statement", "Tomas Ferreiro")}


def test_a_rank_before_a_name_is_no_part_of_it():
    text = ('"The pier is closed," said Chief Superintendent Lena Marsh of the harbour police.\n\n'
            '"We are looking for two men," Detective Sergeant Omar Patel said.\n')
    speakers = {q.speaker for q in quoth.extract(text).quotes}
    assert speakers == {"Lena Marsh", "Omar Patel"}


def test_a_word_of_a_script_with_no_capitals_is_no_speaker():
    text = ('Workers at the plant spoke to the paper.\n\n'
            '"We were sent home," कहा रखा said, "and told to wait."\n')
    speakers = {q.speaker for q in quoth.extract(text).quotes}
    assert not any(s and not any(c.isupper() for c in s) for s in speakers), speakers


def test_a_section_label_glued_to_the_sentence_after_it_is_no_name():
    text = ("Fasting can backfire.\n\n"
            "Summary Studies show that fasting may be associated with increased cravings and overeating.\n")
    speakers = {q.speaker for q in quoth.extract(text).quotes}
    assert "Summary Studies" not in speakers, speakers
