"""Read a customer export (CSV in any supported encoding, or xlsx) into a validated DataFrame."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import Collector, Msg, msg
from ..schema import match_key

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
SHOWN = 20  # located messages shown per problem kind


def _frame(path: Path, shown: str, problems: Collector):
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
            text_columns = {c: str for c in header if match_key(str(c), COLUMNS) not in NUMERIC}
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


def _located(problems: Collector, shown: str, lines, message: Msg) -> None:
    lines = list(lines)
    for line in lines[:SHOWN]:
        problems.error(f"{shown}:{line}", message)
    if len(lines) > SHOWN:
        problems.error(shown, "{n:,} more rows: {message}", n=len(lines) - SHOWN, message=message)


def _rename(frame, shown: str, problems: Collector) -> dict | None:
    """Column → key for every known column; None when two columns mean the same key."""
    rename = {}
    for col in frame.columns:
        key = match_key(str(col), COLUMNS)
        if key is None:
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


def _visits(frame, line, shown: str, problems: Collector):
    import pandas as pd

    text = frame["last_visit"].fillna("").astype(str).str.strip().str.replace("/", "-", regex=False)
    visit = pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")  # the common case, fast
    retry = visit.isna() & (text != "")
    if retry.any():  # other spellings (2024-4-1, 2024-04-01 00:00:00, …), parsed one by one
        visit[retry] = pd.to_datetime(text[retry], errors="coerce", format="mixed")
    _located(problems, shown, line[visit.isna()], msg("last_visit must be a date like 2024-03-01"))
    return visit


def _amounts(frame, out, line, shown: str, problems: Collector) -> None:
    """visits_12m, spend_12m (required when present) and ltv (may be blank): numbers ≥ 0."""
    import pandas as pd

    for key in ("visits_12m", "spend_12m", "ltv"):
        if key not in frame.columns:
            continue
        column = frame[key]
        if pd.api.types.is_numeric_dtype(column):  # parsed by the reader: NaN is a blank cell
            value, blank = column, column.isna()
        else:
            text = column.fillna("").astype(str).str.strip().str.replace(",", "", regex=False)
            value = pd.to_numeric(text, errors="coerce")
            blank = text == ""
        bad = (value.isna() & ~blank) | (value < 0)
        if key != "ltv":
            bad |= blank
        _located(problems, shown, line[bad], msg("{key} must be a number ≥ 0", key=key))
        out[key] = value


def read_customers(path: Path, problems: Collector):
    """The export as a DataFrame with typed columns; every bad row reported with its line."""
    import pandas as pd

    shown = str(path)
    frame, first_line = _frame(path, shown, problems)
    if frame is None:
        return None
    if len(frame) > MAX_CUSTOMERS:
        problems.error(shown, "has more than {most:,} customers; split the export", most=MAX_CUSTOMERS)
        return None
    rename = _rename(frame, shown, problems)
    if rename is None:
        return None
    frame = frame.rename(columns=rename)
    missing = [k for k in REQUIRED if k not in frame.columns]
    for key in missing:
        problems.error(shown, 'missing column "{key}" ({label})', key=key, label=COLUMNS[key])
    if missing:
        return None
    line = pd.Series(range(first_line, first_line + len(frame)), index=frame.index)
    ids = frame["customer_id"].fillna("").astype(str).str.strip()
    _located(problems, shown, line[ids == ""], msg("customer_id is required (客户编号)"))
    dup = ids.duplicated(keep="first") & (ids != "")
    _located(problems, shown, line[dup], msg("duplicate customer_id"))
    out = pd.DataFrame({"customer_id": ids, "last_visit": _visits(frame, line, shown, problems)})
    _amounts(frame, out, line, shown, problems)
    for key in ("vehicle_model", "vehicle_age"):
        if key in frame.columns:
            out[key] = frame[key]
    return None if problems.has_errors else out
