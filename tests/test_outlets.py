"""Outlet names from the site, not from junk page metadata (issue #10). No test touches the network."""

from __future__ import annotations

import json
import socket

import pytest

from quoth.reading import read_path
from quoth.reading.html import extract_html
from quoth.reading.outlets import (
    curated_name,
    host,
    known_outlets,
    outlet_name,
    plausible_site_name,
    registered_domain,
)

pytestmark = pytest.mark.issue(10)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# -- registered domains ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, domain",
    [
        ("https://www.bbc.co.uk/news/uk-politics-1", "bbc.co.uk"),
        ("https://edition.cnn.com/2024/01/01/world/x/index.html", "cnn.com"),
        ("https://news.yahoo.co.jp/articles/abc", "yahoo.co.jp"),
        ("https://en.wikinews.org/wiki/Page", "wikinews.org"),
        ("HTTPS://WWW.NYTimes.com:443/2019/11/19/x.html", "nytimes.com"),
        ("www.theguardian.com/world", "theguardian.com"),  # no scheme
        ("//www.reuters.com/article/x", "reuters.com"),  # protocol-relative
        ("https://www.bbc.co.uk./news", "bbc.co.uk"),  # trailing dot
        ("https://www.abc.net.au/news/x", "abc.net.au"),
        ("https://someone.blogspot.com/2019/x.html", "someone.blogspot.com"),  # a private suffix: own site
        ("https://example-news.com/a", "example-news.com"),
        ("http://192.168.1.10/story", None),
        ("http://localhost:8000/story", None),
        ("file:///home/me/a.html", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_registered_domain(url, domain):
    assert registered_domain(url) == domain


def test_public_suffix_list_is_read_from_disk(no_network):
    import tld.utils

    tld.utils.reset_tld_names()  # drop the cached list so that this call loads it again
    assert registered_domain("https://news.bbc.co.uk/x") == "bbc.co.uk"


def test_host():
    assert host("https://Edition.CNN.com:8443/x?y=1") == "edition.cnn.com"
    assert host("https://xn--bcher-kva.example/a") == "bücher.example"


# -- the curated map ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://www.bbc.co.uk/news/x", "BBC"),
        ("https://www.bbc.com/news/x", "BBC"),
        ("https://www.nytimes.com/2019/11/19/x.html", "The New York Times"),
        ("https://www.theguardian.com/world/x", "The Guardian"),
        ("https://www.reuters.com/article/x", "Reuters"),
        ("https://apnews.com/article/x", "Associated Press"),
        ("https://hosted.ap.org/citizensvoice/article/x", "Associated Press"),
        ("https://tass.com/politics/1", "TASS"),
        ("https://www.washingtonpost.com/x", "The Washington Post"),
        ("https://edition.cnn.com/x", "CNN"),
        ("https://www.foxnews.com/x", "Fox News"),
        ("https://www.aljazeera.com/news/x", "Al Jazeera"),
        ("https://en.wikinews.org/wiki/x", "Wikinews"),
        ("https://abcnews.go.com/US/x", "ABC News"),  # a host entry, looked up before its domain
        ("https://www.go.com/", None),
        ("https://news.sky.com/story/x", "Sky News"),
        ("https://example-news.com/a", None),
        ("https://notbbc.co.uk/x", None),  # a suffix match is not a site match
        (None, None),
    ],
)
def test_curated_name(url, name):
    assert curated_name(url) == name


def test_curated_map_is_well_formed():
    known = known_outlets()
    assert len(known) >= 40
    for domain, name in known.items():
        assert domain == domain.strip().lower() and "/" not in domain and "." in domain
        assert registered_domain(domain) and domain.endswith(registered_domain(domain))
        assert name and name == name.strip() and plausible_site_name(name) == name


# -- plausible site names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "site_name",
    [
        "Copyright 2014",
        "© 2019 Example Media",
        "(c) Example Media",
        "All rights reserved",
        "Hosted",
        "Home",
        "News",
        "the News",
        "Homepage",
        "https://www.hawaiinewsnow.com",
        "www.example.com",
        "livescience.com",
        "Phys.org",
        "Express.co.uk",
        "2014",
        "U.S.",
        "@politifact",
        "Wday_",
        "<b>Site</b>",
        "The best place to read all the news you need",  # a tagline, not a name
        "x" * 61,
        "",
        "   ",
        None,
        42,
    ],
)
def test_junk_site_names_rejected(site_name):
    assert plausible_site_name(site_name) is None


@pytest.mark.parametrize(
    "site_name, name",
    [
        ("The Daily Example", "The Daily Example"),
        ("  Los  Angeles Times ", "Los Angeles Times"),
        ("BGR", "BGR"),
        ("9to5Mac", "9to5Mac"),
        ("San Antonio Express-News", "San Antonio Express-News"),
        ("NBC 5 Dallas-Fort Worth", "NBC 5 Dallas-Fort Worth"),
        ("LinkNaija | Nigeria's popular news platform", "LinkNaija"),  # tagline dropped
        ("Remember 80/90 - Memorabilia anni 80/90", "Remember 80/90"),
        ("Mensagens de Reflexão", "Mensagens de Reflexão"),
    ],
)
def test_plausible_site_names_kept(site_name, name):
    assert plausible_site_name(site_name) == name


def test_domain_slug_rejected_given_the_url():
    # og:site_name "detroitnews" on detroitnews.com names the site no better than its domain
    assert plausible_site_name("detroitnews", "https://www.detroitnews.com/story/x") is None
    assert plausible_site_name("detroitnews") == "detroitnews"
    assert plausible_site_name("Florida Today", "https://www.floridatoday.com/x") == "Florida Today"


# -- precedence --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, site_name, outlet",
    [
        # 1. the curated map beats what the page says
        ("https://www.bbc.com/news/x", "BBC News", "BBC"),
        ("https://hosted.ap.org/x", "Hosted", "Associated Press"),
        ("https://www.wsj.com/articles/x", "WSJ", "The Wall Street Journal"),
        # 2. a plausible site name beats the domain
        ("https://www.sfgate.com/news/x", "SFGate", "SFGate"),
        ("https://news.example.com/2024/x", "The Daily Example", "The Daily Example"),
        # 3. the registered domain when the site name is junk or missing
        ("https://www.example-news.com/x", "Copyright 2014", "example-news.com"),
        ("https://www.hawaiinewsnow.com/x", "https://www.hawaiinewsnow.com", "hawaiinewsnow.com"),
        ("https://www.nj.com/x", "nj", "nj.com"),
        ("https://www.example-news.com/x", None, "example-news.com"),
        # no URL: the site name alone, or a domain-shaped site name read as a domain
        (None, "The Daily Example", "The Daily Example"),
        (None, "Sportsnet.ca", "sportsnet.ca"),
        (None, "bbc.co.uk", "BBC"),
        # 4. nothing to go on
        (None, "Copyright 2014", None),
        (None, None, None),
        ("http://localhost/x", "Home", None),
    ],
)
def test_outlet_name_precedence(url, site_name, outlet):
    assert outlet_name(url, site_name) == outlet


# -- the HTML reader and sidecars --------------------------------------------------------------------


def _page(site_name: str | None, url: str | None, extra: str = "") -> str:
    head = "<title>Harbour bridge to close for repairs</title>"
    if site_name is not None:
        head += f'<meta property="og:site_name" content="{site_name}">'
    if url is not None:
        head += f'<link rel="canonical" href="{url}">'
    body = ("<p>The harbour bridge will close to all traffic for six weeks from April, the city council "
            "announced on Tuesday, after engineers found corrosion in two of its main cables.</p>") * 3
    return f"<html><head>{head}{extra}</head><body><article><h1>Harbour bridge</h1>{body}</article></body></html>"


@pytest.mark.parametrize(
    "site_name, url, outlet",
    [
        ("Copyright 2014", "https://www.example-news.com/2024/03/05/bridge", "example-news.com"),
        ("Hosted", "https://hosted.ap.org/citizensvoice/article/abc", "Associated Press"),
        ("https://www.hawaiinewsnow.com", "https://www.hawaiinewsnow.com/2019/11/19/x/", "hawaiinewsnow.com"),
        ("nj", "https://www.nj.com/news/2019/11/x.html", "nj.com"),  # not trafilatura's "Nj" either
        ("The Daily Example", "https://news.example.com/2024/03/05/bridge", "The Daily Example"),
        ("CNN International", "https://edition.cnn.com/2024/03/05/bridge", "CNN"),
        ("The Daily Example", None, "The Daily Example"),
    ],
)
def test_html_outlet(site_name, url, outlet, no_network):
    _, meta, _ = extract_html("page.html", _page(site_name, url))
    assert meta.get("outlet") == outlet


def test_html_og_site_name_beats_a_syndicated_publisher():
    # an AP story on SFGate: JSON-LD names the wire service, the site calls itself SFGate
    json_ld = json.dumps({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Associated Press"}})
    extra = f'<script type="application/ld+json">{json_ld}</script>'
    _, meta, _ = extract_html("page.html", _page("SFGate", "https://www.sfgate.com/news/article/x.php", extra))
    assert meta["outlet"] == "SFGate"


def test_html_copyright_meta_is_not_an_outlet():
    # trafilatura takes a "copyright" meta tag as the site name when there is no og:site_name
    extra = '<meta name="copyright" content="Copyright 2014">'
    _, meta, _ = extract_html("page.html", _page(None, "https://www.jaraguadosul.com.br/news/x", extra))
    assert meta["outlet"] == "jaraguadosul.com.br"


@pytest.mark.parametrize(
    "sidecar, outlet, warned",
    [
        ({"outlet": "TASS"}, "TASS", False),
        ({"outlet": "my local paper"}, "my local paper", False),  # the user's choice, kept as given
        ({"publisher": "The Daily Example"}, "The Daily Example", False),
        ({"outlet": "Copyright 2014", "url": "https://www.example-news.com/a"}, "example-news.com", True),
        ({"outlet": "Hosted", "url": "https://hosted.ap.org/x"}, "Associated Press", True),
        ({"outlet": "https://www.example-news.com"}, None, True),  # junk and no URL: left out
        ({"url": "https://www.theguardian.com/world/x"}, "The Guardian", False),  # a URL alone names it
        ({"url": "https://www.example-news.com/a"}, "example-news.com", False),
        ({"title": "Bridge"}, None, False),
    ],
)
def test_sidecar_outlet_on_text(tmp_path, sidecar, outlet, warned):
    (tmp_path / "a.txt").write_text("The mayor resigned on Tuesday.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    doc = read_path(tmp_path / "a.txt")
    assert doc.meta.get("outlet") == outlet
    assert any("does not look like a name" in w for w in doc.warnings) == warned


@pytest.mark.parametrize(
    "sidecar, outlet",
    [
        ({}, "The Daily Example"),
        ({"url": "https://news.example.com/2024/03/05/bridge?utm=1"}, "The Daily Example"),  # same site
        ({"url": "https://www.other-paper.com/reprint"}, "other-paper.com"),  # another site: its own
        ({"outlet": "Hosted"}, "The Daily Example"),  # junk: the page's own outlet
    ],
)
def test_sidecar_outlet_on_html(tmp_path, sidecar, outlet):
    (tmp_path / "a.html").write_text(_page("The Daily Example", "https://news.example.com/2024/03/05/bridge"),
                                     encoding="utf-8")
    if sidecar:
        (tmp_path / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    assert read_path(tmp_path / "a.html").meta["outlet"] == outlet
