"""Batch builds: one progress line per campaign, failures reported, a portfolio roll-up."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from generator.batch import unique_slugs
from generator.cli import main

C3 = Path(__file__).resolve().parent.parent / "inputs" / "c3-demo.xlsx"


def test_batch_with_a_failure(tmp_path):
    a, b = tmp_path / "north.xlsx", tmp_path / "south.xlsx"
    a.write_bytes(C3.read_bytes())
    b.write_bytes(C3.read_bytes())
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(a), str(broken), str(b), "-j", "2", "-o", str(out)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    progress = sorted(line.split("] ", 1)[1].split(" · ")[0] for line in lines[:3])
    assert progress == [
        "broken: failed (1 error)",
        "north: C3客户招揽活动（空调养护季）",
        "south: C3客户招揽活动（空调养护季）",
    ]
    assert all(line.startswith(("[1/3]", "[2/3]", "[3/3]")) for line in lines[:3])
    assert lines[3] == f"{out}/: portfolio.json, portfolio.xlsx — 2 built, 1 failed"
    assert result.stderr == f"  {broken}: is not an .xlsx workbook (save it from Excel or WPS as .xlsx)\n"
    assert sorted(p.name for p in out.iterdir()) == ["north", "portfolio.json", "portfolio.xlsx", "south"]
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    built = [c for c in data["campaigns"] if not c["errors"]]
    one = json.loads((out / "north" / "results.json").read_text(encoding="utf-8"))
    assert built[0]["budget_total"] == one["budget"]["total"]
    assert data["totals"]["campaigns"] == 2 and data["totals"]["failed"] == 1
    assert Decimal(str(data["totals"]["budget_total"])) == 2 * Decimal(str(one["budget"]["total"]))
    assert data["totals"]["roi_total"] == one["roi"]["total"]
    with zipfile.ZipFile(out / "portfolio.xlsx") as zf:
        assert any(n.startswith("xl/charts/chart") for n in zf.namelist())
    import openpyxl

    ws = openpyxl.load_workbook(out / "portfolio.xlsx")["Portfolio"]  # the locale's language (English here)
    assert [c.value for c in ws[1]][:4] == ["Campaign", "Input", "Budget (CNY)", "Deals"]
    assert ws["A5"].value == "Total" and ws["I2"].value is None and ws["I3"].value == "yes"


def test_slugs_stay_unique():
    assert unique_slugs([Path("a/demo.xlsx"), Path("b/demo.xlsx"), Path("c/x")]) == ["demo", "demo-2", "x"]
