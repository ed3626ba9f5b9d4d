"""The daily figures file of `track` (and the `daily` sheet of the actuals workbook)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from ..errors import Collector
from ..io.grid import Grid
from ..model import Campaign, DailyRow
from ..schema import STAGES
from ..schema_actuals import DAILY
from .tables import read_table

FIGURES = ("reached", "opened", "booked", "arrived", "deals")


def parse_daily(grid: Grid, campaign: Campaign, problems: Collector) -> tuple[DailyRow, ...]:
    rows = read_table(grid, DAILY, problems)
    out: list[DailyRow] = []
    seen: dict[int, str] = {}
    days = campaign.execution_days
    for r in rows:
        day = r["day"]
        if r["date"] is not None:
            from_date = (r["date"] - campaign.start).days + 1
            if not 1 <= from_date <= days:
                problems.error(
                    r.at("date"), f"date {r['date']} is outside the execution window {campaign.start} – {campaign.end}"
                )
                continue
            if day is not None and day != from_date:
                problems.error(r.at("day"), f"day {day} does not match date {r['date']} (day {from_date})")
                continue
            day = from_date
        if day is None:
            problems.error(r.where, "each row needs a day (1 = first execution day) or a date")
            continue
        if day > days:
            problems.error(r.at("day"), f"day {day} is after the execution window ({days} days)")
            continue
        if day in seen:
            problems.error(r.at("day"), f"day {day} appears twice (first at {seen[day]})")
            continue
        if out and day < out[-1].day:
            problems.error(r.at("day"), f"day {day} comes after day {out[-1].day}; list the days in order")
            continue
        seen[day] = r.at("day")
        values = {k: r[k] for k in (*FIGURES, "revenue", "spend")}
        for before, after in pairwise(STAGES[1:]):
            if values[before] is not None and values[after] is not None and values[after] > values[before]:
                problems.warn(
                    r.at(after), f"{after} ({values[after]}) is above {before} ({values[before]}) on day {day}"
                )
        out.append(DailyRow(day, **values, where=r.where))
    blank = [row for row in out if row.revenue is None and row.deals]
    if blank and not problems.has_errors:
        days_text = ", ".join(str(row.day) for row in blank[:10]) + ("…" if len(blank) > 10 else "")
        problems.warn(
            grid.where,
            f"revenue is blank on day {days_text}, which report deals; ROI to date counts those days' revenue as 0",
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
