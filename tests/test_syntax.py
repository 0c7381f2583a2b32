"""The parse features the learned tagger reads (quoth.extraction.syntax)."""

from quoth.extraction.learned import words_of
from quoth.extraction.syntax import FEATURES, sizes, vocabularies, word_features
from quoth.nlp import load_nlp, parse


def _features(text):
    vocab = vocabularies(load_nlp().get_pipe("parser").labels)
    words = words_of(text)
    rows = word_features(parse(text), words, vocab)
    names = {f: ["<none>", "<unknown>", *vocab[f]] for f in FEATURES}
    return {text[s:e]: {f: names[f][i] for f, i in zip(FEATURES, row)} for (s, e), row in zip(words, rows)}


def test_each_word_gets_its_tokens_part_of_speech_label_and_clause():
    got = _features("The senator said that the bill would pass.")
    assert got["said"] == {"pos": "VERB", "dep": "ROOT", "head_dep": "ROOT", "clause": "ROOT", "side": "self",
                           "entity": "<none>"}
    # words of the reported clause sit in a ccomp, whatever their own label
    assert got["bill"]["clause"] == "ccomp"
    assert got["that"]["dep"] == "mark" and got["that"]["side"] == "right"


def test_entity_types_and_clitic_words():
    got = _features("Barack Obama's aides said he’s tired.")
    assert got["Obama's"]["entity"] == "PERSON"  # the scorer's word joins the clitic: the token it starts in
    assert got["he’s"]["pos"] == "PRON"


def test_ids_stay_inside_each_features_table():
    vocab = vocabularies(load_nlp().get_pipe("parser").labels)
    text = "MOSCOW, May 31. /TASS/. Peskov said: “No.”\n\nHe added nothing."
    rows = word_features(parse(text), words_of(text), vocab)
    assert len(rows) == len(words_of(text))
    for row in rows:
        assert all(0 <= i < n for i, n in zip(row, sizes(vocab)))
