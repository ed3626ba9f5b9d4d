"""Golden file of the demo's results.json; `pytest --update-golden` rewrites it."""

import pytest

from generator.io.results_json import results_json
from tests.conftest import GOLDEN


def test_demo_results_json_matches_golden(demo_results, update_golden):
    text = results_json(demo_results)
    golden = GOLDEN / "demo-results.json"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden file yet: run `pytest --update-golden` and review the diff"
    assert text == golden.read_text(encoding="utf-8")


def test_demo_lands_near_the_seed_headline(demo_results):
    # seed 000: ~6,000 deals, ~87万 budget, total ROI ~1.93:1, marketing ROI ~9.2:1
    plan = demo_results.plan
    assert 6000 <= plan.funnel.forward.deals <= 6200
    assert 860_000 <= plan.budget.total <= 880_000
    assert 1.90 <= float(plan.roi.total) <= 1.96
    assert 8.8 <= float(plan.roi.marketing) <= 9.6
    assert plan.funnel.feasible


def _compare(name: str, text: str, update: bool) -> None:
    golden = GOLDEN / name
    if update:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden {name} yet: run `pytest --update-golden` and review the diff"
    assert text == golden.read_text(encoding="utf-8"), f"{name} changed: review, then `pytest --update-golden`"


def _cells(path) -> str:
    """Every cell of a workbook, value or formula, one line each: a refactor's change shows in a diff."""
    from openpyxl import load_workbook

    lines = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            lines += [f"{ws.title}!{c.coordinate}\t{c.value!r}" for c in row if c.value is not None]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def follow_ups(tmp_path_factory):
    from click.testing import CliRunner

    from generator.cli import main
    from tests.conftest import DEMO

    root = tmp_path_factory.mktemp("follow")
    runner = CliRunner()
    daily, actuals = DEMO.with_name("demo-daily.csv"), DEMO.with_name("demo-actuals.xlsx")
    customers = root / "customers.csv"
    customers.write_text(
        "customer_id,last_visit,visits_12m,spend_12m,ltv\n"
        + "".join(
            f"C{i},2024-0{1 + i % 3}-0{1 + i % 9},{i % 5},{i * 137 % 9000},{i * 911 % 20000}\n" for i in range(60)
        ),
        encoding="utf-8",
    )
    for args in (
        ["build", str(DEMO), "-o", str(root / "build")],
        ["track", str(DEMO), str(daily), "-o", str(root / "track")],
        ["retro", str(DEMO), str(actuals), "-o", str(root / "retro")],
        ["segment", str(customers), "--as-of", "2024-04-05", "-o", str(root / "segment")],
    ):
        result = runner.invoke(main, [*args, "--lang", "zh"])
        assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("demo-tracking.json", "track/tracking.json"),
        ("demo-retro.json", "retro/retro.json"),
        ("demo-segments.json", "segment/segments.json"),
        ("demo-budget-cells.txt", "build/budget.xlsx"),
        ("demo-retro-cells.txt", "retro/retro.xlsx"),
    ],
)
def test_outputs_match_their_snapshots(follow_ups, update_golden, name, path):
    file = follow_ups / path
    text = _cells(file) if file.suffix == ".xlsx" else file.read_text(encoding="utf-8")
    _compare(name, text, update_golden)
