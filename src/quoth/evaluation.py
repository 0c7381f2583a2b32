"""Measuring quoth against PolNeAR with the official scorer (``../shared/polnear/score.py``).

The scorer is run as it is shipped, in a subprocess, on the predictions quoth writes: the figures
are the ones anyone re-running the command gets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quoth.errors import UsageError
from quoth.extraction.quotemarks import find_quotes
from quoth.model import Article, quote_to_json
from quoth.pipeline import extract


def default_polnear_root() -> Path:
    """``../shared/polnear`` beside the checkout (or the working directory)."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared" / "polnear"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "polnear"


def polnear_view(article: Article) -> list[dict]:
    """The article's attributions as PolNeAR annotates them.

    PolNeAR does not annotate attributions made inside a quotation (40 of its 19,831 train
    attributions have their cue inside quotation marks), while quoth reports them as nested
    attributions (``parent``). For scoring, those are left out; nothing else is changed.
    """
    pieces = [p for q in find_quotes(article.text) for p in q.pieces]
    out = []
    for quote in article.quotes:
        if quote.cue is not None and any(s < quote.cue[0] < e for s, e in pieces):
            continue
        out.append(quote_to_json(quote))
    return out


def predict_split(root: Path, split: str, out: Path, progress=None, model: str = "fast") -> int:
    """Run the extraction over ``root/split/text`` and write the scorer's JSONL to ``out``."""
    text_dir = Path(root) / split / "text"
    if not text_dir.is_dir():
        raise UsageError(f"{text_dir}: no PolNeAR text folder here; give --polnear PATH to the PolNeAR folder")
    paths = sorted(text_dir.glob("*.txt"))
    with open(out, "w", encoding="utf-8") as f:
        for path in paths:
            with open(path, encoding="utf-8", newline="") as t:
                text = t.read()
            article = extract(text, doc=path.stem, model=model)
            f.write(json.dumps({"doc": path.stem, "quotes": polnear_view(article)}) + "\n")
            if progress is not None:
                progress(1)
    return len(paths)


def score_dict(root: Path, split: str, predictions: Path) -> dict:
    """The official scorer's ``--json`` figures as a dict."""
    out = score(root, split, predictions, as_json=True)
    return json.loads(out[: out.rindex("}") + 1])


def score(root: Path, split: str, predictions: Path, as_json: bool = False) -> str:
    """The official scorer's output (its table, or its ``--json`` dict as text)."""
    return _run_scorer(root, ["--gold-dir", str(Path(root) / split)], predictions, as_json)


# Hand-resolved speakers of 851 PolNeAR dev attributions whose source is a pronoun or a
# description ("he", "the Republican nominee"): ``training/speaker_gold.py`` says how it was made.
SPEAKER_GOLD = Path(__file__).parent / "data" / "speaker_gold_dev.json"


def score_speakers(root: Path, predictions: Path, as_json: bool = False) -> str:
    """The official scorer on the speaker gold set (``--gold-format json``): its ``speaker:`` line
    is the speaker accuracy over the gold attributions the predictions found."""
    args = ["--gold-format", "json", "--gold", str(SPEAKER_GOLD), "--text-dir", str(root)]
    return _run_scorer(root, args, predictions, as_json)


def speaker_scores(root: Path, predictions: Path) -> dict:
    """:func:`score_speakers` as the scorer's JSON dict."""
    out = score_speakers(root, predictions, as_json=True)
    return json.loads(out[: out.rindex("}") + 1])


def score_gold(root: Path, gold: Path, text_dir: Path, predictions: Path, as_json: bool = False) -> str:
    """The official scorer on a gold set in ANNOTATING.md's JSON format (``quoth eval gold``)."""
    args = ["--gold-format", "json", "--gold", str(gold), "--text-dir", str(text_dir)]
    return _run_scorer(root, args, predictions, as_json)


def _run_scorer(root: Path, gold_args: list[str], predictions: Path, as_json: bool) -> str:
    scorer = Path(root) / "score.py"
    if not scorer.is_file():
        raise UsageError(f"{scorer}: the official scorer is missing; give --polnear PATH")
    cmd = [sys.executable, str(scorer), *gold_args, "--pred", str(predictions)]
    if as_json:
        cmd.append("--json")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UsageError(f"{scorer} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout
