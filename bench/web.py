"""Web app benchmark (`make bench` runs it after run.py): prints a table, writes bench/web.json.

Targets (issue [5/8]), on this 2-core machine with the demo:
- first response ≤ 1.5 s after `budgetgen serve` starts;
- what-if round trip (HTTP, JSON) p50 ≤ 50 ms, p95 ≤ 150 ms; the same while a document build runs;
- 20 concurrent what-if clients for 10 s: no error, the same p95;
- a warm document build (PDF + summary + workbook) ≤ 1.15× WeasyPrint's own warm render of the same HTML;
- resident memory (server and workers) grows < 50 MB over 200 what-ifs and 20 builds, counted from
  when the server is ready (its workers started and warm).

Every what-if asks a value not asked before: an answer asked again comes from the server's cache
and would flatter the figures.
"""

from __future__ import annotations

import http.client
import json
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" / "budgetgen"
DEMO = ROOT / "inputs" / "demo.xlsx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        for attempt in (1, 2):  # the server closes an idle keep-alive connection after 5 s: open a new one
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                return r.status, r.read()
            except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def whatif(self, value: float) -> tuple[float, int]:
        body = json.dumps({"overrides": {"funnel.open": value}}).encode()
        start = time.perf_counter()
        status, _ = self.call("POST", "/api/campaigns/1/whatif", body, {"content-type": "application/json"})
        return time.perf_counter() - start, status


def upload(c: Client) -> None:
    boundary = "bgbench"
    data = DEMO.read_bytes()
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="demo.xlsx"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _ = c.call("POST", "/api/campaigns", body, {"content-type": f"multipart/form-data; boundary={boundary}"})
    assert status == 201, status


def rss_mb(pid: int) -> float:
    """The resident memory of a process and its children, in MB."""
    out = subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid)], capture_output=True, text=True).stdout.split()
    own = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True).stdout.split()
    return sum(int(x) for x in out + own) / 1024


def build(c: Client) -> float:
    start = time.perf_counter()
    body = json.dumps({"lang": "zh", "pptx": False}).encode()
    _, raw = c.call("POST", "/api/campaigns/1/documents", body, {"content-type": "application/json"})
    job = json.loads(raw)["job"]
    while True:
        _, raw = c.call("GET", f"/api/jobs/{job}")
        if json.loads(raw)["state"] in ("done", "failed"):
            return time.perf_counter() - start
        time.sleep(0.02)


def percentiles(samples: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(samples, n=20)
    return statistics.median(samples) * 1000, q[18] * 1000


def concurrent(port: int, clients: int, seconds: float) -> tuple[list[float], int]:
    times: list[float] = []
    errors = [0]
    end = time.monotonic() + seconds

    def work(i: int) -> None:
        c = Client(port)
        k = 0
        while time.monotonic() < end:
            try:
                t, status = c.whatif(0.3 + (i * 100_000 + k) / 10_000_000)  # each value new: no cached answer
            except OSError:
                errors[0] += 1
                continue
            k += 1
            times.append(t)
            if status != 200:
                errors[0] += 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def warm_floor(work: Path) -> float:
    """WeasyPrint alone, warm (imported, one render done), on the build's own proposal and summary HTML."""
    out = work / "floor"
    subprocess.run([str(BIN), "build", str(DEMO), "-o", str(out), "--html"], check=True, capture_output=True)
    from weasyprint import HTML

    def once() -> float:
        start = time.perf_counter()
        for name in ("proposal.html", "summary.html"):
            HTML(filename=str(out / name), base_url=str(out) + "/").write_pdf(work / "floor.pdf")
        return time.perf_counter() - start

    once()
    return statistics.median(once() for _ in range(3))


def main() -> dict:
    work = Path(tempfile.mkdtemp(prefix="budgetgen-webbench-"))
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port), "--data", str(work / "data")], stdout=subprocess.DEVNULL
    )
    c = Client(port)
    while True:
        try:
            c.call("GET", "/api/health")
            break
        except OSError:
            c = Client(port)
            time.sleep(0.01)
    fig: dict[str, float] = {"first_response_s": time.perf_counter() - start}
    try:
        upload(c)
        for k in range(20):
            c.whatif(0.2 + k / 1000)  # warm
        build(c)  # the workers warm (a build waits for their start, which rehearses one)
        rss0 = rss_mb(proc.pid)
        fig["whatif_p50_ms"], fig["whatif_p95_ms"] = percentiles([c.whatif(0.4 + k / 100_000)[0] for k in range(200)])
        fig["build_warm_s"] = statistics.median(build(c) for _ in range(3))
        body = json.dumps({"overrides": {"funnel.open": 0.33}, "note": "bench"}).encode()
        status, _ = c.call("POST", "/api/campaigns/1/versions", body, {"content-type": "application/json"})
        assert status == 201, status
        fig["build_new_figures_s"] = build(c)  # a new version: its charts are drawn, not cached
        fig["render_floor_warm_s"] = warm_floor(work)
        fig["build_over_floor"] = fig["build_warm_s"] / fig["render_floor_warm_s"]
        fig["build_new_figures_over_floor"] = fig["build_new_figures_s"] / fig["render_floor_warm_s"]
        during: list[float] = []
        other = Client(port)
        job = threading.Thread(target=build, args=(other,))
        job.start()
        while job.is_alive():
            during.append(c.whatif(0.25 + len(during) / 1_000_000)[0])
        fig["whatif_during_build_p50_ms"], fig["whatif_during_build_p95_ms"] = percentiles(during)
        times, errors = concurrent(port, 20, 10)
        fig["concurrent20_requests"] = len(times)
        fig["concurrent20_errors"] = errors
        fig["concurrent20_p50_ms"], fig["concurrent20_p95_ms"] = percentiles(times)
        for _ in range(15):  # 20 builds in all since rss0
            build(c)
        fig["rss_growth_mb"] = rss_mb(proc.pid) - rss0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    return fig


if __name__ == "__main__":
    figures = main()
    width = max(map(len, figures))
    for k, v in figures.items():
        print(f"{k:<{width}}  {v:10.3f}")
    (ROOT / "bench" / "web.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)
