"""Turn a raw grid into typed rows: headers matched, cells converted, located."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Collector, Msg, Named, msg
from ..io.grid import Grid
from ..schema import Column, Sheet, match_key
from ..text import clean, has_control, terminal
from ..values import CONVERTERS, BadValue, conv_enum, is_blank


@dataclass(frozen=True)
class Row:
    """A data row: typed ``values`` (None when blank) and each cell's location."""

    values: dict[str, object]
    cells: dict[str, str]
    where: str

    def __getitem__(self, key: str) -> object:
        return self.values.get(key)

    def at(self, key: str) -> str:
        return self.cells.get(key, self.where)


def convert(column: Column, raw: object) -> object:
    if column.kind == "enum":
        return conv_enum(raw, column.key, column.enum)
    return CONVERTERS[column.kind](raw)


def _blank_headers(grid: Grid, number: int, header: list[object], problems: Collector) -> None:
    """A column with values under a blank (or merged) header would be dropped: say so, at the header cell."""
    width = max((len(cells) for _, cells in grid.rows), default=0)
    for index in range(width):
        if index < len(header) and not is_blank(header[index]):
            continue
        below = next(((n, c[index]) for n, c in grid.rows[1:] if index < len(c) and not is_blank(c[index])), None)
        if below is None:
            continue
        merged = grid.merged_range(number, index)
        why = msg("is part of the merged header {merged}", merged=merged) if merged else msg("has no header")
        cell = grid.cell(below[0], index).rsplit("!", 1)[-1]
        problems.error(
            grid.cell(number, index),
            "this column {why} but the cells below hold values ({cell} = {value}); "
            "give the column its own header, or delete the values",
            why=why,
            cell=cell,
            value=repr(str(below[1])[:40]),
        )


def _header(grid: Grid, sheet: Sheet, problems: Collector) -> tuple[int, dict[int, Column]] | None:
    if not grid.rows:
        problems.error(grid.where, "is empty; its first row must hold the column headers")
        return None
    number, cells = grid.rows[0]
    labels = {c.key: c.label for c in sheet.columns}
    mapping: dict[int, Column] = {}
    for index, raw in enumerate(cells):
        if is_blank(raw):
            continue
        key = match_key(str(raw), labels)
        if key is None:
            problems.warn(grid.cell(number, index), 'unknown column "{name}" is ignored', name=raw)
        elif key in {c.key for c in mapping.values()}:
            problems.error(grid.cell(number, index), 'column "{name}" appears twice', name=raw)
        else:
            mapping[index] = sheet.column(key)
    _blank_headers(grid, number, cells, problems)
    missing = [c for c in sheet.columns if c.required and c not in mapping.values()]
    for column in missing:
        problems.error(
            grid.cell(number, 0) if not grid.is_csv else grid.where,
            'missing column "{key}" ({label})',
            key=column.key,
            label=column.label,
        )
    if missing:
        return None
    return number, mapping


def _strip_control(grid: Grid, problems: Collector) -> None:
    """Control characters cannot go into any document: removed from every text cell, with a warning."""
    for number, cells in grid.rows:
        for index, raw in enumerate(cells):
            if isinstance(raw, str) and has_control(raw):
                problems.warn(
                    grid.cell(number, index),
                    "contains control characters ({text}); they are removed",
                    text=terminal(raw)[:60],
                )
                cells[index] = clean(raw)


def _typed(header: object, column: Column) -> Named:
    """A column as messages name it: its key in English, the header the user wrote in Chinese
    (without the ``(key)`` that `budgetgen init` adds)."""
    text = re.sub(rf"\s*[(（]\s*{re.escape(column.key)}\s*[)）]\s*$", "", str(header or "").strip())
    return Named(column.key, text or column.label)


def read_table(grid: Grid, sheet: Sheet, problems: Collector) -> list[Row]:
    """Typed rows of one sheet; a row with a bad cell is reported and dropped."""
    _strip_control(grid, problems)
    header = _header(grid, sheet, problems)
    if header is None:
        return []
    number, mapping = header
    head = dict(enumerate(grid.rows[0][1]))
    typed = {c.key: _typed(head.get(i), c) for i, c in mapping.items()}
    rows: list[Row] = []
    for number, cells in grid.rows[1:]:
        values: dict[str, object] = {}
        where: dict[str, str] = {}
        ok = True
        for index, column in mapping.items():
            raw = cells[index] if index < len(cells) else None
            where[column.key] = grid.cell(number, index)
            merged = grid.merged_range(number, index) if grid.merged else None
            if merged and not merged.startswith(f"{where[column.key].rsplit('!', 1)[-1]}:"):
                problems.error(
                    where[column.key],
                    "is part of the merged range {merged}; unmerge it and fill in each cell",
                    merged=merged,
                )
                ok = False
                continue
            if is_blank(raw):
                values[column.key] = None
                if column.required:
                    problems.error(where[column.key], "{field} is required", field=typed[column.key])
                    ok = False
                continue
            try:
                values[column.key] = convert(column, raw)
            except BadValue as exc:
                problems.error(where[column.key], "{field} {reason}", field=typed[column.key], reason=exc.message)
                ok = False
        if ok:
            rows.append(Row(values, where, grid.row_where(number)))
    return rows


def unique(rows: list[Row], key: str, problems: Collector, what: Msg, seen: dict[str, str] | None = None) -> None:
    """Report each repeated value of ``key``, pointing at the first use."""
    seen = {} if seen is None else seen
    for row in rows:
        value = row[key]
        if value is None:
            continue
        if value in seen:
            problems.error(
                row.at(key), 'duplicate {what} "{value}" (first at {first})', what=what, value=value, first=seen[value]
            )
        else:
            seen[str(value)] = row.at(key)
