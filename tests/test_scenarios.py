"""Parameter paths, scenarios, tornado, stress, goal seek, and the vectorised Monte Carlo."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

from generator.calc.montecarlo import monte_carlo
from generator.calc.params import PathError, apply, base_value, check, relative
from generator.calc.plan import compute_plan
from generator.calc.roi import deals_for_roi
from generator.calc.scenarios import stress_cases, tornado
from generator.calc.vector import evaluate, xround
from generator.pipeline import load
from tests.conftest import DEMO
from tests.helpers import problems

C3 = Path(__file__).resolve().parent.parent / "inputs" / "c3-demo.xlsx"


@pytest.fixture(scope="module")
def demo():
    return load(DEMO).model


@pytest.fixture(scope="module")
def c3():
    return load(C3).model


@pytest.mark.parametrize(
    ("path", "value", "read"),
    [
        ("campaign.gross_margin", "0.4", lambda m: m.campaign.gross_margin),
        ("campaign.pool_customers", "40000.5", lambda m: m.campaign.pool_customers),  # whole: 40001
        ("funnel.open", "0.2", lambda m: m.funnel.open),
        ("channel.短信.sends", "4", lambda m: m.channels[2].sends),
        ("budget.到店礼包.unit_cost", "7.5", lambda m: m.budget[2].unit_cost),
        ("revenue.后续维修（3个月）.unit_value", "300", lambda m: m.revenue[2].unit_value),
    ],
)
def test_each_path_kind_resolves_and_overrides(demo, path, value, read):
    check(demo, path)
    changed = apply(demo, {path: D(value)})
    expected = 40001 if path == "campaign.pool_customers" else D(value)
    assert read(changed) == expected
    assert base_value(changed, path) == expected


def test_segment_paths_and_blank_rates_take_the_funnel_base(c3):
    assert base_value(c3, "segment.盈利忠诚群.open") == c3.funnel.open  # blank in the sheet
    assert base_value(c3, "segment.低成本群.open") == D("0.45")
    changed = apply(c3, relative(c3, {"segment.盈利忠诚群.open": D("-0.5")}))
    assert changed.segments[0].open == D("0.3")
    assert compute_plan(changed).funnel.count("opened", "盈利忠诚群") == 255  # ROUND(850 × 0.3)


def test_rates_are_capped_at_one(demo):
    assert apply(demo, relative(demo, {"funnel.purchase": D("0.5")})).funnel.purchase == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("budget.礼包.unit_cost", 'no budget named "礼包" in "budget.礼包.unit_cost"; valid names: 折扣让利, 预约礼券'),
        (
            "funnel.clicks",
            'unknown funnel stage "clicks" in "funnel.clicks"; use one of reach, open, booking, arrival, purchase',
        ),
        (
            "budget.到店礼包.colour",
            'unknown field "colour" in "budget.到店礼包.colour"; a budget has quantity, times, unit_cost, lump_sum',
        ),
        ("price", '"price" is not a parameter path; write e.g. funnel.open or budget.<item>.unit_cost'),
    ],
)
def test_bad_paths(demo, path, message):
    with pytest.raises(PathError) as exc:
        check(demo, path)
    assert str(exc.value).startswith(message)


def test_unknown_path_is_a_located_validation_error(case, tmp_path):
    case.set("sensitivity", 2, "parameter", "funnel.visits")
    case.set("scenarios", 0, "parameter", "channel.传单.sends")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: scenarios!D2: no channel named "传单" in "channel.传单.sends"; valid names: App Push, 企业微信, 短信, 电话外呼',
        'F: sensitivity!A4: unknown funnel stage "visits" in "funnel.visits"; use one of reach, open, booking, arrival, purchase',
    ]


def test_tornado_is_sorted_by_swing_and_recomputes(demo):
    bars = tornado(demo)
    swings = [b.swing for b in bars]
    assert swings == sorted(swings, reverse=True)
    margin = next(b for b in bars if b.parameter == "campaign.gross_margin")
    assert margin.roi_high == compute_plan(apply(demo, {"campaign.gross_margin": D("0.385")})).roi.total


def test_stress_applies_all_changes_together(demo):
    [case] = stress_cases(demo)
    both = apply(demo, {"funnel.open": D("0.12"), "funnel.booking": D("0.238")})
    assert case.plan.roi.total == compute_plan(both).roi.total
    assert case.plan.funnel.forward.deals < compute_plan(apply(demo, {"funnel.open": D("0.12")})).funnel.forward.deals


def test_deals_for_roi_by_hand():
    import datetime as dt

    from generator.model import BudgetLine, Campaign, Funnel, Model, RevenueLine

    campaign = Campaign("t", dt.date(2024, 5, 1), dt.date(2024, 5, 2), 100, D("0.35"), pool_customers=100)
    model = Model(
        campaign,
        Funnel(D(1), D(1), D(1), D(1), D(1)),
        budget=(
            BudgetLine("incentives", "券", "deals", unit_cost=D(10)),
            BudgetLine("labor", "人", "lump", lump_sum=D(1000)),
        ),
        revenue=(RevenueLine("保养", "deals", unit_value=D(100)),),
    )
    plan = compute_plan(model)
    # F = 1,000, V = 1,000, Gv = 3,500, c = 0.08; roi 2: d = 100 × 2.16 × 1000 / (3500 − 2.16 × 1000) = 161.19 → 162
    assert deals_for_roi(model, plan.funnel, plan.budget, plan.revenue, D(2)) == 162
    assert deals_for_roi(model, plan.funnel, plan.budget, plan.revenue, D(4)) is None  # 3500 < 4.32 × 1000


def test_xround_matches_excel_on_binary_noise():
    assert xround(np.array([1.005 * 100, 2.5, -2.5, 0.125 * 100]), 0).tolist() == [101.0, 3.0, -3.0, 13.0]


def _random_draws(model, rng, size):
    draws = {}
    for path in [
        "funnel.open",
        "funnel.booking",
        "funnel.arrival",
        "campaign.touches_per_customer",
        "campaign.gross_margin",
        "campaign.contingency_rate",
    ]:
        base = float(base_value(model, path))
        draws[path] = rng.uniform(0.6 * base, 1.2 * base, size).round(rng.integers(2, 7))
    for kind, rows, key, fields in [
        ("budget", model.budget, "item", ("unit_cost", "times")),
        ("revenue", model.revenue, "item", ("unit_value", "discount")),
        ("channel", model.channels, "name", ("unit_cost", "reachable")),
        ("segment", model.segments, "name", ("customers", "open")),
    ]:
        for row in rows:
            for field in fields:
                path = f"{kind}.{getattr(row, key)}.{field}"
                base = float(base_value(model, path)) or 1.0
                draws[path] = rng.uniform(0.5 * base, 1.5 * base, size).round(rng.integers(1, 6))
    return draws


@pytest.mark.parametrize("which", ["demo", "c3"])
def test_vectorised_model_equals_scalar_model_exactly(which, demo, c3):
    model = demo if which == "demo" else c3
    rng = np.random.default_rng(7)
    size = 100
    draws = _random_draws(model, rng, size)
    out = evaluate(model, draws, size)
    for i in range(size):
        values = {p: D(repr(float(v[i]))) for p, v in draws.items()}
        plan = compute_plan(apply(model, values))
        for stage, count in plan.funnel.forward.as_dict().items():
            assert out["counts"][stage][i] == count, (i, stage)
        for line in plan.budget.lines:
            assert D(int(out["lines"][line.item][i])) / 100 == line.amount, (i, line.item)
        for cat, amount in plan.budget.categories.items():
            assert D(int(out["categories"][cat][i])) / 100 == amount, (i, cat)
        for x in plan.revenue.lines:
            assert D(int(out["revenue_lines"][x.item][i])) / 100 == x.amount, (i, x.item)
            assert D(int(out["gp_lines"][x.item][i])) / 100 == x.gross_profit, (i, x.item)
        assert D(int(out["total"][i])) / 100 == plan.budget.total
        assert out["roi_total"][i] == pytest.approx(float(plan.roi.total), rel=1e-12)


def test_monte_carlo_repeats_with_a_seed(demo):
    a = monte_carlo(demo, 2000, seed=1)
    assert a == monte_carlo(demo, 2000, seed=1)
    assert a != monte_carlo(demo, 2000, seed=2)
    assert a.roi.p10 < a.roi.p50 < a.roi.p90
    assert 0 <= a.p_below_floor <= 1


def test_monte_carlo_mean_matches_closed_form(demo):
    import dataclasses

    from generator.model import Override

    # ROI is linear in the accessories lump: ROI = (gp0 + 0.35·(X − 400,000)) / total
    low, mode, high = D(100000), D(400000), D(1000000)
    model = dataclasses.replace(demo, uncertainty=(Override("", "revenue.精品销售.lump_sum", (low, mode, high)),))
    base = compute_plan(demo)
    mean_x = float(low + mode + high) / 3
    expected = (float(base.revenue.gross_profit["total"]) + 0.35 * (mean_x - 400000)) / float(base.budget.total)
    result = monte_carlo(model, 200_000, seed=3)
    sd_x = (
        (float(low) ** 2 + float(mode) ** 2 + float(high) ** 2 - float(low * mode + low * high + mode * high)) / 18
    ) ** 0.5
    tolerance = 4 * 0.35 * sd_x / float(base.budget.total) / 200_000**0.5
    assert abs(result.roi_mean - expected) < tolerance
