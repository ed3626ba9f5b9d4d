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
    assert not problems.problems and not out.bad
    return out.frame


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


BAD = (
    "customer_id,last_visit,visits_12m,spend_12m,note\n"
    "A1,2024-01-01,1,100,x\nA1,2024-01-02,1,100,y\n,2024-01-01,1,1,\nA3,soon,2.5,-5,\n"
    'A4,2024年3月5日,3,"¥1,200",\nA5,2024-03-05 00:00:00,2,300,=1+1\n'
)


def test_bad_rows_are_located_with_their_values_and_a_hint(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(main, ["segment", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{path}: warning: unknown column "note" is ignored',
        f"{path}:4: customer_id is required (客户编号)",
        f'{path}:3: duplicate customer_id "A1" (first at line 2)',
        f'{path}:5: last_visit must be a date like 2024-05-01, got "soon"',
        f'{path}:5: visits_12m must be a whole number ≥ 0, got "2.5"',
        f'{path}:5: spend_12m must be a number ≥ 0, got "-5"',
        f"{path}: hint: 3 of 6 rows have problems; --skip-bad-rows segments the other 3 "
        "and lists these in rejects.csv with their reasons",
        "5 errors; nothing was written.",
    ]
    assert not (tmp_path / "o").exists()


def test_skip_bad_rows_segments_the_rest_and_writes_rejects(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(BAD, encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(
        main, ["segment", str(path), "--as-of", AS_OF, "-o", str(out), "--skip-bad-rows", "--lang", "zh"]
    )
    assert result.exit_code == 0, result.output
    assert f"{path}: 警告：6 行中跳过 3 行；每行及其原因见 rejects.csv" in result.stderr.splitlines()
    assert json.loads((out / "segments.json").read_text())["customers"] == 3  # A1, A4 (年月日, ¥1,200), A5
    rejects = (out / "rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejects == [
        "行号,customer_id,last_visit,visits_12m,spend_12m,note,原因",
        "3,A1,2024-01-02,1,100,y,客户编号“A1”重复（首次出现在第 2 行）",
        "4,,2024-01-01,1,1,,必须填写客户编号（customer_id）",
        '5,A3,soon,2.5,-5,,"最近到店日期必须是日期，如 2024-05-01，实际为 ""soon""；'
        '近12月到店次数必须是 ≥ 0 的整数，实际为 ""2.5""；近12月消费必须是 ≥ 0 的数字，实际为 ""-5"""',
    ]


def test_all_rows_bad_is_an_error_even_when_skipping(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("customer_id,last_visit,visits_12m,spend_12m\nA1,soon,1,1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["segment", str(path), "--skip-bad-rows", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        f"{path}: no row is usable; nothing to segment",
        "2 errors; nothing was written.",
    ]


def test_columns_maps_the_exports_own_names(tmp_path):
    path = tmp_path / "dms.csv"
    path.write_text("会员编号,最后进厂日期,近12月到店次数,近12月消费\nM1,2024-03-20,2,500\n", encoding="utf-8")
    runner = CliRunner()
    bare = runner.invoke(main, ["segment", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "a")])
    assert bare.exit_code == 1
    found = '"会员编号", "最后进厂日期", "近12月到店次数", "近12月消费"'
    assert (
        f'{path}: missing column "customer_id" (客户编号); its columns: {found}; '
        'name yours with --columns "customer_id=<column>"'
    ) in bare.stderr.splitlines()
    mapped = ["--columns", "customer_id=会员编号，last_visit=最后进厂日期"]
    ok = runner.invoke(main, ["segment", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "b"), *mapped])
    assert ok.exit_code == 0, ok.output
    assert json.loads((tmp_path / "b" / "segments.json").read_text())["customers"] == 1
    wrong = runner.invoke(main, ["segment", str(path), "-o", str(tmp_path / "c"), "--columns", "customer_id=会员号"])
    assert wrong.exit_code == 1
    assert wrong.stderr.splitlines()[0] == (
        f'{path}: has no column "会员号" (given for customer_id in --columns); its columns: {found}'
    )
    usage = runner.invoke(main, ["segment", str(path), "--columns", "id=会员编号"])
    assert usage.exit_code == 2
    assert '"id=会员编号" is not KEY=COLUMN with KEY one of customer_id, last_visit' in usage.stderr


def test_default_folder_drops_the_extension(tmp_path, monkeypatch):
    path = tmp_path / "clean.csv"
    path.write_text("customer_id,last_visit,visits_12m,spend_12m\nA1,2024-03-01,1,1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["segment", str(path), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "clean-segments" / "segments.pdf").is_file()


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
