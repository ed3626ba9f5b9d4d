"""The one-page executive summary (summary.pdf) and its Markdown twin (summary.md)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..results import Results
from ..text import md
from .tables import Table, Tile, clip
from .view import Doc, ProposalView

NAME_LIMIT = 80
ASK_LIMIT = 240


@dataclass(frozen=True)
class SummaryView:
    """summary.html and summary.md.

    name: the campaign name, cut to fit one page.
    lead: the headline paragraph.
    tiles: the headline figures.
    feasibility: the feasibility verdict.
    feasible: whether the target is feasible.
    recommendation: the recommended scenario, or "".
    floor_note: the ROI-floor sentence, or "".
    categories: the seven categories table.
    scenarios: the scenarios table, or None.
    ask: the narrative `ask`, cut to fit, or "".
    """

    name: str
    lead: Markup
    tiles: list[Tile]
    feasibility: Markup
    feasible: bool
    recommendation: Markup | str
    floor_note: Markup | str
    categories: Table
    scenarios: Table | None
    ask: str


def summary_view(results: Results, view: ProposalView) -> SummaryView:
    e = view.exec
    scen = view.compare.scenarios_table
    if scen is not None:
        keep = [0, 1, 2, 5, 7]
        scen = Table(
            [scen.head[i] for i in keep],
            [[r[i] for i in keep] for r in scen.rows],
            [scen.align[i] for i in keep],
            classes=scen.classes,
        )
    return SummaryView(
        clip(view.doc.name, NAME_LIMIT),
        e.lead,
        e.tiles,
        e.feasibility,
        e.feasible,
        e.recommendation,
        e.floor_note,
        view.budget.categories_table,
        scen,
        clip(e.ask, ASK_LIMIT),
    )


_md = md


def summary_markdown(doc: Doc, s: SummaryView) -> str:
    t = doc.t
    lines = [
        f"# {_md(t['summary_md_title'])} · {_md(s.name)}",
        "",
        f"{_md(doc.subtitle)}  ",
        f"{t['fingerprint']} `{doc.fingerprint}`",
        "",
        _md(s.lead),
        "",
    ]
    lines += [f"| {t['figures']} | {t['value']} |", "|---|---:|"]
    units = {t["wan"], t["yuan"], t["people"], ""}
    for tile in s.tiles:  # a unit follows the figure; any other note goes in brackets
        note = f" {_md(tile.note)}" if tile.note in units else t["aside"].format(note=_md(tile.note))
        lines.append(f"| {_md(tile.label)} | {_md(tile.value)}{note.rstrip()} |")
    lines += ["", f"**{_md(s.feasibility)}**", ""]
    if s.recommendation:
        lines += [_md(s.recommendation), ""]
    if s.floor_note:
        lines += [_md(s.floor_note), ""]
    lines += [f"| {' | '.join(_md(h) for h in s.categories.head)} |", "|---|---:|---:|"]
    lines += [f"| {' | '.join(_md(c) for c in row)} |" for row in s.categories.rows]
    if s.categories.foot:
        lines += [f"| {' | '.join(_md(c) for c in s.categories.foot)} |"]
    lines += ["", _md(t["sources"]), ""]
    return "\n".join(lines)
