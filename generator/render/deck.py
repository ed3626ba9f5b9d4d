"""proposal.pptx: the proposal's sections as an editable 16:9 deck with native charts.

The slides' content is deck_slides.py; this module draws them. Built from the same view data as the PDF (so the same figures and number
formats); every run sets its East Asian font; long tables continue on further
slides with their header repeated; key slides carry speaker notes.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from .deck_charts import FONT, add_chart
from .deck_slides import plain, slides_of
from .tables import Table, Tile, clip
from .view import ProposalView

FALLBACK = "Microsoft YaHei"  # the common Office CJK font, named in the theme
NAVY, GREY, INK = RGBColor(0x1F, 0x4E, 0x79), RGBColor(0x6B, 0x72, 0x80), RGBColor(0x1F, 0x29, 0x33)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


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
        if spec.chart is not None and spec.table is None and spec.chart2 is not None:  # two charts side by side
            add_chart(slide, spec.chart, Inches(0.5), top, Inches(6.1), Inches(6.7) - top)
            add_chart(slide, spec.chart2, Inches(6.8), top, Inches(6.0), Inches(6.7) - top)
        elif spec.chart is not None:
            left = Inches(7.7) if spec.table is not None else Inches(0.5)
            width = Inches(5.1) if spec.table is not None else Inches(12.3)
            add_chart(slide, spec.chart, left, top, width, Inches(6.7) - top)
        frame(slide, n)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = clip(plain(spec.notes), 2000)
    prs.save(str(path))
    return total
