"""The same case read from .xlsx and from CSV in each encoding gives identical results."""

import pytest

from generator.io.results_json import results_json
from generator.pipeline import load
from generator.results import compute
from tests.conftest import DEMO


def _json(path):
    return results_json(compute(load(path).model))


@pytest.fixture(scope="module")
def demo_json():
    return _json(DEMO)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_folder_in_each_encoding_matches_the_workbook(case, tmp_path, encoding, demo_json):
    folder = case.csv_folder(tmp_path / "demo", encoding=encoding)
    assert _json(folder) == demo_json


def test_chinese_headers_and_text_numbers(case, tmp_path, demo_json):
    case.sheets["funnel"][1][1][1] = "15%"
    case.set("channels", 0, "reachable", "35,000")
    case.set("budget", 4, "unit_cost", "380.00")
    case.set_campaign("start", "2024/5/1")
    case.set_campaign("gross_margin", "35%")
    folder = case.csv_folder(tmp_path / "demo", chinese_headers=True)
    assert _json(folder) == demo_json


def test_init_writes_the_committed_demo(tmp_path, demo_results):
    from click.testing import CliRunner

    from generator.cli import main
    from generator.fingerprint import fingerprint

    out = tmp_path / "fresh.xlsx"
    result = CliRunner().invoke(main, ["init", str(out)])
    assert result.exit_code == 0, result.output
    assert fingerprint(load(out).model) == demo_results.fingerprint


def test_fingerprint_changes_with_any_assumption(case, tmp_path, demo_results):
    case.set("budget", 1, "unit_cost", 6)
    assert compute(load(case.xlsx(tmp_path / "x.xlsx")).model).fingerprint != demo_results.fingerprint


def test_headers_match_whatever_the_width_of_their_punctuation():
    from generator.schema import match_key
    from generator.schema_actuals import ACTUALS

    labels = {c.key: c.label for c in ACTUALS["costs"].columns}
    # a workbook written before the labels became full-width, a hand-typed header, and init's bilingual one
    assert match_key("计划(参考)", labels) == "plan"
    assert match_key("计划（参考）", labels) == "plan"
    assert match_key("计划(参考) (plan)", labels) == "plan"
    assert match_key("类别", labels) == "category"
