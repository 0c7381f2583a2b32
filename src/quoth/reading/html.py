"""HTML page to article text: trafilatura's extraction, headline first, plus the page's metadata.

The text comes from a short cascade in the style of trafilatura's own (trafilatura/core.py): step 2's second
extraction replaces step 1's if step 1 under-delivered, else only fills what step 1 cut from inside the
body; step 3 cleans whichever result is kept.

0. Social-media embeds (a tweet's ``<blockquote class="twitter-tweet">``) are taken out of the page:
   a post is not the article's text (:mod:`quoth.reading.boilerplate`).
1. trafilatura in precision mode (``favor_precision``, comments off): the main extractor, compared with
   its readability and jusText fallbacks. Precision mode prunes more boilerplate (share bars, captions,
   "Related" lists) than the balanced mode, which matters here: every quote offset points into this text.
2. trafilatura in its balanced mode (which adds its own recall escalation). If step 1 kept less than a
   short article's worth (``SHORT_BODY_CHARS``), its text replaces step 1's when it is
   ``RETRY_ACCEPT_RATIO`` times longer, i.e. when step 1 had latched onto a stray block (a reprint
   notice) rather than trimmed a short article. Step 1 finding nothing at all is final: balanced mode
   then returns the page's navigation (an index page) more often than an article. Otherwise step 1's
   text is kept, with what precision mode cut from inside it put back from the balanced text: a
   sentence pruned for its links, words of a sentence pruned with a link (:mod:`quoth.reading.cuts`).
3. Paragraphs that are not the article's are dropped: a related-story link ("Read more: ...",
   "Related: ...") or a widget label ("Comments", "Print Article"), which trafilatura keeps as text (26
   paragraphs on 19 of the 181 benchmark pages, none of them article text; a linked headline ("Read
   more: Mayor says ...") would otherwise yield a false attribution); a paragraph that is the whole text
   of a linked headline; promotion, credit lines and captions; what is left of a social post (its
   signature, "— Name (@handle) March 5, 2024"). A hover card trafilatura inlines after a name (The
   Hill's "... MORE") is cut from its sentence (:mod:`quoth.reading.boilerplate`).

The body text is the headline (trafilatura's title, without a trailing site name) as its own paragraph,
then one paragraph per block of trafilatura's XML body (see :func:`_paragraphs`), separated by blank
lines.

``benchmarks/html_reader.py`` measures this against the article-extraction-benchmark pages.
"""

from __future__ import annotations

import json
import re
from datetime import date
from email.utils import parsedate_to_datetime
from html import unescape

import trafilatura
from trafilatura.settings import DEFAULT_CONFIG
from trafilatura.utils import load_html

from quoth.errors import NoArticle
from quoth.reading.boilerplate import (
    is_furniture,
    is_post_signature,
    linked_headlines,
    remove_embedded_posts,
    strip_inline_cards,
    words_key,
)
from quoth.reading.cuts import restore_cut_prose
from quoth.reading.outlets import outlet_name, plausible_site_name

__all__ = ["extract_html"]

# A news article under ~1,000 characters (about 170 words) is rare enough to double-check.
SHORT_BODY_CHARS = 1000
# The retry must find this much more text than step 1 to replace it; trafilatura's own gate for a
# different algorithm's candidate (ESCALATION_JUSTEXT_RATIO in trafilatura/core.py).
RETRY_ACCEPT_RATIO = 2.0
# Below trafilatura's own minimum for a main-extractor result the page is probably not an article;
# the text is kept, with a warning.
MIN_ARTICLE_CHARS = DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")
# htmldate's lower bound for web publication dates; earlier values are placeholders (0001-01-01).
MIN_PUBLISHED = date(1995, 1, 1)

_OPTIONS = {
    "include_comments": False,
    # measured on the benchmark: tables off loses body text (precision mode, mean F1 0.965 -> 0.955)
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": True,
}
# step 3: English labels only; a label must lead the paragraph and end in a colon (or similar)
_RELATED_LEAD = re.compile(
    r"[\[(]?(?:related(?: (?:posts?|stories|articles?|content|coverage|links?))?|read (?:more|also|next)|also read"
    r"|see also|more|recommended|watch|listen|you (?:may|might) also like)\s*[:|»>]",
    re.I,
)
_WIDGET_LABEL = re.compile(
    r"(?:\d* ?comments?|share(?: this(?: article| story)?)?|print(?: article)?|order reprints|tags"
    r"|advertisement|don'?t miss|you (?:may|might) also like|related(?: articles| stories| posts)?"
    r"|read more)",
    re.I,
)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·:»]\s+")
# trafilatura's inline elements (rare here: formatting, links and images are off)
_INLINE_TAGS = frozenset({"hi", "ref", "del", "graphic", "span"})
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report", re.I)
_UTC = re.compile(r"(?:Z|[+-]00:?00|\bUTC|\bGMT)\s*$", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")


def extract_html(name: str, html: str) -> tuple[str, dict, list[str]]:
    """Extract the article from an HTML page.

    Args:
        name: the input's name (a path or ``<stdin>``), used in errors and warnings.
        html: the page, decoded.

    Returns:
        ``(body_text, meta, warnings)``: the headline and body paragraphs separated by blank lines;
        what the page says about itself (``title``, ``published`` as ``YYYY-MM-DD`` with
        ``published_source``, ``url``, ``outlet`` (named by the site: :mod:`quoth.reading.outlets`),
        ``author``; unknown keys are left out); warnings, each naming the input.

    Raises:
        NoArticle: the input is not parseable HTML or holds no article body.

    Example:
        >>> page = ("<html><head><title>Mayor quits</title></head><body><article><h1>Mayor quits</h1>"
        ...         "<p>The mayor resigned on Tuesday after weeks of pressure from the council.</p>"
        ...         "</article></body></html>")
        >>> extract_html("a.html", page)[0]
        'Mayor quits\\n\\nThe mayor resigned on Tuesday after weeks of pressure from the council.'
    """
    try:
        tree = load_html(html)
    except Exception as e:  # lxml raises several types on hostile input; a batch must go on
        raise NoArticle(name, f"cannot be parsed as HTML ({type(e).__name__}: {e})") from None
    if tree is None:
        raise NoArticle(name, "cannot be parsed as HTML (no document structure found); "
                              "give the full page, or read the input as text")
    warnings: list[str] = []
    remove_embedded_posts(tree)
    headlines = linked_headlines(tree)

    # 1. precision mode
    try:
        result = trafilatura.bare_extraction(tree, favor_precision=True, **_OPTIONS)
    except Exception as e:  # same reason: one odd page must not abort a batch
        raise NoArticle(name, f"HTML extraction failed ({type(e).__name__}: {e})") from None
    paragraphs = _paragraphs(result, headlines)
    if not paragraphs:
        raise NoArticle(name, "no article body found in the HTML (an index, login or error page?); "
                              "if the page is an article, save its text and read that instead")

    # 2. balanced mode: a fallback if step 1 under-delivered, else the source of what step 1 cut
    # from inside the body (then its main extractor alone, without metadata, is enough: half the cost)
    length = sum(map(len, paragraphs))
    short = length < SHORT_BODY_CHARS
    options = _OPTIONS if short else {**_OPTIONS, "fast": True, "with_metadata": False}
    try:
        retry = trafilatura.bare_extraction(tree, **options)
    except Exception as e:  # a failing fallback is reported, not raised (trafilatura/core.py)
        retry = None
        warnings.append(f"{name}: balanced HTML extraction failed ({type(e).__name__}: {e}); "
                        "kept the precise one")
    retry_paragraphs = _paragraphs(retry, headlines)
    retry_length = sum(map(len, retry_paragraphs))
    if short and retry_length > RETRY_ACCEPT_RATIO * length:
        warnings.append(f"{name}: precise HTML extraction kept only {length} characters; used the "
                        f"balanced one ({retry_length} characters), which may keep some boilerplate")
        result, paragraphs, length = retry, retry_paragraphs, retry_length
    else:
        paragraphs = restore_cut_prose(paragraphs, retry_paragraphs)
        length = sum(map(len, paragraphs))
    if length < MIN_ARTICLE_CHARS:
        warnings.append(f"{name}: only {length} characters of article text found; "
                        "the page may not be an article")

    meta = _meta(tree, result)
    headline = meta.get("title")
    if headline and _words(headline) != _words(paragraphs[0]):
        paragraphs.insert(0, headline)
    return "\n\n".join(paragraphs), meta, warnings


def _paragraphs(result, headlines: set[str] = frozenset()) -> list[str]:
    """The paragraphs of trafilatura's XML body.

    One per block element (``p``, ``head``, ``quote``, list ``item``) and per ``<lb/>`` line. A data
    table's row is one paragraph, its cells joined by `` | ``; a layout table, whose cells hold blocks
    (a whole article in one cell), is unrolled into its paragraphs. trafilatura's own text output
    instead flattens such a cell into one line and marks lists and tables up in markdown.
    Link and widget labels, page furniture and embedded social posts are left out (step 3 of the
    module docstring; :mod:`quoth.reading.boilerplate`): a ``quote`` block signed like a social post
    goes whole. ``headlines`` are the :func:`~quoth.reading.boilerplate.linked_headlines` of the page.
    """
    if result is None or result.body is None:
        return []
    paragraphs: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if text := _clean("".join(pending)):
            paragraphs.append(text)
        pending.clear()

    def walk(element) -> None:
        if not isinstance(element.tag, str):  # an XML comment or processing instruction: not text
            return
        if element.tag == "lb":
            flush()
        elif element.tag == "row" and not any(_is_block(e) for c in element for e in c.iterdescendants()):
            flush()
            if row := " | ".join(filter(None, (_clean(_inline_text(cell)) for cell in element))):
                paragraphs.append(row)
        else:
            block = _is_block(element)
            if block:
                flush()
            start = len(paragraphs)
            pending.append(element.text or "")
            for child in element:
                walk(child)
                pending.append(child.tail or "")
            if block:
                flush()
            if element.tag == "quote" and any(map(is_post_signature, paragraphs[start:])):
                del paragraphs[start:]

    walk(result.body)
    paragraphs = [strip_inline_cards(p) for p in paragraphs]
    return [p for p in paragraphs if not _is_skipped(p, headlines)]


def _is_skipped(paragraph: str, headlines: set[str]) -> bool:
    return (_is_label(paragraph) or is_furniture(paragraph) or is_post_signature(paragraph)
            or words_key(paragraph) in headlines)


def _is_label(paragraph: str) -> bool:
    return bool(_RELATED_LEAD.match(paragraph) or _WIDGET_LABEL.fullmatch(paragraph.strip(" .…:")))


def _is_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag not in _INLINE_TAGS and element.tag != "lb"


def _inline_text(element) -> str:
    """An element's text with its line breaks as spaces."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "lb" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    # white space collapsed and doubly-escaped entities decoded, as trafilatura's xmltotxt does
    return unescape(" ".join(text.split()))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _meta(tree, result) -> dict:
    meta: dict = {}
    title = _headline(result.title, result.sitename)
    outlet = outlet_name(result.url, _site_name(tree, result))
    for key, value in (("title", title), ("url", result.url), ("outlet", outlet), ("author", result.author)):
        if value and value.strip():
            meta[key] = value.strip()
    published = _published(tree)
    if published:
        meta["published"], meta["published_source"] = _local_day(*published, result.url)
    elif result.date and (day := _parse_date(result.date)):
        meta["published"], meta["published_source"] = day, "trafilatura metadata (htmldate)"
    return meta


def _site_name(tree, result) -> str | None:
    """What the page calls its site: its ``og:site_name`` if that looks like a name, else trafilatura's
    ``sitename`` (which may be a syndicated story's wire service from JSON-LD, a Twitter handle or a
    title segment), unless that is only the rejected ``og:site_name`` recapitalised (``nj`` -> ``Nj``).
    """
    declared = next((value.strip() for value in tree.xpath(
        '//meta[@property="og:site_name" or @name="og:site_name"]/@content') if value.strip()), None)
    if plausible_site_name(declared, result.url):
        return declared
    guessed = result.sitename
    if declared and guessed and guessed.casefold() == declared.lstrip("@").casefold():
        return None
    return guessed


def _local_day(value: str, source: str, url: str | None) -> tuple[str, str]:
    """The publisher's day for a timestamp: a UTC time a day off the date in the page's URL is
    the URL's day (a US evening story stamped ``2019-11-20T01:50Z`` under ``/2019/11/19/``)."""
    day = _parse_date(value)
    if url and _UTC.search(value) and (match := _URL_DATE.search(url)):
        try:
            url_day = date(*map(int, match.groups()))
        except ValueError:
            return day, source
        if abs((url_day - date.fromisoformat(day)).days) == 1:
            return url_day.isoformat(), "url path (the page's UTC timestamp is a day off)"
    return day, source


def _headline(title: str | None, sitename: str | None) -> str | None:
    """The title without a trailing `` - Site name`` segment (kept by trafilatura from ``og:title``)."""
    if not title or not sitename:
        return title
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if separators:
        last = separators[-1]
        tail, site = " ".join(_words(title[last.end():])), " ".join(_words(sitename))
        if tail and f" {tail} " in f" {site} " and title[: last.start()].strip():
            return title[: last.start()].strip()
    return title


def _published(tree) -> tuple[str, str] | None:
    """The publication timestamp the page states explicitly (a parseable one), and where it was found."""
    # 1. Open Graph article tag
    og_xpath = '//meta[@property="article:published_time" or @name="article:published_time"]/@content'
    for value in tree.xpath(og_xpath):
        if _parse_date(value):
            return value, "html meta (article:published_time)"
    # 2. JSON-LD: an article-like object's datePublished first, else any
    found: list[tuple[bool, str]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        found.extend(_jsonld_dates(data))
    for _, value in sorted(found, key=lambda pair: not pair[0]):
        if _parse_date(value):
            return value, "json-ld (datePublished)"
    # 3. microdata
    microdata_xpath = '//*[@itemprop="datePublished"]/@content|//*[@itemprop="datePublished"]/@datetime'
    for value in tree.xpath(microdata_xpath):
        if _parse_date(value):
            return value, "html microdata (datePublished)"
    return None


def _jsonld_dates(data) -> list[tuple[bool, str]]:
    """(is an article, datePublished) for every object in a JSON-LD tree, in document order."""
    out: list[tuple[bool, str]] = []
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                kind = item.get("@type")
                kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
                out.append((bool(_ARTICLE_TYPES.search(kind)), value))
            stack[:0] = [v for v in item.values() if isinstance(v, (dict, list))]
    return out


def _parse_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO 8601 or RFC 2822 date: the day as written, no time zone shift."""
    if match := _ISO_DATE.match(value):
        try:
            day = date(*map(int, match.groups()))
        except ValueError:
            return None
    else:
        try:
            day = parsedate_to_datetime(value.strip()).date()
        except (TypeError, ValueError, IndexError):
            return None
    return day.isoformat() if day >= MIN_PUBLISHED else None
