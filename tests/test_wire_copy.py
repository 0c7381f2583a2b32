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
