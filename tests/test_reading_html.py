"""quoth.reading.html: article text (headline first, no boilerplate) and metadata from HTML pages."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from quoth.errors import NoArticle
from quoth.reading import read_bytes
from quoth.reading.html import extract_html

REPO = Path(__file__).resolve().parents[1]
AEB = REPO.parent / "shared" / "html" / "aeb"

HEADLINE = "Harbour bridge to close for repairs"
BODY = [
    "The harbour bridge will close to all traffic for six weeks from April, the city council announced "
    "on Tuesday, after engineers found corrosion in two of its main cables.",
    '"We cannot take any risks with a structure that carries forty thousand vehicles a day," said Maria '
    "Lopez, the council's head of transport. \"The repairs are urgent, and they will be done as quickly "
    'as the weather allows."',
    "Ferry operators said they would add extra crossings during the closure. Local businesses on both "
    "shores warned that the disruption would hurt trade during the busy spring season.",
    "The bridge, opened in 1932, last underwent major repairs in 1998. Engineers expect the cables to "
    "last another fifty years once the work is finished, according to the council's report.",
]

HEAD = """<meta charset="utf-8">
<title>Harbour bridge to close for repairs | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
{dates}
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://news.example.com/2024/03/05/harbour-bridge-repairs">"""

ARTICLE = """<header>
  <a href="/">The Daily Example</a>
  <nav class="main-nav"><ul>
    <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
</header>
<main>
<article>
  <h1>Harbour bridge to close for repairs</h1>
  <p class="byline">By Jane Reporter</p>
  <div class="share-buttons">
    <a href="https://facebook.com/share">Share on Facebook</a>
    <a href="https://twitter.com/intent">Share on Twitter</a>
    <a href="mailto:?">Email this article</a>
  </div>
  <figure>
    <img src="/img/bridge.jpg" alt="The bridge at dusk">
    <figcaption>The harbour bridge at dusk, seen from the north shore.
      <span class="credit">Photo: Sam Lens/Example Agency</span></figcaption>
  </figure>
  <p>The harbour bridge will close to all traffic for six weeks from April, the city council
  announced on Tuesday, after engineers found corrosion in two of its main cables.</p>
  <p>"We cannot take any risks with a structure that carries forty thousand vehicles a day,"
  said Maria Lopez, the council's head of transport. "The repairs are urgent, and they will be
  done as quickly as the weather allows."</p>
  <p>Ferry operators said they would add extra crossings during the closure. Local businesses on
  both shores warned that the disruption would hurt trade during the busy spring season.</p>
  <aside class="related">
    <h3>Related:</h3>
    <ul>
      <li><a href="/a">Council approves new budget for road works</a></li>
      <li><a href="/b">Ferry fares to rise next month</a></li>
    </ul>
  </aside>
  <p>The bridge, opened in 1932, last underwent major repairs in 1998. Engineers expect the
  cables to last another fifty years once the work is finished, according to the council's report.</p>
  <div class="newsletter">Sign up for our morning newsletter to get the day's news in your inbox.
    <form><input type="email"><button>Subscribe</button></form></div>
</article>
<section id="comments" class="comments">
  <h2>Comments</h2>
  <div class="comment"><p>Finally! That bridge has been rusting for years, everyone could see it.</p></div>
  <div class="comment"><p>Six weeks of ferry queues, what a nightmare for commuters like me.</p></div>
</section>
</main>
<footer><p>© 2024 The Daily Example. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a></footer>"""

META_DATE = '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">'


def page(dates: str = META_DATE, body: str = ARTICLE) -> str:
    head = HEAD.format(dates=dates)
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n'


NEWS_PAGE = page()


def _benchmark():
    """benchmarks/html_reader.py, imported by path (benchmarks/ is not a package)."""
    path = REPO / "benchmarks" / "html_reader.py"
    spec = importlib.util.spec_from_file_location("html_reader_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- body text ---------------------------------------------------------------------------------------


def test_headline_then_body_paragraphs():
    text, _, warnings = extract_html("news.html", NEWS_PAGE)
    assert text.split("\n\n") == [HEADLINE, *BODY]
    assert warnings == []


@pytest.mark.parametrize(
    "boilerplate",
    [
        "harbour bridge at dusk",  # <figcaption>
        "Sam Lens",  # photo credit
        "Related",  # "Related:" list heading ...
        "Council approves new budget",  # ... and its links
        "Ferry fares to rise",
        "Share on",  # share buttons
        "Email this article",
        "Politics",  # nav menu
        "Finally! That bridge",  # comments
        "ferry queues",
        "newsletter",  # newsletter prompt
        "All rights reserved",  # footer
        "By Jane Reporter",  # byline (the author is in meta)
    ],
)
def test_boilerplate_left_out(boilerplate):
    text, _, _ = extract_html("news.html", NEWS_PAGE)
    assert boilerplate.lower() not in text.lower()


def test_headline_given_once_when_the_body_starts_with_it():
    # precision mode usually drops the <h1>; when it keeps it (a short page), it is not repeated
    html = "<html><head><title>Mayor quits</title></head><body><article><h1>Mayor quits</h1>" \
           "<p>The mayor resigned on Tuesday after weeks of pressure from the council.</p>" \
           "</article></body></html>"
    text, meta, _ = extract_html("a.html", html)
    assert text == "Mayor quits\n\nThe mayor resigned on Tuesday after weeks of pressure from the council."
    assert meta["title"] == "Mayor quits"


def test_headline_without_site_name():
    # no single <h1>, and an og:title ending in the site name, which trafilatura keeps as the title
    body = ARTICLE.replace("<h1>Harbour bridge to close for repairs</h1>", "")
    og_title = f'<meta property="og:title" content="{HEADLINE} – The Daily Example">'
    text, meta, _ = extract_html("news.html", page(dates=META_DATE + og_title, body=body))
    assert meta["title"] == HEADLINE
    assert meta["outlet"] == "The Daily Example"
    assert text.split("\n\n") == [HEADLINE, *BODY]


def test_title_segment_not_naming_the_site_kept():
    og_title = '<meta property="og:title" content="Bridge closure: what drivers need to know">'
    body = ARTICLE.replace("<h1>Harbour bridge to close for repairs</h1>", "")
    _, meta, _ = extract_html("news.html", page(dates=META_DATE + og_title, body=body))
    assert meta["title"] == "Bridge closure: what drivers need to know"


def test_paragraph_layout_is_clean():
    # offsets point into this text: no stray white space, exactly one blank line between paragraphs
    text, _, _ = extract_html("news.html", NEWS_PAGE)
    assert "\n\n\n" not in text
    assert all(p == p.strip() and "\n" not in p for p in text.split("\n\n"))
    quote = "We cannot take any risks with a structure that carries forty thousand vehicles a day,"
    start = text.index(quote)
    assert text[start : start + len(quote)] == quote


def test_related_and_widget_label_paragraphs_dropped():
    # labels inside the article's own flow, which trafilatura keeps as paragraphs (step 3)
    extra = """<p><strong>Read more:</strong> <a href="/c">Mayor says the budget is safe</a></p>
  <p>Related: <a href="/d">Council leader says ferries will cope</a></p>
  <p>Comments</p>"""
    body = ARTICLE.replace("<p>Ferry operators", extra + "\n  <p>Ferry operators")
    text, _, _ = extract_html("news.html", page(body=body))
    assert text.split("\n\n") == [HEADLINE, *BODY]


def test_data_table_rows_are_paragraphs():
    table = """<table><tr><th>Crossing</th><th>Minutes</th></tr>
  <tr><td>Bridge</td><td>4</td></tr><tr><td>Ferry</td><td>25</td></tr></table>"""
    body = ARTICLE.replace("<p>Ferry operators", table + "\n  <p>Ferry operators")
    text, _, _ = extract_html("news.html", page(body=body))
    assert "Crossing | Minutes\n\nBridge | 4\n\nFerry | 25" in text


# -- metadata ----------------------------------------------------------------------------------------


def test_meta_from_the_page():
    _, meta, _ = extract_html("news.html", NEWS_PAGE)
    assert meta == {
        "title": HEADLINE,
        "url": "https://news.example.com/2024/03/05/harbour-bridge-repairs",
        "outlet": "The Daily Example",
        "author": "Jane Reporter",
        "published": "2024-03-05",
        "published_source": "html meta (article:published_time)",
    }


def test_published_from_json_ld():
    json_ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "VideoObject", "name": "Bridge drone footage", "datePublished": "2023-12-01"},
            {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2024-03-04T18:00:00-05:00"},
        ],
    }
    dates = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>'
    _, meta, _ = extract_html("news.html", page(dates=dates))
    assert meta["published"] == "2024-03-04"  # the article's, not the video's; the day as written
    assert meta["published_source"] == "json-ld (datePublished)"


def test_malformed_json_ld_is_skipped():
    dates = '<script type="application/ld+json">{"datePublished": "2024-03-04",</script>' + META_DATE
    _, meta, _ = extract_html("news.html", page(dates=dates))
    assert meta["published"] == "2024-03-05"
    assert meta["published_source"] == "html meta (article:published_time)"


def test_utc_timestamp_a_day_after_the_url_date():
    # an evening story in UTC-5 is stamped the next day in UTC; the URL keeps the publisher's day
    dates = '<meta property="article:published_time" content="2024-03-06T02:10:00Z">'
    _, meta, _ = extract_html("news.html", page(dates=dates))
    assert meta["published"] == "2024-03-05"
    assert meta["published_source"] == "url path (the page's UTC timestamp is a day off)"


def test_placeholder_date_ignored():
    dates = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">' \
            '<script type="application/ld+json">{"@type": "Article", "datePublished": "2024-03-05"}</script>'
    _, meta, _ = extract_html("news.html", page(dates=dates))
    assert meta["published"] == "2024-03-05"
    assert meta["published_source"] == "json-ld (datePublished)"


def test_unknown_meta_keys_left_out():
    html = "<html><body><article><p>The mayor resigned on Tuesday after weeks of pressure from the " \
           "council, which had demanded an inquiry into the contracts she signed.</p></article></body></html>"
    _, meta, _ = extract_html("bare.html", html)
    assert not {"author", "published", "published_source", "url", "outlet"} & set(meta)


# -- malformed input and pages without an article ----------------------------------------------------


def test_truncated_html():
    cut = NEWS_PAGE.index("Ferry operators said")
    text, _, _ = extract_html("cut.html", NEWS_PAGE[: cut + 40])
    assert text.split("\n\n")[:3] == [HEADLINE, *BODY[:2]]


def test_no_html_or_body_tags():
    html = "<title>Mayor quits</title><p>The mayor resigned on Tuesday after weeks of pressure.</p>" \
           '<p>"I have done nothing wrong," she said.</p>'
    text, _, _ = extract_html("fragment.html", html)
    assert text == 'Mayor quits\n\nThe mayor resigned on Tuesday after weeks of pressure.\n\n' \
                   '"I have done nothing wrong," she said.'


@pytest.mark.parametrize(
    "html",
    [
        "<<<>>> %%% ###",
        "<html><head></head><body></body></html>",
        "just some words, no markup at all",
        "<html><body><div><span></span></div>",
        "<html>\x00\x01</html>",
    ],
)
def test_garbage_raises_no_article_naming_the_input(html):
    with pytest.raises(NoArticle) as info:
        extract_html("junk.html", html)
    assert str(info.value).startswith("junk.html: ")
    assert info.value.name == "junk.html"


def test_index_page_has_no_article():
    html = """<html><head><title>Example News - Home</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
<main><h2><a href="/a">Storm hits coast, thousands without power</a></h2>
<h2><a href="/b">Council approves new budget after long debate</a></h2>
<h2><a href="/c">Local team wins championship in overtime thriller</a></h2></main>
<footer>© 2024 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""
    with pytest.raises(NoArticle) as info:
        extract_html("index.html", html)
    assert str(info.value) == (
        "index.html: no article body found in the HTML (an index, login or error page?); "
        "if the page is an article, save its text and read that instead"
    )


def test_short_page_warns():
    html = "<html><head><title>Page not found</title></head><body><h1>Page not found</h1>" \
           "<p>Sorry, the page you are looking for does not exist.</p></body></html>"
    _, _, warnings = extract_html("404.html", html)
    assert warnings == ["404.html: only 51 characters of article text found; the page may not be an article"]


def test_read_bytes_uses_the_html_reader():
    document = read_bytes(NEWS_PAGE.encode("utf-8"), "news", name="news.html")  # format auto: <!DOCTYPE html
    text, meta, _ = extract_html("news.html", NEWS_PAGE)
    assert (document.format, document.text, document.meta) == ("html", text, meta)


# -- real pages (article-extraction-benchmark) -------------------------------------------------------

REAL_PAGES = [
    "7de5241947a5f7147fe9787c6f6fa16685bfe66e6c35510a68780f27690dc4f0",  # detroitnews.com
    "d1c57d7821e5a5b27fb468c59489601bb2a042b1c05221166e3221d2b5dc217f",  # spacenews.com
    "1ee91d1fce65e09be8b8d2d29eab771546d98ca2ba5c862941e660e9fec12432",  # polygraph.info
    "c58aa507c4deebd660f69905f9abb8f96d935f6e7210f597ed4cd32b3f39f7f7",  # usatoday.com
]


@pytest.mark.skipif(not (AEB / "ground-truth.json").is_file(), reason=f"AEB pages not found at {AEB}")
@pytest.mark.parametrize("page_id", REAL_PAGES)
def test_real_page_f1(page_id):
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    html = gzip.decompress((AEB / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    text, meta, _ = extract_html(page_id, html)
    _, _, f1 = _benchmark().token_prf(text, truth[page_id]["articleBody"])
    assert f1 >= 0.85
    assert text.split("\n\n")[0] == meta["title"]
    assert meta["published"].startswith("2019-11-")


def test_token_prf():
    token_prf = _benchmark().token_prf
    assert token_prf("The cat, the cat!", "the cat sat") == pytest.approx((0.5, 2 / 3, 4 / 7))
    assert token_prf("", "gold") == (0.0, 0.0, 0.0)


# -- the article body only: furniture, embeds, cards and cut sentences (quoth.reading.boilerplate, cuts) --

from quoth.reading.boilerplate import is_furniture, strip_inline_cards  # noqa: E402
from quoth.reading.cuts import restore_cut_prose  # noqa: E402

FERRY = "<p>Ferry operators"


def _with(extra: str, before: str = FERRY) -> list[str]:
    """The paragraphs of the news page with ``extra`` markup inserted before ``before``."""
    text, _, _ = extract_html("news.html", page(body=ARTICLE.replace(before, extra + "\n  " + before, 1)))
    return text.split("\n\n")


def test_hover_card_after_a_name_dropped():
    # The Hill: a hidden card after each person's name (the name again, headlines, a MORE link)
    card = """<p>The closure was first proposed by Rep. <span class="rollover-people"><a class="rollover-people-link"
  href="/people/jane-doe">Jane Doe</a><span class="rollover-people-block"><span class="rollover-block"><span><img
  src="/doe.jpg" alt=""><a class="name" href="/people/jane-doe">Jane Doe</a><a class="people-articles"
  href="/a">Progressives oppose spending stopgap measure over surveillance authority</a> <a class="people-articles"
  href="/b">Doe says the budget deal is dead | Senate returns</a> <a class="more" href="/people/jane-doe">MORE<span>
  </span></a></span></span></span></span> (D-Ohio), the council's records show.</p>"""
    paragraphs = _with(card)
    assert "The closure was first proposed by Rep. Jane Doe (D-Ohio), the council's records show." in paragraphs
    assert not any("Progressives" in p or "MORE" in p for p in paragraphs)


def test_hover_card_text_with_a_fuller_name():
    text = ("South Dakota Gov. Kristi NoemKristi Lynn NoemSouth Dakota drops pipeline protest laws after "
            "lawsuit New law requiring sign goes into effect MORE (R) is defending the campaign.")
    assert strip_inline_cards(text) == "South Dakota Gov. Kristi Noem (R) is defending the campaign."
    plain = "The iPhone maker said MORE than 40 stores would open. McDonald's said so too."
    assert strip_inline_cards(plain) == plain


TWEET = """<p>Lopez defended the decision on Twitter on Tuesday evening, a day after the council vote.</p>
  <blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">The bridge is safe to cross today,
  but it will not be safe in a year unless we act now pic.twitter.com/AbCdEf123</p>&mdash; Maria Lopez
  (@MariaLopezTransport) <a href="https://twitter.com/x/status/1">March 5, 2024</a></blockquote>
  <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>"""


def test_embedded_tweet_dropped_and_the_prose_about_it_kept():
    paragraphs = _with(TWEET)
    assert "Lopez defended the decision on Twitter on Tuesday evening, a day after the council vote." in paragraphs
    assert not any("safe to cross" in p or "@MariaLopez" in p or "pic.twitter" in p for p in paragraphs)
    assert paragraphs == [HEADLINE, *BODY[:2],
                          "Lopez defended the decision on Twitter on Tuesday evening, a day after the council vote.",
                          *BODY[2:]]


def test_post_quoted_without_its_embed_class_dropped_whole():
    # an archived page keeps the <blockquote> but not its class: the signature line marks the post
    post = TWEET.replace(' class="twitter-tweet" data-lang="en"', "")
    paragraphs = _with(post)
    assert not any("safe to cross" in p or "@MariaLopez" in p for p in paragraphs)
    pull_quote = ("<blockquote><p>We cannot wait for the cables to fail before we repair them, and the engineers "
                  "agree with that assessment completely.</p></blockquote>")
    assert any("cannot wait for the cables" in p for p in _with(pull_quote))


@pytest.mark.parametrize(
    "furniture",
    [
        "(Reporting by Jane Reporter; additional reporting by Sam Lens; Editing by Ann Desk)",
        "Sam Lens and Ann Desk contributed to this report.",
        "Sign up for The Morning Brief, our free daily newsletter, delivered to your inbox.",
        "Follow The Daily Example on Twitter, Facebook and Instagram.",
        "Write to Jane Reporter at jane.reporter@example.com",
        "Copyright 2024 The Daily Example. All rights reserved.",
        "SEE MORE: Ferry fares to rise next month as fuel costs soar",
        "Also on example.com Ferry fares to rise next month as fuel costs soar",
        "Engineers say the cables have decades left in them.Click To Tweet",
        "Ferry fares to rise next month as fuel costs soar [VIDEO]",
        "Workers inspect the north cable of the bridge on Monday. (Photo: Sam Lens/Example Agency)",
        "If you enjoyed this article, consider becoming a member of The Daily Example.",
        "[Related: Ferry fares to rise next month as fuel costs soar]",
        "Start your day with The Morning Brief. Sign up for the free daily newsletter.",
        "Get The Daily Example delivered to your door every week. Click here for more information.",
        'Jane Reporter\'s book, "Bridges" (Example Press, 2023), is out now. Follow her on Twitter @jreporter.',
        "Podcast: https://example.com/podcast/bridge-episode",
        "Follow our full coverage of the harbour bridge at https://example.com/bridge",
        "Workers inspect the north cable of the bridge on Monday. (AP Photo/Sam Lens)",
        "Image credit: Sam Lens for The Daily Example",
        "by Jane Reporter",
    ],
)
def test_page_furniture_in_the_article_flow_dropped(furniture):
    assert _with(f"<p>{furniture}</p>") == [HEADLINE, *BODY]


def test_linked_headlines_in_the_article_flow_dropped():
    # a list of links to other stories, underlined, between two paragraphs (as on livescience.com)
    links = """<ul><li><a href="/a"><u>Council approves new budget for road works</u></a></li>
  <li><a href="/b"><u>Ferry fares to rise next month as fuel costs soar</u></a></li>
  <li><a href="/c"><u>Five things to know about the harbour bridge closure</u></a></li></ul>"""
    assert _with(links) == [HEADLINE, *BODY]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"Sign up for the newsletter and your inbox fills with spin," said Tom Field, a council critic.',
        'Field, who follows the council on Twitter, said: "Copyright 2024 or not, the report is public."',
        "The council will publish the engineers' full report on its website, officials said.",
        "By then the council had already voted to close the bridge for six weeks",
    ],
)
def test_article_sentences_like_furniture_kept(paragraph):
    # a paragraph with a quotation (and the sentence naming its speaker) is never furniture
    assert not is_furniture(paragraph)
    assert paragraph in _with(f"<p>{paragraph}</p>")


def _cards_page(paragraphs: list[str]) -> str:
    """A page whose paragraphs each sit in their own card, as some sites lay them out."""
    cards = "".join(f'<div class="card collection-item"><div class="card-content"><p>{p}</p></div></div>'
                    for p in paragraphs)
    return page(body=f"<article><h1>{HEADLINE}</h1>{cards}</article>")


def test_sentence_cut_by_precision_mode_restored():
    # precision mode drops a card whose words are mostly a link; the sentence names a speaker
    cut = 'The closure was announced by <a href="/people/lopez">Maria Lopez</a> in <a href="/doc">a statement to the council</a>.'
    text, _, _ = extract_html("cards.html", _cards_page([*BODY[:2], cut, *BODY[2:]]))
    assert text.split("\n\n") == [HEADLINE, *BODY[:2],
                                  "The closure was announced by Maria Lopez in a statement to the council.", *BODY[2:]]


def test_link_words_cut_inside_a_sentence_restored():
    # precision mode prunes <span class="link">, and with it words in mid-sentence
    linked = BODY[2].replace("add extra crossings", '<span class="link"><a href="/f">add extra crossings</a></span>')
    text, _, _ = extract_html("news.html", page(body=ARTICLE.replace(
        "<p>Ferry operators said they would add extra crossings during the closure. Local businesses on\n"
        "  both shores warned that the disruption would hurt trade during the busy spring season.</p>",
        f"<p>{linked}</p>")))
    assert text.split("\n\n") == [HEADLINE, *BODY]


def test_restore_cut_prose_only_inside_the_body():
    kept = ["First kept paragraph of the story.", "Second kept paragraph of the story."]
    sentence = "The plan was announced by the mayor on Monday."
    # inside: restored
    assert restore_cut_prose(kept, [kept[0], sentence, kept[1]]) == [kept[0], sentence, kept[1]]
    # at the edges (a teaser before the story, a footer after it): left out
    assert restore_cut_prose(kept, [sentence, *kept, sentence]) == kept
    # not a sentence, or a block of three paragraphs (a widget): left out
    assert restore_cut_prose(kept, [kept[0], "Ferry fares to rise next month", kept[1]]) == kept
    assert restore_cut_prose(kept, [kept[0], sentence, sentence, sentence, kept[1]]) == kept
    # a kept paragraph's fuller form (words cut from inside) replaces it; other rewrites do not
    assert restore_cut_prose(["Lopez said that for his role."], ["Lopez said that he was fined for his role."]) \
        == ["Lopez said that he was fined for his role."]
    assert restore_cut_prose(["Lopez said that for his role."], ["Lopez said that for his role. More here"]) \
        == ["Lopez said that for his role."]
