"""End to end on the two bundled TASS articles: every attribution a careful reader marks, with its
speaker (issue #2). The expectations were written by reading the articles, not from the output."""

from __future__ import annotations

import pytest

# (cue as written, speaker, a few words of the content)
EXPECTED = {
    "000_841052fd0680bd85": [
        ("warns", "Kremlin", "naive to think crisis"),
        ("added", "Dmitry Peskov", "change of the US administration"),
        ("believes", "Dmitry Peskov", "naive to expect"),
        ("told", "Dmitry Peskov", "This does not mean"),
        ("said", "Dmitry Peskov", "degraded considerably"),
        ("said", "Dmitry Peskov", "Before the relations can be improved"),
        ("pointed out", "Dmitry Peskov", "Russia wished to have a good relationship"),
        ("added", "Dmitry Peskov", "Sadly, we don’t experience reciprocity"),
        ("stated", "Dmitry Peskov", "are absurd"),
        ("told", "Dmitry Peskov", "I am asking you to recall"),
        ("said", "Vladimir Putin", "it would be absurd to think"),
        ("tweeted", "Michael McFaul", "Putin intervened in our elections"),
        ("has warned", "Dmitry Peskov", "no effect on Russia’s approach"),
        ("said", "Dmitry Peskov", "This is not our issue"),
        ("added", "Dmitry Peskov", "The Russian side is not raising"),
        ("noted", "Dmitry Peskov", "Crimea is one of Russian regions"),
        ("said", "Dmitry Peskov", "The recognition or non-recognition"),
    ],
    "003_cb5783a5b4f85efc": [
        ("says", "Kremlin", "Democratic Party’s stance"),
        ("told", "Dmitry Peskov", "Fanning hatred against Russia"),
        ("said", "Dmitry Peskov", "We see our ambassador being attacked"),
        ("added", "Dmitry Peskov", "We believe that this may negatively affect"),
        ("in Peskov’s words", "Dmitry Peskov", "the Kremlin does not believe"),
        ("said", "Dmitry Peskov", "The president made it clear"),
        ("made it clear", "Vladimir Putin", "some political forces have been trying"),
        ("said", "Vladimir Putin", "possible to improve relations"),
        ("said", "Vladimir Putin", "The reason for it"),
        ("said", "Vladimir Putin", "People who lost the election"),
        ("said", "Vladimir Putin", "They are striving to explain"),
        ("added", "Vladimir Putin", "When they do"),
        ("pointed out", "Vladimir Putin", "too bad that they have been taking advantage"),
    ],
}


def _found(article, cue, speaker, words):
    for q in article.quotes:
        if q.cue and article.text[q.cue[0] : q.cue[1]] == cue and words in q.text:
            return q
    return None


@pytest.mark.parametrize("doc", sorted(EXPECTED))
def test_every_attribution_is_found_with_its_speaker(seed_articles, doc):
    article = seed_articles[doc]
    missing, wrong = [], []
    for cue, speaker, words in EXPECTED[doc]:
        q = _found(article, cue, speaker, words)
        if q is None:
            missing.append((cue, words))
        elif q.speaker != speaker:
            wrong.append((cue, words, q.speaker))
    assert not missing, f"not found: {missing}"
    assert not wrong, f"wrong speaker: {wrong}"


def test_no_quote_from_page_furniture(seed_articles):
    for article in seed_articles.values():
        for q in article.quotes:
            for s, e in q.content:
                text = article.text[s:e]
                assert "TASS" not in text and "All news" not in text and "©" not in text


def test_layout_of_the_wire_article(seed_articles):
    a = seed_articles["003_cb5783a5b4f85efc"]
    assert a.headline_text == "Kremlin says US Democratic Party’s stance not source of Russia-US tension"
    assert a.span_text(a.standfirst) == "The Kremlin spokesman comments on Russia-US relations"
    assert (a.dateline.place, a.dateline.month, a.dateline.day, a.dateline.agency) == ("MOSCOW", 5, 31, "TASS")
    furniture = [a.span_text(s) for s in a.furniture]
    assert furniture == [
        "All news",
        "Kremlin spokesman Dmitry Peskov Mikhail Metzel/TASS",
        "Kremlin spokesman Dmitry Peskov",
        "© Mikhail Metzel/TASS",
    ]


def test_roles_as_written(seed_articles):
    roles = {(q.speaker, q.speaker_role) for q in seed_articles["003_cb5783a5b4f85efc"].quotes}
    assert ("Vladimir Putin", "Russian President") in roles
    assert ("Dmitry Peskov", "Kremlin Spokesman") in roles


def test_nested_attribution_in_seed_is_linked(seed_articles):
    a = seed_articles["003_cb5783a5b4f85efc"]
    inner = _found(a, "made it clear", "Vladimir Putin", "political forces")
    outer = a.quotes[inner.parent]
    assert a.text[outer.cue[0] : outer.cue[1]] == "said" and "The president made it clear" in outer.text


def test_dates_of_the_seed(seed_articles):
    import quoth

    a = seed_articles["003_cb5783a5b4f85efc"]
    assert a.published is None and "year" in a.published_reason  # no year in the text: never invented
    dated = quoth.extract(a.text, year_range=(2015, 2019))
    assert dated.published == "2017-05-31"
    putin = _found(dated, "said", "Vladimir Putin", "possible to improve relations")
    assert putin.said_on == "2017-05-30"  # "On Tuesday" before Wednesday 31 May
    assert dated.span_text(putin.channel) == "in an interview with Le Figaro"
