"""The inputs' fingerprint: SHA-256 of the normalised model, first 12 hex.

Locations and the source path are left out, and numbers are normalised, so
the same case read from .xlsx, CSV UTF-8 or CSV GBK gives the same print.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal

from .model import Model

_SKIP = {"where", "source"}


def normalise(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: normalise(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _SKIP}
    if isinstance(value, (tuple, list)):
        return [normalise(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)):
        d = Decimal(value).normalize()
        return format(d, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot normalise {type(value).__name__}")


def fingerprint(model: Model) -> str:
    text = json.dumps(normalise(model), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
