"""Write an input workbook (`budgetgen init`): bilingual headers, a comment on each header and
campaign key (meaning, unit, example), data validation; filled with a case, or (``--blank``)
one example row per sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..i18n.columns import key_note, note
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


def put(ws, row: int, col: int, value: object):
    """Write one cell; text is always text, never a formula."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _header(ws, sheet: str, columns: tuple[Column, ...], lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    fill = PatternFill("solid", fgColor="1F4E79")
    sep = "、" if lang == "zh" else ", "
    for index, column in enumerate(columns, start=1):
        cell = put(ws, 1, index, f"{column.label} ({column.key})")
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        choices = ""
        if column.enum:
            labels = ENUM_LABELS.get(column.key, {})
            choices = sep.join(f"{k} {labels.get(k, '')}".strip() for k in column.enum)
        text = note(sheet, column.key, column.label, column.kind, column.required, lang, choices)
        cell.comment = Comment(text, "budgetgen", width=340, height=150)
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
            dv.error = "比率应在 0 到 1 之间，如 0.15 / rates are fractions like 0.15"
            dv.showErrorMessage = True
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(ref)


def write_input_workbook(
    path: Path,
    campaign: list[tuple],
    sheets: dict[str, tuple[tuple[str, ...], list[tuple]]],
    lang: str = "zh",
    examples: bool = False,
) -> None:
    """Write an input workbook; with ``examples`` its rows are shown (grey, italic, a comment) as
    examples to replace."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    wb = Workbook()
    ws = wb.active
    ws.title = "campaign"
    _header(ws, "campaign", SHEETS["campaign"].columns, lang)
    for r, (key, value) in enumerate(campaign, start=2):
        spec = CAMPAIGN_KEYS.get(str(key))
        cell = put(ws, r, 1, key)
        if spec:
            text = key_note(spec.key, spec.label, spec.kind, spec.required, lang)
            cell.comment = Comment(text, "budgetgen", width=340, height=130)
        cell = put(ws, r, 2, value)
        if spec and spec.kind in _FORMATS and not isinstance(value, str):
            cell.number_format = _FORMATS[spec.kind]
        put(ws, r, 3, spec.label if spec else None)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 26
    for key, (keys, rows) in sheets.items():
        ws = wb.create_sheet(key)
        columns = tuple(SHEETS[key].column(k) for k in keys)
        _header(ws, key, columns, lang)
        for r, row in enumerate(rows, start=2):
            _row(ws, r, columns, row)
            if examples and key != "funnel":  # the funnel lists its stages, to fill in
                _mark_example(ws, r, len(columns), lang)
        _validate(ws, columns, len(rows))
    wb.save(path)


def _row(ws, r: int, columns: tuple[Column, ...], row: tuple) -> None:
    for c, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
        if value is None:
            continue
        cell = put(ws, r, c, value)
        if isinstance(value, (int, float, dt.date)) and column.kind in _FORMATS:
            cell.number_format = _FORMATS[column.kind]


def _mark_example(ws, r: int, width: int, lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    for c in range(1, width + 1):
        ws.cell(row=r, column=c).font = Font(italic=True, color="808080")
    text = (
        "示例行：改成你自己的数据，或删除本行"
        if lang == "zh"
        else "An example row: replace it with your own figures, or delete it"
    )
    ws.cell(row=r, column=1).comment = Comment(text, "budgetgen", width=260, height=60)


def blank_case(*cases: dict[str, tuple[tuple[str, ...], list[tuple]]]) -> tuple[list[tuple], dict]:
    """A blank workbook's rows: every campaign key without a value; every sheet, in the schema's
    order, with the first row the cases give as its example; the funnel's five stages without rates."""
    from ..schema import RATES

    campaign = [(key, None) for key in CAMPAIGN_KEYS]
    out = {}
    for name in SHEETS:
        given = next((case[name] for case in cases if name in case), None)
        if given is not None:
            out[name] = (given[0], given[1][:1])
    out["funnel"] = (("stage", "rate"), [(stage, None) for stage in RATES])
    if "tiers" in out and "budget" in out:  # the tier example prices the budget example's line
        (keys, rows), (bkeys, brows) = out["tiers"], out["budget"]
        row = list(rows[0])
        row[keys.index("item")] = brows[0][bkeys.index("item")]
        out["tiers"] = (keys, [tuple(row)])
    return campaign, out
