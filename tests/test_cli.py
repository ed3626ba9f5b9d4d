"""The CLI through click's CliRunner: output, exit codes, nothing half-written."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.schema import SHEETS
from tests.conftest import DEMO


@pytest.fixture
def runner():
    return CliRunner()


def test_build_writes_every_output(built_demo, demo_results):
    out, result = built_demo
    assert result.exit_code == 0, result.output
    plan = demo_results.plan
    assert result.stdout == (
        f"{out}/: results.json, budget.xlsx, proposal.pdf, summary.pdf, summary.md, charts/, proposal.html, summary.html"
        f" — 2024春季保养召回活动 · 假设指纹 {demo_results.fingerprint}\n"
        f"  预算 {plan.budget.total:,.2f} 元 · 成交 {plan.funnel.forward.deals:,} 人 · ROI 1.93:1 · 可行：是\n"
    )
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["fingerprint"] == demo_results.fingerprint
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        ".budgetgen.json",
        "budget.xlsx",
        "charts",
        "proposal.html",
        "proposal.pdf",
        "results.json",
        "summary.html",
        "summary.md",
        "summary.pdf",
    ]
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temp folder left behind


def test_build_bad_input_exits_1_and_writes_nothing(runner, tmp_path, case):
    case.set("budget", 1, "unit_cost", "abc")
    bad = case.xlsx(tmp_path / "bad.xlsx")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f'{bad}: budget!F3: unit_cost must be a number ≥ 0 (yuan, like 1234.50 or 1,234.50), got "abc"\n'
        "1 error; nothing was written.\n"
    )
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_failed_build_leaves_previous_output_untouched(runner, tmp_path, case, built_demo):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built_demo[0], out)
    before = (out / "results.json").read_bytes()
    case.set("funnel", 1, "rate", 7)
    result = runner.invoke(main, ["build", str(case.xlsx(tmp_path / "bad.xlsx")), "-o", str(out)])
    assert result.exit_code == 1
    assert (out / "results.json").read_bytes() == before


def test_rebuild_replaces_output(runner, tmp_path, monkeypatch):
    (tmp_path / "spring.xlsx").write_bytes(DEMO.read_bytes())
    out = tmp_path / "output" / "spring"
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["build", "spring.xlsx"]).exit_code == 0  # default output: output/<slug>/
    (out / "results.json").write_text("an old build's")
    result = runner.invoke(main, ["build", "spring.xlsx"])  # budgetgen's own folder: replaced
    assert result.exit_code == 0, result.output
    assert (out / "results.json").read_text(encoding="utf-8").startswith("{")


def test_output_path_that_is_a_file(runner, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("keep me")
    result = runner.invoke(main, ["build", str(DEMO), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target}: is a file; the output must be a folder (-o DIR)\n")
    assert target.read_text() == "keep me"


def test_build_missing_input(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "none.xlsx")])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'none.xlsx'}: no such file or folder\n1 error; nothing was written.\n"


def test_validate_csv_folder(runner, tmp_path, case):
    folder = case.csv_folder(tmp_path / "csvcase", encoding="gb18030")
    result = runner.invoke(main, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{folder}: OK (0 warnings)\n"


def test_validate_ok(runner):
    result = runner.invoke(main, ["validate", str(DEMO)])
    assert result.exit_code == 0
    assert result.stdout == f"{DEMO}: OK (0 warnings)\n"


def test_validate_reports_every_problem(runner, tmp_path, case):
    case.set("budget", 1, "unit_cost", "abc")
    case.set("budget", 2, "category", "food")
    case.drop_campaign("gross_margin")
    bad = case.xlsx(tmp_path / "bad.xlsx")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f'{bad}: campaign: missing required key "gross_margin" (毛利率); add a row with it and its value'
    assert lines[-1] == "3 errors."  # validate never writes, so it never says it wrote nothing
    assert len(lines) == 4


def test_validate_prints_warnings(runner, tmp_path, case):
    import openpyxl

    path = case.xlsx(tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["campaign"]["A30"] = "favourite_colour"
    wb["campaign"]["B30"] = "blue"
    wb.save(path)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr == f'{path}: campaign!A30: warning: unknown campaign key "favourite_colour" is ignored\n'
    assert result.stdout == f"{path}: OK (1 warning)\n"


def test_validate_names_each_page_left_out_and_the_sheet_that_fills_it(runner, tmp_path, case):
    for name in ("narrative", "goals", "timeline", "benchmarks", "sensitivity", "stress", "uncertainty", "risks"):
        del case.sheets[name]
    case.sheets["budget"] = (case.sheets["budget"][0], [r for r in case.rows("budget") if not r[7]])
    path = case.xlsx(tmp_path / "x.xlsx")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    left_out = "warning: the proposal leaves out the page"
    assert result.stderr.splitlines() == [
        f'{path}: {left_out} "Opportunity, timing and competition" (nothing to show); rows in sheet narrative would add it',
        f'{path}: {left_out} "SMART goals and goal hierarchy" (nothing to show); rows in sheet goals would add it',
        f'{path}: {left_out} "Timeline" (nothing to show); rows in sheet timeline would add it',
        f'{path}: {left_out} "Contingency and revenue-side items" (nothing to show); '
        "lines of sheet budget marked in column memo would add it",
        f'{path}: {left_out} "Industry benchmarks" (nothing to show); rows in sheet benchmarks would add it',
        f'{path}: {left_out} "Sensitivity, stress and Monte Carlo" (nothing to show); '
        "rows in sheet sensitivity, stress or uncertainty would add it",
        f'{path}: {left_out} "Risk register" (nothing to show); rows in sheet risks would add it',
        f'{path}: {left_out} "Probability × impact and triggered responses" (nothing to show); '
        "rows in sheet risks would add it",
    ]
    assert result.stdout == f"{path}: OK (8 warnings)\n"
    zh = runner.invoke(main, ["validate", str(path), "--lang", "zh"])
    assert zh.stderr.splitlines()[5] == (
        f"{path}: 警告：资源申请书不含“敏感性、压力测试与蒙特卡洛”页（没有可展示的内容）；"
        "在“敏感性”、“压力测试”或“不确定性”工作表中填写即可加入"
    )


def test_init_writes_a_workbook_that_builds(runner, tmp_path):
    path = tmp_path / "mine.xlsx"
    result = runner.invoke(main, ["init", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: written (the demo case; edit it, then `budgetgen build {path}`)\n"
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0


def test_init_has_comments_and_validation(tmp_path, runner):
    import openpyxl

    path = tmp_path / "mine.xlsx"
    runner.invoke(main, ["init", str(path), "--lang", "zh"])
    wb = openpyxl.load_workbook(path)
    ws = wb["budget"]
    assert ws["A1"].value == "类别 (category)"
    assert "incentives" in ws["A1"].comment.text
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"incentives,promotion,systems,labor,fulfillment,management"' in lists
    rates = wb["funnel"].data_validations.dataValidation
    assert any(dv.type == "decimal" and dv.formula1 == "0" and dv.formula2 == "1" for dv in rates)
    # each header says what the column means, its unit and an example; in the language asked for
    assert (
        wb["budget"]["F1"].comment.text
        == "单价（unit_cost）\n含义：每个数量单位的成本\n单位：元，≥ 0\n示例：1,234.50\n选填"
    )
    assert wb["channels"]["B1"].comment.text.splitlines()[1:] == [
        "含义：该渠道可触达的人数",
        "单位：整数，≥ 0",
        "示例：12,000",
        "必填",
    ]
    assert wb["campaign"]["A2"].comment.text.startswith("活动名称（name）\n含义：活动名称，印在每页页脚")
    english = tmp_path / "en.xlsx"
    runner.invoke(main, ["init", str(english), "--lang", "en"])
    comment = openpyxl.load_workbook(english)["revenue"]["E1"].comment.text
    assert (
        comment
        == "discount (折扣)\nMeaning: discount, 0.2 = 20% off\nUnit: a fraction, 0–1\nExample: 0.2 or 20%\nOptional"
    )


def test_init_blank_has_one_example_row_per_sheet_and_validate_says_what_to_fill(runner, tmp_path):
    import openpyxl

    path = tmp_path / "blank.xlsx"
    result = runner.invoke(main, ["init", str(path), "--blank"])
    assert result.exit_code == 0
    assert (
        result.stdout
        == f"{path}: written (one example row per sheet; replace them, then `budgetgen validate {path}`)\n"
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == list(SHEETS)  # every sheet, segments and tiers too
    for name in ("segments", "tiers", "budget", "revenue", "risks", "timeline", "history", "scenarios"):
        ws = wb[name]
        assert ws.max_row == 2, name
        assert ws["A2"].font.i and "example row" in ws["A2"].comment.text, name
    assert [r[0].value for r in wb["funnel"].iter_rows(min_row=2)] == [
        "reach",
        "open",
        "booking",
        "arrival",
        "purchase",
    ]
    assert all(r[1].value is None for r in wb["campaign"].iter_rows(min_row=2))
    check = runner.invoke(main, ["validate", str(path)])
    assert check.exit_code == 1
    assert check.stderr.splitlines() == [
        f"{path}: campaign!B2: name (活动名称) needs a value",
        f"{path}: campaign!B6: start (执行开始) needs a value",
        f"{path}: campaign!B7: end (执行结束) needs a value",
        f"{path}: campaign!B11: target_deals (目标成交) needs a value",
        f"{path}: campaign!B12: gross_margin (毛利率) needs a value",
        *(f"{path}: funnel!B{r}: rate is required" for r in range(2, 7)),
        "10 errors.",
    ]


def test_init_refuses_to_overwrite(runner, tmp_path):
    path = tmp_path / "mine.xlsx"
    path.write_text("precious")
    result = runner.invoke(main, ["init", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"{path}: already exists; pass --force to overwrite it\n"
    assert path.read_text() == "precious"


def test_init_needs_xlsx_name(runner, tmp_path):
    result = runner.invoke(main, ["init", str(tmp_path / "mine.csv")])
    assert result.exit_code == 2
    assert "the workbook name must end in .xlsx" in result.stderr


def test_usage_error_exits_2(runner):
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "Missing argument 'INPUTS...'" in result.stderr


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["init"], ["track"], ["retro"], ["segment"]])
def test_every_help_has_an_example(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_help_imports_nothing_heavy():
    import subprocess
    import sys

    code = "import sys; from generator.cli import main; print(sorted(m for m in ('openpyxl','numpy','pandas','matplotlib','weasyprint','jinja2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
