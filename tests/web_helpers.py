"""Shared by the web tests: an app over a fresh store, uploads, waiting for a job."""

from __future__ import annotations

import time
from pathlib import Path

from starlette.testclient import TestClient

from generator.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "inputs" / "demo.xlsx"
BASE = "http://127.0.0.1:8750"


def client(folder: Path, **options) -> TestClient:
    """A client of an app over the store in ``folder``; 200 Monte Carlo draws keep uploads quick."""
    options.setdefault("draws", 10_000)
    return TestClient(create_app(folder, **options), base_url=BASE)


def upload(c: TestClient, path: Path = DEMO, name: str | None = None, lang: str = "en"):
    return c.post(f"/api/campaigns?lang={lang}", files={"file": (name or path.name, path.read_bytes())})


def wait_for(c: TestClient, job: int, seconds: float = 120) -> dict:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        state = c.get(f"/api/jobs/{job}").json()
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.3)
    raise AssertionError(f"job {job} did not finish in {seconds} s")
