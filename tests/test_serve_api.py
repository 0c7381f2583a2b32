"""``quoth serve``'s JSON API (issue #11) over a store built by the real ingest: envelopes, filters
with the CLI's messages, keyset pages, 404s, CSV, the OpenAPI description, read-only opening and the
time limit; on SQLite, and on PostgreSQL when QUOTH_TEST_PG is set."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner

from tests.serve_fixtures import PG_SKIP, PG_URL, build_store, client_for, reset_pg, sample_db  # noqa: F401

pytestmark = pytest.mark.issue(11)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request, sample_db, tmp_path_factory):  # noqa: F811
    if request.param == "sqlite":
        db = sample_db
    else:
        if not PG_URL:
            pytest.skip(PG_SKIP)
        db = build_store(reset_pg(PG_URL), tmp_path_factory.mktemp("pg") / "inputs")
    with client_for(db) as client:
        yield client


def test_search_envelope_and_highlights(api):
    r = api.get("/quotes.json", params={"q": "sanctions"})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["next"] is None
    assert body["rows"], "the samples speak of sanctions"
    for row in body["rows"]:
        assert "sanction" in row["text"].lower()
        assert "<mark>" in row["highlight"]
    assert body["filters"] == {"q": "sanctions", "sort": "rank"}


def test_keyset_pages_cover_every_row_once(api):
    everything = api.get("/quotes.json", params={"type": "direct", "_size": 200}).json()["rows"]
    seen, token, pages = [], None, 0
    while True:
        params = {"type": "direct", "_size": 3}
        if token:
            params["_next"] = token
        body = api.get("/quotes.json", params=params).json()
        seen += [r["id"] for r in body["rows"]]
        token = body["next"]
        pages += 1
        if not token:
            break
    assert pages > 1
    assert seen == [r["id"] for r in everything]
    assert len(seen) == len(set(seen))


def test_ranked_pages_follow_the_score(api):
    first = api.get("/quotes.json", params={"q": "Russia", "_size": 2}).json()
    assert first["next"]
    second = api.get("/quotes.json", params={"q": "Russia", "_size": 2, "_next": first["next"]}).json()
    ids = [r["id"] for r in first["rows"] + second["rows"]]
    whole = [r["id"] for r in api.get("/quotes.json", params={"q": "Russia", "_size": 4}).json()["rows"]]
    assert ids == whole


def test_bad_filters_are_400_with_the_cli_message(api, sample_db):  # noqa: F811
    from quoth.cli import main

    for params, cli_args in [
        ({"since": "2016-13"}, ["--since", "2016-13"]),
        ({"speaker": "Nobody Atall"}, ["--speaker", "Nobody Atall"]),
        ({"q": "x", "type": "quoted"}, None),
        ({"since": "2017", "until": "2016"}, ["--since", "2017", "--until", "2016"]),
    ]:
        r = api.get("/quotes.json", params=params)
        assert r.status_code == 400, params
        body = r.json()
        assert body["ok"] is False and body["status"] == 400 and body["error"]
        if cli_args:
            result = CliRunner().invoke(main, ["search", "x", "--db", sample_db, *cli_args])
            assert result.exit_code == 2
            assert body["error"] in result.output


def test_bad_tokens_and_parameters_are_400(api):
    assert api.get("/quotes.json", params={"q": "Russia", "_next": "not-a-token"}).status_code == 400
    latest = api.get("/quotes.json", params={"type": "direct", "_size": 1}).json()["next"]
    r = api.get("/quotes.json", params={"q": "Russia", "_next": latest})  # a date token for a ranked search
    assert r.status_code == 400 and "sorted by" in r.json()["error"]
    assert api.get("/quotes.json", params={"q": "x", "_size": 0}).status_code == 400
    assert api.get("/quotes.json", params={"q": "a\x00b"}).status_code == 400
    assert api.get("/quotes.json", params={"q": "!!!"}).status_code == 400  # no words
    r = api.get("/quotes.json", params={"q": 'NEAR("unclosed', "_raw": "true"})
    if api.app.state.store.backend == "sqlite":  # FTS5 syntax error; websearch syntax never fails
        assert r.status_code == 400 and "not valid full-text syntax" in r.json()["error"]
    else:
        assert r.status_code == 200


def test_unknown_ids_are_404(api):
    for path in ["/quotes/999999.json", "/speakers/999999.json", "/articles/999999.json",
                 "/clusters/999999.json", "/outlets/999999.json", "/quotes/abc.json", "/nothing.json"]:
        r = api.get(path)
        assert r.status_code == 404, path
        assert r.json() == {"ok": False, "error": r.json()["error"], "status": 404}


def test_statement_speaker_article_cluster_outlet(api):
    row = api.get("/quotes.json", params={"q": "issue", "speaker": "Peskov", "_size": 1}).json()["rows"][0]
    detail = api.get(f"/quotes/{row['id']}.json").json()["rows"][0]
    assert detail["article_text"][detail["spans"]["content"][0][0]:].startswith(detail["text"][:10])
    assert detail["cluster_outlets"] >= 0
    speaker = api.get(f"/speakers/{row['speaker_id']}.json").json()
    assert speaker["speaker"]["name"] == "Dmitry Peskov"
    assert all(r["speaker_id"] == row["speaker_id"] for r in speaker["rows"])
    within = api.get(f"/speakers/{row['speaker_id']}.json", params={"q": "issue"}).json()["rows"]
    assert row["id"] in [r["id"] for r in within] and len(within) < len(speaker["rows"])
    article = api.get(f"/articles/{row['article_id']}.json").json()
    assert row["id"] in [r["id"] for r in article["rows"]]
    cluster = api.get(f"/clusters/{row['cluster']}.json").json()
    assert row["id"] in [r["id"] for r in cluster["rows"]]
    outlets = api.get("/outlets.json").json()["rows"]
    evil = next(o for o in outlets if o["name"] == "Evil Times")
    assert evil["articles"] == 1
    page = api.get(f"/outlets/{evil['id']}.json").json()
    assert page["rows"] and all(r["outlet"] == "Evil Times" for r in page["rows"])
    index = api.get("/index.json").json()
    assert index["stats"]["articles"] == 3 and index["speakers"][0]["name"] == "Dmitry Peskov"


def test_facets_count_the_matches(api):
    body = api.get("/quotes.json", params={"q": "Russia", "facets": "true", "_size": 200}).json()
    types = {f["value"]: f["count"] for f in body["facets"]["type"]}
    assert sum(types.values()) == len(body["rows"])
    assert body["facets"]["sampled"] is False


def test_csv_streams_the_search(api):
    r = api.get("/quotes.csv", params={"speaker": "Peskov"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    n = len(api.get("/quotes.json", params={"speaker": "Peskov", "_size": 200}).json()["rows"])
    assert len(rows) == n and all(row["speaker"] == "Dmitry Peskov" for row in rows)
    assert api.get("/quotes.csv", params={"since": "nope"}).status_code == 400


def test_openapi_describes_every_json_endpoint(api):
    spec = api.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ["/quotes.json", "/quotes/{quote_id}.json", "/speakers/{speaker_id}.json",
                 "/articles/{article_id}.json", "/clusters/{cluster_id}.json", "/outlets.json",
                 "/outlets/{outlet_id}.json", "/index.json", "/api/articles", "/api/extract"]:
        op = next(iter(paths[path].values()))
        schema = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path
        assert "400" in op["responses"] and "404" in op["responses"]
    assert "/quotes" not in paths  # the HTML pages are not API
    docs = api.get("/docs").text
    assert "/quotes.json" in docs and "cdn" not in docs.lower() and "<script" not in docs


def test_sqlite_is_opened_read_only(sample_db, tmp_path):  # noqa: F811
    import sqlalchemy as sa

    copy = tmp_path / "ro.db"
    shutil.copy(sample_db, copy)
    from quoth.serve.readonly import open_read_only

    store = open_read_only(str(copy))
    try:
        with pytest.raises(sa.exc.OperationalError, match="readonly"):
            with store.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM quotes")
    finally:
        store.close()


def test_queries_over_the_time_limit_are_stopped(sample_db, tmp_path):  # noqa: F811
    import sqlalchemy as sa

    from quoth.serve.readonly import is_timeout, open_read_only

    store = open_read_only(sample_db, time_limit=0.2)
    slow = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n")
    try:
        with pytest.raises(sa.exc.OperationalError) as caught:
            with store.engine.connect() as conn:
                conn.exec_driver_sql(slow).scalar()
        assert is_timeout(caught.value)
        with store.engine.connect() as conn:  # the next statement has its own time
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        store.close()


def test_time_limit_is_503_not_500(sample_db, monkeypatch):  # noqa: F811
    from quoth.store import StoreError
    from quoth.store.db import Store

    def too_slow(self, *a, **k):
        raise StoreError(f"{self.display_url}: search failed: interrupted")

    monkeypatch.setattr(Store, "search_page", too_slow)
    with client_for(sample_db) as client:
        r = client.get("/quotes.json", params={"q": "Russia"})
        assert r.status_code == 503 and "was stopped" in r.json()["error"]
        page = client.get("/quotes", params={"q": "Russia"})
        assert page.status_code == 503 and "was stopped" in page.text


def test_serve_needs_an_existing_store(tmp_path):
    from quoth.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "No quote store" in result.output
    assert not (tmp_path / "none.db").exists()


def test_serves_while_ingest_writes(sample_db, tmp_path):  # noqa: F811
    """The read-only server sees what a concurrent `quoth ingest` commits, and never blocks it."""
    from quoth.model import Article, Quote
    from quoth.store import Store

    db = tmp_path / "live.db"
    shutil.copy(sample_db, db)
    with client_for(str(db)) as client:
        assert not client.get("/quotes.json", params={"q": "glaciers"}).json()["rows"]
        text = '"The glaciers are melting," Jane Doe said.'
        writer = Store(str(db))
        try:
            for i in range(3):
                with client.app.state.store.engine.connect():  # a reader holding a connection open
                    status, _ = writer.ingest(Article(text=text + " " * i, path=f"live{i}.txt", quotes=[
                        Quote(content=[(0, 28)], speaker="Jane Doe", type="direct", text=text[:28])]))
                    assert status == "added"
        finally:
            writer.close()
        rows = client.get("/quotes.json", params={"q": "glaciers"}).json()["rows"]
        assert len(rows) == 3 and rows[0]["speaker"] == "Jane Doe"


def test_postgresql_is_opened_read_only(tmp_path_factory):
    import sqlalchemy as sa

    from quoth.serve.readonly import open_read_only

    if not PG_URL:
        pytest.skip(PG_SKIP)
    db = build_store(reset_pg(PG_URL), tmp_path_factory.mktemp("pgro") / "inputs")
    store = open_read_only(db, time_limit=0.5)
    try:
        with pytest.raises(sa.exc.SQLAlchemyError, match="read-only transaction"):
            with store.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM quotes")
        with pytest.raises(sa.exc.OperationalError, match="statement timeout"):
            with store.engine.connect() as conn:
                conn.exec_driver_sql("SELECT pg_sleep(3)")
    finally:
        store.close()


def test_write_token_from_file_or_environment(tmp_path, monkeypatch):
    from quoth.errors import UsageError
    from quoth.serve import read_token

    monkeypatch.delenv("QUOTH_TOKEN", raising=False)
    assert read_token(None) is None
    monkeypatch.setenv("QUOTH_TOKEN", " from-env ")
    assert read_token(None) == "from-env"
    f = tmp_path / "token"
    f.write_text("from-file\n", encoding="utf-8")
    assert read_token(f) == "from-file"
    f.write_text("  \n", encoding="utf-8")
    with pytest.raises(UsageError, match="is empty"):
        read_token(f)
    with pytest.raises(UsageError, match="cannot read it"):
        read_token(tmp_path / "missing")
