"""Tests for quoth.dates: datelines, the article's date, each statement's date."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth.dates import infer_published, parse_dateline, statement_date
from quoth.errors import UsageError
from quoth.model import Dateline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = Path(__file__).resolve().parents[1] / "samples"  # the seed articles, bundled


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed article {path} is absent")
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# --- parse_dateline: formats ----------------------------------------------------------------


# "|" marks where the dateline's span ends; it is removed before parsing.
@pytest.mark.parametrize(
    "marked,place,month,day,agency",
    [
        ("MOSCOW, November 9. /TASS/.| Peskov said.", "MOSCOW", 11, 9, "TASS"),
        ("MOSCOW, May 31. /TASS/.| Fanning hatred.", "MOSCOW", 5, 31, "TASS"),
        ("WASHINGTON (Reuters) -| The U.S. Senate", "WASHINGTON", None, None, "Reuters"),
        ("WASHINGTON, Nov. 9 (AP) —| President", "WASHINGTON", 11, 9, "AP"),
        ("LONDON, Jan 3 (Reuters) -| Shares fell", "LONDON", 1, 3, "Reuters"),
        ("BEIJING, March 4 (Xinhua) --| China's", "BEIJING", 3, 4, "Xinhua"),
        ("NEW YORK —| The city said", "NEW YORK", None, None, None),
        ("NEW YORK—|The city said", "NEW YORK", None, None, None),
        ("KYIV, Ukraine (AP) —| Russian forces", "KYIV", None, None, "AP"),
        ("PARIS, 12 March (AFP) -| France said", "PARIS", 3, 12, "AFP"),
        ("ST. LOUIS, Mo. (AP) —| A man", "ST. LOUIS", None, None, "AP"),
        ("WASHINGTON, D.C. (AP) —| Lawmakers", "WASHINGTON", None, None, "AP"),
        ("RIO DE JANEIRO, Sept. 2 (Reuters) -| Brazil", "RIO DE JANEIRO", 9, 2, "Reuters"),
        ("MOSCOW. Nov 9 (Interfax) -| Russia", "MOSCOW", 11, 9, "Interfax"),
        ("Washington (CNN) —| The House", "Washington", None, None, "CNN"),
        ("MOSCOW, May 31.| Fanning hatred", "MOSCOW", 5, 31, None),
        ("MOSCOW, May 31 /TASS/| Peskov said", "MOSCOW", 5, 31, "TASS"),
        ("WASHINGTON, Nov. 9, 2016 (AP) —| The", "WASHINGTON", 11, 9, "AP"),
        ("MOSCOW, NOV 9 (Reuters) -| Russia", "MOSCOW", 11, 9, "Reuters"),
        ("SÃO PAULO (Reuters) -| Brazil", "SÃO PAULO", None, None, "Reuters"),
        ("BERLIN, Feb 29 (dpa) -| Germany", "BERLIN", 2, 29, "dpa"),
        ("CHARLESTON, S.C.\xa0—| In the fall", "CHARLESTON", None, None, None),
    ],
)
def test_parse_dateline_formats(marked, place, month, day, agency):
    end = marked.index("|")
    text = marked.replace("|", "")
    dateline = parse_dateline(text)
    assert dateline == Dateline(span=(0, end), place=place, month=month, day=day, agency=agency)


def test_parse_dateline_span_is_offset_into_whole_text():
    text = "Headline here\n\nStandfirst.\n  LONDON, Jan 3 (Reuters) - Shares fell."
    dateline = parse_dateline(text)
    start = text.index("LONDON")  # character offset!
    assert dateline.span == (start, start + len("LONDON, Jan 3 (Reuters) -"))


def test_parse_dateline_start_and_end_bound_the_search():
    text = "Intro line.\nMOSCOW, May 31. /TASS/. Peskov said.\nLONDON (Reuters) - Later."
    assert parse_dateline(text).place == "MOSCOW"
    assert parse_dateline(text, start=text.index("LONDON")).place == "LONDON"
    assert parse_dateline(text, end=text.index("MOSCOW") + 10) is None
    assert parse_dateline(text, end=10) is None


def test_parse_dateline_first_one_wins():
    text = "MOSCOW, May 31. /TASS/. One.\nLONDON (Reuters) - Two."
    assert parse_dateline(text).place == "MOSCOW"


@pytest.mark.parametrize(
    "text",
    [
        "In May, 31 people died.",
        "In May 31 people died.",
        "The talks (Reuters reported) - went on.",
        "Peskov said MOSCOW, May 31. /TASS/. was the dateline.",  # not at a paragraph start
        "KREMLIN WARNS — SANCTIONS STAY",  # an all-caps headline, not a place
        "NATO said on Friday that it would meet.",
        "UPDATE 2-Kremlin says talks go on",
        # real openings from PolNeAR that look like datelines
        "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.",
        "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: polls.",
        "Oversight Committee Chairman Jason Chaffetz (R-Utah) and Bob Goodlatte (R-Va.) sent it.",
        "On Saturday, Sen. Bernie Sanders (I-Vt.) called on Michigan Gov. Rick Snyder to resign.",
        "George Wallace (a Democrat) ran in 1968.",
        "Richard Osman (left) said so.",
        "George Zimmerman\xa0(left) said so.",
        "Moscow, May 31 — Peskov said.",  # title case without an agency
        "Moscow — Peskov said.",
        "MOSCOW, May 32 (Reuters) - No such day.",
        "MOSCOW, February 30. /TASS/. No such day.",
        "MOSCOW, May 31 Peskov said.",  # no terminator, no agency
        "US, Russia agree on talks",
        "",
        "\n\n",
    ],
)
def test_parse_dateline_negative(text):
    assert parse_dateline(text) is None


def test_parse_dateline_after_newline_with_indent():
    text = "Title\n   WASHINGTON (Reuters) - Text."
    dateline = parse_dateline(text)
    assert text[dateline.span[0] : dateline.span[1]] == "WASHINGTON (Reuters) -"


def test_parse_dateline_single_hyphen_needs_space():
    assert parse_dateline("WASHINGTON-based groups said.") is None


def test_parse_dateline_seed_003():
    text = seed("003_cb5783a5b4f85efc.txt")
    dateline = parse_dateline(text, 0, 2000)
    assert (dateline.place, dateline.month, dateline.day) == ("MOSCOW", 5, 31)
    assert dateline.agency == "TASS"
    assert text[dateline.span[0] : dateline.span[1]] == "MOSCOW, May 31. /TASS/."


def test_parse_dateline_seed_000():
    text = seed("000_841052fd0680bd85.txt")
    dateline = parse_dateline(text, 0, 2000)
    assert (dateline.place, dateline.month, dateline.day) == ("MOSCOW", 11, 9)
    assert dateline.agency == "TASS"
    assert text[dateline.span[0] : dateline.span[1]] == "MOSCOW, November 9. /TASS/."


# --- infer_published: the cascade -----------------------------------------------------------

LEAD = "MOSCOW, May 31. /TASS/. Peskov told reporters on Wednesday."


def test_published_argument_wins():
    dateline = parse_dateline(LEAD)
    meta = {"published": "2019-01-01"}
    iso, reason = infer_published(LEAD, dateline, published="2020-01-02", meta=meta)
    assert iso == "2020-01-02"
    assert "given" in reason


def test_published_argument_datetime_keeps_its_date():
    assert infer_published("", None, published="2017-05-31T23:30:00-05:00")[0] == "2017-05-31"
    assert infer_published("", None, published="2017-05-31T10:00:00Z")[0] == "2017-05-31"


@pytest.mark.parametrize("bad", ["31/05/2017", "2017-13-01", "2017-02-30", "yesterday", "", "2017"])
def test_published_argument_malformed_raises(bad):
    with pytest.raises(UsageError) as excinfo:
        infer_published(LEAD, None, published=bad)
    message = str(excinfo.value)
    assert repr(bad) in message
    assert "YYYY-MM-DD" in message


def test_meta_published_with_source():
    meta = {"published": "2017-05-31", "published_source": "sidecar 003.json"}
    iso, reason = infer_published(LEAD, parse_dateline(LEAD), meta=meta)
    assert iso == "2017-05-31"
    assert "sidecar 003.json" in reason


def test_meta_published_without_source():
    iso, reason = infer_published("", None, meta={"published": "2017-05-31T08:00:00+03:00"})
    assert iso == "2017-05-31"
    assert "metadata" in reason


def test_meta_published_written_out():
    assert infer_published("", None, meta={"published": "May 31, 2017"})[0] == "2017-05-31"
    assert infer_published("", None, meta={"published": "31 May 2017"})[0] == "2017-05-31"


def test_meta_published_malformed_falls_through_with_a_note():
    meta = {"published": "last week", "published_source": "meta tag"}
    iso, reason = infer_published(LEAD, parse_dateline(LEAD), meta=meta, year_range=(2015, 2019))
    assert iso == "2017-05-31"
    assert "'last week' from meta tag is not a date" in reason


def test_nothing_known():
    iso, reason = infer_published("Peskov said things.", None)
    assert iso is None
    assert reason.startswith("unknown: ")


def test_dateline_without_date():
    text = "WASHINGTON (Reuters) - The Senate voted in 2017."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None
    assert reason.startswith("unknown: ") and "no date" in reason


# --- infer_published: dateline + year -------------------------------------------------------


def test_lone_year_in_text_needs_a_weekday():
    # PolNeAR's breitbart_2016-06-10 (UPI, "June 10") mentions only 1972, for Roe v. Wade.
    text = "WASHINGTON, June 10 (UPI) — Clinton spoke of 1972's landmark Roe v. Wade ruling."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None
    assert reason == (
        "dateline June 10 and year 1972 in the text, but no weekday in the lead confirms a year: "
        "give --published or --year-range"
    )


def test_year_in_text_confirmed_by_weekday():
    text = "MOSCOW, May 31. /TASS/. Peskov said on Wednesday the 2017 budget was fine."
    assert infer_published(text, parse_dateline(text)) == (
        "2017-05-31",
        "dateline May 31 + year 2017 in the text + weekday Wednesday -> 2017",
    )


def test_year_in_dateline_itself():
    text = "WASHINGTON, Nov. 9, 2016 (AP) — The vote in 1999."
    assert infer_published(text, parse_dateline(text)) == (
        "2016-11-09",
        "dateline November 9, 2016 -> 2016",
    )


def test_several_years_without_weekday_is_unknown():
    text = "MOSCOW, May 31. /TASS/. The 2016 election and the 2017 budget."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None
    assert "2016, 2017" in reason and "--published" in reason


def test_weekday_picks_among_years():
    # May 31 was a Tuesday in 2016 and a Wednesday in 2017.
    text = "MOSCOW, May 31. /TASS/. Peskov said on Wednesday the 2016 election was over in 2017."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso == "2017-05-31"
    assert reason == "dateline May 31 + years 2016, 2017 in the text + weekday Wednesday -> 2017"


def test_weekday_excludes_the_only_year():
    text = "MOSCOW, May 31. /TASS/. Peskov said on Wednesday the 2016 election was over."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None
    assert "(2016) do not fit weekday Wednesday" in reason


def test_weekday_with_year_range_and_no_year():
    iso, reason = infer_published(LEAD, parse_dateline(LEAD), year_range=(2015, 2019))
    assert iso == "2017-05-31"
    assert reason == "dateline May 31 + weekday Wednesday + year range 2015-2019 -> 2017"


def test_weekday_without_year_range_and_no_year():
    iso, reason = infer_published(LEAD, parse_dateline(LEAD))
    assert iso is None
    assert reason.startswith("dateline May 31 but no year in the text; weekday Wednesday fits ")
    assert "2017, 2023" in reason
    assert reason.endswith("give --published or --year-range")


def test_weekday_with_wide_year_range_is_ambiguous():
    iso, reason = infer_published(LEAD, parse_dateline(LEAD), year_range=(2010, 2025))
    assert iso is None
    assert "leave 2 years (2017, 2023)" in reason


def test_year_range_filters_mentioned_years():
    # May 31 was a Tuesday in 2016, and in 1994 (never mentioned) and 1988.
    text = "MOSCOW, May 31. /TASS/. Since 1988 and in the 2016 campaign, he said on Tuesday."
    assert infer_published(text, parse_dateline(text))[0] is None  # 1988 and 2016 both fit
    assert infer_published(text, parse_dateline(text), year_range=(2015, 2019)) == (
        "2016-05-31",
        "dateline May 31 + year 2016 in the text + weekday Tuesday + year range 2015-2019 -> 2016",
    )


def test_year_range_rescues_when_mentioned_year_misfits_weekday():
    text = "MOSCOW, May 31. /TASS/. Peskov said on Wednesday the 2016 vote was over."
    assert infer_published(text, parse_dateline(text), year_range=(2015, 2019))[0] == "2017-05-31"


def test_year_range_alone_without_weekday_is_not_enough():
    text = "MOSCOW, May 31. /TASS/. Peskov spoke."
    iso, reason = infer_published(text, parse_dateline(text), year_range=(2015, 2019))
    assert iso is None
    assert reason == (
        "dateline May 31 but no year in the text within year range 2015-2019: "
        "give --published or --year-range"
    )


def test_year_range_of_one_year():
    text = "MOSCOW, May 31. /TASS/. Peskov spoke."
    assert infer_published(text, parse_dateline(text), year_range=(2017, 2017))[0] == "2017-05-31"


def test_mentioned_years_outside_range_are_ignored():
    text = "MOSCOW, May 31. /TASS/. Since 1991, he said on Wednesday."
    iso, reason = infer_published(text, parse_dateline(text), year_range=(2015, 2019))
    assert iso == "2017-05-31"
    assert reason == "dateline May 31 + weekday Wednesday + year range 2015-2019 -> 2017"


def test_weekday_fits_no_year_in_range():
    iso, reason = infer_published(LEAD, parse_dateline(LEAD), year_range=(2018, 2019))
    assert iso is None
    assert reason == (
        "dateline May 31 + weekday Wednesday but no year in year range 2018-2019 fits: "
        "give --published or --year-range"
    )


def test_february_29_only_in_leap_years():
    text = "BERLIN, Feb 29 (dpa) - Merkel said on Monday that 2015 and 2016 were hard."
    assert infer_published(text, parse_dateline(text))[0] == "2016-02-29"  # a Monday
    assert infer_published(text, parse_dateline(text), year_range=(2017, 2023))[0] is None


@pytest.mark.parametrize(
    "body",
    [
        "It cost $2016 in all.",
        "It was 2,016 votes.",
        "The meeting starts at 1900 GMT.",
        "Turnout was 19.99 percent, or 2050%.",
        "Call 12345678.",
    ],
)
def test_numbers_that_are_not_years(body):
    text = "MOSCOW, May 31. /TASS/. " + body
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None
    assert "no year in the text" in reason


def test_weekday_after_last_or_until_is_not_the_datelines_day():
    text = "MOSCOW, May 31. /TASS/. Talks held last Tuesday went on until Monday, in 2016 and 2017."
    iso, reason = infer_published(text, parse_dateline(text))
    assert iso is None  # no weekday for May 31, so 2016 and 2017 both stand
    assert "2016, 2017" in reason


def test_bare_weekday_in_lead_does_not_count():
    # PolNeAR's breitbart_2016-04-01 (UPI, "April 1", a Friday): "... protesters twice Thursday."
    text = "PURCHASE, N.Y., April 1 (UPI) — Clinton took on protesters twice Thursday."
    iso, reason = infer_published(text, parse_dateline(text), year_range=(2015, 2016))
    assert iso is None
    assert "no year in the text within year range 2015-2016" in reason


def test_said_weekday_in_lead_counts():
    text = "WASHINGTON, May 31 (AP) — Officials said Wednesday they agreed."
    assert infer_published(text, parse_dateline(text), year_range=(2015, 2019))[0] == "2017-05-31"


def test_weekday_outside_lead_sentence_does_not_count():
    text = "MOSCOW, May 31. /TASS/. Peskov spoke in 2016 and 2017. On Wednesday he left."
    assert infer_published(text, parse_dateline(text))[0] is None


def test_earlier_on_weekday_anywhere_gives_the_day():
    text = "MOSCOW, May 31. /TASS/. He spoke.\n\nEarlier on Wednesday he met envoys (2016, 2017)."
    assert infer_published(text, parse_dateline(text))[0] == "2017-05-31"


def test_lead_sentence_skips_abbreviations():
    text = "MOSCOW, May 31. /TASS/. U.S. envoy Mr. Tefft said on Wednesday 2016-2017 rules stay."
    assert infer_published(text, parse_dateline(text))[0] == "2017-05-31"


@pytest.mark.parametrize("bad", [(2019, 2015), (2015,), "2015-2019", (2015.0, 2019), (0, 10)])
def test_year_range_malformed_raises(bad):
    with pytest.raises(UsageError) as excinfo:
        infer_published(LEAD, parse_dateline(LEAD), year_range=bad)
    assert repr(bad) in str(excinfo.value)
    assert "e.g. (2015, 2019)" in str(excinfo.value)
    with pytest.raises(UsageError):  # even when the date is given, the range is checked
        infer_published(LEAD, None, published="2017-05-31", year_range=bad)


def test_year_range_none_is_fine():
    assert infer_published(LEAD, parse_dateline(LEAD), year_range=None)[0] is None


def test_seed_003_published():
    text = seed("003_cb5783a5b4f85efc.txt")
    dateline = parse_dateline(text, 0, 2000)
    assert infer_published(text, dateline, year_range=(2015, 2019)) == (
        "2017-05-31",
        "dateline May 31 + weekday Wednesday + year range 2015-2019 -> 2017",
    )
    iso, reason = infer_published(text, dateline)
    assert iso is None
    assert "no year in the text" in reason and "--year-range" in reason


def test_seed_000_published():
    # November 9 was a Wednesday in 2016; the text says "Earlier on Wednesday".
    text = seed("000_841052fd0680bd85.txt")
    dateline = parse_dateline(text, 0, 2000)
    assert infer_published(text, dateline, year_range=(2015, 2019))[0] == "2016-11-09"
    assert infer_published(text, dateline)[0] is None


# --- statement_date -------------------------------------------------------------------------

WED = "2017-05-31"  # a Wednesday


def said_on(sentence: str, published: str | None = WED, cue: str | None = None) -> str | None:
    """Date ``sentence`` as a whole text; ``cue`` is the first occurrence of that word."""
    span = None
    if cue is not None:
        start = sentence.index(cue)
        span = (start, start + len(cue))
    return statement_date(sentence, (0, len(sentence)), published, cue=span)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("On Tuesday, Putin said the talks went well.", "2017-05-30"),
        ("Putin said on Tuesday the talks went well.", "2017-05-30"),
        ("Putin said Tuesday the talks went well.", "2017-05-30"),
        ("On Wednesday, Putin said the talks went well.", "2017-05-31"),
        ("Earlier on Wednesday McFaul tweeted a claim.", "2017-05-31"),
        ("Peskov told reporters on Wednesday that it was bad.", "2017-05-31"),
        ("On Thursday, Putin said so.", "2017-05-25"),
        ("Putin said last Friday that it was over.", "2017-05-26"),
        ("Putin said last Wednesday that it was over.", "2017-05-24"),
        ("Putin said yesterday that it was over.", "2017-05-30"),
        ("Yesterday Putin said it was over.", "2017-05-30"),
        ("Putin said today that it was over.", "2017-05-31"),
        ("Putin said this morning that it was over.", "2017-05-31"),
        ("Putin said the day before yesterday that it was over.", "2017-05-29"),
        ("Putin said on May 30 that it was over.", "2017-05-30"),
        ("Putin said on 30 May that it was over.", "2017-05-30"),
        ("Putin said on May 30, 2016 that it was over.", "2016-05-30"),
        ("Putin said on Tuesday, May 30, that it was over.", "2017-05-30"),
        ("Putin said on June 2 that it was over.", "2016-06-02"),  # after May 31: last year
        ("Putin said late on Tuesday that it was over.", "2017-05-30"),
        ("Putin said in an interview with Le Figaro on Tuesday that it was over.", "2017-05-30"),
        ("Peskov on Tuesday said it was over.", "2017-05-30"),
        ("The vote will be fair, Peskov said on Tuesday.", "2017-05-30"),
        ("On Friday, the vote will be fair, Peskov said on Tuesday.", "2017-05-30"),
        ('"We will meet on Friday," Peskov said on Tuesday.', "2017-05-30"),
        ("Obama, dedicating the museum on Saturday, said it would tell a story.", "2017-05-27"),
        ("Trump made the comments Friday during a brief appearance.", "2017-05-26"),  # no cue
        ("(On Tuesday, Putin said so.)", "2017-05-30"),
        ("— On Tuesday, Putin said so.", "2017-05-30"),
        ("And then on Tuesday Putin said so.", "2017-05-30"),
        ("But, on Tuesday, Putin said so.", "2017-05-30"),
        ("Putin said this Wednesday that it was over.", "2017-05-31"),
        ("Putin said earlier today that it was over.", "2017-05-31"),
        ("Putin said on Monday night that it was over.", "2017-05-29"),
        ("Putin said on the 30th of May that it was over.", "2017-05-30"),
    ],
)
def test_statement_date(sentence, expected):
    assert said_on(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said the talks went well.",
        "Peskov said that the vote on Friday will be fair.",
        "Peskov said the vote on Friday will be fair.",
        "The vote on Friday will be fair, Peskov said.",
        '"We will meet on Friday," Peskov said.',
        "Putin said next Friday would be decisive.",
        "Putin said he would wait until Friday.",
        "Putin said: on Friday we vote.",
        "Putin said on Good Friday nothing.",
        "Putin said on May 32 that it was over.",
        "In May, Putin said it was over.",
        "Putin said this Friday would be decisive.",  # ahead of a Wednesday
        "Putin said on Wednesdays he swims.",
        "Putin said Tuesday's vote was fair.",
        "Putin said last week that it was over.",
        "We will meet on Friday, said Peskov.",
        "Putin will meet Trump on Friday, Peskov said.",
        "Trump will probably use Monday's encounter to make news, Kall said.",
        "And until Thursday, Trump refused to disclose records, aides said.",
    ],
)
def test_statement_date_none(sentence):
    assert said_on(sentence) is None


def test_statement_date_content_weekday_after_that_does_not_count():
    sentence = "Peskov said on Tuesday that the vote on Friday will be fair."
    assert said_on(sentence, cue="said") == "2017-05-30"
    assert said_on(sentence) == "2017-05-30"


def test_statement_date_nearest_to_cue_wins():
    sentence = "On Monday, Peskov said on Tuesday that it was over."
    assert said_on(sentence, cue="said") == "2017-05-30"


def test_statement_date_tell_cue_with_object():
    told = "Peskov told the Senate on Tuesday that it was over."
    assert said_on(told, cue="told") == "2017-05-30"
    assert said_on("Peskov said the Senate on Tuesday would vote.", cue="said") is None


def test_statement_date_uses_only_the_sentence_span():
    text = "On Tuesday, nothing. Peskov said it was over."
    sentence = (text.index("Peskov"), len(text))
    assert statement_date(text, sentence, WED) is None
    assert statement_date(text, (0, len(text)), WED) == "2017-05-30"


def test_statement_date_cue_offsets_into_whole_text():
    text = "MOSCOW, May 31. /TASS/. Peskov told reporters on Wednesday it was bad."
    start = text.index("Peskov")
    cue = (text.index("told"), text.index("told") + 4)
    assert statement_date(text, (start, len(text)), WED, cue=cue) == WED


def test_statement_date_without_published():
    assert said_on("On Tuesday, Putin said so.", published=None) is None


def test_statement_date_malformed_published_raises():
    with pytest.raises(UsageError):
        said_on("On Tuesday, Putin said so.", published="31 May")


def test_statement_date_seed_003():
    text = seed("003_cb5783a5b4f85efc.txt")
    start = text.index("On Tuesday, Russian President Vladimir Putin said")
    end = text.index(".", text.index("political struggle")) + 1
    cue = (text.index("said", start), text.index("said", start) + 4)
    assert statement_date(text, (start, end), WED, cue=cue) == "2017-05-30"
    lead = text.index("Fanning hatred")
    lead_end = text.index("\n", lead)
    assert statement_date(text, (lead, lead_end), WED) == WED


def test_statement_date_seed_000():
    text = seed("000_841052fd0680bd85.txt")
    start = text.index("Earlier on Wednesday McFaul tweeted")
    end = text.index("\n", start)
    cue = (text.index("tweeted", start), text.index("tweeted", start) + 7)
    assert statement_date(text, (start, end), "2016-11-09", cue=cue) == "2016-11-09"


# --- a date line at the top (issue #10) -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title\n\nMonday, January 7, 2019  \n\nBody said.", "2019-01-07"),
        ("Title\n\nFriday, 31 May 2019\n\nBody.", "2019-05-31"),
        ("Title\n\nJanuary 7, 2019\n\nBody.", "2019-01-07"),
        # the weekday must agree, and a date inside prose is not a date line
        ("Title\n\nTuesday, January 7, 2019\n\nBody.", None),
        ("Title\n\nOn January 7, 2019 the mayor spoke.\n", None),
    ],
)
def test_a_full_date_line_at_the_top_is_the_publication_date(text, expected):
    from quoth.dates import infer_published

    assert infer_published(text, None)[0] == expected


def test_statements_of_a_wikinews_article_take_their_day_from_its_date_line():
    import quoth

    text = "Title\n\nMonday, January 7, 2019\n\nNancy Pelosi said on Friday that the government must open.\n"
    a = quoth.extract(text)
    assert a.published == "2019-01-07" and a.quotes[0].said_on == "2019-01-04"


def test_a_press_release_dateline_with_a_state_code_is_no_part_of_the_content():
    import quoth

    line = "Austin, TX – The company said its sales grew by a third in 2019."
    dateline = parse_dateline(line, 0, len(line))
    assert dateline is not None and dateline.place == "Austin"
    assert parse_dateline("Smith, Jones – and others said so.", 0, 34) is None
    article = quoth.extract("Sales grow\n\nAustin, TX – Sales grew by a third in 2019, according to a report "
                            "from the trade group.\n")
    (quote,) = article.quotes
    assert quote.text == "Sales grew by a third in 2019"
