"""proposal.pptx: the proposal's sections as an editable 16:9 deck with native charts.

Built from the same view data as the PDF (so the same figures and number
formats); every run sets its East Asian font; long tables continue on further
slides with their header repeated; key slides carry speaker notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree
from markupsafe import Markup
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from .deck_charts import FONT, add_chart
from .tables import Chart, Para, Table, Tile, clip
from .view import ProposalView

FALLBACK = "Microsoft YaHei"  # the common Office CJK font, named in the theme
NAVY, GREY, INK = RGBColor(0x1F, 0x4E, 0x79), RGBColor(0x6B, 0x72, 0x80), RGBColor(0x1F, 0x29, 0x33)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
ROWS_PER_SLIDE = 12
NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass
class SlideSpec:
    title: str
    subtitle: str = ""
    texts: list[str] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)
    table: Table | None = None
    chart: Chart | None = None
    notes: str = ""
    chart2: Chart | None = None  # a second chart, below the table
    page: str = ""  # the proposal page it shows (generator.pages); left out with it


def plain(text) -> str:
    return text.striptags() if isinstance(text, Markup) else str(text)


def style_run(run, size: float, bold: bool = False, color: RGBColor = INK) -> None:
    font = run.font
    font.size = Pt(size)
    font.bold = bold
    font.name = FONT
    font.color.rgb = color
    rpr = run._r.get_or_add_rPr()
    for tag in ("ea", "cs"):
        for old in rpr.findall(f"{{{NS}}}{tag}"):
            rpr.remove(old)
        el = etree.SubElement(rpr, f"{{{NS}}}{tag}")
        el.set("typeface", FONT)


def text_box(
    slide, left, top, width, height, lines: list[str], size: float = 12, bold: bool = False, color: RGBColor = INK
):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = line
        style_run(run, size, bold, color)
    return box


def add_tile(slide, left, top, tile: Tile) -> None:
    """A headline figure: label, value large, note; a navy rule above."""
    bar = slide.shapes.add_shape(1, left, top, Inches(2.9), Emu(Inches(0.04)))
    bar.fill.solid()
    bar.fill.fore_color.rgb = NAVY
    bar.line.fill.background()
    box = slide.shapes.add_textbox(left, top + Inches(0.05), Inches(2.9), Inches(0.9))
    frame = box.text_frame
    frame.word_wrap = True
    for i, (text, size, bold, color) in enumerate(
        ((tile.label, 10, False, GREY), (tile.value, 20, True, NAVY), (tile.note, 9, False, GREY))
    ):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = text
        style_run(run, size, bold, color)


def add_table(slide, table: Table, rows: list[list[str]], left, top, width) -> None:
    shape = slide.shapes.add_table(
        len(rows) + 1, len(table.head), left, top, width, Emu(Inches(0.32) * (len(rows) + 1))
    )
    t = shape.table
    for c, head in enumerate(table.head):
        cell = t.cell(0, c)
        cell.text = ""
        style_run(cell.text_frame.paragraphs[0].add_run(), 10, True, RGBColor(0xFF, 0xFF, 0xFF))
        cell.text_frame.paragraphs[0].runs[0].text = head
        cell.fill.solid()
        cell.fill.fore_color.rgb = NAVY
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            cell.text = ""
            run = cell.text_frame.paragraphs[0].add_run()
            run.text = clip(str(value), 120)
            style_run(run, 9)
            if table.align[c] == "r":
                from pptx.enum.text import PP_ALIGN

                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def set_theme_fallback(prs) -> None:
    """Name the Office CJK font in the theme, for viewers without Noto Sans CJK SC."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = etree.fromstring(theme.blob)
    for ea in xml.iter(f"{{{NS}}}ea"):
        ea.set("typeface", FALLBACK)
    theme._blob = etree.tostring(xml, xml_declaration=True, encoding="UTF-8", standalone=True)


def _paras(items: list[Para], t: dict) -> list[str]:
    return [f"{p.title}{t['colon']}{clip(p.text, 400)}" for p in items]


def _exec_market(view: ProposalView) -> list[SlideSpec]:
    """Executive summary and market pages."""
    t, v, e = view.doc.t, view, view.exec
    return [
        SlideSpec(
            t["s_exec"],
            view.doc.name,
            [plain(e.lead), plain(e.feasibility), plain(e.recommendation), plain(e.floor_note)],
            e.tiles,
            table=e.categories,
            notes=f"{plain(e.lead)} {plain(e.recommendation)}",
        ),
        SlideSpec(
            t["s_market"],
            t["p_market_base"],
            [v.market.retention, *_paras(v.market.base_paras, t)],
            table=v.market.base_table,
            chart=v.market.base_chart,
            notes="\n".join(_paras(v.market.base_paras, t)),
            page="market_base",
        ),
        SlideSpec(
            t["s_market"],
            t["p_market_why"],
            _paras(v.market.why_paras, t),
            notes="\n".join(_paras(v.market.why_paras, t)),
            page="market_why",
        ),
    ]


def _plan(view: ProposalView) -> list[SlideSpec]:
    """Goals, timeline, offers and funnel."""
    t, v = view.doc.t, view
    return [
        SlideSpec(t["s_plan"], t["p_plan_goals"], table=v.plan.goals_table, page="plan_goals"),
        SlideSpec(
            t["s_plan"],
            t["p_plan_timeline"],
            table=v.plan.timeline_table,
            chart=v.plan.timeline_chart,
            page="plan_timeline",
        ),
        SlideSpec(
            t["s_plan"],
            t["p_plan_offer"],
            [plain(v.plan.no_segments)] if v.plan.no_segments else [],
            table=v.plan.segments_table or v.plan.offers_table,
            notes="\n".join(_paras(v.plan.strategy_paras[:3], t)),
        ),
        *([SlideSpec(t["s_plan"], t["offers"], table=v.plan.offers_table)] if v.plan.segments_table else []),
        *([SlideSpec(t["s_plan"], t["channel"], table=v.plan.channels_table)] if v.plan.channels_table else []),
        SlideSpec(
            t["s_plan"],
            t["p_plan_funnel"],
            [plain(v.plan.feasibility)],
            table=v.plan.funnel_table,
            chart=v.plan.funnel_chart,
            notes=plain(v.plan.feasibility),
        ),
        SlideSpec(
            t["s_plan"],
            t["p_plan_needed"],
            _paras(v.plan.strategy_paras[3:], t),
            table=v.plan.needed_table,
            notes="\n".join(_paras(v.plan.strategy_paras[3:], t)),
        ),
    ]


def _budget(view: ProposalView) -> list[SlideSpec]:
    """Budget summary, lines, reserve and benchmarks."""
    t, v, e = view.doc.t, view, view.exec
    return [
        SlideSpec(
            t["s_budget"],
            t["p_budget_summary"],
            [t["wan_unit"], "" if "budget_reserve" in view.doc.pages else v.budget.contingency_note],
            table=v.budget.categories_table,
            chart=v.budget.categories_chart,
            notes=plain(e.lead),
        ),
        SlideSpec(t["s_budget"], t["p_budget_lines_a"], [t["wan_unit"]], table=v.budget.lines_a),
        SlideSpec(t["s_budget"], t["p_budget_lines_b"], [t["wan_unit"]], table=v.budget.lines_b),
        SlideSpec(
            t["s_budget"],
            t["p_budget_reserve"],
            [v.budget.contingency_note, t["memo_note"]],
            table=v.budget.memo_table,
            page="budget_reserve",
        ),
        SlideSpec(
            t["s_budget"],
            t["p_budget_bench"],
            table=v.budget.bench_table,
            chart=v.budget.bench_chart,
            page="budget_bench",
        ),
    ]


def _roi_risk(view: ProposalView) -> list[SlideSpec]:
    """ROI, risk register and triggers."""
    t, v = view.doc.t, view
    return [
        SlideSpec(
            t["s_roi"],
            t["p_roi_build"],
            [t["wan_unit"], *v.roi.goal_seek[:2]],
            v.roi.tiles,
            table=v.roi.revenue_table,
            chart=v.roi.revenue_chart,
            notes=" ".join(v.roi.goal_seek[:3]),
        ),
        SlideSpec(t["s_roi"], t["p_roi_risk"], table=v.roi.stress_table, chart=v.roi.tornado_chart, page="roi_risk"),
        *(
            [SlideSpec(t["s_roi"], t["monte_carlo"], [v.roi.mc_note], table=v.roi.mc_table, chart=v.roi.mc_chart)]
            if v.roi.mc_table
            else []
        ),
        SlideSpec(
            t["s_risk"],
            t["p_risk_register"],
            [v.risk.empty] if v.risk.empty else [],
            table=v.risk.register,
            chart=v.risk.matrix_chart,
            page="risk_register",
        ),
        SlideSpec(
            t["s_risk"],
            t["p_risk_matrix"],
            [v.risk.reserve_note],
            table=v.risk.triggers_table,
            notes=v.risk.reserve_note,
            page="risk_matrix",
        ),
    ]


def _closing(view: ProposalView) -> list[SlideSpec]:
    """Track record and options compared."""
    t, v = view.doc.t, view
    return [
        SlideSpec(
            t["s_cases"],
            "",
            [v.cases.empty] if v.cases.empty else [],
            table=v.cases.history_table,
            chart=v.cases.history_chart,
            page="cases",
        ),
        SlideSpec(
            t["s_compare"],
            "",
            [plain(v.compare.recommendation)],
            table=v.compare.scenarios_table,
            chart=v.compare.scenarios_chart,
            notes=plain(v.compare.recommendation),
            page="compare",
        ),
    ]


def _continued(spec: SlideSpec, continued: str) -> list[SlideSpec]:
    """A spec whose table is too long for one slide, as several; the header repeats."""
    table = spec.table
    if table is None or len(table.rows) <= ROWS_PER_SLIDE:
        return [spec]
    out = []
    for k in range(0, len(table.rows), ROWS_PER_SLIDE):
        last = k + ROWS_PER_SLIDE >= len(table.rows)
        part = Table(table.head, table.rows[k : k + ROWS_PER_SLIDE], table.align, table.foot if last else None)
        if k == 0:
            out.append(replace(spec, table=part))
            continue
        subtitle = spec.subtitle + continued
        out.append(SlideSpec(spec.title, subtitle, [], [], part, None, "", None))
    return out


def slides_of(view: ProposalView) -> list[SlideSpec]:
    specs = [*_exec_market(view), *_plan(view), *_budget(view), *_roi_risk(view), *_closing(view)]
    specs = [s for s in specs if not s.page or s.page in view.doc.pages]
    return [part for spec in specs for part in _continued(spec, view.doc.t["continued"])]


def write_deck(view: ProposalView, path: Path) -> int:
    """Write proposal.pptx; returns the number of slides."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    set_theme_fallback(prs)
    blank = prs.slide_layouts[6]
    doc = view.doc
    specs = slides_of(view)
    total = len(specs) + 1
    footer = f"{clip(doc.name, 60)} · {doc.t['fingerprint']} {doc.fingerprint}"

    def frame(slide, n: int) -> None:
        text_box(slide, Inches(0.5), Inches(7.0), Inches(9), Inches(0.35), [footer], 9, color=GREY)
        text_box(slide, Inches(11.8), Inches(7.0), Inches(1.1), Inches(0.35), [f"{n} / {total}"], 9, color=GREY)

    cover = prs.slides.add_slide(blank)
    text_box(cover, Inches(0.8), Inches(2.4), Inches(11.5), Inches(1.2), [doc.t["doc_title"]], 36, True, NAVY)
    text_box(cover, Inches(0.8), Inches(3.6), Inches(11.5), Inches(1.0), [clip(doc.name, 120)], 22, False, INK)
    text_box(cover, Inches(0.8), Inches(4.6), Inches(11.5), Inches(0.8), [plain(doc.subtitle)], 14, False, GREY)
    frame(cover, 1)
    for n, spec in enumerate(specs, start=2):
        slide = prs.slides.add_slide(blank)
        text_box(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.6), [spec.title], 26, True, NAVY)
        if spec.subtitle:
            text_box(slide, Inches(0.5), Inches(0.9), Inches(12.3), Inches(0.4), [spec.subtitle], 14, False, GREY)
        top = Inches(1.45)
        texts = [x for x in spec.texts if x]
        if spec.tiles:
            for i, tile in enumerate(spec.tiles[:8]):
                left = Inches(0.5 + (i % 4) * 3.1)
                y = top + Inches(1.05 * (i // 4))
                add_tile(slide, left, y, tile)
            top += Inches(1.05 * ((min(len(spec.tiles), 8) + 3) // 4) + 0.1)
        side_by_side = bool(texts) and spec.table is not None and spec.chart is None and bool(spec.tiles)
        if texts:  # beside a table on the tiles' slide, else above what follows
            width = Inches(6.2) if side_by_side else Inches(12.3)
            text_box(slide, Inches(0.5), top, width, Inches(0.3 * len(texts) + 0.3), [clip(x, 300) for x in texts], 12)
            if not side_by_side:
                top += Inches(0.3 * len(texts) + 0.4)
        table_width = Inches(7.0) if spec.chart else Inches(12.3)
        if spec.table is not None:
            rows = spec.table.rows + ([spec.table.foot] if spec.table.foot else [])
            table_left = Inches(7.0) if side_by_side else Inches(0.5)
            add_table(slide, spec.table, rows, table_left, top, Inches(5.8) if side_by_side else table_width)
            if spec.chart2 is not None:
                below = top + Inches(0.32 * (len(rows) + 1) + 0.6)
                add_chart(slide, spec.chart2, Inches(0.5), below, table_width, Inches(6.8) - below)
        if spec.chart is not None:
            left = Inches(7.7) if spec.table is not None else Inches(0.5)
            width = Inches(5.1) if spec.table is not None else Inches(12.3)
            add_chart(slide, spec.chart, left, top, width, Inches(6.7) - top)
        frame(slide, n)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = clip(plain(spec.notes), 2000)
    prs.save(str(path))
    return total
