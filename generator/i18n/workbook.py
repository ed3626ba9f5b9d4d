"""Sheet names and the headings and row labels of the workbooks, per language."""

from __future__ import annotations

NAMES = {
    "zh": {
        "cover": "封面",
        "assumptions": "假设",
        "funnel": "漏斗",
        "lines": "预算明细",
        "categories": "类别汇总",
        "revenue": "收入与ROI",
        "scenarios": "方案",
        "sensitivity": "敏感性",
        "yes": "是",
        "no": "否",
    },
    "en": {
        "cover": "Cover",
        "assumptions": "Assumptions",
        "funnel": "Funnel",
        "lines": "Budget lines",
        "categories": "Categories",
        "revenue": "Revenue & ROI",
        "scenarios": "Scenarios",
        "sensitivity": "Sensitivity",
        "yes": "yes",
        "no": "no",
    },
}

RETRO_SHEETS = {
    "zh": {
        "summary": "概览",
        "daily": "每日",
        "costs": "成本",
        "revenue": "收入",
        "rates": "转化率",
        "lessons": "经验",
    },
    "en": {
        "summary": "Summary",
        "daily": "Daily",
        "costs": "Costs",
        "revenue": "Revenue",
        "rates": "Rates",
        "lessons": "Lessons",
    },
}

HEADINGS: dict[str, dict[str, str]] = {
    "zh": {
        "stage": "环节", "forward": "预测（正推）", "total": "合计", "required": "需求（倒推）", "feasible": "可行",
        "required / pool": "所需/现有客户", "category": "类别", "item": "明细项", "driver": "驱动", "segment": "客群",
        "quantity": "数量", "times": "次数", "unit_cost": "单价（元）", "lump / fixed": "总额/奖惩（元）",
        "amount": "金额（元）", "basis": "计算依据", "memo": "收入端", "variable": "随成交变动",
        "tier metric": "阶梯指标", "share": "占比", "horizon": "期间", "unit_value": "客单价（元）", "discount": "折扣",
        "margin": "毛利率", "gross_profit": "毛利（元）", "revenue_campaign": "活动期收入（元）",
        "revenue_follow_up": "后续收入（元）", "revenue_total": "总收入（元）", "gross_profit_campaign": "活动期毛利（元）",
        "gross_profit_follow_up": "后续毛利（元）", "gross_profit_total": "总毛利（元）",
        "gross_profit_variable": "随成交变动的毛利（元）", "budget_total": "总预算（元）", "marketing_spend": "营销投入（元）",
        "memo_total": "收入端合计（元）", "deals": "成交（人）", "roi_campaign": "活动期ROI", "roi_total": "总投资ROI",
        "roi_marketing": "营销ROI", "cost_per_deal": "单客成本（元）", "breakeven_deals": "盈亏平衡成交（人）",
        "six categories": "六项合计（元）", "scenario": "方案", "label": "名称", "recommended": "推荐",
        "parameter": "参数", "low": "下调", "high": "上调", "roi_low": "下调ROI", "roi_high": "上调ROI",
        "swing": "波动", "case": "情景", "plan": "计划", "actual": "实际", "variance": "差异", "variance %": "差异%", "pending": "待后续",
        "rate": "转化率", "kind": "类型", "text": "内容", "metric": "指标", "cumulative_deals": "累计成交",
        "plan_cumulative": "计划累计", "day": "天", "reached": "触达", "opened": "打开", "booked": "预约",
        "arrived": "到店", "revenue": "收入（元）", "actual_gross_profit": "实际毛利（元）", "channel": "渠道",
        "reachable": "可触达", "sends": "发送次数", "fixed_cost": "固定成本（元）", "lump_sum": "总额（元）",
        "customers": "客户数", "touches": "人均触达次数", "from": "起点", "reach": "有效触达率", "open": "打开率",
        "booking": "预约率", "arrival": "到店率", "purchase": "消费率", "campaign": "活动参数", "funnel": "漏斗",
        "segments": "细分客群", "channels": "渠道", "budget": "预算", "tiers": "阶梯", "key": "key",
        "input": "输入文件", "error": "错误", "retrospective": "复盘", "value": "值",
        "marketing categories": "营销投入类别", "plan vs actual by category": "各类别计划与实际（元）",
        "deals per day": "每日成交（人）", "cumulative deals vs target": "累计成交与目标进度（人）",
    },
    "en": {
        "stage": "Stage", "forward": "Forecast (forward)", "total": "Total", "required": "Required (backward)",
        "feasible": "Feasible", "required / pool": "Required / pool", "category": "Category", "item": "Item",
        "driver": "Driver", "segment": "Segment", "quantity": "Quantity", "times": "Times",
        "unit_cost": "Unit cost (CNY)", "lump / fixed": "Lump sum / bonus (CNY)", "amount": "Amount (CNY)",
        "basis": "Basis", "memo": "Revenue-side", "variable": "Varies with deals", "tier metric": "Tier metric",
        "share": "Share", "horizon": "Period", "unit_value": "Ticket (CNY)", "discount": "Discount",
        "margin": "Margin", "gross_profit": "Gross profit (CNY)", "revenue_campaign": "Campaign revenue (CNY)",
        "revenue_follow_up": "Follow-up revenue (CNY)", "revenue_total": "Total revenue (CNY)",
        "gross_profit_campaign": "Campaign gross profit (CNY)", "gross_profit_follow_up": "Follow-up gross profit (CNY)",
        "gross_profit_total": "Total gross profit (CNY)", "gross_profit_variable": "Gross profit varying with deals (CNY)",
        "budget_total": "Total budget (CNY)", "marketing_spend": "Marketing spend (CNY)",
        "memo_total": "Revenue-side items (CNY)", "deals": "Deals", "roi_campaign": "Campaign ROI",
        "roi_total": "Total ROI", "roi_marketing": "Marketing ROI", "cost_per_deal": "Cost per deal (CNY)",
        "breakeven_deals": "Break-even deals", "six categories": "Six categories (CNY)", "scenario": "Scenario",
        "label": "Name", "recommended": "Recommended", "parameter": "Parameter", "low": "Low", "high": "High",
        "roi_low": "ROI at low", "roi_high": "ROI at high", "swing": "Swing", "case": "Case", "plan": "Plan",
        "actual": "Actual", "variance": "Variance", "variance %": "Variance %", "pending": "pending", "rate": "Rate", "kind": "Kind",
        "text": "Text", "metric": "Metric", "cumulative_deals": "Cumulative deals",
        "plan_cumulative": "Plan to date", "day": "Day", "reached": "Reached", "opened": "Opened",
        "booked": "Booked", "arrived": "Arrived", "revenue": "Revenue (CNY)",
        "actual_gross_profit": "Actual gross profit (CNY)", "channel": "Channel", "reachable": "Reachable",
        "sends": "Sends", "fixed_cost": "Fixed cost (CNY)", "lump_sum": "Lump sum (CNY)", "customers": "Customers",
        "touches": "Touches per customer", "from": "From", "reach": "Reach rate", "open": "Open rate",
        "booking": "Booking rate", "arrival": "Arrival rate", "purchase": "Purchase rate", "campaign": "Campaign",
        "funnel": "Funnel", "segments": "Segments", "channels": "Channels", "budget": "Budget", "tiers": "Tiers",
        "key": "key", "input": "Input", "error": "Error", "retrospective": "Retrospective", "value": "Value",
        "marketing categories": "Marketing categories", "plan vs actual by category": "Plan vs actual by category (CNY)",
        "deals per day": "Deals per day", "cumulative deals vs target": "Cumulative deals vs target",
    },
}  # fmt: skip

# Longer texts of the workbooks: the cover's guide and notes.
TEXTS = {
    "zh": {
        "finance_model": "财务测算模型",
        "campaign_name": "活动",
        "region": "区域",
        "execution": "执行期",
        "fingerprint": "假设指纹",
        "colour_guide": "颜色说明",
        "guide_input": "输入（蓝字浅黄底）：修改这些单元格，其余随之重算",
        "guide_formula": "公式：由输入计算，勿手改",
        "guide_values": "计算值（灰字）：方案与敏感性为程序计算的数值，注明指纹",
        "round_note": "ROUND(x*(1+1E-12), n)：1E-12 使 7,213.5 这类恰好为 .5 的值按十进制规则向上舍入"
        "（二进制下 10,305×0.7 = 7,213.4999999999991），与 results.json 一致；对其他值没有影响。",
        "computed_values": "计算值 · 指纹 {fingerprint}",
    },
    "en": {
        "finance_model": "Finance model",
        "campaign_name": "Campaign",
        "region": "Region",
        "execution": "Execution",
        "fingerprint": "Fingerprint",
        "colour_guide": "Colour guide",
        "guide_input": "Input (blue on light yellow): change these; everything else follows",
        "guide_formula": "Formula: computed from the inputs; do not overwrite",
        "guide_values": "Computed values (grey): scenarios and sensitivity, labelled with the fingerprint",
        "round_note": "ROUND(x*(1+1E-12), n): the 1E-12 makes exact ties such as 7,213.5 round up as their decimal "
        "value does (10,305 × 0.7 is 7,213.4999999999991 in binary), as in results.json; it moves no other value.",
        "computed_values": "computed values · fingerprint {fingerprint}",
    },
}

# portfolio.xlsx, the batch roll-up: sheet name, column headings (in COLUMNS order), total row, chart.
PORTFOLIO = {
    "zh": {
        "sheet": "汇总",
        "head": (
            "活动", "输入文件", "总预算（元）", "预期成交", "收入（元）", "毛利（元）",
            "总投资ROI", "单客成本（元）", "可行", "错误",
        ),
        "total": "合计",
        "yes": "是",
        "no": "否",
        "chart": "各活动ROI与预算",
        "x_axis": "总预算（元）",
        "y_axis": "总投资ROI",
    },
    "en": {
        "sheet": "Portfolio",
        "head": (
            "Campaign", "Input", "Budget (CNY)", "Deals", "Revenue (CNY)", "Gross profit (CNY)",
            "Total ROI", "Cost per deal (CNY)", "Feasible", "Errors",
        ),
        "total": "Total",
        "yes": "yes",
        "no": "no",
        "chart": "ROI vs budget by campaign",
        "x_axis": "Budget (CNY)",
        "y_axis": "Total ROI",
    },
}  # fmt: skip
