"""Speakers in the store: who each quote's speaker is across articles, their names and roles.

:class:`SpeakerRecords` holds the speaker side of :class:`quoth.store.db.Store` (which inherits
it): looking up candidates, choosing or creating a speaker (:mod:`quoth.store.identity` decides),
organisations and places by name and type, aliases and roles, the clean-up after a replacement,
the user's catalogue and corrections (:mod:`quoth.store.corrections`).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.errors import UsageError
from quoth.store.common import UnknownSpeaker, _insert
from quoth.store import corrections as corr
from quoth.store import identity as ident
from quoth.store import resolve
from quoth.store.schema import clusters, outlets, quotes, speaker_aliases, speaker_roles, speakers


class SpeakerRecords:
    """The speaker side of the store (mixed into :class:`quoth.store.db.Store`)."""

    def _candidates(self, conn: Connection, name: ident.Name) -> list[ident.Candidate]:
        by_alias = sa.select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.key == name.key)
        ids = [
            r.id
            for r in conn.execute(
                sa.select(speakers.c.id)
                .where(sa.or_(speakers.c.surname.in_(ident.surname_spellings(name.last)), speakers.c.id.in_(by_alias)))
                .order_by(speakers.c.id)
            )
        ]
        return corr.pin(conn, name.key, self._load_candidates(conn, ids))  # a user's correction binds a name

    def _load_candidates(self, conn: Connection, ids: list[int]) -> list[ident.Candidate]:
        if not ids:
            return []
        cands = {
            r.id: ident.Candidate(r.id, [], frozenset(), bool(r.catalogue), r.type)
            for r in conn.execute(
                sa.select(speakers.c.id, speakers.c.catalogue, speakers.c.type).where(speakers.c.id.in_(ids))
            )
        }
        for r in conn.execute(
            sa.select(speaker_aliases.c.speaker_id, speaker_aliases.c.alias)
            .where(speaker_aliases.c.speaker_id.in_(ids))
            .order_by(speaker_aliases.c.id)
        ):
            parsed = ident.parse_name(r.alias)
            if parsed is not None:
                cands[r.speaker_id].names.append(parsed)
        for r in conn.execute(
            sa.select(speaker_roles.c.speaker_id, speaker_roles.c.role).where(speaker_roles.c.speaker_id.in_(ids))
        ):
            c = cands[r.speaker_id]
            c.roles = c.roles | ident.role_words(r.role)
        return [cands[i] for i in ids]

    def _speaker_index(self, conn: Connection) -> SqlSpeakers:
        return SqlSpeakers(self, conn)

    def _speaker_id(
        self,
        conn: Connection,
        name: ident.Name,
        role: str | None,
        context: dict[str, set[int]],
        type_: str | None = None,
    ) -> int:
        return resolve.speaker_for(name, role, context, type_, self._speaker_index(conn))

    def _entity_id(self, conn: Connection, name: str, type_: str) -> int | None:
        """An organisation, place or group (:func:`quoth.store.resolve.entity_for`)."""
        return resolve.entity_for(name, type_, self._speaker_index(conn))

    def _add_alias(self, conn: Connection, sid: int, alias: str, key: str, source: str) -> None:
        ins = _insert(self.backend, speaker_aliases).values(speaker_id=sid, alias=alias, key=key, source=source)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["speaker_id", "key"]))

    def _add_role(self, conn: Connection, sid: int, role: str) -> None:
        role = " ".join(role.split())
        ins = _insert(self.backend, speaker_roles).values(speaker_id=sid, role=role)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["speaker_id", "role"]))

    def _tidy_speakers(self, conn: Connection, ids: Iterable[int]) -> None:
        """After a replacement: drop speakers left without quotes (unless catalogued or corrected by
        a user) and the aliases and roles only the old quotes gave."""
        for sid in sorted(ids):
            catalogue = conn.execute(sa.select(speakers.c.catalogue).where(speakers.c.id == sid)).scalar()
            if catalogue is None:
                continue
            rows = conn.execute(
                sa.select(quotes.c.speaker_name, quotes.c.speaker_role, quotes.c.speaker_type)
                .where(quotes.c.speaker_id == sid)
                .distinct()
            ).all()
            if not rows and not catalogue and not corr.keeps(conn, sid):
                conn.execute(clusters.update().where(clusters.c.speaker_id == sid).values(speaker_id=None))
                conn.execute(speakers.delete().where(speakers.c.id == sid))
                continue
            keys = {k for k in (ident.alias_key(r.speaker_name, r.speaker_type) for r in rows if r.speaker_name) if k}
            roles = {" ".join(r.speaker_role.split()) for r in rows if r.speaker_role}
            conn.execute(
                speaker_aliases.delete().where(
                    speaker_aliases.c.speaker_id == sid,
                    speaker_aliases.c.source == "observed",
                    speaker_aliases.c.key.not_in(keys) if keys else sa.true(),
                )
            )
            conn.execute(
                speaker_roles.delete().where(
                    speaker_roles.c.speaker_id == sid,
                    speaker_roles.c.role.not_in(roles) if roles else sa.true(),
                )
            )

    def apply_catalogue(self, entries: list[ident.CatalogueEntry]) -> dict[str, int]:
        """Make each catalogue entry one speaker, merging every speaker known by one of its names
        into it; later mentions of those names join it first (identity step 1). One transaction.

        Returns:
            ``{"entries": N, "merged": N}``: catalogue entries applied, speakers merged into them.
        """
        merged = 0
        with self._write() as conn:
            for entry in entries:
                keys = entry.keys
                main = ident.parse_name(entry.name)
                surname = main.last if main else ident.fold(entry.name)
                target = None
                if entry.wikidata:
                    target = conn.execute(
                        sa.select(speakers.c.id).where(speakers.c.wikidata == entry.wikidata)
                    ).scalar()
                if target is None:
                    target = conn.execute(
                        sa.select(speakers.c.id)
                        .join(speaker_aliases, speaker_aliases.c.speaker_id == speakers.c.id)
                        .where(speakers.c.catalogue == sa.true(), speaker_aliases.c.key.in_(keys))
                        .order_by(speakers.c.id)
                        .limit(1)
                    ).scalar()
                if target is None:
                    target = conn.execute(
                        speakers.insert().values(
                            name=entry.name, surname=surname, wikidata=entry.wikidata, catalogue=True
                        )
                    ).inserted_primary_key[0]
                else:
                    conn.execute(
                        speakers.update()
                        .where(speakers.c.id == target)
                        .values(
                            name=sa.case((speakers.c.locked.is_(True), speakers.c.name), else_=entry.name),  # renamed
                            surname=surname,
                            wikidata=entry.wikidata,
                            catalogue=True,
                        )
                    )
                for alias in (entry.name, *entry.aliases):
                    parsed = ident.parse_name(alias)
                    key = parsed.key if parsed else ident.fold(alias)
                    conn.execute(
                        speaker_aliases.delete().where(
                            speaker_aliases.c.speaker_id == target, speaker_aliases.c.key == key
                        )
                    )
                    self._add_alias(conn, target, alias, key, "catalogue")
                others = [
                    r.id
                    for r in conn.execute(
                        sa.select(speakers.c.id)
                        .where(
                            speakers.c.id != target,
                            speakers.c.catalogue == sa.false(),
                            speakers.c.id.in_(
                                sa.select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.key.in_(keys))
                            ),
                        )
                        .order_by(speakers.c.id)
                    )
                ]
                for other in others:
                    corr.absorb(self, conn, other, target)  # _merge_speaker, keeping a user's corrections
                    merged += 1
        return {"entries": len(entries), "merged": merged}

    def _merge_speaker(self, conn: Connection, source: int, target: int) -> None:
        conn.execute(quotes.update().where(quotes.c.speaker_id == source).values(speaker_id=target))
        conn.execute(clusters.update().where(clusters.c.speaker_id == source).values(speaker_id=target))
        for r in conn.execute(
            sa.select(speaker_aliases.c.alias, speaker_aliases.c.key).where(speaker_aliases.c.speaker_id == source)
        ).all():
            self._add_alias(conn, target, r.alias, r.key, "observed")
        for r in conn.execute(sa.select(speaker_roles.c.role).where(speaker_roles.c.speaker_id == source)).all():
            self._add_role(conn, target, r.role)
        conn.execute(speakers.delete().where(speakers.c.id == source))

    def speaker_ids(self, name: str, conn: Connection | None = None) -> list[int]:
        """Every speaker a user's ``--speaker NAME`` means: any alias, or a compatible full name
        (looked up in ``conn``'s transaction if given).

        Raises:
            UnknownSpeaker: nobody by that name, with the closest names as suggestions.
        """
        if conn is None:
            with self.engine.connect() as conn:
                return self.speaker_ids(name, conn)
        parsed = ident.parse_name(name)
        key = parsed.key if parsed else ident.fold(name)
        ids = [
            r.speaker_id
            for r in conn.execute(
                sa.select(speaker_aliases.c.speaker_id)
                .where(speaker_aliases.c.key == key)
                .distinct()
                .order_by(speaker_aliases.c.speaker_id)
            )
        ]
        if not ids and parsed is not None:
            for c in self._load_candidates(
                conn,
                [r.id for r in conn.execute(sa.select(speakers.c.id).where(speakers.c.surname == parsed.last))],
            ):
                if not parsed.full or any(ident.compatible(parsed, n) for n in c.full_names):
                    ids.append(c.id)
        if ids:
            return sorted(set(ids))
        names = [r.name for r in conn.execute(sa.select(speakers.c.name))]
        hint = ""
        if names:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(name, names, limit=3, score_cutoff=60)]
            if close:
                hint = " Did you mean: " + ", ".join(close) + "?"
        raise UnknownSpeaker(f"Unknown speaker {name!r}: no speaker has that name or alias.{hint} "
                             "`quoth speakers` lists them.")

    def outlet_ids(self, name: str) -> list[int]:
        """The outlet a user's ``--outlet NAME`` means (case-insensitive), or a :class:`UsageError`."""
        key = " ".join(name.split()).casefold()
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(outlets.c.id).where(outlets.c.key == key)).scalar()
            if found is not None:
                return [found]
            known = [r.name for r in conn.execute(sa.select(outlets.c.name).order_by(outlets.c.name).limit(20))]
        listed = ", ".join(known) if known else "none yet (outlets come from a reader's 'outlet' metadata)"
        raise UsageError(f"Unknown outlet {name!r}. Known outlets: {listed}")


class SqlSpeakers:
    """A :class:`quoth.store.resolve.SpeakerIndex` over the database, inside one transaction."""

    def __init__(self, records: SpeakerRecords, conn: Connection):
        self.records = records
        self.conn = conn

    def candidates(self, name: ident.Name) -> list[ident.Candidate]:
        return self.records._candidates(self.conn, name)

    def entity(self, key: str, type_: str) -> int | None:
        bound = speaker_aliases.c.source.in_(corr.BINDING)  # a user's correction (forced: across types)
        return self.conn.execute(
            sa.select(speakers.c.id)
            .join(speaker_aliases, speaker_aliases.c.speaker_id == speakers.c.id)
            .where(
                speaker_aliases.c.key == key,
                sa.or_(speakers.c.type == type_, speakers.c.catalogue.is_(True), speaker_aliases.c.source == "forced"),
            )
            .order_by(bound.desc(), speakers.c.catalogue.desc(), speakers.c.id)
        ).scalar()

    def create_speaker(self, name: str, surname: str, type_: str | None) -> int:
        return self.conn.execute(
            speakers.insert().values(name=name, surname=surname, catalogue=False, type=type_)
        ).inserted_primary_key[0]

    def upgrade_name(self, sid: int, name: str) -> None:
        self.conn.execute(speakers.update().where(speakers.c.id == sid, speakers.c.locked.is_(False)).values(name=name))

    def adopt_type(self, sid: int, type_: str) -> None:
        self.conn.execute(speakers.update().where(speakers.c.id == sid, speakers.c.type.is_(None)).values(type=type_))

    def add_alias(self, sid: int, alias: str, key: str, source: str) -> None:
        self.records._add_alias(self.conn, sid, alias, key, source)

    def add_role(self, sid: int, role: str) -> None:
        self.records._add_role(self.conn, sid, role)
