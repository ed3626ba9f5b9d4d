"""What differs between two plans: every assumption, as a parameter path with both values.

A change names one *unit* of the model that can be taken from the new plan while the rest stays
old: a campaign key, a funnel rate, one field of a named row, or a whole row added or removed.
:func:`merge` builds the model with any set of units taken from the new plan, which is what the
bridge evaluates (:mod:`generator.calc.bridge`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..model import Model

# the model's row collections: (attribute, key fields), in the workbook's sheet order
KEYED: dict[str, tuple[str, ...]] = {
    "segments": ("name",),
    "channels": ("name",),
    "budget": ("item",),
    "revenue": ("item",),
    "tiers": ("item", "metric", "start"),
    "goals": ("level", "metric"),
    "scenarios": ("group", "parameter"),
    "sensitivity": ("parameter",),
    "stress": ("group", "parameter"),
    "uncertainty": ("parameter",),
    "risks": ("risk",),
    "timeline": ("phase",),
    "history": ("campaign", "year"),
    "benchmarks": ("category",),
}
# the path prefix of a collection whose numbers the scenarios sheet names (`budget.<item>.unit_cost`)
PATH_KIND = {"segments": "segment", "channels": "channel", "budget": "budget", "revenue": "revenue"}
SKIP = {"where"}


@dataclass(frozen=True)
class Change:
    """One assumption that differs. ``field`` is None for a row added (``old`` None) or removed
    (``new`` None); for a changed field both are the field's values."""

    sheet: str  # campaign, funnel, a KEYED collection, or narrative
    key: tuple  # the row's key values; () for campaign and funnel
    field: str | None
    old: Any
    new: Any

    @property
    def path(self) -> str:
        head = PATH_KIND.get(self.sheet, self.sheet)
        parts = [head, *(str(k) for k in self.key)]
        if self.field is not None:
            parts.append(self.field)
        return ".".join(parts)

    @property
    def row(self) -> tuple[str, tuple]:
        return self.sheet, self.key

    @property
    def is_row(self) -> bool:
        return self.field is None


def _fields(row: object) -> list[str]:
    return [f.name for f in dataclasses.fields(row) if f.name not in SKIP]  # type: ignore[arg-type]


def _key(row: object, names: tuple[str, ...]) -> tuple:
    return tuple(getattr(row, n) for n in names)


def _keyed(rows: tuple, names: tuple[str, ...]) -> dict[tuple, Any]:
    out: dict[tuple, Any] = {}
    for row in rows:
        out.setdefault(_key(row, names), row)  # validation refuses duplicates; the first one counts
    return out


def diff(old: Model, new: Model) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the workbook's order (campaign, funnel, then the sheets)."""
    changes = [
        Change(sheet, (), f, getattr(getattr(old, sheet), f), getattr(getattr(new, sheet), f))
        for sheet in ("campaign", "funnel")
        for f in _fields(getattr(old, sheet))
        if getattr(getattr(old, sheet), f) != getattr(getattr(new, sheet), f)
    ]
    for sheet, names in KEYED.items():
        before, after = _keyed(getattr(old, sheet), names), _keyed(getattr(new, sheet), names)
        for key, row in before.items():
            if key not in after:
                changes.append(Change(sheet, key, None, row, None))
                continue
            other = after[key]
            changes += [
                Change(sheet, key, f, getattr(row, f), getattr(other, f))
                for f in _fields(row)
                if f not in names and getattr(row, f) != getattr(other, f)
            ]
        changes += [Change(sheet, key, None, None, row) for key, row in after.items() if key not in before]
    before_text, after_text = dict(old.narrative), dict(new.narrative)
    for part in dict.fromkeys([*before_text, *after_text]):
        if before_text.get(part) != after_text.get(part):
            changes.append(Change("narrative", (part,), None, before_text.get(part), after_text.get(part)))
    return tuple(changes)


def _merge_rows(old_rows: tuple, new_rows: tuple, names: tuple[str, ...], taken: list[Change]) -> tuple:
    rows = {c.key: c for c in taken if c.is_row}
    fields: dict[tuple, dict[str, Any]] = {}
    for c in taken:
        if not c.is_row:
            fields.setdefault(c.key, {})[c.field] = c.new  # type: ignore[index]
    out = []
    for row in old_rows:
        key = _key(row, names)
        if key in rows and rows[key].new is None:
            continue  # its removal is taken
        out.append(dataclasses.replace(row, **fields[key]) if key in fields else row)
    out += [c.new for c in rows.values() if c.new is not None]  # additions taken
    return tuple(out)


def merge(old: Model, new: Model, taken: list[Change]) -> Model:
    """The old model with the ``taken`` changes of :func:`diff` (old, new) applied, and no other."""
    by_sheet: dict[str, list[Change]] = {}
    for c in taken:
        by_sheet.setdefault(c.sheet, []).append(c)
    parts: dict[str, Any] = {}
    for sheet in ("campaign", "funnel"):
        if sheet in by_sheet:
            parts[sheet] = dataclasses.replace(getattr(old, sheet), **{str(c.field): c.new for c in by_sheet[sheet]})
    for sheet, names in KEYED.items():
        if sheet in by_sheet:
            parts[sheet] = _merge_rows(getattr(old, sheet), getattr(new, sheet), names, by_sheet[sheet])
    if "narrative" in by_sheet:
        text = dict(old.narrative)
        for c in by_sheet["narrative"]:
            if c.new is None:
                text.pop(c.key[0], None)
            else:
                text[c.key[0]] = c.new
        parts["narrative"] = tuple(text.items())
    return dataclasses.replace(old, **parts)
