"""The actuals workbook of `retro`: daily, costs, revenue, lessons (and optional goals)."""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector, msg
from ..model import CONTINGENCY, Actuals, Model
from ..schema import match_key
from ..schema_actuals import ACTUALS
from .daily import parse_daily
from .tables import read_table, unique


def parse_actuals(source, model: Model, problems: Collector) -> Actuals | None:
    grids = {}
    for name, grid in source.grids.items():
        key = match_key(name, {k: s.label for k, s in ACTUALS.items()})
        if key and key not in grids:
            grids[key] = grid
    for key in ("daily", "costs", "revenue"):
        if key not in grids:
            problems.error(
                source.path,
                'no "{key}" sheet ({label}); `budgetgen init --actuals PATH --from INPUT` writes one',
                key=key,
                label=ACTUALS[key].label,
            )
    if problems.has_errors:
        return None
    daily = parse_daily(grids["daily"], model.campaign, problems)
    items = [b.item for b in model.budget if not b.memo] + [c.name for c in model.channels]
    costs = read_table(grids["costs"], ACTUALS["costs"], problems)
    unique(costs, "item", problems, msg("cost item"))
    valid_costs = []
    for r in costs:
        item = str(r["item"])
        if item in ("应急储备", CONTINGENCY):
            item = CONTINGENCY
        elif item not in items:
            problems.error(
                r.at("item"),
                '"{item}" names no budget line or channel; valid items: {valid}, contingency',
                item=item,
                valid=", ".join(items),
            )
            continue
        valid_costs.append((item, r["actual"]))
    revenue_items = [x.item for x in model.revenue]
    revenue = read_table(grids["revenue"], ACTUALS["revenue"], problems)
    unique(revenue, "item", problems, msg("revenue item"))
    valid_revenue = []
    for r in revenue:
        if r["item"] not in revenue_items:
            problems.error(
                r.at("item"),
                '"{item}" names no revenue line; valid items: {valid}',
                item=r["item"],
                valid=", ".join(revenue_items),
            )
            continue
        valid_revenue.append((str(r["item"]), r["actual"]))
    lessons = (
        tuple((str(r["kind"]), str(r["text"])) for r in read_table(grids["lessons"], ACTUALS["lessons"], problems))
        if "lessons" in grids
        else ()
    )
    goals = (
        tuple((str(r["metric"]), r["actual"]) for r in read_table(grids["goals"], ACTUALS["goals"], problems))
        if "goals" in grids
        else ()
    )
    return Actuals(daily, tuple(valid_costs), tuple(valid_revenue), lessons, goals)


def read_actuals(path: Path, model: Model, problems: Collector) -> Actuals | None:
    from ..io.xlsx_reader import read_xlsx

    if not path.is_file():
        problems.error(str(path), "no such file")
        return None
    source = read_xlsx(path, str(path), problems)
    return parse_actuals(source, model, problems) if source is not None else None
