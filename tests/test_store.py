"""The quote store (issue #4), run against SQLite and against a real PostgreSQL.

PostgreSQL variants need ``QUOTH_TEST_PG`` (``source .ci/postgres.sh`` sets it; CI does) and are
skipped with that reason otherwise. Articles are built by hand here; the end-to-end tests over the
seeds run the real pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoth.errors import UsageError
from quoth.model import Article, Quote
from quoth.store import Store, StoreError, UnknownSpeaker
from quoth.store.identity import CatalogueEntry
from quoth.store.schema import articles

pytestmark = pytest.mark.issue(4)

# the seed articles, bundled in samples/ (the same files as ../shared/seeds): no ../shared needed
SEEDS = Path(__file__).resolve().parents[1] / "samples"
PG_URL = os.environ.get("QUOTH_TEST_PG")
PG_SKIP = "QUOTH_TEST_PG is not set: run `source .ci/postgres.sh` to test on PostgreSQL"


def _reset_pg(url: str, database: str | None = None) -> str:
    """Empty the test database (or create ``database`` beside it) and return its URL."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if database is None:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        else:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
    engine.dispose()
    if database is None:
        return url
    return sa.make_url(url).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'quoth.db'}"
    if not PG_URL:
        pytest.skip(PG_SKIP)
    return _reset_pg(PG_URL)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


def make_article(path, text, quotes=(), *, outlet="TASS", published="2016-11-09", url=None):
    """An Article whose quotes are given as (content text, speaker, role, type, said_on) tuples;
    each content span is found in ``text``."""
    qs = []
    for item in quotes:
        content, speaker, role, qtype, said_on = (tuple(item) + (None, None, None, None))[:5]
        start = text.index(content)
        qs.append(
            Quote(
                content=[(start, start + len(content))],
                speaker=speaker,
                speaker_role=role,
                type=qtype or "direct",
                said_on=said_on,
                text=content,
            )
        )
    meta = {"outlet": outlet} if outlet else {}
    if url:
        meta["url"] = url
    return Article(text=text, path=path, doc=Path(path).stem, published=published, quotes=qs, meta=meta)


def quote_article(path, content, speaker, *, role=None, outlet="TASS", published="2016-11-09", **kw):
    text = f'{speaker or "Someone"} said: "{content}" The end.'
    return make_article(path, text, [(content, speaker, role)], outlet=outlet, published=published, **kw)


SANCTIONS = "This is not our issue. This is the issue of those countries that imposed the sanctions."


def dump(url: str) -> dict:
    """The store's content without ids or timestamps, for comparing two stores."""
    engine = sa.create_engine(url)
    with engine.connect() as c:
        arts = {r.id: r.key for r in c.execute(sa.text("SELECT id, key FROM articles"))}
        speakers = {r.id: r.name for r in c.execute(sa.text("SELECT id, name FROM speakers"))}
        rows = c.execute(
            sa.text("SELECT article_id, idx, text, speaker_id, speaker_name, speaker_role, date, cluster_id FROM quotes")
        ).all()
        members: dict = {}
        for r in rows:
            members.setdefault(r.cluster_id, []).append((arts[r.article_id], r.idx))
        cluster_name = {cid: min(m) for cid, m in members.items()}
        quotes = sorted(
            (arts[r.article_id], r.idx, r.text, speakers.get(r.speaker_id), r.speaker_name, r.speaker_role,
             str(r.date), cluster_name[r.cluster_id])
            for r in rows
        )
        articles = sorted(tuple(r) for r in c.execute(sa.text("SELECT key, content_hash, text, published FROM articles")))
        aliases = sorted(
            (speakers[r.speaker_id], r.alias, r.source)
            for r in c.execute(sa.text("SELECT speaker_id, alias, source FROM speaker_aliases"))
        )
        n_clusters = c.execute(sa.text("SELECT count(*) FROM clusters")).scalar()
    engine.dispose()
    return {"articles": articles, "quotes": quotes, "aliases": aliases, "clusters": n_clusters}


# --- schema and migrations --------------------------------------------------------------------


def test_migrations_build_the_schema_the_code_describes(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from quoth.store.schema import metadata

    def include(obj, name, type_, reflected, compare_to):
        # Backend-specific search structures live only in the migration (schema.py says why).
        if type_ == "table" and (name.startswith("quotes_fts") or name == "alembic_version"):
            return False
        if type_ == "column" and name == "search":
            return False
        if type_ == "index" and name == "ix_quotes_search":
            return False
        return True

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": True})
        diffs = compare_metadata(ctx, metadata)
    assert diffs == []
    assert store.revision() == "0002"


def test_reopening_migrates_nothing_and_keeps_data(db_url):
    with Store(db_url) as s:
        s.ingest(quote_article("a.txt", SANCTIONS, "Dmitry Peskov"))
    with Store(db_url) as s:
        assert s.stats()["quotes"] == 1
    with Store(db_url, create=False) as s:
        assert s.stats()["articles"] == 1


def test_sqlite_store_runs_in_wal_mode(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Store(url) as s:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_readers_query_while_a_write_is_open(db_url):
    writer = Store(db_url)
    writer.ingest(quote_article("a.txt", SANCTIONS, "Dmitry Peskov"))
    reader = Store(db_url, create=False)
    b = quote_article("b.txt", "We will win this fight for sure.", "Jane Doe")
    with writer._write() as conn:  # an ingest transaction in flight
        row = dict(key="path:b.txt", content_hash="x", text=b.text, meta={}, ingested_at=datetime(2020, 1, 1))
        article_id = conn.execute(articles.insert().values(**row)).inserted_primary_key[0]
        writer._insert_quotes(conn, b, article_id, None, None)
        assert reader.stats()["quotes"] == 1  # not blocked, and sees only committed work
        assert len(reader.search(reader.filters("sanctions"))) == 1
    assert reader.stats()["quotes"] == 2
    reader.close()
    writer.close()


# --- ingest: idempotence, replacement, atomicity ----------------------------------------------


def test_ingesting_the_same_article_again_changes_nothing(store, db_url):
    a = quote_article("a.txt", SANCTIONS, "Dmitry Peskov")
    assert store.ingest(a) == ("added", 1)
    before = dump(db_url)
    assert store.ingest(a) == ("unchanged", 0)
    assert dump(db_url) == before
    assert store.stats()["articles"] == 1


def test_a_changed_article_replaces_its_quotes(store):
    store.ingest(quote_article("a.txt", SANCTIONS, "Dmitry Peskov"))
    store.ingest(quote_article("b.txt", "Crimea is one of Russian regions, we say.", "Dmitry Peskov"))
    new = quote_article("a.txt", "We expect a dialogue with the new administration soon.", "Maria Zakharova")
    assert store.ingest(new) == ("replaced", 1)
    stats = store.stats()
    assert (stats["articles"], stats["quotes"], stats["speakers"], stats["clusters"]) == (2, 2, 2, 2)
    assert store.search(store.filters("sanctions")) == []
    assert [r["speaker"] for r in store.search(store.filters("dialogue"))] == ["Maria Zakharova"]


def test_replacement_drops_speakers_only_the_old_version_had(store):
    store.ingest(quote_article("a.txt", SANCTIONS, "Dmitry Peskov"))
    store.ingest(quote_article("a.txt", SANCTIONS, "Maria Zakharova"))
    assert [s["name"] for s in store.speakers()] == ["Maria Zakharova"]
    with pytest.raises(UnknownSpeaker):
        store.filters(speaker="Peskov")


def test_same_url_is_the_same_article_whatever_the_path(store):
    store.ingest(quote_article("copy1.html", SANCTIONS, "Dmitry Peskov", url="https://tass.com/1"))
    status, _ = store.ingest(quote_article("copy2.html", SANCTIONS + " ", "Dmitry Peskov", url="https://tass.com/1"))
    assert status == "replaced"
    assert store.stats()["articles"] == 1


def test_an_article_is_stored_whole_or_not_at_all(store, db_url, monkeypatch):
    store.ingest(quote_article("a.txt", SANCTIONS, "Dmitry Peskov"))
    before = dump(db_url)
    text = 'Jane Doe said "We will win this." John Roe said "We will lose this one."'
    bad = make_article("b.txt", text, [("We will win this.", "Jane Doe"), ("We will lose this one.", "John Roe")])
    calls = {"n": 0}
    original = Store._cluster_id

    def failing(self, conn, norm, text, sid):
        calls["n"] += 1
        if calls["n"] == 2:  # the second quote: the first is already written in this transaction
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        return original(self, conn, norm, text, sid)

    monkeypatch.setattr(Store, "_cluster_id", failing)
    with pytest.raises(StoreError, match="b.txt: could not be stored: disk I/O error"):
        store.ingest(bad)
    assert dump(db_url) == before  # no article, no quote, no speaker, no cluster from b.txt
    monkeypatch.setattr(Store, "_cluster_id", original)
    assert store.ingest(bad) == ("added", 2)


CRASH_SCRIPT = textwrap.dedent(
    """
    import re, sys, time
    from quoth.model import Article, Quote
    from quoth.store import Store
    from quoth.store.db import Store as S

    slow = S._cluster_id
    def _slow(self, *a):  # most of the time is spent inside article transactions
        time.sleep(0.01)
        return slow(self, *a)
    S._cluster_id = _slow

    def extract(doc):
        quotes = []
        for m in re.finditer(r'(\\w+(?: \\w+)?) said "([^"]+)"', doc.text):
            quotes.append(Quote(content=[m.span(2)], speaker=m.group(1), text=m.group(2), type="direct"))
        return Article(text=doc.text, path=doc.path, doc=doc.doc, published="2017-01-0" + doc.doc[-1],
                       quotes=quotes, meta=doc.meta)

    store = Store(sys.argv[1])
    summary = store.ingest_paths(sys.argv[2:], extract=extract)
    print(summary.added, summary.unchanged, summary.failed)
    """
)


def _write_corpus(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    names = ["Dmitry Peskov", "Peskov", "Jane Doe", "Maria Zakharova", "Zakharova"]
    for i in range(n):
        lines = [
            f'{names[(i + j) % len(names)]} said "Statement {j} of article {i % 7} about sanctions and talks." '
            for j in range(12)
        ]
        (folder / f"art{i:03d}.txt").write_text("".join(lines), encoding="utf-8")
    return [str(p) for p in sorted(folder.glob("*.txt"))]


def _run_ingest(url: str, files: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CRASH_SCRIPT, url, *files], capture_output=True, text=True, timeout=300)


def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(db_url, tmp_path, request):
    files = _write_corpus(tmp_path / "corpus", 24)
    if db_url.startswith("sqlite"):
        clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    else:
        clean_url = _reset_pg(PG_URL, "quoth_test_clean")
    assert _run_ingest(clean_url, files).returncode == 0

    proc = subprocess.Popen([sys.executable, "-c", CRASH_SCRIPT, db_url, *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    engine = sa.create_engine(db_url)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with engine.connect() as c:
                stored = c.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        except sa.exc.SQLAlchemyError:  # not created yet
            stored = 0
        if stored >= 5:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with engine.connect() as c:
        partial = c.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        per_article = c.exec_driver_sql(
            "SELECT a.id, count(q.id) FROM articles a LEFT JOIN quotes q ON q.article_id = a.id GROUP BY a.id"
        ).all()
    engine.dispose()
    assert 5 <= partial < len(files)
    assert all(n == 12 for _, n in per_article)  # whole articles only

    rerun = _run_ingest(db_url, files)
    assert rerun.returncode == 0, rerun.stderr
    added, unchanged, failed = map(int, rerun.stdout.split())
    assert (added + unchanged, unchanged, failed) == (len(files), partial, 0)
    assert dump(db_url) == dump(clean_url)


# --- speakers ---------------------------------------------------------------------------------


def test_one_speaker_many_names(store):
    forms = ["Peskov", "Dmitry Peskov", "Dmitry S. Peskov", "Kremlin spokesman Dmitry Peskov"]
    for i, form in enumerate(forms):
        store.ingest(quote_article(f"{i}.txt", f"Statement number {i} on the sanctions today.", form,
                                   published=f"2016-11-1{i}"))
    (peskov,) = store.speakers()
    assert peskov["name"] == "Peskov" or peskov["name"].startswith("Dmitry")
    assert peskov["quotes"] == 4
    assert set(peskov["aliases"]) | {peskov["name"]} == {"Peskov", "Dmitry Peskov", "Dmitry S. Peskov"}
    assert peskov["roles"] == [{"role": "Kremlin spokesman", "first": "2016-11-13", "last": "2016-11-13", "quotes": 1}]
    assert (peskov["first"], peskov["last"]) == ("2016-11-10", "2016-11-13")
    for alias in forms + ["D. Peskov"]:
        assert store.filters(speaker=alias).speaker_ids == [peskov["id"]]


def test_a_surname_alone_first_is_taken_over_by_the_full_name(store):
    store.ingest(quote_article("1.txt", "First statement about the talks.", "Peskov"))
    store.ingest(quote_article("2.txt", "Second statement about the talks.", "Dmitry Peskov"))
    (peskov,) = store.speakers()
    assert peskov["name"] == "Dmitry Peskov" and peskov["aliases"] == ["Peskov"] and peskov["quotes"] == 2


def test_people_sharing_a_surname_stay_apart_unless_evidence_joins_them(store):
    store.ingest(quote_article("1.txt", "I did not have anything to do with it.", "Bill Clinton", role="former president"))
    store.ingest(quote_article("2.txt", "We will fight for every vote in Ohio.", "Hillary Clinton", role="Democratic nominee"))
    store.ingest(quote_article("3.txt", "Ohio is the key to this race, friends.", "Clinton", role="the Democratic nominee"))
    store.ingest(quote_article("4.txt", "Nobody knows who said this one.", "Clinton"))
    people = {s["name"]: s for s in store.speakers()}
    assert set(people) == {"Bill Clinton", "Hillary Clinton", "Clinton"}
    assert people["Hillary Clinton"]["quotes"] == 2  # the role joined "Clinton" to her
    assert people["Bill Clinton"]["quotes"] == 1
    assert people["Clinton"]["quotes"] == 1  # no evidence: kept apart from both
    assert len(store.filters(speaker="Hillary Clinton").speaker_ids) == 1


def test_a_surname_joins_the_full_name_of_the_same_article(store):
    store.ingest(quote_article("1.txt", "I did not have anything to do with it.", "Bill Clinton"))
    text = 'Hillary Clinton said "We will win Ohio." Later Clinton said "And Florida too, we hope."'
    store.ingest(make_article("2.txt", text, [("We will win Ohio.", "Hillary Clinton"), ("And Florida too, we hope.", "Clinton")]))
    people = {s["name"]: s["quotes"] for s in store.speakers()}
    assert people == {"Hillary Clinton": 2, "Bill Clinton": 1}


def test_a_catalogue_overrides_and_merges(store):
    store.ingest(quote_article("1.txt", "Russia will respond to any sanctions firmly.", "Vladimir Putin"))
    store.ingest(quote_article("2.txt", "We never interfere in elections abroad.", "Mr. Putin"))
    store.ingest(quote_article("3.txt", "The economy has adapted to the sanctions.", "Vladimir Vladimirovich"))
    entries = [CatalogueEntry("Vladimir Putin", ("Putin", "Vladimir Vladimirovich"), "Q7747")]
    # "Vladimir Putin" (with "Mr. Putin", the only Putin) and "Vladimir Vladimirovich" were two
    assert store.apply_catalogue(entries) == {"entries": 1, "merged": 2}
    (putin,) = store.speakers()
    assert (putin["name"], putin["wikidata"], putin["quotes"]) == ("Vladimir Putin", "Q7747", 3)
    store.ingest(quote_article("4.txt", "Later words from the president himself.", "President Putin"))
    assert [s["quotes"] for s in store.speakers()] == [4]
    assert store.apply_catalogue(entries) == {"entries": 1, "merged": 0}  # re-applying is a no-op


# --- clusters ---------------------------------------------------------------------------------


def test_one_statement_many_reports(store):
    reports = [
        ("tass.txt", "TASS", "2016-11-09", SANCTIONS),
        ("rt.txt", "RT", "2016-11-08", "this is not our issue - this is the issue of those countries that imposed the sanctions"),
        ("bbc.txt", "BBC", "2016-11-10", "This is the issue of those countries that imposed the sanctions"),  # truncated
        ("cnn.txt", "CNN", "2016-11-11", "This is not our issue … those countries that imposed the sanctions"),  # ellipsis
        ("ap.txt", "AP", "2016-11-12", "This is not our problem. This is the issue of those countries which imposed the sanctions."),
    ]
    for path, outlet, published, text in reports:
        store.ingest(quote_article(path, text, "Dmitry Peskov", outlet=outlet, published=published))
    store.ingest(quote_article("other.txt", "Crimea is one of Russian regions, it is our position.", "Dmitry Peskov"))
    store.ingest(quote_article("echo.txt", SANCTIONS, "Maria Zakharova", outlet="RIA"))  # another speaker
    assert store.stats()["clusters"] == 3
    first = store.search(store.filters("sanctions", speaker="Peskov"))
    assert {r["cluster"] for r in first} == {first[0]["cluster"]}
    assert first[0]["occurrences"] == 5
    cluster = store.cluster(first[0]["cluster"])
    assert cluster["earliest"] == "2016-11-08"
    assert cluster["outlets"] == ["AP", "BBC", "CNN", "RT", "TASS"]
    assert len(cluster["occurrences"]) == 5
    assert cluster["text"] == SANCTIONS  # the first of the longest versions represents the statement


def test_a_short_common_phrase_does_not_make_a_cluster(store):
    store.ingest(quote_article("1.txt", "We will see.", "Jane Doe"))
    store.ingest(quote_article("2.txt", "We will see what happens with the new tax plan.", "Jane Doe"))
    assert store.stats()["clusters"] == 2


# --- search, filters, timeline, stats, export ------------------------------------------------


@pytest.fixture
def filled(store):
    data = [
        ("a1", "TASS", "2016-03-01", "Dmitry Peskov", "direct", "Sanctions are counterproductive for everyone involved."),
        ("a2", "Reuters", "2016-11-09", "Kremlin spokesman Dmitry Peskov", "indirect", "the sanctions had been imposed over Crimea"),
        ("a3", "Reuters", "2017-02-01", "Hillary Clinton", "direct", "We will keep the sanctions until Russia changes course."),
        ("a4", "TASS", "2017-05-20", "Peskov", "direct", "Talks about sanctions are premature at this stage."),
        ("a5", "BBC", "2017-05-21", "Jane Doe", "direct", "The weather in Moscow is fine today, nothing to add."),
    ]
    for path, outlet, published, speaker, qtype, content in data:
        text = f"{speaker} said: {content} End."
        store.ingest(make_article(f"{path}.txt", text, [(content, speaker, None, qtype)], outlet=outlet, published=published))
    return store


def test_search_ranks_filters_and_highlights(filled):
    s = filled
    rows = s.search(s.filters("sanction"))
    assert len(rows) == 4 and all("<mark>" in r["highlight"] for r in rows)
    assert rows[0]["score"] >= rows[-1]["score"]
    assert [r["date"] for r in s.search(s.filters("sanctions", speaker="Peskov"), sort="earliest")] == [
        "2016-03-01", "2016-11-09", "2017-05-20"]
    assert [r["date"] for r in s.search(s.filters("sanctions", since="2016-11", until="2017"), sort="latest")] == [
        "2017-05-20", "2017-02-01", "2016-11-09"]
    assert [r["speaker"] for r in s.search(s.filters("sanctions", outlet="reuters", type="direct"))] == ["Hillary Clinton"]
    row = s.search(s.filters("weather"))[0]
    assert row["highlight"] == "The <mark>weather</mark> in Moscow is fine today, nothing to add."
    assert (row["outlet"], row["speaker"], row["type"], row["path"]) == ("BBC", "Jane Doe", "direct", "a5.txt")
    assert len(s.search(s.filters("sanctions"), limit=2)) == 2
    assert [r["id"] for r in s.search(s.filters("sanctions"), limit=2, offset=3)] == [rows[3]["id"]]


@pytest.mark.parametrize(
    "query",
    ['"', "sanctions OR weather", "NEAR(sanctions weather)", "sanc*", "-sanctions", "'; DROP TABLE quotes; --",
     "sanctions) OR (1=1", "col:sanctions", "^sanctions", "sanctions AND", "a & b | !c <-> d"],
)
def test_user_queries_are_never_syntax(filled, query):
    rows = filled.search(filled.filters(query)) if any(ch.isalnum() for ch in query) else None
    if rows is not None:
        for r in rows:
            assert "sanction" in r["text"].lower() or "weather" in r["text"].lower() or "drop" in r["text"].lower()
    assert filled.stats()["quotes"] == 5


def test_or_is_a_word_unless_raw(filled):
    assert filled.search(filled.filters("weather OR premature")) == []
    assert len(filled.search(filled.filters("weather OR premature", raw=True))) == 2


def test_malformed_raw_query_is_a_usage_error(filled):
    if filled.backend == "postgresql":
        pytest.skip("websearch_to_tsquery accepts any text")
    with pytest.raises(UsageError, match="not valid full-text syntax"):
        filled.search(filled.filters('"unbalanced', raw=True))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"since": "2016-13"}, "--since '2016-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"until": "last week"}, "--until 'last week' is not a date"),
        ({"since": "2017", "until": "2016"}, "--since 2017 is after --until 2016"),
        ({"speaker": "Putin"}, "Unknown speaker 'Putin'"),
        ({"speaker": "Dmitri Peskow"}, "Did you mean: Dmitry Peskov?"),
        ({"outlet": "Pravda"}, "Unknown outlet 'Pravda'. Known outlets: BBC, Reuters, TASS"),
    ],
)
def test_bad_filters_say_what_is_wrong(filled, kwargs, message):
    with pytest.raises(UsageError) as e:
        filled.filters("sanctions", **kwargs)
    assert message in str(e.value)


def test_timeline_counts_every_month(filled):
    rows = filled.timeline(filled.filters(speaker="Dmitry Peskov"))
    assert rows[0] == {"month": "2016-03", "quotes": 1}
    assert rows[-1] == {"month": "2017-05", "quotes": 1}
    assert len(rows) == 15 and sum(r["quotes"] for r in rows) == 3
    about = filled.timeline(filled.filters("crimea", speaker="Peskov"))
    assert about == [{"month": "2016-11", "quotes": 1}]


def test_stats(filled):
    stats = filled.stats()
    assert {k: stats[k] for k in ("articles", "quotes", "speakers", "outlets", "first", "last")} == {
        "articles": 5, "quotes": 5, "speakers": 3, "outlets": 3, "first": "2016-03-01", "last": "2017-05-21"}


def test_export_keeps_offsets_into_the_article_text(filled):
    rows = list(filled.export(filled.filters(), batch=2))
    assert len(rows) == 5
    with filled.engine.connect() as conn:
        texts = dict(conn.execute(sa.text("SELECT id, text FROM articles")).all())
    for r in rows:
        (start, end), = r["spans"]["content"]
        assert texts[r["article_id"]][start:end] == r["text"]  # character offsets!
    assert [r["speaker"] for r in filled.export(filled.filters("sanctions", speaker="Clinton"))] == ["Hillary Clinton"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200))
def test_any_text_round_trips_through_the_store(store, text):
    article = make_article(f"h/{abs(hash(text))}.txt", "«" + text + "»", [(text, "Jane Doe")])
    article.quotes[0].content = [(1, 1 + len(text))]  # (the text may hold "«" itself: not where index() finds it)
    store.ingest(article)
    row = next(r for r in store.export(store.filters()) if r["path"] == article.path)
    assert row["text"] == text
    assert row["spans"]["content"] == [[1, 1 + len(text)]]


# --- the commands ---------------------------------------------------------------------------


@pytest.fixture
def cli():
    """``quoth`` itself once its commands are registered, else a group with just the store's."""
    try:
        from quoth.cli import main

        if "search" in main.commands:
            return main
    except ImportError:
        pass
    import click

    from quoth.store.commands import register

    @click.group()
    def group():
        pass

    register(group)
    return group


def run(cli, *args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def _pipeline_or_skip():
    try:
        from quoth.pipeline import extract_document  # noqa: F401
    except ImportError as e:
        pytest.skip(f"quoth.pipeline.extract_document is not importable yet: {e}")


def test_cli_ingest_the_seeds_then_query(cli, db_url):
    _pipeline_or_skip()
    result = run(cli, "ingest", SEEDS, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert "2 added, 0 replaced, 0 unchanged, 0 failed" in result.stderr
    stats = json.loads(run(cli, "stats", "--db", db_url, "--format", "json").stdout)
    assert stats["articles"] == 2 and stats["quotes"] > 10 and stats["speakers"] >= 1
    again = run(cli, "ingest", SEEDS, "--db", db_url)
    assert again.exit_code == 0
    assert "0 added, 0 replaced, 2 unchanged, 0 failed; 0 quotes stored" in again.stderr
    assert json.loads(run(cli, "stats", "--db", db_url, "--format", "json").stdout) == stats
    peskov = run(cli, "search", "sanctions", "--speaker", "Peskov", "--db", db_url, "--format", "jsonl")
    assert peskov.exit_code == 0
    rows = [json.loads(line) for line in peskov.stdout.splitlines()]
    assert rows and all(r["speaker"] == "Dmitry Peskov" and "<mark>" in r["highlight"] for r in rows)
    speakers = run(cli, "speakers", "--db", db_url, "--format", "json")
    assert "Dmitry Peskov" in [s["name"] for s in json.loads(speakers.stdout)]


def test_cli_ingest_takes_the_extraction_options(cli, db_url, tmp_path):
    """--year-range dates the seeds; the options are part of "unchanged"; bad options stop the
    batch before anything is written; --max-bytes refuses inputs."""
    _pipeline_or_skip()

    def dates():
        out = run(cli, "export", "--format", "jsonl", "--db", db_url).stdout
        return sorted({json.loads(line)["published"] for line in out.splitlines()}, key=str)

    assert run(cli, "ingest", SEEDS, "--db", db_url).exit_code == 0
    assert dates() == [None]
    dated = run(cli, "ingest", SEEDS, "--db", db_url, "--year-range", "2015-2019")
    assert "0 added, 2 replaced, 0 unchanged" in dated.stderr
    assert None not in dates()
    again = run(cli, "ingest", SEEDS, "--db", db_url, "--year-range", "2015-2019")
    assert "0 added, 0 replaced, 2 unchanged" in again.stderr
    before = run(cli, "stats", "--db", db_url, "--format", "json").stdout
    bad = run(cli, "ingest", SEEDS, "--db", db_url, "--published", "2017-99-01")
    assert bad.exit_code == 2 and "2017-99-01" in bad.stderr
    assert run(cli, "stats", "--db", db_url, "--format", "json").stdout == before
    small = run(cli, "ingest", SEEDS, "--db", db_url, "--max-bytes", "100")
    assert small.exit_code == 3 and "over the limit of 100 bytes" in small.stderr


def test_cli_ingest_reads_stdin(cli, db_url):
    _pipeline_or_skip()
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()
    first = run(cli, "ingest", "-", "--db", db_url, input=text)
    assert first.exit_code == 0 and "1 added" in first.stderr, first.stderr
    assert "1 unchanged" in run(cli, "ingest", "-", "--db", db_url, input=text).stderr
    empty = run(cli, "ingest", "-", "--db", db_url, input=b"")
    assert empty.exit_code == 3 and "<stdin>: the input is empty" in empty.stderr


@pytest.fixture
def filled_url(filled, db_url):
    return db_url


def test_cli_search_table_and_csv(cli, filled_url):
    table = run(cli, "search", "weather", "--db", filled_url)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == ["id", "date", "speaker", "outlet", "headline", "type", "occurrences", "quote"]
    assert table.stdout.splitlines()[2].split() == [
        "5", "2017-05-21", "Jane", "Doe", "BBC", "direct", "1", *"The weather in Moscow is fine today, nothing to add.".split()]
    csv_out = run(cli, "search", "sanctions", "--speaker", "Peskov", "--sort", "earliest", "--format", "csv", "--db", filled_url)
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("id,date,speaker,") and len(lines) == 4
    none = run(cli, "search", "elephants", "--db", filled_url)
    assert (none.exit_code, none.stdout, none.stderr) == (0, "", "No quotes match 'elephants'.\n")


def test_cli_bad_input_says_so_and_writes_nothing(cli, filled_url, tmp_path):
    before = dump(filled_url)
    r = run(cli, "search", "sanctions", "--speaker", "Vladimir Putin", "--db", filled_url)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: Unknown speaker 'Vladimir Putin': no speaker has that name or alias.")
    r = run(cli, "timeline", "Nobody Atall", "--db", filled_url)
    assert r.exit_code == 2 and "Unknown speaker 'Nobody Atall'" in r.stderr
    r = run(cli, "search", "sanctions", "--since", "2016-02-30", "--db", filled_url)
    assert (r.exit_code, r.stderr) == (
        2, "Error: --since '2016-02-30' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-11-09)\n")
    out = tmp_path / "x.jsonl"
    r = run(cli, "export", "--until", "soon", "-o", out, "--db", filled_url)
    assert r.exit_code == 2 and not out.exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,aliases\n,Peskov\n", encoding="utf-8")
    r = run(cli, "ingest", "--catalogue", bad, "--db", filled_url)
    assert (r.exit_code, r.stderr) == (2, f"Error: {bad}: entry 1: 'name' is empty\n")
    assert dump(filled_url) == before


def test_cli_unreachable_or_missing_store(cli, tmp_path):
    missing = tmp_path / "none.db"
    r = run(cli, "search", "sanctions", "--db", f"sqlite:///{missing}")
    assert r.exit_code == 1
    assert r.stderr == f"Error: No quote store at {missing}: create one with `quoth ingest PATH --db sqlite:///{missing}`\n"
    assert not missing.exists()
    r = run(cli, "stats", "--db", "postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: Cannot connect to postgresql+psycopg://nobody:***@127.0.0.1:1/nothing: ")
    r = run(cli, "ingest", SEEDS, "--db", f"sqlite:///{tmp_path}/no/such/folder/q.db")
    assert (r.exit_code, r.stderr) == (1, f"Error: Cannot create {tmp_path}/no/such/folder/q.db: folder {tmp_path}/no/such/folder does not exist\n")
    r = run(cli, "stats", "--db", "mysql://x@y/z")
    assert r.exit_code == 1 and "quoth stores live in SQLite or PostgreSQL, not mysql" in r.stderr
    r = run(cli, "stats", "--db", "sqlite:///" + str(tmp_path / "q.db"), env={"QUOTH_DB": "ignored"})
    assert r.exit_code == 1 and "No quote store at" in r.stderr
    r = run(cli, "stats", env={"QUOTH_DB": f"sqlite:///{tmp_path}/env.db"})
    assert r.exit_code == 1 and f"No quote store at {tmp_path}/env.db" in r.stderr


def test_cli_ingest_counts_failed_inputs_and_goes_on(cli, db_url, tmp_path):
    _pipeline_or_skip()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "good.txt").write_text('"We will win this fight," Jane Doe said on Tuesday.\n', encoding="utf-8")
    r = run(cli, "ingest", folder, "--db", db_url)
    assert r.exit_code == 1
    assert f"error: {folder / 'empty.txt'}: the input is empty" in r.stderr
    assert f"error: {folder / 'binary.txt'}: the input looks binary" in r.stderr
    assert "1 added, 0 replaced, 0 unchanged, 2 failed" in r.stderr
    r = run(cli, "ingest", folder / "empty.txt", folder / "binary.txt", "--db", db_url)
    assert r.exit_code == 3  # every input failed
    r = run(cli, "ingest", "--db", db_url)
    assert r.exit_code == 2 and "Give at least one PATH" in r.stderr


def test_cli_speakers_stats_timeline_plot(cli, filled_url, tmp_path):
    r = run(cli, "speakers", "--db", filled_url)
    assert r.stdout.splitlines()[0].split() == ["id", "name", "type", "quotes", "first", "last", "aliases", "roles"]
    assert r.stdout.splitlines()[2].split()[:6] == ["1", "Dmitry", "Peskov", "3", "2016-03-01", "2017-05-20"]
    stats = json.loads(run(cli, "stats", "--format", "json", "--db", filled_url).stdout)
    assert (stats["articles"], stats["quotes"], stats["speakers"]) == (5, 5, 3)
    plot = tmp_path / "peskov.png"
    r = run(cli, "timeline", "Peskov", "--about", "sanctions", "--plot", plot, "--db", filled_url)
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[2].split() == ["2016-03", "1", "█" * 40] and lines[-1].split() == ["2017-05", "1", "█" * 40]
    assert lines[3].split() == ["2016-04", "0"]
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f"Plot written to {plot}" in r.stderr


def test_cli_export_formats(cli, filled_url, tmp_path):
    jsonl = run(cli, "export", "--speaker", "Peskov", "--db", filled_url)
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(rows) == 3 and {r["speaker"] for r in rows} == {"Dmitry Peskov"}
    assert jsonl.stderr == "Exported 3 quotes.\n"
    r = run(cli, "export", "--format", "parquet", "--db", filled_url)
    assert r.exit_code == 2 and "give it with -o FILE" in r.stderr
    import pyarrow.parquet as pq

    out = tmp_path / "q.parquet"
    r = run(cli, "export", "--format", "parquet", "-o", out, "--query", "sanctions", "--db", filled_url)
    assert r.exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 4 and "spans" in table.column_names
    csv_file = tmp_path / "q.csv"
    run(cli, "export", "--format", "csv", "-o", csv_file, "--db", filled_url)
    assert len(csv_file.read_text(encoding="utf-8").splitlines()) == 6


def test_cli_catalogue(cli, filled_url, tmp_path):
    catalogue = tmp_path / "people.json"
    catalogue.write_text(json.dumps([{"name": "Dmitry Peskov", "aliases": ["Peskov"], "wikidata": "Q4161533"}]))
    r = run(cli, "ingest", "--catalogue", catalogue, "--db", filled_url)
    assert r.exit_code == 0 and "1 speakers, 1 merged into them" in r.stderr
    speakers = json.loads(run(cli, "speakers", "--format", "json", "--db", filled_url).stdout)
    assert speakers[0]["name"] == "Dmitry Peskov" and speakers[0]["wikidata"] == "Q4161533" and speakers[0]["quotes"] == 3


# --- what a user sees (issue #10) --------------------------------------------------------------


@pytest.mark.issue(10)
def test_cli_search_by_speaker_alone_newest_first(cli, filled_url):
    r = run(cli, "search", "--speaker", "Peskov", "--format", "jsonl", "--db", filled_url)
    assert r.exit_code == 0, r.stderr
    dates = [json.loads(line)["date"] for line in r.stdout.splitlines()]
    assert dates == ["2017-05-20", "2016-11-09", "2016-03-01"]
    r = run(cli, "search", "--db", filled_url)
    assert r.exit_code == 2 and "give a QUERY or a filter" in r.stderr


@pytest.mark.issue(10)
def test_cli_search_named_and_min_words(store, cli, db_url):
    store.ingest(make_article("n.txt", "Someone said: Taxes will rise. End.", [("Taxes will rise.", None)]))
    store.ingest(make_article("m.txt", "Jane Doe said: Taxes up. End.", [("Taxes up.", "Jane Doe")]))
    store.ingest(make_article("o.txt", "Jane Doe said: Taxes will rise again soon. End.",
                              [("Taxes will rise again soon.", "Jane Doe")]))

    def texts(*extra):
        out = run(cli, "search", "taxes", "--format", "jsonl", "--db", db_url, *extra).stdout
        return sorted(json.loads(line)["text"] for line in out.splitlines())

    assert len(texts()) == 3
    assert texts("--named") == ["Taxes up.", "Taxes will rise again soon."]
    assert texts("--named", "--min-words", "3") == ["Taxes will rise again soon."]


@pytest.mark.issue(10)
def test_cli_show_prints_the_statement_in_its_paragraph(cli, filled_url):
    r = run(cli, "show", "5", "--db", filled_url)
    assert r.exit_code == 0, r.stderr
    assert "speaker:    Jane Doe" in r.stdout and "outlet:     BBC" in r.stdout and "date:       2017-05-21" in r.stdout
    assert r.stdout.rstrip().endswith("Jane Doe said: The weather in Moscow is fine today, nothing to add. End.")
    missing = run(cli, "show", "999", "--db", filled_url)
    assert missing.exit_code == 2 and "no quote 999" in missing.stderr


@pytest.mark.issue(10)
def test_cli_timeline_says_how_many_undated_statements_it_left_out(store, cli, db_url):
    store.ingest(make_article("u.txt", "Jane Doe said: It will rain. End.", [("It will rain.", "Jane Doe")], published=None))
    store.ingest(make_article("d.txt", "Jane Doe said: It rained. End.", [("It rained.", "Jane Doe")]))
    r = run(cli, "timeline", "Jane Doe", "--db", db_url)
    assert r.exit_code == 0
    assert "1 statement(s) by Jane Doe have no date and are left out of the timeline" in r.stderr


@pytest.mark.issue(10)
def test_read_commands_on_a_file_that_is_no_store_fail_in_one_line(cli, tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("not a database at all " * 100)
    for command in (["search", "x"], ["stats"], ["speakers"]):
        r = run(cli, *command, "--db", f"sqlite:///{other}")
        assert r.exit_code == 1
        assert r.stderr == f"Error: sqlite:///{other} is not a quoth store (file is not a database)\n"
