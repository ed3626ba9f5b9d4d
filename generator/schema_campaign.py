"""The campaign sheet's keys (SPEC §2): each key's Chinese label, kind, whether required."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CampaignKey:
    key: str
    label: str
    kind: str
    required: bool = False  # meaning, unit and example: generator.i18n.columns.CAMPAIGN


CAMPAIGN_KEYS: dict[str, CampaignKey] = {
    k.key: k
    for k in (
        CampaignKey("name", "活动名称", "text", True),
        CampaignKey("region", "区域", "text"),
        CampaignKey("owner", "负责人", "text"),
        CampaignKey("theme", "活动主题", "text"),
        CampaignKey("start", "执行开始", "date", True),
        CampaignKey("end", "执行结束", "date", True),
        CampaignKey("fulfillment_end", "履约截止", "date"),
        CampaignKey("pool_customers", "目标客户数", "count"),
        CampaignKey("touches_per_customer", "人均触达次数", "touches"),
        CampaignKey("target_deals", "目标成交", "count", True),
        CampaignKey("gross_margin", "毛利率", "fraction", True),
        CampaignKey("contingency_rate", "应急储备比例", "fraction"),
        CampaignKey("marketing_categories", "营销投入类别", "categories"),
        CampaignKey("roi_floor", "ROI底线", "number0"),
        CampaignKey("total_customers", "总客户", "count"),
        CampaignKey("active_customers", "活跃", "count"),
        CampaignKey("at_risk_customers", "流失风险", "count"),
        CampaignKey("dormant_customers", "沉睡", "count"),
        CampaignKey("lost_customers", "流失", "count"),
        CampaignKey("baseline_retention", "当前保有率", "fraction"),
        CampaignKey("target_retention", "目标保有率", "fraction"),
    )
}
