"""Read an .xlsx input safely: size and zip-bomb checks before openpyxl parses."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import Collector
from .grid import MAX_FILE_BYTES, MAX_ROWS, Grid, Source

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_SHEETS = 100
MAX_CELLS = 1_000_000  # cells that hold anything, over all sheets
MAX_STRINGS = 1_000_000  # entries of the shared-strings table
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+:?[A-Z]*(\d*)"')


def _count(zf: zipfile.ZipFile, info: zipfile.ZipInfo, needles: tuple[bytes, ...]) -> int:
    """How often the needles occur in a part, read in 1 MB chunks (bounded memory)."""
    count, tail = 0, b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            count += sum(data.count(n) for n in needles)
            tail = data[-8:]
            count -= sum(tail.count(n) for n in needles)
    return count + sum(tail.count(n) for n in needles)


def _check_counts(zf: zipfile.ZipFile, infos, shown: str, problems: Collector, max_cells: int) -> bool:
    """Sheets, cells and shared strings, counted from the parts themselves before any parser runs."""
    sheets = [i for i in infos if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]
    if len(sheets) > MAX_SHEETS:
        problems.error(
            shown, "has {sheets:,} sheets; workbooks are limited to {most}", sheets=len(sheets), most=MAX_SHEETS
        )
        return False
    cells = sum(_count(zf, i, (b"<c ", b"<c>", b":c ")) for i in sheets)
    if cells > max_cells:
        problems.error(
            shown,
            "has {cells:,} filled cells; inputs are limited to {most:,} (delete unused sheets or ranges)",
            cells=cells,
            most=max_cells,
        )
        return False
    strings = [i for i in infos if i.filename.lower() == "xl/sharedstrings.xml"]
    count = sum(_count(zf, i, (b"<si>", b"<si ")) for i in strings)
    if count > MAX_STRINGS:
        problems.error(
            shown, "holds {count:,} shared strings; inputs are limited to {most:,}", count=count, most=MAX_STRINGS
        )
        return False
    return True


def _check_parts(zf, infos, shown: str, problems: Collector, max_rows: int) -> bool:
    """No XML part declares entities; no sheet claims more rows than allowed."""
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as fh:
                head = fh.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                problems.error(
                    shown, "{part} declares XML entities; refused (a workbook never needs them)", part=info.filename
                )
                return False
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with zf.open(info) as fh:
                m = _DIMENSION.search(fh.read(4096))
            if m and m.group(1) and int(m.group(1)) > max_rows + 1:
                rows = int(m.group(1))
                problems.error(
                    shown, "a sheet has {rows:,} rows; inputs are limited to {most:,} rows", rows=rows, most=max_rows
                )
                return False
    return True


def check_workbook_file(
    path: Path, shown: str, problems: Collector, max_rows: int = MAX_ROWS, max_cells: int = MAX_CELLS
) -> bool:
    """Refuse files that are too big, not zips, encrypted, zip bombs, or too many cells to read in bounded time."""
    if not path.is_file():
        problems.error(shown, "is not a regular file")
        return False
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.error(shown, "is {mb:.1f} MB; input workbooks are limited to 20 MB", mb=size / 1e6)
        return False
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        problems.error(
            shown,
            "is password-protected or an old .xls file; save it as .xlsx without a password",
        )
        return False
    if not zipfile.is_zipfile(path):
        problems.error(shown, "is not an .xlsx workbook (save it from Excel or WPS as .xlsx)")
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                problems.error(
                    shown,
                    "unpacks to {mb:.0f} MB of XML (limit {most} MB); refused as a possible zip bomb",
                    mb=total / 1e6,
                    most=MAX_UNCOMPRESSED // 2**20,
                )
                return False
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                problems.error(shown, "is a zip file but not an .xlsx workbook")
                return False
            if not _check_parts(zf, infos, shown, problems, max_rows):
                return False
            if not _check_counts(zf, infos, shown, problems, max_cells):
                return False
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        problems.error(shown, "is a corrupt .xlsx file ({why})", why=str(exc))
        return False
    return True


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _merges(zf: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges a sheet part declares, read in chunks."""
    found, tail = [], b""
    try:
        fh = zf.open(part.lstrip("/"))
    except KeyError:
        return []
    with fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")
            data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            found += [(int(r1), _col(c1), int(r2), _col(c2)) for c1, r1, c2, r2 in _MERGE.findall(data)]
    found += [(int(r1), _col(c1), int(r2), _col(c2)) for c1, r1, c2, r2 in _MERGE.findall(tail)]
    return found


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}"


def read_xlsx(path: Path, shown: str, problems: Collector) -> Source | None:
    if not check_workbook_file(path, shown, problems):
        return None
    from openpyxl import load_workbook  # deferred: keeps `--help` fast

    try:
        wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        problems.error(shown, "could not be read as a workbook ({why})", why=_one_line(exc))
        return None
    grids: dict[str, Grid] = {}
    zf = zipfile.ZipFile(path)
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()  # a stated A1:XFD400 must not pad every row to 16,384 cells
            grid = Grid(shown, ws.title, is_csv=False)
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS + 1:
                    problems.error(grid.where, "has more than {rows:,} rows; inputs are limited to that", rows=MAX_ROWS)
                    return None
                values = list(row)
                if any(v is not None and str(v).strip() != "" for v in values):
                    grid.rows.append((number, values))
            grid.merged = _merges(zf, getattr(ws, "_worksheet_path", ""))
            grids[ws.title] = grid
    except Exception as exc:
        problems.error(shown, "could not be read as a workbook ({why})", why=_one_line(exc))
        return None
    finally:
        wb.close()
        zf.close()
    return Source(shown, grids)
