"""results.json (SPEC §6–§7), written from the results object alone."""

from __future__ import annotations

from decimal import Decimal

from ..calc.budget import LineResult
from ..fmt import basis_text
from ..jsonout import Money, dumps
from ..results import Results
from ..schema import ALL_CATEGORIES


def _money(value: Decimal | None) -> Money | None:
    return None if value is None else Money(value)


def _line(line: LineResult, lang: str, touches: bool) -> dict:
    b = line.basis
    return {
        "category": line.category,
        "item": line.item,
        "basis": basis_text(b, lang, touches),
        "amount": Money(line.amount),
        "memo": line.memo,
        "source": line.source,
        "driver": line.driver,
        "segment": line.segment,
        "quantity": b.quantity,
        "times": b.times,
        "unit_cost": Money(b.unit_cost),
        "tier": None
        if b.band is None
        else {
            "metric": b.band.metric,
            "value": b.band.value,
            "from": b.band.start,
            "unit_cost": Money(b.band.unit_cost),
            "lump_sum": Money(b.band.lump_sum),
        },
    }


def results_dict(results: Results, lang: str = "zh") -> dict:
    model, plan = results.model, results.plan
    c = model.campaign
    f, bud, rev, roi = plan.funnel, plan.budget, plan.revenue, plan.roi
    touches = c.touches_per_customer != 1 or any(s.touches for s in model.segments)
    return {
        "fingerprint": results.fingerprint,
        "campaign": {
            "name": c.name,
            "region": c.region,
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
            "execution_days": c.execution_days,
            "pool_customers": model.pool,
            "touches_per_customer": c.touches_per_customer,
            "target_deals": c.target_deals,
            "gross_margin": c.gross_margin,
            "contingency_rate": c.contingency_rate,
            "marketing_categories": list(c.marketing_categories),
            "roi_floor": c.roi_floor,
        },
        "funnel": {
            "forward": f.forward.as_dict(),
            "required": f.required.as_dict() if f.required else None,
            "feasible": f.feasible,
            "deals_gap": f.forward.deals - f.target,
            "pool_ratio": f.pool_ratio,
            "conversion_needed": f.conversion_needed,
            "needed_rates": {
                n.rate: {"current": n.current, "needed": n.needed, "reachable": n.needed is not None}
                for n in f.needed_rates
            },
        },
        "budget": {
            "categories": {k: Money(bud.categories[k]) for k in ALL_CATEGORIES},
            "shares": {k: bud.share(k) for k in ALL_CATEGORIES},
            "six_total": Money(bud.six_total),
            "contingency": Money(bud.contingency),
            "total": Money(bud.total),
            "marketing_spend": Money(bud.marketing_spend),
            "memo_total": Money(bud.memo_total),
            "lines": [_line(line, lang, touches) for line in bud.lines],
        },
        "revenue": {
            **{k: Money(v) for k, v in rev.revenue.items()},
            "lines": [
                {
                    "item": x.item,
                    "driver": x.driver,
                    "horizon": x.horizon,
                    "segment": x.segment,
                    "quantity": x.quantity,
                    "unit_value": Money(x.unit_value),
                    "discount": x.discount,
                    "amount": Money(x.amount),
                    "margin": x.margin,
                    "gross_profit": Money(x.gross_profit),
                }
                for x in rev.lines
            ],
        },
        "gross_profit": {k: Money(v) for k, v in rev.gross_profit.items()},
        "roi": {"campaign": roi.campaign, "total": roi.total, "marketing": roi.marketing},
        "cost_per_deal": _money(roi.cost_per_deal),
        "breakeven_deals": roi.breakeven_deals,
        "goals": [
            {
                "level": g.goal.level,
                "metric": g.goal.metric,
                "baseline": g.goal.baseline,
                "target": g.goal.target,
                "planned": g.planned,
                "met": g.met,
                "unit": g.goal.unit,
                "note": g.goal.note,
            }
            for g in results.goals
        ],
        "segments": {
            s.name: {
                "funnel": s.counts.as_dict(),
                "deals": s.counts.deals,
                "budget": Money(s.budget),
                "revenue": Money(s.revenue),
                "gross_profit": Money(s.gross_profit),
                "cost_per_deal": _money(s.cost_per_deal),
            }
            for s in results.segments
        },
    }


def results_json(results: Results, lang: str = "zh") -> str:
    return dumps(results_dict(results, lang)) + "\n"
