"""Issue 12, section 4: a long document is extracted as its parts are (correctness at scale, not a
timing test: benchmarks/long_doc.py measures the time), and shows its progress."""

from __future__ import annotations

import io

from click.testing import CliRunner

import quoth
from quoth import progress as progress_module
from quoth.cli import main
from quoth.progress import LONG_DOCUMENT_CHARS, StderrProgress, progress_for

# Self-contained paragraphs: every person is named in full before "he" or a surname stands for them.
UNIT = (
    "Russian President Vladimir Putin met Joe Biden in Geneva on Monday for talks on arms control.\n\n"
    "\"We had a useful meeting,\" Putin told reporters after the talks. \"Nobody wants a new arms race.\"\n\n"
    "Biden said that the two sides would meet again in the autumn, according to a White House statement.\n\n"
    "The Kremlin spokesman, Dmitry Peskov, said the summit had been constructive. He added that no date was set.\n\n"
    "According to the State Department, the talks would continue in Vienna.\n\n"
)


def _relative(quote, shift: int, first: int):
    """A quote's fields with offsets (and its parent's index) taken from its copy's start."""
    def moved(span):
        return None if span is None else (span[0] - shift, span[1] - shift)

    return ([moved(p) for p in quote.content], moved(quote.cue), moved(quote.source), quote.type, quote.text,
            quote.speaker, quote.speaker_role, quote.speaker_type,
            None if quote.parent is None else quote.parent - first)


def test_a_300_kb_document_of_repeated_paragraphs_attributes_each_copy_as_one_copy_alone():
    one = quoth.extract(UNIT)
    assert len(one.quotes) == 6 and {q.speaker for q in one.quotes} >= {"Vladimir Putin", "Dmitry Peskov"}
    copies = 300_000 // len(UNIT) + 1
    events = []
    many = quoth.extract(UNIT * copies, progress=lambda stage, done, total: events.append((stage, done, total)))
    assert len(many.text) >= 300_000
    expected = [_relative(q, 0, 0) for q in one.quotes]
    assert len(many.quotes) == copies * len(expected)
    for k in range(copies):
        shift = k * len(UNIT)
        found = [(i, q) for i, q in enumerate(many.quotes) if shift <= q.start < shift + len(UNIT)]
        first = found[0][0]
        assert [_relative(q, shift, first) for _, q in found] == expected, f"copy {k}"
    # the progress hook heard the parse, batch by batch, then each later stage once, in order
    parse = [e for e in events if e[0] == "parse"]
    assert len(parse) > 10 and parse[-1][1] == parse[-1][2] and [d for _, d, _ in parse] == sorted(d for _, d, _ in parse)
    assert [e[0] for e in events if e[0] != "parse"] == ["attributions", "speakers", "dates", "done"]


def test_progress_only_for_long_documents_on_a_terminal_or_when_asked():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert progress_for("a", LONG_DOCUMENT_CHARS, stream=Tty()) is None  # not long
    assert progress_for("a", LONG_DOCUMENT_CHARS + 1, stream=io.StringIO()) is None  # not a terminal
    assert isinstance(progress_for("a", LONG_DOCUMENT_CHARS + 1, stream=Tty()), StderrProgress)
    stream = io.StringIO()
    report = progress_for("big.txt", LONG_DOCUMENT_CHARS + 1, forced=True, stream=stream)
    report("parse", 64, 128)
    report("speakers", 0, 1)
    report("done", 1, 1)
    written = stream.getvalue()
    assert "big.txt: parse 64/128 paragraphs" in written and "big.txt: speakers" in written
    assert written.endswith("\n") and "extracted in" in written


def test_quoth_extract_progress_goes_to_stderr_and_leaves_the_output_alone(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(UNIT * 3, encoding="utf-8")
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    plain = runner.invoke(main, ["extract", str(path)])
    monkeypatch.setattr(progress_module, "LONG_DOCUMENT_CHARS", 100)  # "long" for this test
    shown = runner.invoke(main, ["extract", "--progress", str(path)])
    assert plain.exit_code == shown.exit_code == 0
    assert shown.stdout == plain.stdout
    assert "long.txt: parse" in shown.stderr and "extracted in" in shown.stderr
    assert "parse" not in plain.stderr


def test_the_benchmark_builds_documents_of_the_size_asked_from_real_articles():
    """benchmarks/long_doc.py (run by hand, prints figures): its documents are real articles,
    joined by blank lines, cut to the size asked (repeated when the folder is smaller)."""
    import importlib.util
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("long_doc_benchmark", repo / "benchmarks" / "long_doc.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    samples = repo / "samples"
    first = sorted(samples.glob("*.txt"))[0].read_text(encoding="utf-8").strip()
    text = bench.long_document(50_000, samples)
    assert len(text) == 50_000 and text.startswith(first) and "\n\n" in text
    row = bench.format_row({"chars": 400_000, "quotes": 12, "seconds": 20.0, "cpu": 16.0,
                            "base_rss": 325 << 20, "peak_rss": 400 << 20})
    assert row.split() == ["400,000", "12", "20.0", "16.0", "25,000", "325", "400"]
