"""Write parameter values back into an input workbook: the web app's "save as version".

:func:`parameter_cells` says where each parameter path's value sits (``funnel.open`` →
``漏斗!B3``), reading the sheets the way the parser does, so a path maps to the cell the parser
read it from. :func:`patch_workbook` changes just those cells of a copy of the workbook; every
other sheet, style, comment and validation stays as it was. A campaign key without a row gets
one at the end of the campaign sheet; a path whose column is missing is refused.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from .calc.params import FIELDS, WHOLE, PathError, split
from .errors import Collector
from .io.grid import Source
from .parse.tables import read_table
from .schema import SHEETS, match_key
from .schema_campaign import CAMPAIGN_KEYS

NAME_COLUMN = {"segment": "segment", "channel": "channel", "budget": "item", "revenue": "item"}
SHEET_OF = {"segment": "segments", "channel": "channels", "budget": "budget", "revenue": "revenue"}


def _cell(location: str) -> tuple[str, str]:
    """``file: sheet!C7`` → (sheet, "C7")."""
    sheet_and_cell = location.split(": ", 1)[1]
    sheet, _, cell = sheet_and_cell.rpartition("!")
    return sheet, cell


def parameter_cells(source: Source) -> dict[str, tuple[str, str]]:
    """Every parameter path of the workbook with its (sheet name, cell); keys as the scenarios sheet's."""
    grids = {}
    for name, grid in source.grids.items():
        key = match_key(name, {s.key: s.label for s in SHEETS.values()})
        if key and key not in grids and not grid.is_csv:
            grids[key] = grid
    quiet = Collector()  # the parser already reported every problem of this workbook
    out: dict[str, tuple[str, str]] = {}
    if "campaign" in grids:
        labels = {k.key: k.label for k in CAMPAIGN_KEYS.values()}
        for row in read_table(grids["campaign"], SHEETS["campaign"], quiet):
            key = match_key(str(row["key"]), labels)
            if key and f"campaign.{key}" not in out and "value" in row.cells:
                out[f"campaign.{key}"] = _cell(row.at("value"))
    if "funnel" in grids:
        for row in read_table(grids["funnel"], SHEETS["funnel"], quiet):
            out.setdefault(f"funnel.{row['stage']}", _cell(row.at("rate")))
    for kind, sheet in SHEET_OF.items():
        if sheet not in grids:
            continue
        for row in read_table(grids[sheet], SHEETS[sheet], quiet):
            for field in FIELDS[kind]:
                if field in row.cells:
                    out.setdefault(f"{kind}.{row[NAME_COLUMN[kind]]}.{field}", _cell(row.at(field)))
    return out


def _campaign_sheet(source: Source) -> str | None:
    return next((n for n in source.grids if match_key(n, {"campaign": SHEETS["campaign"].label})), None)


def _value(path: str, value: Decimal) -> int | Decimal:
    return int(value) if split(path)[2] in WHOLE and value == int(value) else value


def patch_workbook(path: Path, source: Source, values: dict[str, Decimal]) -> bytes:
    """The workbook at ``path`` with each path's cell set to its value, as .xlsx bytes.

    ``source`` is the same workbook as read by the checked reader (the file is opened again with
    openpyxl only after that reader accepted it). Raises :class:`PathError` for a path whose
    column the workbook lacks.
    """
    import openpyxl

    cells = parameter_cells(source)
    book = openpyxl.load_workbook(path)
    for name, value in values.items():
        if name in cells:
            sheet, cell = cells[name]
            book[sheet][cell].value = _value(name, value)
            continue
        kind, _, field = split(name)
        sheet_name = _campaign_sheet(source)
        if kind != "campaign" or sheet_name is None:
            raise PathError('the workbook has no cell for "{path}"; add its column first', path=name)
        ws = book[sheet_name]
        ws.append([field, _value(name, value)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
