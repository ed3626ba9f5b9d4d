"""Batch builds: many campaigns in a process pool, one progress line each, and a
portfolio roll-up (portfolio.json, portfolio.xlsx) for the head office."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .pipeline import BuildOptions, slug


@dataclass(frozen=True)
class Outcome:
    """One campaign of a batch: its headline figures, or its error lines."""

    input: str
    slug: str
    seconds: float
    name: str = ""
    budget_total: Decimal | None = None
    deals: int | None = None
    revenue_total: Decimal | None = None
    gross_profit_total: Decimal | None = None
    roi_total: Decimal | None = None
    cost_per_deal: Decimal | None = None
    feasible: bool | None = None
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


ROLL_UP = ("portfolio.json", "portfolio.xlsx", ".budgetgen.json")


def unique_slugs(inputs: list[Path]) -> list[str]:
    """A distinct folder name per input, checked against each other (case-insensitively) and the roll-up's files."""
    taken = {name.lower() for name in ROLL_UP}
    out = []
    for path in inputs:
        base = slug(path)
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        out.append(name)
    return out


def build_one(path: Path, out_dir: Path, options: BuildOptions, name: str) -> Outcome:
    """Build one campaign; any failure becomes the outcome's error lines."""
    from .errors import InputError
    from .pipeline import build

    start = time.perf_counter()
    try:
        report = build(path, out_dir, options)
    except InputError as exc:
        return Outcome(str(path), name, time.perf_counter() - start, errors=tuple(str(p) for p in exc.errors))
    except Exception as exc:  # a bug in one campaign must not stop the others
        return Outcome(
            str(path),
            name,
            time.perf_counter() - start,
            errors=(f"{path}: internal error: {type(exc).__name__}: {exc}",),
        )
    plan = report.results.plan
    return Outcome(
        str(path),
        name,
        time.perf_counter() - start,
        report.results.model.campaign.name,
        plan.budget.total,
        plan.funnel.forward.deals,
        plan.revenue.revenue["total"],
        plan.revenue.gross_profit["total"],
        plan.roi.total,
        plan.roi.cost_per_deal,
        plan.funnel.feasible,
    )


def run_batch(inputs: list[Path], out_root: Path, options: BuildOptions, jobs: int) -> Iterator[Outcome]:
    """Yield each campaign's outcome as it finishes."""
    import dataclasses

    names = unique_slugs(inputs)
    options = dataclasses.replace(options, background_charts=False)  # pool workers draw their own charts
    if jobs <= 1:
        for path, name in zip(inputs, names, strict=True):
            yield build_one(path, out_root / name, options, name)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method)) as pool:
        futures = [
            pool.submit(build_one, path, out_root / name, options, name)
            for path, name in zip(inputs, names, strict=True)
        ]
        for future in as_completed(futures):
            yield future.result()


def write_portfolio(outcomes: list[Outcome], out_root: Path, lang: str = "zh") -> list[str]:
    """portfolio.json and portfolio.xlsx, written beside the campaign folders."""
    from .io.output import write_file_atomically
    from .io.portfolio import portfolio_dict, write_portfolio_workbook
    from .jsonout import dumps

    ordered = sorted(outcomes, key=lambda o: o.slug)
    out_root.mkdir(parents=True, exist_ok=True)
    write_file_atomically(
        out_root / "portfolio.json",
        lambda tmp: tmp.write_text(dumps(portfolio_dict(ordered)) + "\n", encoding="utf-8"),
    )
    write_file_atomically(out_root / "portfolio.xlsx", lambda tmp: write_portfolio_workbook(ordered, tmp, lang))
    return ["portfolio.json", "portfolio.xlsx"]


def check_roll_up(out_root: Path) -> None:
    """Refuse to overwrite a portfolio.json or portfolio.xlsx that budgetgen did not write."""
    from .errors import InputError, Problem, msg

    for name in ROLL_UP[:2]:  # portfolio.json, portfolio.xlsx
        path = out_root / name
        if path.exists() and not (_ours_json(path) if name.endswith(".json") else _ours_xlsx(path)):
            raise InputError(
                [
                    Problem(
                        str(path),
                        msg("exists and was not written by budgetgen; move it, or choose another folder (-o)"),
                    )
                ]
            )


def _ours_json(path: Path) -> bool:
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8")).get("tool") == "budgetgen"
    except (OSError, ValueError, AttributeError):
        return False


def _ours_xlsx(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return b"budgetgen" in zf.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
