"""Scenarios (方案A/B/C), the one-way tornado, stress cases and goal seek."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Model, Override
from .params import apply, relative
from .plan import Plan, compute_plan


@dataclass(frozen=True)
class ScenarioResult:
    name: str
    label: str
    recommended: bool
    plan: Plan
    overrides: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class TornadoBar:
    parameter: str
    low: Decimal
    high: Decimal
    roi_low: Decimal | None
    roi_high: Decimal | None

    @property
    def swing(self) -> Decimal:
        return abs((self.roi_high or Decimal(0)) - (self.roi_low or Decimal(0)))


@dataclass(frozen=True)
class StressResult:
    case: str
    changes: tuple[tuple[str, Decimal], ...]
    plan: Plan


def _groups(rows: tuple[Override, ...]) -> dict[str, list[Override]]:
    groups: dict[str, list[Override]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    return groups


def run_scenarios(model: Model) -> tuple[ScenarioResult, ...]:
    out = []
    for name, rows in _groups(model.scenarios).items():
        values = {r.parameter: r.values[0] for r in rows}
        label = next((r.label for r in rows if r.label), name)
        recommended = any(r.recommended for r in rows)
        out.append(ScenarioResult(name, label, recommended, compute_plan(apply(model, values)), tuple(values.items())))
    return tuple(out)


def tornado(model: Model) -> tuple[TornadoBar, ...]:
    bars = []
    for row in model.sensitivity:
        low, high = row.values
        roi_low = compute_plan(apply(model, relative(model, {row.parameter: low}))).roi.total
        roi_high = compute_plan(apply(model, relative(model, {row.parameter: high}))).roi.total
        bars.append(TornadoBar(row.parameter, low, high, roi_low, roi_high))
    return tuple(sorted(bars, key=lambda b: b.swing, reverse=True))


def stress_cases(model: Model) -> tuple[StressResult, ...]:
    out = []
    for case, rows in _groups(model.stress).items():
        changes = {r.parameter: r.values[0] for r in rows}
        out.append(StressResult(case, tuple(changes.items()), compute_plan(apply(model, relative(model, changes)))))
    return tuple(out)
