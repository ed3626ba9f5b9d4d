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


def main() -> None:
    figures = {
        "help_s": timed(["--help"]),
        "validate_demo_s": timed(["validate", "inputs/demo.xlsx"]),
        "build_demo_s": timed(["build", "inputs/demo.xlsx", "-o", "output/bench-demo"]),
    }
    machine = f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {sys.version.split()[0]}"
    print(f"{'benchmark':<20} {'median (s)':>10}   ({machine})")
    for key, value in figures.items():
        print(f"{key:<20} {value:>10.3f}")
    (ROOT / "bench" / "results.json").write_text(json.dumps({"machine": machine, **figures}, indent=2) + "\n")


if __name__ == "__main__":
    main()
