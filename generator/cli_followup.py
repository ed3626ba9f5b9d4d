"""The commands used during and after a campaign: `track`, `retro`, `segment`.

Each parses its options and calls one pipeline function; they register on the
`budgetgen` group defined in cli.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import _attempt, _report, echo, lang, lang_option, main, output_option, say, t
from .i18n.docs import messages, segment_name

TRACK_HELP = (
    "Compare the daily figures with the plan: alerts, projection, triggered responses.\n\n\b\nExample:\n"
    "  budgetgen track inputs/demo.xlsx inputs/demo-daily.csv"
)
RETRO_HELP = (
    "Plan vs actual after the campaign: retro.xlsx, retro.pdf, retro.json.\n\n\b\nExample:\n"
    "  budgetgen init --actuals my-actuals.xlsx --from inputs/demo.xlsx\n"
    "  budgetgen retro inputs/demo.xlsx inputs/demo-actuals.xlsx"
)
SEGMENT_HELP = (
    "Segment a dealer-system customer export (CSV or xlsx).\n\n\b\nExample:\n"
    "  budgetgen segment inputs/demo-customers.csv --as-of 2024-04-05\n"
    "  budgetgen segment export.csv --scheme value --where \"status == 'dormant'\" --into my-campaign.xlsx\n"
    '  budgetgen segment dms.csv --columns "customer_id=会员编号,last_visit=最后进厂日期" --skip-bad-rows'
)


@main.command(help=t(TRACK_HELP))
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.argument("daily", type=click.Path(path_type=Path))
@output_option("output/<slug>-tracking/")
@lang_option
def track(input_path: Path, daily: Path, out: Path | None, lang: str) -> None:
    from .fmt import num, ratio
    from .pipeline import slug
    from .pipeline import track as run_track

    out_dir = out or Path("output") / f"{slug(input_path)}-tracking"
    report = _attempt(lambda: run_track(input_path, daily, out_dir, lang))
    tr = report.result
    say(
        "{out}/: {files} — day {day}/{days}: deals {deals}, projected {projected} (gap {gap}), "
        "ROI to date {roi}, alerts: {alerts}",
        out=out_dir,
        files=", ".join(report.files),
        day=tr.as_of_day,
        days=tr.execution_days,
        deals=num(tr.cumulative["deals"]),
        projected=num(tr.projected_deals),
        gap=num(tr.gap),
        roi=ratio(tr.roi_to_date),
        alerts=len(tr.alerts),
    )
    for alert in tr.alerts:
        from .i18n.docs import messages
        from .render.tracking import alert_text

        t_doc = messages(lang)
        echo(f"  [{t_doc['level_' + alert.level]}] {alert_text(alert, t_doc, lang).striptags()}")


@main.command(help=t(RETRO_HELP))
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.argument("actuals", type=click.Path(path_type=Path))
@output_option("output/<slug>-retro/")
@lang_option
def retro(input_path: Path, actuals: Path, out: Path | None, lang: str) -> None:
    from .fmt import num, pct, ratio
    from .pipeline import retro as run_retro
    from .pipeline import slug

    out_dir = out or Path("output") / f"{slug(input_path)}-retro"
    report = _attempt(lambda: run_retro(input_path, actuals, out_dir, lang))
    r = report.result
    say(
        "{out}/: {files} — deals {deals} (plan {plan_deals}), budget {budget} vs plan, ROI {roi} (plan {plan_roi})",
        out=out_dir,
        files=", ".join(report.files),
        deals=num(r.actual["deals"]),
        plan_deals=num(r.plan["deals"]),
        budget=pct(r.variance_pct["budget_total"]),
        roi=ratio(r.actual["roi_total"]),
        plan_roi=ratio(r.plan["roi_total"]),
    )


def _check_where(ctx, param, value):
    """A --where that does not parse is a usage error naming the position (exit 2)."""
    if value is None:
        return None
    from .segment.where import WhereError, parse_where

    try:
        parse_where(value)
    except WhereError as exc:
        raise click.BadParameter(exc.message.text(lang())) from None
    return value


def _check_columns(ctx, param, value: str | None) -> dict[str, str]:
    """--columns "key=name,key=name" as {key: name}; a usage error names what is wrong."""
    from .segment.read import COLUMNS

    if not value:
        return {}
    out: dict[str, str] = {}
    for part in value.replace("，", ",").split(","):
        key, sep, name = (x.strip() for x in part.partition("="))
        if not part.strip():
            continue
        if not sep or not name or key not in COLUMNS:
            raise click.BadParameter(
                t('"{part}" is not KEY=COLUMN with KEY one of {keys}', part=part.strip(), keys=", ".join(COLUMNS))
            )
        out[key] = name
    return out


@main.command(help=t(SEGMENT_HELP))
@click.argument("customers", type=click.Path(path_type=Path))
@lang_option
@click.option("--scheme", type=click.Choice(["recency", "rfm", "value"]), default="recency", show_default=True)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=t("The day months are counted back from (default today)."),
)
@click.option(
    "--where",
    callback=_check_where,
    help=t('Filter the pool, e.g. "months >= 3 and months < 12" or "status == \'dormant\'".'),
)
@click.option("--thresholds", default="3,6,12", show_default=True, help=t("Months for at_risk, dormant, lost."))
@click.option("--rfm", help=t("RFM tiers NAME:MONTHS,VISITS,SPEND;… (first match wins; the rest are 沉睡)."))
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    help=t("Write the segments and base counts into this input workbook (a backup is kept)."),
)
@click.option(
    "--columns",
    callback=_check_columns,
    help=t('Your export\'s own column names, e.g. "customer_id=会员编号,last_visit=最后进厂日期".'),
)
@click.option(
    "--skip-bad-rows",
    "skip_bad_rows",
    is_flag=True,
    help=t("Segment the good rows; list the bad ones with their reasons in rejects.csv."),
)
@output_option("output/<slug>-segments/")
def segment(
    customers: Path, lang: str, scheme: str, as_of, where, thresholds: str, rfm, into, columns, skip_bad_rows, out
) -> None:
    from .fmt import num
    from .pipeline import slug
    from .pipeline_segment import SegmentOptions
    from .pipeline_segment import segment as run_segment

    try:
        months = tuple(float(x) for x in thresholds.split(","))
        if len(months) != 3 or not months[0] < months[1] < months[2]:
            raise ValueError
    except ValueError:
        raise click.BadParameter(
            t("give three increasing numbers of months, like 3,6,12"), param_hint="--thresholds"
        ) from None
    out_dir = out or Path("output") / f"{slug(customers)}-segments"
    options = SegmentOptions(
        scheme, as_of.date() if as_of else None, where, months, rfm, columns or {}, skip_bad_rows, lang
    )
    report = _attempt(lambda: run_segment(customers, out_dir, options, into))
    s = report.segmentation
    words = messages(lang)
    parts = " · ".join(f"{segment_name(row['segment'], s.scheme, words)} {num(row['customers'])}" for row in s.segments)
    say(
        "{out}/: {files} — {customers} customers as of {as_of}: {parts}",
        out=out_dir,
        files=", ".join(report.files),
        customers=num(s.customers),
        as_of=s.as_of,
        parts=parts,
    )
    if into:
        say("{path}: segments and base counts written (backup: {backup})", path=into, backup=report.backup)
        _report(report.into_problems)
        if any(p.level == "error" for p in report.into_problems):
            sys.exit(1)
