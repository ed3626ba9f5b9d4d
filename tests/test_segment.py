"""`budgetgen segment`: statuses, schemes and filters against a hand count; bad rows; --into."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import Collector
from generator.pipeline import load
from generator.segment.read import read_customers
from generator.segment.schemes import segment
from tests.conftest import DEMO

AS_OF = "2024-04-05"
# id, last visit, visits, spend, ltv → months before 2024-04-05 (30.4375 days a month)
FIXTURE = """客户编号,最近到店日期,近12月到店次数,近12月消费,终身价值,车型
A1,2024-03-20,4,5000,15000,GL8
A2,2024-01-20,1,800,7000,英朗
A3,2023-12-01,2,2000,13000,GL8
A4,2023-09-01,0,0,5000,凯越
A5,2023-06-01,1,600,6000,凯越
A6,2022-12-31,0,0,20000,陆尊
A7,2024/4/1,3,3500,"12,500",新君威
"""
# months: A1 0.5 · A2 2.5 · A3 4.2 · A4 7.1 · A5 10.2 · A6 15.2 · A7 0.1


@pytest.fixture
def frame(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(FIXTURE, encoding="gbk")
    problems = Collector()
    out = read_customers(path, problems)
    assert not problems.problems
    return out


def test_recency_statuses_by_hand(frame):
    s = segment(frame, "recency", dt.date(2024, 4, 5))
    assert s.status == {"active": 3, "at_risk": 1, "dormant": 2, "lost": 1}  # A1 A2 A7 · A3 · A4 A5 · A6
    assert [(x["segment"], x["customers"]) for x in s.segments] == [
        ("active", 3),
        ("at_risk", 1),
        ("dormant", 2),
        ("lost", 1),
    ]
    assert s.segments[0]["ltv_total"] == 15000 + 7000 + 12500


def test_value_tiers_and_where(frame):
    s = segment(frame, "value", dt.date(2024, 4, 5))
    assert [(x["segment"], x["customers"]) for x in s.segments] == [
        ("high", 4),
        ("mid", 2),
        ("low", 1),
    ]  # > 12,000 · 6,000–12,000 · < 6,000
    s = segment(frame, "value", dt.date(2024, 4, 5), where="months >= 3 and months < 12")
    assert s.customers == 3 and s.base_customers == 7  # A3 A4 A5
    assert [(x["segment"], x["customers"]) for x in s.segments] == [("high", 1), ("mid", 1), ("low", 1)]
    assert s.status["active"] == 3  # the base status stays the whole export's


def test_rfm_first_matching_tier(frame):
    s = segment(frame, "rfm", dt.date(2024, 4, 5))
    # 高价值 (≤3 months, ≥3 visits, ≥3,000): A1 A7 · 活跃 (≤6, ≥2, ≥1,500): A3 · 潜力 (≤12, ≥1, ≥500): A2 A5 · 沉睡: A4 A6
    assert [(x["segment"], x["customers"]) for x in s.segments] == [
        ("高价值", 2),
        ("活跃", 1),
        ("潜力", 2),
        ("沉睡", 2),
    ]


def test_bad_rows_are_located(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "customer_id,last_visit,visits_12m,spend_12m\nA1,2024-01-01,1,100\nA1,2024-01-02,1,100\n,2024-01-01,1,1\nA3,soon,x,-5\n"
    )
    result = CliRunner().invoke(main, ["segment", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:4: customer_id is required (客户编号)",
        f"{path}:3: duplicate customer_id",
        f"{path}:5: last_visit must be a date like 2024-03-01",
        f"{path}:5: visits_12m must be a number ≥ 0",
        f"{path}:5: spend_12m must be a number ≥ 0",
        "5 errors; nothing was written.",
    ]
    assert not (tmp_path / "o").exists()


def test_cli_outputs_and_into(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(FIXTURE, encoding="utf-8-sig")
    book = tmp_path / "plan.xlsx"
    book.write_bytes(DEMO.read_bytes())
    out = tmp_path / "o"
    result = CliRunner().invoke(
        main,
        [
            "segment",
            str(path),
            "--as-of",
            AS_OF,
            "--scheme",
            "value",
            "--where",
            "status != 'active'",
            "--into",
            str(book),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[0]
        == f"{out}/: segments.json, segments.csv, segments.pdf, charts/ — 4 customers as of 2024-04-05: High value 2 · Mid value 1 · Low value 1"
    )
    data = json.loads((out / "segments.json").read_text(encoding="utf-8"))
    assert data["campaign"] == {
        "total_customers": 7,
        "active_customers": 3,
        "at_risk_customers": 1,
        "dormant_customers": 2,
        "lost_customers": 1,
    }
    assert (out / "segments.csv").read_text().splitlines()[1] == "high,2,16500.00,33000.00,0.500000"
    assert (tmp_path / "plan.backup.xlsx").read_bytes() == DEMO.read_bytes()
    model = load(book).model
    assert [(s.name, s.customers) for s in model.segments] == [("high", 2), ("mid", 1), ("low", 1)]
    assert model.campaign.total_customers == 7 and model.campaign.lost_customers == 1
    wb = openpyxl.load_workbook(book)
    assert wb["budget"]["B3"].value == openpyxl.load_workbook(DEMO)["budget"]["B3"].value  # other sheets kept


def test_bad_where_is_a_message(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(FIXTURE)
    result = CliRunner().invoke(main, ["segment", str(path), "--where", "colour == 'red'", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.startswith('--where: at character 1: unknown column "colour"; the columns are customer_id')
