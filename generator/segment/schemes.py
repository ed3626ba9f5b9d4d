"""Segmentation schemes over a customer frame, vectorised (no per-row Python).

- status (always): months since the last visit → active < 3 ≤ at_risk < 6 ≤ dormant < 12 ≤ lost
  (seed 000's base: 3 / 6 / 12 months; configurable).
- recency: the segments are those four statuses.
- value: LTV tiers (seed 000: > 12,000 high, 6,000–12,000 mid, < 6,000 low).
- rfm: ordered tiers (seed 003's shape): the first whose recency, frequency and
  monetary thresholds a customer meets; everyone else is 沉睡.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import MessageError

DAYS_PER_MONTH = 30.4375
STATUSES = ("active", "at_risk", "dormant", "lost")


@dataclass(frozen=True)
class RfmTier:
    name: str
    max_months: float  # recency: last visit at most this many months ago
    min_visits: float
    min_spend: float


DEFAULT_RFM = (
    RfmTier("高价值", 3, 3, 3000),
    RfmTier("活跃", 6, 2, 1500),
    RfmTier("潜力", 12, 1, 500),
)
RFM_REST = "沉睡"
DEFAULT_THRESHOLDS = (3.0, 6.0, 12.0)
DEFAULT_VALUE = (6000.0, 12000.0)


def parse_rfm(text: str) -> tuple[RfmTier, ...]:
    """`高价值:3,3,3000;活跃:6,2,1500` → tiers (months, visits, spend)."""
    tiers = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, _, numbers = part.partition(":")
        try:
            values = [float(x) for x in numbers.split(",")]
        except ValueError:
            values = []
        if not name.strip() or len(values) != 3 or any(not (0 <= v < 1e12) for v in values):
            raise MessageError('"{part}" is not NAME:MONTHS,VISITS,SPEND (three numbers ≥ 0)', part=part)
        tiers.append(RfmTier(name.strip(), *values))
    if not tiers:
        raise MessageError("no tiers given")
    names = [t.name for t in tiers]
    for name in names:
        if names.count(name) > 1 or name == RFM_REST:
            raise MessageError(
                'tier name "{name}" is given twice (or is the rest\'s name {rest}); name each tier once',
                name=name,
                rest=RFM_REST,
            )
    return tuple(tiers)


@dataclass(frozen=True)
class Segmentation:
    as_of: dt.date
    scheme: str
    customers: int
    status: dict[str, int]
    segments: tuple[dict, ...]  # segment, customers, ltv_mean, ltv_total, share
    thresholds: tuple[float, float, float]
    base_customers: int  # the whole export; `customers` is the pool after --where


def months_since(frame, as_of: dt.date):
    import pandas as pd

    return (pd.Timestamp(as_of) - frame["last_visit"]).dt.days / DAYS_PER_MONTH


def status_of(months, thresholds=DEFAULT_THRESHOLDS):
    import numpy as np

    a, b, c = thresholds
    return np.select([months < a, months < b, months < c], ["active", "at_risk", "dormant"], default="lost")


def _where_mask(where: str, frame):
    """The rows --where keeps; raises WhereError for a syntax error or an unknown column."""
    from .where import WhereError, columns_of, evaluate, parse_where

    node = parse_where(where)
    for name, position in columns_of(node):
        if name not in frame.columns:
            known = ", ".join(c for c in frame.columns if c != "last_visit")
            raise WhereError(position, 'unknown column "{name}"; the columns are {known}', name=name, known=known)
    mask = evaluate(node, frame)
    return mask.fillna(False).astype(bool)


def segment(
    frame,
    scheme: str,
    as_of: dt.date,
    where: str | None = None,
    thresholds=DEFAULT_THRESHOLDS,
    value_tiers=DEFAULT_VALUE,
    rfm=DEFAULT_RFM,
) -> Segmentation:
    import numpy as np

    frame = frame.assign(months=months_since(frame, as_of))
    frame = frame.assign(status=status_of(frame["months"], thresholds))
    status = {k: int((frame["status"] == k).sum()) for k in STATUSES}  # of the whole base, before --where
    base = len(frame)
    if where:
        frame = frame[_where_mask(where, frame)]
    if scheme == "recency":
        labels = frame["status"]
        order = list(STATUSES)
    elif scheme == "value":
        low, high = value_tiers
        ltv = frame["ltv"]
        labels = np.select([ltv > high, ltv >= low], ["high", "mid"], default="low")
        order = ["high", "mid", "low"]
    else:
        conditions = [
            (frame["months"] <= t.max_months)
            & (frame["visits_12m"] >= t.min_visits)
            & (frame["spend_12m"] >= t.min_spend)
            for t in rfm
        ]
        labels = np.select(conditions, [t.name for t in rfm], default=RFM_REST)
        order = [t.name for t in rfm] + [RFM_REST]
    frame = frame.assign(segment=labels)
    total = len(frame)
    has_ltv = "ltv" in frame.columns
    grouped = frame.groupby("segment", sort=False)
    counts = grouped.size()
    sums = grouped["ltv"].sum() if has_ltv else None
    means = grouped["ltv"].mean() if has_ltv else None
    segments = []
    for name in order:
        n = int(counts.get(name, 0))
        segments.append(
            {
                "segment": name,
                "customers": n,
                "ltv_mean": float(means[name]) if has_ltv and n and means[name] == means[name] else None,
                "ltv_total": float(sums[name]) if has_ltv and n else (0.0 if has_ltv else None),
                "share": n / total if total else 0.0,
            }
        )
    return Segmentation(as_of, scheme, total, status, tuple(segments), tuple(thresholds), base)
