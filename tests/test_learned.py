"""The learned tagger's decoding and linking (issue #3), on hand-made tags; and the shipped model."""

from __future__ import annotations

from importlib import resources

import pytest

from quoth.extraction.learned import (
    MODEL_NAME,
    ROLES,
    finish,
    link,
    spans_to_tags,
    tags_to_spans,
    viterbi,
    windows,
    words_of,
)

O, B, I = 0, 1, 2


def _tags(text: str, **roles: list[str]) -> tuple[list, dict]:
    """Tags per role from the substrings each role should cover (first occurrence)."""
    words = words_of(text)
    out = {}
    for role in ROLES:
        spans = []
        for sub in roles.get(role, []):
            s = text.index(sub)
            spans.append((s, s + len(sub)))
        out[role] = spans_to_tags(words, spans)
    return words, out


def test_words_are_the_scorers_tokens():
    assert words_of("He’s said: “don't.”") == [(0, 4), (5, 9), (12, 17)]  # character offsets!


def test_tags_to_spans_bio():
    assert tags_to_spans([O, B, I, I, O, B, B, I]) == [(1, 4), (5, 6), (6, 8)]
    assert tags_to_spans([I, I, O]) == [(0, 2)]  # a stray I starts a span
    assert tags_to_spans([O, O]) == []


def test_viterbi_never_starts_a_span_with_i():
    lo, hi = -5.0, -0.1
    # argmax would be O I I: the I's must become a span that starts with B
    assert viterbi([[hi, lo, lo], [lo, -1.0, -0.5], [lo, lo, hi]]) == [O, B, I]
    assert viterbi([[lo, -4.0, hi]]) == [B]
    assert viterbi([]) == []


def test_spans_to_tags_longest_wins_when_nested():
    text = "She said that he said that it rained"
    words = words_of(text)
    outer = (text.index("that he"), len(text))
    inner = (text.index("that it"), len(text))
    assert spans_to_tags(words, [inner, outer]) == [O, O, B, I, I, I, I, I]


def test_windows_cover_everything_with_overlap():
    assert windows(10, size=254, stride=128) == [(0, 10)]
    ws = windows(600, size=254, stride=128)
    assert ws[0] == (0, 254) and ws[-1][1] == 600
    assert all(b[0] < a[1] for a, b in zip(ws, ws[1:]))


def test_link_indirect():
    text = "Jane Doe said on Tuesday that the plan would fail."
    words, tags = _tags(text, content=["that the plan would fail"], source=["Jane Doe"], cue=["said"])
    (q,) = finish(text, link(text, words, tags))
    assert q.content == [(25, 49)]  # character offsets!
    assert q.cue == (9, 13)
    assert q.source == (0, 8)
    assert q.type == "indirect"


def test_link_quote_split_by_its_cue():
    text = '"We will win," she said, "and soon."'
    words, tags = _tags(text, content=["We will win", "and soon"], source=["she"], cue=["said"])
    (q,) = finish(text, link(text, words, tags))
    assert [text[s:e] for s, e in q.content] == ["We will win", "and soon"]
    assert text[q.source[0] : q.source[1]] == "she"
    assert q.type == "direct"


def test_link_two_cues_two_contents():
    text = "Smith said taxes rose. Jones argued that spending fell."
    words, tags = _tags(
        text,
        content=["taxes rose", "that spending fell"],
        source=["Smith", "Jones"],
        cue=["said", "argued"],
    )
    quotes = link(text, words, tags)
    got = [(text[q.source[0] : q.source[1]], text[q.cue[0] : q.cue[1]], text[q.start : q.end]) for q in quotes]
    assert got == [("Smith", "said", "taxes rose"), ("Jones", "argued", "that spending fell")]


def test_link_source_prefers_the_cues_sentence():
    text = "The poll came from the Roper Center. According to exit polls, Romney led."
    words, tags = _tags(
        text, content=["Romney led"], source=["the Roper Center", "exit polls"], cue=["According to"]
    )
    (q,) = link(text, words, tags)
    assert text[q.source[0] : q.source[1]] == "exit polls"


def test_link_colon_paragraph_introduces_next_paragraph():
    text = "Caddell continued:\n\n\"The health issue is partisan.\""
    words, tags = _tags(text, content=["The health issue is partisan"], source=["Caddell"], cue=["continued"])
    (q,) = link(text, words, tags)
    assert text[q.cue[0] : q.cue[1]] == "continued"
    assert text[q.start : q.end] == "The health issue is partisan"


def test_link_punctuation_cues():
    text = 'PENCE: Well, look, we will win.\n"Trump scares me." ― Carla Sanchez'
    words, tags = _tags(
        text, content=["Well, look, we will win", "Trump scares me"], source=["PENCE", "Carla Sanchez"]
    )
    first, second = link(text, words, tags)
    assert text[first.cue[0] : first.cue[1]] == ":" and text[first.source[0] : first.source[1]] == "PENCE"
    assert text[second.cue[0] : second.cue[1]] == "―"
    assert text[second.source[0] : second.source[1]] == "Carla Sanchez"


def test_link_drops_content_without_cue_and_cue_without_source():
    text = "He spoke.\n\n\"It was a long day, and we are tired.\" It is said that taxes rose."
    words, tags = _tags(text, content=["It was a long day, and we are tired", "that taxes rose"], cue=["said"])
    assert link(text, words, tags) == []


def test_no_span_crosses_a_paragraph_break():
    text = "Smith said the plan failed.\n\nThe vote is Monday."
    words, tags = _tags(text, source=["Smith"], cue=["said"])
    tags["content"] = [O, O, B, I, I, I, I, I, I]  # the model ran on into the next paragraph
    (q,) = link(text, words, tags)
    assert text[q.start : q.end] == "the plan failed"


def _weights_shipped() -> bool:
    return (resources.files("quoth") / "data" / "models" / MODEL_NAME / "model.safetensors").is_file()


@pytest.mark.skipif(not _weights_shipped(), reason="learned model weights not shipped")
def test_shipped_model_on_a_short_text():
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from quoth.extraction.learned import learned_attributions

    text = 'The senator said on Monday that the bill would pass. "We have the votes," she told reporters.'
    quotes = learned_attributions(text)
    assert quotes, "the model found no attribution"
    for q in quotes:
        for s, e in q.content:
            assert 0 <= s < e <= len(text)
    got = [(text[q.start : q.end], text[q.cue[0] : q.cue[1]]) for q in quotes]
    assert any("the bill would pass" in c and "votes" not in c for c, _ in got), got
    assert any(c == "We have the votes" and cue == "told" for c, cue in got), got


def test_merge_adds_only_new_contents():
    from quoth.extraction.learned import merge
    from quoth.model import Quote

    text = "Smith said taxes rose. Jones argued that spending fell."
    rules = [Quote(content=[(11, 21)], cue=(6, 10), source=(0, 5))]
    learned = [
        Quote(content=[(11, 22)], cue=(6, 10), source=(0, 5)),  # the same content: the rules' is kept
        Quote(content=[(36, 54)], cue=(29, 35), source=(23, 28)),
    ]
    out = merge(text, rules, learned)
    assert [q.content for q in out] == [[(11, 21)], [(36, 54)]]


_HYBRID_TEXT = 'Smith said taxes rose. "We won," Jones said. Lee thinks it rained. Kim hopes so.'
_SMITH = ((11, 21), (6, 10), (0, 5))  # learned: "taxes rose" / "said" / "Smith"
_JONES = ((23, 31), (39, 43), (33, 38), "direct")  # a quotation
_LEE = ((56, 65), (49, 55), (45, 48), "indirect")
_KIM = ((77, 79), (71, 76), (67, 70), "indirect")
_ON_SMITHS_CUE = ((23, 31), (6, 10), (0, 5), "direct")  # the quotation, given to the learned cue


@pytest.mark.parametrize("rules, tagged_cues, expected", [
    # the rules' quotations are added, not their indirect attributions...
    ([_JONES, _LEE], [], ["taxes rose", '"We won,']),
    # ... unless the tagger tagged the cue too
    ([_LEE, _KIM], [(6, 10), (49, 55)], ["taxes rose", "it rained"]),
    # a rule attribution on a learned attribution's cue is that attribution: not added twice
    ([_ON_SMITHS_CUE], [], ["taxes rose"]),
])
def test_hybrid_adds_the_rules_trusted_attributions(rules, tagged_cues, expected):
    from quoth.extraction.learned import hybrid
    from quoth.model import Quote

    text = _HYBRID_TEXT
    learned = [Quote(content=[_SMITH[0]], cue=_SMITH[1], source=_SMITH[2])]
    rules = [Quote(content=[c], cue=cue, source=src, type=kind) for c, cue, src, kind in rules]
    got = hybrid(text, learned, rules, tagged_cues=tagged_cues)
    assert [text[q.start : q.end] for q in got] == expected


_MUSEUM = "The museum, Mr. Obama said, would make visitors face truths."


@pytest.mark.parametrize("rule_content, rule_cue, expected", [
    # the rules read the cue as splitting the sentence: the piece before it is added
    ([(0, 10), (28, 59)], (22, 26), ["The museum", "would make visitors face truths"]),
    # another cue's reading, or a piece after the cue that starts elsewhere, changes nothing
    ([(0, 10), (28, 59)], (12, 20), ["would make visitors face truths"]),
    ([(0, 10), (34, 59)], (22, 26), ["would make visitors face truths"]),
])
def test_split_by_cue_takes_the_rules_piece_before_the_cue(rule_content, rule_cue, expected):
    from quoth.extraction.learned import split_by_cue
    from quoth.model import Quote

    text = _MUSEUM
    learned = Quote(content=[(28, 59)], cue=(22, 26), source=(12, 21))
    got = split_by_cue(learned, [Quote(content=rule_content, cue=rule_cue, source=(12, 21))])
    assert [text[s:e] for s, e in got.content] == expected
    assert learned.content == [(28, 59)]  # a new quote: the tagger's is left as it was


def test_role_spans_are_character_spans_of_the_tagged_words():
    from quoth.extraction.learned import role_spans, words_of

    text = "Lee thinks it rained."
    assert role_spans(words_of(text), [O, B, O, O]) == [(4, 10)]
    assert role_spans(words_of(text), [O, O, B, I]) == [(11, 20)]


def test_no_content_runs_from_a_sentence_into_the_next_quotation():
    text = 'He said that the bill would pass. "We have the votes," she told reporters.'
    words, tags = _tags(text, source=["He", "she"], cue=["said", "told"])
    tags["content"] = [O, O, B, I, I, I, I, I, I, I, I, O, O, O]
    got = [text[q.start : q.end] for q in link(text, words, tags)]
    assert got == ["that the bill would pass", "We have the votes"]


def test_link_cue_running_into_the_content_is_trimmed():
    text = "Trump urged Americans to check it out."
    words, tags = _tags(text, source=["Trump"], cue=["urged"])
    tags["content"] = [O, B, I, I, I, I, I]  # 'urged' tagged as both cue and content
    (q,) = link(text, words, tags)
    assert text[q.start : q.end] == "Americans to check it out"


def test_link_joins_a_content_broken_in_two():
    text = 'Ditto said she expects the campaign "to continue calling out bias."'
    words, tags = _tags(text, source=["Ditto"], cue=["said"])
    tags["content"] = [O, O, B, I, I, I, B, I, I, I, I]
    (q,) = link(text, words, tags)
    assert text[q.start : q.end] == 'she expects the campaign "to continue calling out bias'


def test_missing_torch_gives_an_install_hint(monkeypatch):
    import sys

    from quoth.errors import QuothError
    from quoth.extraction import learned

    learned.load_model.cache_clear()
    monkeypatch.setitem(sys.modules, "torch", None)  # 'import torch' now raises ImportError
    try:
        with pytest.raises(QuothError, match="pip install 'torch==2.13.0'"):
            learned.load_model()
    finally:
        learned.load_model.cache_clear()


def test_new_parse_feature_tables_leave_the_tagger_reading_as_before():
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from quoth.extraction.learned import attach_features, feature_vocab, forward
    from quoth.extraction.syntax import FEATURES, sizes, vocabularies

    torch.manual_seed(0)
    config = transformers.BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                     intermediate_size=32, num_labels=9)
    model = transformers.AutoModelForTokenClassification.from_config(config).eval()
    ids = torch.randint(0, 50, (2, 7))
    mask = torch.ones_like(ids)
    before = forward(model, ids, mask)
    vocab = vocabularies(["ROOT", "nsubj", "ccomp"])
    attach_features(model, vocab)
    assert feature_vocab(model) == vocab and model.config.quoth_feature_vocab == vocab
    feats = torch.stack([torch.randint(0, n, (2, 7)) for n in sizes(vocab)], -1)
    assert feats.shape[-1] == len(FEATURES)
    with torch.no_grad():
        assert torch.allclose(forward(model, ids, mask, feats), before, atol=1e-6)
        model.quoth_features[0].weight.normal_()  # once trained, the features count
        assert not torch.allclose(forward(model, ids, mask, feats), before, atol=1e-3)
