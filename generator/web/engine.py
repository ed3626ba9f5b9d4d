"""What the web app does, without HTTP: upload, what-if, save as version — over the store.

Every figure comes from :func:`generator.results.compute` on the model the CLI would read from
the same workbook, so the app and results.json never disagree. Loaded models are kept in memory
per version (a version never changes), so a what-if costs one computation and no reading.
"""

from __future__ import annotations

import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from ..errors import Collector, InputError, Problem
from ..results import Results, compute
from .store import Store, Version

CACHE_SIZE = 32
WHATIF_CACHE = 256  # answers kept (encoded: ~13 kB each)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """An upload or a save: the version kept, its results (None for a draft) and its problems."""

    version: Version
    results: Results | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != "error"]


def relabel(problems: list[Problem], path: Path, name: str) -> list[Problem]:
    """Locations name the file the user uploaded, not the store's copy."""
    shown = str(path)
    return [replace(p, where=p.where.replace(shown, name, 1)) if p.where.startswith(shown) else p for p in problems]


def summary(results: Results) -> dict:
    """The headline figures the campaign list shows."""
    plan = results.plan
    return {
        "name": results.model.campaign.name,
        "budget_total": str(plan.budget.total),
        "deals": plan.funnel.forward.deals,
        "roi_total": str(plan.roi.total) if plan.roi.total is not None else None,
        "feasible": plan.funnel.feasible,
    }


def parse_overrides(raw: object, model) -> dict[str, Decimal]:
    """``{"funnel.open": 0.3}`` → paths with Decimal values; :class:`InputError` for an unknown path,
    a value that is not a number, or one out of range (every problem at once)."""
    from ..calc.params import PathError, bounds, check, split

    problems = Collector()
    if not isinstance(raw, dict):
        problems.error("overrides", "must be an object of parameter paths and values")
        raise InputError(problems.problems)
    out: dict[str, Decimal] = {}
    for path, value in raw.items():
        where = f"overrides.{path}"
        try:
            check(model, str(path))
            split(str(path))
        except PathError as exc:
            problems.error(where, exc.message)
            continue
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except (InvalidOperation, ValueError):
            number = Decimal("NaN")
        low, high = bounds(str(path))
        if isinstance(value, bool) or not number.is_finite():
            problems.error(where, "must be a number, got {value}", value=repr(value)[:40])
        elif number < low or (high is not None and number > high):
            limit = f"{low} – {high}" if high is not None else f"≥ {low}"
            problems.error(where, "is {value}, out of range ({limit})", value=number, limit=limit)
        else:
            out[str(path)] = number
    problems.raise_if_errors()
    return out


class Engine:
    """The app's operations over a :class:`Store`; thread-safe (one lock around each store write)."""

    def __init__(self, store: Store, draws: int = 10_000):
        self.store = store
        self.draws = draws
        self._cache: dict[tuple[int, int], object] = {}
        self._answers: OrderedDict[tuple, object] = OrderedDict()  # what-if answers, least recently asked first
        self._lock = threading.Lock()

    def _load(self, path: Path, name: str):
        from ..pipeline import load

        try:
            loaded = load(path)
        except InputError as exc:
            return None, relabel(exc.problems, path, name)
        return loaded, relabel(loaded.warnings, path, name)

    def _check_bytes(self, data: bytes, name: str):
        with tempfile.TemporaryDirectory(prefix="budgetgen-upload-") as tmp:
            path = Path(tmp) / "upload.xlsx"
            path.write_bytes(data)
            loaded, problems = self._load(path, name)
        results = compute(loaded.model, self.draws) if loaded else None
        return loaded, results, problems

    def upload(self, filename: str, data: bytes, campaign: int | None = None, note: str = "") -> Outcome:
        """Keep an uploaded workbook as a new campaign (or the campaign's next version); a draft when it has errors."""
        name = Path(filename).name or "upload.xlsx"
        loaded, results, problems = self._check_bytes(data, name)
        fp = results.fingerprint if results else ""
        info = summary(results) if results else {"name": Path(name).stem}
        with self._lock:
            if campaign is None:
                version = self.store.add_campaign(info["name"], data, fp, info, draft=results is None, filename=name)
            else:
                version = self.store.add_version(campaign, data, fp, info, note, draft=results is None, filename=name)
            if loaded is not None:
                self._cache[(version.campaign, version.version)] = (loaded, results)
        return Outcome(version, results, problems)

    def current(self, campaign: int, version: int | None = None):
        """(version, loaded, results) of a campaign's latest (or given) version; KeyError when unknown,
        InputError with its problems for a draft."""
        v = self.store.latest(campaign) if version is None else self.store.get(campaign, version)
        if v is None:
            raise KeyError(campaign)
        key = (v.campaign, v.version)
        if key not in self._cache:
            loaded, problems = self._load(self.store.workbook_path(v), v.filename)
            if loaded is None:
                raise InputError(problems)
            with self._lock:
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = (loaded, compute(loaded.model, self.draws))
        loaded, results = self._cache[key]  # type: ignore[misc]
        return v, loaded, results  # type: ignore[has-type]

    def whatif(self, campaign: int, overrides: object, monte_carlo: bool = False) -> Results:
        """The latest version's results with the overrides applied (nothing saved)."""
        return self.answer(campaign, overrides, monte_carlo, None, lambda results: results)

    def answer(
        self, campaign: int, overrides: object, monte_carlo: bool, form: Hashable, make: Callable[[Results], T]
    ) -> T:
        """``make`` of a what-if's results, kept under ``form`` (e.g. the JSON in one language):
        a what-if is deterministic, so one asked again is answered again without computing or encoding."""
        from ..calc.checks import check_plan
        from ..calc.params import apply

        v, loaded, _ = self.current(campaign)
        values = parse_overrides(overrides, loaded.model)
        key = (v.campaign, v.version, tuple(sorted(values.items())), monte_carlo, form)
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]  # type: ignore[no-any-return]
        model = apply(loaded.model, values)
        results = compute(model, self.draws if monte_carlo else 0)
        problems = Collector()
        check_plan(model, results.plan, problems)
        problems.raise_if_errors()
        made = make(results)
        if form is not None:
            with self._lock:
                self._answers[key] = made
                while len(self._answers) > WHATIF_CACHE:
                    self._answers.popitem(last=False)
        return made

    def save(self, campaign: int, overrides: object, note: str = "") -> Outcome:
        """The overrides written into a copy of the latest workbook, kept as the next version."""
        from ..calc.params import PathError
        from ..io.reader import read_source
        from ..patch import patch_workbook

        v, loaded, _ = self.current(campaign)
        values = parse_overrides(overrides, loaded.model)
        path = self.store.workbook_path(v)
        try:
            data = patch_workbook(path, read_source(path, Collector()), values)  # type: ignore[arg-type]
        except PathError as exc:
            raise InputError([Problem("overrides", exc.message)]) from exc
        return self.upload(v.filename, data, campaign, note)

    def compare(self, campaign: int, old: int, new: int, group_by: str = "category"):
        """Two versions of a campaign compared (:class:`generator.compare.Comparison`); KeyError for an
        unknown version, InputError for a draft. Cells name the uploaded files and their versions."""
        from dataclasses import replace as change

        from ..pipeline_compare import comparison

        before, loaded_old, _ = self.current(campaign, old)
        after, loaded_new, results = self.current(campaign, new)
        cmp = comparison(
            loaded_old, loaded_new, self.store.workbook_path(before), self.store.workbook_path(after), group_by, results
        )
        names = {str(self.store.workbook_path(v)): f"v{v.version} {v.filename}" for v in (before, after)}

        def shown(where: str) -> str:
            head, sep, rest = where.partition(": ")
            return f"{names.get(head, head)}{sep}{rest}"

        return change(cmp, cells={k: shown(v) for k, v in cmp.cells.items()})
