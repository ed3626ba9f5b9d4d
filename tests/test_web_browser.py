"""The web app in a real browser (Debian's chromium driven by Playwright) against `budgetgen serve`
started as a process on a free loopback port — and stopped cleanly, with no worker left behind."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.web_helpers import DEMO, ROOT

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`budgetgen serve` on a free port; stopped with SIGTERM at the end, its workers checked gone."""
    port = _free_port()
    data = tmp_path_factory.mktemp("serve-data")
    exe = Path(sys.executable).parent / "budgetgen"
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--data", str(data), "--lang", "zh"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(base + "/api/health", timeout=1)
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() - started < 30, "the server did not answer in 30 s"
            time.sleep(0.1)
    yield base, proc
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert f"budgetgen serve：{base}/（数据：{data}）" in proc.stdout.read()
    time.sleep(0.5)
    assert [w for w in workers if _alive(w)] == []


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _shot(page, name: str, tmp: Path, keep: bool) -> None:
    path = tmp / f"{name}.png"
    page.screenshot(path=str(path))
    if keep:  # --update-golden: the README's pictures, in 64 colours to stay small
        from PIL import Image

        SHOTS.mkdir(parents=True, exist_ok=True)
        Image.open(path).convert("RGB").quantize(64).save(SHOTS / f"{name}.png", optimize=True)


def _api(base: str, path: str, body: dict | None = None) -> dict:
    import json

    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def test_the_journey(server, chromium, tmp_path, update_golden):
    from generator.fmt import ratio

    base, _ = server
    page = chromium.new_page(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")
    page.set_input_files("#upload-file", str(DEMO))
    page.click("#upload-button")
    page.wait_for_url("**/campaigns/*")
    cid = page.url.rsplit("/", 1)[-1]
    api = _api(base, f"/api/campaigns/{cid}")["results"]
    tiles = dict(
        zip(page.locator(".tile .label").all_inner_texts(), page.locator(".tile .value").all_inner_texts(), strict=True)
    )
    assert tiles["申请预算"] == f"{api['budget']['total'] / 10000:,.2f}"
    assert tiles["总投资ROI"] == ratio(api["roi"]["total"]) == "1.93:1"
    _shot(page, "campaign", tmp_path, update_golden)

    expected = _api(base, f"/api/campaigns/{cid}/whatif", {"overrides": {"funnel.open": 0.3}})["results"]
    page.fill("input[name='funnel.open']", "30")
    page.wait_for_function(
        "want => document.querySelector('#roi-total strong').textContent === want", arg=ratio(expected["roi"]["total"])
    )
    assert page.inner_text("#changed-note") == "已调整 1 项假设（未保存）"
    _shot(page, "whatif", tmp_path, update_golden)

    page.fill("#version-note", "打开率 30%")
    page.click("#save-version")
    page.wait_for_selector("text=v2")
    assert page.locator("#versions tbody tr").first.inner_text().startswith("v2")
    assert _api(base, f"/api/campaigns/{cid}")["fingerprint"] == expected["fingerprint"]

    page.uncheck("input[name='pptx']")
    page.click("#build-documents")
    link = page.locator("#builds a.file", has_text="proposal.pdf")
    link.wait_for(timeout=120_000)
    with page.expect_download() as download:
        link.click()
    pdf = tmp_path / "proposal.pdf"
    download.value.save_as(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+18$", info, re.M), info

    page.set_input_files("#tracking-file", str(ROOT / "inputs" / "demo-daily.csv"))
    page.click("#tracking-button")
    page.wait_for_selector("#alerts")
    assert page.locator("#alerts .alert").count() >= 1
    _shot(page, "tracking", tmp_path, update_golden)

    page.click("#lang-switch")
    page.wait_for_selector("text=Tracking")
    page.goto(base + "/")
    assert page.inner_text("h1") == "Campaigns"
    _shot(page, "campaigns", tmp_path, update_golden)
    assert errors == []


def test_a_broken_workbook_shows_each_problem_with_its_cell(server, chromium, tmp_path, case):
    base, _ = server
    case.set("budget", 1, "unit_cost", "abc")
    case.set("funnel", 1, "rate", 1.5)
    bad = case.xlsx(tmp_path / "broken.xlsx")
    page = chromium.new_page(viewport={"width": 1280, "height": 860})
    page.goto(base + "/lang/zh?next=/")
    page.set_input_files("#upload-file", str(bad))
    page.click("#upload-button")
    page.wait_for_selector("#problems")
    rows = page.locator("#problems tbody tr").all_inner_texts()
    assert any(r.startswith("broken.xlsx: budget!F3\t错误\t") for r in rows), rows
    assert any(r.startswith("broken.xlsx: funnel!B3\t错误\t") for r in rows), rows
    assert "草稿" in page.inner_text("h1")
    _shot(page, "problems", tmp_path, False)
