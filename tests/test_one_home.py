"""Every derived fact has one home: the touches unit of a basis reads the same in every output."""

from __future__ import annotations

import json
import zipfile

from click.testing import CliRunner
from openpyxl import load_workbook

from generator import demo_c3
from generator.cli import main
from generator.io.input_writer import write_input_workbook


def test_the_touches_unit_is_the_same_in_every_output(tmp_path):
    sheets = {k: (keys, [list(r) for r in rows]) for k, (keys, rows) in demo_c3.SHEETS.items()}
    keys, rows = sheets["segments"]
    sheets["segments"] = ((*keys, "touches"), [[*r, 2 if r[0] == "低成本群" else None] for r in rows])
    keys, rows = sheets["budget"]
    line = dict.fromkeys(keys)
    line.update(category="promotion", item="短信触达", driver="reached", unit_cost=0.1, segment="低成本群")
    rows.append([line[k] for k in keys])
    path = tmp_path / "c3.xlsx"
    write_input_workbook(
        path, demo_c3.CAMPAIGN, {k: (keys, [tuple(r) for r in rows]) for k, (keys, rows) in sheets.items()}
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--html", "--pptx", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    basis = next(
        x["basis"] for x in json.loads((out / "results.json").read_text())["budget"]["lines"] if x["item"] == "短信触达"
    )
    assert basis.startswith("低成本群 ") and "人次 × 0.1元" in basis
    assert basis in (out / "proposal.html").read_text(encoding="utf-8")
    cells = [c.value for ws in load_workbook(out / "budget.xlsx").worksheets for row in ws.iter_rows() for c in row]
    assert basis in cells
    with zipfile.ZipFile(out / "proposal.pptx") as zf:
        slides = "".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("ppt/slides/slide"))
    assert basis in slides


def test_the_input_schema_page_is_current():
    """docs/inputs.md is generated from the schema table: regenerate it with `python -m generator.schema_doc`."""
    from pathlib import Path

    from generator.schema_doc import schema_markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "inputs.md"
    assert page.read_text(encoding="utf-8") == schema_markdown()


def test_user_facing_texts_name_no_seed_files():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    texts = [root / "generator" / "cli.py", root / "generator" / "cli_followup.py"]
    assert not [p.name for p in texts if "seed 00" in p.read_text(encoding="utf-8")]
