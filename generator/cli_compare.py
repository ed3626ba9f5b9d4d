"""`budgetgen compare OLD NEW`: what changed between two plans and what each change did."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import _attempt, echo, lang_option, main, output_option, say, t

COMPARE_HELP = (
    "Compare two plans: every changed assumption with its cells, every figure old and new, and a "
    "budget and ROI bridge by group of changes (exact Shapley values).\n\n\b\nExample:\n"
    "  budgetgen compare inputs/demo-v1.xlsx inputs/demo.xlsx\n"
    "  budgetgen compare old.xlsx new.xlsx --group-by path -o output/compare"
)


@main.command(help=t(COMPARE_HELP))
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@output_option("output/<new>-compare/")
@lang_option
@click.option(
    "--group-by",
    type=click.Choice(["category", "sheet", "path"]),
    default="category",
    show_default=True,
    help=t("One bridge step per budget category (and funnel, revenue, other), per input sheet, or per assumption."),
)
def compare(old: Path, new: Path, out: Path | None, lang: str, group_by: str) -> None:
    from .compare_text import big_signed, group_name
    from .fmt import ratio, yuan
    from .pipeline import slug
    from .pipeline_compare import compare_plans

    out_dir = out or Path("output") / f"{slug(new)}-compare"
    report = _attempt(lambda: compare_plans(old, new, out_dir, lang, group_by))
    cmp = report.comparison
    if cmp.same:
        say("{out}/: {files} — no assumption differs", out=out_dir, files=", ".join(report.files))
        return
    say(
        "{out}/: {files} — {n} assumptions changed; budget {old_budget} → {new_budget} 元, ROI {old_roi} → {new_roi}",
        out=out_dir,
        files=", ".join(report.files),
        n=len(cmp.changes),
        old_budget=yuan(cmp.budget.old),
        new_budget=yuan(cmp.budget.new),
        old_roi=ratio(cmp.old.plan.roi.total),
        new_roi=ratio(cmp.new.plan.roi.total),
    )
    for group, step in zip(cmp.groups, cmp.budget.steps, strict=True):
        echo(f"  {big_signed(step, lang):>9}  {group_name(group.key, cmp.group_by, lang)}")
