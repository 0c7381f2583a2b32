"""The Wikinews gold set and `quoth eval gold` (issue #10): the builder, the pairing and B-cubed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quoth.cli import main
from quoth.gold import _gold_people, bcubed, identity, pair, predict, read_gold

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "gold" / "wikinews" / "gold.json"
sys.path.insert(0, str(REPO / "training"))
import wikinews_gold  # noqa: E402


def test_the_committed_gold_is_what_the_decisions_build():
    records, errors = wikinews_gold.build()
    assert errors == []
    assert records == json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(records) >= 40
    assert sum(len(r["quotes"]) for r in records) >= 500


@pytest.mark.parametrize(
    "spec, expected",
    [
        ('A("We will win,", cue="said", source="Jane Doe")', ("We will win,", "said", "Jane Doe")),
        # brackets pick the span inside a longer, unique context
        ('A("[We will] win", cue="Doe [said]", source="Jane Doe")', ("We will", "said", "Jane Doe")),
    ],
)
def test_decisions_find_their_spans_by_strings(spec, expected):
    text = 'Jane Doe said: "We will win," and said more.'
    a = eval(spec, {"A": wikinews_gold.A})
    record = wikinews_gold.resolve(text, a)
    got = tuple(text[s:e] for s, e in (record["content"], record["cue"], record["source"]))
    assert got == expected
    assert record["unresolvable"] is True  # no speaker given: the scorer counts abstention


def test_an_ambiguous_decision_is_an_error_not_a_guess():
    with pytest.raises(wikinews_gold.GoldError, match="2 occurrences"):
        wikinews_gold.resolve("He said no. She said no.", wikinews_gold.A("said no"))


def test_bcubed_scores_a_wrong_merge_below_a_split():
    gold = ["A", "A", "B"]
    assert bcubed(gold, [1, 1, 2]) == (1.0, 1.0)
    merged = bcubed(gold, [1, 1, 1])
    split = bcubed(gold, [1, 2, 3])
    assert merged[0] < 1.0 and merged[1] == 1.0
    assert split[0] == 1.0 and split[1] < 1.0


def test_gold_strings_sharing_an_alternative_are_one_party():
    records = [{"quotes": [{"speaker": "Volodymyr Zelensky|Volodymyr Zelenskyy"}, {"speaker": "Volodymyr Zelenskyy"},
                           {"speaker": "Boris Johnson"}]}]
    people = _gold_people(records)
    assert people["Volodymyr Zelensky|Volodymyr Zelenskyy"] == people["Volodymyr Zelenskyy"]
    assert people["Boris Johnson"] != people["Volodymyr Zelenskyy"]


def test_pairing_needs_half_the_words():
    text = "Alpha beta gamma delta. Epsilon zeta."
    gold = [{"content": [0, 22]}, {"content": [24, 37]}]
    assert pair(text, gold, [[(0, 11)], [(24, 37)]]) == {0: 0, 1: 1}  # alpha beta: 2 of 4 words
    assert pair(text, gold, [[(0, 5)]]) == {}  # one word of four


def test_identity_lists_a_wrong_merge(tmp_path):
    """Two articles, two different Smiths each named in full: the store must keep them apart, and the
    report says so (no wrong merge); a gold that calls them one person shows a split."""
    texts = {
        "a": 'Title one\n\n"Taxes will fall," John Smith said.\n',
        "b": 'Title two\n\n"Rates will rise," Mary Smith said.\n',
    }
    records = [
        {"doc": "a", "quotes": [{"content": [11, 29], "speaker": "John Smith"}]},
        {"doc": "b", "quotes": [{"content": [11, 29], "speaker": "Mary Smith"}]},
    ]
    articles = predict(texts)
    report = identity(records, texts, articles)
    assert report.items == 2 and report.wrong_merges == [] and report.f1 == 1.0
    one_person = [dict(r, quotes=[dict(r["quotes"][0], speaker="J. Smith")]) for r in records]
    assert identity(one_person, texts, articles).splits


def test_eval_gold_command_prints_the_scorer_table_and_identity(shared, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text('Title\n\n"Taxes will fall," John Smith said on Monday.\n', encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"doc": "a", "text_file": "a.txt", "quotes": [
        {"content": [7, 25], "cue": [37, 41], "source": [26, 36], "speaker": "John Smith"}]}]))
    result = CliRunner().invoke(main, ["eval", "gold", str(gold), "--polnear", str(shared / "polnear")])
    assert result.exit_code == 0, result.output
    assert "attribution_f1=1.000" in result.output
    assert "identity (B-cubed over 1 found attributions" in result.output


def test_read_gold_names_a_missing_text(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"doc": "x", "text_file": "x.txt", "quotes": []}]))
    from quoth.errors import UsageError

    with pytest.raises(UsageError, match="x.txt: gold text missing"):
        read_gold(gold)


# Floors under the Wikinews gold figures in the README (issue #10): a change that loses on this set
# fails here as it would on PolNeAR dev.
GOLD_ATTRIBUTION_F1_FLOOR = 0.80
GOLD_DIRECT_RECALL_FLOOR = 0.95
GOLD_STRICT_SPEAKER_FLOOR = 0.90
GOLD_IDENTITY_F1_FLOOR = 0.95


@pytest.mark.slow
def test_wikinews_gold_floors(shared, tmp_path):
    from quoth.evaluation import score_gold
    from quoth.gold import write_predictions

    records, texts = read_gold(GOLD)
    articles = predict(texts)
    pred = tmp_path / "pred.jsonl"
    write_predictions(articles, pred)
    out = score_gold(shared / "polnear", GOLD, GOLD.parent / "texts", pred, as_json=True)
    scores = json.loads(out[: out.rindex("}") + 1])
    assert scores["attribution"]["attribution"]["f1"] >= GOLD_ATTRIBUTION_F1_FLOOR
    assert scores["direct"]["recall"] >= GOLD_DIRECT_RECALL_FLOOR
    assert scores["speaker"]["strict_accuracy"] >= GOLD_STRICT_SPEAKER_FLOOR
    report = identity(records, texts, articles)
    assert report.f1 >= GOLD_IDENTITY_F1_FLOOR, report.table()
    assert not report.wrong_merges, report.table()  # two gold people in one store speaker
