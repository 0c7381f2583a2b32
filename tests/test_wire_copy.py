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
