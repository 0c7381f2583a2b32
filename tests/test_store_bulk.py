"""The bulk load (issue #12): a batch output into the store, equal to per-article ingest.

The batch outputs are written by ``tests/batch_output.py`` (the format of docs/batch-output.md)
from the bundled samples, extracted once, and from PolNeAR-like synthetic articles: recurring
speakers named in full, by surname, with roles, organisations and places, and the same statements
reported by several outlets (exact, re-punctuated, cut short, with an ellipsis, slightly edited).
Each test compares canonical dumps: which quotes share a speaker and which share a cluster, never
ids. PostgreSQL variants need ``QUOTH_TEST_PG``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from quoth.model import Article, Quote
from quoth.store import Store, StoreError
from quoth.store import bulk_write
from quoth.store.batch_input import is_batch_output
from quoth.store.bulk import bulk_load
from quoth.store.identity import CatalogueEntry
from tests.batch_output import write_batch
from tests.test_store import PG_SKIP, PG_URL, SEEDS, _reset_pg

pytestmark = pytest.mark.issue(12)


@pytest.fixture(params=["sqlite", "postgresql"])
def two_urls(request, tmp_path) -> tuple[str, str]:
    """Two empty stores of one backend: per-article ingest into the first, bulk load into the second."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'bulk.db'}"
    if not PG_URL:
        pytest.skip(PG_SKIP)
    return _reset_pg(PG_URL, "quoth_one"), _reset_pg(PG_URL, "quoth_bulk")


# --- synthetic PolNeAR-like articles ------------------------------------------------------------

PEOPLE = [
    ("Dmitry Peskov", "Kremlin spokesman"), ("Maria Zakharova", "Foreign Ministry spokeswoman"),
    ("Vladimir Putin", "President"), ("Hillary Clinton", "Democratic nominee"), ("Bill Clinton", "former President"),
    ("Donald Trump", "Republican candidate"), ("John Smith", "Senator"), ("Jane Smith", "Governor"),
    ("Sergei Lavrov", "Foreign Minister"), ("Volodymyr Zelenskyy", "President"), ("Mike Pence", "Governor"),
]
SPELLINGS = {"Sergei Lavrov": ["Sergey Lavrov"], "Volodymyr Zelenskyy": ["Volodymyr Zelensky"]}
ENTITIES = [("the Kremlin", "organisation"), ("Washington", "place"), ("Democrats", "group"),
            ("The Russian Foreign Ministry", "organisation")]
OUTLETS = ["TASS", "Reuters", "AP", "The Guardian", "Fox News", None]
WORDS = ("sanctions policy relations dialogue election campaign crisis border security economy treaty "
         "negotiations pressure partners interference cooperation region summit agreement future").split()


def _statements(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(7, 16))]
        out.append(("We believe that the " + " ".join(words)).capitalize() + " will matter")
    return out


def _variant(rng: random.Random, statement: str) -> str:
    words = statement.split()
    kind = rng.choice(["same", "same", "case", "cut", "ellipsis", "edit", "short"])
    if kind == "case":
        return statement.upper().replace("WE", "We", 1) + "!"
    if kind == "cut":
        return " ".join(words[2:])
    if kind == "ellipsis":
        half = len(words) // 2
        return " ".join(words[:half]) + " … " + " ".join(words[half + 1 :])
    if kind == "edit":
        i = rng.randrange(len(words))
        return " ".join(words[:i] + [rng.choice(WORDS)] + words[i + 1 :])
    if kind == "short":
        return " ".join(words[:4])
    return statement


def _mention(rng: random.Random, person: str, role: str) -> str:
    first, last = person.split(" ", 1)
    return rng.choice([person, person, f"{role} {person}", last, f"Mr. {last}", f"{first[0]}. {last}",
                       *SPELLINGS.get(person, [])])


def synthetic_articles(n: int = 40, seed: int = 12) -> list[Article]:
    rng = random.Random(seed)
    statements = _statements(rng, 25)
    owner = {s: rng.randrange(len(PEOPLE) + len(ENTITIES)) for s in statements}
    out = []
    for a in range(n):
        parts, quotes = [], []
        pos = 0

        def add(piece: str) -> int:
            nonlocal pos
            parts.append(piece)
            start = pos
            pos += len(piece)
            return start

        add(f"Headline number {a} about {rng.choice(WORDS)}\n\n")
        for _ in range(rng.randint(1, 7)):
            statement = rng.choice(statements)
            who = owner[statement] if rng.random() < 0.8 else rng.randrange(len(PEOPLE) + len(ENTITIES))
            text = _variant(rng, statement)
            if who < len(PEOPLE):
                person, role = PEOPLE[who]
                speaker = rng.choice([_mention(rng, person, role)] * 5 + [None, "he"])
                stype = rng.choice(["person", "person", None])
                srole = role if rng.random() < 0.3 else None
            else:
                speaker, stype = ENTITIES[who - len(PEOPLE)]
                srole = None
            start = add('"') + 1
            add(f"{text},\" {speaker or 'someone'} said. ")
            kind = "direct" if rng.random() < 0.7 else "indirect"
            quotes.append(Quote(content=[(start, start + len(text))], speaker=speaker, speaker_role=srole,
                                speaker_type=stype, type=kind, text=text,
                                said_on=f"2016-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" if rng.random() < 0.2 else None))
        body = "".join(parts)
        outlet = rng.choice(OUTLETS)
        meta = {"outlet": outlet} if outlet else {}
        if rng.random() < 0.3:
            meta["url"] = f"https://news.example/{a}"
        out.append(Article(text=body, doc=f"syn{a:03d}", path=f"/corpus/syn{a:03d}.txt", headline=(0, body.index("\n")),
                           published=f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", quotes=quotes, meta=meta))
    # the same article again (unchanged), and a new version of an earlier one (it replaces it)
    out.append(out[3])
    changed = out[5]
    out.append(Article(text=changed.text + " ", doc=changed.doc, path=changed.path, headline=changed.headline,
                       published=changed.published, quotes=changed.quotes[:1], meta=changed.meta))
    return out


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    """The bundled samples, extracted as `quoth ingest samples/` extracts them."""
    from quoth.pipeline import extract_document
    from quoth.reading import iter_paths, read_path

    return [extract_document(read_path(p)) for p in iter_paths([SEEDS.absolute()])]


@pytest.fixture(scope="module")
def articles(sample_articles) -> list[Article]:
    return sample_articles + synthetic_articles()


# --- comparing stores ---------------------------------------------------------------------------


def canonical(url: str) -> dict:
    """A store's content without ids: quotes with their speaker and cluster as partitions."""
    engine = sa.create_engine(url)
    with engine.connect() as c:
        arts = {r.id: r.key for r in c.execute(sa.text("SELECT id, key FROM articles"))}
        rows = c.execute(sa.text(
            "SELECT q.id, article_id, idx, text, speaker_id, speaker_name, speaker_role, speaker_type, type, date, "
            "q.cluster_id, o.name AS outlet, spans FROM quotes q LEFT JOIN outlets o ON o.id = q.outlet_id")).all()
        by_speaker: dict = {}
        by_cluster: dict = {}
        for r in rows:
            by_speaker.setdefault(r.speaker_id, set()).add((arts[r.article_id], r.idx))
            by_cluster.setdefault(r.cluster_id, set()).add((arts[r.article_id], r.idx))
        speaker_part = {sid: tuple(sorted(m)) for sid, m in by_speaker.items() if sid is not None}
        cluster_part = {cid: tuple(sorted(m)) for cid, m in by_cluster.items()}
        names = {r.id: (r.name, r.surname, r.type) for r in c.execute(sa.text("SELECT id, name, surname, type FROM speakers"))}
        quotes = sorted((
            (arts[r.article_id], r.idx, r.text, r.speaker_name, r.speaker_role, r.speaker_type, r.type, str(r.date),
             r.outlet, json.dumps(r.spans if isinstance(r.spans, dict) else json.loads(r.spans), sort_keys=True),
             names.get(r.speaker_id), speaker_part.get(r.speaker_id), cluster_part[r.cluster_id])
            for r in rows
        ), key=repr)
        aliases: dict = {}
        for r in c.execute(sa.text("SELECT speaker_id, alias, key, source FROM speaker_aliases")):
            aliases.setdefault(r.speaker_id, set()).add((r.alias, r.key, r.source))
        roles: dict = {}
        for r in c.execute(sa.text("SELECT speaker_id, role FROM speaker_roles")):
            roles.setdefault(r.speaker_id, set()).add(r.role)
        speakers = sorted(
            ((names[sid], speaker_part.get(sid, ()), sorted(aliases.get(sid, ())), sorted(roles.get(sid, ())))
             for sid in names), key=repr)
        clusters = sorted(((r.norm, r.text, names.get(r.speaker_id), cluster_part.get(r.id, ()))
                           for r in c.execute(sa.text("SELECT id, norm, text, speaker_id FROM clusters"))), key=repr)
        fps: dict = {}
        for r in c.execute(sa.text("SELECT fp, cluster_id FROM cluster_fingerprints")):
            fps.setdefault(cluster_part.get(r.cluster_id, ()), set()).add(r.fp)
        articles = sorted((
            (r.key, r.content_hash, r.doc, r.path, r.url, r.headline, str(r.published), r.text, r.outlet)
            for r in c.execute(sa.text(
                "SELECT a.key, content_hash, doc, path, url, headline, published, text, o.name AS outlet "
                "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"))
        ), key=repr)
        outlets = sorted((tuple(r) for r in c.execute(sa.text("SELECT name, key FROM outlets"))), key=repr)
    engine.dispose()
    return {"articles": articles, "quotes": quotes, "speakers": speakers, "clusters": clusters,
            "fingerprints": sorted(((k, sorted(v)) for k, v in fps.items()), key=repr), "outlets": outlets}


def assert_same_store(one: str, other: str) -> None:
    a, b = canonical(one), canonical(other)
    for part in a:
        assert a[part] == b[part], part
    with Store(one) as s1, Store(other) as s2:  # the full-text index too
        for word in ("sanctions", "dialogue", "security", "economy", "Crimea"):
            found = [sorted(((r["text"], r["speaker"]) for r in s.search(s.filters(word), limit=1000)), key=repr)
                     for s in (s1, s2)]
            assert found[0] == found[1], word


def quote_article(path: str, text: str, quote: str, speaker: str) -> Article:
    start = text.index(quote)
    return Article(text=text, path=path, quotes=[Quote(content=[(start, start + len(quote))], speaker=speaker,
                                                       type="direct", text=quote)])


def last_versions(articles: list[Article]) -> list[Article]:
    """The articles as a bulk load stores them: an article repeated later in the batch (same URL,
    else path) only in its last version."""
    def key(a: Article):
        return a.meta.get("url") or a.path or id(a)

    last = {key(a): i for i, a in enumerate(articles)}
    return [a for i, a in enumerate(articles) if last[key(a)] == i]


def ingest_one_by_one(url: str, articles: list[Article]) -> int:
    """Store.ingest each article in turn; how many quotes were stored."""
    with Store(url) as store:
        return sum(store.ingest(a)[1] for a in articles)


# --- the tests ----------------------------------------------------------------------------------


def test_bulk_load_equals_ingesting_one_by_one(two_urls, articles, tmp_path):
    one, bulk = two_urls
    stored_one_by_one = ingest_one_by_one(one, last_versions(articles))
    batch = write_batch(articles, tmp_path / "batch", per_part=9)
    with Store(bulk) as store:
        summary = bulk_load(store, batch, chunk_articles=7)
    assert (summary.added, summary.replaced, summary.unchanged, summary.failed) == (len(articles) - 2, 0, 2, 0)
    assert summary.quotes == stored_one_by_one
    assert_same_store(one, bulk)
    counts = canonical(bulk)
    assert len({q[-2] for q in counts["quotes"]}) < len(counts["quotes"])  # speakers recur across articles
    assert len({q[-1] for q in counts["quotes"]}) < len(counts["quotes"])  # statements recur across outlets


def test_bulk_load_into_a_store_with_history_equals_ingesting_one_by_one(two_urls, articles, tmp_path):
    """A catalogue, half the articles ingested before, a user's corrections: the bulk load of the
    rest decides as per-article ingest would."""
    from quoth.store import corrections as corr

    one, bulk = two_urls
    half = len(articles) // 2
    catalogue = [CatalogueEntry("Dmitry Peskov", ("Peskov", "Dmitri Peskov"), "Q4161533")]
    for url in two_urls:
        with Store(url) as store:
            store.apply_catalogue(catalogue)
            for a in articles[:half]:
                store.ingest(a)
            corr.rename(store, "Zakharova", "Maria V. Zakharova")
            corr.merge(store, "Smith", "Mike Pence")
    # "Smith" alone, with two Smiths named in full before: the user's merge decides (step 1)
    later = [*articles[half:], *(quote_article(f"/corpus/smith{i}.txt", f'"We will not give up on this," {who} said.',
                                               "We will not give up on this,", who)
                                 for i, who in enumerate(["John Smith", "Jane Smith", "Smith"]))]
    ingest_one_by_one(one, last_versions(later))
    batch = write_batch(later, tmp_path / "batch", per_part=5)
    with Store(bulk) as store:
        bulk_load(store, batch, chunk_articles=4)
    assert_same_store(one, bulk)


def test_bulk_load_again_changes_nothing(tmp_path, articles):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    batch = write_batch(articles, tmp_path / "batch")
    with Store(url) as store:
        bulk_load(store, batch)
        before = canonical(url)
        again = bulk_load(store, batch)
    assert (again.added, again.replaced, again.quotes) == (0, 0, 0)
    assert again.unchanged == len(articles)
    assert canonical(url) == before


def test_an_interrupted_bulk_load_leaves_whole_chunks_and_the_rerun_finishes(two_urls, articles, tmp_path, monkeypatch):
    one, bulk = two_urls
    new = [a for a in articles if a is not articles[-1]][:-1]  # no replacement: every chunk goes in bulk
    ingest_one_by_one(one, new)
    batch = write_batch(new, tmp_path / "batch")
    original = bulk_write.write_chunk
    calls = {"n": 0}

    def failing(conn, backend, rows):
        calls["n"] += 1
        original(conn, backend, rows)  # written, then the transaction fails before its commit
        if calls["n"] == 3:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(bulk_write, "write_chunk", failing)
    with Store(bulk) as store:
        with pytest.raises(StoreError, match="could not be stored: disk I/O error"):
            bulk_load(store, batch, chunk_articles=6)
    half = Store(bulk)
    stats = half.stats()
    half.close()
    assert stats["articles"] == 12  # two whole chunks
    partial = tmp_path / "partial.db"
    ingest_one_by_one(f"sqlite:///{partial}", new[:12])
    if bulk.startswith("sqlite"):
        assert canonical(bulk) == canonical(f"sqlite:///{partial}")
    monkeypatch.setattr(bulk_write, "write_chunk", original)
    with Store(bulk) as store:
        rerun = bulk_load(store, batch, chunk_articles=6)
    assert (rerun.unchanged, rerun.added) == (12, len(new) - 12)
    assert_same_store(one, bulk)


def test_malformed_rows_and_files_are_reported_and_the_load_goes_on(tmp_path, articles, capsys):
    batch = write_batch(articles[:10], tmp_path / "batch", per_part=5, errors=["/in/empty.txt"])
    part = batch / "articles" / "part-00000.parquet"
    table = pq.read_table(part)
    values = table.column("article_json").to_pylist()
    values[1] = "{not json"
    values[3] = json.dumps({"doc": "x", "quotes": []})  # no text
    pq.write_table(table.set_column(table.schema.get_field_index("article_json"), "article_json",
                                    pa.array(values, pa.string())), part)
    broken = batch / "articles" / "part-00002.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    (batch / "_partitions" / "part-00002.json").write_text("{}")
    (batch / "articles" / "part-00003.parquet").write_bytes((batch / "articles" / "part-00001.parquet").read_bytes())
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with Store(url) as store:
        summary = bulk_load(store, batch)
        stored = store.stats()["articles"]
    assert stored == 8 and summary.added == 8 and summary.failed == 3
    assert summary.errors[0] == f"{part}: row 2: malformed article_json (JSONDecodeError: Expecting property name " \
                                "enclosed in double quotes: line 1 column 2 (char 1))"
    assert summary.errors[1] == f"{part}: row 4: malformed article_json (ValueError: not an article object with its text)"
    assert summary.errors[2].startswith(f"{broken}: not a readable Parquet file (")
    assert all("\n" not in e for e in summary.errors)
    assert any("part-00003.parquet: partition not finished by the batch (no marker): skipped" in w for w in summary.warnings)
    assert any("1 documents the batch could not extract" in w for w in summary.warnings)


def test_manifest_options_are_recorded_as_ingest_records_them(tmp_path, articles):
    batch = write_batch(articles[2:4], tmp_path / "batch", model="accurate", options={"year_range": [2015, 2019]})
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with Store(url) as store:
        bulk_load(store, batch)
        with store.engine.connect() as c:
            metas = [r.meta for r in c.execute(sa.text("SELECT meta FROM articles"))]
    assert all(json.loads(m)["extraction"] == {"year_range": [2015, 2019], "model": "accurate"} for m in metas)


def test_cli_ingest_of_a_batch_output(tmp_path, articles):
    from quoth.cli import main

    batch = write_batch(articles, tmp_path / "batch")
    assert is_batch_output(batch) and not is_batch_output(SEEDS)
    db = tmp_path / "q.db"
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"sqlite:///{db}: {len(articles) - 2} added, 0 replaced, 2 unchanged, 0 failed" in result.output
    again = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(db)])
    assert f"0 added, 0 replaced, {len(articles)} unchanged, 0 failed; 0 quotes stored" in again.output


def test_a_bulk_load_into_postgresql_keeps_the_search_index(tmp_path, articles, monkeypatch):
    if not PG_URL:
        pytest.skip(PG_SKIP)
    from quoth.store import bulk

    url = _reset_pg(PG_URL)
    monkeypatch.setattr(bulk, "PG_DEFER_INDEX_QUOTES", 1)  # small loads defer the index too
    batch = write_batch(articles, tmp_path / "batch")
    with Store(url) as store:
        bulk_load(store, batch)
        with store.engine.connect() as c:
            assert c.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_quotes_search'").scalar() == 1
        store.ingest(Article(text="A new one.", path="/x.txt"))  # the sequences moved past the explicit ids
        assert store.search(store.filters("sanctions"))


def test_another_writer_between_chunks_is_seen(tmp_path, monkeypatch):
    """An article ingested by another process between two chunks: the next chunk reads the store
    again (before writing, not after a failed attempt), so the result is that of ingesting
    everything one by one in that order."""
    arts = synthetic_articles()[:40]
    other = quote_article("/corpus/other.txt", '"The sanctions policy will matter a great deal," Peskov said.',
                          "The sanctions policy will matter a great deal,", "Anna Peskova Peskov")
    one, bulk = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'bulk.db'}"
    ingest_one_by_one(one, [*arts[:6], other, *arts[6:]])
    batch = write_batch(arts, tmp_path / "batch")
    done = {"chunks": 0}

    def between(_summary):
        done["chunks"] += 1
        if done["chunks"] == 1:
            with Store(bulk) as writer:
                assert writer.ingest(other)[0] == "added"

    writes = []
    original = bulk_write.write_chunk
    monkeypatch.setattr(bulk_write, "write_chunk", lambda *a: writes.append(1) or original(*a))
    with Store(bulk) as store:
        bulk_load(store, batch, chunk_articles=6, on_chunk=between)
    assert len(writes) == 7  # 40 articles, 6 a chunk: no chunk written twice
    assert_same_store(one, bulk)


def test_cli_extraction_options_do_not_apply_to_a_batch_output(tmp_path, articles):
    from quoth.cli import main

    batch = write_batch(articles[:3], tmp_path / "batch")
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(tmp_path / "q.db"), "--published", "2020-01-01"])
    assert result.exit_code == 0, result.output
    assert "warning: --published, --year-range and --model do not apply to a batch output" in result.output
    assert "3 added" in result.output


def test_an_empty_batch_output_loads_nothing(tmp_path):
    batch = write_batch([], tmp_path / "batch")
    with Store(f"sqlite:///{tmp_path / 'q.db'}") as store:
        summary = bulk_load(store, batch)
        assert (summary.inputs, summary.quotes, store.stats()["articles"]) == (0, 0, 0)


KILL_SCRIPT = """
import sys, time
from pathlib import Path
from quoth.store import Store, bulk_write
from quoth.store.bulk import bulk_load

write = bulk_write.write_chunk
def slow(conn, backend, rows):  # most of the time is spent inside chunk transactions
    write(conn, backend, rows)
    time.sleep(0.3)
bulk_write.write_chunk = slow
with Store(sys.argv[1]) as store:
    bulk_load(store, Path(sys.argv[2]), chunk_articles=4)
"""


def test_kill_9_mid_bulk_load_then_rerun_equals_one_by_one(two_urls, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    one, bulk = two_urls
    arts = synthetic_articles()[:40]
    ingest_one_by_one(one, arts)
    batch = write_batch(arts, tmp_path / "batch")
    Store(bulk).close()  # created before the loader starts, so it can be watched
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, bulk, str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    engine = sa.create_engine(bulk)
    deadline, stored = time.monotonic() + 120, 0
    while time.monotonic() < deadline and proc.poll() is None and stored < 8:
        with engine.connect() as c:
            stored = c.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with engine.connect() as c:
        partial = c.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        per_article = dict(c.exec_driver_sql(
            "SELECT a.path, count(q.id) FROM articles a LEFT JOIN quotes q ON q.article_id = a.id GROUP BY a.path").all())
        if bulk.startswith("sqlite"):  # the full-text trigger, dropped inside each chunk, is there
            assert c.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'quotes_ai'").scalar() == 1
    engine.dispose()
    assert 8 <= partial < len(arts) and partial % 4 == 0  # whole chunks only
    assert per_article == {a.path: len(a.quotes) for a in arts[:partial]}
    with Store(bulk) as store:
        rerun = bulk_load(store, batch)
    assert (rerun.unchanged, rerun.added) == (partial, len(arts) - partial)
    assert_same_store(one, bulk)


def test_cli_reports_a_malformed_row_and_stores_the_rest(tmp_path, articles):
    from quoth.cli import main

    batch = write_batch(articles[:4], tmp_path / "batch")
    part = batch / "articles" / "part-00000.parquet"
    table = pq.read_table(part)
    values = table.column("article_json").to_pylist()
    values[2] = json.dumps({"text": "x", "quotes": [{"content": [[0]]}]})
    pq.write_table(table.set_column(table.schema.get_field_index("article_json"), "article_json",
                                    pa.array(values, pa.string())), part)
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {part}: row 3: malformed article_json (ValueError: not enough values to unpack "
                      "(expected 2, got 1))"]
    assert "3 added, 0 replaced, 0 unchanged, 1 failed" in result.output


def test_quoth_batch_then_ingest_equals_ingesting_the_articles(tmp_path):
    """The two halves of issue #12 together: `quoth batch` on the samples, then `quoth ingest` of
    its output, gives the store that `quoth ingest` of the sample files gives."""
    from quoth.batch import run_batch
    from quoth.cli import main

    out = tmp_path / "batch"
    run_batch([SEEDS], out, workers=1)
    one, other = f"sqlite:///{tmp_path}/batch.db", f"sqlite:///{tmp_path}/files.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(out), "--db", one, "--silent"]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(SEEDS), "--db", other, "--silent"]).exit_code == 0
    a, b = canonical(one), canonical(other)
    assert a["quotes"] and a["quotes"] == b["quotes"] and a["speakers"] == b["speakers"]
    assert a["clusters"] == b["clusters"]
