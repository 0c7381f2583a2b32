"""quoth batch (issue 12): the same output as quoth extract, in Parquet partitions, on a process
pool and on Spark in local mode; reruns skip what is written; bad records land in errors/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quoth.batch import run_batch
from quoth.batch.output import ARTICLES_SCHEMA, ERRORS_SCHEMA, QUOTES_SCHEMA
from quoth.cli import main
from quoth.errors import UsageError
from quoth.model import article_from_json
from tests.archives import warc_records, write_jsonl, write_warc

pytestmark = pytest.mark.issue(12)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Two article files, a WARC with a truncated last record, a JSONL export with bad lines."""
    root = tmp_path_factory.mktemp("inputs")
    articles = root / "articles"
    articles.mkdir()
    for path in sorted((REPO / "samples").glob("*.txt")):
        shutil.copy(path, articles / path.name)
    warc = root / "crawl.warc.gz"
    offsets = write_warc(warc, warc_records() * 2)
    data = warc.read_bytes()
    warc.write_bytes(data[: offsets[-1] + (len(data) - offsets[-1]) // 2])
    export = write_jsonl(root / "export.jsonl")
    return [articles, warc, export]


@pytest.fixture(scope="module")
def extracted(inputs) -> dict[str, dict]:
    """quoth extract's JSON (with text) on the same inputs, by path."""
    result = CliRunner().invoke(main, ["extract", *map(str, inputs), "--format", "json", "--silent"])
    assert result.exit_code == 1, result.output  # the bad records
    return {record["path"]: record for record in json.loads(result.stdout)}


def read_table(out: Path, table: str) -> list[dict]:
    rows = []
    for part in sorted((out / table).glob("part-*.parquet")):
        rows.extend(pq.read_table(part).to_pylist())
    return rows


def check_output(out: Path, extracted: dict[str, dict], inputs: list[Path]) -> None:
    """The batch output is quoth extract's: the same articles (JSON) and quotes, the same failures."""
    articles = read_table(out, "articles")
    assert {row["path"]: json.loads(row["article_json"]) for row in articles} == extracted
    assert len({row["doc_id"] for row in articles}) == len(articles)
    quotes = read_table(out, "quotes")
    by_doc: dict[str, list] = {}
    for row in sorted(quotes, key=lambda r: (r["doc_id"], r["idx"])):
        by_doc.setdefault(row["doc_id"], []).append({k: v for k, v in row.items() if k not in ("doc_id", "idx")})
    for row in articles:
        assert by_doc.get(row["doc_id"], []) == json.loads(row["article_json"])["quotes"]
        rebuilt = article_from_json(json.loads(row["article_json"]))
        assert rebuilt.text == row["text"] and len(rebuilt.quotes) == row["quotes"]
    errors = read_table(out, "errors")
    warc, export = str(inputs[1]), str(inputs[2])
    assert sorted(e["source"] for e in errors if e["input"] == export) == [f"{export}:{n}" for n in (2, 3, 5)]
    broken = [e for e in errors if e["input"] == warc]
    assert len(broken) == 1 and broken[0]["kind"] == "BrokenRecord" and broken[0]["source"].startswith(f"{warc}@")
    assert all(e["reason"].startswith(e["source"]) for e in errors)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["format"] == "quoth-batch" and manifest["schema_version"] == 1
    for p in manifest["partitions"]:
        marker = json.loads((out / "_partitions" / f"{p['name']}.json").read_text())
        assert marker["name"] == p["name"]
        for table, schema in (("articles", ARTICLES_SCHEMA), ("quotes", QUOTES_SCHEMA), ("errors", ERRORS_SCHEMA)):
            assert pq.read_schema(out / table / f"{p['name']}.parquet").equals(schema, check_metadata=False)


def test_local_batch_equals_extract_and_reruns_skip(inputs, extracted, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(inputs, out, workers=2, split_bytes=1500, files_per_partition=1, progress=False)
    warc_parts = [m for m in json.loads((out / "_manifest.json").read_text())["partitions"] if m["kind"] == "warc"]
    assert len(warc_parts) > 1  # the WARC was split in byte ranges
    assert summary.partitions == len(list((out / "_partitions").glob("*.json")))
    assert summary.documents == len(extracted) and summary.errors == 4
    assert summary.skipped_records["request"] == 2
    check_output(out, extracted, inputs)

    # a rerun does nothing; a partition whose marker is gone (a crash before it) is redone alone
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_batch(inputs, out, workers=2, split_bytes=1500, files_per_partition=1, progress=False)
    assert again.skipped_partitions == again.partitions and again.documents == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == written
    (out / "_partitions" / "part-00000.json").unlink()
    redo = run_batch(inputs, out, workers=1, split_bytes=1500, files_per_partition=1, progress=False)
    assert redo.skipped_partitions == redo.partitions - 1
    check_output(out, extracted, inputs)


def test_a_rerun_with_other_options_is_refused(inputs, tmp_path):
    out = tmp_path / "out"
    run_batch([inputs[2]], out, workers=1, progress=False)
    with pytest.raises(UsageError, match="other model"):
        run_batch([inputs[2]], out, workers=1, model="accurate", progress=False)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(UsageError, match="not empty"):
        run_batch([inputs[2]], tmp_path / "full", workers=1, progress=False)


@pytest.mark.parametrize("options", [{"published": "31/05/2017"}, {"year_range": (2019, 2015)}])
def test_bad_options_stop_the_job_before_it_starts(inputs, tmp_path, options):
    with pytest.raises(UsageError):
        run_batch([inputs[2]], tmp_path / "out", workers=1, progress=False, **options)
    assert not (tmp_path / "out").exists()


def test_the_command_reports_progress_and_failures(inputs, tmp_path, capfd):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs[2]), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1, result.output
    # the worker process writes its progress line to the real stderr
    assert "quoth batch: part-00000 written: 3 documents, 5 quotes, 3 errors" in capfd.readouterr().err
    assert "3 document(s)" in result.stderr and "3 failed (see errors/)" in result.stderr


def _java() -> bool:
    try:
        return subprocess.run(["java", "-version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _java(), reason="java -version fails: the Spark engine needs Java (.ci/run installs it)")
def test_spark_local_mode_equals_extract(inputs, extracted, tmp_path):
    pytest.importorskip("pyspark")
    out = tmp_path / "out"
    summary = run_batch(inputs, out, engine="spark", master="local[2]", progress=False)
    assert summary.documents == len(extracted) and summary.errors == 4
    check_output(out, extracted, inputs)
