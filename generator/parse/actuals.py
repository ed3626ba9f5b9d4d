"""The actuals workbook of `retro`: daily, costs, revenue, lessons (and optional goals)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import Collector, msg
from ..model import CONTINGENCY, Actuals, Model
from ..schema import match_key
from ..schema_actuals import ACTUALS
from .daily import parse_daily
from .tables import read_table, unique

CONTINGENCY_NAMES = {"应急储备", CONTINGENCY, "contingency reserve"}


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
    valid_costs, unplanned = _costs(grids["costs"], model, problems)
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
    _reconcile(daily, valid_costs, unplanned, grids["daily"], problems)
    return Actuals(daily, tuple(valid_costs), tuple(valid_revenue), lessons, goals, tuple(unplanned))


def _reconcile(daily, costs: list, unplanned: list, grid, problems: Collector) -> None:
    """The daily spend column and the costs sheet should tell the same total: warn when over 1% apart."""
    spent = [d.spend for d in daily or () if d.spend is not None]
    total = sum((a for _, a in costs), Decimal(0)) + sum((a for _, _, a in unplanned), Decimal(0))
    if not spent or not total:
        return
    gap = (sum(spent, Decimal(0)) - total) / total
    if abs(gap) > Decimal("0.01"):
        problems.warn(
            grid.where,
            "the daily spend adds to {daily:,.2f} but the costs sheet to {costs:,.2f} ({gap:+.1%}); "
            "the retro counts the costs sheet",
            daily=sum(spent, Decimal(0)),
            costs=total,
            gap=gap,
        )


def _costs(grid, model: Model, problems: Collector) -> tuple[list, list]:
    """Actual cost per planned item (and the contingency used); spend on an item the plan did not have is
    recorded as unplanned when its category is given. A planned item with no row is warned about."""
    items = [b.item for b in model.budget if not b.memo] + [c.name for c in model.channels]
    costs = read_table(grid, ACTUALS["costs"], problems)
    unique(costs, "item", problems, msg("cost item"))
    valid, unplanned = [], []
    for r in costs:
        item = str(r["item"])
        if item.lower() in CONTINGENCY_NAMES:
            valid.append((CONTINGENCY, r["actual"]))
        elif item in items:
            valid.append((item, r["actual"]))
        elif r["category"]:
            unplanned.append((r["category"], item, r["actual"]))
        else:
            problems.error(
                r.at("item"),
                '"{item}" names no budget line or channel; to record unplanned spend, give its category '
                "(类别); planned items: {valid}, 应急储备",
                item=item,
                valid=", ".join(items),
            )
    reported = {item for item, _ in valid}
    for item in items:
        if item not in reported and not problems.has_errors:
            problems.warn(grid.where, 'no actual cost for "{item}": shown as not reported, not as 0', item=item)
    return valid, unplanned


def read_actuals(path: Path, model: Model, problems: Collector) -> Actuals | None:
    from ..io.xlsx_reader import read_xlsx

    if not path.is_file():
        problems.error(str(path), "no such file")
        return None
    source = read_xlsx(path, str(path), problems)
    return parse_actuals(source, model, problems) if source is not None else None
