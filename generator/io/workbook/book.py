"""Formats, cell references and safe writes shared by the workbook's sheets."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.utility import xl_rowcol_to_cell

from ...i18n.workbook import HEADINGS, NAMES

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
            "in_ratio": add({**inp, "num_format": '0.00":1"'}),
            "money": add({**calc, "num_format": "#,##0.00"}),
            "count": add({**calc, "num_format": "#,##0"}),
            "number": add({**calc, "num_format": "#,##0.####"}),
            "pct": add({**calc, "num_format": "0.0%"}),
            "number2": add({**calc, "num_format": "+0.00;-0.00;0.00"}),
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
        return HEADINGS[self.lang].get(key, key)

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
