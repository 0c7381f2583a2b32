"""Measuring quoth against a gold set of one's own (``quoth eval gold FILE``), on real news.

PolNeAR is one newspaper's convention; a gold set made by reading other news (``gold/wikinews/``,
following ``../shared/ANNOTATING.md``) tells whether the record holds up elsewhere. Two measures:

- **within articles**, the official scorer on the set (``score.py --gold-format json``): attribution
  F1, direct-quote recall, speaker accuracy (strict: the whole name, not only the surname);
- **across articles**, identity: the set is ingested into a fresh store, every gold attribution the
  extraction found is paired with its stored quote (the scorer's pairing: content token Jaccard at
  least 0.5), and the store's speaker ids are scored against the gold speaker strings with B-cubed
  precision and recall. A store speaker holding two gold people is a *wrong merge* (the error a
  fact-checker cannot afford); a gold person spread over several store speakers is a *split*.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from quoth.errors import UsageError
from quoth.model import Article, quote_to_json
from quoth.pipeline import extract

# The official scorer's word tokens: punctuation never counts.
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
JACCARD_MIN = 0.5


def text_folder(path: Path, text_dir: Path | None = None) -> Path:
    """Where a gold file's ``text_file`` paths are: ``text_dir``, else ``texts/`` beside the file,
    else the file's folder."""
    path = Path(path)
    if text_dir:
        return Path(text_dir)
    return path.parent / "texts" if (path.parent / "texts").is_dir() else path.parent


def read_gold(path: Path, text_dir: Path | None = None) -> tuple[list[dict], dict[str, str]]:
    """The gold records and each document's text (see :func:`text_folder`)."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: not a readable gold JSON file ({e})") from None
    if isinstance(records, dict):
        records = records.get("docs", [records])
    base = text_folder(path, text_dir)
    texts: dict[str, str] = {}
    for record in records:
        file = base / (record.get("text_file") or record["doc"] + ".txt")
        try:
            with open(file, encoding="utf-8", newline="") as handle:
                texts[record["doc"]] = handle.read()
        except OSError as e:
            raise UsageError(f"{file}: gold text missing ({e.strerror}); give --text-dir") from None
    return records, texts


def predict(texts: dict[str, str], model: str = "fast", progress=None) -> dict[str, Article]:
    """quoth's extraction of every gold document (the same call ``quoth extract`` makes)."""
    articles = {}
    for doc, text in texts.items():
        articles[doc] = extract(text, doc=doc, path=f"{doc}.txt", model=model)
        if progress is not None:
            progress(1)
    return articles


def write_predictions(articles: dict[str, Article], out: Path) -> None:
    """The scorer's JSONL: every attribution, nested ones included (the gold annotates them)."""
    with open(out, "w", encoding="utf-8") as handle:
        for doc, article in articles.items():
            handle.write(json.dumps({"doc": doc, "quotes": [quote_to_json(q) for q in article.quotes]}) + "\n")


# --- identity across articles ------------------------------------------------------------------


def _tokens(text: str, pieces) -> frozenset[int]:
    """Word-token start offsets covered (at least half) by the pieces, as the scorer counts them."""
    if pieces and isinstance(pieces[0], int):
        pieces = [pieces]
    out = set()
    for s, e in pieces or []:
        for m in _TOKEN.finditer(text, max(0, s - 40), e + 40):
            inside = min(m.end(), e) - max(m.start(), s)
            if inside * 2 >= m.end() - m.start() and inside > 0:
                out.add(m.start())
    return frozenset(out)


def pair(text: str, gold: list[dict], predicted: list[list[tuple[int, int]]]) -> dict[int, int]:
    """Gold index -> predicted index, greedy one-to-one by content Jaccard >= 0.5 (the scorer's rule)."""
    g_toks = [_tokens(text, g["content"]) for g in gold]
    p_toks = [_tokens(text, p) for p in predicted]
    candidates = []
    for gi, g in enumerate(g_toks):
        for pi, p in enumerate(p_toks):
            inter = len(g & p)
            if inter:
                j = inter / (len(g) + len(p) - inter)
                if j >= JACCARD_MIN:
                    candidates.append((-j, gi, pi))
    candidates.sort()
    used_p: set[int] = set()
    pairs: dict[int, int] = {}
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used_p:
            pairs[gi] = pi
            used_p.add(pi)
    return pairs


@dataclass
class IdentityReport:
    """B-cubed scores of store speakers against gold speakers, with the errors listed."""

    items: int = 0
    precision: float = 0.0
    recall: float = 0.0
    wrong_merges: list[dict] = field(default_factory=list)
    splits: list[dict] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"items": self.items, "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "wrong_merges": self.wrong_merges, "splits": self.splits}

    def table(self) -> str:
        lines = [f"identity (B-cubed over {self.items} found attributions with a gold speaker): "
                 f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                 f"wrong_merges={len(self.wrong_merges)} splits={len(self.splits)}"]
        for m in self.wrong_merges:
            people = "; ".join(f"{name} ({n})" for name, n in m["gold"].items())
            lines.append(f"  wrong merge: store speaker {m['speaker_id']} {m['name']!r} holds {people}")
        for s in self.splits:
            parts = "; ".join(f"{name!r} ({n})" for name, n in s["store"].items())
            lines.append(f"  split: {s['gold']} is {parts}")
        return "\n".join(lines)


def bcubed(gold_labels: list[str], store_labels: list[object]) -> tuple[float, float]:
    """B-cubed precision and recall of one clustering (store) against another (gold)."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_store: dict[object, list[int]] = defaultdict(list)
    for i, (g, s) in enumerate(zip(gold_labels, store_labels)):
        by_gold[g].append(i)
        by_store[s].append(i)
    p = r = 0.0
    for g, s in zip(gold_labels, store_labels):
        both = sum(1 for j in by_store[s] if gold_labels[j] == g)
        p += both / len(by_store[s])
        r += both / len(by_gold[g])
    n = len(gold_labels)
    return (p / n, r / n) if n else (0.0, 0.0)


def _gold_people(records: list[dict]) -> dict[str, str]:
    """Gold speaker string -> one label per party: strings sharing any ``|`` alternative
    ("Volodymyr Zelensky|Volodymyr Zelenskyy" and "Volodymyr Zelenskyy") are one party."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    strings = {q["speaker"] for r in records for q in r["quotes"] if q.get("speaker")}
    for string in strings:
        names = [n.strip() for n in string.split("|") if n.strip()]
        for name in names[1:]:
            parent[find(name)] = find(names[0])
    return {string: find(string.split("|")[0].strip()) for string in strings}


def identity(records: list[dict], texts: dict[str, str], articles: dict[str, Article]) -> IdentityReport:
    """Ingest the articles into a fresh in-memory store and score its speaker ids (see module doc)."""
    from quoth.store import Store
    from quoth.store.schema import quotes as quotes_table, speakers as speakers_table
    import sqlalchemy as sa

    store = Store("sqlite://")
    stored: dict[str, dict[int, int | None]] = {}
    for doc in sorted(articles):
        store.ingest(articles[doc])
    with store.engine.connect() as conn:
        from quoth.store.schema import articles as articles_table

        rows = conn.execute(
            sa.select(articles_table.c.doc, quotes_table.c.idx, quotes_table.c.speaker_id).join(
                articles_table, articles_table.c.id == quotes_table.c.article_id
            )
        )
        for doc, idx, sid in rows:
            stored.setdefault(doc, {})[idx] = sid
        names = {r.id: r.name for r in conn.execute(sa.select(speakers_table.c.id, speakers_table.c.name))}
    store.close()

    canonical = _gold_people(records)
    gold_labels: list[str] = []
    store_labels: list[object] = []
    for record in records:
        doc = record["doc"]
        article = articles.get(doc)
        if article is None:
            continue
        golds = record["quotes"]
        pairs = pair(texts[doc], golds, [q.content for q in article.quotes])
        for gi, pi in pairs.items():
            speaker = golds[gi].get("speaker")
            if not speaker:
                continue
            if pi not in stored.get(doc, {}):
                continue  # a phrase the record leaves out (quoth.store.rows.recorded)
            sid = stored[doc][pi]
            gold_labels.append(canonical[speaker])
            store_labels.append(sid if sid is not None else ("none", doc, pi))
    precision, recall = bcubed(gold_labels, store_labels)
    report = IdentityReport(items=len(gold_labels), precision=precision, recall=recall)
    by_store: dict[object, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_gold: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g, s in zip(gold_labels, store_labels):
        by_store[s][g] += 1
        by_gold[g][names.get(s, "(no speaker)") if isinstance(s, int) else "(no speaker)"] += 1
    for s, people in by_store.items():
        if isinstance(s, int) and len(people) > 1:
            report.wrong_merges.append({"speaker_id": s, "name": names.get(s), "gold": dict(people)})
    for g, parts in by_gold.items():
        if len([name for name in parts if name != "(no speaker)"]) > 1:
            report.splits.append({"gold": g, "store": dict(parts)})
    return report
