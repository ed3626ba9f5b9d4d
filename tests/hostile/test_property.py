"""Property: for any mutated workbook or CSV folder, the tool builds or exits 1 with located
messages: never a traceback, never partial output."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from generator.cli import main
from generator.errors import InputError
from generator.io.results_json import results_json
from generator.io.workbook import write_budget_workbook
from generator.pipeline import load
from generator.render.proposal import proposal_html
from generator.render.view import proposal_view
from generator.results import compute
from tests.conftest import Case

CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "abc",
            "15%",
            "1,234.50",
            "-1",
            "0",
            "1e400",
            "NaN",
            "=1+1",
            "是",
            "2024-13-45",
            "￥30",
            "1.5",
            "100%",
        ]
    ),
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=True, allow_infinity=True),
)
SHEETS = [
    "campaign",
    "funnel",
    "channels",
    "budget",
    "revenue",
    "scenarios",
    "sensitivity",
    "risks",
    "timeline",
    "goals",
]


@st.composite
def mutations(draw):
    edits = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        sheet = draw(st.sampled_from(SHEETS))
        edits.append((sheet, draw(st.integers(0, 30)), draw(st.integers(0, 10)), draw(CELL)))
    return edits, draw(st.booleans())


def apply(case: Case, edits) -> None:
    for sheet, r, c, value in edits:
        rows = case.campaign if sheet == "campaign" else case.rows(sheet)
        row = rows[r % len(rows)]
        row[c % len(row)] = value


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_any_mutated_input_builds_or_fails_cleanly(mutation):
    edits, as_csv = mutation
    case = Case()
    apply(case, edits)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        try:
            path = case.csv_folder(tmp / "in") if as_csv else case.xlsx(tmp / "in.xlsx")
        except (ValueError, TypeError, OverflowError, IllegalCharacterError):
            return  # openpyxl cannot even store such a value (e.g. an illegal control character)
        try:
            results = compute(load(path).model, draws=200)
        except InputError as exc:
            assert exc.errors
            assert all(str(p).startswith(str(path)) for p in exc.problems)
            result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp / "out")])
            assert result.exit_code == 1
            assert result.exception is None or isinstance(result.exception, SystemExit)
            assert "Traceback" not in result.output
            assert not (tmp / "out").exists()
            return
        results_json(results)
        write_budget_workbook(results, tmp / "budget.xlsx")
        proposal_html(proposal_view(results, "zh"))
