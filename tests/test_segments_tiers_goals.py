"""Seed 002's way of planning: segment-scoped lines, tiered pay, goals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.calc.segments import allocate
from generator.calc.tiers import choose_band
from generator.model import BudgetLine, Campaign, Funnel, Goal, Model, RevenueLine, Segment, Tier
from generator.phrases import basis_text
from generator.pipeline import load
from generator.results import compute
from tests.helpers import problems

C3 = Path(__file__).resolve().parent.parent / "inputs" / "c3-demo.xlsx"
ONE = D(1)


def seg_model(visit_tiers=(), goals=(), loyal_arrival=D("0.5")):
    campaign = Campaign("c3", dt.date(2014, 5, 1), dt.date(2014, 7, 31), 50, D("0.4"))
    segments = (Segment("忠诚", 1000, arrival=loyal_arrival), Segment("低成本", 500, arrival=D("0.2")))
    funnel = Funnel(ONE, ONE, D("0.2"), D("0.5"), ONE)  # 忠诚: 1000 → 200 booked → 100 arrived (×0.5)
    budget = (
        BudgetLine("labor", "客服提成", "arrived", unit_cost=D(0), segment="忠诚"),
        BudgetLine("incentives", "礼券", "deals", unit_cost=D(10)),
        BudgetLine("management", "会议", "lump", lump_sum=D("1000.01")),
    )
    revenue = (
        RevenueLine("忠诚产值", "deals", unit_value=D(2542), segment="忠诚"),
        RevenueLine("低成本产值", "deals", unit_value=D(1685), segment="低成本"),
        RevenueLine("精品", "lump", lump_sum=D("333.33")),
    )
    return Model(campaign, funnel, segments, (), budget, revenue, tuple(visit_tiers), tuple(goals))


VISIT_TIERS = (
    Tier("客服提成", "visit_rate", D(0), D(0), D(-200)),
    Tier("客服提成", "visit_rate", D("0.11"), D(6)),
    Tier("客服提成", "visit_rate", D("0.18"), D(10)),
)


def test_scoped_line_counts_its_segment_only():
    r = compute(seg_model())
    lines = {x.item: x for x in r.plan.budget.lines}
    # 忠诚: 1000 → 200 booked → 100 arrived → 100 deals; 低成本: 500 → 100 → 20 → 20
    assert r.plan.funnel.count("arrived", "忠诚") == 100
    assert lines["客服提成"].basis.quantity == 100
    assert lines["礼券"].basis.quantity == 120  # unscoped: both segments
    revs = {x.item: x for x in r.plan.revenue.lines}
    assert revs["忠诚产值"].amount == D(254200)
    assert revs["低成本产值"].amount == D(33700)


@pytest.mark.parametrize(
    ("arrival", "visit", "unit", "lump", "amount"),
    [
        (D("0.9"), "0.18", D(10), D(0), D(1800)),  # exactly at from = 18% → 10元
        (D("0.895"), "0.179", D(6), D(0), D(1074)),  # just below 18% → 6元
        (D("0.55"), "0.11", D(6), D(0), D(660)),  # exactly at 11%
        (D("0.545"), "0.109", D(0), D(-200), D(-200)),  # just below 11% → no commission, 200元 penalty
    ],
)
def test_tier_boundaries_and_penalty(arrival, visit, unit, lump, amount):
    r = compute(seg_model(VISIT_TIERS, loyal_arrival=arrival))
    line = next(x for x in r.plan.budget.lines if x.item == "客服提成")
    band = line.basis.band
    assert band.value == D(visit)  # visit_rate = 忠诚 arrived / 忠诚 pool
    assert (band.unit_cost, band.lump_sum) == (unit, lump)
    assert line.amount == amount


def test_tier_basis_text_says_which_band_and_why():
    r = compute(seg_model(VISIT_TIERS, loyal_arrival=D("0.94")))
    line = next(x for x in r.plan.budget.lines if x.item == "客服提成")
    assert basis_text(line.basis) == "忠诚 188人 × 10元（邀约进店率 18.8% ≥ 18% → 10元/人）"
    r = compute(seg_model(VISIT_TIERS, loyal_arrival=D("0.5")))
    line = next(x for x in r.plan.budget.lines if x.item == "客服提成")
    assert basis_text(line.basis) == "忠诚 100人 × 0元（邀约进店率 10.0% ≥ 0% → 0元/人，处罚200元）"


def test_count_tiers():
    tiers = [
        Tier("技师", "deals", D(0), D(0), D(-200)),
        Tier("技师", "deals", D(51), D(15)),
        Tier("技师", "deals", D(101), D(40)),
    ]
    from generator.calc.funnel import Counts

    assert choose_band(tiers, Counts(0, 0, 0, 0, 0, 100)).unit_cost == D(15)
    assert choose_band(tiers, Counts(0, 0, 0, 0, 0, 101)).unit_cost == D(40)
    assert choose_band(tiers, Counts(0, 0, 0, 0, 0, 50)).lump_sum == D(-200)


def test_segments_sum_to_totals_to_the_fen():
    r = compute(seg_model(VISIT_TIERS))
    segs = r.segments
    assert [s.name for s in segs] == ["忠诚", "低成本"]
    assert sum(s.budget for s in segs) == r.plan.budget.total
    assert sum(s.revenue for s in segs) == r.plan.revenue.revenue["total"]
    assert sum(s.gross_profit for s in segs) == r.plan.revenue.gross_profit["total"]
    assert sum(s.counts.deals for s in segs) == r.plan.funnel.forward.deals
    # the shared 333.33 lump splits by deals 100:20 → 277.78 + 55.55 (largest remainder)
    assert allocate(D("333.33"), [100, 20]) == [D("277.78"), D("55.55")]


def test_allocate_keeps_every_fen():
    assert sum(allocate(D("0.05"), [1, 1, 1])) == D("0.05")
    assert allocate(D("-1.00"), [1, 2]) == [D("-0.33"), D("-0.67")]
    assert allocate(D(10), [0, 0]) == [D(5), D(5)]


def test_goals_planned_and_met():
    goals = (
        Goal("operations", "deals", D(110)),
        Goal("business", "revenue_total", D(300000)),
        Goal("execution", "visit_rate", D("0.1")),
        Goal("business", "cost_per_deal", D(10)),
        Goal("health", "nps", D(10)),
    )
    r = compute(seg_model(goals=goals))
    got = [(g.goal.metric, g.planned, g.met) for g in r.goals]
    assert got[0] == ("deals", 120, True)
    assert got[1] == ("revenue_total", D("288233.33"), False)
    assert got[2] == ("visit_rate", D("0.08"), False)  # (100 + 20) arrived / 1500 customers
    assert got[4] == ("nps", None, None)


def test_c3_demo_builds_with_seed_002_structure():
    r = compute(load(C3).model)
    lines = {x.item: x for x in r.plan.budget.lines}
    assert {s.name for s in r.segments} == {"盈利忠诚群", "低成本群"}
    assert r.plan.funnel.forward.pool == 1336  # 895 + 441
    assert lines["客服提成-盈利忠诚群"].basis.band.unit_cost == D(10)  # 邀约进店率 ≥ 18%
    assert lines["技师空调养护提成"].basis.band.start == D(101)
    assert sum(s.budget for s in r.segments) == r.plan.budget.total


def test_unknown_segment_is_located_and_lists_valid_names(tmp_path):
    from generator.cli import main

    path = tmp_path / "c3.xlsx"
    from click.testing import CliRunner

    CliRunner().invoke(main, ["init", str(path), "--case", "c3"])
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["budget"]["J2"] = "VIP群"
    wb.save(path)
    assert problems(path) == ['F: budget!J2: unknown segment "VIP群"; valid segments: 盈利忠诚群, 低成本群']


def _c3_with_tiers(tmp_path, edit):
    import openpyxl
    from click.testing import CliRunner

    from generator.cli import main

    path = tmp_path / "c3.xlsx"
    CliRunner().invoke(main, ["init", str(path), "--case", "c3"])
    wb = openpyxl.load_workbook(path)
    edit(wb["tiers"])
    wb.save(path)
    return path


def test_tier_with_two_metrics(tmp_path):
    path = _c3_with_tiers(tmp_path, lambda ws: ws.__setitem__("B3", "deals"))
    assert problems(path) == [
        'F: tiers!B2: tiers of "客服提成-盈利忠诚群" use several metrics (deals, visit_rate); use one'
    ]


def test_tier_without_a_zero_band(tmp_path):
    path = _c3_with_tiers(tmp_path, lambda ws: ws.__setitem__("C2", 0.05))
    assert problems(path) == ['F: tiers!C2: tiers of "客服提成-盈利忠诚群" need a band starting at 0']


def test_tier_repeating_from(tmp_path):
    path = _c3_with_tiers(tmp_path, lambda ws: ws.__setitem__("C4", 0.11))
    assert problems(path) == ['F: tiers!C4: tiers of "客服提成-盈利忠诚群" repeat from = 0.11 (first at F: tiers!C3)']


def test_init_c3_writes_the_committed_c3_demo(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    path = tmp_path / "c3.xlsx"
    assert CliRunner().invoke(main, ["init", str(path), "--case", "c3"]).exit_code == 0
    assert compute(load(path).model).fingerprint == compute(load(C3).model).fingerprint
