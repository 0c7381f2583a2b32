"""Reading PolNeAR (brat standoff) into plain records: for training, evaluation and analysis.

Layout (``../shared/polnear/README.md``): ``SPLIT/text/NAME.txt`` and
``SPLIT/attributions/NAME_ANNOTATOR.ann``; the annotator id that sorts first is the gold one,
as in the official scorer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Pieces = list[tuple[int, int]]
_ITEM = re.compile(r"^[TERAMN#*]\d*\t")


@dataclass
class GoldAttribution:
    content: Pieces
    source: Pieces | None = None
    cue: Pieces | None = None


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _pieces(offsets: str) -> Pieces:
    out = []
    for piece in offsets.split(";"):
        s, e = piece.split()
        out.append((int(s), int(e)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file, read as the official scorer reads them.

    A line that does not start a new item continues the previous one (span text may hold a
    newline); numbered roles (``Content2``) add pieces to their role.
    """
    items: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if _ITEM.match(line) or not items:
            items.append(line)
        else:
            items[-1] += "\n" + line
    spans: dict[str, Pieces] = {}
    events: list[list[tuple[str, str]]] = []
    for item in items:
        if item.startswith("T"):
            tid, rest = item.split("\t", 1)
            head = rest.partition("\t")[0]
            spans[tid] = _pieces(head.partition(" ")[2])
        elif item.startswith("E"):
            args = [a.partition(":") for a in item.partition("\t")[2].split()]
            events.append([(re.sub(r"\d+$", "", role).lower(), tid) for role, _, tid in args])
    out = []
    for args in events:
        roles: dict[str, Pieces] = {}
        for role, tid in args:
            if tid in spans:
                roles.setdefault(role, []).extend(spans[tid])
        if roles.get("content"):
            out.append(GoldAttribution(sorted(roles["content"]), _sorted(roles.get("source")), _sorted(roles.get("cue"))))
    return out


def _sorted(pieces: Pieces | None) -> Pieces | None:
    return sorted(pieces) if pieces else None


def read_split(root: Path, split: str) -> list[GoldDoc]:
    """Every document of ``root/split`` with its gold attributions, sorted by name."""
    base = Path(root) / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, _, _annotator = ann.stem.rpartition("_")
        anns.setdefault(name, ann)
    docs = []
    for txt in sorted((base / "text").glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        gold = read_ann(anns[txt.stem]) if txt.stem in anns else []
        docs.append(GoldDoc(txt.stem, text, gold))
    return docs
