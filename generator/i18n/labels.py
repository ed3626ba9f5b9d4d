"""Names of categories, stages, rates, levels, metrics and parameters in each language.

Chinese names come from the input schema (they are also the headers users type);
English names are here. A key with no name is a bug: ``label`` raises KeyError.
"""

from __future__ import annotations

from ..schema import (
    CATEGORY_LABELS,
    DRIVER_LABELS,
    GOAL_LEVEL_LABELS,
    HORIZON_LABELS,
    RATE_LABELS,
    STAGE_LABELS,
    TIER_METRICS,
)
from ..schema_campaign import CAMPAIGN_KEYS

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
_FIELDS_ZH = {
    "customers": "客户数",
    "ltv": "终身价值",
    "touches": "人均触达次数",
    "reachable": "可触达人数",
    "sends": "发送次数",
    "unit_cost": "单价",
    "fixed_cost": "固定成本",
    "quantity": "数量",
    "times": "次数",
    "lump_sum": "总额",
    "unit_value": "客单价",
    "discount": "折扣",
    "margin": "毛利率",
    **RATE_LABELS,
}
_STAGES_EN = {
    "pool": "Target customers",
    "reached": "Reached",
    "opened": "Opened",
    "booked": "Booked",
    "arrived": "Arrived",
    "deals": "Deals",
}
_RATES_EN = {
    "reach": "Reach rate",
    "open": "Open rate",
    "booking": "Booking rate",
    "arrival": "Arrival rate",
    "purchase": "Purchase rate",
}
_METRICS_EN = {
    **_STAGES_EN,
    "open_rate": "Open rate",
    "booking_rate": "Booking rate",
    "arrival_rate": "Arrival rate",
    "purchase_rate": "Purchase rate",
    "visit_rate": "Invited-visit rate",
    "conversion": "Overall conversion",
    "revenue_total": "Total revenue",
    "revenue_campaign": "Campaign revenue",
    "gross_profit_total": "Gross profit",
    "roi_total": "Total ROI",
    "roi_campaign": "Campaign ROI",
    "roi_marketing": "Marketing ROI",
    "cost_per_deal": "Cost per deal",
    "budget_total": "Total budget",
    "gross_margin": "Gross margin",
    "retention": "Retention",
    "nps": "NPS",
    "repurchase": "Repurchase rate",
    "satisfaction": "Satisfaction",
    "projected_deals": "Projected deals",
}
_CAMPAIGN_EN = {
    "name": "Campaign",
    "region": "Region",
    "owner": "Owner",
    "theme": "Theme",
    "start": "Start",
    "end": "End",
    "fulfillment_end": "Fulfilment until",
    "pool_customers": "Target customers",
    "touches_per_customer": "Touches per customer",
    "target_deals": "Target deals",
    "gross_margin": "Gross margin",
    "contingency_rate": "Contingency rate",
    "marketing_categories": "Marketing categories",
    "roi_floor": "ROI floor",
    "total_customers": "Total customers",
    "active_customers": "Active",
    "at_risk_customers": "At risk",
    "dormant_customers": "Dormant",
    "lost_customers": "Lost",
    "baseline_retention": "Current retention",
    "target_retention": "Target retention",
}
TABLES: dict[str, dict[str, dict[str, str]]] = {
    "zh": {
        "category": CATEGORY_LABELS,
        "stage": STAGE_LABELS,
        "rate": RATE_LABELS,
        "level": GOAL_LEVEL_LABELS,
        "metric": _METRICS_ZH,
        "driver": {**DRIVER_LABELS, "channel": "渠道"},  # channel lines are driven by their sends
        "horizon": HORIZON_LABELS,
        "field": _FIELDS_ZH,
        "campaign": {k: v.label for k, v in CAMPAIGN_KEYS.items()},
    },
    "en": {
        "category": {
            "incentives": "Incentives",
            "promotion": "Promotion",
            "systems": "Systems",
            "labor": "Labour",
            "fulfillment": "Fulfilment",
            "management": "Management",
            "contingency": "Contingency",
        },
        "stage": _STAGES_EN,
        "rate": _RATES_EN,
        "level": {
            "strategic": "Strategic",
            "business": "Business",
            "operations": "Operations",
            "execution": "Execution",
            "health": "Health",
        },
        "metric": _METRICS_EN,
        "driver": {**_STAGES_EN, "fixed": "Fixed", "lump": "Lump sum", "channel": "Channel"},
        "horizon": {"campaign": "Campaign", "follow_up": "Follow-up"},
        "field": {
            "customers": "customers",
            "ltv": "lifetime value",
            "touches": "touches per customer",
            "reachable": "reachable",
            "sends": "sends",
            "unit_cost": "unit cost",
            "fixed_cost": "fixed cost",
            "quantity": "quantity",
            "times": "times",
            "lump_sum": "lump sum",
            "unit_value": "ticket",
            "discount": "discount",
            "margin": "margin",
            **{k: v.lower() for k, v in _RATES_EN.items()},
        },
        "campaign": _CAMPAIGN_EN,
    },
}


def label(kind: str, key: str, lang: str) -> str:
    """The reader's name of a key; an unknown metric (typed by the user) is shown as typed."""
    table = TABLES[lang][kind]
    return table.get(key, key) if kind == "metric" else table[key]


def param_label(path: str, lang: str = "zh") -> str:
    """A reader's name for a parameter path: `funnel.open` → 打开率, `budget.礼包.unit_cost` → 礼包 · 单价."""
    head, _, rest = path.partition(".")
    if head == "funnel":
        return label("rate", rest, lang)
    if head == "campaign":
        return TABLES[lang]["campaign"].get(rest, rest)
    name, _, field = rest.rpartition(".")
    return f"{name} · {TABLES[lang]['field'].get(field, field)}"


# Short phrases built from figures (generator.phrases fills them in).
PHRASES = {
    "zh": {
        "person": "{n}人",
        "touch": "{n}人次",
        "times": "{n}次",
        "money": "{n}元",
        "lump": "一次性",
        "each": "{n}元/人",
        "penalty": "，处罚{n}元",
        "bonus": "，奖励{n}元",
        "band": "（{text}）",
        "floor_never": "更多成交也无法使ROI达到{floor}：需降低单客变动成本或提高客单价",
        "floor_at": "ROI达到底线{floor}需成交至少{need}人（计划{plan}人，余量{spare}人）",
        "rate_never": "仅靠{rate}无法达成目标成交{target}人",
        "rate_at": "其他环节不变时，{rate}需达到{needed}（当前{now}）即可达成目标成交{target}人",
    },
    "en": {
        "person": "{n} people",
        "touch": "{n} touches",
        "times": "{n} times",
        "money": "CNY {n}",
        "lump": "lump sum",
        "each": "CNY {n} each",
        "penalty": ", penalty CNY {n}",
        "bonus": ", bonus CNY {n}",
        "band": " ({text})",
        "floor_never": "No number of deals lifts ROI to {floor}: cut the variable cost per deal or raise the ticket",
        "floor_at": "ROI reaches the floor of {floor} at {need} deals (plan {plan}, margin {spare})",
        "rate_never": "{rate} alone cannot reach the target of {target} deals",
        "rate_at": "With the other rates held, {rate} must reach {needed} (now {now}) for {target} deals",
    },
}
