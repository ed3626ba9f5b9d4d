"""Benchmarks: prints a table and writes bench/results.json (`make bench`).

Targets: `--help` ≤ 0.3 s; validate of the demo ≤ 0.5 s; the demo's full build
≤ 5 s and ≤ 1.5× the render floor (WeasyPrint alone on the build's own HTML);
1,000 budget lines ≤ 3× the demo's build; Monte Carlo 10⁶ draws ≤ 10 s and
≤ 1 GB; a batch of 20 at -j 2 ≤ 0.6× the time at -j 1.
"""

from __future__ import annotations

import copy
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = ROOT / ".venv" / "bin" / "budgetgen"
PY = ROOT / ".venv" / "bin" / "python"
DEMO = ROOT / "inputs" / "demo.xlsx"


TIME = shutil.which("time") or "/usr/bin/time"


def run(args: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and the command's peak RSS in MB (GNU time's %M, largest process)."""
    start = time.perf_counter()
    if Path(TIME).exists():
        res = subprocess.run([TIME, "-f", "%M", *args], cwd=cwd, check=True, capture_output=True, text=True)
        wall = time.perf_counter() - start
        return wall, int(res.stderr.strip().splitlines()[-1]) / 1024
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, float("nan")


def median_of(n: int, args: list[str]) -> float:
    return statistics.median(run(args)[0] for _ in range(n))


def stages(work: Path) -> dict[str, float]:
    """The demo's build split by stage, warm (modules imported, caches filled)."""
    from generator.calc.montecarlo import monte_carlo
    from generator.io.results_json import results_json
    from generator.io.workbook import write_budget_workbook
    from generator.pipeline import load
    from generator.render.charts import draw_all
    from generator.render.env import render
    from generator.render.pdf import write_pdf
    from generator.render.proposal import proposal_html
    from generator.render.summary import summary_view
    from generator.render.view import proposal_view
    from generator.results import compute

    out: dict[str, list[float]] = {}

    def clock(name, fn):
        start = time.perf_counter()
        value = fn()
        out.setdefault(name, []).append(time.perf_counter() - start)
        return value

    def one_pass(folder: Path) -> None:
        model = clock("read", lambda: load(DEMO).model)
        results = clock("compute", lambda: compute(model, draws=100))
        clock("monte_carlo", lambda: monte_carlo(model, 10_000))
        clock("results_json", lambda: results_json(results))
        view = clock("view", lambda: proposal_view(results))
        clock("charts", lambda: draw_all(view.charts, folder / "charts"))
        html = clock("html", lambda: proposal_html(view))
        summary = clock("summary_html", lambda: render("summary.html.j2", doc=view.doc, s=summary_view(results, view)))
        clock("pdf", lambda: write_pdf(html, folder, folder / "proposal.pdf"))
        clock("summary_pdf", lambda: write_pdf(summary, folder, folder / "summary.pdf"))
        clock("workbook", lambda: write_budget_workbook(results, folder / "budget.xlsx"))

    for _ in range(5):
        one_pass(Path(tempfile.mkdtemp(dir=work)))
    return {k: statistics.median(v) for k, v in out.items()}


def render_floor(work: Path) -> float:
    """WeasyPrint alone, in a fresh process, on the build's own proposal.html and summary.html."""
    out = work / "floor"
    subprocess.run([str(BIN), "build", str(DEMO), "-o", str(out), "--html"], check=True, capture_output=True)
    code = (
        "from weasyprint import HTML\n"
        f"HTML(filename={str(out / 'proposal.html')!r}, base_url={str(out)!r} + '/').write_pdf('/dev/null')\n"
        f"HTML(filename={str(out / 'summary.html')!r}, base_url={str(out)!r} + '/').write_pdf('/dev/null')\n"
    )
    return statistics.median(run([str(PY), "-c", code])[0] for _ in range(3))


def scaled_input(path: Path, lines: int, segments: int) -> Path:
    from generator import demo_case
    from generator.io.input_writer import write_input_workbook

    sheets = copy.deepcopy(demo_case.SHEETS)
    _, rows = sheets["budget"]
    for i in range(max(0, lines - len(rows))):
        rows.append(
            (
                "labor" if i % 2 else "systems",
                f"附加项目{i:04d}",
                "fixed",
                1 + i % 7,
                None,
                100 + i,
                None,
                None,
                "生成的测试行",
            )
        )
    if segments > 1:
        pool = 41000
        each = pool // segments
        sheets["segments"] = (
            ("segment", "customers", "ltv"),
            [(f"客群{k:02d}", each, 5000 + 100 * k) for k in range(segments)],
        )
    campaign = [(k, v) for k, v in demo_case.CAMPAIGN if not (segments > 1 and k == "pool_customers")]
    write_input_workbook(path, campaign, sheets)
    return path


def monte_carlo_figures() -> dict[str, float]:
    code = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from generator.pipeline import load\n"
        "from generator.calc.montecarlo import monte_carlo\n"
        "model = load(Path('inputs/demo.xlsx')).model\n"
        "start = time.perf_counter(); monte_carlo(model, int(sys.argv[1]))\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = {}
    for draws in (10_000, 100_000, 1_000_000):
        res = subprocess.run([str(PY), "-c", code, str(draws)], cwd=ROOT, check=True, capture_output=True, text=True)
        seconds, peak = (float(x) for x in res.stdout.split())
        out[f"mc_{draws}_s"], out[f"mc_{draws}_peak_rss_mb"] = seconds, peak
    return out


def shapley_figures() -> dict[str, float]:
    """Exact Shapley over ten groups (1,024 plans) on the demo: issue [6/8]'s target is under 2 s."""
    code = (
        "import time\n"
        "from decimal import Decimal\n"
        "from pathlib import Path\n"
        "from generator.reading import load\n"
        "from generator.calc.params import apply, base_value\n"
        "from generator.compare import compare\n"
        "m = load(Path('inputs/demo.xlsx')).model\n"
        "paths = ['funnel.open', 'funnel.booking', 'funnel.arrival', 'budget.到店礼包.unit_cost',\n"
        "         'channel.短信.sends', 'revenue.保养服务.unit_value', 'campaign.contingency_rate',\n"
        "         'campaign.gross_margin', 'budget.运营人员.times', 'budget.会议+差旅.lump_sum']\n"
        "new = apply(m, {p: base_value(m, p) * Decimal('1.1') for p in paths})\n"
        "start = time.perf_counter(); c = compare(m, new, group_by='path')\n"
        "assert len(c.groups) == 10 and c.method == 'exact'\n"
        "print(time.perf_counter() - start)\n"
    )
    res = subprocess.run([str(PY), "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return {"shapley_10_groups_s": float(res.stdout)}


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="budgetgen-bench-"))
    try:
        fig: dict[str, float] = {}
        fig["help_s"] = median_of(5, [str(BIN), "--help"])
        fig["validate_demo_s"] = median_of(5, [str(BIN), "validate", str(DEMO)])
        cold, rss = run([str(BIN), "build", str(DEMO), "-o", str(work / "cold")])
        fig["build_demo_cold_s"], fig["build_demo_peak_rss_mb"] = cold, rss
        fig["build_demo_warm_s"] = median_of(5, [str(BIN), "build", str(DEMO), "-o", str(work / "warm")])
        fig["build_demo_pptx_s"] = median_of(3, [str(BIN), "build", str(DEMO), "--pptx", "-o", str(work / "pptx")])
        fig["pptx_adds_s"] = fig["build_demo_pptx_s"] - fig["build_demo_warm_s"]
        fig.update({f"stage_{k}_s": v for k, v in stages(work).items()})
        fig["render_floor_s"] = render_floor(work)
        fig["build_over_floor"] = fig["build_demo_warm_s"] / fig["render_floor_s"]
        fig.update(monte_carlo_figures())
        fig.update(shapley_figures())
        for lines in (10, 100, 1000):
            path = scaled_input(work / f"lines{lines}.xlsx", lines, 1)
            fig[f"lines_{lines}_s"], fig[f"lines_{lines}_peak_rss_mb"] = run(
                [str(BIN), "build", str(path), "-o", str(work / f"l{lines}")]
            )
        for segs in (1, 10, 50):
            path = scaled_input(work / f"segs{segs}.xlsx", 10, segs)
            fig[f"segments_{segs}_s"], fig[f"segments_{segs}_peak_rss_mb"] = run(
                [str(BIN), "build", str(path), "-o", str(work / f"s{segs}")]
            )
        fig["lines_1000_over_demo"] = fig["lines_1000_s"] / fig["build_demo_warm_s"]
        fig["lines_growth_100_to_1000"] = fig["lines_1000_s"] / fig["lines_100_s"]
        batch = work / "batch"
        batch.mkdir()
        for i in range(20):
            shutil.copy(DEMO, batch / f"campaign{i:02d}.xlsx")
        inputs = sorted(str(p) for p in batch.iterdir())
        for jobs in (1, 2):
            fig[f"batch20_j{jobs}_s"] = run(
                [str(BIN), "build", *inputs, "-j", str(jobs), "-o", str(work / f"bo{jobs}")]
            )[0]
        fig["batch_j2_over_j1"] = fig["batch20_j2_s"] / fig["batch20_j1_s"]
        from generator.segment.demo_customers import generate

        big = work / "customers-1m.csv"
        generate(big, scale=12)  # 85,000 × 12 = 1,020,000 customers
        fig["segment_1m_s"], fig["segment_1m_peak_rss_mb"] = run(
            [str(BIN), "segment", str(big), "--as-of", "2024-04-05", "--scheme", "rfm", "-o", str(work / "seg")]
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import os

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    print(f"{'benchmark':<32} {'value':>10}   ({machine})")
    for key, value in fig.items():
        print(f"{key:<32} {value:>10.3f}")
    (ROOT / "bench" / "results.json").write_text(json.dumps({"machine": machine, **fig}, indent=2) + "\n")


if __name__ == "__main__":
    main()
