"""Validate the sheets the plan is computed from: campaign, funnel, segments,
channels, budget and revenue."""

from __future__ import annotations

from decimal import Decimal

from ..errors import Collector, Named, msg
from ..io.grid import Grid
from ..model import BudgetLine, Campaign, Channel, Funnel, RevenueLine, Segment
from ..schema import ENUM_LABELS, RATE_INTO, RATES, SHEETS, STAGES, match_key
from ..schema_campaign import CAMPAIGN_KEYS
from ..values import CONVERTERS, BadValue, is_blank, to_decimal
from .tables import Row, read_table, unique

MAX_DAYS = 366
MAX_CUSTOMERS = 100_000_000
_DEFAULTS = {"touches_per_customer": Decimal(1), "contingency_rate": Decimal("0.08")}


def parse_campaign(grid: Grid, problems: Collector, has_segments: bool) -> Campaign | None:
    values: dict[str, object] = {}
    seen: dict[str, str] = {}
    for row in read_table(grid, SHEETS["campaign"], problems):
        name = str(row["key"])
        key = match_key(name, {k.key: k.label for k in CAMPAIGN_KEYS.values()})
        if key is None:
            problems.warn(row.at("key"), 'unknown campaign key "{name}" is ignored', name=name)
            continue
        if key in seen:
            first = seen[key].rsplit("!", 1)[0]
            problems.error(row.at("key"), 'duplicate campaign key "{key}" (first at {first})', key=key, first=first)
            continue
        seen[key] = row.at("value")
        raw = row["value"]
        spec = CAMPAIGN_KEYS[key]
        if is_blank(raw):
            if spec.required:
                problems.error(row.at("value"), "{key} ({label}) needs a value", key=key, label=spec.label)
            continue
        try:
            values[key] = CONVERTERS[spec.kind](raw)
        except BadValue as exc:
            problems.error(row.at("value"), "{field} {reason}", field=Named(key, spec.label), reason=exc.message)
            seen[key] = "bad"
    for spec in CAMPAIGN_KEYS.values():
        if spec.required and spec.key not in seen:
            problems.error(
                grid.where,
                'missing required key "{key}" ({label}); add a row with it and its value',
                key=spec.key,
                label=spec.label,
            )
    if "pool_customers" not in values and "pool_customers" not in seen and not has_segments:
        problems.error(
            grid.where,
            'missing key "pool_customers" (目标客户数); it is required unless a segments sheet is given',
        )
    if any(k not in values for k in ("name", "start", "end", "target_deals", "gross_margin")):
        return None
    if values["end"] < values["start"]:
        problems.error(seen["end"], "end {end} is before start {start}", end=values["end"], start=values["start"])
        return None
    days = (values["end"] - values["start"]).days + 1
    if days > MAX_DAYS:
        window = "the execution window is {days:,} days; a campaign runs at most {most} days"
        problems.error(seen["end"], window, days=days, most=MAX_DAYS)
        return None
    pool = values.get("pool_customers")
    if isinstance(pool, int) and pool > MAX_CUSTOMERS:
        too_many = "pool_customers is {pool:,}; at most {most:,} customers"
        problems.error(seen["pool_customers"], too_many, pool=pool, most=MAX_CUSTOMERS)
        return None
    if "fulfillment_end" in values and values["fulfillment_end"] < values["end"]:
        problems.warn(seen["fulfillment_end"], "fulfillment_end is before the execution window ends")
    for key, default in _DEFAULTS.items():
        values.setdefault(key, default)
    return Campaign(**values, where={k: v for k, v in seen.items() if v != "bad"})  # type: ignore[arg-type]


def parse_funnel(grid: Grid, problems: Collector) -> tuple[Funnel | None, dict[str, str], set[str]]:
    """The funnel, each rate's cell, and the stages given as zero (an error)."""
    rates: dict[str, Decimal] = {}
    cells: dict[str, str] = {}
    zero: set[str] = set()
    sheet = SHEETS["funnel"]
    named: set[str] = set()
    stage_labels = ENUM_LABELS["stage"]
    for number, raw_cells in grid.rows[1:]:  # stages named, even where the rate is bad
        key = match_key(str(raw_cells[0]), stage_labels) if raw_cells and raw_cells[0] is not None else None
        if key:
            named.add(key)
            if len(raw_cells) > 1 and to_decimal(raw_cells[1]) == 0:
                zero.add(key)
                cells[key] = grid.cell(number, 1)
    rows = read_table(grid, sheet, problems)
    unique(rows, "stage", problems, msg("stage"))
    for row in rows:
        rates.setdefault(str(row["stage"]), row["rate"])  # type: ignore[arg-type]
        cells.setdefault(str(row["stage"]), row.at("rate"))
    rates.setdefault("reach", Decimal(1))
    missing = [r for r in RATES if r not in rates and r not in named]
    for rate in missing:
        problems.error(
            grid.where, 'missing stage "{rate}"; every funnel needs open, booking, arrival, purchase', rate=rate
        )
    if missing or zero or len(rows) < len(grid.rows) - 1:
        return None, cells, zero
    return Funnel(**rates), cells, zero


def parse_segments(grid: Grid, problems: Collector) -> tuple[Segment, ...]:
    rows = read_table(grid, SHEETS["segments"], problems)
    unique(rows, "segment", problems, msg("segment"))
    return tuple(
        Segment(
            name=str(r["segment"]),
            customers=r["customers"],  # type: ignore[arg-type]
            **{k: r[k] for k in ("ltv", "touches", *RATES) if r[k] is not None},  # type: ignore[arg-type]
            where=r.where,
        )
        for r in rows
    )


def parse_channels(grid: Grid, problems: Collector, seen: dict[str, str]) -> tuple[Channel, ...]:
    rows = read_table(grid, SHEETS["channels"], problems)
    unique(rows, "channel", problems, msg("item or channel name"), seen)
    return tuple(
        Channel(
            name=str(r["channel"]),
            reachable=r["reachable"],  # type: ignore[arg-type]
            **{k: r[k] for k in ("sends", "unit_cost", "fixed_cost", "note") if r[k] is not None},  # type: ignore[arg-type]
            where=r.where,
        )
        for r in rows
    )


def _check_driver(row: Row, price: str, problems: Collector, ctx: DriverContext) -> bool:
    driver = row["driver"]
    if driver == "lump":
        if row["lump_sum"] is None:
            problems.error(row.at("lump_sum"), "lump_sum is required when driver is lump")
            return False
        return True
    if driver == "fixed" and row["quantity"] is None:
        problems.error(row.at("quantity"), "quantity is required when driver is fixed")
        return False
    if row[price] is None:
        problems.error(row.at(price), "{price} is required when driver is {driver}", price=price, driver=driver)
        return False
    segment = row["segment"]
    if segment is not None and segment not in ctx.segments:
        if ctx.segments:
            names = ", ".join(ctx.segments)
            problems.error(
                row.at("segment"), 'unknown segment "{segment}"; valid segments: {names}', segment=segment, names=names
            )
        else:
            problems.error(
                row.at("segment"), 'unknown segment "{segment}": the input has no segments sheet', segment=segment
            )
        return False
    if driver in STAGES and driver != "pool":
        for rate in RATES[: STAGES.index(str(driver))]:
            if rate in ctx.zero_rates:
                problems.error(
                    row.at("driver"),
                    'driver "{driver}" has no volume: the upstream rate {rate} is 0 ({cell})',
                    driver=driver,
                    rate=rate,
                    cell=ctx.rate_cells.get(rate, "funnel"),
                )
                return False
    return True


class DriverContext:
    def __init__(self, segments: tuple[Segment, ...], zero_rates: set[str], rate_cells: dict[str, str]):
        self.segments = [s.name for s in segments]
        self.zero_rates = zero_rates
        self.rate_cells = rate_cells


def _lines(rows, unit: str, problems: Collector, ctx: DriverContext, make, texts: tuple, optional: tuple) -> tuple:
    """Budget or revenue lines: the rows whose driver checks out, blank optional fields left to their defaults."""
    lines = []
    for r in rows:
        if not _check_driver(r, unit, problems, ctx):
            continue
        fields = {k: r[k] for k in optional if r[k] is not None}
        lines.append(make(**{k: str(r[k]) for k in texts}, **fields, where=r.where))
    return tuple(lines)


def parse_budget(grid: Grid, problems: Collector, seen: dict[str, str], ctx: DriverContext) -> tuple[BudgetLine, ...]:
    rows = read_table(grid, SHEETS["budget"], problems)
    unique(rows, "item", problems, msg("item or channel name"), seen)
    optional = ("quantity", "times", "unit_cost", "lump_sum", "memo", "note", "segment")
    return _lines(rows, "unit_cost", problems, ctx, BudgetLine, ("category", "item", "driver"), optional)


def parse_revenue(grid: Grid, problems: Collector, ctx: DriverContext) -> tuple[RevenueLine, ...]:
    rows = read_table(grid, SHEETS["revenue"], problems)
    unique(rows, "item", problems, msg("revenue item"))
    optional = ("quantity", "unit_value", "discount", "lump_sum", "margin", "horizon", "segment")
    return _lines(rows, "unit_value", problems, ctx, RevenueLine, ("item", "driver"), optional)


__all__ = [
    "RATE_INTO",
    "parse_budget",
    "parse_campaign",
    "parse_channels",
    "parse_funnel",
    "parse_revenue",
    "parse_segments",
]
