"""Formats, cell references and safe writes shared by the workbook's sheets."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.utility import xl_rowcol_to_cell

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

HEADINGS_ZH = {
    "stage": "环节", "forward": "预测(正推)", "total": "合计", "required": "需求(倒推)", "feasible": "可行",
    "required / pool": "所需/现有客户", "category": "类别", "item": "明细项", "driver": "驱动", "segment": "客群",
    "quantity": "数量", "times": "次数", "unit_cost": "单价", "lump / fixed": "总额/奖惩", "amount": "金额",
    "basis": "计算依据", "memo": "收入端", "variable": "随成交变动", "tier metric": "阶梯指标", "share": "占比",
    "horizon": "期间", "unit_value": "客单价", "discount": "折扣", "margin": "毛利率", "gross_profit": "毛利",
    "revenue_campaign": "活动期收入", "revenue_follow_up": "后续收入", "revenue_total": "总收入",
    "gross_profit_campaign": "活动期毛利", "gross_profit_follow_up": "后续毛利", "gross_profit_total": "总毛利",
    "gross_profit_variable": "随成交变动的毛利", "budget_total": "总预算", "marketing_spend": "营销投入",
    "memo_total": "收入端合计", "deals": "成交", "roi_campaign": "活动期ROI", "roi_total": "总投资ROI",
    "roi_marketing": "营销ROI", "cost_per_deal": "单客成本", "breakeven_deals": "盈亏平衡成交",
    "six categories": "六项合计", "scenario": "方案", "label": "名称", "recommended": "推荐", "parameter": "参数",
    "low": "下调", "high": "上调", "roi_low": "下调ROI", "roi_high": "上调ROI", "swing": "波动", "case": "情景",
    "plan": "计划", "actual": "实际", "variance": "差异", "variance %": "差异%", "rate": "转化率", "kind": "类型",
    "text": "内容", "metric": "指标", "cumulative_deals": "累计成交", "plan_cumulative": "计划累计", "day": "天",
    "reached": "触达", "opened": "打开", "booked": "预约", "arrived": "到店", "revenue": "收入",
    "actual_gross_profit": "实际毛利", "channel": "渠道", "reachable": "可触达", "sends": "发送次数",
    "fixed_cost": "固定成本", "lump_sum": "总额", "customers": "客户数", "touches": "人均触达次数", "from": "起点",
    "reach": "有效触达率", "open": "打开率", "booking": "预约率", "arrival": "到店率", "purchase": "消费率",
    "campaign": "活动参数", "funnel": "漏斗", "segments": "细分客群", "channels": "渠道", "budget": "预算",
    "tiers": "阶梯", "key": "key", "input": "输入文件", "error": "错误", "retrospective": "复盘", "value": "值", "marketing categories": "营销投入类别",
    "plan vs actual by category": "各类别计划 vs 实际", "deals per day": "每日成交",
    "cumulative deals vs target": "累计成交 vs 目标进度",
}  # fmt: skip
NAVY = "#1F4E79"
# Every ROUND multiplies by (1+1E-12): a tie such as 10,305 × 0.7 = 7,213.5 is
# 7,213.4999999999991 in binary, which LibreOffice rounds down; the nudge makes
# it round up as the decimal value does (and as results.json does), and is far
# too small to move any value that is not a tie.
NUDGE = "(1+1E-12)"


def number(value: object) -> object:
    """A cached value as Excel stores it: Decimal → float, None → ""."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    return value


class Book:
    """The workbook being written: formats, sheet names and a registry of cell refs."""

    def __init__(self, workbook, lang: str):
        self.wb = workbook
        self.lang = lang
        self.names = NAMES[lang]
        self.refs: dict[object, str] = {}
        add = workbook.add_format
        base = {"font_name": "Noto Sans CJK SC", "font_size": 10, "valign": "top"}
        inp = {**base, "font_color": "#0000FF", "bg_color": "#FFF2CC", "border": 1, "border_color": "#D9D9D9"}
        calc = {**base}
        self.fmt = {
            "title": add({**base, "bold": True, "font_size": 14, "font_color": NAVY}),
            "section": add({**base, "bold": True, "font_color": NAVY, "bottom": 1}),
            "head": add({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": NAVY, "text_wrap": True}),
            "text": add(base),
            "note": add({**base, "italic": True, "font_color": "#6B7280"}),
            "in_text": add(inp),
            "in_money": add({**inp, "num_format": "#,##0.00"}),
            "in_count": add({**inp, "num_format": "#,##0"}),
            "in_number": add({**inp, "num_format": "#,##0.####"}),
            "in_pct": add({**inp, "num_format": "0.0%"}),
            "money": add({**calc, "num_format": "#,##0.00"}),
            "count": add({**calc, "num_format": "#,##0"}),
            "number": add({**calc, "num_format": "#,##0.####"}),
            "pct": add({**calc, "num_format": "0.0%"}),
            "ratio": add({**calc, "num_format": '0.00":1"'}),
            "money_bold": add({**calc, "num_format": "#,##0.00", "bold": True, "top": 1}),
            "ratio_bold": add({**calc, "num_format": '0.00":1"', "bold": True}),
            "value_money": add({**calc, "num_format": "#,##0.00", "font_color": "#6B7280"}),
            "value_count": add({**calc, "num_format": "#,##0", "font_color": "#6B7280"}),
            "value_ratio": add({**calc, "num_format": '0.00":1"', "font_color": "#6B7280"}),
            "value_pct": add({**calc, "num_format": "0.0%", "font_color": "#6B7280"}),
            "value_text": add({**calc, "font_color": "#6B7280"}),
        }

    def h(self, key: str) -> str:
        """A heading or row label in the workbook's language."""
        return HEADINGS_ZH.get(key, key) if self.lang == "zh" else key

    def ref(self, sheet: str, row: int, col: int) -> str:
        return f"'{sheet}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}"

    def local(self, row: int, col: int) -> str:
        return xl_rowcol_to_cell(row, col)


def put_text(ws, row: int, col: int, text: object, fmt=None) -> None:
    """Input text is always a string cell, never a formula, whatever it starts with."""
    ws.write_string(row, col, "" if text is None else str(text), fmt)


def put_formula(ws, row: int, col: int, formula: str, fmt, value: object) -> None:
    ws.write_formula(row, col, formula, fmt, number(value))


def setup_sheet(ws, name: str, fingerprint: str, widths: list[float], header_rows: int = 0) -> None:
    """A4, fit to width, header and footer with the campaign and the fingerprint."""
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_landscape()
    clean = name.replace("&", "&&")[:100]
    ws.set_header(f"&L{clean}&R&P / &N")
    ws.set_footer(f"&Lfingerprint {fingerprint}")
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    if header_rows:
        ws.freeze_panes(header_rows, 0)
