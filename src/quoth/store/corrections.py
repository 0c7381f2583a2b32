"""A user's corrections of who is who (issue #10): merge, split and rename speakers.

Identity across articles (:mod:`quoth.store.identity`) is a guess from names, roles and context;
a user corrects the rest:

* :func:`merge` ``(store, A, B)``: A's quotes, clusters, aliases and roles go to B; A is gone.
* :func:`split` ``(store, A, ["Peskov"])``: A's quotes written under those names (any form with the
  same key: "Mr. Peskov") go to a new speaker.
* :func:`rename` ``(store, A, "New Name")``: A's name, locked against the automatic upgrade of a
  surname-only speaker's name.

A correction is kept by what it leaves in the store, not replayed: the names it binds become
aliases with source ``"correction"``, which identity treats as a catalogue alias (the exact key
wins, step 1 of :func:`~quoth.store.identity.choose`; see :func:`pin`), so a later ingest, or a
re-ingest of the same articles, puts those mentions where the user put them; a renamed speaker is
``locked``; and a speaker with a correction is not dropped for having no quotes (:func:`keeps`).
A binding respects speaker types as identity does (a person's "Washington" never takes the place's
mentions), except the names a forced merge of two types moved: their source is ``"forced"``.

Each correction is one transaction and one row of ``speaker_corrections`` (action, speaker, the
details as JSON, the date), listed by :func:`history`. Speakers are named as on the command line
(:func:`resolve`): a name or alias, or an id (``12`` or ``#12``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.errors import UsageError
from quoth.store import clusters as cl
from quoth.store import identity as ident
from quoth.store.schema import quotes, speaker_aliases, speaker_corrections, speaker_roles, speakers

if TYPE_CHECKING:
    from quoth.store.db import Store

ACTIONS = ("merge", "split", "rename")
BINDING = ("correction", "forced")  # alias sources a user's correction set


@dataclass(frozen=True)
class Speaker:
    """A stored speaker as a correction sees it."""

    id: int
    name: str
    type: str | None
    catalogue: bool
    locked: bool
    wikidata: str | None
    quotes: int

    @property
    def label(self) -> str:
        return f"{self.name} (#{self.id})"


# --- hooks for the store's identity ----------------------------------------------------------


def pin(conn: Connection, key: str, candidates: list[ident.Candidate]) -> list[ident.Candidate]:
    """Candidates for a mention with ``key``, pinned by the corrections that bound ``key``
    (:func:`pin_candidates`)."""
    if not candidates:
        return candidates
    bound = {
        r.speaker_id: r.source
        for r in conn.execute(
            sa.select(speaker_aliases.c.speaker_id, speaker_aliases.c.source).where(
                speaker_aliases.c.key == key, speaker_aliases.c.source.in_(BINDING)
            )
        )
    }
    return pin_candidates(bound, candidates)


def pin_candidates(bound: dict[int, str], candidates: list[ident.Candidate]) -> list[ident.Candidate]:
    """Candidates, those a correction bound the mention's key to (``bound``: speaker id -> alias
    source) first and counted as listed (identity step 1, as a catalogue alias); a forced binding
    holds across types. The candidates are changed in place."""
    if not bound or not candidates:
        return candidates
    for c in candidates:
        if c.id in bound:
            c.catalogue = True
            if bound[c.id] == "forced":
                c.type = None
    return sorted(candidates, key=lambda c: c.id not in bound)


def keeps(conn: Connection, sid: int) -> bool:
    """Whether a speaker stays when it has no quotes: renamed, or named in a correction."""
    locked = conn.execute(sa.select(speakers.c.locked).where(speakers.c.id == sid)).scalar()
    if locked:
        return True
    bound = sa.select(speaker_aliases.c.id).where(
        speaker_aliases.c.speaker_id == sid, speaker_aliases.c.source.in_(BINDING)
    )
    noted = sa.select(speaker_corrections.c.id).where(speaker_corrections.c.speaker_id == sid)
    return bool(conn.execute(sa.select(sa.or_(sa.exists(bound), sa.exists(noted)))).scalar())


def absorb(store: Store, conn: Connection, source: int, target: int) -> None:
    """Merge speaker ``source`` into ``target`` (as a catalogue does) keeping what corrections
    gave ``source``: the names bound to it, its history, and a renamed speaker's name."""
    bound = conn.execute(
        sa.select(speaker_aliases.c.alias, speaker_aliases.c.key, speaker_aliases.c.source)
        .where(speaker_aliases.c.speaker_id == source, speaker_aliases.c.source.in_(BINDING))
        .order_by(speaker_aliases.c.id)
    ).all()
    renamed = conn.execute(
        sa.select(speakers.c.name).where(speakers.c.id == source, speakers.c.locked.is_(True))
    ).scalar()
    _move_history(conn, source, target)
    store._merge_speaker(conn, source, target)
    ttype = conn.execute(sa.select(speakers.c.type).where(speakers.c.id == target)).scalar()
    for r in bound:
        _bind(conn, store, target, ttype, r.alias, r.key, source=r.source)
    if renamed is not None:
        conn.execute(
            speakers.update()
            .where(speakers.c.id == target, speakers.c.locked.is_(False))
            .values(name=renamed, locked=True)
        )


# --- naming a speaker -------------------------------------------------------------------------


def _load(conn: Connection, ids: Iterable[int]) -> list[Speaker]:
    ids = list(ids)
    counts = dict(
        conn.execute(
            sa.select(quotes.c.speaker_id, sa.func.count())
            .where(quotes.c.speaker_id.in_(ids))
            .group_by(quotes.c.speaker_id)
        ).all()
    )
    rows = conn.execute(sa.select(speakers).where(speakers.c.id.in_(ids)).order_by(speakers.c.id)).all()
    return [
        Speaker(r.id, r.name, r.type, bool(r.catalogue), bool(r.locked), r.wikidata, counts.get(r.id, 0))
        for r in rows
    ]


def resolve(store: Store, conn: Connection, ref: str) -> Speaker:
    """The one speaker ``ref`` names: an id (``12``, ``#12``), else a name or alias.

    Raises:
        UnknownSpeaker: no such id or name.
        UsageError: the name fits several speakers (listed with their ids and quote counts).
    """
    from quoth.store.db import UnknownSpeaker

    text = " ".join((ref or "").split())
    if not text:
        raise UsageError("a speaker is empty: give a name, an alias or an id (12)")
    m = re.fullmatch(r"#?\s*(\d+)", text)
    if m:
        found = _load(conn, [int(m.group(1))])
        if not found:
            raise UnknownSpeaker(f"No speaker #{m.group(1)}: `quoth speakers --format json` lists their ids.")
        return found[0]
    found = _load(conn, store.speaker_ids(text, conn))
    if len(found) > 1:
        found.sort(key=lambda s: (-s.quotes, s.id))
        listed = ", ".join(f"#{s.id} {s.name} ({_n(s.quotes, 'quote')})" for s in found)
        raise UsageError(f"{text!r} names {len(found)} speakers: {listed}; give one by its id (e.g. {found[0].id})")
    return found[0]


def _n(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


# --- the corrections --------------------------------------------------------------------------


def _bind(conn: Connection, store: Store, sid: int, stype: str | None, alias: str, key: str, *,
          source: str = "correction", text: bool = False) -> None:
    """Make ``key`` one of ``sid``'s names by correction, and no other speaker's of a type it could
    be confused with (their binding, if any, falls back to an observed alias)."""
    for r in conn.execute(
        sa.select(speaker_aliases.c.id, speaker_aliases.c.source, speakers.c.type)
        .join(speakers, speakers.c.id == speaker_aliases.c.speaker_id)
        .where(speaker_aliases.c.key == key, speaker_aliases.c.source.in_(BINDING), speakers.c.id != sid)
    ).all():
        if r.source == "forced" or source == "forced" or ident.types_agree(r.type, stype):
            conn.execute(speaker_aliases.update().where(speaker_aliases.c.id == r.id).values(source="observed"))
    row = conn.execute(
        sa.select(speaker_aliases.c.id, speaker_aliases.c.source).where(
            speaker_aliases.c.speaker_id == sid, speaker_aliases.c.key == key
        )
    ).first()
    if row is None:
        store._add_alias(conn, sid, alias, key, source)
        return
    values: dict[str, Any] = {"alias": alias} if text else {}
    if row.source != "catalogue" and not (row.source == "forced" and source == "correction"):
        values["source"] = source
    if values:
        conn.execute(speaker_aliases.update().where(speaker_aliases.c.id == row.id).values(**values))


def _record(conn: Connection, action: str, sid: int, args: dict[str, Any]) -> dict[str, Any]:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    cid = conn.execute(
        speaker_corrections.insert().values(action=action, speaker_id=sid, args=args, created_at=now)
    ).inserted_primary_key[0]
    return {"id": cid, "date": _date(now), "action": action, "speaker_id": sid,
            "details": describe(action, args), "args": args}


def merge(store: Store, source: str, target: str, *, force: bool = False) -> dict[str, Any]:
    """Make ``source`` and ``target`` one speaker, ``target``: its quotes, clusters, aliases and
    roles; later mentions by any of ``source``'s names join ``target``. One transaction.

    Raises:
        UsageError: an unknown or ambiguous speaker, the same speaker twice, or two speakers of
            different types (a person and an organisation) without ``force``.

    Returns:
        The correction as :func:`history` lists it.
    """
    with store._write() as conn:
        a = resolve(store, conn, source)
        b = resolve(store, conn, target)
        if a.id == b.id:
            raise UsageError(f"{source!r} and {target!r} are the same speaker, {a.label}: nothing to merge")
        across = bool(a.type and b.type and a.type != b.type)
        if across and not force:
            raise UsageError(f"{a.label} is {_a(a.type)} and {b.label} {_a(b.type)}: speakers of two types "
                             "are never one; add --force to merge them anyway")
        aliases = conn.execute(
            sa.select(speaker_aliases.c.alias, speaker_aliases.c.key, speaker_aliases.c.source)
            .where(speaker_aliases.c.speaker_id == a.id)
            .order_by(speaker_aliases.c.id)
        ).all()
        _move_history(conn, a.id, b.id)
        store._merge_speaker(conn, a.id, b.id)
        for r in aliases:
            _bind(conn, store, b.id, b.type, r.alias, r.key,
                  source="forced" if across or r.source == "forced" else "correction")
        conn.execute(
            speakers.update()
            .where(speakers.c.id == b.id)
            .values(type=b.type or a.type, catalogue=b.catalogue or a.catalogue, wikidata=b.wikidata or a.wikidata)
        )
        args = {
            "from": {"id": a.id, "name": a.name, "type": a.type},
            "into": {"id": b.id, "name": b.name, "type": b.type},
            "aliases": [r.alias for r in aliases],
            "quotes": a.quotes,
            "force": across,
        }
        return _record(conn, "merge", b.id, args)


def split(store: Store, speaker: str, aliases: Iterable[str], *, name: str | None = None) -> dict[str, Any]:
    """Give the quotes of ``speaker`` written under ``aliases`` (any form with the same key) a new
    speaker of the same type, named ``name`` (default: the first alias, as stored). Those names
    are the new speaker's from then on, never ``speaker``'s. One transaction.

    Raises:
        UsageError: an unknown or ambiguous speaker, no aliases, an alias it has no quotes under,
            or aliases that cover all its quotes (that is a rename).
    """
    given = [" ".join(a.split()) for a in aliases if a and a.strip()]
    if not given:
        raise UsageError("give at least one --alias NAME: the quotes written under it go to a new speaker")
    if name is not None and not name.strip():
        raise UsageError("--name is empty")
    with store._write() as conn:
        a = resolve(store, conn, speaker)
        keys: dict[str, str] = {}
        for alias in given:
            key = ident.alias_key(alias, a.type) or ident.fold(alias)  # "peskov" as typed is Peskov
            if not key:
                raise UsageError(f"--alias {alias!r} is no name (write it as the speaker's name is written)")
            keys.setdefault(key, alias)
        rows = conn.execute(
            sa.select(quotes.c.id, quotes.c.speaker_name, quotes.c.speaker_type, quotes.c.speaker_role,
                      quotes.c.cluster_id, quotes.c.text)
            .where(quotes.c.speaker_id == a.id)
            .order_by(quotes.c.id)
        ).all()
        quote_keys = {r.id: ident.alias_key(r.speaker_name, r.speaker_type) if r.speaker_name else None for r in rows}
        moved = [r for r in rows if quote_keys[r.id] in keys]
        unused = [alias for key, alias in keys.items() if key not in set(quote_keys.values())]
        if unused:
            names = sorted({r.speaker_name for r in rows if r.speaker_name})
            raise UsageError(f"{a.label} has no quotes under {', '.join(map(repr, unused))}; "
                             f"its quotes are under: {'; '.join(names) or 'no name'}")
        if len(moved) == len(rows):
            raise UsageError(f"every quote of {a.label} is under {', '.join(map(repr, keys.values()))}: nothing "
                             "would be left; `quoth speakers rename` renames it")
        stored = dict(
            conn.execute(
                sa.select(speaker_aliases.c.key, speaker_aliases.c.alias).where(
                    speaker_aliases.c.speaker_id == a.id, speaker_aliases.c.key.in_(list(keys))
                )
            ).all()
        )
        first = next(iter(keys))
        display = " ".join(name.split()) if name else stored.get(first) or _display(keys[first], a.type)
        named = (ident.alias_key(display, a.type) or ident.fold(display)) if name else None
        if named and named not in keys:
            _check_free(conn, named, display, 0, a.type, "choose another --name")  # A's names too
        new_id = conn.execute(
            speakers.insert().values(name=display, surname=_surname(display, a.type) or first, catalogue=False,
                                     type=a.type, locked=name is not None)
        ).inserted_primary_key[0]
        moved_ids = [r.id for r in moved]
        conn.execute(quotes.update().where(quotes.c.id.in_(moved_ids)).values(speaker_id=new_id))
        conn.execute(
            speaker_aliases.delete().where(speaker_aliases.c.speaker_id == a.id, speaker_aliases.c.key.in_(list(keys)))
        )
        for key, alias in keys.items():
            _bind(conn, store, new_id, a.type, stored.get(key, alias), key)
        if named:  # a speaker's name is one of its names
            _bind(conn, store, new_id, a.type, display, named, text=True)
        for role in sorted({r.speaker_role for r in moved if r.speaker_role}):
            store._add_role(conn, new_id, role)
        _recluster(store, conn, moved, new_id)
        store._tidy_speakers(conn, [a.id])  # A's roles and observed names only the moved quotes gave
        args = {
            "from": {"id": a.id, "name": a.name, "type": a.type},
            "into": {"id": new_id, "name": display, "type": a.type},
            "aliases": [stored.get(k, v) for k, v in keys.items()],
            "quotes": len(moved),
        }
        return _record(conn, "split", new_id, args)


def rename(store: Store, speaker: str, new: str) -> dict[str, Any]:
    """Call ``speaker`` ``new``: its name from then on, whatever later mentions say, and one of its
    aliases. One transaction.

    Raises:
        UsageError: an unknown or ambiguous speaker, an empty name, or a name another speaker has
            (merge them instead).
    """
    new = " ".join((new or "").split())
    if not new:
        raise UsageError("the new name is empty")
    with store._write() as conn:
        s = resolve(store, conn, speaker)
        key = ident.alias_key(new, s.type) or ident.fold(new)
        if not key:
            raise UsageError(f"{new!r} has no letters to name a speaker by")
        _check_free(conn, key, new, s.id, s.type, f"`quoth speakers merge {s.id} ID` makes them one speaker")
        conn.execute(speakers.update().where(speakers.c.id == s.id).values(name=new, locked=True))
        _bind(conn, store, s.id, s.type, new, key, text=True)
        args = {"speaker": {"id": s.id, "name": s.name, "type": s.type}, "from": s.name, "to": new}
        return _record(conn, "rename", s.id, args)


def history(store: Store) -> list[dict[str, Any]]:
    """Every correction, oldest first: id, date (UTC), action, the speaker it concerns now (id and
    name; ``None`` once deleted), a one-line description and its details."""
    stmt = (
        sa.select(speaker_corrections, speakers.c.name.label("speaker"))
        .select_from(speaker_corrections.outerjoin(speakers, speakers.c.id == speaker_corrections.c.speaker_id))
        .order_by(speaker_corrections.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [
        {"id": r.id, "date": _date(r.created_at), "action": r.action, "speaker_id": r.speaker_id,
         "speaker": r.speaker, "details": describe(r.action, r.args), "args": r.args}
        for r in rows
    ]


def describe(action: str, args: dict[str, Any]) -> str:
    """One line saying what a correction did."""
    def who(s: dict[str, Any]) -> str:
        return f"{s['name']} (#{s['id']})"

    if action == "merge":
        names = "; ".join(args.get("aliases") or [])
        forced = ", across types (--force)" if args.get("force") else ""
        return (f"{who(args['from'])} into {who(args['into'])}: {_n(args.get('quotes', 0), 'quote')}"
                + (f", names {names}" if names else "") + forced)
    if action == "split":
        return (f"{'; '.join(args.get('aliases') or [])}: {_n(args.get('quotes', 0), 'quote')} "
                f"from {who(args['from'])} to {who(args['into'])}")
    if action == "rename":
        return f"#{args['speaker']['id']} {args['from']!r} to {args['to']!r}"
    return str(args)


# --- helpers ----------------------------------------------------------------------------------


def _check_free(conn: Connection, key: str, name: str, sid: int, stype: str | None, hint: str) -> None:
    """A user's name for speaker ``sid`` must be no other speaker's (of a type it could be)."""
    others = conn.execute(
        sa.select(speaker_aliases.c.speaker_id)
        .where(speaker_aliases.c.key == key, speaker_aliases.c.speaker_id != sid)
        .distinct()
    ).scalars()
    for other in _load(conn, list(others)):
        if ident.types_agree(other.type, stype):
            raise UsageError(f"{other.label} is already called {name!r}: " + hint.replace("ID", str(other.id)))


def _move_history(conn: Connection, source: int, target: int) -> None:
    """The corrections of a speaker merged into another are the other's (the foreign key would
    forget them)."""
    conn.execute(
        speaker_corrections.update().where(speaker_corrections.c.speaker_id == source).values(speaker_id=target)
    )


def _recluster(store: Store, conn: Connection, moved: list[Any], new_id: int) -> None:
    """A statement is one speaker's: moved quotes leave a cluster the old speaker keeps quotes in."""
    moved_ids = {r.id for r in moved}
    touched = {r.cluster_id for r in moved}
    for cid in sorted(touched):
        members = conn.execute(
            sa.select(quotes.c.id, quotes.c.speaker_id, quotes.c.text)
            .where(quotes.c.cluster_id == cid)
            .order_by(quotes.c.id)
        ).all()
        if all(m.speaker_id in (None, new_id) for m in members):
            continue  # the whole statement moved: the cluster goes with it
        for m in members:
            if m.id in moved_ids:
                into = store._cluster_id(conn, cl.normalise(m.text), m.text, new_id)
                conn.execute(quotes.update().where(quotes.c.id == m.id).values(cluster_id=into))
                touched.add(into)
    store._tidy_clusters(conn, touched)


def _display(alias: str, type_: str | None) -> str:
    if type_ in ident.ENTITY_TYPES:
        return re.sub(r"^[Tt]he\s+", "", alias)
    parsed = ident.parse_name(alias)
    return parsed.display if parsed else alias


def _surname(name: str, type_: str | None) -> str | None:
    if type_ in ident.ENTITY_TYPES:
        return ident.entity_key(name) or None
    parsed = ident.parse_name(name)
    return parsed.last if parsed else None


def _a(type_: str | None) -> str:
    return ("an " if type_ and type_[0] in "aeiou" else "a ") + str(type_)


def _date(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="seconds") if value is not None else None


__all__ = ["ACTIONS", "Speaker", "describe", "history", "keeps", "merge", "pin", "rename", "resolve", "split"]
