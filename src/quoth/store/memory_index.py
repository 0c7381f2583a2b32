"""The store's speakers and clusters in memory, for the bulk load (issue #12).

Per-article ingest asks the database who a speaker is and which cluster a quote joins, a few
queries per quote. The bulk load reads the same facts once (:meth:`MemorySpeakers.load`,
:meth:`MemoryClusters.load`), answers the same questions from dictionaries with the same rules
(:mod:`quoth.store.resolve`), and collects what changed as rows to write in one go per chunk
(:meth:`MemorySpeakers.take_writes`, :meth:`MemoryClusters.take_writes`). New speakers and clusters
get their ids here (the next free id), so quotes can point at them before they are written.

Both classes implement the index protocols of :mod:`quoth.store.resolve` and answer exactly as the
SQL indexes do (:class:`quoth.store.speaker_records.SqlSpeakers`,
:class:`quoth.store.cluster_records.SqlClusters`): same candidates in the same order.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.store import corrections as corr
from quoth.store import identity as ident
from quoth.store.schema import cluster_fingerprints, clusters, quotes, speaker_aliases, speaker_roles, speakers


@dataclass
class _Speaker:
    name: str
    surname: str
    type: str | None
    catalogue: bool
    locked: bool
    wikidata: str | None = None
    names: list[ident.Name] = field(default_factory=list)  # parsed aliases, in alias order
    keys: set[str] = field(default_factory=set)  # alias keys
    roles: set[str] = field(default_factory=set)
    role_words: frozenset[str] = frozenset()


class MemorySpeakers:
    """Every speaker with its aliases and roles (a :class:`quoth.store.resolve.SpeakerIndex`)."""

    def __init__(self) -> None:
        self.speakers: dict[int, _Speaker] = {}
        self.by_surname: dict[str, set[int]] = {}
        self.by_key: dict[str, dict[int, str]] = {}  # alias key -> speaker id -> alias source
        self.next_id = 1
        self._new: list[int] = []
        self._changed: set[int] = set()
        self._aliases: list[dict[str, Any]] = []
        self._roles: list[dict[str, Any]] = []
        self._candidate: dict[int, ident.Candidate] = {}  # each speaker as identity sees it, until it changes

    @classmethod
    def load(cls, conn: Connection) -> MemorySpeakers:
        index = cls()
        for r in conn.execute(sa.select(speakers)):
            index._remember(r.id, _Speaker(r.name, r.surname, r.type, bool(r.catalogue), bool(r.locked), r.wikidata))
            index.next_id = max(index.next_id, r.id + 1)
        for r in conn.execute(sa.select(speaker_aliases).order_by(speaker_aliases.c.id)):
            index._alias(r.speaker_id, r.alias, r.key, r.source)
        for r in conn.execute(sa.select(speaker_roles.c.speaker_id, speaker_roles.c.role)):
            index._role(r.speaker_id, r.role)
        return index

    def _remember(self, sid: int, s: _Speaker) -> None:
        self.speakers[sid] = s
        self.by_surname.setdefault(s.surname, set()).add(sid)

    def _alias(self, sid: int, alias: str, key: str, source: str) -> bool:
        s = self.speakers[sid]
        if key in s.keys:
            return False
        s.keys.add(key)
        self._candidate.pop(sid, None)
        parsed = ident.parse_name(alias)
        if parsed is not None:
            s.names.append(parsed)
        self.by_key.setdefault(key, {})[sid] = source
        return True

    def _role(self, sid: int, role: str) -> bool:
        s = self.speakers[sid]
        if role in s.roles:
            return False
        s.roles.add(role)
        self._candidate.pop(sid, None)
        s.role_words = s.role_words | ident.role_words(role)
        return True

    # --- the SpeakerIndex protocol -------------------------------------------------------------

    def candidates(self, name: ident.Name) -> list[ident.Candidate]:
        keyed = self.by_key.get(name.key, {})
        ids = set(keyed)
        for spelling in ident.surname_spellings(name.last):
            ids |= self.by_surname.get(spelling, set())
        found = [self._candidate.get(sid) or self._as_candidate(sid) for sid in sorted(ids)]
        bound = {sid: source for sid, source in keyed.items() if source in corr.BINDING}
        if bound:  # pinning changes candidates: give it copies
            found = [dataclasses.replace(c, names=list(c.names)) for c in found]
        return corr.pin_candidates(bound, found)

    def _as_candidate(self, sid: int) -> ident.Candidate:
        s = self.speakers[sid]
        c = self._candidate[sid] = ident.Candidate(sid, list(s.names), s.role_words, s.catalogue, s.type)
        return c

    def entity(self, key: str, type_: str) -> int | None:
        eligible = [
            (source not in corr.BINDING, not self.speakers[sid].catalogue, sid)
            for sid, source in self.by_key.get(key, {}).items()
            if self.speakers[sid].type == type_ or self.speakers[sid].catalogue or source == "forced"
        ]
        return min(eligible)[2] if eligible else None

    def create_speaker(self, name: str, surname: str, type_: str | None) -> int:
        sid = self.next_id
        self.next_id += 1
        self._remember(sid, _Speaker(name, surname, type_, False, False))
        self._new.append(sid)
        return sid

    def upgrade_name(self, sid: int, name: str) -> None:
        s = self.speakers[sid]
        if not s.locked and s.name != name:
            s.name = name
            self._changed.add(sid)

    def adopt_type(self, sid: int, type_: str) -> None:
        s = self.speakers[sid]
        if s.type is None:
            s.type = type_
            self._candidate.pop(sid, None)
            self._changed.add(sid)

    def add_alias(self, sid: int, alias: str, key: str, source: str) -> None:
        if self._alias(sid, alias, key, source):
            self._aliases.append({"speaker_id": sid, "alias": alias, "key": key, "source": source})

    def add_role(self, sid: int, role: str) -> None:
        role = " ".join(role.split())
        if self._role(sid, role):
            self._roles.append({"speaker_id": sid, "role": role})

    # --- what to write -------------------------------------------------------------------------

    def take_writes(self) -> dict[str, list[dict[str, Any]]]:
        """The rows to insert and update since the last call: ``speakers`` (new, with their ids),
        ``speaker_updates`` (name and type of existing ones), ``aliases`` and ``roles`` (in the
        order they were made, which is the order their ids must follow)."""
        new = set(self._new)
        out = {
            "speakers": [self._row(sid) for sid in self._new],
            "speaker_updates": [
                {"b_id": sid, "b_name": self.speakers[sid].name, "b_type": self.speakers[sid].type}
                for sid in sorted(self._changed - new)
            ],
            "aliases": self._aliases,
            "roles": self._roles,
        }
        self._new, self._changed, self._aliases, self._roles = [], set(), [], []
        return out

    def _row(self, sid: int) -> dict[str, Any]:
        s = self.speakers[sid]
        return {"id": sid, "name": s.name, "surname": s.surname, "wikidata": None, "catalogue": False,
                "type": s.type, "locked": False}


@dataclass
class _Cluster:
    speaker_id: int | None
    norm: str
    text: str


class MemoryClusters:
    """Every cluster with its fingerprints and the norm hashes of its quotes (a
    :class:`quoth.store.resolve.ClusterIndex`)."""

    def __init__(self) -> None:
        self.clusters: dict[int, _Cluster] = {}
        self.by_hash: dict[int, set[int]] = {}  # a quote's norm hash -> the clusters holding one
        self.by_fp: dict[int, set[int]] = {}
        self.next_id = 1
        self._new: list[int] = []
        self._changed: set[int] = set()
        self._fingerprints: list[dict[str, int]] = []

    @classmethod
    def load(cls, conn: Connection) -> MemoryClusters:
        index = cls()
        for r in conn.execute(sa.select(clusters)):
            index.clusters[r.id] = _Cluster(r.speaker_id, r.norm, r.text)
            index.next_id = max(index.next_id, r.id + 1)
        for r in conn.execute(sa.select(quotes.c.norm_hash, quotes.c.cluster_id).distinct()):
            index.note_quote(r.norm_hash, r.cluster_id)
        for r in conn.execute(sa.select(cluster_fingerprints.c.fp, cluster_fingerprints.c.cluster_id)):
            index.by_fp.setdefault(r.fp, set()).add(r.cluster_id)
        return index

    def note_quote(self, norm_hash: int, cid: int) -> None:
        """A quote with that normalised text is now in cluster ``cid`` (what :meth:`exact` finds)."""
        self.by_hash.setdefault(norm_hash, set()).add(cid)

    # --- the ClusterIndex protocol -------------------------------------------------------------

    def exact(self, norm_hash: int) -> list[tuple[int, int | None]]:
        return [(cid, self.clusters[cid].speaker_id) for cid in sorted(self.by_hash.get(norm_hash, ()))]

    def near(self, shingles: set[int], limit: int) -> list[tuple[int, int | None, str]]:
        shared: Counter[int] = Counter()
        for fp in shingles:
            held = self.by_fp.get(fp)
            if held:
                shared.update(held)
        best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(cid, self.clusters[cid].speaker_id, self.clusters[cid].norm) for cid, _ in best]

    def get(self, cid: int) -> tuple[str, int | None]:
        c = self.clusters[cid]
        return c.norm, c.speaker_id

    def update(self, cid: int, **values) -> None:
        c = self.clusters[cid]
        for name, value in values.items():
            setattr(c, name, value)
        self._changed.add(cid)

    def create(self, sid: int | None, norm: str, text: str) -> int:
        cid = self.next_id
        self.next_id += 1
        self.clusters[cid] = _Cluster(sid, norm, text)
        self._new.append(cid)
        return cid

    def add_fingerprints(self, cid: int, fps: Iterable[int]) -> None:
        for fp in sorted(fps):
            held = self.by_fp.setdefault(fp, set())
            if cid not in held:
                held.add(cid)
                self._fingerprints.append({"fp": fp, "cluster_id": cid})

    # --- what to write -------------------------------------------------------------------------

    def take_writes(self) -> dict[str, list[dict[str, Any]]]:
        """The rows to insert and update since the last call: ``clusters`` (new, with ids),
        ``cluster_updates`` (existing ones whose speaker or representative changed) and
        ``fingerprints``."""
        new = set(self._new)
        rows = []
        for cid in self._new:
            c = self.clusters[cid]
            rows.append({"id": cid, "speaker_id": c.speaker_id, "norm": c.norm, "text": c.text})
        updates = []
        for cid in sorted(self._changed - new):
            c = self.clusters[cid]
            updates.append({"b_id": cid, "b_speaker_id": c.speaker_id, "b_norm": c.norm, "b_text": c.text})
        out = {"clusters": rows, "cluster_updates": updates, "fingerprints": self._fingerprints}
        self._new, self._changed, self._fingerprints = [], set(), []
        return out
