"""The daily figures file of `track` (and the `daily` sheet of the actuals workbook)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from ..errors import Collector, Named
from ..io.grid import Grid
from ..model import Campaign, DailyRow
from ..schema import STAGE_LABELS, STAGES
from ..schema_actuals import DAILY
from .tables import read_table

FIGURES = ("reached", "opened", "booked", "arrived", "deals")


def _day(r, campaign: Campaign, problems: Collector) -> int | None:
    """The row's execution day, from its day number or its date (which must agree)."""
    day, days = r["day"], campaign.execution_days
    if r["date"] is not None:
        from_date = (r["date"] - campaign.start).days + 1
        if not 1 <= from_date <= days:
            window = "date {date} is outside the execution window {start} – {end}"
            problems.error(r.at("date"), window, date=r["date"], start=campaign.start, end=campaign.end)
            return None
        if day is not None and day != from_date:
            mismatch = "day {day} does not match date {date} (day {other})"
            problems.error(r.at("day"), mismatch, day=day, date=r["date"], other=from_date)
            return None
        day = from_date
    if day is None:
        problems.error(r.where, "each row needs a day (1 = first execution day) or a date")
        return None
    if day > days:
        problems.error(r.at("day"), "day {day} is after the execution window ({days} days)", day=day, days=days)
        return None
    return day


def _stage_order(r, values: dict, day: int, problems: Collector) -> None:
    """A stage above the one before it (more bookings than opens, say) is a warning."""
    for before, after in pairwise(STAGES[1:]):
        if values[before] is not None and values[after] is not None and values[after] > values[before]:
            problems.warn(
                r.at(after),
                "{after} ({high}) is above {before} ({low}) on day {day}",
                after=Named(after, STAGE_LABELS[after]),
                high=values[after],
                before=Named(before, STAGE_LABELS[before]),
                low=values[before],
                day=day,
            )


def parse_daily(grid: Grid, campaign: Campaign, problems: Collector) -> tuple[DailyRow, ...]:
    rows = read_table(grid, DAILY, problems)
    out: list[DailyRow] = []
    seen: dict[int, str] = {}
    for r in rows:
        day = _day(r, campaign, problems)
        if day is None:
            continue
        if day in seen:
            problems.error(r.at("day"), "day {day} appears twice (first at {first})", day=day, first=seen[day])
            continue
        if out and day < out[-1].day:
            order = "day {day} comes after day {before}; list the days in order"
            problems.error(r.at("day"), order, day=day, before=out[-1].day)
            continue
        seen[day] = r.at("day")
        values = {k: r[k] for k in (*FIGURES, "revenue", "spend")}
        _stage_order(r, values, day, problems)
        out.append(DailyRow(day, **values, where=r.where))
    blank = [row for row in out if row.revenue is None and row.deals]
    if blank and not problems.has_errors:
        days_text = ", ".join(str(row.day) for row in blank[:10]) + ("…" if len(blank) > 10 else "")
        problems.warn(
            grid.where,
            "revenue is blank on day {days}, which report deals; ROI to date counts those days' revenue as 0",
            days=days_text,
        )
    if not out and not problems.has_errors:
        problems.error(grid.where, "has no daily rows")
    return tuple(out)


def read_daily(path: Path, campaign: Campaign, problems: Collector) -> tuple[DailyRow, ...]:
    """A CSV file or an .xlsx (its `daily` sheet, else its first sheet)."""
    from ..io.csv_reader import read_csv_file
    from ..io.xlsx_reader import read_xlsx

    shown = str(path)
    if not path.is_file():
        problems.error(shown, "no such file")
        return ()
    if path.suffix.lower() == ".csv":
        grid = read_csv_file(path, shown, "daily", problems)
    else:
        source = read_xlsx(path, shown, problems)
        if source is None:
            return ()
        from ..schema import match_key

        grids = source.grids
        grid = next((g for n, g in grids.items() if match_key(n, {"daily": DAILY.label})), None) or next(
            iter(grids.values()), None
        )
    if grid is None:
        return ()
    return parse_daily(grid, campaign, problems)
