"""Nothing run, nothing silent: untrusted options and text, bounded reads, inputs that pass but mislead."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from generator.segment.where import WhereError, parse_where
from generator.text import csv_cell, md, terminal
from tests.conftest import DEMO

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run_limited.py")
HOSTILE_MD = ["![x](http://host/p.png)", "<img src=x onerror=alert(1)>", "@all", "[link](https://a.b)", "www.a.com"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], cwd=cwd, capture_output=True, text=True, timeout=20, env=env
    )


def customers(path: Path, extra_header: str = "", extra: str = "") -> Path:
    rows = [f"customer_id,last_visit,visits_12m,spend_12m{extra_header}"]
    rows += [f"C{i},2024-0{1 + i % 3}-01,{i % 4},{i * 100}{extra}" for i in range(30)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# --- nothing run -------------------------------------------------------------


def test_no_eval_exec_or_query_of_user_text_anywhere():
    pattern = re.compile(r"\b(eval|exec)\(|\.query\(|engine=\"python\"")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in (ROOT / "generator").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_a_where_that_would_run_a_command_is_a_usage_error(tmp_path):
    marker = tmp_path / "x"
    attack = f"months >= (3 + months.__class__.__init__.__globals__['sys'].modules['os'].system('id > {marker}'))"
    result = CliRunner().invoke(main, ["segment", str(customers(tmp_path / "c.csv")), "--where", attack])
    assert result.exit_code == 2
    assert "Invalid value for '--where': at character 14: unexpected '+'" in result.output
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("months >", "at character 9: expected a column, a number or 'text', found the end"),
        ("months >= 3 and", "at character 16: expected a column, a number or 'text', found the end"),
        ("status in ['a'", "at character 15: expected ']', found the end"),
        ("(months > 3", "at character 12: expected ')', found the end"),
        ("months ; 3", "at character 8: unexpected ';'"),
        ("months.__class__", "at character 7: unexpected '.'"),
    ],
)
def test_where_syntax_errors_name_the_position(text, message):
    with pytest.raises(WhereError) as info:
        parse_where(text)
    assert str(info.value) == message


def test_where_filters_like_the_hand_count(tmp_path):
    out = tmp_path / "seg"
    path = customers(tmp_path / "c.csv")
    result = CliRunner().invoke(
        main,
        [
            "segment",
            str(path),
            "--as-of",
            "2024-04-05",
            "--where",
            "visits_12m in [1, 2] and not spend_12m < 1000",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    expected = sum(1 for i in range(30) if i % 4 in (1, 2) and i * 100 >= 1000)
    assert f"— {expected} customers as of 2024-04-05" in result.output


def test_where_names_an_unknown_column(tmp_path):
    result = CliRunner().invoke(main, ["segment", str(customers(tmp_path / "c.csv")), "--where", "spend > 3"])
    assert result.exit_code == 1
    assert result.output.startswith('--where: at character 1: unknown column "spend"; the columns are customer_id')


def test_duplicate_rfm_tier_names_are_refused(tmp_path):
    result = CliRunner().invoke(main, ["segment", str(customers(tmp_path / "c.csv")), "--rfm", "A:3,1,0;A:12,0,0"])
    assert result.exit_code == 1
    assert '--rfm: tier name "A" is given twice' in result.output


def test_negative_seed_is_a_usage_error():
    result = CliRunner().invoke(main, ["build", str(DEMO), "--seed", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--seed'" in result.output


# --- nothing raw ---------------------------------------------------------------


def test_escaping_helpers():
    assert terminal("a\x1b]0;TITLE\x07b\x1b[2J\tc\n") == "a\\x1b]0;TITLE\\x07b\\x1b[2J\tc\n"
    assert md("![x](http://host/p.png)") == "\\!\\[x\\]\\(http\\:/\\/host/p.png\\)"
    assert md("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert md("@all") == "&#64;all"
    # a plain number is a number (a spreadsheet computes nothing from -5); anything more is text
    assert [csv_cell(v) for v in ("=1+2", "+1+1", "-1-A1", "-5", "-2.5", "@x", "\tx", "ok", 3)] == [
        "'=1+2",
        "'+1+1",
        "'-1-A1",
        "-5",
        "-2.5",
        "'@x",
        "'\tx",
        "ok",
        3,
    ]


def test_control_characters_never_reach_the_terminal_or_the_deck(case, tmp_path):
    case.set_campaign("name", "活动\x1b]0;TITLE\x07\x1b[2J")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(case.csv_folder(tmp_path / "in")), "-o", str(out), "--pptx"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "contains control characters (活动\\x1b]0;TITLE\\x07\\x1b[2J); they are removed" in result.output
    with zipfile.ZipFile(out / "proposal.pptx") as zf:
        assert all(b"\x1b" not in zf.read(n) for n in zf.namelist() if n.endswith(".xml"))


@pytest.mark.parametrize("hostile", HOSTILE_MD)
def test_every_markdown_output_keeps_hostile_text_literal(case, tmp_path, hostile):
    case.set_campaign("name", f"活动 {hostile}")
    for row in case.rows("risks"):
        row[case.sheets["risks"][0].index("response")] = f"应对 {hostile}"
        row[case.sheets["risks"][0].index("owner")] = hostile
    plan = case.xlsx(tmp_path / "c.xlsx")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(plan), "-o", str(tmp_path / "b")]).exit_code == 0
    daily = str(DEMO.with_name("demo-daily.csv"))
    assert runner.invoke(main, ["track", str(plan), daily, "-o", str(tmp_path / "t")]).exit_code == 0
    for path in (tmp_path / "b" / "summary.md", tmp_path / "t" / "tracking.md"):
        text = path.read_text(encoding="utf-8")
        assert hostile not in text, path.name
        assert not re.search(r"(?<!\\)!\\?\[|<img|(?<!&#64;)@all|(?<!\\)\]\(", text), path.name
        assert md(f"活动 {hostile}") in text


def test_rfm_names_that_look_like_formulas_stay_text_in_the_csv(tmp_path):
    out = tmp_path / "s"
    result = CliRunner().invoke(
        main, ["segment", str(customers(tmp_path / "c.csv")), "--scheme", "rfm", "--rfm", "=1+2:12,0,0", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "\n'=1+2,0," in (out / "segments.csv").read_text(encoding="utf-8")


# --- bounded reads -----------------------------------------------------------


def test_an_unused_sheet_of_millions_of_cells_is_refused_quickly(tmp_path):
    import xlsxwriter

    path = tmp_path / "wide.xlsx"
    shutil_copy_sheets = load_workbook(DEMO)  # noqa: F841 (the demo must still open)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("unused")
    for r in range(400):
        for c in range(0, 16_000, 4):
            ws.write_number(r, c, 1)
    wb.close()
    result = cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert "has 1,600,000 filled cells; inputs are limited to 1,000,000" in result.stderr


def test_many_sheets_are_refused(tmp_path):
    import xlsxwriter

    path = tmp_path / "sheets.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    for i in range(150):
        wb.add_worksheet(f"s{i}")
    wb.close()
    result = cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert "has 150 sheets; workbooks are limited to 100" in result.stderr


def test_a_fifo_or_folder_named_csv_in_an_input_folder_is_not_read(case, tmp_path):
    folder = case.csv_folder(tmp_path / "in")
    os.mkfifo(folder / "risks2.csv")
    (folder / "timeline2.csv").mkdir()
    result = cli("validate", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "risks2.csv: warning: is not a regular file; it is ignored" in result.stderr


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("touches_per_customer", 1e20, "must be a number from 1 to 100"),
        ("pool_customers", 10**12, "pool_customers is 1,000,000,000,000; at most 100,000,000 customers"),
        ("end", "9999-12-31", "a campaign runs at most 366 days"),
    ],
)
def test_numbers_beyond_plausible_ranges_are_located_errors(case, tmp_path, key, value, message):
    case.set_campaign(key, value)
    result = CliRunner().invoke(main, ["validate", str(case.xlsx(tmp_path / "c.xlsx"))])
    assert result.exit_code == 1
    assert message in result.output and "campaign!B" in result.output


def test_segment_into_a_zip_bomb_is_refused_and_untouched(tmp_path):
    bomb = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (250 << 20))
    before = bomb.read_bytes()
    result = cli("segment", str(customers(tmp_path / "c.csv")), "--into", str(bomb), "-o", "s", cwd=tmp_path)
    assert result.returncode == 1
    assert "refused as a possible zip bomb" in result.stderr
    assert bomb.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "plan.xlsx"]


def test_segment_into_keeps_a_backup_and_validates(tmp_path):
    plan = tmp_path / "plan.xlsx"
    plan.write_bytes(DEMO.read_bytes())
    for k in (1, 2):
        result = CliRunner().invoke(
            main, ["segment", str(customers(tmp_path / "c.csv")), "--into", str(plan), "-o", str(tmp_path / f"s{k}")]
        )
        assert result.exit_code == 0, result.output
    assert (tmp_path / "plan.backup.xlsx").read_bytes() == DEMO.read_bytes()
    assert (tmp_path / "plan.backup2.xlsx").exists()
    names = [ws.title for ws in load_workbook(plan, read_only=True).worksheets]
    assert "segments" in names


def test_segment_into_refuses_a_workbook_it_would_strip(tmp_path):
    import xlsxwriter

    plan = tmp_path / "plan.xlsx"
    wb = xlsxwriter.Workbook(str(plan))
    ws = wb.add_worksheet("notes")
    ws.insert_textbox("B2", "审批意见")
    wb.close()
    before = plan.read_bytes()
    result = CliRunner().invoke(main, ["segment", str(customers(tmp_path / "c.csv")), "--into", str(plan)])
    assert result.exit_code == 1
    assert "holds text boxes or shapes, which rewriting it would lose; nothing was changed" in result.output
    assert plan.read_bytes() == before


# --- nothing silent ----------------------------------------------------------


def test_values_under_a_blank_header_are_an_error_at_the_header(case, tmp_path):
    path = case.xlsx(tmp_path / "c.xlsx")
    wb = load_workbook(path)
    ws = wb["channels"]
    col = ws.max_column + 2
    ws.cell(5, col, 5000)
    wb.save(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    letter = ws.cell(1, col).column_letter
    assert (
        f"channels!{letter}1: this column has no header but the cells below hold values ({letter}5 = '5000')"
        in result.output
    )


def test_merged_data_cells_are_named(case, tmp_path):
    path = case.xlsx(tmp_path / "c.xlsx")
    wb = load_workbook(path)
    ws = wb["budget"]
    ws.merge_cells("A2:A3")
    wb.save(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "budget!A3: is part of the merged range A2:A3; unmerge it and fill in each cell" in result.output


def test_a_misnamed_sheet_is_a_warning_with_the_closest_name(case, tmp_path):
    path = case.xlsx(tmp_path / "c.xlsx")
    wb = load_workbook(path)
    wb["risks"].title = "riskz"
    wb.save(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert 'riskz: warning: is not a sheet budgetgen reads; it is ignored; did you mean "risks"?' in result.output


def test_a_channel_reaching_more_than_the_pool_is_a_warning(case, tmp_path):
    case.set("channels", 0, "reachable", 500_000)
    result = CliRunner().invoke(main, ["validate", str(case.xlsx(tmp_path / "c.xlsx"))])
    assert result.exit_code == 0
    assert "reaches 500,000 people, more than the 41,000 customers in the pool (coverage 1219.5%)" in result.output
    assert "the channels send" in result.output


def test_a_goal_met_at_the_precision_shown_is_met():
    from decimal import Decimal

    from generator.calc.goals import evaluate_goals
    from generator.model import Goal

    goal = Goal("operations", "arrival_rate", Decimal("0.8"))
    (result,) = evaluate_goals((goal,), {"arrival_rate": Decimal("0.79995")})
    assert result.met is True


def test_a_day_column_holding_dates_says_to_use_date(case, tmp_path):
    daily = tmp_path / "d.csv"
    daily.write_text("day,reached,opened,booked,arrived,deals,revenue\n2024-05-01,100,10,5,3,2,500\n")
    result = CliRunner().invoke(main, ["track", str(DEMO), str(daily), "-o", str(tmp_path / "t")])
    assert result.exit_code == 1
    assert 'd.csv:2: day holds a date ("2024-05-01"); give day numbers' in result.output


def test_a_blank_revenue_is_a_warning(tmp_path):
    daily = tmp_path / "d.csv"
    daily.write_text("day,reached,opened,booked,arrived,deals,revenue\n1,1000,150,30,20,14,\n")
    result = CliRunner().invoke(main, ["track", str(DEMO), str(daily), "-o", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert "d.csv: warning: revenue is blank on day 1, which report deals; ROI to date counts" in result.output


def test_clashing_customer_columns_are_named(tmp_path):
    path = customers(tmp_path / "c.csv", ",客户编号", ",X")
    result = CliRunner().invoke(main, ["segment", str(path)])
    assert result.exit_code == 1
    assert "columns 'customer_id', '客户编号' both mean \"customer_id\"; keep one of them" in result.output


def test_a_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    daily = DEMO.with_name("demo-daily.csv")
    proc = subprocess.run(
        f"{sys.executable} -m generator track {DEMO} {daily} -o {tmp_path / 't'} | head -c 1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "BrokenPipe" not in proc.stderr and "internal error" not in proc.stderr
