"""Clusters in the store: one statement, many reports (issue #4).

:class:`ClusterRecords` holds the cluster side of :class:`quoth.store.db.Store` (which inherits it):
the cluster a new quote joins (the rules in :func:`quoth.store.resolve.cluster_for`, looked up here
with SQL through :class:`SqlClusters`), the clean-up after a replacement, and one cluster's
occurrences. Normalising and telling near-duplicates apart is :mod:`quoth.store.clusters`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from quoth.errors import UsageError
from quoth.store import clusters as cl
from quoth.store import resolve
from quoth.store.common import _insert
from quoth.store.schema import cluster_fingerprints, clusters, quotes, speakers


class SqlClusters:
    """A :class:`quoth.store.resolve.ClusterIndex` over the database, inside one transaction."""

    def __init__(self, backend: str, conn: Connection):
        self.backend = backend
        self.conn = conn

    def exact(self, norm_hash: int) -> list[tuple[int, int | None]]:
        rows = self.conn.execute(
            sa.select(clusters.c.id, clusters.c.speaker_id)
            .where(clusters.c.id.in_(sa.select(quotes.c.cluster_id).where(quotes.c.norm_hash == norm_hash)))
            .order_by(clusters.c.id)
        )
        return [(r.id, r.speaker_id) for r in rows]

    def near(self, shingles: set[int], limit: int) -> list[tuple[int, int | None, str]]:
        shared = sa.func.count().label("shared")
        cand = (
            sa.select(cluster_fingerprints.c.cluster_id, shared)
            .where(cluster_fingerprints.c.fp.in_(sorted(shingles)))
            .group_by(cluster_fingerprints.c.cluster_id)
            .order_by(shared.desc(), cluster_fingerprints.c.cluster_id)
            .limit(limit)
            .subquery()
        )
        rows = self.conn.execute(
            sa.select(clusters.c.id, clusters.c.speaker_id, clusters.c.norm)
            .join(cand, cand.c.cluster_id == clusters.c.id)
            .order_by(cand.c.shared.desc(), clusters.c.id)
        )
        return [(r.id, r.speaker_id, r.norm) for r in rows]

    def get(self, cid: int) -> tuple[str, int | None]:
        row = self.conn.execute(sa.select(clusters.c.norm, clusters.c.speaker_id).where(clusters.c.id == cid)).one()
        return row.norm, row.speaker_id

    def update(self, cid: int, **values) -> None:
        self.conn.execute(clusters.update().where(clusters.c.id == cid).values(**values))

    def create(self, sid: int | None, norm: str, text: str) -> int:
        return self.conn.execute(
            clusters.insert().values(speaker_id=sid, norm=norm, text=text)
        ).inserted_primary_key[0]

    def add_fingerprints(self, cid: int, fps: Iterable[int]) -> None:
        rows = [{"fp": fp, "cluster_id": cid} for fp in sorted(fps)]
        if rows:
            self.conn.execute(_insert(self.backend, cluster_fingerprints).on_conflict_do_nothing(), rows)


class ClusterRecords:
    """The cluster side of the store (mixed into :class:`quoth.store.db.Store`)."""

    backend: str

    def _cluster_id(self, conn: Connection, norm: cl.Norm, text: str, sid: int | None) -> int:
        return resolve.cluster_for(norm, text, sid, SqlClusters(self.backend, conn))

    def _add_fingerprints(self, conn: Connection, cid: int, fps: Iterable[int]) -> None:
        SqlClusters(self.backend, conn).add_fingerprints(cid, fps)

    def _tidy_clusters(self, conn: Connection, ids: Iterable[int]) -> None:
        """After a replacement: drop emptied clusters; re-derive the others' representative and
        fingerprints from the quotes they still hold."""
        for cid in sorted(ids):
            members = conn.execute(
                sa.select(quotes.c.text, quotes.c.speaker_id).where(quotes.c.cluster_id == cid).order_by(quotes.c.id)
            ).all()
            conn.execute(cluster_fingerprints.delete().where(cluster_fingerprints.c.cluster_id == cid))
            if not members:
                conn.execute(clusters.delete().where(clusters.c.id == cid))
                continue
            norms = [(cl.normalise(m.text), m.text) for m in members]
            longest = max(norms, key=lambda nt: len(nt[0].words))  # first of the longest
            sid = next((m.speaker_id for m in members if m.speaker_id is not None), None)
            conn.execute(
                clusters.update()
                .where(clusters.c.id == cid)
                .values(norm=longest[0].text, text=longest[1], speaker_id=sid)
            )
            fps: set[int] = set()
            for n, _ in norms:
                fps |= cl.fingerprints(n)
            self._add_fingerprints(conn, cid, fps)

    def cluster(self, cluster_id: int) -> dict[str, Any]:
        """One statement: its text, speaker, earliest date, outlets and every occurrence."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(clusters.c.id, clusters.c.text, speakers.c.name.label("speaker"))
                .select_from(clusters.outerjoin(speakers, speakers.c.id == clusters.c.speaker_id))
                .where(clusters.c.id == cluster_id)
            ).first()
            if row is None:
                raise UsageError(f"No cluster {cluster_id} in {self.display_url}")
            occ = [
                self._row(r)
                for r in conn.execute(
                    self._rows_select().where(quotes.c.cluster_id == cluster_id).order_by(quotes.c.date, quotes.c.id)
                )
            ]
        dates = [o["date"] for o in occ if o["date"]]
        outs = sorted({o["outlet"] for o in occ if o["outlet"]})
        return {
            "cluster": row.id,
            "text": row.text,
            "speaker": row.speaker,
            "earliest": min(dates) if dates else None,
            "outlets": outs,
            "occurrences": occ,
        }
