"""Benchmarks: prints a table and writes bench/results.json.

Targets (issue [1/11]): `budgetgen --help` under 0.3 s, `validate` of the demo under 0.5 s.
Run with `make bench`.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" / "budgetgen"


def timed(args: list[str], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(BIN), *args], cwd=ROOT, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


MC_SNIPPET = """
import resource, sys, time
from pathlib import Path
from generator.pipeline import load
from generator.calc.montecarlo import monte_carlo
model = load(Path("inputs/demo.xlsx")).model
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
monte_carlo(model, int(sys.argv[1]))
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, before / 1024)
"""


def monte_carlo_figures() -> dict[str, float]:
    out = {}
    for draws in (10_000, 100_000, 1_000_000):
        res = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c", MC_SNIPPET, str(draws)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        seconds, peak_mb, base_mb = (float(x) for x in res.stdout.split())
        out[f"mc_{draws}_s"] = seconds
        out[f"mc_{draws}_peak_rss_mb"] = peak_mb
        out[f"mc_{draws}_added_rss_mb"] = peak_mb - base_mb
    return out


def main() -> None:
    figures = {
        "help_s": timed(["--help"]),
        "validate_demo_s": timed(["validate", "inputs/demo.xlsx"]),
        "build_demo_s": timed(["build", "inputs/demo.xlsx", "-o", "output/bench-demo"]),
        **monte_carlo_figures(),
    }
    machine = f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {sys.version.split()[0]}"
    print(f"{'benchmark':<28} {'value':>10}   ({machine})")
    for key, value in figures.items():
        print(f"{key:<28} {value:>10.3f}")
    (ROOT / "bench" / "results.json").write_text(json.dumps({"machine": machine, **figures}, indent=2) + "\n")


if __name__ == "__main__":
    main()
