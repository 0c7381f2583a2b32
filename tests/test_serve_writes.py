"""``quoth serve``'s write API (issue #11): off without a token (403), 401 with a wrong one, 413
over --max-bytes, 400 for a bad body, and with the token: extract (nothing stored) and store."""

from __future__ import annotations

import shutil

import pytest

from tests.serve_fixtures import client_for, sample_db  # noqa: F401

pytestmark = pytest.mark.issue(11)
TOKEN = "test-token-3f9a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"text": 'Rain expected\n\n"We are ready," Mayor Jane Doe said on Tuesday.\n',
           "url": "https://news.example/rain", "outlet": "Example News", "published": "2017-05-31"}


@pytest.fixture
def writable(sample_db, tmp_path):  # noqa: F811
    db = tmp_path / "w.db"
    shutil.copy(sample_db, db)
    with client_for(str(db), token=TOKEN, max_bytes=4000) as client:
        yield client


def test_writes_are_off_without_a_token(sample_db, monkeypatch):  # noqa: F811
    monkeypatch.delenv("QUOTH_TOKEN", raising=False)
    with client_for(sample_db) as client:
        for path in ("/api/articles", "/api/extract"):
            r = client.post(path, json=ARTICLE, headers=AUTH)
            assert r.status_code == 403
            assert "--token-file" in r.json()["error"] and r.json()["ok"] is False


def test_a_wrong_or_missing_token_is_401(writable):
    assert writable.post("/api/articles", json=ARTICLE).status_code == 401
    r = writable.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert not writable.get("/quotes.json", params={"q": "ready"}).json()["rows"]  # nothing was stored


def test_a_body_over_max_bytes_is_413(writable):
    r = writable.post("/api/articles", json=dict(ARTICLE, text="word " * 2000), headers=AUTH)
    assert r.status_code == 413 and "4,000" in r.json()["error"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b" " * 1000

    r = writable.post("/api/extract", content=chunks(), headers=dict(AUTH, **{"content-type": "application/json"}))
    assert r.status_code == 413


def test_bad_bodies_are_400(writable):
    assert writable.post("/api/extract", json={}, headers=AUTH).status_code == 400
    assert writable.post("/api/extract", json={"text": ""}, headers=AUTH).json()["error"] == "api: the input is empty"
    r = writable.post("/api/extract", content=b"{not json", headers=dict(AUTH, **{"content-type": "application/json"}))
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]
    r = writable.post("/api/extract", json=dict(ARTICLE, published="31 May"), headers=AUTH)
    assert r.status_code == 400 and "is not a date" in r.json()["error"]


def test_extract_returns_the_contract_and_stores_nothing(writable):
    r = writable.post("/api/extract", json=ARTICLE, headers=AUTH)
    assert r.status_code == 200
    body = r.json()
    quote = body["rows"][0]
    assert quote["speaker"] == "Jane Doe" and quote["said_on"] == "2017-05-30"
    assert body["article"]["text"][quote["content"][0][0]:quote["content"][0][1]] == '"We are ready,"'
    assert body["article"]["article"]["meta"]["outlet"] == "Example News"
    assert not writable.get("/quotes.json", params={"q": "ready"}).json()["rows"]


def test_store_an_article_then_read_it(writable):
    r = writable.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "added" and body["article"]["url"] == ARTICLE["url"]
    assert [q["speaker"] for q in body["rows"]] == ["Jane Doe"]
    found = writable.get("/quotes.json", params={"q": "ready"}).json()["rows"]
    assert [q["id"] for q in found] == [body["rows"][0]["id"]]
    assert writable.post("/api/articles", json=ARTICLE, headers=AUTH).json()["status"] == "unchanged"
    html = writable.post("/api/articles", json={"html": "<html><body><article><h1>Storm</h1><p>\"It is over,\" "
                                                "Mayor Jane Doe said on Friday.</p></article></body></html>",
                                                "published": "2017-06-02", "doc": "storm"}, headers=AUTH)
    assert html.status_code == 200, html.text
