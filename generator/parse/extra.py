"""Validate the sheets later stages read: tiers, goals, scenarios, sensitivity,
stress, uncertainty, risks, timeline, history, benchmarks, narrative."""

from __future__ import annotations

from decimal import Decimal

from ..errors import Collector, msg
from ..io.grid import Grid
from ..model import Benchmark, BudgetLine, Goal, HistoryRow, Override, Phase, Risk, Tier
from ..schema import SHEETS, columns_of
from ..schema_actuals import TRACK_METRICS
from .tables import read_table, unique


def _present(row, keys):
    return {k: row[k] for k in keys if row[k] is not None}


def parse_tiers(grid: Grid, problems: Collector, budget: tuple[BudgetLine, ...]) -> tuple[Tier, ...]:
    rows = read_table(grid, SHEETS["tiers"], problems)
    items = {b.item for b in budget}
    tiers: list[Tier] = []
    by_item: dict[str, list] = {}
    for r in rows:
        item = str(r["item"])
        if item not in items:
            valid = ", ".join(sorted(items))
            problems.error(
                r.at("item"), 'tier names no budget line "{item}"; valid items: {valid}', item=item, valid=valid
            )
            continue
        by_item.setdefault(item, []).append(r)
    for item, group in by_item.items():
        metrics = {g["metric"] for g in group}
        if len(metrics) > 1:
            problems.error(
                group[0].at("metric"),
                'tiers of "{item}" use several metrics ({metrics}); use one',
                item=item,
                metrics=", ".join(sorted(metrics)),
            )
            continue
        starts: dict[Decimal, str] = {}
        for g in group:
            if g["from"] in starts:
                problems.error(
                    g.at("from"),
                    'tiers of "{item}" repeat from = {start} (first at {first})',
                    item=item,
                    start=g["from"],
                    first=starts[g["from"]],
                )
            starts.setdefault(g["from"], g.at("from"))
        if Decimal(0) not in starts:
            problems.error(group[0].at("from"), 'tiers of "{item}" need a band starting at 0', item=item)
        for g in group:
            tiers.append(
                Tier(item, str(g["metric"]), g["from"], **_present(g, ("unit_cost", "lump_sum")), where=g.where)
            )
    return tuple(tiers)


def parse_goals(grid: Grid, problems: Collector) -> tuple[Goal, ...]:
    rows = read_table(grid, SHEETS["goals"], problems)
    return tuple(
        Goal(str(r["level"]), str(r["metric"]), r["target"], **_present(r, ("baseline", "unit", "note")), where=r.where)
        for r in rows
    )


def parse_overrides(grid: Grid, problems: Collector, sheet: str) -> tuple[Override, ...]:
    rows = read_table(grid, SHEETS[sheet], problems)
    out: list[Override] = []
    for r in rows:
        if sheet == "scenarios":
            out.append(
                Override(
                    str(r["scenario"]),
                    str(r["parameter"]),
                    (r["value"],),
                    r["label"],
                    bool(r["recommended"]),
                    r.at("parameter"),
                )
            )
        elif sheet == "sensitivity":
            out.append(Override("", str(r["parameter"]), (r["low"], r["high"]), where=r.at("parameter")))
        elif sheet == "stress":
            out.append(Override(str(r["case"]), str(r["parameter"]), (r["change"],), where=r.at("parameter")))
        else:
            low, mode, high = r["low"], r["mode"], r["high"]
            if not low <= mode <= high:
                problems.error(
                    r.at("mode"),
                    "uncertainty needs low ≤ mode ≤ high, got {low}, {mode}, {high}",
                    low=low,
                    mode=mode,
                    high=high,
                )
                continue
            out.append(Override("", str(r["parameter"]), (low, mode, high), where=r.at("parameter")))
    if sheet == "scenarios":
        labels: dict[str, str] = {}
        for o in out:
            if o.label and labels.setdefault(o.group, o.label) != o.label:
                problems.warn(
                    o.where,
                    'scenario "{name}" has two labels; the first, "{label}", is used',
                    name=o.group,
                    label=labels[o.group],
                )
        if len({o.group for o in out if o.recommended}) > 1:
            problems.error(grid.where, "more than one scenario is marked recommended; mark one")
    return tuple(out)


def parse_risks(grid: Grid, problems: Collector) -> tuple[Risk, ...]:
    rows = read_table(grid, SHEETS["risks"], problems)
    keys = columns_of("risks")[1:]  # all but the risk's name
    risks = []
    for r in rows:
        trigger = [r[k] is not None for k in ("trigger_metric", "trigger_op", "trigger_value")]
        if any(trigger) and not all(trigger):
            problems.error(r.where, "a trigger needs trigger_metric, trigger_op and trigger_value together")
            continue
        if r["trigger_metric"] is not None and r["trigger_metric"] not in TRACK_METRICS:
            problems.error(
                r.at("trigger_metric"),
                'unknown trigger metric "{metric}"; use one of {known}',
                metric=r["trigger_metric"],
                known=", ".join(TRACK_METRICS),
            )
            continue
        risks.append(Risk(str(r["risk"]), **_present(r, keys), where=r.where))
    return tuple(risks)


def parse_timeline(grid: Grid, problems: Collector) -> tuple[Phase, ...]:
    phases = []
    for r in read_table(grid, SHEETS["timeline"], problems):
        if r["end"] < r["start"]:
            problems.error(r.at("end"), "phase ends ({end}) before it starts ({start})", end=r["end"], start=r["start"])
            continue
        phases.append(Phase(str(r["phase"]), r["start"], r["end"], where=r.where))
    return tuple(phases)


def parse_history(grid: Grid, problems: Collector) -> tuple[HistoryRow, ...]:
    keys = ("year", "budget", "revenue", "gross_profit", "deals", "roi")
    return tuple(
        HistoryRow(str(r["campaign"]), **_present(r, keys), where=r.where)
        for r in read_table(grid, SHEETS["history"], problems)
    )


def parse_benchmarks(grid: Grid, problems: Collector) -> tuple[Benchmark, ...]:
    rows = read_table(grid, SHEETS["benchmarks"], problems)
    unique(rows, "category", problems, msg("benchmark category"))
    out = []
    for r in rows:
        if r["share_low"] > r["share_high"]:
            problems.error(r.at("share_high"), "share_high must be ≥ share_low")
            continue
        out.append(Benchmark(str(r["category"]), r["share_low"], r["share_high"], where=r.where))
    return tuple(out)


def parse_narrative(grid: Grid, problems: Collector) -> tuple[tuple[str, str], ...]:
    rows = read_table(grid, SHEETS["narrative"], problems)
    unique(rows, "key", problems, msg("narrative key"))
    return tuple((str(r["key"]), str(r["text"])) for r in rows if r["text"])
