"""``quoth serve``'s HTML pages (issue #11): marks, escaping of hostile markup, facets, pages,
404/400 pages and the security headers."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.serve_fixtures import client_for, sample_db  # noqa: F401

pytestmark = pytest.mark.issue(11)


@pytest.fixture(scope="module")
def web(sample_db):  # noqa: F811
    with client_for(sample_db) as client:
        yield client


def hostile_quote(web) -> dict:
    return web.get("/quotes.json", params={"q": "river"}).json()["rows"][0]


def test_statement_page_marks_its_spans(web):
    row = web.get("/quotes.json", params={"q": "issue", "speaker": "Peskov", "_size": 1}).json()["rows"][0]
    html = web.get(f"/quotes/{row['id']}").text
    text = web.get(f"/quotes/{row['id']}.json").json()["rows"][0]["article_text"]
    body = html.split('class="article-text">', 1)[1].split("</div>", 1)[0]
    for kind in ("content", "cue", "source"):
        pieces = row["spans"][kind] if kind == "content" else [row["spans"][kind]]
        inner = re.findall(rf'<mark class="{kind}">((?:(?!</mark>).)*)</mark>', body, re.S)
        shown = "".join(unescape(re.sub(r"<[^>]+>", "", m)) for m in inner)
        assert shown == "".join(text[s:e] for s, e in pieces), kind
    assert unescape(re.sub(r"<[^>]+>", "", body)) == text  # the whole article, nothing lost or added
    assert f'href="/speakers/{row["speaker_id"]}"' in html
    assert "Russian presidential spokesman" in html  # the role as written
    assert re.search(rf'<a class="cluster" href="/clusters/{row["cluster"]}">carried by \d+ (outlets?|reports?)', html)
    evil = hostile_quote(web)  # its sidecar names the outlet and the date
    assert re.search(r'carried by 1 outlet, first on 2017-05-3\d</a>', web.get(f"/quotes/{evil['id']}").text)


def test_hostile_article_is_shown_as_text(web):
    row = hostile_quote(web)
    for path in (f"/quotes/{row['id']}", f"/articles/{row['article_id']}", "/quotes?q=river",
                 f"/speakers/{row['speaker_id']}"):
        html = web.get(path).text
        assert "<script" not in html, path
        assert "onerror=" not in html.replace("onerror=&#34;", "")
        assert "<img" not in html and "<b onmouseover" not in html
    article = web.get(f"/articles/{row['article_id']}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in article
    assert 'href="javascript:' not in article  # a stored javascript: URL is shown, never linked
    assert "javascript:alert(3)" in article


def test_article_page_marks_every_attribution(web):
    row = hostile_quote(web)
    data = web.get(f"/articles/{row['article_id']}.json").json()
    html = web.get(f"/articles/{row['article_id']}").text
    marked = set(re.findall(r'<mark class="content" data-quote="(\d+)">', html))
    assert marked == {str(r["id"]) for r in data["rows"]} and len(marked) >= 2


def test_search_page_facets_toggle_and_pages(web):
    html = web.get("/quotes", params={"q": "Russia", "_size": 2}).text
    assert '<input id="site-q" name="q" type="search" placeholder="Search statements" value="Russia">' in html
    assert re.search(r'<mark class="hit">Russia', html)
    facet = re.search(r'<section class="facet facet-speaker">.*?<a href="([^"]+)"', html, re.S).group(1)
    assert "speaker=" in facet and "q=Russia" in facet
    on = web.get(facet.replace("&amp;", "&")).text
    undo = re.search(r'<a href="([^"]+)" class="on" aria-current="true">', on).group(1)
    assert "speaker=" not in undo and "q=Russia" in undo
    nxt = re.search(r'<a rel="next" href="([^"]+)">', html).group(1)
    assert "_next=" in nxt and "q=Russia" in nxt
    assert web.get(nxt.replace("&amp;", "&")).status_code == 200


def test_speaker_page_chart_and_co_quoted(web):
    sid = web.get("/quotes.json", params={"speaker": "Peskov", "_size": 1}).json()["rows"][0]["speaker_id"]
    html = web.get(f"/speakers/{sid}").text
    assert "<h1>Dmitry Peskov</h1>" in html
    data = web.get(f"/speakers/{sid}.json").json()
    if data["timeline"]:
        assert re.search(r"<svg[^>]*role=\"img\".*?<title id=\"chart-title\">.*?<desc id=\"chart-desc\">", html, re.S)
        assert html.count('<rect class="bar"') == len(data["timeline"])
        assert "<details class=\"chart-table\">" in html
    assert 'action="/speakers/' in html and 'name="q"' in html
    for s in data["co_quoted"]:
        assert f'href="/speakers/{s["id"]}"' in html


def test_the_samples_timeline_is_drawn(tmp_path):
    """The samples have no year: a store with dated statements draws one bar per month."""
    from quoth.model import Article, Quote
    from quoth.store import Store

    text = '"We will win," Jane Doe said.\n\n"We won," Jane Doe said.'
    store = Store(f"sqlite:///{tmp_path / 'd.db'}")
    for i, (day, content) in enumerate([("2016-01-05", '"We will win,"'), ("2016-03-09", '"We won,"')]):
        start = text.index(content)
        store.ingest(Article(text=text, path=f"a{i}.txt", published=day, quotes=[
            Quote(content=[(start, start + len(content))], speaker="Jane Doe", type="direct", text=content)]))
    store.close()
    with client_for(str(tmp_path / "d.db")) as client:
        html = client.get("/speakers/1").text
        recent = client.get("/.json").json()["rows"]
    assert [r["date"] for r in recent] == ["2016-03-09", "2016-01-05"]  # newest first
    assert html.count('<rect class="bar"') == 3  # January, February (zero), March
    assert "<td>2016-02</td><td>0</td>" in html


def test_error_pages(web):
    r = web.get("/quotes/999999")
    assert r.status_code == 404 and "No quote 999999" in r.text and r.headers["content-type"].startswith("text/html")
    r = web.get("/speakers/nope")
    assert r.status_code == 404
    r = web.get("/quotes", params={"since": "yesterday"})
    assert r.status_code == 400 and "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD" in r.text
    r = web.get("/quotes", params={"speaker": "<script>x</script>"})
    assert r.status_code == 400 and "&lt;script&gt;x&lt;/script&gt;" in r.text and "<script>x" not in r.text


def test_security_headers_and_no_inline_code(web):
    for path in ["/", "/quotes?q=Russia", "/quotes/1", "/docs", "/quotes.json?q=Russia", "/nope", "/outlets"]:
        r = web.get(path)
        csp = r.headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "default-src 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        if r.headers["content-type"].startswith("text/html"):
            assert "<script" not in r.text and "<style" not in r.text and " style=" not in r.text
            assert not re.search(r'(src|href)="(https?:)?//', r.text.replace('href="https://example', ""))
    assert web.get("/static/quoth.css").status_code == 200


def test_home_and_outlets_pages(web):
    html = web.get("/").text
    assert '<input id="q" name="q" type="search"' in html and "Most quoted" in html
    assert "Dmitry Peskov" in html
    assert len(web.get("/.json").json()["rows"]) == 10  # undated (the samples): the last stored
    outlets = web.get("/outlets").text
    oid = web.get("/outlets.json").json()["rows"][0]["id"]
    assert f'href="/outlets/{oid}"' in outlets
    assert web.get(f"/outlets/{oid}").status_code == 200
