"""``quoth serve`` in a real browser (issue #11): Playwright drives Debian's chromium against a
server on loopback. Search, open a speaker, open a statement and check its marks, and load an
article with hostile markup: no script runs, no request leaves the origin, no JavaScript error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.serve_fixtures import sample_db  # noqa: F401
from tests.serve_server import running_server

pytestmark = pytest.mark.issue(11)
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def chromium():
    """One Playwright and one Debian chromium for the module (the sync API allows one at a time)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server(sample_db):  # noqa: F811
    with running_server(sample_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser_page(chromium, server):
    page = chromium.new_page()
    seen = {"requests": [], "errors": [], "dialogs": [], "console": [], "failed": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("response", lambda r: seen["failed"].append((r.status, r.url)) if r.status >= 400 else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    yield server, page, seen
    page.close()


def test_search_speaker_statement(browser_page):
    base, page, seen = browser_page
    page.goto(base + "/")
    page.fill("#q", "sanctions")
    page.press("#q", "Enter")
    page.wait_for_url("**/quotes?q=sanctions")
    hits = page.locator("ol.quotes li.quote")
    assert hits.count() >= 1
    assert page.locator("mark.hit").first.inner_text().lower().startswith("sanction")

    page.locator("ol.quotes a.speaker", has_text="Dmitry Peskov").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text() == "Dmitry Peskov"
    page.fill("#within-q", "issue")
    page.press("#within-q", "Enter")
    page.wait_for_url("**/speakers/*?q=issue")
    page.locator("ol.quotes blockquote a").first.click()
    page.wait_for_url("**/quotes/*")
    for kind in ("content", "cue", "source"):
        assert page.locator(f".article-text mark.{kind}").count() >= 1, kind
    assert page.locator(".article-text mark.cue").first.inner_text() in ("said", "told", "stressed", "noted", "added")
    assert "carried by" in page.locator("a.cluster").inner_text()
    json_link = page.locator("footer a", has_text="JSON")
    json_link.click()
    assert '"ok":true' in page.content().replace(" ", "")
    assert not seen["errors"] and not seen["console"]


def test_hostile_article_runs_no_script_and_fetches_nothing_elsewhere(browser_page):
    base, page, seen = browser_page
    for found in seen.values():
        found.clear()
    page.goto(base + "/quotes?q=river")
    page.locator("ol.quotes a.headline").first.click()
    page.wait_for_url("**/articles/*")
    assert "<script>window.__pwned = 1</script>" in page.locator(".article-text").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.locator(".article-text").hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".article-text img, .article-text script, .article-text b").count() == 0
    assert not seen["dialogs"] and not seen["errors"] and not seen["console"], (seen["console"], seen["failed"])
    assert seen["requests"] and all(u.startswith(base + "/") for u in seen["requests"]), seen["requests"]


def test_pages_read_without_javascript(chromium, server):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto(server + "/quotes?q=Russia&_size=2")
        assert response.status == 200
        assert page.locator("ol.quotes li.quote").count() == 2
        page.locator("a[rel=next]").click()
        assert page.locator("ol.quotes li.quote").count() >= 1
        response = page.goto(server + "/quotes/999999")
        assert response.status == 404 and "No quote 999999" in page.inner_text("main")
    finally:
        context.close()


def test_screenshot_tool_writes_a_png(chromium, sample_db, tmp_path):  # noqa: F811
    """docs/statement.png is made by docs/screenshot.py; it runs here on a copy of the store."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshot", Path(__file__).parents[1] / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    db = tmp_path / "s.db"
    shutil.copy(sample_db, db)
    out = tmp_path / "s.png"
    module.take(str(db), out, query="issue", browser=chromium)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
