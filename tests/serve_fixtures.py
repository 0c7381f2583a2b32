"""Stores for the ``quoth serve`` tests: the bundled samples plus an article with hostile markup,
ingested by the real pipeline (``Store.ingest_paths``, as ``quoth ingest``) once per session."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from quoth.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
PG_URL = os.environ.get("QUOTH_TEST_PG")
PG_SKIP = "QUOTH_TEST_PG is not set: run `source .ci/postgres.sh` to test on PostgreSQL"

HOSTILE_TEXT = (
    "Mayor <script>window.__pwned = 1</script> warns of floods\n\n"
    "MOSCOW, May 31. /TASS/. \"The river <img src=x onerror=\"window.__pwned=2\"> will rise,\" Mayor Anna Petrova "
    "said on Tuesday. <script src=\"https://evil.example/x.js\"></script>\n\n"
    "City engineer Boris Ivanov said that the dams would hold <b onmouseover=alert(1)>for now</b>.\n"
)


def write_inputs(folder: Path) -> Path:
    """The samples and the hostile article (with a sidecar naming its outlet, URL and date)."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(
        {"outlet": "Evil Times", "url": "javascript:alert(3)", "published": "2017-05-31"}), encoding="utf-8")
    return folder


def build_store(url: str, folder: Path) -> str:
    store = Store(url)
    try:
        summary = store.ingest_paths([write_inputs(folder)])
        assert summary.failed == 0, summary.errors
    finally:
        store.close()
    return url


def reset_pg(url: str) -> str:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """A SQLite store of the samples and the hostile article (its path)."""
    tmp = tmp_path_factory.mktemp("serve")
    path = tmp / "quoth.db"
    build_store(f"sqlite:///{path}", tmp / "inputs")
    return str(path)


def client_for(db: str, **config):
    from fastapi.testclient import TestClient

    from quoth.serve import ServeConfig, create_app

    return TestClient(create_app(ServeConfig(db=db, **config)))
