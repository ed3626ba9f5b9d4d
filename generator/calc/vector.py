"""The whole plan evaluated as numpy arrays over many parameter draws at once.

It mirrors calc/funnel, budget and roi exactly: counts rounded at each stage
and money to the fen, half away from zero. Money is carried in fen as
integral float64 (exact below 2**53), so sums never drift. Ties are judged
with a 1e-12 relative nudge, as Excel judges them at 15 digits, so binary
noise such as 1.005 × 100 = 100.49999999999999 still rounds up.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from ..model import Model
from ..schema import CATEGORIES, RATES, STAGES
from .params import CAPPED, WHOLE, split
from .tiers import RATE_METRICS


def xround(x: np.ndarray | float, places: int = 0) -> np.ndarray:
    """Excel's ROUND on arrays (half away from zero)."""
    scale = 10.0**places
    y = np.abs(x) * scale
    return np.copysign(np.floor(y + 0.5 + y * 1e-12), x) / scale


class Inputs:
    """Parameter values: drawn arrays where a path is uncertain, else the model's scalar."""

    def __init__(self, draws: dict[str, np.ndarray], size: int):
        self.draws, self.size = draws, size

    def __call__(self, path: str, default: Decimal | int | None) -> np.ndarray | float:
        if path not in self.draws:
            return float(default or 0)
        value = self.draws[path]
        field = split(path)[2]
        if field in WHOLE:
            value = np.maximum(0.0, xround(value))
        if field in CAPPED:
            value = np.clip(value, 0.0, 1.0)
        return value

    def drawn(self, path: str) -> bool:
        return path in self.draws


def _chain(pool, rates: dict, touches, size: int) -> dict[str, np.ndarray]:
    counts = {"pool": np.zeros(size) + pool, "reached": xround(pool * rates["reach"] * touches) + np.zeros(size)}
    for rate, stage in zip(RATES[1:], STAGES[2:], strict=True):
        counts[stage] = xround(counts[STAGES[STAGES.index(stage) - 1]] * rates[rate])
    return counts


def _funnel(model: Model, val: Inputs) -> tuple[dict, dict[str, dict]]:
    c = model.campaign
    rates = {r: val(f"funnel.{r}", model.funnel.rate(r)) for r in RATES}
    touches = val("campaign.touches_per_customer", c.touches_per_customer)
    if not model.segments:
        return _chain(val("campaign.pool_customers", c.pool_customers), rates, touches, val.size), {}
    per: dict[str, dict] = {}
    for s in model.segments:
        p = f"segment.{s.name}."
        srates = {
            r: val(p + r, getattr(s, r)) if getattr(s, r) is not None or p + r in val.draws else rates[r] for r in RATES
        }
        stouch = val(p + "touches", s.touches) if s.touches is not None or p + "touches" in val.draws else touches
        per[s.name] = _chain(val(p + "customers", s.customers), srates, stouch, val.size)
    total = {stage: sum(counts[stage] for counts in per.values()) for stage in STAGES}
    return total, per


def _metric(metric: str, counts: dict) -> np.ndarray:
    if metric in RATE_METRICS:
        num, den = RATE_METRICS[metric]
        d = counts[den]
        return np.divide(counts[num], d, out=np.zeros_like(d), where=d != 0)
    return counts[metric]


def _channel_amount(ch, val: Inputs, size: int) -> np.ndarray:
    p = f"channel.{ch.name}."
    sends = val(p + "reachable", ch.reachable) * val(p + "sends", ch.sends) * val(p + "unit_cost", ch.unit_cost)
    return xround((sends + val(p + "fixed_cost", ch.fixed_cost)) * 100) + np.zeros(size)


def _budget_amount(b, val: Inputs, size: int, counts: dict, bands: list) -> np.ndarray:
    """One budget line in fen per draw; a tiered line takes the band its metric reaches."""
    p = f"budget.{b.item}."
    if b.driver == "lump":
        return xround(val(p + "lump_sum", b.lump_sum) * 100) + np.zeros(size)
    qty = counts[b.driver] if b.driver in STAGES else val(p + "quantity", b.quantity)
    unit, lump = val(p + "unit_cost", b.unit_cost) + np.zeros(size), np.zeros(size)
    if bands:
        metric = _metric(bands[0].metric, counts)
        for t in bands:
            hit = metric >= float(t.start)
            unit, lump = np.where(hit, float(t.unit_cost), unit), np.where(hit, float(t.lump_sum), lump)
    return xround((qty * val(p + "times", b.times) * unit + lump) * 100) + np.zeros(size)


def _budget(model: Model, val: Inputs, size: int, counts) -> tuple[dict, dict]:
    """Lines and the six categories, per draw."""
    lines: dict[str, np.ndarray] = {}
    cat = {c: np.zeros(size) for c in CATEGORIES}
    for ch in model.channels:
        lines[ch.name] = _channel_amount(ch, val, size)
        cat["promotion"] = cat["promotion"] + lines[ch.name]
    bands: dict[str, list] = {}
    for t in sorted(model.tiers, key=lambda t: t.start):
        bands.setdefault(t.item, []).append(t)
    for b in model.budget:
        amount = lines[b.item] = _budget_amount(b, val, size, counts(b.segment), bands.get(b.item, []))
        if not b.memo:
            cat[b.category] = cat[b.category] + amount
    return lines, cat


def _revenue(model: Model, val: Inputs, size: int, counts) -> tuple[dict, dict, dict, dict]:
    """Revenue and gross profit per line and per horizon, per draw."""
    margin_default = val("campaign.gross_margin", model.campaign.gross_margin)
    revenue = {"campaign": np.zeros(size), "follow_up": np.zeros(size)}
    gp = {"campaign": np.zeros(size), "follow_up": np.zeros(size)}
    rev_lines, gp_lines = {}, {}
    for r in model.revenue:
        p = f"revenue.{r.item}."
        if r.driver == "lump":
            amount = xround(val(p + "lump_sum", r.lump_sum) * 100) + np.zeros(size)
        else:
            qty = counts(r.segment)[r.driver] if r.driver in STAGES else val(p + "quantity", r.quantity)
            amount = xround(qty * val(p + "unit_value", r.unit_value) * (1 - val(p + "discount", r.discount)) * 100)
        margin = val(p + "margin", r.margin) if r.margin is not None or val.drawn(p + "margin") else margin_default
        line_gp = xround(amount * margin) + np.zeros(size)
        rev_lines[r.item], gp_lines[r.item] = amount, line_gp
        revenue[r.horizon] = revenue[r.horizon] + amount
        gp[r.horizon] = gp[r.horizon] + line_gp
    return rev_lines, gp_lines, revenue, gp


def evaluate(model: Model, draws: dict[str, np.ndarray], size: int) -> dict:
    """Counts, every line in fen, totals and ROI, one entry per draw."""
    val = Inputs(draws, size)
    forward, per = _funnel(model, val)

    def counts(segment):
        return forward if segment is None else per[segment]

    lines, cat = _budget(model, val, size, counts)
    six = sum(cat.values())
    contingency = xround(val("campaign.contingency_rate", model.campaign.contingency_rate) * six)
    total = six + contingency
    rev_lines, gp_lines, revenue, gp = _revenue(model, val, size, counts)
    gp_total = gp["campaign"] + gp["follow_up"]
    with np.errstate(divide="ignore", invalid="ignore"):
        roi_total = np.where(total > 0, gp_total / np.where(total > 0, total, 1), np.nan)
    return {
        "counts": forward,
        "segments": per,
        "lines": lines,
        "categories": {**cat, "contingency": contingency},
        "total": total,
        "revenue_lines": rev_lines,
        "gp_lines": gp_lines,
        "revenue_total": revenue["campaign"] + revenue["follow_up"],
        "gp_total": gp_total,
        "deals": forward["deals"],
        "roi_total": roi_total,
    }
