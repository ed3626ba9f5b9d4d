"""Budget, revenue and ROI on a small case checked by hand (figures in the comments)."""

import datetime as dt
from decimal import Decimal as D

import pytest

from generator.calc.budget import compute_budget
from generator.calc.funnel import plan_funnel
from generator.calc.roi import compute_revenue, compute_roi
from generator.fmt import ratio
from generator.model import BudgetLine, Campaign, Channel, Funnel, Model, RevenueLine
from generator.phrases import basis_text


@pytest.fixture
def small():
    campaign = Campaign("t", dt.date(2024, 5, 1), dt.date(2024, 5, 14), 100, D("0.35"), pool_customers=1000)
    funnel = Funnel(D(1), D("0.5"), D("0.5"), D("0.8"), D("0.5"))  # 1000 → 1000 → 500 → 250 → 200 → 100
    budget = (
        BudgetLine("incentives", "券", "booked", unit_cost=D(10)),  # 250 × 10 = 2,500
        BudgetLine("incentives", "让利", "deals", unit_cost=D(50), memo=True),  # 5,000, memo
        BudgetLine("systems", "看板", "fixed", quantity=D(3), unit_cost=D("0.335")),  # 1.005 → 1.01
        BudgetLine("labor", "人力", "fixed", quantity=D(2), times=D(3), unit_cost=D(100)),  # 600
        BudgetLine("fulfillment", "检测", "arrived", unit_cost=D(5)),  # 200 × 5 = 1,000
        BudgetLine("management", "会议", "lump", lump_sum=D(1000)),  # 1,000
    )
    channels = (Channel("短信", 1000, D(2), D("0.05"), D(100)),)  # 1000 × 2 × 0.05 + 100 = 200
    revenue = (
        RevenueLine("保养", "deals", unit_value=D(400), discount=D("0.25")),  # 100 × 300 = 30,000; gp 10,500
        RevenueLine("精品", "lump", lump_sum=D(2000)),  # gp 700
        RevenueLine("后续", "deals", unit_value=D(100), margin=D("0.4"), horizon="follow_up"),  # 10,000; gp 4,000
    )
    model = Model(campaign, funnel, channels=channels, budget=budget, revenue=revenue)
    plan = plan_funnel(model)
    bud = compute_budget(model, plan)
    rev = compute_revenue(model, plan)
    return model, plan, bud, rev, compute_roi(model, plan, bud, rev)


def test_budget_categories_contingency_total(small):
    _, plan, bud, _, _ = small
    assert plan.forward.as_dict() == {
        "pool": 1000,
        "reached": 1000,
        "opened": 500,
        "booked": 250,
        "arrived": 200,
        "deals": 100,
    }
    assert bud.categories == {
        "incentives": D("2500"),
        "promotion": D("200"),
        "systems": D("1.01"),  # ROUND(1.005, 2): Excel gives 1.01, Python's round(1.005, 2) gives 1.0
        "labor": D("600"),
        "fulfillment": D("1000"),
        "management": D("1000"),
        "contingency": D("424.08"),  # ROUND(0.08 × 5,301.01, 2) = ROUND(424.0808, 2)
    }
    assert bud.six_total == D("5301.01")
    assert bud.total == D("5725.09")
    assert bud.marketing_spend == D("2700")
    assert bud.memo_total == D("5000")
    assert float(bud.share("incentives")) == pytest.approx(2500 / 5725.09, rel=1e-15)


def test_lines_and_basis_text(small):
    _, _, bud, _, _ = small
    lines = {line.item: line for line in bud.lines}
    assert [line.category for line in bud.lines] == [
        "incentives",
        "incentives",
        "promotion",
        "systems",
        "labor",
        "fulfillment",
        "management",
    ]
    assert basis_text(lines["券"].basis) == "250人 × 10元"
    assert basis_text(lines["短信"].basis) == "1,000人 × 2次 × 0.05元 + 100元"
    assert basis_text(lines["人力"].basis) == "2 × 3次 × 100元"
    assert basis_text(lines["会议"].basis) == "一次性 1,000元"
    assert basis_text(lines["券"].basis, "en") == "250 people × CNY 10"
    assert lines["让利"].memo and lines["让利"].amount == D(5000)


def test_revenue_gross_profit_and_rois(small):
    _, _, _, rev, roi = small
    assert rev.revenue == {"campaign": D(32000), "follow_up": D(10000), "total": D(42000)}
    assert rev.gross_profit == {"campaign": D(11200), "follow_up": D(4000), "total": D(15200)}
    assert float(roi.campaign) == pytest.approx(11200 / 5725.09, rel=1e-15)
    assert float(roi.total) == pytest.approx(15200 / 5725.09, rel=1e-15)
    assert ratio(roi.total) == "2.65:1"
    assert float(roi.marketing) == pytest.approx(15200 / 2700, rel=1e-15)
    assert roi.cost_per_deal == D("57.25")  # 5,725.09 / 100


def test_breakeven_deals(small):
    # V = 2,500 + 1,000 (stage-driven), F = 1,801.01; Gv = 14,500, Gf = 700
    # d = 100 × (1.08 × 1,801.01 − 700) / (14,500 − 1.08 × 3,500) = 11.61 → 12
    assert small[4].breakeven_deals == 12


def test_breakeven_none_when_margin_never_covers_variable_cost():
    campaign = Campaign("t", dt.date(2024, 5, 1), dt.date(2024, 5, 2), 10, D("0.1"), pool_customers=100)
    model = Model(
        campaign,
        Funnel(D(1), D(1), D(1), D(1), D(1)),
        budget=(BudgetLine("incentives", "券", "deals", unit_cost=D(50)),),
        revenue=(RevenueLine("保养", "deals", unit_value=D(100)),),  # gp 10 per deal < 54 of cost
    )
    plan = plan_funnel(model)
    bud = compute_budget(model, plan)
    rev = compute_revenue(model, plan)
    assert compute_roi(model, plan, bud, rev).breakeven_deals is None
