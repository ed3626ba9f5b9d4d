"""The `budgetgen` command: parses options and calls one pipeline function each.

Exit codes: 0 success, 1 input problems (each printed with its location),
2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import cli_followup  # noqa: F401  (registers track, retro and segment on the group)
from .cli_common import _attempt, _fail, echo, lang_option, main, output_option
from .errors import InputError


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("output/<slug>/")
@lang_option
@click.option(
    "--draws", type=click.IntRange(100, 5_000_000), default=10_000, show_default=True, help="Monte Carlo draws."
)
@click.option(
    "--seed", type=click.IntRange(0, 2**32 - 1), default=20240501, show_default=True, help="Monte Carlo seed."
)
@click.option("--html", is_flag=True, help="Also write the HTML the PDFs are rendered from.")
@click.option("--pptx", is_flag=True, help="Also write proposal.pptx, an editable deck with native charts.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Campaigns built at once (several inputs).",
)
def build(
    inputs: tuple[Path, ...], out: Path | None, lang: str, draws: int, seed: int, html: bool, pptx: bool, jobs: int
) -> None:
    """Build the documents for a campaign input (.xlsx or a folder of CSV files).

    \b
    Example:
      budgetgen build inputs/demo.xlsx            # → output/demo/
      budgetgen build inputs/demo.xlsx -o /tmp/d --lang en
      budgetgen build inputs/*.xlsx -j 2          # → output/<slug>/ each, output/portfolio.*
    """
    from .pipeline import BuildOptions, slug
    from .pipeline import build as run_build

    options = BuildOptions(lang=lang, draws=draws, seed=seed, html=html, pptx=pptx)
    if len(inputs) > 1:
        _batch(list(inputs), out or Path("output"), options, jobs)
        return
    path = inputs[0]
    out_dir = out or Path("output") / slug(path)
    report = _attempt(lambda: run_build(path, out_dir, options))
    r = report.results
    from .fmt import num, ratio, yuan
    from .render.tables import clip

    plan = r.plan
    echo(
        f"{out_dir}/: {', '.join(report.files)} — {clip(r.model.campaign.name, 80)} · fingerprint {r.fingerprint}\n"
        f"  budget {yuan(plan.budget.total)} 元 · deals {num(plan.funnel.forward.deals)} · "
        f"ROI {ratio(plan.roi.total)} · feasible: {'yes' if plan.funnel.feasible else 'no'}"
    )


def _batch(inputs: list[Path], out_root: Path, options, jobs: int) -> None:
    from .batch import check_roll_up, run_batch, write_portfolio

    try:
        check_roll_up(out_root)
    except InputError as exc:
        _fail(exc)
    from .fmt import num, ratio, yuan
    from .render.tables import clip

    outcomes = []
    for k, o in enumerate(run_batch(inputs, out_root, options, jobs), start=1):
        outcomes.append(o)
        head = f"[{k}/{len(inputs)}] {o.slug}"
        if o.ok:
            echo(
                f"{head}: {clip(o.name, 40)} · budget {yuan(o.budget_total)} 元 · deals {num(o.deals)} · ROI {ratio(o.roi_total)} · {o.seconds:.1f} s"
            )
        else:
            echo(f"{head}: failed ({len(o.errors)} error{'s' if len(o.errors) != 1 else ''}) · {o.seconds:.1f} s")
            for line in o.errors:
                echo(f"  {line}", err=True)

    files = write_portfolio(outcomes, out_root)
    failed = sum(not o.ok for o in outcomes)
    echo(f"{out_root}/: {', '.join(files)} — {len(outcomes) - failed} built, {failed} failed")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
def validate(input_path: Path) -> None:
    """Check an input and print every problem with its file, sheet and cell.

    \b
    Example:
      budgetgen validate inputs/demo.xlsx
    """
    from .pipeline import load

    loaded = _attempt(lambda: load(input_path))
    w = len(loaded.warnings)
    echo(f"{input_path}: OK ({w} warning{'s' if w != 1 else ''})")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option(
    "--actuals", "actuals", is_flag=True, help="Write an actuals workbook for `retro` instead of an input workbook."
)
@click.option(
    "--from",
    "from_input",
    type=click.Path(path_type=Path),
    help="With --actuals: the campaign input whose items to pre-fill.",
)
@click.option(
    "--case",
    type=click.Choice(["demo", "c3"]),
    default="demo",
    show_default=True,
    help="demo: the spring maintenance-recall campaign; c3: the two-segment dealer campaign with staff tiers.",
)
def init(path: Path, force: bool, case: str, actuals: bool, from_input: Path | None) -> None:
    """Write a fresh input workbook filled with a worked case, or an actuals workbook.

    \b
    Example:
      budgetgen init my-campaign.xlsx && budgetgen build my-campaign.xlsx
      budgetgen init --actuals my-actuals.xlsx --from my-campaign.xlsx
    """
    from .io.input_writer import write_input_workbook

    if path.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{path}: the workbook name must end in .xlsx")
    if path.exists() and not force:
        echo(f"{path}: already exists; pass --force to overwrite it", err=True)
        sys.exit(1)
    if not path.parent.is_dir():
        echo(f"{path}: folder {path.parent} does not exist", err=True)
        sys.exit(1)
    if actuals:
        _init_actuals(path, from_input, case)
        return
    from . import demo_c3, demo_case

    rows = {"demo": demo_case, "c3": demo_c3}[case]
    write_input_workbook(path, rows.CAMPAIGN, rows.SHEETS)
    echo(f"{path}: written (the {case} case; edit it, then `budgetgen build {path}`)")


def _init_actuals(path: Path, from_input: Path | None, case: str) -> None:
    from .io.actuals_writer import plan_actuals, write_actuals_workbook

    if from_input is None:
        if case != "demo":
            raise click.UsageError("--actuals needs --from INPUT (or --case demo for the demo's actuals)")
        from . import demo_actuals as d

        write_actuals_workbook(
            path, {"daily": d.DAILY, "costs": d.COSTS, "revenue": d.REVENUE, "lessons": d.LESSONS, "goals": d.GOALS}
        )
        echo(f"{path}: written (the demo campaign's actuals)")
        return
    from .pipeline import load
    from .results import compute

    try:
        results = compute(load(from_input).model, draws=100)
    except InputError as exc:
        _fail(exc)
        return
    write_actuals_workbook(path, plan_actuals(results))
    echo(
        f"{path}: written (every day and item of {from_input}; fill in the actuals, then `budgetgen retro {from_input} {path}`)"
    )
