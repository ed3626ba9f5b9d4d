"""`budgetgen compare OLD NEW`: read both plans, compare, write compare.json, .md and .pdf.

Also what ``build --baseline`` and the web app's compare route use: :func:`load_pair` and
:func:`comparison` gather everything first; writing comes after.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .calc.diff import KEYED, Change
from .compare import Comparison, compare
from .errors import Collector, InputError, Problem
from .model import Model
from .reading import Loaded, load
from .results import Results


@dataclass(frozen=True)
class CompareReport:
    comparison: Comparison
    out_dir: Path
    files: list[str]
    warnings: list[Problem]


def load_pair(old: Path, new: Path) -> tuple[Loaded, Loaded]:
    """Both plans loaded; :class:`InputError` with every problem of both when either is invalid."""
    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for path in (old, new):
        try:
            loaded.append(load(path))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return loaded[0], loaded[1]


def _parameter_cells(path: Path) -> dict[str, str]:
    """``budget.到店礼包.unit_cost`` → ``old.xlsx: 预算!F4`` for a workbook (CSV folders: none)."""
    from .io.reader import read_source
    from .patch import parameter_cells

    source = read_source(path, Collector())
    if source is None:
        return {}
    return {p: f"{path}: {sheet}!{cell}" for p, (sheet, cell) in parameter_cells(source).items()}


def _row_where(model: Model, change: Change) -> str:
    names = KEYED.get(change.sheet)
    if names is None:
        return ""
    for row in getattr(model, change.sheet):
        if tuple(getattr(row, n) for n in names) == change.key:
            return row.where
    return ""


def locate(model: Model, path: Path, changes: tuple[Change, ...], side: str) -> dict[tuple[str, str], str]:
    """Each change's cell on one side: the parameter's own cell, else its campaign key's, else its row's."""
    cells = _parameter_cells(path)
    out = {}
    for c in changes:
        where = cells.get(c.path) or (
            model.campaign.where.get(c.field or "", "") if c.sheet == "campaign" else _row_where(model, c)
        )
        if where:
            out[(side, c.path)] = where
    return out


def comparison(
    old: Loaded, new: Loaded, old_path: Path, new_path: Path, group_by: str, new_results: Results | None = None
) -> Comparison:
    cmp = compare(old.model, new.model, group_by, new_results=new_results)
    cells = {**locate(old.model, old_path, cmp.changes, "old"), **locate(new.model, new_path, cmp.changes, "new")}
    return replace(cmp, cells=cells)


def other_campaign(cmp: Comparison, problems: Collector, new_path: Path) -> None:
    old, new = cmp.old.model.campaign.name, cmp.new.model.campaign.name
    if old != new:
        problems.warn(
            str(new_path),
            "names another campaign than the old plan ({old} / {new}); compared anyway",
            old=old,
            new=new,
        )


def compare_plans(old: Path, new: Path, out_dir: Path, lang: str = "zh", group_by: str = "category") -> CompareReport:
    from .io.compare_json import compare_json
    from .io.output import check_output_dir, write_atomically
    from .render.compare import write_compare

    check_output_dir(out_dir, (old, new))
    before, after = load_pair(old, new)
    cmp = comparison(before, after, old, new, group_by)
    problems = Collector()
    other_campaign(cmp, problems, new)
    files: list[str] = []

    def write(tmp: Path) -> None:
        (tmp / "compare.json").write_text(compare_json(cmp, lang), encoding="utf-8")
        files.append("compare.json")
        files.extend(write_compare(cmp, tmp, lang))

    write_atomically(out_dir, write, command="compare", fingerprint=cmp.new.fingerprint, inputs=(old, new))
    return CompareReport(cmp, out_dir, files, before.warnings + after.warnings + problems.warnings)
