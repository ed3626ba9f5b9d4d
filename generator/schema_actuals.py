"""The schema of the files read after the plan: the daily figures of `track` and the
actuals workbook of `retro` (SPEC §7)."""

from __future__ import annotations

from .schema import CATEGORIES, ENUM_LABELS, Sheet
from .schema import _c as _c

# Tracking metrics a risk trigger may name (evaluated by `budgetgen track`).
TRACK_METRICS = (
    "open_rate",
    "booking_rate",
    "arrival_rate",
    "purchase_rate",
    "reached",
    "opened",
    "booked",
    "arrived",
    "deals",
    "revenue",
    "spend",
    "projected_deals",
    "gap",
    "pace",
    "roi_to_date",
)

DAILY = Sheet(
    "daily",
    "每日数据",
    (
        _c("day", "天", "day"),
        _c("date", "日期", "date"),
        _c("reached", "触达", "count"),
        _c("opened", "打开", "count"),
        _c("booked", "预约", "count"),
        _c("arrived", "到店", "count"),
        _c("deals", "成交", "count"),
        _c("revenue", "收入", "money"),
        _c("spend", "花费", "money"),
    ),
)

LESSON_KINDS = {"success": "成功经验", "improvement": "改进空间", "strategic": "战略价值"}

ACTUALS: dict[str, Sheet] = {
    s.key: s
    for s in (
        DAILY,
        Sheet(
            "costs",
            "实际成本",
            (
                _c("item", "项目", "text", True),
                _c("actual", "实际", "money", True),
                _c("plan", "计划（参考）", "money"),
                _c("category", "类别", "enum", enum=CATEGORIES),
            ),
        ),
        Sheet(
            "revenue",
            "实际收入",
            (
                _c("item", "收入项", "text", True),
                _c("actual", "实际", "money", True),
                _c("plan", "计划（参考）", "money"),
            ),
        ),
        Sheet(
            "lessons",
            "经验",
            (_c("kind", "类型", "enum", True, enum=tuple(LESSON_KINDS)), _c("text", "内容", "text", True)),
        ),
        Sheet("goals", "目标实际", (_c("metric", "指标", "text", True), _c("actual", "实际", "signed", True))),
    )
}
ENUM_LABELS["kind"] = LESSON_KINDS
