"""The campaign page's data: the documents' own view of the results (tiles, tables, chart data)
plus the what-if fields. Nothing here computes a figure; charts take their printed values from
the tables the documents print."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ..fmt import ratio
from ..render.tables import Table, Tile
from ..results import Results
from . import svg


@dataclass(frozen=True)
class Field:
    """One what-if input: its path, its reader's label, its base value as shown (percent for rates)."""

    path: str
    label: str
    base: str
    unit: str
    step: str


@dataclass(frozen=True)
class Figures:
    """What the live panel shows, re-rendered on every what-if."""

    fingerprint: str
    tiles: list[Tile]
    feasibility: str
    feasible: bool
    funnel: Table
    funnel_chart: Markup
    categories: Table
    categories_chart: Markup
    scenarios: Table | None
    tornado: Markup | None
    roi_total: str


def figures(results: Results, lang: str) -> Figures:
    from ..render.view import proposal_view

    v = proposal_view(results, lang)
    f, c = v.plan.funnel_chart, v.budget.categories_chart
    rows = v.plan.funnel_table.rows
    funnel = svg.bars(
        f.title,
        f.data["labels"],
        [f.data["forward"], f.data["required"]],
        f.data["legend"],
        [[r[2] for r in rows], [r[3] for r in rows]],
    )
    table = v.budget.categories_table
    shown = table.rows[: len(c.data["values"])]
    categories = svg.bars(
        c.title, c.data["labels"][: len(shown)], [c.data["values"]], [table.head[1]], [[r[1] for r in shown]]
    )
    t = v.roi.tornado_chart
    campaign_roi = [tile for tile in v.roi.tiles if tile.label == v.doc.t["roi_campaign"]]
    return Figures(
        results.fingerprint,
        [*v.exec.tiles, *campaign_roi],
        v.exec.feasibility,
        v.exec.feasible,
        v.plan.funnel_table,
        funnel,
        table,
        categories,
        v.compare.scenarios_table,
        svg.tornado(t.title, t.data, ratio) if t else None,
        ratio(results.plan.roi.total),
    )


def fields(results: Results, lang: str) -> list[tuple[str, list[Field]]]:
    """Every numeric assumption, grouped as the parameter paths (campaign, funnel, segment, …)."""
    from ..calc.params import CAPPED, base_value, every_path, split
    from ..i18n.labels import param_label

    groups: dict[str, list[Field]] = {}
    for path in every_path(results.model):
        kind, _, field = split(path)
        value = base_value(results.model, path)
        rate = field in CAPPED
        shown = value * 100 if rate else value
        text = format(shown.normalize(), "f") if shown == shown else "0"
        groups.setdefault(kind, []).append(
            Field(path, param_label(path, lang), text, "%" if rate else "", "0.1" if rate else "any")
        )
    return list(groups.items())


def overrides_from_form(form: dict, results: Results) -> dict[str, str]:
    """The what-if form's changed fields as absolute values (rates back from percent)."""
    from ..calc.params import CAPPED, base_value, every_path, split

    out: dict[str, str] = {}
    for path in every_path(results.model):
        given = str(form.get(path, "")).strip().replace(",", "").rstrip("%")
        if not given:
            continue
        try:
            value = Decimal(given)
        except ArithmeticError:
            out[path] = given  # reported as not a number by the engine
            continue
        if split(path)[2] in CAPPED:
            value = value / 100
        if value != base_value(results.model, path):
            out[path] = str(value)
    return out


def campaign_rows(rows: list[dict]) -> list[dict]:
    """The store's campaign list with its figures as the page prints them (元, 1.93:1)."""
    from ..fmt import num, yuan

    out = []
    for row in rows:
        budget, roi, deals = row["budget_total"], row["roi_total"], row["deals"]
        shown = {
            "budget_display": yuan(Decimal(budget)) if budget is not None else "—",
            "deals_display": num(deals) if deals is not None else "—",
            "roi_display": ratio(Decimal(roi)) if roi is not None else "—",
        }
        out.append({**row, **shown})
    return out
