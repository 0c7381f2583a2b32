"""Shared fixtures: where ../shared is, and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a whole-corpus run (PolNeAR dev)")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (the shared material sits beside the checkout)")
    return SHARED


@pytest.fixture(scope="session")
def seed_articles():
    """The two bundled sample articles, extracted once for the whole run."""
    import quoth

    out = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        out[path.stem] = quoth.extract(text, doc=path.stem)
    return out
