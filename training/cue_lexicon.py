"""Learn quoth's cue lexicon from PolNeAR train: how often each word is an attribution cue.

For every token of the training articles (parsed with the same spaCy pipeline quoth runs), count
how often its ``lemma|POS`` lies inside a gold cue span, and how often it occurs at all; also for
tokens that have a clausal complement (``ccomp``), where a saying verb is most reliable. The
extractor keeps the entries whose cue rate clears a threshold chosen on dev.

    python training/cue_lexicon.py --polnear ../shared/polnear --out src/quoth/data/cues.tsv

Deterministic: same data, same pipeline, same file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from quoth.nlp import lemma, load_nlp
from quoth.polnear import read_split

MIN_COUNT = 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default="../shared/polnear")
    ap.add_argument("--split", default="train")
    ap.add_argument("--out", default="src/quoth/data/cues.tsv")
    args = ap.parse_args()
    nlp = load_nlp()
    docs = read_split(Path(args.polnear), args.split)
    total: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    total_c: Counter[str] = Counter()
    cue_c: Counter[str] = Counter()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8)):
        inside = set()
        for a in gold.attributions:
            for s, e in a.cue or []:
                inside.update(range(s, e))
        for tok in doc:
            if tok.is_punct or tok.is_space:
                continue
            key = f"{lemma(tok).lower()}|{tok.pos_}"
            is_cue = tok.idx in inside
            total[key] += 1
            cue[key] += is_cue
            if any(c.dep_ == "ccomp" for c in tok.children):
                total_c[key] += 1
                cue_c[key] += is_cue
    rows = []
    for key, n in total.items():
        if cue[key] >= MIN_COUNT:
            rows.append((key, cue[key], n, cue_c[key], total_c[key]))
    rows.sort(key=lambda r: (-r[1], r[0]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("key\tcue\ttotal\tcue_with_ccomp\ttotal_with_ccomp\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} entries -> {args.out}")


if __name__ == "__main__":
    main()
