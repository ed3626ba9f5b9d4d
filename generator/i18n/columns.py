"""What each input column and campaign key means, its unit and an example, in both languages:
the header comments of the workbooks ``init`` writes."""

from __future__ import annotations

# kind → (unit zh, unit en, example)
KINDS: dict[str, tuple[str, str, str]] = {
    "text": ("文字", "text", ""),
    "money": ("元，≥ 0", "yuan, ≥ 0", "1,234.50"),
    "count": ("整数，≥ 0", "a whole number ≥ 0", "12,000"),
    "number0": ("数字，≥ 0", "a number ≥ 0", "2"),
    "signed": ("数字，可为负", "a number, may be negative", "-0.2"),
    "rate": ("比率，(0, 1]", "a rate in (0, 1]", "15% 或 0.15"),
    "fraction": ("比例，0–1", "a fraction, 0–1", "0.2 或 20%"),
    "touches": ("次/人，1–100", "per customer, 1–100", "1.5"),
    "date": ("日期", "a date", "2024-05-01"),
    "day": ("第几天（1 = 执行第一天）", "day number (1 = the first day)", "3"),
    "year": ("年份", "a year", "2023"),
    "bool": ("是/否", "yes / no", "是"),
    "level": ("1–5 或 高/中/低", "1–5 or 高/中/低", "4"),
    "op": ("< <= > >=", "< <= > >=", "<"),
    "categories": ("类别键，逗号分隔", "category keys, comma-separated", "incentives, promotion"),
    "enum": ("从下拉列表中选", "one from the drop-down list", ""),
    "raw": ("随参数而定", "depends on the key", ""),
}
_S = "相对变化，-0.2 = 下调 20%"
_SE = "relative change, -0.2 = 20% lower"
# (sheet, column) → (meaning zh, meaning en)
MEANINGS: dict[tuple[str, str], tuple[str, str]] = {
    ("campaign", "key"): ("参数名（英文键）", "the parameter's key"),
    ("campaign", "value"): ("参数值", "its value"),
    ("campaign", "label"): ("参数的中文说明，仅供阅读", "its Chinese label, for reading only"),
    ("funnel", "stage"): ("漏斗环节", "the funnel stage"),
    ("funnel", "rate"): ("该环节的转化率（相对上一环节）", "the stage's conversion from the one before"),
    ("segments", "segment"): ("客群名称", "the segment's name"),
    ("segments", "customers"): ("该客群的客户人数", "customers in the segment"),
    ("segments", "ltv"): ("人均终身价值", "lifetime value per customer"),
    ("segments", "touches"): ("人均触达次数，空则取活动值", "touches per customer; blank = the campaign's"),
    ("channels", "channel"): ("触达渠道", "the channel"),
    ("channels", "reachable"): ("该渠道可触达的人数", "customers the channel can reach"),
    ("channels", "sends"): ("每人发送次数，默认 1", "sends per customer, default 1"),
    ("channels", "unit_cost"): ("每次发送的成本", "cost per send"),
    ("channels", "fixed_cost"): ("渠道的固定成本", "the channel's fixed cost"),
    ("channels", "note"): ("备注", "a note"),
    ("budget", "category"): ("七大类之一（应急储备自动计算）", "one of the seven categories (contingency is computed)"),
    ("budget", "item"): ("明细项名称", "the line's name"),
    ("budget", "driver"): (
        "数量来源：漏斗环节、固定数量或总额",
        "what sets the quantity: a funnel stage, fixed or lump",
    ),
    ("budget", "quantity"): ("驱动为固定数量时的数量", "the quantity when the driver is fixed"),
    ("budget", "times"): ("次数，默认 1", "times, default 1"),
    ("budget", "unit_cost"): ("每个数量单位的成本", "cost per unit of the quantity"),
    ("budget", "lump_sum"): ("驱动为总额时的金额", "the amount when the driver is lump"),
    ("budget", "memo"): ("是 = 收入端项目，不计入总预算", "yes = a revenue-side item, not in the budget"),
    ("budget", "note"): ("备注", "a note"),
    ("budget", "segment"): ("只计该客群，空 = 全部", "this segment only; blank = all"),
    ("revenue", "item"): ("收入项名称", "the revenue line's name"),
    ("revenue", "driver"): (
        "数量来源：漏斗环节、固定数量或总额",
        "what sets the quantity: a funnel stage, fixed or lump",
    ),
    ("revenue", "quantity"): ("驱动为固定数量时的数量", "the quantity when the driver is fixed"),
    ("revenue", "unit_value"): ("客单价（折前）", "ticket before discount"),
    ("revenue", "discount"): ("折扣，0.2 = 八折", "discount, 0.2 = 20% off"),
    ("revenue", "lump_sum"): ("驱动为总额时的金额", "the amount when the driver is lump"),
    ("revenue", "margin"): ("毛利率，空则取活动毛利率", "gross margin; blank = the campaign's"),
    ("revenue", "horizon"): ("活动期或后续（3个月）", "during the campaign or follow-up (3 months)"),
    ("revenue", "segment"): ("只计该客群，空 = 全部", "this segment only; blank = all"),
    ("tiers", "item"): ("对应预算明细项", "the budget line it prices"),
    ("tiers", "metric"): ("决定档位的指标", "the metric that picks the band"),
    ("tiers", "from"): ("该档起点（含）", "the band's lower bound (inclusive)"),
    ("tiers", "unit_cost"): ("该档单价", "the band's unit cost"),
    ("tiers", "lump_sum"): ("该档奖惩总额，可为负", "the band's bonus or penalty, may be negative"),
    ("goals", "level"): ("目标层级", "the goal's level"),
    ("goals", "metric"): ("指标名称或键", "the metric's name or key"),
    ("goals", "baseline"): ("当前值", "today's value"),
    ("goals", "target"): ("目标值", "the target"),
    ("goals", "unit"): ("单位", "the unit"),
    ("goals", "note"): ("说明", "a note"),
    ("scenarios", "scenario"): ("方案代号", "the scenario's code"),
    ("scenarios", "label"): ("方案名称", "the scenario's name"),
    ("scenarios", "recommended"): ("是 = 推荐方案", "yes = the recommended one"),
    ("scenarios", "parameter"): ("要改的参数，如 campaign.target_deals", "the parameter, e.g. campaign.target_deals"),
    ("scenarios", "value"): ("该方案下的取值", "its value in this scenario"),
    ("sensitivity", "parameter"): ("参数路径，如 funnel.open", "the parameter, e.g. funnel.open"),
    ("sensitivity", "low"): (_S, _SE),
    ("sensitivity", "high"): ("相对变化，0.2 = 上调 20%", "relative change, 0.2 = 20% higher"),
    ("stress", "case"): ("情景名称", "the case's name"),
    ("stress", "parameter"): ("参数路径", "the parameter"),
    ("stress", "change"): (_S, _SE),
    ("uncertainty", "parameter"): ("参数路径", "the parameter"),
    ("uncertainty", "low"): ("最低值（绝对值）", "lowest value (absolute)"),
    ("uncertainty", "mode"): ("最可能值", "most likely value"),
    ("uncertainty", "high"): ("最高值", "highest value"),
    ("risks", "risk"): ("风险描述", "the risk"),
    ("risks", "probability"): ("发生概率", "how likely"),
    ("risks", "impact"): ("影响程度", "how bad"),
    ("risks", "trigger_metric"): ("触发指标，如 open_rate", "the metric that triggers it, e.g. open_rate"),
    ("risks", "trigger_op"): ("比较方式", "the comparison"),
    ("risks", "trigger_value"): ("触发阈值", "the threshold"),
    ("risks", "trigger_day"): ("从第几天起检查", "checked from this day"),
    ("risks", "response"): ("应对措施", "the response"),
    ("risks", "owner"): ("负责人", "who acts"),
    ("risks", "extra_budget"): ("应对所需追加预算", "extra budget the response needs"),
    ("timeline", "phase"): ("阶段名称", "the phase"),
    ("timeline", "start"): ("开始日期", "first day"),
    ("timeline", "end"): ("结束日期（含）", "last day (inclusive)"),
    ("history", "campaign"): ("往期活动名称", "a past campaign"),
    ("history", "year"): ("年份", "its year"),
    ("history", "budget"): ("实际花费", "what it spent"),
    ("history", "revenue"): ("实际收入", "its revenue"),
    ("history", "gross_profit"): ("实际毛利", "its gross profit"),
    ("history", "deals"): ("实际成交人数", "its actual deals"),
    ("history", "roi"): ("ROI，空则由毛利 ÷ 预算计算", "ROI; blank = gross profit ÷ budget"),
    ("benchmarks", "category"): ("预算类别", "the budget category"),
    ("benchmarks", "share_low"): ("行业占比下限", "the industry's lowest share"),
    ("benchmarks", "share_high"): ("行业占比上限", "the industry's highest share"),
    ("narrative", "key"): ("段落", "the paragraph"),
    ("narrative", "text"): ("段落内容", "its text"),
}

for _stage, (_zh, _en) in {
    "reach": ("触达率", "reach rate"),
    "open": ("打开率", "open rate"),
    "booking": ("预约率", "booking rate"),
    "arrival": ("到店率", "arrival rate"),
    "purchase": ("消费率", "purchase rate"),
}.items():
    MEANINGS["segments", _stage] = (f"该客群的{_zh}，空则取漏斗表", f"the segment's {_en}; blank = the funnel's")

# the actuals workbook's sheets, under "actuals." (its revenue and goals sheets are not the input's)
ACTUALS: dict[tuple[str, str], tuple[str, str]] = {
    ("daily", "day"): ("执行期第几天", "day of the execution window"),
    ("daily", "date"): ("日期（可代替天数）", "the date (instead of the day number)"),
    ("daily", "reached"): ("当天触达人数", "customers reached that day"),
    ("daily", "opened"): ("当天打开人数", "customers who opened"),
    ("daily", "booked"): ("当天预约人数", "bookings"),
    ("daily", "arrived"): ("当天到店人数", "arrivals"),
    ("daily", "deals"): ("当天成交人数", "deals"),
    ("daily", "revenue"): ("当天收入", "revenue that day"),
    ("daily", "spend"): ("当天花费", "spend that day"),
    ("costs", "item"): ("预算明细项；计划外项目另填类别", "the budget line; an unplanned item also needs its category"),
    ("costs", "actual"): ("实际花费", "what it actually cost"),
    ("costs", "plan"): ("计划金额（参考）", "the plan's amount (for reference)"),
    ("costs", "category"): ("计划外项目的类别", "the category of an unplanned item"),
    ("revenue", "item"): ("收入项", "the revenue line"),
    ("revenue", "actual"): ("实际收入", "actual revenue"),
    ("revenue", "plan"): ("计划金额（参考）", "the plan's amount (for reference)"),
    ("lessons", "kind"): ("经验类别", "the kind of lesson"),
    ("lessons", "text"): ("内容", "the lesson"),
    ("goals", "metric"): ("目标指标", "the goal's metric"),
    ("goals", "actual"): ("实际值", "the actual value"),
}
MEANINGS.update({("actuals." + sheet, key): pair for (sheet, key), pair in ACTUALS.items()})

# campaign key → (meaning zh, meaning en)
CAMPAIGN: dict[str, tuple[str, str]] = {
    "name": ("活动名称，印在每页页脚", "the campaign's name, on every page"),
    "region": ("区域或战区", "the region"),
    "owner": ("活动负责人", "who runs it"),
    "theme": ("活动主题", "the theme"),
    "start": ("执行期第一天", "the first day of the execution window"),
    "end": ("执行期最后一天（含）", "its last day (inclusive)"),
    "fulfillment_end": ("权益履约截止日", "the last day offers can be redeemed"),
    "pool_customers": ("目标客户数；有细分客群表时可省略", "customers targeted; may be left out with a segments sheet"),
    "touches_per_customer": ("人均触达次数，≥ 1，默认 1", "touches per customer, ≥ 1, default 1"),
    "target_deals": ("目标成交人数", "the deals to reach"),
    "gross_margin": ("活动收入的毛利率", "gross margin on the campaign's revenue"),
    "contingency_rate": ("应急储备占六项成本的比例，默认 8%", "contingency as a share of the six costs, default 8%"),
    "marketing_categories": (
        "计入营销ROI的类别，默认权益与推广",
        "categories in the marketing ROI, default incentives and promotion",
    ),
    "roi_floor": ("可接受的最低 ROI，如 1.5", "the lowest acceptable ROI, e.g. 1.5"),
    "total_customers": ("基盘客户总数", "customers in the base"),
    "active_customers": ("3个月内到店的客户", "visited within 3 months"),
    "at_risk_customers": ("3–6个月未到店的客户", "no visit for 3–6 months"),
    "dormant_customers": ("6–12个月未到店的客户", "no visit for 6–12 months"),
    "lost_customers": ("12个月以上未到店的客户", "no visit for 12 months or more"),
    "baseline_retention": ("当前客户保有率", "today's retention"),
    "target_retention": ("活动后的目标保有率", "the retention to reach"),
}


def note(sheet: str, key: str, label: str, kind: str, required: bool, lang: str, choices: str = "") -> str:
    """A column's header comment: what it means, its unit, an example, whether it is required."""
    meaning = MEANINGS.get((sheet, key), ("", ""))[0 if lang == "zh" else 1]
    return _note(key, label, meaning, kind, required, lang, choices)


def key_note(key: str, label: str, kind: str, required: bool, lang: str) -> str:
    """A campaign key's comment, the same way."""
    meaning = CAMPAIGN.get(key, ("", ""))[0 if lang == "zh" else 1]
    return _note(key, label, meaning, kind, required, lang)


def _note(key: str, label: str, meaning: str, kind: str, required: bool, lang: str, choices: str = "") -> str:
    zh = lang == "zh"
    unit_zh, unit_en, example = KINDS.get(kind, KINDS["text"])
    lines = [f"{label}（{key}）" if zh else f"{key} ({label})"]
    if meaning:
        lines.append(("含义：" if zh else "Meaning: ") + meaning)
    lines.append(("单位：" if zh else "Unit: ") + (unit_zh if zh else unit_en))
    if choices:
        lines.append(("可选：" if zh else "Choices: ") + choices)
    if example:
        lines.append(("示例：" if zh else "Example: ") + (example if zh else example.replace(" 或 ", " or ")))
    lines.append(("必填" if required else "选填") if zh else ("Required" if required else "Optional"))
    return "\n".join(lines)
