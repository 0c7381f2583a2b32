"""A user's corrections of who is who (issue #10): ``quoth speakers merge | split | rename``.

Each correction must hold when the same articles are ingested again (their quotes are deleted and
their speakers chosen anew), be listed with its date by ``quoth speakers --corrections``, and
change nothing when it is refused. SQLite always; PostgreSQL when ``QUOTH_TEST_PG`` is set.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from quoth.errors import UsageError
from quoth.model import Article, Quote
from quoth.store import Store, UnknownSpeaker
from quoth.store import corrections as corr
from quoth.store.db import Filters
from tests.test_store import SANCTIONS, cli, db_url, dump, make_article, quote_article, run, store  # noqa: F401

pytestmark = pytest.mark.issue(10)


def said(path, content, speaker, *, type_=None, role=None, published="2016-11-09"):
    """One article with one quote by ``speaker`` of type ``type_`` (person, organisation, ...)."""
    text = f'{speaker} said: "{content}" The end.'
    start = text.index(content)
    quote = Quote(content=[(start, start + len(content))], speaker=speaker, speaker_role=role,
                  speaker_type=type_, text=content)
    return Article(text=text, path=path, doc=Path(path).stem, published=published, quotes=[quote],
                   meta={"outlet": "TASS"})


def ingest(store, *arts):
    for a in arts:
        store.ingest(a)
    return list(arts)


def reingest(store, arts, run_no=1):
    """Ingest the same articles again as a re-run with other options does: every quote is deleted,
    inserted again and its speaker chosen anew."""
    for a in arts:
        status, _ = store.ingest(dataclasses.replace(a, meta={**a.meta, "extraction": {"run": run_no}}))
        assert status == "replaced"


def who(store):
    """Each quote's speaker: {(article path, quote index): (speaker id, speaker name)}."""
    return {(r["path"], r["quote_index"]): (r["speaker_id"], r["speaker"]) for r in store.export(Filters())}


def people(store):
    return {s["name"]: s for s in store.speakers()}


def sid(store, name):
    (found,) = store.speaker_ids(name)
    return found


# --- merge ------------------------------------------------------------------------------------


@pytest.fixture
def three_peskovs(store):
    """Dmitry and Sergei Peskov, and a 'Peskov' that could be either: a speaker of its own."""
    return ingest(
        store,
        quote_article("1.txt", "We never interfere in elections abroad.", "Dmitry Peskov"),
        quote_article("2.txt", "The hockey season starts next week.", "Sergei Peskov"),
        quote_article("3.txt", SANCTIONS, "Peskov", role="Kremlin spokesman"),
    )


def test_merge_moves_quotes_names_and_roles_and_drops_the_speaker(store, three_peskovs):
    assert set(people(store)) == {"Dmitry Peskov", "Sergei Peskov", "Peskov"}
    bare, dmitry = sid(store, "Peskov"), sid(store, "Dmitry Peskov")
    done = corr.merge(store, "Peskov", "Dmitry Peskov")
    assert (done["action"], done["speaker_id"]) == ("merge", dmitry)
    assert done["args"]["from"] == {"id": bare, "name": "Peskov", "type": None}
    assert done["args"]["into"]["id"] == dmitry and done["args"]["aliases"] == ["Peskov"]
    found = people(store)
    assert set(found) == {"Dmitry Peskov", "Sergei Peskov"}
    d = found["Dmitry Peskov"]
    assert (d["quotes"], d["aliases"], [r["role"] for r in d["roles"]]) == (2, ["Peskov"], ["Kremlin spokesman"])
    (row,) = store.search(store.filters("sanctions"))
    assert row["speaker_id"] == dmitry and store.cluster(row["cluster"])["speaker"] == "Dmitry Peskov"
    assert store.speaker_ids("Peskov") == [dmitry]


def test_a_merge_is_kept_across_reingest(store, three_peskovs):
    corr.merge(store, "Peskov", "Dmitry Peskov")
    before = who(store)
    reingest(store, three_peskovs)
    assert who(store) == before
    assert {n: s["quotes"] for n, s in people(store).items()} == {"Dmitry Peskov": 2, "Sergei Peskov": 1}
    # and a later mention by the merged name joins too, where it would have made a speaker of its own
    store.ingest(quote_article("4.txt", "Later words on the same matter.", "Peskov"))
    assert {n: s["quotes"] for n, s in people(store).items()} == {"Dmitry Peskov": 3, "Sergei Peskov": 1}


def test_a_merge_across_types_is_refused_unless_forced_and_then_kept(store, db_url):
    arts = ingest(
        store,
        said("1.txt", "The decision was taken in Moscow.", "Kremlin", type_="organisation"),
        said("2.txt", "No comment on the decision.", "Peskov", type_="person"),
    )
    before = dump(db_url)
    with pytest.raises(UsageError, match=r"Peskov \(#\d+\) is a person and Kremlin \(#\d+\) an organisation.*--force"):
        corr.merge(store, "Peskov", "Kremlin")
    assert dump(db_url) == before and corr.history(store) == []
    done = corr.merge(store, "Peskov", "Kremlin", force=True)
    assert done["args"]["force"] is True and "across types" in done["details"]
    (kremlin,) = store.speakers()
    assert (kremlin["name"], kremlin["type"], kremlin["quotes"]) == ("Kremlin", "organisation", 2)
    reingest(store, arts)
    assert [(s["name"], s["quotes"]) for s in store.speakers()] == [("Kremlin", 2)]


def test_merge_refuses_the_same_speaker_twice(store, three_peskovs):
    with pytest.raises(UsageError, match="the same speaker"):
        corr.merge(store, "Dmitry Peskov", str(sid(store, "Dmitry Peskov")))


# --- split ------------------------------------------------------------------------------------


@pytest.fixture
def one_peskov_too_many(store):
    """Every Peskov joined Dmitry: the full name, the only person of that surname, the context."""
    both = 'Dmitry Peskov said "We will wait for the results." Peskov added "Then we will see."'
    return ingest(
        store,
        quote_article("1.txt", SANCTIONS, "Dmitry Peskov"),
        quote_article("2.txt", SANCTIONS, "Peskov", role="hockey coach"),
        quote_article("3.txt", "The team played well tonight.", "Mr. Peskov"),
        make_article("4.txt", both, [("We will wait for the results.", "Dmitry Peskov"),
                                     ("Then we will see.", "Peskov")]),
    )


def test_split_gives_the_quotes_under_a_name_a_new_speaker(store, one_peskov_too_many):
    (only,) = store.speakers()
    assert (only["name"], only["quotes"]) == ("Dmitry Peskov", 5)
    dmitry = only["id"]
    (cluster,) = {r["cluster"] for r in store.search(store.filters("sanctions"))}
    assert len(store.cluster(cluster)["occurrences"]) == 2  # one statement, one speaker: so far
    done = corr.split(store, "Dmitry Peskov", ["Peskov"])
    new = done["speaker_id"]
    assert done["action"] == "split" and done["args"]["quotes"] == 3 and done["args"]["from"]["id"] == dmitry
    found = people(store)
    assert {n: s["quotes"] for n, s in found.items()} == {"Dmitry Peskov": 2, "Peskov": 3}
    assert found["Dmitry Peskov"]["aliases"] == [] and found["Dmitry Peskov"]["roles"] == []
    assert [r["role"] for r in found["Peskov"]["roles"]] == ["hockey coach"]
    assert store.speaker_ids("Peskov") == [new] and store.speaker_ids("Mr. Peskov") == [new]
    # a statement is one speaker's: the report by 'Peskov' left Dmitry Peskov's cluster
    rows = store.search(store.filters("sanctions"))
    assert {store.cluster(r["cluster"])["speaker"] for r in rows} == {"Dmitry Peskov", "Peskov"}
    assert all(len(store.cluster(r["cluster"])["occurrences"]) == 1 for r in rows)


def test_a_split_is_kept_across_reingest(store, one_peskov_too_many):
    done = corr.split(store, "Dmitry Peskov", ["Peskov"])
    before = who(store)
    reingest(store, one_peskov_too_many)
    assert who(store) == before
    # later mentions of that name are the new speaker's, never Dmitry Peskov's
    store.ingest(quote_article("5.txt", "Another word from the coach.", "Peskov"))
    store.ingest(quote_article("6.txt", "A word from the Kremlin.", "Dmitry Peskov"))
    assert {n: s["quotes"] for n, s in people(store).items()} == {"Dmitry Peskov": 3, "Peskov": 4}
    assert store.speaker_ids("Peskov") == [done["speaker_id"]]


def test_split_with_a_name_and_several_aliases(store, one_peskov_too_many):
    done = corr.split(store, "Dmitry Peskov", ["Mr. Peskov", "peskov"], name="Oleg Peskov")
    assert (done["args"]["into"]["name"], done["args"]["quotes"]) == ("Oleg Peskov", 3)
    store.ingest(quote_article("5.txt", "Yet another word from him.", "Oleg Peskov"))
    assert {n: s["quotes"] for n, s in people(store).items()} == {"Dmitry Peskov": 2, "Oleg Peskov": 4}


@pytest.mark.parametrize(
    "aliases, name, message",
    [
        ([], None, "give at least one --alias"),
        (["Sergei Peskov"], None,
         r"has no quotes under 'Sergei Peskov'; its quotes are under: Dmitry Peskov; Mr. Peskov; Peskov"),
        (["Peskov", "Dmitry Peskov"], None, "nothing would be left; `quoth speakers rename`"),
        (["the official"], None, "has no quotes under 'the official'"),
        (["--"], None, "is no name"),
        (["Peskov"], "Dmitry Peskov", r"Dmitry Peskov \(#\d+\) is already called 'Dmitry Peskov': choose another"),
        (["Peskov"], " ", "--name is empty"),
    ],
)
def test_a_split_that_cannot_be_done_says_why_and_changes_nothing(store, db_url, one_peskov_too_many, aliases, name,
                                                                   message):
    before = dump(db_url)
    with pytest.raises(UsageError, match=message):
        corr.split(store, "Dmitry Peskov", aliases, name=name)
    assert dump(db_url) == before and corr.history(store) == []


# --- rename -----------------------------------------------------------------------------------


def test_a_rename_is_locked_and_kept_across_reingest(store):
    arts = ingest(store, quote_article("1.txt", "We will build it and they will pay.", "Trump"))
    done = corr.rename(store, "Trump", "The Donald")
    assert (done["action"], done["args"]["from"], done["args"]["to"]) == ("rename", "Trump", "The Donald")
    # a full name would upgrade a surname-only speaker's name: not a renamed one
    arts += ingest(store, quote_article("2.txt", "The wall will be beautiful, believe me.", "Donald Trump"))
    (s,) = store.speakers()
    assert (s["name"], s["quotes"], set(s["aliases"])) == ("The Donald", 2, {"Trump", "Donald Trump"})
    assert store.speaker_ids("The Donald") == [s["id"]]
    before = who(store)
    reingest(store, arts)
    assert who(store) == before and store.speakers()[0]["name"] == "The Donald"
    # a catalogue re-applied later does not undo it either
    from quoth.store.identity import CatalogueEntry

    store.apply_catalogue([CatalogueEntry("Donald J. Trump", ("Trump",))])
    assert [x["name"] for x in store.speakers()] == ["The Donald"]


def test_a_renamed_speaker_without_quotes_for_a_moment_stays(store):
    store.ingest(quote_article("1.txt", "We will build it and they will pay.", "Trump"))
    store.ingest(quote_article("2.txt", "Nobody knows who said this one.", "Clinton"))
    corr.rename(store, "Trump", "Donald Trump")
    store.ingest(quote_article("1.txt", "We will build it and they will pay.", None))  # a new version: no speaker
    store.ingest(quote_article("2.txt", "Nobody knows who said this one.", None))
    assert [(s["name"], s["quotes"]) for s in store.speakers()] == [("Donald Trump", 0)]  # Clinton is dropped
    store.ingest(quote_article("1.txt", "We will build it and they will pay.", "Trump"))
    assert [(s["name"], s["quotes"]) for s in store.speakers()] == [("Donald Trump", 1)]


def test_a_rename_to_another_speakers_name_is_refused(store, db_url, three_peskovs):
    before = dump(db_url)
    with pytest.raises(UsageError, match=r"Sergei Peskov \(#\d+\) is already called 'Sergei Peskov'.*merge"):
        corr.rename(store, "Dmitry Peskov", "Sergei Peskov")
    with pytest.raises(UsageError, match="the new name is empty"):
        corr.rename(store, "Dmitry Peskov", "  ")
    assert dump(db_url) == before and corr.history(store) == []


# --- naming speakers, history -----------------------------------------------------------------


def test_speakers_are_named_by_name_alias_or_id(store, three_peskovs):
    dmitry = sid(store, "Dmitry Peskov")
    with store.engine.connect() as conn:
        for ref in ("Dmitry Peskov", "D. Peskov", str(dmitry), f"#{dmitry}", f" # {dmitry} "):
            assert corr.resolve(store, conn, ref).id == dmitry
        with pytest.raises(UnknownSpeaker, match=r"No speaker #999"):
            corr.resolve(store, conn, "#999")
        with pytest.raises(UnknownSpeaker, match=r"Unknown speaker 'Nobody'"):
            corr.resolve(store, conn, "Nobody")
    ingest(store, quote_article("5.txt", "We will fight for every vote in Ohio.", "Hillary Clinton"),
           quote_article("6.txt", "Ohio is the key to this race.", "Hillary Clinton"),
           quote_article("7.txt", "I did not have anything to do with it.", "Bill Clinton"))
    with store.engine.connect() as conn:
        with pytest.raises(UsageError, match=r"^'Clinton' names 2 speakers: #\d+ Hillary Clinton \(2 quotes\), "
                                             r"#\d+ Bill Clinton \(1 quote\); give one by its id \(e.g. \d+\)$"):
            corr.resolve(store, conn, "Clinton")


def test_history_lists_every_correction_with_its_date(store, three_peskovs):
    start = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    corr.merge(store, "Peskov", "Dmitry Peskov")
    corr.rename(store, "Sergei Peskov", "Sergei A. Peskov")
    corr.split(store, "Dmitry Peskov", ["Peskov"])
    rows = corr.history(store)
    assert [r["action"] for r in rows] == ["merge", "rename", "split"]
    assert [r["speaker"] for r in rows] == ["Dmitry Peskov", "Sergei A. Peskov", "Peskov"]
    end = datetime.now(timezone.utc).replace(tzinfo=None)
    assert all(start <= datetime.fromisoformat(r["date"]) <= end for r in rows)
    bare, dmitry = rows[0]["args"]["from"]["id"], rows[0]["speaker_id"]
    assert rows[0]["details"] == f"Peskov (#{bare}) into Dmitry Peskov (#{dmitry}): 1 quote, names Peskov"
    assert rows[1]["details"] == f"#{rows[1]['speaker_id']} 'Sergei Peskov' to 'Sergei A. Peskov'"
    assert rows[2]["details"].startswith("Peskov: 1 quote from Dmitry Peskov (#")


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def peskov_url(store, db_url, three_peskovs):
    ingest(store, quote_article("5.txt", "We will fight for every vote in Ohio.", "Hillary Clinton"),
           quote_article("6.txt", "I did not have anything to do with it.", "Bill Clinton"))
    store.close()
    return db_url


def test_cli_merge_split_rename_and_corrections(cli, peskov_url):
    r = run(cli, "speakers", "merge", "Peskov", "Dmitry Peskov", "--db", peskov_url)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and r.stderr.startswith("Correction 1 (merge): Peskov (#") and r.stderr.count("\n") == 1
    listed = json.loads(run(cli, "speakers", "--format", "json", "--db", peskov_url).stdout)
    assert [(s["name"], s["quotes"]) for s in listed] == [
        ("Dmitry Peskov", 2), ("Bill Clinton", 1), ("Hillary Clinton", 1), ("Sergei Peskov", 1)]
    sergei = listed[3]["id"]
    r = run(cli, "speakers", "--db", peskov_url, "rename", f"#{sergei}", "Sergei A. Peskov")  # --db before the command
    assert r.exit_code == 0 and "Correction 2 (rename)" in r.stderr
    r = run(cli, "speakers", "split", "Dmitry Peskov", "--alias", "Peskov", "--name", "Oleg Peskov", "--db", peskov_url)
    assert r.exit_code == 0 and "Correction 3 (split): Peskov: 1 quote from Dmitry Peskov" in r.stderr
    r = run(cli, "speakers", "--limit", "2", "--db", peskov_url)  # the listing is as it was
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0].split() == ["id", "name", "type", "quotes", "first", "last", "aliases", "roles"]
    assert len(r.stdout.splitlines()) == 4
    r = run(cli, "speakers", "--corrections", "--db", peskov_url)
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "action", "speaker", "details"] and len(lines) == 5
    assert lines[2].split()[0] == "1" and lines[2].split()[3] == "merge"
    rows = json.loads(run(cli, "speakers", "--corrections", "--format", "json", "--db", peskov_url).stdout)
    assert [(r["id"], r["action"], r["speaker"]) for r in rows] == [
        (1, "merge", "Dmitry Peskov"), (2, "rename", "Sergei A. Peskov"), (3, "split", "Oleg Peskov")]
    assert all(datetime.fromisoformat(r["date"]) for r in rows)
    csv_lines = run(cli, "speakers", "--corrections", "--format", "csv", "--db", peskov_url).stdout.splitlines()
    assert csv_lines[0] == "id,date,action,speaker_id,speaker,details,args" and len(csv_lines) == 4


@pytest.mark.parametrize(
    "args, message",
    [
        (["merge", "Nobody", "Dmitry Peskov"], "Error: Unknown speaker 'Nobody'"),
        (["merge", "#999", "Dmitry Peskov"], "Error: No speaker #999"),
        (["merge", "Clinton", "Sergei Peskov"], "Error: 'Clinton' names 2 speakers: #"),
        (["merge", "Dmitry Peskov", "Dmitry Peskov"], "the same speaker"),
        (["split", "Dmitry Peskov"], "Error: give at least one --alias"),
        (["split", "Dmitry Peskov", "--alias", "Oleg Peskov"], "has no quotes under 'Oleg Peskov'"),
        (["rename", "Dmitry Peskov", "Sergei Peskov"], "is already called 'Sergei Peskov'"),
        (["rename", "Nobody", "Somebody"], "Error: Unknown speaker 'Nobody'"),
        (["--limit", "3", "rename", "Peskov", "X"], "Error: --limit and --corrections list speakers"),
    ],
)
def test_cli_bad_corrections_fail_in_one_line_and_change_nothing(cli, peskov_url, args, message):
    before = dump(peskov_url)
    r = run(cli, "speakers", *args, "--db", peskov_url)
    assert r.exit_code == 2 and message in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert dump(peskov_url) == before
    assert run(cli, "speakers", "--corrections", "--format", "json", "--db", peskov_url).stdout.strip() == "[]"


def test_cli_a_missing_store_is_not_created(cli, tmp_path):
    missing = tmp_path / "none.db"
    r = run(cli, "speakers", "rename", "A", "B", "--db", missing)
    assert r.exit_code == 1 and "No quote store" in r.stderr and not missing.exists()
    r = run(cli, "speakers", "--corrections", "--db", missing)
    assert r.exit_code == 1 and not missing.exists()


def test_cli_merge_across_types_needs_force(cli, store, db_url):
    ingest(store,
           said("1.txt", "The decision was taken in Moscow.", "Kremlin", type_="organisation"),
           said("2.txt", "No comment on the decision.", "Peskov", type_="person"))
    r = run(cli, "speakers", "merge", "Peskov", "Kremlin", "--db", db_url)
    assert r.exit_code == 2 and "add --force" in r.stderr
    r = run(cli, "speakers", "merge", "Peskov", "Kremlin", "--force", "--db", db_url)
    assert r.exit_code == 0 and "across types (--force)" in r.stderr
