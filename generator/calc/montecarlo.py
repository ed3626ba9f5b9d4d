"""Monte Carlo of ROI, deals and budget over triangular draws, vectorised and chunked."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Model

CHUNK = 50_000
DEFAULT_SEED = 20240501


@dataclass(frozen=True)
class Percentiles:
    p10: float
    p50: float
    p90: float


@dataclass(frozen=True)
class MonteCarloResult:
    draws: int
    seed: int
    roi: Percentiles
    deals: Percentiles
    budget: Percentiles  # yuan
    p_below_floor: float | None
    roi_mean: float
    histogram: tuple[tuple[int, ...], tuple[float, ...]] = ((), ())  # ROI counts and bin edges, for the chart


def sample(model: Model, rng, size: int) -> dict:
    out = {}
    for row in model.uncertainty:
        low, mode, high = (float(v) for v in row.values)
        out[row.parameter] = rng.triangular(low, mode, high, size) if high > low else rng.random(size) * 0 + low
    return out


def monte_carlo(
    model: Model, draws: int = 10_000, seed: int = DEFAULT_SEED, chunk: int = CHUNK
) -> MonteCarloResult | None:
    """P10/P50/P90 and the chance that ROI falls below ``roi_floor``; None without uncertainty rows
    or with no draws (the web app's what-if leaves Monte Carlo out until asked)."""
    if not model.uncertainty or draws <= 0:
        return None
    import numpy as np

    from .vector import evaluate

    rng = np.random.default_rng(seed)
    roi, deals, budget = np.empty(draws), np.empty(draws), np.empty(draws)
    for start in range(0, draws, chunk):
        n = min(chunk, draws - start)
        out = evaluate(model, sample(model, rng, n), n)
        roi[start : start + n] = out["roi_total"]
        deals[start : start + n] = out["deals"]
        budget[start : start + n] = out["total"] / 100

    def pct(a) -> Percentiles:
        p10, p50, p90 = np.nanpercentile(a, [10, 50, 90])
        return Percentiles(float(p10), float(p50), float(p90))

    floor = model.campaign.roi_floor
    below = float(np.mean(roi < float(floor))) if floor is not None else None
    finite = roi[np.isfinite(roi)]
    counts, edges = np.histogram(finite, bins=40) if finite.size else (np.array([]), np.array([]))
    histogram = (tuple(int(c) for c in counts), tuple(float(e) for e in edges))
    return MonteCarloResult(draws, seed, pct(roi), pct(deals), pct(budget), below, float(np.nanmean(roi)), histogram)


def as_decimal(value: float) -> Decimal:
    return Decimal(repr(float(value)))
