"""`budgetgen retro`: variances, the recalculated workbook, native charts, bad actuals."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.calc.retro import retro
from generator.cli import main
from generator.errors import Collector
from generator.i18n.docs import messages
from generator.io.retro_workbook import write_retro_workbook
from generator.parse.actuals import read_actuals
from generator.pipeline import load
from generator.render.retro import retro_dict
from generator.results import compute
from tests.conftest import DEMO
from tests.libreoffice import recalculate

ACTUALS = Path(__file__).resolve().parent.parent / "inputs" / "demo-actuals.xlsx"


@pytest.fixture(scope="module")
def demo_retro():
    model = load(DEMO).model
    results = compute(model, draws=100)
    problems = Collector()
    actuals = read_actuals(ACTUALS, model, problems)
    assert not problems.has_errors, problems.problems
    return results, retro(model, results.plan, actuals)


def test_variances_by_hand(demo_retro):
    _, r = demo_retro
    assert r.actual["deals"] == 6247  # the seed's 6,247
    assert r.actual["revenue_total"] == D(4980000)  # 498万
    assert r.actual["budget_total"] == D(915000)  # 91.5万
    assert r.actual["gross_profit_total"] == D(1743000)  # 174.3万: 2,998,560 × 0.35 + 387,314 × 0.35 + 1,594,126 × 0.35
    assert round(r.actual["roi_total"], 4) == D("1.9049")  # the seed's 1.90:1
    assert r.variance["budget_total"] == D("915000") - D("872699.94")
    assert round(r.variance_pct["deals"], 6) == round(D(160) / D(6087), 6)
    assert (r.contingency_reserved, r.contingency_used) == (D("64644.44"), D(85000))
    line = next(x for x in r.lines if x.item == "服务顾问增量工时")
    assert line.variance == D("4041.50")
    assert r.suggestions[0].key == "sg_reserve"
    assert round(r.suggestions[0].values["rate"], 4) == round(D(85000) / D("808055.50"), 4)


def test_retro_workbook_recalculates_to_retro_json(demo_retro, tmp_path):
    results, r = demo_retro
    path = tmp_path / "retro.xlsx"
    write_retro_workbook(results, r, path)
    data = json.loads(json.dumps(retro_dict(results, r, messages("zh"), "zh"), default=float))
    wb = openpyxl.load_workbook(recalculate(path, tmp_path / "lo"), data_only=True)
    names = {}
    for name, dn in wb.defined_names.items():
        [(title, coord)] = list(dn.destinations)
        names[name] = wb[title][coord.replace("$", "")].value
    assert names["actual_deals"] == data["actual"]["deals"]
    assert round(names["actual_budget_total"], 2) == data["actual"]["budget_total"]
    assert round(names["actual_gross_profit_total"], 2) == data["actual"]["gross_profit_total"]
    assert names["actual_roi_total"] == pytest.approx(data["actual"]["roi_total"], rel=1e-12)
    summary = wb["概览"]
    from generator.calc.retro import HEADLINE

    rows = summary.iter_rows(min_row=5, max_row=4 + len(HEADLINE))
    for key, row in zip(HEADLINE, rows, strict=True):
        assert round(row[2].value, 2) == round(data["actual"][key], 2), key
        assert round(row[3].value, 2) == round(data["variance"][key], 2), key
        assert row[4].value == pytest.approx(data["variance_pct"][key], rel=1e-9), key
    rates = {row[0].value: row[2].value for row in wb["转化率"].iter_rows(min_row=2)}
    assert rates["预约率"] == pytest.approx(data["rates"]["booking_rate"]["actual"], rel=1e-12)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert not (isinstance(c.value, str) and c.value.startswith(("#", "Err:"))), (
                    ws.title,
                    c.coordinate,
                    c.value,
                )


def test_charts_are_native_chart_parts(demo_retro, tmp_path):
    results, r = demo_retro
    path = tmp_path / "retro.xlsx"
    write_retro_workbook(results, r, path)
    with zipfile.ZipFile(path) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 3
        assert not [n for n in zf.namelist() if n.startswith("xl/media/")]  # no pictures
        assert b"<c:barChart>" in zf.read(charts[0]) and b"<c:lineChart>" in zf.read(charts[2])


def test_cli_retro(tmp_path):
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["retro", str(DEMO), str(ACTUALS), "-o", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"{out}/: retro.json, retro.xlsx, retro.pdf, charts/ — 成交 6,247 人（计划 6,087 人），预算较计划 4.8%，ROI 1.90:1（计划 1.93:1）\n"
    )
    data = json.loads((out / "retro.json").read_text(encoding="utf-8"))
    assert (
        data["improvements"][0]
        == "应急储备预留6.46万元，实际使用8.50万元：下次按六项成本的10.5%以上预留（建议8–10%）。"
    )
    assert {x["kind"] for x in data["lessons"]} == {"success", "improvement", "strategic"}


def test_bad_actuals_are_located(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(ACTUALS.read_bytes())
    wb = openpyxl.load_workbook(path)
    wb["costs"]["A3"] = "传单"
    wb["revenue"]["B2"] = "lots"
    wb["daily"]["F4"] = -3
    wb.save(path)
    result = CliRunner().invoke(main, ["retro", str(DEMO), str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f'{path}: daily!F4: deals must be a whole number ≥ 0, got "-3"' in lines
    assert any(
        line.startswith(
            f'{path}: costs!A3: "传单" names no budget line or channel; to record unplanned spend, give its '
            "category (类别); planned items: 预约礼券, 到店礼包"
        )
        for line in lines
    )
    assert f'{path}: revenue!B2: actual must be a number ≥ 0 (yuan, like 1234.50 or 1,234.50), got "lots"' in lines
    assert not (tmp_path / "o").exists()


def test_init_actuals_from_an_input(tmp_path):
    path = tmp_path / "fill-me.xlsx"
    result = CliRunner().invoke(main, ["init", "--actuals", str(path), "--from", str(DEMO)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(path)
    items = [row[0].value for row in wb["costs"].iter_rows(min_row=2)]
    assert items[:3] == ["预约礼券", "到店礼包", "积分奖励"] and items[-1] == "应急储备"
    assert [row[0].value for row in wb["daily"].iter_rows(min_row=2)] == list(range(1, 15))


def test_committed_demo_actuals_match_their_source(tmp_path):
    path = tmp_path / "a.xlsx"
    CliRunner().invoke(main, ["init", "--actuals", str(path)])
    model = load(DEMO).model
    a, b = Collector(), Collector()
    assert read_actuals(path, model, a) == read_actuals(ACTUALS, model, b)


def test_retro_in_english(tmp_path):
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["retro", str(DEMO), str(ACTUALS), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "retro.json").read_text(encoding="utf-8"))
    assert data["improvements"][0].startswith(
        "Contingency reserved CNY 64.64k, used CNY 85.00k: next time reserve at least 10.5%"
    )


def _retro_json(tmp_path, path) -> tuple[dict, str]:
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["retro", str(DEMO), str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "retro.json").read_text(encoding="utf-8")), result.stderr


def test_campaign_period_compares_like_with_like_and_follow_up_waits(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(ACTUALS.read_bytes())
    wb = openpyxl.load_workbook(path)
    ws = wb["revenue"]
    follow_up = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "后续维修（3个月）")
    ws.delete_rows(follow_up[0].row)  # repairs in the next 3 months are not known yet
    wb.save(path)
    data, _ = _retro_json(tmp_path, path)
    assert data["follow_up_pending"] == ["后续维修（3个月）"]
    assert data["actual"]["revenue_total"] is None and data["actual"]["roi_total"] is None
    assert data["variance"]["roi_total"] is None
    # the campaign period: maintenance 2,998,560 + accessories 387,314 vs the plan's 2,921,760 + 400,000
    assert data["actual"]["revenue_campaign"] == 3385874.0
    assert data["plan"]["revenue_campaign"] == 3321760.0
    assert data["variance"]["revenue_campaign"] == 64114.0
    assert data["actual"]["roi_campaign"] == pytest.approx(
        data["actual"]["gross_profit_campaign"] / data["actual"]["budget_total"]
    )


def test_unplanned_spend_is_recorded_and_missing_lines_are_warned(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(ACTUALS.read_bytes())
    wb = openpyxl.load_workbook(path)
    ws = wb["costs"]
    ws.cell(1, 4, "category")
    ws.cell(ws.max_row + 1, 1, "临时加印海报")
    ws.cell(ws.max_row, 2, 3000)
    ws.cell(ws.max_row, 4, "promotion")
    missing = ws.cell(2, 1).value
    ws.delete_rows(2)
    wb.save(path)
    data, stderr = _retro_json(tmp_path, path)
    poster = next(x for x in data["lines"] if x["item"] == "临时加印海报")
    assert poster == {"category": "promotion", "item": "临时加印海报", "plan": 0.0, "actual": 3000.0,
                      "variance": 3000.0, "unplanned": True}  # fmt: skip
    assert next(x for x in data["lines"] if x["item"] == missing)["actual"] is None
    assert f'{path}: costs: warning: no actual cost for "{missing}": shown as not reported, not as 0' in stderr
