"""Parameter paths (`funnel.open`, `budget.<item>.unit_cost`, …): one resolver
for scenarios, sensitivity, stress and uncertainty.

A path names one number of the model. :func:`base_value` reads it (a blank
segment rate reads the funnel's), :func:`apply` returns a new model with some
paths set. Whole-number fields are rounded half away from zero.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from ..errors import MessageError
from ..model import Model
from ..rounding import round_count
from ..schema import RATES

CAMPAIGN_FIELDS = (
    "pool_customers",
    "touches_per_customer",
    "target_deals",
    "gross_margin",
    "contingency_rate",
    "roi_floor",
)
FIELDS = {
    "segment": ("customers", "ltv", "touches", *RATES),
    "channel": ("reachable", "sends", "unit_cost", "fixed_cost"),
    "budget": ("quantity", "times", "unit_cost", "lump_sum"),
    "revenue": ("quantity", "unit_value", "discount", "lump_sum", "margin"),
}
WHOLE = {"pool_customers", "target_deals", "customers", "reachable"}
CAPPED = {*RATES, "gross_margin", "contingency_rate", "discount", "margin"}  # kept in [0, 1]


class PathError(MessageError):
    pass


def split(path: str) -> tuple[str, str | None, str]:
    """`budget.到店礼包.unit_cost` → ("budget", "到店礼包", "unit_cost"); names may hold dots."""
    head, _, rest = path.strip().partition(".")
    if not rest:
        raise PathError(
            '"{path}" is not a parameter path; write e.g. funnel.open or budget.<item>.unit_cost', path=path
        )
    if head in ("campaign", "funnel"):
        return head, None, rest
    name, _, field = rest.rpartition(".")
    if head not in FIELDS or not name:
        raise PathError(
            '"{path}" is not a parameter path; use campaign.<key>, funnel.<stage>, segment.<name>.<field>, '
            "channel.<name>.<field>, budget.<item>.<field> or revenue.<item>.<field>",
            path=path,
        )
    return head, name, field


def _collection(model: Model, kind: str):
    return {
        "segment": (model.segments, "name"),
        "channel": (model.channels, "name"),
        "budget": (model.budget, "item"),
        "revenue": (model.revenue, "item"),
    }[kind]


def check(model: Model, path: str) -> None:
    """Raise :class:`PathError` with a message that lists what is valid."""
    kind, name, field = split(path)
    if kind == "campaign":
        if field not in CAMPAIGN_FIELDS:
            raise PathError(
                'unknown campaign key "{field}" in "{path}"; use one of {known}',
                field=field,
                path=path,
                known=", ".join(CAMPAIGN_FIELDS),
            )
        if field == "pool_customers" and model.segments:
            raise PathError('"{path}" has no effect with segments; change segment.<name>.customers', path=path)
        return
    if kind == "funnel":
        if field not in RATES:
            raise PathError(
                'unknown funnel stage "{field}" in "{path}"; use one of {known}',
                field=field,
                path=path,
                known=", ".join(RATES),
            )
        return
    rows, key = _collection(model, kind)
    names = [getattr(r, key) for r in rows]
    if name not in names:
        raise PathError(
            'no {kind} named "{name}" in "{path}"; valid names: {valid}',
            kind=kind,
            name=name,
            path=path,
            valid=", ".join(names) or "—",
        )
    if field not in FIELDS[kind]:
        raise PathError(
            'unknown field "{field}" in "{path}"; a {kind} has {known}',
            field=field,
            path=path,
            kind=kind,
            known=", ".join(FIELDS[kind]),
        )


def base_value(model: Model, path: str) -> Decimal:
    kind, name, field = split(path)
    if kind == "campaign":
        value = getattr(model.campaign, field)
        if field == "pool_customers" and model.segments:
            value = model.pool
    elif kind == "funnel":
        value = model.funnel.rate(field)
    else:
        rows, key = _collection(model, kind)
        row = next(r for r in rows if getattr(r, key) == name)
        value = getattr(row, field)
        if value is None and kind == "segment" and field in RATES:
            value = model.funnel.rate(field)
        elif value is None and kind == "segment" and field == "touches":
            value = model.campaign.touches_per_customer
        elif value is None and field == "margin":
            value = model.campaign.gross_margin
    return Decimal(value if value is not None else 0)


def _coerce(field: str, value: Decimal) -> Decimal | int:
    if field in WHOLE:
        return max(0, round_count(value))
    if field in CAPPED:
        return min(max(value, Decimal(0)), Decimal(1))
    return value


def apply(model: Model, values: dict[str, Decimal]) -> Model:
    """A new model with each path set to its value (absolute, not relative)."""
    campaign, funnel = model.campaign, model.funnel
    lists = {k: list(_collection(model, k)[0]) for k in FIELDS}
    for path, value in values.items():
        kind, name, field = split(path)
        v = _coerce(field, Decimal(value))
        change: dict[str, Any] = {field: v}
        if kind == "campaign":
            campaign = dataclasses.replace(campaign, **change)
        elif kind == "funnel":
            funnel = dataclasses.replace(funnel, **change)
        else:
            rows, key = lists[kind], _collection(model, kind)[1]
            i = next(i for i, r in enumerate(rows) if getattr(r, key) == name)
            rows[i] = dataclasses.replace(rows[i], **{field: v})
    return dataclasses.replace(
        model,
        campaign=campaign,
        funnel=funnel,
        segments=tuple(lists["segment"]),
        channels=tuple(lists["channel"]),
        budget=tuple(lists["budget"]),
        revenue=tuple(lists["revenue"]),
    )


def relative(model: Model, changes: dict[str, Decimal]) -> dict[str, Decimal]:
    """Absolute values for relative changes: base × (1 + change)."""
    return {path: base_value(model, path) * (1 + change) for path, change in changes.items()}


def every_path(model: Model) -> list[str]:
    """Every numeric assumption as a parameter path, in the workbook's order: what a what-if may change.

    ``campaign.pool_customers`` is left out with segments (each segment's customers count instead).
    """
    out = [f"campaign.{f}" for f in CAMPAIGN_FIELDS if not (f == "pool_customers" and model.segments)]
    if model.campaign.roi_floor is None:
        out.remove("campaign.roi_floor")
    out += [f"funnel.{r}" for r in RATES if r != "reach"]
    for kind, fields in FIELDS.items():
        rows, key = _collection(model, kind)
        out += [f"{kind}.{getattr(r, key)}.{f}" for r in rows for f in fields]
    return out


def bounds(path: str) -> tuple[Decimal, Decimal | None]:
    """The values a path may take: [0, 1] for rates, margins and discounts; ≥ 0 otherwise."""
    return Decimal(0), Decimal(1) if split(path)[2] in CAPPED else None
