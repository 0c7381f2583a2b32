"""Dates in news text: the wire dateline, the article's own date, and each statement's date.

Three pure functions, no I/O and no global state (STYLE.md §1):

* :func:`parse_dateline` finds a wire dateline (``MOSCOW, May 31. /TASS/.``,
  ``WASHINGTON (Reuters) -``) at the start of a paragraph and returns a
  :class:`~quoth.model.Dateline` whose span is an offset into the unchanged text.
* :func:`infer_published` decides the article's date, in this order: the caller's date, the
  reader's metadata, then the dateline's month and day plus a year that the text (or the caller's
  ``year_range``) pins down. It never invents a date: when the evidence does not single out one
  year it returns ``None`` and a reason that says what is missing.
* :func:`statement_date` dates one attribution from the temporal expression that modifies its
  saying event (``On Tuesday, Putin said ...``, ``Peskov told reporters on Wednesday``).

    >>> text = "MOSCOW, May 31. /TASS/. Peskov told reporters on Wednesday."
    >>> dateline = parse_dateline(text)
    >>> (dateline.place, dateline.month, dateline.day, dateline.agency)
    ('MOSCOW', 5, 31, 'TASS')
    >>> infer_published(text, dateline, year_range=(2015, 2019))
    ('2017-05-31', 'dateline May 31 + weekday Wednesday + year range 2015-2019 -> 2017')
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any

from quoth.errors import UsageError
from quoth.model import Dateline

__all__ = ["infer_published", "parse_dateline", "statement_date"]

# --- named settings -----------------------------------------------------------------------------

MAX_PLACE_WORDS = 4  # "RIO DE JANEIRO", "SALT LAKE CITY"; longer all-caps runs are headlines
MAX_AGENCY_CHARS = 40  # "(Reuters)", "(Xinhua)", "/TASS/"; longer parentheses are prose
# Years listed as a hint when a weekday is known but neither the text nor the caller gives a year.
# Only shown in the reason, never used to pick a date.
HINT_YEARS = (2000, 2030)
MAX_LISTED_YEARS = 8  # longer year lists in a reason are shortened to "first, ..., last (N years)"
# A temporal expression after the cue modifies the saying event only when it comes within this many
# words of the cue ("said in an interview with Le Figaro on Tuesday").
MAX_WORDS_AFTER_CUE = 8
# ... and one before the cue, when not at the start of the sentence ("Peskov on Tuesday said").
MAX_WORDS_BEFORE_CUE = 3

# --- vocabulary -------------------------------------------------------------------------------

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9


def _month_pattern() -> str:
    # Capitalised or all caps only: "may" in lower case is the verb. Abbreviations may take a dot.
    names = sorted(_MONTHS, key=len, reverse=True)
    forms = []
    for name in names:
        dot = r"\.?" if len(name) < 5 and name not in ("may", "june", "july") else ""
        forms.append(f"(?:{name.capitalize()}|{name.upper()}){dot}")
    return "(?:" + "|".join(forms) + r")(?![A-Za-z])"


_MONTH = _month_pattern()
_WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + r")(?!s\b|['’]s\b)\b"

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff"

# --- 1. the dateline --------------------------------------------------------------------------

_SP = "[ \t\u00a0]"  # a no-break space often sits before the dash ("CHARLESTON, S.C.\xa0—")
# A dot inside a place ("ST. LOUIS", "U.S.") only before more capitals, so "MOSCOW. Nov 9" splits.
_UPPER_WORD = rf"[{_UP}](?:[{_UP}'’\-]|\.(?=[{_UP}]|{_SP}[{_UP}]{{2}}|$|{_SP}*[—–―(/]))*"
_TITLE_WORD = rf"[{_UP}][{_LOW}'’\-]+"
# A state or country after the place: "Ukraine", "Calif.", "N.H.", "W.Va.", "D.C." (not all caps:
# "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY -" is a subhead).
_REGION_WORD = rf"(?:[{_UP}]\.|[{_UP}][{_LOW}'’\-]+\.?)+|[{_UP}]{{2}}(?![{_UP}{_LOW}])"
# The US Postal Service's state codes: a press release's "New York, NY – ..." is a dateline.
_US_POSTAL_CODES = frozenset("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS
    MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY""".split())
_AGENCY = rf"[A-Za-z][A-Za-z .&'’\-]{{0,{MAX_AGENCY_CHARS - 1}}}"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_UPPER_WORD}(?:{_SP}{_UPPER_WORD}){{0,{MAX_PLACE_WORDS - 1}}}
             |{_TITLE_WORD}(?:{_SP}{_TITLE_WORD}){{0,{MAX_PLACE_WORDS - 1}}})(?!\w)
    (?:,{_SP}*(?!{_MONTH}{_SP}*\d)(?P<region>{_REGION_WORD}(?:{_SP}{_REGION_WORD}){{0,2}}))?
    (?:{_SP}*[,.]{_SP}*
        (?P<date>(?:(?P<month1>{_MONTH}){_SP}+(?P<day1>\d{{1,2}})
                   |(?P<day2>\d{{1,2}}){_SP}+(?P<month2>{_MONTH}))
                 (?!\d)(?:,{_SP}*(?:19|20)\d\d(?!\d))?))?
    (?P<datedot>\.)?
    (?:{_SP}*(?:\((?P<agency1>{_AGENCY})\)|/(?P<agency2>{_AGENCY})/))?
    (?P<term>\.|{_SP}*[—–―]|{_SP}*--?(?=\s|$))?
    """,
    re.VERBOSE,
)
# Labels that open a paragraph in capitals like a place does ("EXCLUSIVE – Roger Stone: ...").
NOT_PLACES = frozenset({
    "ALERT", "ANALYSIS", "BREAKING", "BREAKING NEWS", "COMMENTARY", "CORRECTION", "EDITORIAL",
    "EDITOR'S NOTE", "EXCLUSIVE", "FACT CHECK", "FLASH", "INTERVIEW", "LIVE", "NOTE", "OPINION",
    "PHOTOS", "REVIEW", "SPOILER ALERT", "UPDATE", "UPDATED", "URGENT", "VIDEO", "WATCH",
})  # fmt: skip
_PARTY = re.compile(r"[A-Z]-")  # "(R-Utah)", "(I-Vt.)": a politician's party and state
_LINE_START = re.compile(r"\n[ \t\ufeff]*")


def parse_dateline(text: str, start: int = 0, end: int | None = None) -> Dateline | None:
    """Find the first wire dateline in ``text[start:end]``.

    A dateline opens a paragraph: it starts at ``start`` or right after a newline (leading spaces
    allowed). Supported shapes: ``MOSCOW, November 9. /TASS/.``, ``WASHINGTON (Reuters) -``,
    ``WASHINGTON, Nov. 9 (AP) —``, ``LONDON, Jan 3 (Reuters) -``,
    ``BEIJING, March 4 (Xinhua) --``, ``PARIS, 12 March (AFP) -``, ``KYIV, Ukraine (AP) —``
    and ``NEW YORK — `` (place only). The place is upper case; a title-case place
    (``Washington (CNN) -``) counts only with a capitalised agency in parentheses and a dash,
    because ordinary sentences start that way too.

    Args:
        text: The article text; offsets in the result index into it.
        start: Where to start looking, taken as the start of a paragraph.
        end: Where to stop looking (exclusive); the caller usually passes the article's opening.

    Returns:
        The dateline, its span covering the trailing ``.``/``—``/``-`` (not the space after it),
        with ``month``/``day`` ``None`` when it carries no date and ``agency`` without its slashes
        or parentheses; ``None`` when no paragraph in the range opens with one.

    Example:
        >>> parse_dateline("Headline\\n\\nLONDON, Jan 3 (Reuters) - Shares fell.")
        Dateline(span=(10, 35), place='LONDON', month=1, day=3, agency='Reuters')
    """
    end = len(text) if end is None else min(end, len(text))
    starts = [start + len(text[start:end]) - len(text[start:end].lstrip(" \t\ufeff"))]
    starts += [m.end() for m in _LINE_START.finditer(text, start, end)]
    for pos in starts:
        match = _DATELINE.match(text, pos, end)
        if match is not None:
            dateline = _dateline_from_match(text, match, end)
            if dateline is not None:
                return dateline
    return None


def _dateline_from_match(text: str, match: re.Match[str], end: int) -> Dateline | None:
    place = match["place"]
    agency = match["agency1"] or match["agency2"]
    term = (match["term"] or "").strip()
    month = day = None
    if match["date"]:
        month = _MONTHS[(match["month1"] or match["month2"]).rstrip(".").lower()]
        day = int(match["day1"] or match["day2"])
        if not 1 <= day <= _days_in_month(month):
            return None
    if agency:
        agency = agency.strip()
    elif term in ("—", "–", "―", "-", "--"):
        if month is None:
            # A place and a dash alone is also what an all-caps headline looks like
            # ("KREMLIN WARNS — ..."), so the paragraph must go on in running text.
            line_end = text.find("\n", match.end(), end)
            rest = text[match.end() : end if line_end < 0 else line_end]
            if not re.search(f"[{_LOW}]", rest):
                return None
    elif month is None or not (match["datedot"] or term == "." or match["date"].endswith(".")):
        return None  # a place and a date need a full stop at least: "MOSCOW, May 31."
    if re.search(f"[{_LOW}]", place) and not (
        match["agency1"] and agency[0].isupper() and not match["region"] and term and term != "."
    ) and not (match["region"] in _US_POSTAL_CODES and term in ("—", "–", "―", "-", "--")):
        # Title-case places only as "Washington (CNN) -" or a press release's "New York, NY -":
        # "In May, 31 people died." and "George Wallace (a Democrat) ran" are prose.
        return None
    if place.replace("’", "'") in NOT_PLACES or (agency and _PARTY.match(agency)):
        return None
    if sum(c.isalpha() for c in place) < 2:
        return None
    span = (match.start(), match.end())
    return Dateline(span=span, place=place, month=month, day=day, agency=agency)


def _days_in_month(month: int) -> int:
    # A leap year, so that "February 29" is a valid dateline; the year is decided later.
    return calendar.monthrange(2000, month)[1]


# --- 2. the article's date ------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXT_DATE = re.compile(
    rf"(?:(?P<month1>{_MONTH})\s+(?P<day1>\d{{1,2}}),?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?)"
    r"\s+(?P<year>\d{4})"
)
# 4-digit years 1900-2099 as words: not amounts ($2016, 2,016), decimals, times (1900 GMT).
_YEAR = re.compile(
    r"(?<![\w$€£#.,:/])((?:19|20)\d\d)(?!\w|%|[.,:]\d)"
    r"(?!\s*(?:GMT|UTC|hrs\b|hours\b|local time))"
)


def infer_published(
    text: str,
    dateline: Dateline | None,
    *,
    published: str | None = None,
    meta: dict[str, Any] | None = None,
    year_range: tuple[int, int] | None = None,
) -> tuple[str | None, str]:
    """The article's date (ISO) and the reason for it, or ``None`` and why it is unknown.

    The cascade, first answer wins (3 is a line of its own near the top, such as
    "Monday, January 7, 2019", see :func:`top_date_line`):

    1. ``published``, the caller's date (ISO date or date-time);
    2. ``meta["published"]`` from the reader, named by ``meta["published_source"]``;
    3. the dateline's month and day plus one year:

       a. a year in the dateline itself (``WASHINGTON, Nov. 9, 2016 (AP) —``);
       b. else the dateline day's weekday, from the lead sentence ("told reporters on
          Wednesday", "said Wednesday") or an "earlier on Wednesday" anywhere, must pick the
          year: the candidates are the 4-digit years the text mentions (1900-2099, within
          ``year_range`` if given) on which the month and day fall on that weekday, else the
          years of ``year_range`` that do. Exactly one candidate gives the date;
       c. without a weekday a mentioned year is not enough (2016 articles cite 1972, 2014 ...):
          only a one-year ``year_range`` gives the date.

    Args:
        text: The article text.
        dateline: What :func:`parse_dateline` found, or ``None``.
        published: The caller's date; wins over everything else.
        meta: Reader metadata: ``published`` and ``published_source``.
        year_range: Inclusive ``(first, last)`` years the article may be from.

    Returns:
        ``(iso_date_or_None, reason)``.

    Raises:
        UsageError: ``published`` is not an ISO date, or ``year_range`` is not two ordered years.

    Example:
        >>> infer_published("Peskov said on Wednesday.", None, published="2017-05-31")
        ('2017-05-31', 'given by the caller (published=2017-05-31)')
    """
    if year_range is not None:
        year_range = _check_year_range(year_range)

    # 1. the caller's date
    if published is not None:
        day = _parse_iso(published)
        if day is None:
            raise UsageError(_bad_published(published))
        return day.isoformat(), f"given by the caller (published={published})"

    # 2. the reader's metadata
    notes = []
    meta = meta or {}
    if meta.get("published"):
        source = meta.get("published_source") or "the reader's metadata"
        day = _parse_loose(meta["published"])
        if day is not None:
            return day.isoformat(), f"from {source} (published={meta['published']})"
        notes.append(f"published {meta['published']!r} from {source} is not a date, ignored")

    # 3. a line at the top that is a whole date ("Monday, January 7, 2019", Wikinews and blogs)
    top = top_date_line(text)
    if top is not None:
        return top[0], "; ".join([*notes, f"the date line {top[1]!r} at the top"])

    # 4. the dateline plus a year
    reason = _from_dateline(text, dateline, year_range)
    if isinstance(reason, tuple):
        return reason[0], "; ".join([*notes, reason[1]])
    return None, "; ".join([*notes, reason])


_DATE_LINE = re.compile(
    rf"[ \t\ufeff]*(?:(?P<weekday>{_WEEKDAY}),?\s+)?{_TEXT_DATE.pattern}[ \t\u00a0.]*",
)
TOP_LINES = 4  # the date line is among the first lines: title, blank, date


def top_date_line(text: str) -> tuple[str, str] | None:
    """``(iso, line)`` when one of the first few non-empty lines is nothing but a full date
    (weekday optional, and then it must agree), else ``None``.

    Example:
        >>> top_date_line("Title\\n\\nMonday, January 7, 2019\\n\\nBody.")
        ('2019-01-07', 'Monday, January 7, 2019')
    """
    lines = [line for line in text[:2000].split("\n") if line.strip()][:TOP_LINES]
    for line in lines:
        m = _DATE_LINE.fullmatch(line)
        if m is None:
            continue
        month = _MONTHS[(m["month1"] or m["month2"]).rstrip(".").lower()]
        day, year = int(m["day1"] or m["day2"]), int(m["year"])
        if not _valid(year, month, day):
            return None
        found = date(year, month, day)
        if m["weekday"] and WEEKDAY_NAMES[found.weekday()].lower() != m["weekday"].lower():
            return None
        return found.isoformat(), line.strip()
    return None


def _from_dateline(
    text: str, dateline: Dateline | None, year_range: tuple[int, int] | None
) -> tuple[str, str] | str:
    """The dated answer as ``(iso, reason)``, or just the reason why there is none."""
    if dateline is None:
        return "unknown: no date given, none in the metadata and no dateline in the text"
    shown = text[dateline.span[0] : dateline.span[1]]
    if dateline.month is None or dateline.day is None:
        return f"unknown: the dateline {shown!r} has no date; give --published"
    month, day = dateline.month, dateline.day
    label = f"dateline {MONTH_NAMES[month - 1]} {day}"
    give = ": give --published or --year-range"

    # 1. a year in the dateline itself ("WASHINGTON, Nov. 9, 2016 (AP) —") settles it
    own = _YEAR.search(shown)
    if own is not None and _valid(int(own[1]), month, day):
        return date(int(own[1]), month, day).isoformat(), f"{label}, {own[1]} -> {own[1]}"

    weekday = _dateline_weekday(text, dateline)
    mentioned = sorted({int(m[1]) for m in _YEAR.finditer(text)})
    range_text = f"year range {year_range[0]}-{year_range[1]}" if year_range else ""
    in_range = [
        y
        for y in mentioned
        if _valid(y, month, day) and (year_range is None or year_range[0] <= y <= year_range[1])
    ]

    # 2. no weekday: a year mentioned in the text is not evidence of the article's year on its own
    # (PolNeAR's 2016 articles mention 1972 for Roe v. Wade, 2014 for a birth ...), so only a
    # one-year range decides.
    if weekday is None:
        if year_range is not None and year_range[0] == year_range[1]:
            year = year_range[0]
            if _valid(year, month, day):
                return date(year, month, day).isoformat(), f"{label} + {range_text} -> {year}"
        if not mentioned:
            why = f"{label} but no year in the text"
        else:
            why = f"{label} and {_years_phrase(mentioned)}, "
            why += "but no weekday in the lead confirms a year"
        if year_range is not None:
            why += f" within {range_text}"
        return why + give

    # 3. a weekday: mentioned years on which the dateline's day falls on it, else the caller's range
    wd_text = f"weekday {WEEKDAY_NAMES[weekday]}"

    def fits(years: list[int] | range) -> list[int]:
        return [
            y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == weekday
        ]

    candidates = fits(in_range)
    parts = [label, _years_phrase(in_range), wd_text] if candidates else [label, wd_text]
    if not candidates and year_range is not None:
        candidates = fits(range(year_range[0], year_range[1] + 1))
    if range_text:
        parts.append(range_text)
    if len(candidates) == 1:
        year = candidates[0]
        return date(year, month, day).isoformat(), " + ".join(parts) + f" -> {year}"
    if candidates:
        why = f"{' + '.join(parts)} leave {len(candidates)} years ({_list_years(candidates)})"
        return why + ": give --published or a narrower --year-range"
    if year_range is not None:
        return f"{label} + {wd_text} but no year in {range_text} fits" + give
    if not mentioned:
        why = f"{label} but no year in the text"
    else:
        why = f"{label} but the years in the text ({_list_years(mentioned)}) do not fit {wd_text}"
    hint = fits(range(HINT_YEARS[0], HINT_YEARS[1] + 1))
    if hint:
        why += f"; {wd_text} fits {_list_years(hint)}"
    return why + give


def _years_phrase(years: list[int]) -> str:
    if len(years) == 1:
        return f"year {years[0]} in the text"
    return f"years {_list_years(years)} in the text"


def _list_years(years: list[int]) -> str:
    if len(years) <= MAX_LISTED_YEARS:
        return ", ".join(str(y) for y in years)
    return f"{years[0]}, {years[1]}, {years[2]}, ..., {years[-1]} ({len(years)} years)"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _bad_published(published: Any) -> str:
    return f"published date {published!r} is not a date: give it as YYYY-MM-DD, e.g. 2017-05-31"


def _check_year_range(year_range: Any) -> tuple[int, int]:
    try:
        first, last = year_range
    except (TypeError, ValueError):
        raise UsageError(
            f"year range {year_range!r} is not two years: give (first, last), e.g. (2015, 2019)"
        ) from None
    ok = all(isinstance(y, int) and not isinstance(y, bool) for y in (first, last))
    if not ok or not 1 <= first <= last <= 9999:
        raise UsageError(
            f"year range {year_range!r} is not two ordered years: give (first, last) with "
            "first <= last, e.g. (2015, 2019)"
        )
    return first, last


def _parse_iso(value: Any) -> date | None:
    """An ISO date or date-time (its date part, as written); ``None`` when it is neither."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _parse_loose(value: Any) -> date | None:
    """ISO, or "May 31, 2017" / "31 May 2017" as sidecars and meta tags sometimes write it."""
    day = _parse_iso(value)
    if day is not None or not isinstance(value, str):
        return day
    match = _TEXT_DATE.fullmatch(value.strip())
    if match is None:
        return None
    month = _MONTHS[(match["month1"] or match["month2"]).rstrip(".").lower()]
    d = int(match["day1"] or match["day2"])
    return date(int(match["year"]), month, d) if _valid(int(match["year"]), month, d) else None


# --- the weekday of the dateline's day --------------------------------------------------------

_SAME_DAY = re.compile(rf"\b(?:[Ee]arlier|[Ll]ater)\s+(?:on\s+|that\s+)?(?P<wd>{_WEEKDAY})")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n")


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence that starts at ``pos`` ends (common abbreviations do not end it)."""
    for match in _SENTENCE_END.finditer(text, pos):
        if match[0] == "\n":
            return match.start()
        # the word before the stop; abbreviations are short, so a short look back is enough
        word = re.search(r"([\w.]+)\.?$", text[max(pos, match.start() - 12) : match.start() + 1])
        token = word[1].rstrip(".").lower() if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        return match.end()
    return len(text)


def _dateline_weekday(text: str, dateline: Dateline) -> int | None:
    """The weekday the lead sentence gives the dateline's day ("told reporters on Wednesday").

    The first "on Wednesday" (also "earlier on", "late on") or "said Wednesday" in the sentence
    after the dateline; failing that, "earlier/later on Wednesday" anywhere in the text, which wire
    copy uses for the dateline's day. A bare weekday ("protesters twice Thursday") is left out: in
    UPI and AP leads it is often the event's day, a day or two before the dateline (PolNeAR).
    """
    lead_end = _sentence_end(text, dateline.span[1])
    for match in re.finditer(_WEEKDAY, text[dateline.span[1] : lead_end]):
        before = text[dateline.span[1] : dateline.span[1] + match.start()].split()
        if before and (before[-1] == "on" or _SPEECH_VERB.fullmatch(before[-1])):
            return WEEKDAY_NAMES.index(match[0])
    match = _SAME_DAY.search(text)
    return None if match is None else WEEKDAY_NAMES.index(match["wd"])


# --- 3. the statement's date ----------------------------------------------------------------

_TEMPORAL = re.compile(
    rf"""
    (?<![\w$€£])
    (?:
      (?P<explicit>(?:[Oo]n\s+)?(?:{_WEEKDAY},?\s+)?
        (?:(?P<month1>{_MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?
          |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH}))
        (?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?)
     |(?P<relative>(?i:the\s+day\s+before\s+yesterday|yesterday|(?:earlier\s+)?today|tonight
                    |this\s+(?:morning|afternoon|evening)))(?!['’]s)\b
     |(?P<dayname>(?:(?P<mod>(?i:last|next|this|earlier|later|early|late))\s+)?
        (?:[Oo]n\s+)?(?P<weekday>{_WEEKDAY}))
    )
    """,
    re.VERBOSE,
)
# Words before a date that make it some other day than the one something was said on.
_NOT_THE_SAYING_DAY = {
    "since", "until", "till", "til", "by", "before", "after", "from", "through", "every", "each",
    "next", "following", "coming", "previous", "good", "black", "super", "ash",
    "holy", "cyber", "bloody", "maundy", "palm", "easter", "shrove", "to", "between", "and", "or",
}  # fmt: skip
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adds|stated|states|noted|notes|tweeted|wrote"
    r"|writes|announced|announces|warned|warns|insisted|stressed|claimed|claims|explained"
    r"|argued|declared|replied|confirmed|denied|urged|asked|emphasized|emphasised|remarked)\b"
)
_TELL_VERB = re.compile(
    r"\b(?:told|tells|tell|telling|informed|assured|warned|warns|reminded|briefed|asked|urged)\b"
)
_PREPOSITIONS = {
    "in", "at", "to", "during", "with", "on", "via", "through", "while", "when", "from", "after",
    "before", "speaking", "late", "early", "earlier", "later", "also", "again",
}  # fmt: skip
_ADDRESSEE = re.compile(
    r"(?:the\s+)?(?:reporters|journalists|media|press|correspondents|lawmakers|legislators"
    r"|parliament|audience|crowd|delegates|me|us|him|her|them|you)\b"
)
_CONNECTIVES = {
    "and", "but", "also", "meanwhile", "however", "then", "so", "yet", "earlier", "later", "still",
    "separately", "moreover", "further", "furthermore", "besides", "already", "",
}  # fmt: skip
_CONTENT_START = re.compile(r"[\"“”«»:;]|\b(?:that|whether|if)\b")
_QUOTE_CHARS = "\"“”«»"
_PUNCT = "\"“”‘’«»'()[]—–-:;."


def statement_date(
    text: str,
    sentence: tuple[int, int],
    published: str | None,
    cue: tuple[int, int] | None = None,
) -> str | None:
    """The date of one statement, where its sentence places it relative to the article's date.

    A temporal expression dates the statement only when it modifies the saying event: before the
    cue ("On Tuesday, Putin said", "Peskov on Tuesday said") or right after it ("said on Tuesday",
    "told reporters on Wednesday", "said in an interview with Le Figaro on Tuesday"). Expressions
    in the reported content (after "that", a colon or a quotation mark, or inside quotes) do not
    count. Of those that do, the one nearest the cue wins. Without ``cue`` the first speech verb
    outside quotes stands in for it.

    Resolution against the article date: a weekday ("on Tuesday", "Earlier on Wednesday") is the
    latest such day on or before it (its own weekday is the article date); "last Friday" is the
    Friday before it; "yesterday" is the day before, "today"/"tonight"/"this morning" the day
    itself; "on May 30" / "on 30 May" takes the article's year, or the year before when that
    would fall after the article date; "on May 30, 2017" is that date.

    Args:
        text: The article text.
        sentence: ``(start, end)`` of the attribution's sentence in ``text``.
        published: The article's ISO date, or ``None``.
        cue: ``(start, end)`` of the cue ("said"), if known.

    Returns:
        The statement's ISO date, or ``None`` when ``published`` is ``None`` or no expression in
        the sentence dates the saying.

    Raises:
        UsageError: ``published`` is not an ISO date.

    Example:
        >>> s = "On Tuesday, Putin said the vote on Friday will be fair."
        >>> statement_date(s, (0, len(s)), "2017-05-31")
        '2017-05-30'
    """
    if published is None:
        return None
    today = _parse_iso(published)
    if today is None:
        raise UsageError(_bad_published(published))
    first, last = sentence
    if cue is None:
        cue = _guess_cue(text, first, last)
    best: tuple[int, date] | None = None
    quotes = _QuoteState(text, first)
    for match in _TEMPORAL.finditer(text, first, last):
        when = _resolve(match, today)
        if when is None or _before_word(text, first, match.start()) in _NOT_THE_SAYING_DAY:
            continue
        if quotes.inside(match.start()):
            continue
        if cue is None:
            return when.isoformat()  # no cue to measure from: the first expression
        distance = _distance_to_cue(text, first, (match.start(), match.end()), cue)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, when)
    return None if best is None else best[1].isoformat()


def _resolve(match: re.Match[str], today: date) -> date | None:
    """The date one temporal expression names, seen from the article's date ``today``."""
    if match["explicit"]:
        month = _MONTHS[(match["month1"] or match["month2"]).rstrip(".").lower()]
        day = int(match["day1"] or match["day2"])
        if match["year"]:
            year = int(match["year"])
            return date(year, month, day) if _valid(year, month, day) else None
        for year in (today.year, today.year - 1):
            if _valid(year, month, day) and date(year, month, day) <= today:
                return date(year, month, day)
        return None
    if match["relative"]:
        words = match["relative"].lower().split()
        if words[-1] == "yesterday":
            return today - timedelta(days=2 if words[0] == "the" else 1)
        return today
    mod = (match["mod"] or "").lower()
    weekday = WEEKDAY_NAMES.index(match["weekday"])
    back = (today.weekday() - weekday) % 7
    if mod == "next":
        return None  # a plan, not the day something was said
    if mod == "last" and back == 0:
        back = 7
    if mod == "this" and back != 0:
        return None  # "this Friday" on a Wednesday is ahead, not behind
    return today - timedelta(days=back)


def _before_word(text: str, first: int, pos: int) -> str:
    match = _LAST_WORD.search(text, max(first, pos - _LONGEST_WORD), pos)
    return match[1].lower() if match else ""


_LONGEST_WORD = max(len(w) for w in _NOT_THE_SAYING_DAY) + 3  # the word, a comma and spaces
_LAST_WORD = re.compile(r"([\w']+)[\s,(]*$")


class _QuoteState:
    """Whether a position is inside quotation marks, for positions visited left to right.

    Counting from the sentence start once per position would be quadratic in long "sentences"
    (tables, lists of days), so counts carry on from the last position.
    """

    def __init__(self, text: str, first: int):
        self.text = text
        self.pos = first
        self.counts = dict.fromkeys(_QUOTE_CHARS, 0)

    def inside(self, pos: int) -> bool:
        if pos > self.pos:
            for char in self.counts:
                self.counts[char] += self.text.count(char, self.pos, pos)
            self.pos = pos
        c = self.counts
        return c["“"] > c["”"] or c["«"] > c["»"] or c['"'] % 2 == 1


def _guess_cue(text: str, first: int, last: int) -> tuple[int, int] | None:
    quotes = _QuoteState(text, first)
    for match in _SPEECH_VERB.finditer(text, first, last):
        if not quotes.inside(match.start()):
            return match.start(), match.end()
    return None


def _words(text: str, start: int, end: int, most: int) -> list[str] | None:
    """The words in ``text[start:end]``, or ``None`` when there are more than ``most``."""
    words = []
    for match in _WORD.finditer(text, start, end):
        if len(words) == most:
            return None
        words.append(match[0])
    return words


_WORD = re.compile(r"[^\s,]+")


def _distance_to_cue(
    text: str, first: int, expr: tuple[int, int], cue: tuple[int, int]
) -> int | None:
    """How far the expression is from the cue, or ``None`` when it does not modify the saying."""
    if expr[1] <= cue[0]:  # before the cue
        distance = cue[0] - expr[1]
        prefix = _words(text, first, expr[0], 2)
        if prefix is not None and all(w.strip(_PUNCT).lower() in _CONNECTIVES for w in prefix):
            # fronted: "On Tuesday, Putin said", unless a quotation sits between the two
            return None if any(q in text[expr[1] : cue[0]] for q in _QUOTE_CHARS) else distance
        gap = _words(text, expr[1], cue[0], MAX_WORDS_BEFORE_CUE)
        if gap is None:
            return None
        between = text[expr[1] : cue[0]]
        if not re.search(r"[,;:\"“”«»]", between):
            return distance  # "Peskov on Tuesday said"
        if between.strip() == "," and not re.match(rf"\s+(?:the\s+)?[{_UP}]", text[cue[1] :]):
            # "Obama, dedicating the museum on Saturday, said it would ...", but not the
            # inverted "We meet on Friday, said Peskov", where the content comes first.
            return distance
        return None
    if expr[0] >= cue[1]:  # after the cue
        words = _words(text, cue[1], expr[0], MAX_WORDS_AFTER_CUE)
        if words is None:
            return None
        gap = text[cue[1] : expr[0]]
        if _CONTENT_START.search(gap):
            return None  # "said on Tuesday that the vote on Friday ...": Friday is reported
        if (
            not words
            or words[0].lower() in _PREPOSITIONS
            or _ADDRESSEE.match(gap.lstrip(" ,\t"))
            or _TELL_VERB.search(text[cue[0] : cue[1]])
        ):
            return expr[0] - cue[1]
        return None  # "said the vote on Friday": content without "that"
    return 0  # the cue's span covers the expression
