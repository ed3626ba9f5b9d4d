"""`budgetgen compare`: the changes, the figures and the Shapley bridges on pairs whose answer is known."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.calc.bridge import apportion, bridges, group_changes
from generator.calc.diff import diff, merge
from generator.calc.params import apply
from generator.calc.plan import compute_plan
from generator.cli import main
from generator.compare import compare
from generator.pipeline import load
from tests.conftest import DEMO, GOLDEN

V1 = DEMO.parent / "demo-v1.xlsx"
D = Decimal


@pytest.fixture(scope="module")
def demo():
    return load(DEMO).model


def test_one_changed_unit_cost_is_the_whole_budget_change(demo):
    new = apply(demo, {"budget.到店礼包.unit_cost": D(10)})
    cmp = compare(demo, new)
    assert [(c.path, c.old, c.new) for c in cmp.changes] == [("budget.到店礼包.unit_cost", D(6), D(10))]
    assert [g.key for g in cmp.groups] == ["incentives"]
    # 6,763 arrivals × 4 元 more, and 8% of it in the contingency reserve
    assert cmp.budget.change == D("27052.00") + D("2164.16") == cmp.budget.steps[0]
    assert cmp.method == "exact"


def test_two_groups_through_the_funnel_share_their_interaction_equally(demo):
    values = {"funnel.open": D("0.18"), "budget.到店礼包.unit_cost": D(10)}
    new = apply(demo, values)
    cmp = compare(demo, new)
    assert [g.key for g in cmp.groups] == ["incentives", "funnel"]

    def budget(paths):
        return compute_plan(apply(demo, {p: values[p] for p in paths})).budget.total

    none, gift, rate, both = budget([]), budget(["budget.到店礼包.unit_cost"]), budget(["funnel.open"]), budget(values)
    gift_step = ((gift - none) + (both - rate)) / 2  # the gift first, or second: the average
    rate_step = ((rate - none) + (both - gift)) / 2
    assert cmp.budget.steps == (gift_step, rate_step)  # halves of fen here: rounded by largest remainder
    assert sum(cmp.budget.steps) == both - none


def test_an_added_and_a_removed_line(demo):
    old = load(V1).model
    changes = diff(old, demo)
    rows = [(c.path, c.old is None, c.new is None) for c in changes if c.is_row]
    assert rows == [("budget.下次保养券", False, True)]
    back = diff(demo, old)
    assert [(c.path, c.old is None) for c in back if c.is_row] == [("budget.下次保养券", True)]
    assert compute_plan(merge(old, demo, list(changes))).budget.total == compute_plan(demo).budget.total
    assert compute_plan(merge(demo, old, list(back))).budget.total == compute_plan(old).budget.total


def test_a_changed_rate_that_changes_feasibility(demo):
    cmp = compare(demo, apply(demo, {"funnel.open": D("0.10")}))
    feasible = next(f for f in cmp.figures if f.key == "feasible")
    assert (feasible.old, feasible.new, feasible.change) == (True, False, None)
    deals = next(f for f in cmp.figures if f.key == "deals")
    assert deals.new < 6000 < deals.old and deals.change == deals.new - deals.old


def test_identical_plans_have_no_change_and_an_empty_bridge(demo):
    cmp = compare(demo, demo)
    assert cmp.same and cmp.groups == () and cmp.budget.steps == () and cmp.budget.change == 0


def test_apportion_keeps_the_sum_exact():
    shares = [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    assert apportion(shares, D("1.00"), D("0.01")) == (D("0.34"), D("0.33"), D("0.33"))
    assert apportion([Fraction(-5, 2), Fraction(-1, 2)], D("-3.00"), D("0.01")) == (D("-2.50"), D("-0.50"))


PATHS = [
    "funnel.open",
    "funnel.booking",
    "budget.到店礼包.unit_cost",
    "budget.预约礼券.unit_cost",
    "channel.短信.sends",
    "revenue.保养服务.unit_value",
    "campaign.contingency_rate",
    "budget.朋友圈广告.lump_sum",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(PATHS), st.integers(min_value=1, max_value=60), min_size=1, max_size=6))
def test_steps_always_add_up_to_the_change(demo, scale):
    from generator.calc.params import base_value

    new = apply(demo, {p: base_value(demo, p) * D(k) / 30 for p, k in scale.items()})
    for by in ("category", "sheet", "path"):
        old_model = demo
        groups = group_changes(diff(old_model, new), old_model, new, by)
        budget, roi, _ = bridges(old_model, new, groups)
        assert sum(budget.steps, D(0)) == budget.change  # to the fen, exactly
        assert roi is not None and abs(sum(roi.steps, D(0)) - roi.change) < D("1e-9")


def test_more_than_ten_groups_are_sampled_and_still_add_up(demo):
    values = {p: D(1) for p in [f"budget.{b.item}.unit_cost" for b in demo.budget if b.driver != "lump"]}
    values.update({"channel.短信.sends": D(5), "funnel.open": D("0.2")})
    new = apply(demo, values)
    cmp = compare(demo, new, group_by="path")
    assert len(cmp.groups) > 10 and cmp.method == "sampled"
    assert sum(cmp.budget.steps, D(0)) == cmp.budget.change


def _run(*args: str):
    return CliRunner().invoke(main, [*args, "--lang", "zh"])


def test_cli_the_demo_pair(tmp_path, update_golden):
    out = tmp_path / "cmp"
    result = _run("compare", str(V1), str(DEMO), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{out}/: compare.json, compare.md, compare.pdf, charts/ — 改动了 5 项假设；"
        "预算 946,571.94 → 872,699.94 元，总投资ROI 1.78:1 → 1.93:1\n"
        "      −5.6万  权益成本\n"
        "      −1.8万  推广成本\n"
    )
    data = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    steps = data["bridge"]["budget_total"]
    assert sum(D(str(s["change"])) for s in steps) == D(str(data["figures"]["budget_total"]["change"]))
    change = next(c for c in data["changes"] if c["path"] == "budget.到店礼包.unit_cost")
    assert (change["old"], change["new"]) == (10, 6)
    assert change["old_cell"] == f"{V1}: budget!F4" and change["new_cell"] == f"{DEMO}: budget!F4"
    text = (out / "compare.json").read_text(encoding="utf-8").replace(str(V1), "OLD").replace(str(DEMO), "NEW")
    golden = GOLDEN / "demo-compare.json"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "compare.json changed: review, then `pytest --update-golden`"


def test_cli_identical_inputs(tmp_path):
    out = tmp_path / "same"
    result = _run("compare", str(DEMO), str(DEMO), "-o", str(out))
    assert (result.exit_code, result.output) == (
        0,
        f"{out}/: compare.json, compare.md, compare.pdf — 没有任何假设不同\n",
    )
    data = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert data["same"] and data["changes"] == [] and data["bridge"] == {"budget_total": [], "roi_total": []}


def test_cli_invalid_inputs_show_every_problem_of_both(tmp_path, case):
    case.set("budget", 1, "unit_cost", -5)
    bad = case.xlsx(tmp_path / "bad.xlsx")
    case.set("funnel", 1, "rate", 2)
    worse = case.xlsx(tmp_path / "worse.xlsx")
    result = _run("compare", str(bad), str(worse), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{bad}: budget!F3: ") for line in lines)
    assert any(line.startswith(f"{worse}: budget!F3: ") for line in lines)
    assert any(line.startswith(f"{worse}: funnel!B3: ") for line in lines)
    assert not (tmp_path / "out").exists()


def test_cli_other_campaign_is_compared_with_a_warning(tmp_path, case):
    case.set_campaign("name", "另一个活动")
    other = case.xlsx(tmp_path / "other.xlsx")
    result = _run("compare", str(DEMO), str(other), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"{other}: 警告：" in result.output and "另一个活动" in result.output
    assert Path(tmp_path / "out" / "compare.pdf").exists()


def test_build_with_a_baseline_adds_the_page_the_slide_and_results_json(tmp_path):
    from pptx import Presentation

    from tests.test_documents import pages, pdftotext

    out = tmp_path / "built"
    result = _run("build", str(DEMO), "--baseline", str(V1), "--pptx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert pages(out / "proposal.pdf") == 19  # the 18 pages and 预算优化过程, numbered on
    page = pdftotext(out / "proposal.pdf", 13)
    assert "预算优化过程" in page and "13 / 19" in page and "权益成本：到店礼包 单价 10元 → 6元" in page
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    base = data["baseline"]
    assert base["old"]["fingerprint"] == "e8977691ccb0" and base["method"] == "exact"
    assert [s["group"] for s in base["bridge"]["budget_total"]] == ["incentives", "promotion"]
    assert sum(D(str(s["change"])) for s in base["bridge"]["budget_total"]) == D("-73872.00")
    slides = list(Presentation(out / "proposal.pptx").slides)
    titles = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in slides]
    slide = slides[next(i for i, text in enumerate(titles) if "预算优化过程" in text)]
    charts = [sh.chart for sh in slide.shapes if sh.has_chart]
    assert len(charts) == 2 and all(len(list(c.plots[0].series)) == 4 for c in charts)
    assert sum("预算优化过程" in t for t in titles) == 1


def test_build_with_a_baseline_refuses_several_inputs(tmp_path):
    result = _run("build", str(DEMO), str(V1), "--baseline", str(V1), "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and "--baseline" in result.output
