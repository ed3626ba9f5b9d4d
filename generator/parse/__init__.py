"""From a read :class:`Source` to a validated :class:`Model`, collecting every problem."""

from __future__ import annotations

from ..errors import Collector, Msg, msg
from ..io.grid import Grid, Source
from ..model import Funnel, Model
from ..schema import SHEETS, sheet_for
from . import core, extra


def _unknown_sheet(name: str) -> Msg:
    import difflib

    known = [s.key for s in SHEETS.values()] + [s.label for s in SHEETS.values()]
    close = difflib.get_close_matches(name.strip().lower(), known, n=1, cutoff=0.6)
    if close:
        return msg('is not a sheet budgetgen reads; it is ignored; did you mean "{close}"?', close=close[0])
    return msg("is not a sheet budgetgen reads; it is ignored")


def _sheets(source: Source, problems: Collector) -> dict[str, Grid]:
    found: dict[str, Grid] = {}
    for name, grid in source.grids.items():
        sheet = sheet_for(name)
        if sheet is None:  # ignored (SPEC §2), but never silently
            problems.warn(grid.where, _unknown_sheet(name))
            continue
        if sheet.key in found:
            problems.error(
                grid.where,
                'is a second "{sheet}" sheet (first: {first})',
                sheet=sheet.key,
                first=found[sheet.key].where,
            )
            continue
        found[sheet.key] = grid
    for sheet in SHEETS.values():
        if sheet.required and sheet.key not in found:
            problems.error(
                source.path,
                'no "{sheet}" sheet ({label}); `budgetgen init` writes a workbook with every sheet',
                sheet=sheet.key,
                label=sheet.label,
            )
    return found


def parse_model(source: Source, problems: Collector) -> Model | None:
    """The model, or None when any error was found (all are in ``problems``)."""
    grids = _sheets(source, problems)
    if "campaign" not in grids or "funnel" not in grids:
        return None
    segments = core.parse_segments(grids["segments"], problems) if "segments" in grids else ()
    campaign = core.parse_campaign(grids["campaign"], problems, bool(segments))
    funnel, rate_cells, zero = core.parse_funnel(grids["funnel"], problems)
    ctx = core.DriverContext(segments, zero, rate_cells)
    items: dict[str, str] = {}
    channels = core.parse_channels(grids["channels"], problems, items) if "channels" in grids else ()
    budget = core.parse_budget(grids["budget"], problems, items, ctx) if "budget" in grids else ()
    revenue = core.parse_revenue(grids["revenue"], problems, ctx) if "revenue" in grids else ()

    def optional(key, parse, *args):
        return parse(grids[key], problems, *args) if key in grids else ()

    rest = {
        "tiers": optional("tiers", extra.parse_tiers, budget),
        "goals": optional("goals", extra.parse_goals),
        "scenarios": optional("scenarios", extra.parse_overrides, "scenarios"),
        "sensitivity": optional("sensitivity", extra.parse_overrides, "sensitivity"),
        "stress": optional("stress", extra.parse_overrides, "stress"),
        "uncertainty": optional("uncertainty", extra.parse_overrides, "uncertainty"),
        "risks": optional("risks", extra.parse_risks),
        "timeline": optional("timeline", extra.parse_timeline),
        "history": optional("history", extra.parse_history),
        "benchmarks": optional("benchmarks", extra.parse_benchmarks),
        "narrative": optional("narrative", extra.parse_narrative),
    }
    if problems.has_errors or campaign is None or funnel is None:
        return None
    assert isinstance(funnel, Funnel)
    return Model(campaign, funnel, segments, channels, budget, revenue, **rest, source=source.path)
