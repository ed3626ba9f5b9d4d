"""A sheet as read from a file: rows of raw cell values with their locations."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ROWS = 100_000
MAX_FILE_BYTES = 20 * 1024 * 1024


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Grid:
    """One sheet: ``rows`` holds (row number, values) for non-blank rows.

    ``is_csv`` picks the location style: ``file.xlsx: sheet!B7`` for a
    workbook, ``folder/sheet.csv:7`` for a CSV file.
    """

    file: str
    sheet: str
    is_csv: bool
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(
        default_factory=list
    )  # first row, first col, last row, last col (1-based)

    def merged_range(self, row: int, col: int) -> str | None:
        """The merged range (``A2:A3``) that holds this cell (0-based column), when it is part of one."""
        for r1, c1, r2, c2 in self.merged:
            if r1 <= row <= r2 and c1 <= col + 1 <= c2:
                return f"{column_letter(c1 - 1)}{r1}:{column_letter(c2 - 1)}{r2}"
        return None

    @property
    def where(self) -> str:
        return self.file if self.is_csv else f"{self.file}: {self.sheet}"

    def cell(self, row: int, col: int) -> str:
        if self.is_csv:
            return f"{self.file}:{row}"
        return f"{self.file}: {self.sheet}!{column_letter(col)}{row}"

    def row_where(self, row: int) -> str:
        return f"{self.file}:{row}" if self.is_csv else f"{self.file}: {self.sheet}!{row}:{row}"


@dataclass
class Source:
    """Everything read from one input: grids keyed by the file's sheet name."""

    path: str
    grids: dict[str, Grid]
