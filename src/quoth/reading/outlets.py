"""Outlet names from the site, not from whatever a page's metadata holds (issue #10).

A page's ``og:site_name`` (or trafilatura's ``sitename``, which also falls back on ``copyright`` meta
tags, Twitter handles, title segments and the URL's host) can be ``Copyright 2014``, ``Hosted``, a URL
or a tagline. :func:`outlet_name` picks, in this order:

1. the curated name of the URL's site (``data/outlets.tsv``: major English-language news outlets, so
   ``edition.cnn.com`` and ``www.cnn.com`` are both ``CNN`` whatever their pages say);
2. the site name the page gives, if it looks like a name (:func:`plausible_site_name`);
3. the URL's registered domain (``example-news.com``), from the Public Suffix List that the ``tld``
   package bundles (read from disk; nothing is downloaded); without a URL, a site name that is a
   domain (``Sportsnet.ca``) is read as one;
4. ``None``.

Example:
    >>> outlet_name("https://edition.cnn.com/2024/01/01/x.html", "CNN International")
    'CNN'
    >>> outlet_name("https://www.example-news.com/a", "Copyright 2014")
    'example-news.com'
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from tld import get_tld

__all__ = ["curated_name", "host", "outlet_name", "plausible_site_name", "registered_domain"]

# A site name longer than this is a tagline or a title, not a name ("Expert how-to for ...").
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
# a domain written out: "livescience.com", "Phys.org", "PanARMENIAN.Net"
_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}\.?$", re.I)
_COPYRIGHT = re.compile(r"copyright|©|\(c\)|all rights reserved", re.I)
# a tagline after the name: "LinkNaija | Nigeria's popular news platform"
_SEGMENT = re.compile(r"\s+(?:[|–—·»]|-|::)\s+")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_NOT_IN_NAMES = re.compile(r"[@_<>{}\[\]\\]")
_GENERIC = frozenset({
    "article", "articles", "blog", "blogger", "breaking news", "default", "facebook", "feed",
    "front page", "headlines", "home", "home page", "homepage", "hosted", "index", "instagram",
    "latest news", "local news", "main", "main page", "n/a", "na", "news", "news online", "none",
    "null", "online", "page", "rss", "site", "top stories", "twitter", "undefined", "unknown",
    "untitled", "web site", "website", "welcome", "wordpress", "world news", "youtube",
})


def outlet_name(url: str | None, site_name: str | None) -> str | None:
    """The outlet's name: curated name of the URL's site > a plausible site name > the registered
    domain > ``None``.

    Args:
        url: the article's URL (a bare host is accepted too), or ``None``.
        site_name: what the page calls its site (``og:site_name``), or ``None``.

    Example:
        >>> outlet_name("https://www.bbc.co.uk/news/uk-1", None)
        'BBC'
        >>> outlet_name("https://www.hawaiinewsnow.com/2019/x/", "https://www.hawaiinewsnow.com")
        'hawaiinewsnow.com'
    """
    if url:
        return curated_name(url) or plausible_site_name(site_name, url) or registered_domain(url)
    # no URL: a site name that is a domain ("Sportsnet.ca") stands in for it
    if isinstance(site_name, str) and _DOMAIN.match(name := site_name.strip()):
        return curated_name(name) or registered_domain(name)
    return plausible_site_name(site_name)


def host(url: str | None) -> str | None:
    """The URL's host name, lower case, without port, ``www.``-style prefix kept; ``None`` if there is none.

    Example:
        >>> host("HTTPS://Edition.CNN.com:443/x")
        'edition.cnn.com'
    """
    if not url or not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    if not _SCHEME.match(url):
        url = "http://" + url.lstrip("/")
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if not name:
        return None
    name = name.rstrip(".")
    if "xn--" in name:
        try:
            name = name.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    return name or None


def registered_domain(url: str | None) -> str | None:
    """The URL's registered domain (public suffix plus one label), or ``None`` (an IP address, a
    ``localhost``, no known suffix).

    Private suffixes count (``blogspot.com``), so a hosted blog is its own site.

    Example:
        >>> [registered_domain(u) for u in ("www.bbc.co.uk", "edition.cnn.com", "news.yahoo.co.jp")]
        ['bbc.co.uk', 'cnn.com', 'yahoo.co.jp']
    """
    name = host(url)
    if not name:
        return None
    result = get_tld(name, fix_protocol=True, as_object=True, fail_silently=True)
    return result.fld if result else None


def curated_name(url: str | None) -> str | None:
    """The curated name of the URL's site: its host, then each parent down to the registered domain,
    looked up in ``data/outlets.tsv``.

    Example:
        >>> curated_name("https://abcnews.go.com/US/x"), curated_name("https://www.go.com/")
        ('ABC News', None)
    """
    name, domain = host(url), registered_domain(url)
    if not name or not domain:
        return None
    known = known_outlets()
    labels = name.split(".")
    for i in range(len(labels) - domain.count(".")):
        if found := known.get(".".join(labels[i:])):
            return found
    return None


def plausible_site_name(site_name: str | None, url: str | None = None) -> str | None:
    """The site name tidied (white space collapsed, a trailing tagline dropped), or ``None`` if it
    does not look like a name.

    Rejected: URLs and domains, copyright lines, generic labels (``Home``, ``News``, ``Hosted``),
    handles and markup (``@``, ``_``, brackets), more than :data:`MAX_NAME_WORDS` words, no two
    letters in a row (``2014``, ``U.S.``), and, given the page's ``url``, the domain's own label in
    lower case (``detroitnews`` on ``detroitnews.com``: a slug, which the domain itself names better).

    Example:
        >>> plausible_site_name("LinkNaija | Nigeria's popular news platform")
        'LinkNaija'
        >>> [plausible_site_name(s) for s in ("Copyright 2014", "Hosted", "livescience.com")]
        [None, None, None]
    """
    if not site_name or not isinstance(site_name, str):
        return None
    name = " ".join(site_name.split())
    if _SCHEME.match(name) or "www." in name.lower():
        return None
    name = next((part for part in _SEGMENT.split(name) if part.strip()), "").strip(" -|:;,")
    if (
        len(name) > MAX_NAME_CHARS
        or len(name.split()) > MAX_NAME_WORDS
        or not _LETTERS.search(name)
        or _DOMAIN.match(name)
        or _COPYRIGHT.search(name)
        or _NOT_IN_NAMES.search(name)
        or name.casefold().removeprefix("the ") in _GENERIC
        or _is_slug(name, url)
    ):
        return None
    return name


def _is_slug(name: str, url: str | None) -> bool:
    """``detroitnews`` for ``detroitnews.com``: the domain's first label, lower case, one word."""
    if name != name.lower() or " " in name or not (domain := registered_domain(url)):
        return False
    return re.sub(r"\W", "", name) == domain.split(".")[0].replace("-", "")


@cache
def known_outlets() -> dict[str, str]:
    """Domain or host -> outlet name, from the packaged ``data/outlets.tsv``."""
    text = (resources.files("quoth") / "data" / "outlets.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {domain.strip().lower(): name.strip() for domain, name in rows[1:]}
