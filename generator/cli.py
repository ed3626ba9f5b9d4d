"""The `budgetgen` command: parses options and calls one pipeline function each.

Exit codes: 0 success, 1 input problems (each printed with its location),
2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import cli_compare, cli_followup, cli_serve  # noqa: F401  (register compare, track, retro, segment, serve)
from .cli_common import _attempt, _fail, echo, lang_option, main, output_option, say, t
from .errors import InputError, Msg

BUILD_HELP = (
    "Build the documents for a campaign input (.xlsx or a folder of CSV files).\n\n\b\nExample:\n"
    "  budgetgen build inputs/demo.xlsx            # → output/demo/\n"
    "  budgetgen build inputs/demo.xlsx -o /tmp/d --lang en\n"
    "  budgetgen build inputs/*.xlsx -j 2          # → output/<slug>/ each, output/portfolio.*"
)


@main.command(help=t(BUILD_HELP))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("output/<slug>/")
@lang_option
@click.option(
    "--draws", type=click.IntRange(100, 5_000_000), default=10_000, show_default=True, help=t("Monte Carlo draws.")
)
@click.option(
    "--seed", type=click.IntRange(0, 2**32 - 1), default=20240501, show_default=True, help=t("Monte Carlo seed.")
)
@click.option("--html", is_flag=True, help=t("Also write the HTML the PDFs are rendered from."))
@click.option("--pptx", is_flag=True, help=t("Also write proposal.pptx, an editable deck with native charts."))
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help=t("An earlier plan: the proposal and the deck gain the page on how the budget got from it to this one."),
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help=t("Campaigns built at once (several inputs)."),
)
def build(
    inputs: tuple[Path, ...],
    out: Path | None,
    lang: str,
    draws: int,
    seed: int,
    html: bool,
    pptx: bool,
    baseline: Path | None,
    jobs: int,
) -> None:
    from .pipeline import BuildOptions, slug
    from .pipeline import build as run_build

    options = BuildOptions(lang=lang, draws=draws, seed=seed, html=html, pptx=pptx, baseline=baseline)
    if len(inputs) > 1 and baseline is not None:
        raise click.UsageError(t("--baseline compares one plan with an earlier one; give one input"))
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
    say(
        "{out}/: {files} — {name} · fingerprint {fingerprint}\n"
        "  budget {budget} yuan · deals {deals} · ROI {roi} · feasible: {feasible}",
        out=out_dir,
        files=", ".join(report.files),
        name=clip(r.model.campaign.name, 80),
        fingerprint=r.fingerprint,
        budget=yuan(plan.budget.total),
        deals=num(plan.funnel.forward.deals),
        roi=ratio(plan.roi.total),
        feasible=Msg("yes" if plan.funnel.feasible else "no"),
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
            say(
                "{head}: {name} · budget {budget} yuan · deals {deals} · ROI {roi} · {seconds:.1f} s",
                head=head,
                name=clip(o.name, 40),
                budget=yuan(o.budget_total),
                deals=num(o.deals),
                roi=ratio(o.roi_total),
                seconds=o.seconds,
            )
        else:
            n = len(o.errors)
            failed = (
                "{head}: failed (1 error) · {seconds:.1f} s"
                if n == 1
                else "{head}: failed ({n} errors) · {seconds:.1f} s"
            )
            say(failed, head=head, n=n, seconds=o.seconds)
            for line in o.errors:
                echo(f"  {line}", err=True)

    files = write_portfolio(outcomes, out_root, options.lang)
    failed = sum(not o.ok for o in outcomes)
    say(
        "{out}/: {files} — {built} built, {failed} failed",
        out=out_root,
        files=", ".join(files),
        built=len(outcomes) - failed,
        failed=failed,
    )
    if failed:
        sys.exit(1)


@main.command(
    help=t(
        "Check an input and print every problem with its file, sheet and cell; writes nothing.\n\n\b\nExample:\n"
        "  budgetgen validate inputs/demo.xlsx"
    )
)
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@lang_option
def validate(input_path: Path, lang: str) -> None:
    from .pipeline import load

    loaded = _attempt(lambda: load(input_path), wrote=False)
    w = len(loaded.warnings)
    say("{path}: OK (1 warning)" if w == 1 else "{path}: OK ({n} warnings)", path=input_path, n=w)


INIT_HELP = (
    "Write a fresh input workbook filled with a worked case, or an actuals workbook.\n\n\b\nExample:\n"
    "  budgetgen init my-campaign.xlsx && budgetgen build my-campaign.xlsx\n"
    "  budgetgen init --actuals my-actuals.xlsx --from my-campaign.xlsx"
)


@main.command(help=t(INIT_HELP))
@click.argument("path", type=click.Path(path_type=Path))
@lang_option
@click.option("--force", is_flag=True, help=t("Overwrite an existing file."))
@click.option(
    "--actuals", "actuals", is_flag=True, help=t("Write an actuals workbook for `retro` instead of an input workbook.")
)
@click.option(
    "--from",
    "from_input",
    type=click.Path(path_type=Path),
    help=t("With --actuals: the campaign input whose items to pre-fill."),
)
@click.option(
    "--case",
    type=click.Choice(["demo", "demo-v1", "c3"]),
    default="demo",
    show_default=True,
    help=t(
        "demo: the spring maintenance-recall campaign; demo-v1: its first, 94.7万 draft; "
        "c3: the two-segment dealer campaign with staff tiers."
    ),
)
@click.option(
    "--blank",
    is_flag=True,
    help=t("Write the workbook with one example row per sheet to replace, instead of a filled case."),
)
def init(path: Path, lang: str, force: bool, case: str, actuals: bool, from_input: Path | None, blank: bool) -> None:
    from .io.input_writer import write_input_workbook

    if path.suffix.lower() != ".xlsx":
        raise click.UsageError(t("{path}: the workbook name must end in .xlsx", path=path))
    if path.exists() and not force:
        say("{path}: already exists; pass --force to overwrite it", err=True, path=path)
        sys.exit(1)
    if not path.parent.is_dir():
        say("{path}: folder {folder} does not exist", err=True, path=path, folder=path.parent)
        sys.exit(1)
    if actuals:
        _init_actuals(path, from_input, case, lang)
        return
    from . import demo_c3, demo_case, demo_v1

    rows = {"demo": demo_case, "demo-v1": demo_v1, "c3": demo_c3}[case]
    if blank:
        from .io.input_writer import blank_case

        write_input_workbook(path, *blank_case(rows.SHEETS, demo_c3.SHEETS), lang=lang, examples=True)
        say("{path}: written (one example row per sheet; replace them, then `budgetgen validate {path}`)", path=path)
        return
    write_input_workbook(path, rows.CAMPAIGN, rows.SHEETS, lang=lang)
    say("{path}: written (the {case} case; edit it, then `budgetgen build {path}`)", path=path, case=case)


def _init_actuals(path: Path, from_input: Path | None, case: str, lang: str) -> None:
    from .io.actuals_writer import plan_actuals, write_actuals_workbook

    if from_input is None:
        if case != "demo":
            raise click.UsageError(t("--actuals needs --from INPUT (or --case demo for the demo's actuals)"))
        from . import demo_actuals as d

        write_actuals_workbook(
            path,
            {"daily": d.DAILY, "costs": d.COSTS, "revenue": d.REVENUE, "lessons": d.LESSONS, "goals": d.GOALS},
            lang,
        )
        say("{path}: written (the demo campaign's actuals)", path=path)
        return
    from .pipeline import load
    from .results import compute

    try:
        results = compute(load(from_input).model, draws=100)
    except InputError as exc:
        _fail(exc)
        return
    write_actuals_workbook(path, plan_actuals(results), lang)
    say(
        "{path}: written (every day and item of {source}; fill in the actuals, then `budgetgen retro {source} {path}`)",
        path=path,
        source=from_input,
    )
