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


@pytest.mark.issue(10)
def test_a_person_in_a_relative_clause_of_the_source_is_not_its_speaker():
    text = ("Mayor under fire\n\nJohn Smith was charged on Monday. Emails from the campaign, which Smith "
            "ran, showed that Smith had lied.\n")
    assert speaker_of(text, "Emails from the campaign, which Smith ran,") is None


@pytest.mark.issue(10)
def test_excerpts_from_a_book_speak_for_its_author_not_its_title_or_subject():
    text = ("Donald Trump was charged on Monday. Lastly, excerpts from Bob Woodward's book Rage, for which "
            "Trump gave insider access, revealed Trump downplayed the coronavirus in February.")
    source = "excerpts from Bob Woodward's book Rage, for which Trump gave insider access,"
    assert speaker_of(text, source) == "Bob Woodward"
