"""The input schema of SPEC §2: sheets, columns, Chinese labels and enums.

Every header, sheet name, category, driver and stage may be written as its
English key or its Chinese label; this module is the one table of both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

STAGES = ("pool", "reached", "opened", "booked", "arrived", "deals")
RATES = ("reach", "open", "booking", "arrival", "purchase")
# rate r leads from STAGES[i] to STAGES[i + 1]
RATE_INTO = dict(zip(RATES, STAGES[1:], strict=True))
CATEGORIES = ("incentives", "promotion", "systems", "labor", "fulfillment", "management")
ALL_CATEGORIES = (*CATEGORIES, "contingency")

STAGE_LABELS = {
    "pool": "目标客户",
    "reached": "触达",
    "opened": "打开",
    "booked": "预约",
    "arrived": "到店",
    "deals": "成交",
}
RATE_LABELS = {
    "reach": "有效触达率",
    "open": "打开率",
    "booking": "预约率",
    "arrival": "到店率",
    "purchase": "消费率",
}
CATEGORY_LABELS = {
    "incentives": "权益成本",
    "promotion": "推广成本",
    "systems": "系统成本",
    "labor": "人力成本",
    "fulfillment": "履约成本",
    "management": "管理成本",
    "contingency": "应急储备",
}
DRIVER_LABELS = {**STAGE_LABELS, "fixed": "固定", "lump": "一次性"}
HORIZON_LABELS = {"campaign": "活动期", "follow_up": "后续"}
GOAL_LEVEL_LABELS = {
    "strategic": "战略层",
    "business": "业务层",
    "operations": "运营层",
    "execution": "执行层",
    "health": "健康度",
}
TIER_METRICS = {
    **STAGE_LABELS,
    "open_rate": "打开率",
    "booking_rate": "预约率",
    "arrival_rate": "到店率",
    "purchase_rate": "消费率",
    "visit_rate": "邀约进店率",
    "conversion": "整体转化率",
}
NARRATIVE_KEYS = {
    "background": "背景",
    "opportunity": "机会",
    "competition": "竞争",
    "timing": "时机",
    "target_strategy": "目标客户策略",
    "incentive_strategy": "权益策略",
    "promotion_strategy": "推广策略",
    "conversion_strategy": "转化策略",
    "strategic_value": "战略价值",
    "ask": "申请",
}
TRIGGER_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "≤": "<=", "≥": ">="}
LEVEL_WORDS = {"高": 4, "中": 3, "低": 2, "high": 4, "medium": 3, "low": 2}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str  # a converter name in values.CONVERTERS
    required: bool = False
    enum: tuple[str, ...] = ()  # meaning, unit and example: generator.i18n.columns


@dataclass(frozen=True)
class Sheet:
    key: str
    label: str
    columns: tuple[Column, ...]
    required: bool = False

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _c(key, label, kind, required=False, enum=()) -> Column:
    return Column(key, label, kind, required, tuple(enum))


_RATE_COLS = tuple(_c(r, RATE_LABELS[r], "rate") for r in RATES)

SHEETS: dict[str, Sheet] = {
    s.key: s
    for s in (
        Sheet(
            "campaign",
            "活动",
            (_c("key", "参数", "text", True), _c("value", "值", "raw"), _c("label", "说明", "text")),
            True,
        ),
        Sheet(
            "funnel",
            "漏斗",
            (
                _c("stage", "环节", "enum", True, enum=RATES),
                _c("rate", "转化率", "rate", True),
            ),
            True,
        ),
        Sheet(
            "segments",
            "细分客群",
            (
                _c("segment", "客群", "text", True),
                _c("customers", "客户数", "count", True),
                _c("ltv", "终身价值", "money"),
                _c("touches", "人均触达次数", "touches"),
                *_RATE_COLS,
            ),
        ),
        Sheet(
            "channels",
            "渠道",
            (
                _c("channel", "渠道", "text", True),
                _c("reachable", "可触达人数", "count", True),
                _c("sends", "发送次数", "number0"),
                _c("unit_cost", "单次成本", "money"),
                _c("fixed_cost", "固定成本", "money"),
                _c("note", "备注", "text"),
            ),
        ),
        Sheet(
            "budget",
            "预算",
            (
                _c("category", "类别", "enum", True, enum=CATEGORIES),
                _c("item", "明细项", "text", True),
                _c("driver", "驱动", "enum", True, enum=tuple(DRIVER_LABELS)),
                _c("quantity", "数量", "number0"),
                _c("times", "次数", "number0"),
                _c("unit_cost", "单价", "money"),
                _c("lump_sum", "总额", "money"),
                _c("memo", "收入端", "bool"),
                _c("note", "备注", "text"),
                _c("segment", "细分客群", "text"),
            ),
            True,
        ),
        Sheet(
            "revenue",
            "收入",
            (
                _c("item", "收入项", "text", True),
                _c("driver", "驱动", "enum", True, enum=tuple(DRIVER_LABELS)),
                _c("quantity", "数量", "number0"),
                _c("unit_value", "客单价", "money"),
                _c("discount", "折扣", "fraction"),
                _c("lump_sum", "总额", "money"),
                _c("margin", "毛利率", "fraction"),
                _c("horizon", "期间", "enum", enum=tuple(HORIZON_LABELS)),
                _c("segment", "细分客群", "text"),
            ),
            True,
        ),
        Sheet(
            "tiers",
            "阶梯",
            (
                _c("item", "明细项", "text", True),
                _c("metric", "指标", "enum", True, enum=tuple(TIER_METRICS)),
                _c("from", "起点", "number0", True),
                _c("unit_cost", "单价", "money"),
                _c("lump_sum", "奖惩", "signed"),
            ),
        ),
        Sheet(
            "goals",
            "目标体系",
            (
                _c("level", "层级", "enum", True, enum=tuple(GOAL_LEVEL_LABELS)),
                _c("metric", "指标", "text", True),
                _c("baseline", "基线", "signed"),
                _c("target", "目标", "signed", True),
                _c("unit", "单位", "text"),
                _c("note", "说明", "text"),
            ),
        ),
        Sheet(
            "scenarios",
            "方案",
            (
                _c("scenario", "方案", "text", True),
                _c("label", "名称", "text"),
                _c("recommended", "推荐", "bool"),
                _c("parameter", "参数", "text", True),
                _c("value", "取值", "signed", True),
            ),
        ),
        Sheet(
            "sensitivity",
            "敏感性",
            (
                _c("parameter", "参数", "text", True),
                _c("low", "下调", "signed", True),
                _c("high", "上调", "signed", True),
            ),
        ),
        Sheet(
            "stress",
            "压力测试",
            (
                _c("case", "情景", "text", True),
                _c("parameter", "参数", "text", True),
                _c("change", "变化", "signed", True),
            ),
        ),
        Sheet(
            "uncertainty",
            "不确定性",
            (
                _c("parameter", "参数", "text", True),
                _c("low", "最低", "signed", True),
                _c("mode", "最可能", "signed", True),
                _c("high", "最高", "signed", True),
            ),
        ),
        Sheet(
            "risks",
            "风险",
            (
                _c("risk", "风险", "text", True),
                _c("probability", "概率", "level"),
                _c("impact", "影响", "level"),
                _c("trigger_metric", "触发指标", "text"),
                _c("trigger_op", "触发条件", "op"),
                _c("trigger_value", "触发值", "signed"),
                _c("trigger_day", "触发日", "day"),
                _c("response", "应对措施", "text"),
                _c("owner", "负责人", "text"),
                _c("extra_budget", "追加预算", "money"),
            ),
        ),
        Sheet(
            "timeline",
            "时间计划",
            (_c("phase", "阶段", "text", True), _c("start", "开始", "date", True), _c("end", "结束", "date", True)),
        ),
        Sheet(
            "history",
            "历史活动",
            (
                _c("campaign", "活动", "text", True),
                _c("year", "年份", "year"),
                _c("budget", "预算", "money"),
                _c("revenue", "收入", "money"),
                _c("gross_profit", "毛利", "money"),
                _c("deals", "成交", "count"),
                _c("roi", "ROI", "number0"),
            ),
        ),
        Sheet(
            "benchmarks",
            "行业基准",
            (
                _c("category", "类别", "enum", True, enum=ALL_CATEGORIES),
                _c("share_low", "占比下限", "fraction", True),
                _c("share_high", "占比上限", "fraction", True),
            ),
        ),
        Sheet(
            "narrative",
            "文案",
            (_c("key", "段落", "enum", True, enum=tuple(NARRATIVE_KEYS)), _c("text", "内容", "text")),
        ),
    )
}

ENUM_LABELS: dict[str, dict[str, str]] = {
    "stage": RATE_LABELS,
    "category": CATEGORY_LABELS,
    "driver": DRIVER_LABELS,
    "horizon": HORIZON_LABELS,
    "level": GOAL_LEVEL_LABELS,
    "metric": TIER_METRICS,
    "key": NARRATIVE_KEYS,
}


def normalise_name(text: str) -> str:
    """Headers compare without spaces, case or width: 计划（参考） and 计划(参考) are one name (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def match_key(text: str, labels: dict[str, str]) -> str | None:
    """The English key for ``text`` given as key, label, or "label (key)"."""
    t = normalise_name(text)
    for key, label in labels.items():
        if t in (key.lower(), normalise_name(label)):
            return key
    for key, label in labels.items():  # bilingual header written by `init`
        if t in (f"{normalise_name(label)}({key.lower()})", f"{key.lower()}({normalise_name(label)})"):
            return key
    return None


def sheet_for(name: str) -> Sheet | None:
    key = match_key(name, {s.key: s.label for s in SHEETS.values()})
    return SHEETS.get(key) if key else None


def columns_of(sheet: str) -> tuple[str, ...]:
    """The keys of a sheet's columns, in the schema's order."""
    return tuple(c.key for c in SHEETS[sheet].columns)
