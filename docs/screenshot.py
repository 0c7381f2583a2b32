"""Take docs/statement.png: a statement page of ``quoth serve`` in Debian's chromium (Playwright).

    PYTHONPATH=src python docs/screenshot.py --db quoth.db      # after the README's quick start
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.serve_server import running_server  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def take(db: str, out: Path, query: str = "issue", chromium: str = "/usr/bin/chromium", browser=None) -> None:
    """Search ``query``, open the first statement and save a screenshot of its page (in
    ``browser`` if given, else a chromium launched here)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
            try:
                return take(db, out, query, browser=launched)
            finally:
                launched.close()
    with running_server(db) as base:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        try:
            page.goto(f"{base}/quotes?q={query}")
            page.locator("ol.quotes blockquote a").first.click()
            page.wait_for_url("**/quotes/*")
            page.screenshot(path=str(out), full_page=True)
        finally:
            page.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="quoth.db")
    parser.add_argument("--query", default="issue")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "statement.png")
    args = parser.parse_args()
    take(args.db, args.out, args.query)
    print(f"wrote {args.out}")
