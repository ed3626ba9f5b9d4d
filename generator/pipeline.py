"""The pipeline: read → validate → compute everything → write everything.

The CLI calls these functions; nothing here imports click.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .calc.montecarlo import DEFAULT_SEED
from .errors import Collector, Problem
from .reading import load
from .results import Results, compute

if TYPE_CHECKING:
    from .compare import Comparison


@dataclass(frozen=True)
class BuildOptions:
    lang: str = "zh"
    draws: int = 10_000
    seed: int = DEFAULT_SEED
    html: bool = False
    background_charts: bool = True  # draw charts in a forked worker while the summary renders
    pptx: bool = False
    chart_cache: Path | None = None  # a folder of charts drawn before (the web app's workers)
    baseline: Path | None = None  # an earlier plan: the proposal gains the page on how the budget got here


RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slug(path: Path) -> str:
    """A folder name for an input: its name without extension, never empty, hidden, ``..`` or reserved."""
    name = path.name or path.resolve().name
    if name.lower().endswith((".xlsx", ".csv")):
        name = name.rsplit(".", 1)[0]
    name = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(" .")
    if not name or name.lower() in RESERVED:
        name = f"campaign-{name}" if name else "campaign"
    return name


def write_outputs(
    results: Results,
    out_dir: Path,
    options: BuildOptions,
    worker=None,
    inputs: tuple[Path, ...] = (),
    baseline: Comparison | None = None,
) -> list[str]:
    """Write every output of a build; returns the file names written."""
    from .io.output import write_atomically
    from .io.results_json import results_json

    written: list[str] = []

    def write(tmp: Path) -> None:
        from .io.workbook import write_budget_workbook
        from .render.proposal import write_documents

        (tmp / "results.json").write_text(results_json(results, options.lang, baseline), encoding="utf-8")
        written.append("results.json")
        write_budget_workbook(results, tmp / "budget.xlsx", options.lang)
        written.append("budget.xlsx")
        documents = write_documents(
            results, tmp, options.lang, options.html, worker, options.pptx, options.chart_cache, baseline
        )
        written.extend(documents.files)

    write_atomically(out_dir, write, command="build", fingerprint=results.fingerprint, inputs=inputs)
    return written


@dataclass(frozen=True)
class BuildReport:
    results: Results
    out_dir: Path
    files: list[str]
    warnings: list[Problem]


def build(path: Path, out_dir: Path, options: BuildOptions | None = None) -> BuildReport:
    options = options or BuildOptions()
    worker = None
    if options.background_charts:  # starts importing matplotlib while the inputs are read
        from .render.background import ChartWorker

        worker = ChartWorker()
    try:
        from .io.output import check_output_dir

        inputs = (path,) if options.baseline is None else (path, options.baseline)
        check_output_dir(out_dir, inputs)
        if options.baseline is not None:
            from .pipeline_compare import load_pair

            before, loaded = load_pair(options.baseline, path)
        else:
            loaded = load(path)
        results = compute(loaded.model, options.draws, options.seed)
        comparison = None
        if options.baseline is not None:
            from .pipeline_compare import comparison as compare_with

            comparison = compare_with(before, loaded, options.baseline, path, "category", results)
        files = write_outputs(results, out_dir, options, worker, inputs, comparison)
    finally:
        if worker is not None:
            worker.close()
    return BuildReport(results, out_dir, files, loaded.warnings)


@dataclass(frozen=True)
class FollowUpReport:
    """What `track` and `retro` return: their result, where it went, and the warnings."""

    result: object
    out_dir: Path
    files: list[str]
    warnings: list[Problem]


def _follow_up(input_path: Path, second: Path, out_dir: Path, read, calculate, write, command: str) -> FollowUpReport:
    """Load the plan, read the second file, compute from both, write: what track and retro share.

    ``read(model, problems)`` returns the second file's data, ``calculate(model, plan, data)``
    the result, ``write(results, result, folder)`` the names written.
    """
    from .io.output import check_output_dir, write_atomically

    check_output_dir(out_dir, (input_path, second))
    loaded = load(input_path)
    problems = Collector()
    data = read(loaded.model, problems)
    problems.raise_if_errors()
    results = compute(loaded.model, draws=1000)
    result = calculate(loaded.model, results.plan, data)
    files: list[str] = []
    write_atomically(
        out_dir,
        lambda tmp: files.extend(write(results, result, tmp)),
        command=command,
        fingerprint=results.fingerprint,
        inputs=(input_path, second),
    )
    return FollowUpReport(result, out_dir, files, loaded.warnings + problems.warnings)


def track(input_path: Path, daily_path: Path, out_dir: Path, lang: str = "zh") -> FollowUpReport:
    """Read the plan and the daily figures, compute where the campaign stands, write it."""
    from .calc.tracking import track as compute_tracking
    from .parse.daily import read_daily

    def write(results, tracking, folder):
        from .render.tracking import write_tracking

        return write_tracking(results, tracking, folder, lang)

    return _follow_up(
        input_path,
        daily_path,
        out_dir,
        lambda model, problems: read_daily(daily_path, model.campaign, problems),
        compute_tracking,
        write,
        "track",
    )


def retro(input_path: Path, actuals_path: Path, out_dir: Path, lang: str = "zh") -> FollowUpReport:
    """Plan vs actual: retro.json, retro.xlsx and retro.pdf."""
    from .calc.retro import retro as compute_retro
    from .parse.actuals import read_actuals

    def write(results, result, folder):
        from .render.retro import write_retro

        return write_retro(results, result, folder, lang)

    return _follow_up(
        input_path,
        actuals_path,
        out_dir,
        lambda model, problems: read_actuals(actuals_path, model, problems),
        compute_retro,
        write,
        "retro",
    )
