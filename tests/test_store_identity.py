"""Speaker names and identity across articles (issue #4): the pure rules of quoth.store.identity."""

from __future__ import annotations

import io

import pytest

from quoth.errors import UsageError
from quoth.store.identity import Candidate, CatalogueEntry, choose, compatible, parse_name, read_catalogue

pytestmark = pytest.mark.issue(4)


@pytest.mark.parametrize(
    "mention, display, key, role",
    [
        ("Peskov", "Peskov", "peskov", None),
        ("Dmitry S. Peskov", "Dmitry S. Peskov", "dmitry s peskov", None),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "dmitry peskov", "Kremlin spokesman"),
        ("Dmitry Peskov, the Kremlin spokesman", "Dmitry Peskov", "dmitry peskov", "the Kremlin spokesman"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "vladimir putin", "Russian President"),
        ("Secretary of State John Kerry", "John Kerry", "john kerry", "Secretary of State"),
        ("Mr. Trump", "Trump", "trump", None),
        ("Peskov's", "Peskov", "peskov", None),
        ("Martin Luther King Jr.", "Martin Luther King Jr.", "martin luther king jr", None),
        ("Ursula von der Leyen", "Ursula von der Leyen", "ursula von der leyen", None),
        ("José Luis Rodríguez Zapatero", "José Luis Rodríguez Zapatero", "jose luis rodriguez zapatero", None),
    ],
)
def test_parse_name(mention, display, key, role):
    name = parse_name(mention)
    assert (name.display, name.key, name.role) == (display, key, role)


@pytest.mark.parametrize("mention", [None, "", "he", "the official", "officials", "President", "  "])
def test_not_a_name(mention):
    assert parse_name(mention) is None


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Dmitry Peskov", "Dmitry S. Peskov", True),
        ("D. Peskov", "Dmitry Peskov", True),
        ("Dmitry A. Peskov", "Dmitry S. Peskov", False),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
        ("Anna Peskova", "Dmitry Peskov", False),
    ],
)
def test_compatible(a, b, same):
    assert compatible(parse_name(a), parse_name(b)) is same


def cand(id, *names, roles=(), catalogue=False):
    from quoth.store.identity import role_words

    words = frozenset().union(*(role_words(r) for r in roles)) if roles else frozenset()
    return Candidate(id, [parse_name(n) for n in names], words, catalogue)


def test_choose_follows_the_evidence():
    bill = cand(1, "Bill Clinton", roles=["former president"])
    hillary = cand(2, "Hillary Clinton", "Hillary Rodham Clinton", roles=["Democratic nominee"])
    clinton = parse_name("Clinton")
    assert choose(clinton, None, [bill, hillary]).speaker_id is None  # ambiguous: a speaker of its own
    assert choose(clinton, "the Democratic nominee", [bill, hillary]).speaker_id == 2
    assert choose(clinton, None, [bill, hillary], context={"clinton": {1}}).speaker_id == 1
    assert choose(parse_name("H. Clinton"), None, [bill, hillary]).speaker_id == 2
    assert choose(parse_name("Chelsea Clinton"), None, [bill, hillary]).speaker_id is None
    bare = cand(3, "Peskov")
    match = choose(parse_name("Dmitry Peskov"), None, [bare])
    assert (match.speaker_id, match.upgrade) == (3, True)
    listed = cand(4, "Vladimir Putin", "Putin", catalogue=True)
    assert choose(parse_name("Putin"), None, [listed, cand(5, "Igor Putin")]).reason == "catalogue alias"


def test_read_catalogue_csv_and_json():
    csv_text = "name,aliases,wikidata\nDmitry Peskov,Peskov; Dmitri Peskov,Q4161533\nJane Doe,,\n"
    assert read_catalogue(io.StringIO(csv_text), "people.csv") == [
        CatalogueEntry("Dmitry Peskov", ("Peskov", "Dmitri Peskov"), "Q4161533"),
        CatalogueEntry("Jane Doe", (), None),
    ]
    json_text = '[{"name": "Vladimir Putin", "aliases": ["Putin"], "wikidata": "Q7747"}]'
    assert read_catalogue(io.StringIO(json_text), "people.json") == [CatalogueEntry("Vladimir Putin", ("Putin",), "Q7747")]


@pytest.mark.parametrize(
    "text, message",
    [
        ("who,aliases\nx,y\n", "c.csv: the CSV needs a header with a 'name' column"),
        ("name,wikidata\nJane Doe,7747\n", "c.csv: entry 1: wikidata id '7747' is not of the form Q123"),
        ("name,aliases\nJane Doe,Doe\nJohn Doe,Doe\n", "c.csv: entry 2: the name 'doe' is also in entry 1"),
        ('[{"name": 1, "aliases": 5}]', "c.csv: entry 1: 'aliases' must be a list"),
        ("[{", "c.csv: not valid JSON"),
    ],
)
def test_bad_catalogue_names_the_file_and_entry(text, message):
    with pytest.raises(UsageError) as e:
        read_catalogue(io.StringIO(text), "c.csv")
    assert str(e.value).startswith(message)


# --- issue #10: types, transliterations, misspellings ------------------------------------------


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Dmitri Peskov", "Dmitry Peskov", True),
        ("Sergei Lavrov", "Sergey Lavrov", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Jarosław Kaczyński", "Jaroslaw Kaczynski", True),
        ("Bill Zelensky", "Volodymyr Zelenskyy", False),
        ("Hillary Clinton", "Bill Clinton", False),
    ],
)
def test_transliterations_are_one_name(a, b, same):
    na, nb = parse_name(a), parse_name(b)
    assert (na.key == nb.key or compatible(na, nb)) is same


@pytest.mark.issue(10)
def test_types_must_agree():
    denzel = Candidate(1, [parse_name("Denzel Washington")], type="person")
    assert choose(parse_name("Washington"), None, [denzel], type_="place").speaker_id is None
    assert choose(parse_name("Washington"), None, [denzel], type_="person").speaker_id == 1


@pytest.mark.issue(10)
def test_a_misspelt_surname_joins_the_one_named_in_full_in_the_same_article():
    match = choose(parse_name("Koronolli"), None, [], context={"koronelli": {5}})
    assert match.speaker_id == 5
    assert choose(parse_name("Koronolli"), None, [], context={"koronelli": {5}, "koronalli": {6}}).speaker_id is None


@pytest.mark.issue(10)
def test_the_store_keeps_places_organisations_and_people_apart():
    from quoth.model import Article, Quote
    from quoth.store import Store

    store = Store("sqlite://")

    def ingest(path, speaker, kind):
        text = f'{speaker} said: "We will act." End.'
        store.ingest(Article(text=text, path=path, quotes=[
            Quote(content=[(len(speaker) + 7, len(speaker) + 21)], speaker=speaker, speaker_type=kind, text="We will act.")]))

    ingest("a.txt", "Denzel Washington", "person")
    ingest("b.txt", "Washington", "place")
    ingest("c.txt", "John M. Ford", "person")
    ingest("d.txt", "Ford Motor", "organisation")
    ingest("e.txt", "Russian Foreign Ministry", "organisation")
    ingest("f.txt", "the Russian Foreign Ministry", "organisation")
    names = sorted((s["name"], s["type"], s["quotes"]) for s in store.speakers())
    assert names == [("Denzel Washington", "person", 1), ("Ford Motor", "organisation", 1),
                     ("John M. Ford", "person", 1), ("Russian Foreign Ministry", "organisation", 2),
                     ("Washington", "place", 1)]


@pytest.mark.issue(10)
def test_a_surname_two_people_share_in_its_article_joins_neither():
    """The obituary names Ginger Baker and his daughter Nettie Baker; its bare "Baker" may be either,
    so it stays a speaker of its own, and a plain "Baker" elsewhere still follows the evidence."""
    from quoth.model import Article, Quote
    from quoth.store import Store
    from quoth.store.identity import surnames_shared

    assert surnames_shared("Ginger Baker died. His daughter Nettie Baker said so.", ["baker"]) == {"baker"}
    assert surnames_shared("Ginger Baker died. Mr. Baker said so.", ["baker"]) == frozenset()
    assert choose(parse_name("Baker"), None, [], context={"baker": {5}}, ambiguous=frozenset({"baker"})).speaker_id is None

    text = 'Ginger Baker died. His daughter Nettie Baker said: "He was loved." "I could play," Baker said.'
    first, second = text.index('"He'), text.index('"I')
    store = Store("sqlite://")
    store.ingest(Article(text=text, path="a.txt", quotes=[
        Quote(content=[(first, first + 15)], speaker="Nettie Baker", speaker_type="person", text='"He was loved."'),
        Quote(content=[(second, second + 15)], speaker="Baker", speaker_type="person", text='"I could play,"'),
    ]))
    assert sorted((s["name"], s["quotes"]) for s in store.speakers()) == [("Baker", 1), ("Nettie Baker", 1)]


@pytest.mark.issue(10)
def test_an_ambiguous_bare_surname_is_one_speaker_of_its_own_across_articles():
    baker = Candidate(3, [parse_name("Baker")])
    ginger = Candidate(4, [parse_name("Ginger Baker")])
    match = choose(parse_name("Baker"), None, [ginger, baker], context={"baker": {4}}, ambiguous=frozenset({"baker"}))
    assert match.speaker_id == 3


def test_a_surname_joined_to_its_lower_case_particle_is_a_name():
    name = parse_name("AU chairperson President Abdel Fattah el-Sisi")
    assert name is not None and name.display == "Abdel Fattah el-Sisi" and name.full
    assert parse_name("Bashar al-Assad").display == "Bashar al-Assad"
    assert parse_name("well-known") is None
