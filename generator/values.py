"""Convert one raw cell (from openpyxl or CSV text) to a typed value.

Each converter returns the value or raises :class:`BadValue` with a message
that says how to fix it. A blank cell is ``None`` before any converter runs.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from .errors import MessageError, Msg, msg
from .schema import CATEGORIES, ENUM_LABELS, LEVEL_WORDS, TRIGGER_OPS, match_key
from .text import clean


class BadValue(MessageError):
    """A cell's value that cannot be used; ``message`` says why, in any language."""


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def shown(raw: object) -> str:
    text = str(raw)
    if len(text) > 40:
        text = text[:37] + "…"
    return '"' + text.replace('"', '\\"') + '"'


_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def to_decimal(raw: object) -> Decimal | None:
    """A number from a cell: ints, floats, or text like "1,234.50", "¥30", "15%"."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        return raw
    if not isinstance(raw, str):
        return None
    text = raw.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    text = text.removesuffix("元").strip()
    percent = text.endswith("%") or text.endswith("％")
    if percent:
        text = text[:-1].strip()
    if not _NUM_RE.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value / 100 if percent else value


MAX_AMOUNT = Decimal(10) ** 12  # yuan, counts, quantities: beyond this a workbook cannot carry the fen
MIN_RATE = Decimal("0.0001")


def _number(raw: object, what: Msg) -> Decimal:
    value = to_decimal(raw)
    if value is None:
        raise BadValue("must be {what}, got {value}", what=what, value=shown(raw))
    if abs(value) > MAX_AMOUNT:
        raise BadValue(
            "is {value}, beyond the limit of 1,000,000,000,000; check the unit (yuan, people)", value=shown(raw)
        )
    return value


def conv_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return clean(str(raw)).strip()


def conv_raw(raw: object) -> object:
    return raw


def conv_signed(raw: object) -> Decimal:
    return _number(raw, msg("a number"))


def conv_number0(raw: object) -> Decimal:
    value = _number(raw, msg("a number ≥ 0"))
    if value < 0:
        raise BadValue("must be {what}, got {value}", what=msg("a number ≥ 0"), value=shown(raw))
    return value


def conv_money(raw: object) -> Decimal:
    value = _number(raw, msg("a number ≥ 0 (yuan, like 1234.50 or 1,234.50)"))
    if value < 0:
        raise BadValue("must be {what}, got {value}", what=msg("a number ≥ 0"), value=shown(raw))
    return value


def conv_count(raw: object) -> int:
    what = msg("a whole number ≥ 0")
    value = _number(raw, what)
    if value < 0 or value != value.to_integral_value():
        raise BadValue("must be {what}, got {value}", what=what, value=shown(raw))
    return int(value)


def conv_year(raw: object) -> int:
    value = conv_count(raw)
    if not 1900 <= value <= 2200:
        raise BadValue("must be {what}, got {value}", what=msg("a year like 2024"), value=shown(raw))
    return value


def conv_day(raw: object) -> int:
    if isinstance(raw, dt.date) or re.match(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}", str(raw)):
        raise BadValue(
            "holds a date ({value}); give day numbers (1 = first execution day), "
            "or name the column date (日期) — dates are accepted there",
            value=shown(raw),
        )
    value = conv_count(raw)
    if value < 1:
        what = msg("a day number ≥ 1 (1 = first execution day)")
        raise BadValue("must be {what}, got {value}", what=what, value=shown(raw))
    return value


def conv_rate(raw: object) -> Decimal:
    value = to_decimal(raw)
    if value is None or not 0 < value <= 1:
        raise BadValue(
            "must be in (0, 1], got {value} — rates are fractions like 0.15 or percentages like 15%", value=shown(raw)
        )
    if value < MIN_RATE:
        raise BadValue(
            "is {value}, below 0.01%; rates are fractions like 0.15 or percentages like 15%", value=shown(raw)
        )
    return value


def conv_fraction(raw: object) -> Decimal:
    value = to_decimal(raw)
    if value is None or not 0 <= value <= 1:
        raise BadValue(
            "must be in [0, 1], got {value} — rates are fractions like 0.15 or percentages like 15%", value=shown(raw)
        )
    return value


def conv_touches(raw: object) -> Decimal:
    value = to_decimal(raw)
    if value is None or not 1 <= value <= 100:
        what = msg("a number from 1 to 100 (average touches per reached customer)")
        raise BadValue("must be {what}, got {value}", what=what, value=shown(raw))
    return value


_TRUE = {"yes", "y", "true", "1", "是", "x", "✓", "√", "memo"}
_FALSE = {"no", "n", "false", "0", "否"}


def conv_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = conv_text(raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValue("must be {what}, got {value}", what=msg("yes or no (是/否)"), value=shown(raw))


def conv_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = conv_text(raw).replace("/", "-").replace(".", "-")
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(-\d+)?)?$", "", text)  # a midnight time an export adds
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text) or re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise BadValue("must be {what}, got {value}", what=msg("a date like 2024-05-01"), value=shown(raw))


def conv_level(raw: object) -> int:
    text = conv_text(raw).lower()
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    value = to_decimal(raw)
    if value is None or value not in {1, 2, 3, 4, 5}:
        raise BadValue("must be {what}, got {value}", what=msg("1–5 or 高/中/低"), value=shown(raw))
    return int(value)


def conv_op(raw: object) -> str:
    text = conv_text(raw)
    if text not in TRIGGER_OPS:
        raise BadValue("must be {what}, got {value}", what=msg("one of < <= > >="), value=shown(raw))
    return TRIGGER_OPS[text]


def conv_categories(raw: object) -> tuple[str, ...]:
    parts = [p for p in re.split(r"[,，;；、\s]+", conv_text(raw)) if p]
    out = []
    for part in parts:
        key = match_key(part, ENUM_LABELS["category"])
        if key not in CATEGORIES:
            use = ", ".join(CATEGORIES)
            raise BadValue("names an unknown category {value}; use {use}", value=shown(part), use=use)
        out.append(key)
    if not out:
        raise BadValue("must name at least one category")
    return tuple(dict.fromkeys(out))


def conv_enum(raw: object, column_key: str, allowed: tuple[str, ...]) -> str:
    labels = {k: v for k, v in ENUM_LABELS.get(column_key, {}).items() if k in allowed}
    labels.update({k: k for k in allowed if k not in labels})
    key = match_key(conv_text(raw), labels)
    if key is None:
        choices = ", ".join(f"{k} ({labels[k]})" if labels[k] != k else k for k in allowed)
        raise BadValue("must be one of {choices}; got {value}", choices=choices, value=shown(raw))
    return key


CONVERTERS = {
    "text": conv_text,
    "raw": conv_raw,
    "signed": conv_signed,
    "number0": conv_number0,
    "money": conv_money,
    "count": conv_count,
    "year": conv_year,
    "day": conv_day,
    "rate": conv_rate,
    "fraction": conv_fraction,
    "touches": conv_touches,
    "bool": conv_bool,
    "date": conv_date,
    "level": conv_level,
    "op": conv_op,
    "categories": conv_categories,
}
