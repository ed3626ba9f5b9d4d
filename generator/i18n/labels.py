"""Names of categories, stages, rates, levels and metrics in the document's language."""

from __future__ import annotations

from ..schema import CATEGORY_LABELS, GOAL_LEVEL_LABELS, RATE_LABELS, STAGE_LABELS, TIER_METRICS

_METRICS_ZH = {
    **TIER_METRICS,
    "revenue_total": "总收入",
    "revenue_campaign": "活动期收入",
    "gross_profit_total": "毛利",
    "roi_total": "总投资ROI",
    "roi_campaign": "活动期ROI",
    "roi_marketing": "营销ROI",
    "cost_per_deal": "单客成本",
    "budget_total": "总预算",
    "gross_margin": "毛利率",
    "retention": "客户保有率",
    "nps": "NPS",
    "repurchase": "复购率",
    "satisfaction": "满意度",
    "projected_deals": "预计成交",
}
_TABLES = {
    "category": CATEGORY_LABELS,
    "stage": STAGE_LABELS,
    "rate": RATE_LABELS,
    "level": GOAL_LEVEL_LABELS,
    "metric": _METRICS_ZH,
}


def label(kind: str, key: str, lang: str) -> str:
    if lang == "en":
        return key.replace("_", " ")
    return _TABLES[kind].get(key, key)
