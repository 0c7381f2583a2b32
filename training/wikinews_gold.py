"""Rebuild ``gold/wikinews/gold.json`` from the readers' decisions in ``gold/wikinews/decisions/``.

The gold set was made by reading the articles (``gold/wikinews/texts/``, English Wikinews, CC BY
2.5), never by correcting quoth's output, following ``../shared/ANNOTATING.md``. Each decision
names its spans by short strings of the article rather than by offsets, so that a reviewer can read
the decisions line by line and the file can be rebuilt exactly:

    A("“We are committed to keeping our border safe.”", cue="said", source="Nancy Pelosi",
      speaker="Nancy Pelosi")

How a string is found:

- ``content`` (a string, or a tuple of strings for a content in pieces) must occur exactly once in
  the article; where it does not, write a longer context with the span in square brackets,
  ``"Trump [said] on Friday"``, or add ``after="..."``: a unique string the content follows.
- ``cue`` and ``source`` are looked for in the paragraph of the content, the occurrence nearest to
  the content (for the source: nearest to the cue) is taken; brackets choose within a context.
- Brackets are never part of the text, so a literal ``[`` in an article is written ``[[``.

Run ``python training/wikinews_gold.py`` to rebuild; it fails, naming the decision, when a string
is missing or ambiguous, and lists speaker strings that look like the same person written two ways.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "gold" / "wikinews"


@dataclass
class A:
    """One attribution as a reader decided it (see the module docstring for how strings are found)."""

    content: str | tuple[str, ...]
    cue: str | None = None
    source: str | None = None
    speaker: str | None = None
    said_on: str | None = None
    after: str | None = None
    note: str = ""
    origin: str = field(default="", repr=False)


class GoldError(ValueError):
    pass


def _pattern(spec: str) -> tuple[str, int, int]:
    """A spec with an optional ``[span]`` inside context: (context, start, end) of the span."""
    literal = spec.replace("[[", "\x00")
    if "[" in literal:
        start = literal.index("[")
        end = literal.index("]", start)
        context = literal[:start] + literal[start + 1:end] + literal[end + 1:]
        return context.replace("\x00", "["), start, end - 1
    literal = literal.replace("\x00", "[")
    return literal, 0, len(literal)


def _occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    found, at = [], text.find(needle, lo, hi)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1, hi)
    return found


def _unique(text: str, spec: str, lo: int, what: str) -> tuple[int, int]:
    context, s, e = _pattern(spec)
    hits = _occurrences(text, context, lo)
    if len(hits) != 1:
        raise GoldError(f"{what} {spec!r}: {len(hits)} occurrences" + (" after the anchor" if lo else ""))
    return hits[0] + s, hits[0] + e


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _nearest(text: str, spec: str, anchor: tuple[int, int], what: str) -> tuple[int, int]:
    context, s, e = _pattern(spec)
    lo, hi = _paragraph(text, anchor[0])
    hits = _occurrences(text, context, lo, hi)
    if not hits:
        raise GoldError(f"{what} {spec!r}: not in the content's paragraph")

    def distance(at: int) -> int:
        span = (at + s, at + e)
        if span[1] <= anchor[0]:
            return anchor[0] - span[1]
        if span[0] >= anchor[1]:
            return span[0] - anchor[1]
        return 0

    best = min(hits, key=distance)
    return best + s, best + e


def resolve(text: str, a: A) -> dict:
    """The gold record of one decision: spans as offsets into ``text``."""
    pieces = (a.content,) if isinstance(a.content, str) else tuple(a.content)
    lo = _unique(text, a.after, 0, "after")[1] if a.after else 0
    spans = []
    for piece in pieces:
        if spans or a.after:
            context, s, e = _pattern(piece)
            at = text.find(context, spans[-1][1] if spans else lo)
            if at == -1:
                raise GoldError(f"content piece {piece!r}: not found after the previous piece")
            spans.append((at + s, at + e))
        else:
            spans.append(_unique(text, piece, 0, "content"))
    whole = (spans[0][0], spans[-1][1])
    if _paragraph(text, whole[0]) != _paragraph(text, max(whole[0], whole[1] - 1)):
        raise GoldError(f"content {pieces[0][:40]!r}: crosses a paragraph")
    cue = _nearest(text, a.cue, whole, "cue") if a.cue else None
    source = _nearest(text, a.source, cue or whole, "source") if a.source else None
    record = {
        "content": [list(sp) for sp in spans] if len(spans) > 1 else list(spans[0]),
        "cue": list(cue) if cue else None,
        "source": list(source) if source else None,
        "speaker": a.speaker,
    }
    if a.said_on:
        record["said_on"] = a.said_on
    if a.speaker is None:
        record["unresolvable"] = True  # the scorer counts abstention on these
    return record


def load_decisions(folder: Path = GOLD_DIR / "decisions") -> dict[str, list[A]]:
    """Every decision file's ``DECISIONS`` ({article stem: [A, ...]}), merged."""
    merged: dict[str, list[A]] = {}
    sys.modules.setdefault("wikinews_gold", sys.modules[__name__])
    for path in sorted(folder.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"wikinews_decisions_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for stem, decisions in module.DECISIONS.items():
            if stem in merged:
                raise GoldError(f"{path.name}: {stem} is decided in another file too")
            for a in decisions:
                a.origin = path.name
            merged[stem] = decisions
    return merged


def _surname_clashes(records: list[dict]) -> list[str]:
    """Speaker strings sharing a last word but written differently: check they are two people."""
    by_last: dict[str, set[str]] = {}
    for doc in records:
        for q in doc["quotes"]:
            for name in (q["speaker"] or "").split("|")[:1]:
                if name:
                    by_last.setdefault(name.split()[-1].lower(), set()).add(name)
    return [f"{last}: {sorted(names)}" for last, names in sorted(by_last.items()) if len(names) > 1]


def build(texts: Path = GOLD_DIR / "texts", decisions: Path = GOLD_DIR / "decisions") -> tuple[list[dict], list[str]]:
    records, errors = [], []
    for stem, items in sorted(load_decisions(decisions).items()):
        path = texts / f"{stem}.txt"
        if not path.exists():
            errors.append(f"{stem}: no such text")
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        quotes = []
        for n, a in enumerate(items):
            try:
                quotes.append(resolve(text, a))
            except GoldError as err:
                errors.append(f"{a.origin} {stem} #{n}: {err}")
        records.append({"doc": stem, "text_file": f"{stem}.txt", "quotes": quotes})
    return records, errors


def _show(record: dict) -> None:
    with open(GOLD_DIR / "texts" / record["text_file"], encoding="utf-8", newline="") as handle:
        text = handle.read()

    def cut(span):
        if span is None:
            return None
        pieces = span if isinstance(span[0], list) else [span]
        return " | ".join(text[s:e] for s, e in pieces)

    for n, q in enumerate(record["quotes"]):
        print(f"#{n} [{q['speaker']}] {q.get('said_on') or ''}\n   content: {cut(q['content'])}\n"
              f"   cue: {cut(q['cue'])!r}  source: {cut(q['source'])!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=GOLD_DIR / "gold.json")
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    parser.add_argument("--show", metavar="STEM", help="print the spans found for one article's decisions")
    args = parser.parse_args(argv)
    records, errors = build()
    if args.show:
        _show(next(r for r in records if r["doc"] == args.show))
        args.check = True
    for line in errors:
        print(line, file=sys.stderr)
    for line in _surname_clashes(records):
        print(f"same surname, different strings: {line}", file=sys.stderr)
    n = sum(len(r["quotes"]) for r in records)
    print(f"{len(records)} articles, {n} attributions, {len(errors)} errors", file=sys.stderr)
    if errors:
        return 1
    if not args.check:
        args.out.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
