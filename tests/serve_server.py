"""A real ``quoth serve`` on 127.0.0.1 on a free port, in a subprocess (for the browser and
schemathesis tests), stopped when the test is done."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db: str, *extra: str):
    """Yield the base URL of ``quoth serve --db db`` once it answers."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    env.pop("QUOTH_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from quoth.cli import main; main()", "serve", "--db", db,
         "--host", "127.0.0.1", "--port", str(port), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"quoth serve exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(base + "/index.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("quoth serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
