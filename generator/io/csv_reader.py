"""Read a folder of <sheet>.csv files in UTF-8 (with or without BOM) or GB18030."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import Collector
from .grid import MAX_FILE_BYTES, MAX_ROWS, Grid, Source


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was in, or None when it is neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def read_csv_file(path: Path, shown: str, sheet: str, problems: Collector) -> Grid | None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.error(shown, "is {mb:.1f} MB; CSV inputs are limited to 20 MB", mb=size / 1e6)
        return None
    data = path.read_bytes()
    if b"\x00" in data:
        problems.error(shown, "contains NUL bytes; it is not a text CSV (save it as CSV UTF-8)")
        return None
    decoded = decode(data)
    if decoded is None:
        problems.error(shown, "is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8")
        return None
    grid = Grid(shown, sheet, is_csv=True)
    reader = csv.reader(io.StringIO(decoded[0], newline=""))
    for number, row in enumerate(reader, start=1):
        if number > MAX_ROWS + 1:
            problems.error(shown, "has more than {rows:,} rows; inputs are limited to that", rows=MAX_ROWS)
            return None
        if any(cell.strip() for cell in row):
            grid.rows.append((reader.line_num, list(row)))
    return grid


def read_csv_folder(folder: Path, shown: str, problems: Collector) -> Source | None:
    grids: dict[str, Grid] = {}
    root = folder.resolve()
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv")
    if not files:
        problems.error(shown, "holds no .csv files; give a workbook or a folder of <sheet>.csv files")
        return None
    for path in files:
        shown_file = f"{shown.rstrip('/')}/{path.name}"
        if not path.is_file():  # a FIFO would hang the read, a folder crash it
            problems.warn(shown_file, "is not a regular file; it is ignored")
            continue
        if not path.resolve().is_relative_to(root):
            problems.error(shown_file, "is a link to a file outside the input folder; refused")
            continue
        grid = read_csv_file(path, shown_file, path.stem, problems)
        if grid is not None:
            grids[path.stem] = grid
    return Source(shown, grids)
