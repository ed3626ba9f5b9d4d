"""JSON with money as numbers carrying exactly two decimals (Decimal → 1234.50)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a string with

from .rounding import excel_round


class Money(Decimal):
    """A Decimal written with two decimals."""


def dumps(value: object, indent: int = 2, _level: int = 0) -> str:
    pad = " " * (indent * (_level + 1))
    end = " " * (indent * _level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{encode_basestring(str(k))}: {dumps(v, indent, _level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(pad + dumps(v, indent, _level + 1) for v in value) + "\n" + end + "]"
    if isinstance(value, Money):
        return format(excel_round(Decimal(value), 2), "f")
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return repr(float(value))
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return json.dumps(value, ensure_ascii=False)
