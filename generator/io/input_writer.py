"""Write an input workbook (`budgetgen init`): bilingual headers, comments,
data validation, filled with the demo case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..schema import ENUM_LABELS, SHEETS, Column
from ..schema_campaign import CAMPAIGN_KEYS

_RATE_KINDS = {"rate", "fraction"}
_FORMATS = {
    "rate": "0.0%",
    "fraction": "0.0%",
    "money": "#,##0.00",
    "signed": "General",
    "count": "#,##0",
    "date": "yyyy-mm-dd",
}
_KIND_HELP = {
    "rate": "比率 (0, 1],如 0.15 或 15% / a rate in (0, 1]",
    "fraction": "0–1 之间的比例 / a fraction in [0, 1]",
    "money": "金额(元)≥ 0 / yuan ≥ 0",
    "count": "整数 ≥ 0 / a whole number",
    "date": "日期,如 2024-05-01 / a date",
    "bool": "yes / no(是/否)",
}


def put(ws, row: int, col: int, value: object):
    """Write one cell; text is always text, never a formula."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _header(ws, columns: tuple[Column, ...]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    fill = PatternFill("solid", fgColor="1F4E79")
    for index, column in enumerate(columns, start=1):
        cell = put(ws, 1, index, f"{column.label} ({column.key})")
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        text = column.help or _KIND_HELP.get(column.kind, "")
        if column.enum:
            labels = ENUM_LABELS.get(column.key, {})
            text = (
                (text + "\n" if text else "")
                + "可选 / choices: "
                + ", ".join(f"{k} {labels.get(k, '')}".strip() for k in column.enum)
            )
        if column.required:
            text = "必填 / required. " + text
        if text:
            cell.comment = Comment(text, "budgetgen", width=320, height=110)
        ws.column_dimensions[cell.column_letter].width = max(12, len(cell.value) * 1.6)
    ws.freeze_panes = "A2"


def _validate(ws, columns: tuple[Column, ...], rows: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = max(rows + 50, 100)
    for index, column in enumerate(columns, start=1):
        ref = f"{get_column_letter(index)}2:{get_column_letter(index)}{last}"
        if column.enum:
            dv = DataValidation(type="list", formula1='"' + ",".join(column.enum) + '"', allow_blank=True)
        elif column.kind in _RATE_KINDS:
            dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
            dv.error = "比率应在 0 到 1 之间,如 0.15 / rates are fractions like 0.15"
            dv.showErrorMessage = True
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(ref)


def write_input_workbook(
    path: Path, campaign: list[tuple], sheets: dict[str, tuple[tuple[str, ...], list[tuple]]]
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "campaign"
    spec = SHEETS["campaign"]
    _header(ws, spec.columns)
    for r, (key, value) in enumerate(campaign, start=2):
        spec = CAMPAIGN_KEYS.get(str(key))
        put(ws, r, 1, key)
        cell = put(ws, r, 2, value)
        if spec and spec.kind in _FORMATS and not isinstance(value, str):
            cell.number_format = _FORMATS[spec.kind]
        put(ws, r, 3, spec.label if spec else None)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 26
    for key, (keys, rows) in sheets.items():
        sheet = SHEETS[key]
        ws = wb.create_sheet(key)
        columns = tuple(sheet.column(k) for k in keys)
        _header(ws, columns)
        for r, row in enumerate(rows, start=2):
            for c, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
                if value is None:
                    continue
                cell = put(ws, r, c, value)
                if isinstance(value, (int, float, dt.date)) and column.kind in _FORMATS:
                    cell.number_format = _FORMATS[column.kind]
        _validate(ws, columns, len(rows))
    wb.save(path)
