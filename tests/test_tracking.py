"""`budgetgen track`: cumulative rates, pace, projection, ROI to date, triggers, alerts."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.calc.tracking import track
from generator.cli import main
from generator.errors import Collector
from generator.parse.daily import read_daily
from generator.pipeline import load
from generator.results import compute
from tests.conftest import DEMO

ROOT = Path(__file__).resolve().parent.parent
DAILY = ROOT / "inputs" / "demo-daily.csv"


@pytest.fixture(scope="module")
def demo():
    model = load(DEMO).model
    return model, compute(model, draws=100).plan


def run(demo, text: str, tmp_path):
    path = tmp_path / "daily.csv"
    path.write_text(text, encoding="utf-8")
    problems = Collector()
    days = read_daily(path, demo[0].campaign, problems)
    problems.raise_if_errors()
    return track(demo[0], demo[1], days)


def test_seed_day_five_by_hand(demo, tmp_path):
    tr = run(demo, DAILY.read_text(), tmp_path)
    assert tr.as_of_day == 5
    assert tr.cumulative["reached"] == 30500 and tr.cumulative["deals"] == 767
    assert round(tr.rates["open_rate"], 12) == round(
        D(5103) / D(30500), 12
    )  # 16.7%: the seed's "14.5%" is not what its table gives
    assert round(tr.rates["arrival_rate"], 12) == round(
        D(853) / D(1060), 12
    )  # day 1 reports no arrivals, so its bookings are left out
    assert tr.behind == ("booking_rate", "purchase_rate")  # 27.96% < 28.00%, 89.92% < 90.00%
    assert round(tr.plan_deals_to_date, 4) == D("2142.8571")  # 6,000 × 5 / 14
    assert tr.projected_deals == 2375  # 767 + (217 + 170 + 149) / 3 × 9 = 2,375
    assert tr.gap == 6000 - 2375
    prorated = D("872699.94") * 5 / 14
    assert round(tr.roi_to_date, 10) == round(D(269000) * D("0.35") / prorated, 10)
    assert [a.level for a in tr.alerts][:2] == ["critical", "warning"]


def test_trigger_fires_only_from_its_day(demo, tmp_path):
    four = "\n".join(DAILY.read_text().splitlines()[:5]) + "\n"
    tr = run(demo, four, tmp_path)
    assert tr.as_of_day == 4
    assert tr.triggered == ()  # booking below plan already, but its trigger day is 5
    tr = run(demo, DAILY.read_text(), tmp_path)
    assert [x.risk.risk for x in tr.triggered] == ["预约转化不足", "成交缺口扩大"]
    assert tr.contingency_left == D("64644.44") - 30000


def test_extra_budget_beyond_contingency_alerts(tmp_path, case):
    case.set("risks", 1, "extra_budget", 80000)
    model = load(case.xlsx(tmp_path / "x.xlsx")).model
    tr = run((model, compute(model, draws=100).plan), DAILY.read_text(), tmp_path)
    assert tr.contingency_left == D("64644.44") - 90000
    alert = tr.alerts[-1]
    assert (alert.level, alert.metric) == ("critical", "contingency_left")


def test_spend_column_is_used_for_roi(demo, tmp_path):
    tr = run(demo, "day,deals,revenue,spend\n1,10,10000,2000\n2,10,10000,2000\n", tmp_path)
    assert tr.roi_to_date == D("1.75")  # 20,000 × 0.35 / 4,000
    assert tr.spend_basis == "spend"


def test_cli_track_writes_outputs(tmp_path):
    out = tmp_path / "t"
    result = CliRunner().invoke(main, ["track", str(DEMO), str(DAILY), "-o", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"{out}/: tracking.json, tracking.md, tracking.pdf, charts/ — 第 5/14 天：成交 767 人，预计 2,375 人"
        "（缺口 3,625 人），截至目前ROI 0.30:1，预警 6 条",
        "  [严重] 按最近3天节奏预计最终成交2,375人，低于目标6,000人，缺口3,625人。",
    ]
    data = json.loads((out / "tracking.json").read_text(encoding="utf-8"))
    assert set(data) >= {
        "as_of_day",
        "execution_days",
        "cumulative",
        "rates",
        "plan_rates",
        "behind",
        "plan_deals_to_date",
        "projected_deals",
        "gap",
        "roi_to_date",
        "contingency_left",
        "triggered",
        "alerts",
    }
    assert data["triggered"][0] == {
        "risk": "预约转化不足",
        "metric": "booking_rate",
        "value": data["triggered"][0]["value"],
        "response": "到店礼包由80元升级为120元；预约流程再简化",
        "owner": "运营专家",
        "extra_budget": 20000.0,
    }
    assert "预约率累计27.96%，低于计划28.00%" in (out / "tracking.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("day,deals\n1,5\n1,6\n", "F:3: day 1 appears twice (first at F:2)"),
        ("day,deals\n2,5\n1,6\n", "F:3: day 1 comes after day 2; list the days in order"),
        ("day,deals\n1,-5\n", 'F:2: deals must be a whole number ≥ 0, got "-5"'),
        ("date,deals\n2024-04-30,5\n", "F:2: date 2024-04-30 is outside the execution window 2024-05-01 – 2024-05-14"),
        ("day,deals\n15,5\n", "F:2: day 15 is after the execution window (14 days)"),
        ("deals\n5\n", "F:2: each row needs a day (1 = first execution day) or a date"),
    ],
)
def test_bad_daily_file_is_located_and_writes_nothing(tmp_path, text, message):
    daily = tmp_path / "daily.csv"
    daily.write_text(text)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["track", str(DEMO), str(daily), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message.replace("F", str(daily), 1).replace(
        "(first at F", f"(first at {daily}"
    )
    assert not out.exists()


def test_stage_above_the_one_before_is_a_warning(tmp_path):
    daily = tmp_path / "daily.csv"
    daily.write_text("day,booked,arrived,deals,revenue\n1,10,12,5,1000\n")
    result = CliRunner().invoke(main, ["track", str(DEMO), str(daily), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert result.stderr == f"{daily}:2: warning: arrived (12) is above booked (10) on day 1\n"


def test_track_in_english(tmp_path):
    out = tmp_path / "t"
    result = CliRunner().invoke(main, ["track", str(DEMO), str(DAILY), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[1]
        == "  [critical] At the last 3 days' pace, deals end at 2,375, below the target of 6,000: a gap of 3,625."
    )
    assert "Booking rate to date 27.96%, below the plan's 28.00%." in (out / "tracking.md").read_text(encoding="utf-8")
