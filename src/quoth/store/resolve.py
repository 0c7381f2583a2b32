"""Who said each quote and which statement it is: the rules, written once for two kinds of index.

Per-article ingest (:meth:`quoth.store.db.Store.ingest`) looks speakers and clusters up in the
database, one query at a time; the bulk load (:mod:`quoth.store.bulk`) looks them up in memory,
loaded once. Both call the functions here, so both decide alike: the identity rules stay in
:mod:`quoth.store.identity` (:func:`~quoth.store.identity.choose`), the clustering rules in
:mod:`quoth.store.clusters` (:func:`~quoth.store.clusters.same_statement`), and this module holds
the steps around them (which mention is resolved first, when a speaker's name is upgraded, which
candidate cluster wins, when a cluster takes a longer representative). An index only answers
look-ups and records writes: :class:`SpeakerIndex` and :class:`ClusterIndex`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from quoth.model import Article
from quoth.store import clusters as cl
from quoth.store import identity as ident


class SpeakerIndex(Protocol):
    """The speakers a mention may be, and the writes that resolving it makes."""

    def candidates(self, name: ident.Name) -> list[ident.Candidate]:
        """Speakers with a surname spelling of ``name.last`` or an alias keyed ``name.key``, by id,
        pinned by a user's corrections (:func:`quoth.store.corrections.pin_candidates`)."""

    def entity(self, key: str, type_: str) -> int | None:
        """The organisation, place or group with an alias ``key`` (of that type, catalogued, or
        bound by a forced correction; a correction's binding first, then the catalogue, then id)."""

    def create_speaker(self, name: str, surname: str, type_: str | None) -> int: ...

    def upgrade_name(self, sid: int, name: str) -> None:
        """Give ``sid`` this full name unless a user renamed it (locked)."""

    def adopt_type(self, sid: int, type_: str) -> None:
        """Give ``sid`` this type if it has none yet."""

    def add_alias(self, sid: int, alias: str, key: str, source: str) -> None:
        """Record an alias (nothing if ``sid`` already has one with ``key``)."""

    def add_role(self, sid: int, role: str) -> None:
        """Record a role, whitespace-normalised (nothing if ``sid`` has it)."""


class ClusterIndex(Protocol):
    """The clusters a quote may join, and the writes that joining makes."""

    def exact(self, norm_hash: int) -> list[tuple[int, int | None]]:
        """``(cluster id, speaker id)`` of every cluster holding a quote with that normalised
        text hash, by cluster id."""

    def near(self, shingles: set[int], limit: int) -> list[tuple[int, int | None, str]]:
        """``(cluster id, speaker id, norm)`` of the ``limit`` clusters sharing most fingerprints
        with ``shingles`` (most shared first, then by id)."""

    def get(self, cid: int) -> tuple[str, int | None]:
        """A cluster's ``(norm, speaker id)``."""

    def update(self, cid: int, **values) -> None: ...

    def create(self, sid: int | None, norm: str, text: str) -> int: ...

    def add_fingerprints(self, cid: int, fps: Iterable[int]) -> None: ...


# --- speakers ----------------------------------------------------------------------------------


def assign_speakers(article: Article, index: SpeakerIndex) -> tuple[list[int | None], list[str | None]]:
    """Each quote's speaker id and role, in quote order.

    Full names are resolved first, so "Peskov" later in the same article can join "Dmitry
    Peskov" named earlier or later (the article's context); organisations, places and groups go
    by name and type (:func:`entity_for`).
    """
    quotes = article.quotes
    parsed = [ident.parse_name(q.speaker) for q in quotes]
    order = sorted(range(len(quotes)), key=lambda i: (not (parsed[i] and parsed[i].full), i))
    context: dict[str, set[int]] = {}
    # 'Baker' where the article names Ginger Baker and his daughter Nettie Baker is neither
    ambiguous = ident.surnames_shared(article.text, {n.last for n in parsed if n is not None and not n.full})
    speaker_of: list[int | None] = [None] * len(quotes)
    role_of: list[str | None] = [None] * len(quotes)
    for i in order:
        q, name = quotes[i], parsed[i]
        role = q.speaker_role or (name.role if name else None)
        role_of[i] = role
        if q.speaker and q.speaker_type in ident.ENTITY_TYPES:
            speaker_of[i] = entity_for(q.speaker, q.speaker_type, index)
            continue
        if name is None:
            continue
        sid = speaker_for(name, role, context, q.speaker_type, index, ambiguous)
        speaker_of[i] = sid
        if name.full:
            context.setdefault(name.last, set()).add(sid)
    return speaker_of, role_of


def speaker_for(
    name: ident.Name,
    role: str | None,
    context: dict[str, set[int]],
    type_: str | None,
    index: SpeakerIndex,
    ambiguous: frozenset[str] = frozenset(),
) -> int:
    """The speaker a person's (or an untyped) mention is (:func:`identity.choose`), else a new one;
    records the mention's name as an alias and its role."""
    match = ident.choose(name, role, index.candidates(name), context, type_, ambiguous)
    sid = match.speaker_id
    if sid is None:
        sid = index.create_speaker(name.display, name.last, type_)
    else:
        if match.upgrade:
            index.upgrade_name(sid, name.display)
        if type_ is not None:  # a speaker first seen untyped takes the type a later mention gives
            index.adopt_type(sid, type_)
    index.add_alias(sid, name.display, name.key, "observed")
    if role:
        index.add_role(sid, role)
    return sid


def entity_for(name: str, type_: str, index: SpeakerIndex) -> int | None:
    """An organisation, place or group: the speaker of that type with that name (or a catalogue
    alias of it), else a new one. No surname logic: "Washington" the place is not Denzel
    Washington, "Ford Motor" is not John Ford."""
    key = ident.entity_key(name)
    if not key:
        return None
    sid = index.entity(key, type_)
    if sid is None:
        display = re.sub(r"^[Tt]he\s+", "", " ".join(name.split()))
        sid = index.create_speaker(display, key, type_)
    index.add_alias(sid, " ".join(name.split()), key, "observed")
    return sid


# --- clusters ----------------------------------------------------------------------------------


def same_speaker(a: int | None, b: int | None) -> bool:
    """Two quotes can be one statement unless both speakers are known and differ."""
    return a is None or b is None or a == b


def cluster_for(norm: cl.Norm, text: str, sid: int | None, index: ClusterIndex) -> int:
    """The cluster a quote joins, else a new one; its fingerprints are added to the cluster.

    1. A cluster holding the same normalised text by the same (or an unknown) speaker.
    2. Else the best near-duplicate (:func:`clusters.same_statement`) among the clusters sharing
       most fingerprints; the cluster keeps its longest version as representative.
    """
    settings = cl.DEFAULT_SETTINGS
    for cid, csid in index.exact(cl.norm_hash(norm)):
        if same_speaker(csid, sid):
            if csid is None and sid is not None:
                index.update(cid, speaker_id=sid)
            return cid
    fps = cl.fingerprints(norm)
    look_up = cl.shingles(norm)
    best: tuple[float, int] | None = None
    if look_up and len(norm.words) >= settings.min_words:
        for cid, csid, cnorm in index.near(look_up, settings.candidates):
            if not same_speaker(csid, sid):
                continue
            score = cl.same_statement(norm, cl.normalise(cnorm))
            if score is not None and (best is None or score > best[0]):
                best = (score, cid)
    if best is not None:
        cid = best[1]
        cnorm, csid = index.get(cid)
        update: dict[str, object] = {}
        if len(norm.words) > len(cnorm.split()):  # the longest version represents the cluster
            update.update(norm=norm.text, text=text)
        if csid is None and sid is not None:
            update["speaker_id"] = sid
        if update:
            index.update(cid, **update)
    else:
        cid = index.create(sid, norm.text, text)
    index.add_fingerprints(cid, fps)
    return cid
