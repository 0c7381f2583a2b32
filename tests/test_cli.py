"""The command line: output formats, errors per input, exit codes (issue #2)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from quoth.cli import main
from tests.conftest import SAMPLES

TEXT = '"We are ready," Anna Berg said.\n\nThe minister said that the budget was balanced.\n'


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def test_extract_jsonl_contract(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text(TEXT, encoding="utf-8")
    result = run(["extract", str(p), "--silent"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["doc"] == "one" and record["path"] == str(p)
    assert set(record["article"]) >= {"headline", "dateline", "published", "published_reason"}
    q = record["quotes"][0]
    assert set(q) == {"content", "cue", "source", "type", "speaker", "speaker_role", "speaker_type", "said_on",
                      "addressee", "channel", "parent", "text", "form"}
    assert TEXT[q["content"][0][0] : q["content"][0][1]] == '"We are ready,"'  # character offsets
    assert q["speaker"] == "Anna Berg" and q["type"] == "direct"


def test_extract_json_includes_text_and_table_is_readable(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text(TEXT, encoding="utf-8")
    records = json.loads(run(["extract", str(p), "--format", "json", "--silent"]).stdout)
    assert records[0]["text"] == TEXT
    table = run(["extract", str(p), "--format", "table", "--silent"]).stdout
    assert "Anna Berg" in table and "said" in table and "We are ready" in table


def test_stdin(tmp_path):
    result = run(["extract", "-", "--silent"], input=TEXT)
    assert json.loads(result.stdout)["doc"] == "stdin"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    result = run(["extract", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the good one
    assert f"{tmp_path / 'empty.txt'}: the input is empty" in result.stderr
    assert f"{tmp_path / 'binary.txt'}: the input looks binary" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "1 document(s), 2 attribution(s), 3 failed" in result.stderr


def test_every_input_failing_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run(["extract", str(tmp_path / "empty.txt")]).exit_code == 3


def test_usage_errors_exit_2(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text(TEXT, encoding="utf-8")
    result = run(["extract", str(p), "--published", "31/05/2017"])
    assert result.exit_code == 2 and "31/05/2017" in result.output
    result = run(["extract", str(p), "--year-range", "twenty"])
    assert result.exit_code == 2 and "2015-2019" in result.output


def test_published_and_year_range_options():
    result = run(["extract", str(SAMPLES / "003_cb5783a5b4f85efc.txt"), "--year-range", "2015-2019", "--silent"])
    assert json.loads(result.stdout)["article"]["published"] == "2017-05-31"
    result = run(["extract", str(SAMPLES / "003_cb5783a5b4f85efc.txt"), "--published", "2017-05-31", "--silent"])
    article = json.loads(result.stdout)["article"]
    assert article["published"] == "2017-05-31"
    assert article["published_reason"].startswith("given by the caller")


def test_accurate_model_option(tmp_path):
    import pytest

    pytest.importorskip("torch", reason="--model accurate needs: pip install -e '.[accurate]'")
    p = tmp_path / "one.txt"
    p.write_text(TEXT, encoding="utf-8")
    result = run(["extract", str(p), "--model", "accurate", "--silent"])
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.stdout)["quotes"]
    direct = [q for q in quotes if q["type"] == "direct"]
    assert direct and TEXT[direct[0]["content"][0][0] : direct[0]["content"][0][1]] == '"We are ready,"'
    assert direct[0]["speaker"] == "Anna Berg"


def test_eval_speakers_scores_given_predictions(shared, tmp_path):
    """Predictions that name nobody: every gold speaker is missed, every abstention is right."""
    from quoth.evaluation import SPEAKER_GOLD

    text = shared / "polnear" / "dev" / "text"
    pred = tmp_path / "pred.jsonl"
    gold = json.loads(SPEAKER_GOLD.read_text(encoding="utf-8"))
    with open(pred, "w") as f:
        for doc in gold:
            assert (text / f"{doc['doc']}.txt").is_file()
            quotes = [{"content": q["content"], "source": q["source"], "cue": q["cue"], "speaker": None}
                      for q in doc["quotes"]]
            f.write(json.dumps({"doc": doc["doc"], "quotes": quotes}) + "\n")
    result = run(["eval", "speakers", "--pred", str(pred), "--polnear", str(shared / "polnear")])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if l.startswith("speaker:"))
    assert "gold_with_speaker=571 matched=571 accuracy=0.000" in line
    assert "abstention=1.0" in line
