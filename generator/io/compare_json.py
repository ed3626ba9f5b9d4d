"""compare.json (SPEC §7 "Comparing two plans"), written from the comparison alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..compare import Comparison, Figure
from ..compare_text import change_phrase, group_name, step_label
from ..jsonout import Money, dumps
from ..results import Results


def _plain(value: object) -> object:
    """A model value as JSON: numbers, text, dates as ISO, a whole row as its fields."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "where"}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _figure(f: Figure) -> dict:
    wrap = (lambda v: None if v is None else Money(v)) if f.kind == "money" else (lambda v: v)
    return {"old": wrap(f.old), "new": wrap(f.new), "change": wrap(f.change), "pct": f.pct}


def _side(results: Results) -> dict:
    return {"fingerprint": results.fingerprint, "name": results.model.campaign.name, "source": results.model.source}


def compare_dict(cmp: Comparison, lang: str) -> dict:
    groups = [{"group": g.key, "label": group_name(g.key, cmp.group_by, lang)} for g in cmp.groups]
    bridge = {
        "budget_total": [
            {**g, "label": step_label(group, cmp.group_by, step, lang), "change": Money(step)}
            for g, group, step in zip(groups, cmp.groups, cmp.budget.steps, strict=True)
        ],
        "roi_total": []
        if cmp.roi is None
        else [
            {**g, "change": step}
            for g, step in zip(groups, cmp.roi.steps, strict=True)  # type: ignore[union-attr]
        ],
    }
    group_of = {c: g.key for g in cmp.groups for c in g.changes}
    return {
        "old": _side(cmp.old),
        "new": _side(cmp.new),
        "same": cmp.same,
        "group_by": cmp.group_by,
        "method": cmp.method,
        "changes": [
            {
                "path": c.path,
                "sheet": c.sheet,
                "group": group_of[c],
                "old": _plain(c.old),
                "new": _plain(c.new),
                "old_cell": cmp.cell("old", c),
                "new_cell": cmp.cell("new", c),
                "text": change_phrase(c, lang),
            }
            for c in cmp.changes
        ],
        "figures": {f.key: _figure(f) for f in cmp.figures},
        "scenarios": {name: {f.key: _figure(f) for f in figs} for name, figs in cmp.scenarios},
        "bridge": bridge,
    }


def baseline_dict(cmp: Comparison, lang: str) -> dict:
    """What ``build --baseline`` adds to results.json: the old plan and the bridges."""
    full = compare_dict(cmp, lang)
    return {k: full[k] for k in ("old", "same", "group_by", "method", "changes", "figures", "bridge")}


def compare_json(cmp: Comparison, lang: str) -> str:
    return dumps(compare_dict(cmp, lang)) + "\n"
