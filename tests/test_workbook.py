"""budget.xlsx: cached values, a forced LibreOffice recalculation, the live model, text safety."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from generator.io.workbook import write_budget_workbook
from generator.pipeline import load
from generator.results import compute
from tests.conftest import DEMO
from tests.libreoffice import recalculate

C3 = Path(__file__).resolve().parent.parent / "inputs" / "c3-demo.xlsx"
ERRORS = ("#NAME?", "#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NUM!", "Err:")


def expected(data: dict) -> dict:
    return {
        "budget_total": data["budget"]["total"],
        "contingency": data["budget"]["contingency"],
        "marketing_spend": data["budget"]["marketing_spend"],
        "revenue_total": data["revenue"]["total"],
        "gross_profit_total": data["gross_profit"]["total"],
        "roi_campaign": data["roi"]["campaign"],
        "roi_total": data["roi"]["total"],
        "roi_marketing": data["roi"]["marketing"],
        "deals": data["funnel"]["forward"]["deals"],
        "cost_per_deal": data["cost_per_deal"],
    }


def named(wb) -> dict:
    out = {}
    for name, dn in wb.defined_names.items():
        [(title, coord)] = list(dn.destinations)
        out[name] = wb[title][coord.replace("$", "")].value
    return out


def assert_equal_to_the_fen(got: dict, want: dict) -> None:
    for key, value in want.items():
        if key.startswith("roi"):
            assert got[key] == pytest.approx(value, rel=1e-12), key
        else:
            assert round(got[key], 2) == value, key


def test_cached_values_equal_results_json(built_demo):
    out, _ = built_demo
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(out / "budget.xlsx", data_only=True)
    assert set(named(wb)) == set(expected(data))
    assert_equal_to_the_fen(named(wb), expected(data))
    lines = wb["预算明细"]
    amounts = {row[1].value: row[8].value for row in lines.iter_rows(min_row=2)}
    assert amounts == {x["item"]: x["amount"] for x in data["budget"]["lines"]}


def _formula_cells(path: Path):
    wb = openpyxl.load_workbook(path)
    return [
        (ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]


@pytest.mark.parametrize("source", [DEMO, C3], ids=["demo", "c3-segments-tiers"])
def test_libreoffice_recalculates_to_the_fen(source, tmp_path):
    results = compute(load(source).model)
    path = tmp_path / "budget.xlsx"
    write_budget_workbook(results, path)
    recalculated = openpyxl.load_workbook(recalculate(path, tmp_path / "lo"), data_only=True)
    cached = openpyxl.load_workbook(path, data_only=True)
    from generator.io.results_json import results_json

    data = json.loads(results_json(results))
    assert_equal_to_the_fen(named(recalculated), expected(data))
    cells = _formula_cells(path)
    assert len(cells) > 100
    for title, coord in cells:
        got, want = recalculated[title][coord].value, cached[title][coord].value
        if isinstance(want, float | int) and not isinstance(want, bool):
            assert got == pytest.approx(want, rel=1e-12, abs=1e-9), (title, coord)
        else:
            assert got == want, (title, coord)
    for ws in recalculated.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert not (isinstance(c.value, str) and c.value.startswith(ERRORS)), (ws.title, c.coordinate, c.value)


def _assumption_cell(wb, key: str):
    ws = wb["假设"]
    for row in ws.iter_rows():
        if row[1].value == key:
            return row[2]
    raise KeyError(key)


def test_live_model_follows_a_changed_assumption(tmp_path, case):
    path = tmp_path / "budget.xlsx"
    write_budget_workbook(compute(load(DEMO).model), path)
    wb = openpyxl.load_workbook(path)
    _assumption_cell(wb, "open").value = 0.16
    _assumption_cell(wb, "gross_margin").value = 0.33
    wb.save(path)
    live = named(openpyxl.load_workbook(recalculate(path, tmp_path / "lo", cached=False), data_only=True))

    case.sheets["funnel"][1][1][1] = 0.16
    case.set_campaign("gross_margin", 0.33)
    fresh = compute(load(case.xlsx(tmp_path / "changed.xlsx")).model)
    from generator.io.results_json import results_json

    assert_equal_to_the_fen(live, expected(json.loads(results_json(fresh))))
    assert live["deals"] != 6087


HOSTILE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\t=tab", "\r=cr", '=HYPERLINK("http://x")']


def test_hostile_strings_stay_strings(case, tmp_path):
    for i, row in zip(range(len(HOSTILE)), (0, 1, 3, 4, 6, 7, 8), strict=True):
        case.set("budget", row, "item", HOSTILE[i] + f" {i}")
    case.set("scenarios", 0, "label", "=2*3")
    case.set_campaign("name", "=cmd|' /C calc'!A0")
    case.set("channels", 0, "channel", "@channel")
    results = compute(load(case.xlsx(tmp_path / "in.xlsx")).model)
    path = tmp_path / "budget.xlsx"
    write_budget_workbook(results, path)
    wb = openpyxl.load_workbook(path)
    wanted = {(h + f" {i}").strip() for i, h in enumerate(HOSTILE)} | {"@channel", "=cmd|' /C calc'!A0", "=2*3"}
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in wanted:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    seen.add(c.value)
                assert c.data_type != "f" or not str(c.value).startswith(tuple(wanted)), (ws.title, c.coordinate)
    assert seen == wanted
