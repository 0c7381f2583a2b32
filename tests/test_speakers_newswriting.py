"""quoth.speakers on newswriting conventions seen outside PolNeAR (wire, web and broadcaster copy):
a double-barrelled surname alone, an organisation called by the kind of thing it is, a research
team named by its lead author, a statement's issuer. Every text here is invented."""

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
def test_a_double_barrelled_surname_alone_is_the_person_named_in_full():
    text = ("Slugs make strong glue\n\nMarisol Ortega-Baptiste, a chemistry student, studied the glue of "
            "garden slugs. Ortega-Baptiste found that small changes in its bonds alter its strength.\n")
    assert speaker_of(text, "Ortega-Baptiste") == "Marisol Ortega-Baptiste"


@pytest.mark.issue(10)
def test_the_publication_is_the_outlet_the_sentence_before_was_about():
    text = ("Ferry runs aground\n\nSeatrade News reported the ferry had tried to dock at the Port "
            "Authority of Elmsford, which has a shallow channel. The industry publication stated the "
            "captain ignored two warnings.\n")
    assert speaker_of(text, "The industry publication") == "Seatrade News"


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Blast in Kursk\n\nOne news site, Newsline.com, said police blamed a gas leak. Regional "
         "governor Ivan Petrov said the blast was an accident. The website further reported that "
         "two men had fled.\n", "Newsline.com"),
        # no organisation was called a website: nobody
        ("Blast in Kursk\n\nPolice blamed a gas leak. Regional governor Ivan Petrov said the blast "
         "was an accident. The website further reported that two men had fled.\n", None),
    ],
)
def test_the_website_is_the_organisation_the_article_called_a_news_site(text, speaker):
    assert speaker_of(text, "The website") == speaker
