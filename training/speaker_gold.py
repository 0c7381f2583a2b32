"""The speaker gold set: PolNeAR dev attributions whose source is a pronoun or a description,
with the person (or named organisation) it refers to, resolved by a human reader.

Two steps:

``python training/speaker_gold.py worksheet``
    lists every dev gold attribution whose source is a pronoun ("he", "they", "who") or a
    description ("the Republican nominee", "a campaign spokesman", "experts") into
    ``training/data/speaker_gold_worksheet.jsonl``, one line per attribution with the paragraph
    around its source. Readers fill in ``speaker`` (the fullest name the article gives the
    referent) or ``unresolvable`` (generic, indefinite, or not identifiable from the article).
    The filled answers live in ``training/data/speaker_gold_dev.tsv``.

``python training/speaker_gold.py build``
    joins those answers with the PolNeAR gold spans into ``src/quoth/data/speaker_gold_dev.json``,
    the official scorer's ``--gold-format json`` file, which ``quoth eval speakers`` scores.

The answers are written by reading the articles, never from quoth's own output: the set measures
quoth, so it cannot be made by it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quoth.polnear import read_split  # noqa: E402

WORKSHEET = ROOT / "training" / "data" / "speaker_gold_worksheet.jsonl"
ANSWERS = ROOT / "training" / "data" / "speaker_gold_dev.tsv"
GOLD = ROOT / "src" / "quoth" / "data" / "speaker_gold_dev.json"

PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "that", "his", "her",
            "their", "its", "me", "him", "them", "us", "whom", "whose"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
               "that", "these", "those", "some", "many", "most", "several", "one", "two",
               "both", "other", "another", "each", "few", "no", "all", "any"}
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def source_kind(text: str) -> str | None:
    """``pronoun``, ``description`` or None (a name) for a source's text.

    A description is headed by a common noun: "the Republican nominee", "a spokesman",
    "experts"; "The Post" and "Clinton's campaign" are names (the first is capitalised
    throughout, the second starts with one).
    """
    words = WORD.findall(text)
    if not words:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if words[-1][0].islower() and (first in DETERMINERS or words[0][0].islower()):
        return "description"
    return None


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph holding ``[start, end)``, with the span marked ``[[...]]``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]


def worksheet(root: Path) -> int:
    rows = []
    for doc in read_split(root, "dev"):
        for index, attribution in enumerate(doc.attributions):
            if not attribution.source:
                continue
            s, e = attribution.source[0][0], attribution.source[-1][1]
            source = " ".join(doc.text[a:b] for a, b in attribution.source)
            kind = source_kind(source)
            if kind is None:
                continue
            rows.append({"doc": doc.name, "index": index, "kind": kind, "source": source,
                         "source_span": [s, e], "context": paragraph_around(doc.text, s, e)})
    WORKSHEET.parent.mkdir(parents=True, exist_ok=True)
    with open(WORKSHEET, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def read_answers(path: Path = ANSWERS) -> dict[tuple[str, int], dict]:
    """``(doc, index) -> {"speaker": str|None, "unresolvable": bool}`` from the answers TSV."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            speaker = row["speaker"].strip()
            unresolvable = speaker.upper() == "UNRESOLVABLE"
            out[(row["doc"], int(row["index"]))] = {
                "speaker": None if unresolvable or not speaker else speaker,
                "unresolvable": unresolvable,
            }
    return out


def build(root: Path) -> tuple[int, int]:
    answers = read_answers()
    docs = []
    resolved = unresolvable = 0
    for doc in read_split(root, "dev"):
        quotes = []
        for index, attribution in enumerate(doc.attributions):
            answer = answers.get((doc.name, index))
            if answer is None:
                continue
            resolved += answer["speaker"] is not None
            unresolvable += answer["unresolvable"]
            quotes.append({"id": f"{doc.name}#{index}", "content": attribution.content,
                           "source": attribution.source, "cue": attribution.cue, **answer})
        if quotes:
            docs.append({"doc": doc.name, "text_file": f"dev/text/{doc.name}.txt", "quotes": quotes})
    GOLD.write_text(json.dumps(docs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return resolved, unresolvable


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["worksheet", "build"])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "polnear")
    args = parser.parse_args(argv)
    if args.step == "worksheet":
        print(f"{worksheet(args.polnear)} candidate attributions -> {WORKSHEET}")
    else:
        resolved, unresolvable = build(args.polnear)
        print(f"{resolved} resolved, {unresolvable} unresolvable -> {GOLD}")


if __name__ == "__main__":
    main()
