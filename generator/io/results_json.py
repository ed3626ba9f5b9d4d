"""results.json (SPEC §6–§7), written from the results object alone."""

from __future__ import annotations

from decimal import Decimal

from ..calc.budget import LineResult
from ..calc.plan import Plan
from ..compare import Comparison
from ..i18n.labels import param_label
from ..jsonout import Money, dumps
from ..phrases import basis_text, goal_seek_answers
from ..results import Results
from ..rounding import round_count
from ..schema import ALL_CATEGORIES


def _money(value: Decimal | None) -> Money | None:
    return None if value is None else Money(value)


def _line(line: LineResult, lang: str) -> dict:
    b = line.basis
    return {
        "category": line.category,
        "item": line.item,
        "basis": basis_text(b, lang),
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


def plan_summary(plan: Plan) -> dict:
    """The headline figures of one computed plan (a scenario, a stress case)."""
    return {
        "budget_total": Money(plan.budget.total),
        "deals": plan.funnel.forward.deals,
        "revenue_total": Money(plan.revenue.revenue["total"]),
        "gross_profit_total": Money(plan.revenue.gross_profit["total"]),
        "roi_total": plan.roi.total,
        "roi_marketing": plan.roi.marketing,
        "cost_per_deal": _money(plan.roi.cost_per_deal),
        "feasible": plan.funnel.feasible,
    }


def _sensitivity(results: Results, lang: str) -> dict:
    mc = results.monte_carlo
    return {
        "tornado": [
            {
                "parameter": b.parameter,
                "label": param_label(b.parameter, lang),
                "low": b.low,
                "high": b.high,
                "roi_low": b.roi_low,
                "roi_high": b.roi_high,
                "swing": b.swing,
            }
            for b in results.tornado
        ],
        "stress": {
            s.case: {
                "roi_total": s.plan.roi.total,
                "deals": s.plan.funnel.forward.deals,
                "budget_total": Money(s.plan.budget.total),
                "changes": dict(s.changes),
            }
            for s in results.stress
        },
        "monte_carlo": None
        if mc is None
        else {
            "draws": mc.draws,
            "seed": mc.seed,
            "roi_p10": mc.roi.p10,
            "roi_p50": mc.roi.p50,
            "roi_p90": mc.roi.p90,
            "deals_p10": round_count(Decimal(repr(mc.deals.p10))),
            "deals_p50": round_count(Decimal(repr(mc.deals.p50))),
            "deals_p90": round_count(Decimal(repr(mc.deals.p90))),
            "budget_p10": Money(Decimal(repr(mc.budget.p10))),
            "budget_p50": Money(Decimal(repr(mc.budget.p50))),
            "budget_p90": Money(Decimal(repr(mc.budget.p90))),
            "p_below_floor": mc.p_below_floor,
            "roi_mean": mc.roi_mean,
        },
    }


def _campaign(results: Results) -> dict:
    model, c = results.model, results.model.campaign
    return {
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
    }


def _funnel(results: Results) -> dict:
    f = results.plan.funnel
    return {
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
    }


def _budget(results: Results, lang: str) -> dict:
    bud = results.plan.budget
    return {
        "categories": {k: Money(bud.categories[k]) for k in ALL_CATEGORIES},
        "shares": {k: bud.share(k) for k in ALL_CATEGORIES},
        "six_total": Money(bud.six_total),
        "contingency": Money(bud.contingency),
        "total": Money(bud.total),
        "marketing_spend": Money(bud.marketing_spend),
        "memo_total": Money(bud.memo_total),
        "lines": [_line(line, lang) for line in bud.lines],
    }


def _revenue(results: Results) -> dict:
    rev = results.plan.revenue
    lines = [
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
    ]
    return {**{k: Money(v) for k, v in rev.revenue.items()}, "lines": lines}


def _goals(results: Results) -> list[dict]:
    return [
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
    ]


def _segments(results: Results) -> dict:
    return {
        s.name: {
            "funnel": s.counts.as_dict(),
            "deals": s.counts.deals,
            "budget": Money(s.budget),
            "revenue": Money(s.revenue),
            "gross_profit": Money(s.gross_profit),
            "cost_per_deal": _money(s.cost_per_deal),
        }
        for s in results.segments
    }


def results_dict(results: Results, lang: str = "zh") -> dict:
    """results.json as a dict: one helper per section, in the file's order."""
    plan, c = results.plan, results.model.campaign
    roi = plan.roi
    return {
        "fingerprint": results.fingerprint,
        "campaign": _campaign(results),
        "funnel": _funnel(results),
        "budget": _budget(results, lang),
        "revenue": _revenue(results),
        "gross_profit": {k: Money(v) for k, v in plan.revenue.gross_profit.items()},
        "roi": {"campaign": roi.campaign, "total": roi.total, "marketing": roi.marketing},
        "cost_per_deal": _money(roi.cost_per_deal),
        "breakeven_deals": roi.breakeven_deals,
        "goals": _goals(results),
        "scenarios": {
            s.name: {
                "label": s.label,
                **plan_summary(s.plan),
                "recommended": s.recommended,
                "overrides": dict(s.overrides),
            }
            for s in results.scenarios
        },
        "sensitivity": _sensitivity(results, lang),
        "goal_seek": {
            "roi_floor": c.roi_floor,
            "deals_for_roi_floor": results.deals_for_roi_floor,
            "deals_planned": plan.funnel.forward.deals,
            "answers": goal_seek_answers(results, lang),
        },
        "segments": _segments(results),
    }


def results_json(results: Results, lang: str = "zh", baseline: Comparison | None = None) -> str:
    """results.json; with ``baseline`` (build --baseline), also the old plan and the bridges."""
    data = results_dict(results, lang)
    if baseline is not None:
        from .compare_json import baseline_dict

        data["baseline"] = baseline_dict(baseline, lang)
    return dumps(data) + "\n"
