"""Write an actuals workbook: blank and pre-filled from a plan (`init --actuals`), or the demo's."""

from __future__ import annotations

from pathlib import Path

from ..schema_actuals import ACTUALS
from .input_writer import _header, put


def write_actuals_workbook(
    path: Path, sheets: dict[str, tuple[tuple[str, ...], list[tuple]]], lang: str = "zh"
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for key, (keys, rows) in sheets.items():
        ws = wb.create_sheet(key)
        columns = tuple(ACTUALS[key].column(k) for k in keys)
        _header(ws, f"actuals.{key}", columns, lang)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    put(ws, r, c, value)
    wb.save(path)


def plan_actuals(results) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """An actuals workbook to fill in: every day, every cost item and revenue item, with the plan beside."""
    plan = results.plan
    days = results.model.campaign.execution_days
    costs = [(x.item, None, float(x.amount)) for x in plan.budget.lines if not x.memo]
    costs.append(("应急储备", None, float(plan.budget.contingency)))  # read back as the contingency
    return {
        "daily": (
            ("day", "reached", "opened", "booked", "arrived", "deals", "revenue", "spend"),
            [(d, None, None, None, None, None, None, None) for d in range(1, days + 1)],
        ),
        "costs": (("item", "actual", "plan"), costs),
        "revenue": (("item", "actual", "plan"), [(x.item, None, float(x.amount)) for x in plan.revenue.lines]),
        "lessons": (("kind", "text"), []),
        "goals": (
            ("metric", "actual"),
            [(g.metric, None) for g in results.model.goals if g.metric not in results.plan.metrics()],
        ),
    }
