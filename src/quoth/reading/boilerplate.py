"""What a reader of a news page skips: the page furniture that trafilatura keeps inside the article body.

Every quote quoth stores is an offset into the body text, so text that is not the article's own
(a linked headline, a newsletter prompt, an embedded tweet, a photo credit) would become a false
statement or lend a speaker to one. trafilatura prunes most furniture by markup; what it keeps
(measured on the 181 article-extraction-benchmark pages, ``benchmarks/html_reader.py``) falls into
the kinds below, each recognisable from the text or the page alone:

* **embedded social posts** (:func:`remove_embedded_posts`, :func:`is_post_signature`): a tweet,
  Instagram or TikTok embed is a ``<blockquote>`` of the platform's class, and in text a post's last
  line is its signature, ``— Name (@handle) November 1, 2019``. A post is quoted by the article only
  where the article's own prose says so ("Omar tweeted that ..."), and that prose stays.
* **hover cards inside a sentence** (:func:`strip_inline_cards`): The Hill follows each person's name
  with a hidden card, the name again and its latest headlines, ending in a ``MORE`` link, which
  trafilatura inlines: "Rep. Ilhan OmarIlhan OmarProgressives oppose ... MORE (D-Minn.)".
* **linked headlines** (:func:`linked_headlines`): a paragraph that is the whole text of one link and
  reads as a headline (no full stop): the "related stories" lists between paragraphs.
* **promotion, credits and captions** (:func:`is_furniture`): "Sign up for our newsletter", "Follow us
  on Twitter", "(Reporting by ...; Editing by ...)", "X contributed to this report", "Write to X at
  ...", "Copyright ...", a caption ending in its photo credit, a click-to-tweet box ("...Click To
  Tweet"), a headline tagged ``[VIDEO]``.

None of these rules drops a paragraph holding double quotation marks (a quote and, usually, the
sentence naming its speaker), except the embedded-post rules, whose whole block is the post.
"""

from __future__ import annotations

import re

__all__ = [
    "is_furniture",
    "is_post_signature",
    "linked_headlines",
    "remove_embedded_posts",
    "strip_inline_cards",
    "words_key",
]

# class names the platforms' embed scripts look for (Twitter, Instagram, TikTok, Facebook, Reddit)
_EMBED_CLASS = re.compile(
    r"(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|fb-video"
    r"|fb-xfbml-parse-ignore|reddit-card|reddit-embed-bq)(?:\s|$)"
)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019"; Instagram: "A post shared by Name (@handle) on ..."
_POST_SIGNATURE = re.compile(
    rf"(?:[—–-]\s*.{{0,80}}\(@\w{{1,30}}\)\s+{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"
    rf"|A (?:post|photo|video) shared by .{{0,80}}\(@[\w.]{{1,30}}\)(?: on .{{0,40}})?)\s*",
)
_POST_MEDIA = re.compile(r"\bpic\.twitter\.com/\w+\s*$")

# The Hill's hover card: the name, glued to the name again (or a fuller form: "Kristi NoemKristi
# Lynn Noem"), its headlines, then "MORE". The card is dropped and the first name kept.
_INLINE_CARD = re.compile(
    r"\b(?P<name>(?P<first>[A-Z][\w'’.-]+)(?: [A-Z][\w'’.-]*){0,3}[a-z.])"
    r"(?P=first)\b[^\n]{0,1500}? MORE\b"
)

_DOUBLE_QUOTE = re.compile(r"[\"“”„«»]")
# promotion and credits: short paragraphs only (a prompt is a line or two)
FURNITURE_MAX_CHARS = 400
_FURNITURE_LEAD = re.compile(
    r"(?:"
    r"\(?(?:additional |with additional )?reporting by\b|\(?(?:editing|edited|writing|compiled) by\b"
    r"|(?:source|sources|photo|photos|image|images|video|credit|credits|caption)\s*:"
    r"|(?:photo|image|picture) credits?\s*:"
    r"|[\w' ]{1,30}:\s*(?:https?://|www\.)\S+$"  # a labelled link: "iTunes: http://po.st/..."
    r"|follow .{0,80}\b(?:coverage|updates)\b.{0,80}(?:https?://|www\.)"
    r"|by (?-i:[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|de|van|von))*)$"  # a byline left in the body
    r"|copyright\s*(?:©|\(c\))?\s*\d{4}|©"
    r"|(?:email|e-mail|write to|reach|contact) (?:the )?(?:author|reporters?|writer|editor|us|him|her|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\b.{0,120}(?:@[\w-]+\.\w|twitter|https?://)"
    r"|follow (?:us|@\w+|(?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}(?: section)?) on (?:twitter|facebook|instagram|youtube|linkedin|tiktok)\b"
    r"|(?:sign up|subscribe|register)\b.{0,120}\b(?:newsletters?|inbox|alerts|e-?mail (?:list|updates))\b"
    r"|get (?:the|our) .{0,60}\b(?:newsletter|inbox|alerts|app)\b"
    r"|(?:have|got) a (?:news )?tip\b"
    r"|if you (?:enjoyed|liked|appreciated|valued) (?:this|reading)"
    r"|(?:like|enjoy(?:ed)?) this (?:story|article)\?"
    r"|this (?:copy|article|material) is for your personal,? non-commercial use"
    r"|also on [\w-]+\.\w+\b"
    r"|see more\s*:|more on this(?: story)?\s*:|most read\b|trending now\b|don'?t miss\s*:"
    r")",
    re.I,
)
_FURNITURE_TAIL = re.compile(
    r"(?:"
    r"\bcontributed (?:reporting|to this (?:report|story|article)|additional reporting)\b[^.]{0,80}\.?\)?"
    r"|\ball rights reserved\.?"
    r"|click to tweet"
    r"|click here\b[^.!?]{0,60}[.!]?"
    r"|(?:^|[.!?] )(?:sign up|subscribe)\b[^.!?]{0,120}\b(?:newsletters?|inbox)\b[^.!?]{0,60}[.!]?"
    r"|\((?:AP|AFP|EPA|Reuters|Getty Images|Bloomberg|Shutterstock|iStock)(?: Photo)?(?:/[^()]{1,60})?\)"
    r"|\b(?:AP|AFP|EPA|Reuters) Photo/[^()]{1,60}"
    r"|\((?:photo|image|credit|picture|video)s?(?:\s*:| by| courtesy)[^()]{1,80}\)"  # "(credit: NASA/J. Guidry)"
    r"|(?:photo|image|credit)s?: [^.]{1,60}(?:/| via )[^.]{1,60}"  # "Photo: Sam Lens/Example Agency"
    r")\s*$",
    re.I,
)
_FOLLOW_TAIL = re.compile(
    r"(?:^|[.!?] )Follow (?:us|him|her|them|@\w+)\b[^.!?\"“”]{0,40}\bon (?:Twitter|Facebook|Instagram)\b"
    r"[^.!?\"“”]{0,60}\.?$"
)
# Express's linked headlines: "China furious at Macron for Hong Kong protest jibe [INSIGHT]"
_CAPITALS_TAG = re.compile(r"\[[A-Z]{3,}(?: [A-Z]{3,})?\]\s*\|?\s*$")
# a linked headline: at least this many words and no sentence end
HEADLINE_MIN_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")


def words_key(text: str) -> str:
    """``text``'s words, lower-cased and space-joined: the key for comparing paragraphs."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def remove_embedded_posts(tree) -> int:
    """Remove social-media embeds (by their platform's class) from ``tree`` in place; the count.

    The text after an embed (its ``tail``) is kept.
    """
    found = [element for element in tree.iter("blockquote", "div")
             if _EMBED_CLASS.search(element.get("class") or "")]
    removed = 0
    for element in found:
        parent = element.getparent()
        if parent is None or any(ancestor in found for ancestor in element.iterancestors()):
            continue
        tail = element.tail or ""
        if tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
        removed += 1
    return removed


def is_post_signature(paragraph: str) -> bool:
    """Whether ``paragraph`` is a social post's signature line or ends in a post's picture link."""
    return bool(_POST_SIGNATURE.fullmatch(paragraph) or _POST_MEDIA.search(paragraph))


def strip_inline_cards(paragraph: str) -> str:
    """``paragraph`` without hover cards inlined after a name (keeps the name)."""
    if " MORE" not in paragraph:
        return paragraph
    return _INLINE_CARD.sub(lambda match: match.group("name"), paragraph)


def linked_headlines(tree) -> set[str]:
    """The :func:`words_key` of every link on the page whose text reads as a headline.

    A paragraph that is only such a link is a "related story", not article text.
    """
    found = set()
    for anchor in tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text.split()) >= HEADLINE_MIN_WORDS and not _SENTENCE_END.search(text) \
                and not _DOUBLE_QUOTE.search(text):
            found.add(words_key(text))
    return found


def is_furniture(paragraph: str) -> bool:
    """Whether ``paragraph`` is promotion, a credit line, a caption with its credit or a tagged headline."""
    if len(paragraph) > FURNITURE_MAX_CHARS:
        return False
    if _FOLLOW_TAIL.search(paragraph):
        return True  # an author's note ("... is out now. Follow him on Twitter @handle."), titles and all
    if _DOUBLE_QUOTE.search(paragraph):
        return False
    return bool(_FURNITURE_LEAD.match(paragraph) or _FURNITURE_TAIL.search(paragraph)
                or _CAPITALS_TAG.search(paragraph))
