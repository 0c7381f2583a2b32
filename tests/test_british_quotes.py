"""British convention: a text that quotes with single marks (issue #10, wire and broadcaster copy)."""

from __future__ import annotations

import quoth
from quoth.extraction.quotemarks import find_quotes, paragraphs, quotes_with_single_marks

BRITISH = (
    "Residents fight plan for new road\n\n"
    "‘We will fight this all the way,’ said Amy Lowe, who chairs the parish council.\n\n"
    "Paul Grey, who runs the village shop, said: ‘I’ve lost a third of my trade since the works began.\n\n"
    "‘If this goes on I will have to close.’\n\n"
    "He told the Gazette: ‘We have listened to the shop’s customers.’\n"
)


def test_single_marks_quote_in_a_text_that_quotes_with_them():
    article = quoth.extract(BRITISH)
    by_text = {article.text[q.content[0][0] : q.content[-1][1]]: q for q in article.quotes}
    lowe = by_text["‘We will fight this all the way,’"]
    assert (lowe.type, lowe.speaker) == ("direct", "Amy Lowe")
    # the quotation left open continues in the next paragraph that opens with a mark
    grey = next(q for q in article.quotes if q.speaker == "Paul Grey")
    assert [article.text[s:e] for s, e in grey.content] == [
        "‘I’ve lost a third of my trade since the works began.",
        "‘If this goes on I will have to close.’",
    ]
    assert grey.type == "direct"
    # an apostrophe inside a word does not end the quotation
    assert any(article.text[s:e] == "‘We have listened to the shop’s customers.’" for q in article.quotes for s, e in q.content)


def test_double_marks_keep_single_ones_for_nesting_and_apostrophes():
    text = (
        "“He called it ‘a disgrace’,” she said.\n\n"
        "“We won’t stop,” he said. “Not now.”\n\n"
        "The ‘deal’ is off, officials said.\n"
    )
    assert not quotes_with_single_marks(text, paragraphs(text))
    assert [q.inner(text) for q in find_quotes(text)] == [
        "“He called it ‘a disgrace’,”",
        "“We won’t stop,”",
        "“Not now.”",
    ]


def test_headline_scare_quotes_do_not_make_the_body_single_quoted():
    text = "Minister ‘shocked’ by ‘unfair’ ruling\n\nThe minister said the ruling was “unfair”.\n"
    assert not quotes_with_single_marks(text, paragraphs(text), (0, text.index("\n")))


def test_an_mp_in_the_lede_is_the_mp_named_next():
    """Westminster copy: "an MP has said" opens the story and the next paragraph names the MP."""
    text = (
        "Bus cuts 'will strand villages'\n\n"
        "Cutting rural bus routes will leave whole villages stranded, an MP has said.\n\n"
        "Labour's Ruth Hale, MP for Wyre Dale, said the county had \"walked away\" from older residents.\n\n"
        "A council spokesman said no decision had been taken.\n"
    )
    article = quoth.extract(text)
    lede = next(q for q in article.quotes if q.text.startswith("Cutting rural"))
    assert lede.speaker == "Ruth Hale"
    hale = next(q for q in article.quotes if "walked away" in q.text)
    assert (hale.speaker, hale.speaker_role) == ("Ruth Hale", "MP for Wyre Dale")


def test_an_mep_is_a_role_not_a_name():
    text = (
        "Contract row grows\n\n"
        "The contract was awarded without a tender, documents show.\n\n"
        "An MEP has called for an investigation into the award, saying it broke procurement rules.\n\n"
        "\"This stinks,\" Green MEP Joan Park told reporters on Tuesday.\n"
    )
    article = quoth.extract(text)
    assert all(q.speaker != "MEP" for q in article.quotes)
    park = next(q for q in article.quotes if "stinks" in q.text)
    assert (park.speaker, park.speaker_role) == ("Joan Park", "Green MEP")
