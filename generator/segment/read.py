"""Read a customer export (CSV in any supported encoding, or xlsx) into a validated DataFrame."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import Collector, Msg
from ..schema import match_key
from . import rows
from .rows import RowProblems

COLUMNS = {
    "customer_id": "客户编号",
    "last_visit": "最近到店日期",
    "visits_12m": "近12月到店次数",
    "spend_12m": "近12月消费",
    "ltv": "终身价值",
    "vehicle_model": "车型",
    "vehicle_age": "车龄",
}
REQUIRED = ("customer_id", "last_visit", "visits_12m", "spend_12m")
NUMERIC = ("visits_12m", "spend_12m", "ltv")
MAX_CUSTOMERS = 2_000_000
MAX_BYTES = 400 * 1024 * 1024
LINE = "\x00line"  # the column of ``Customers.raw`` that holds each row's file line


def _frame(path: Path, shown: str, problems: Collector, columns: dict[str, str]):
    import pandas as pd

    if not path.is_file():
        problems.error(shown, "no such file")
        return None, 2
    if path.stat().st_size > MAX_BYTES:
        problems.error(shown, "is {mb:.0f} MB; customer exports are limited to 400 MB", mb=path.stat().st_size / 1e6)
        return None, 2
    if path.suffix.lower() == ".csv":
        from ..io.csv_reader import decode

        data = path.read_bytes()
        if b"\x00" in data:
            problems.error(shown, "contains NUL bytes; it is not a text CSV (save it as CSV UTF-8)")
            return None, 2
        decoded = decode(data)
        if decoded is None:
            problems.error(shown, "is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8")
            return None, 2
        try:
            header = pd.read_csv(io.StringIO(decoded[0]), nrows=0).columns
            named = {name: key for key, name in columns.items()}
            text_columns = {c: str for c in header if named.get(str(c), match_key(str(c), COLUMNS)) not in NUMERIC}
            # numbers are parsed by the C reader (fast); a column holding text falls back below
            frame = pd.read_csv(io.StringIO(decoded[0]), dtype=text_columns, nrows=MAX_CUSTOMERS + 1)
            return frame, 2
        except Exception as exc:
            problems.error(
                shown,
                "could not be read as CSV ({why})",
                why=f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
            )
            return None, 2
    from ..io.xlsx_reader import check_workbook_file

    if not check_workbook_file(path, shown, problems, max_rows=MAX_CUSTOMERS):
        return None, 2
    try:
        frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:
        problems.error(
            shown,
            "could not be read as a workbook ({why})",
            why=f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
        )
        return None, 2
    return frame, 2


def _rename(frame, shown: str, problems: Collector, columns: dict[str, str]) -> dict | None:
    """Column → key for every known column (``columns`` maps a key to the file's own name first);
    None when a named column is missing or two columns mean the same key."""
    found = [str(c) for c in frame.columns]
    rename = {}
    for key, name in columns.items():
        if name not in found:
            problems.error(
                shown,
                'has no column "{name}" (given for {key} in --columns); its columns: {found}',
                name=name,
                key=key,
                found=_listed(found),
            )
        rename[name] = key
    for col in frame.columns:
        if str(col) in rename:
            continue
        key = match_key(str(col), COLUMNS)
        if key is None or key in columns:
            problems.warn(shown, 'unknown column "{name}" is ignored', name=col)
        else:
            rename[col] = key
    clashes: dict[str, list[str]] = {}
    for col, key in rename.items():
        clashes.setdefault(key, []).append(str(col))
    for key, cols in clashes.items():
        if len(cols) > 1:
            problems.error(
                shown,
                'columns {names} both mean "{key}"; keep one of them',
                names=", ".join(repr(c) for c in cols),
                key=key,
            )
    return None if problems.has_errors else rename


def _listed(names: list[str]) -> str:
    shown = ", ".join(f'"{n[:40]}"' for n in names[:30])
    return shown + (f" … (+{len(names) - 30})" if len(names) > 30 else "")


@dataclass(frozen=True)
class Customers:
    """An export read: the good rows typed, and the bad ones with their reasons.

    frame: customer_id, last_visit (datetime), visits_12m, spend_12m, ltv when given, vehicle columns.
    raw: the export as read (strings where the reader kept them), with each row's file line in column LINE.
    bad: each bad line with its reasons, in file order.
    by_check: the same reasons grouped by check (for the located messages).
    """

    frame: object
    raw: object
    bad: dict[int, list[Msg]]
    by_check: dict[str, list[tuple[int, Msg]]]

    @property
    def rejected(self) -> int:
        return len(self.bad)


def read_customers(path: Path, problems: Collector, columns: dict[str, str] | None = None) -> Customers | None:
    """The export with typed columns and every bad row with its reasons; None (problems say why)
    when the file or its columns cannot be used."""
    import pandas as pd

    shown = str(path)
    frame, first_line = _frame(path, shown, problems, columns or {})
    if frame is None:
        return None
    if len(frame) > MAX_CUSTOMERS:
        problems.error(shown, "has more than {most:,} customers; split the export", most=MAX_CUSTOMERS)
        return None
    rename = _rename(frame, shown, problems, columns or {})
    if rename is None:
        return None
    raw = frame
    frame = frame.rename(columns=rename)
    missing = [k for k in REQUIRED if k not in frame.columns]
    for key in missing:
        problems.error(
            shown,
            'missing column "{key}" ({label}); its columns: {found}; name yours with --columns "{key}=<column>"',
            key=key,
            label=COLUMNS[key],
            found=_listed([str(c) for c in raw.columns]),
        )
    if missing:
        return None
    line = pd.Series(range(first_line, first_line + len(frame)), index=frame.index)
    bad = RowProblems()
    out = pd.DataFrame({"customer_id": rows.ids(frame, line, bad), "last_visit": rows.visits(frame, line, bad)})
    rows.amounts(frame, out, line, bad)
    for key in ("vehicle_model", "vehicle_age"):
        if key in frame.columns:
            out[key] = frame[key]
    raw = raw.assign(**{LINE: line})
    return Customers(out, raw, bad.lines(), bad.by_check)
