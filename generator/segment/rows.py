"""The row checks of a customer export: typed columns, and every bad row with its reasons.

The cells are converted by the input workbook's own converters (``generator.values``),
so an export accepts what a workbook accepts (``2024年3月5日``, ``¥1,234``) and refuses
what it refuses (a visit count of 2.5), with the bad value in the message. A
vectorised pass takes the common spellings; only the cells it cannot read go
through the converter one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import MessageError, Msg, Named, msg
from ..values import conv_count, conv_date, conv_money

LABELS = {
    "customer_id": "客户编号",
    "last_visit": "最近到店日期",
    "visits_12m": "近12月到店次数",
    "spend_12m": "近12月消费",
    "ltv": "终身价值",
}


@dataclass
class RowProblems:
    """Bad rows: for each check, the (line, reason) pairs in file order."""

    by_check: dict[str, list[tuple[int, Msg]]] = field(default_factory=dict)

    def add(self, check: str, line: int, reason: Msg) -> None:
        self.by_check.setdefault(check, []).append((line, reason))

    def lines(self) -> dict[int, list[Msg]]:
        """Each bad line with all its reasons."""
        out: dict[int, list[Msg]] = {}
        for pairs in self.by_check.values():
            for line, reason in pairs:
                out.setdefault(line, []).append(reason)
        return dict(sorted(out.items()))


def _field(key: str) -> Named:
    return Named(key, LABELS[key])


def _retry(texts, rows, key: str, convert: Callable, problems: RowProblems, line) -> dict:
    """Convert the cells at ``rows`` one by one: {index: value}; a failure is a reason on its line."""
    values = {}
    for index in rows:
        try:
            values[index] = convert(texts[index])
        except MessageError as exc:
            problems.add(key, int(line[index]), msg("{field} {reason}", field=_field(key), reason=exc.message))
    return values


def visits(frame, line, problems: RowProblems):
    """last_visit as datetimes (NaT on a bad row)."""
    import pandas as pd

    text = frame["last_visit"].fillna("").astype(str).str.strip()
    value = pd.to_datetime(text.str.replace("/", "-", regex=False), errors="coerce", format="%Y-%m-%d")
    retry = value.isna()
    for index, day in _retry(text, text.index[retry], "last_visit", _required(conv_date), problems, line).items():
        value[index] = pd.Timestamp(day)
    return value


def _required(convert: Callable) -> Callable:
    """``convert`` for a cell that must be given: a blank (or NaN) is a reason, "is required"."""

    def check(raw):
        text = "" if raw is None or raw != raw else str(raw).strip()
        if text == "":
            raise MessageError("is required")
        return convert(text)

    return check


def amounts(frame, out, line, problems: RowProblems) -> None:
    """visits_12m (whole), spend_12m (required) and ltv (may be blank): numbers ≥ 0."""
    import pandas as pd

    for key, convert, blank_ok in (
        ("visits_12m", conv_count, False),
        ("spend_12m", conv_money, False),
        ("ltv", conv_money, True),
    ):
        if key not in frame.columns:
            continue
        column = frame[key]
        numeric = pd.api.types.is_numeric_dtype(column)
        value = column if numeric else pd.to_numeric(column, errors="coerce")
        blank = column.isna() if numeric else column.isna() | (column.astype(str).str.strip() == "")
        good = value.notna() & (value >= 0)
        if key == "visits_12m":
            good &= value == value.round()
        retry = ~good & ~(blank & blank_ok)
        check = _required(lambda text, convert=convert: convert(_whole(text)))
        value = value.where(good).astype("float64")
        for index, number in _retry(column, column.index[retry], key, check, problems, line).items():
            value[index] = float(number)
        out[key] = value


def _whole(text: str) -> str:
    """2.0 as the reader gave a whole number in a numeric column: 2."""
    return text[:-2] if text.endswith(".0") else text


def ids(frame, line, problems: RowProblems):
    """customer_id as stripped text; blank and repeated ids are reasons on their lines."""
    text = frame["customer_id"].fillna("").astype(str).str.strip()
    for index in text.index[text == ""]:
        problems.add("customer_id", int(line[index]), msg("customer_id is required (客户编号)"))
    repeated = text.duplicated(keep=False) & (text != "")
    if repeated.any():
        first: dict[str, int] = {}
        for index in text.index[repeated]:
            key, at = text[index], int(line[index])
            if key in first:
                problems.add(
                    "duplicate",
                    at,
                    msg('duplicate customer_id "{id}" (first at line {first})', id=key[:40], first=first[key]),
                )
            else:
                first[key] = at
    return text
