"""Native PowerPoint charts from the same chart specs the PDF draws (no pictures)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from .tables import Chart

FONT = "Noto Sans CJK SC"
NAVY, AMBER, TEAL, LIGHT = (
    RGBColor(0x1F, 0x4E, 0x79),
    RGBColor(0xE0, 0xA0, 0x30),
    RGBColor(0x2E, 0x8B, 0x8B),
    RGBColor(0xD9, 0xE2, 0xEC),
)


def _category(labels, series: dict[str, list[float]]) -> CategoryChartData:
    data = CategoryChartData()
    data.categories = [str(x) for x in labels]
    for name, values in series.items():
        data.add_series(name, [float(v) for v in values])
    return data


def chart_data(chart: Chart):
    """(chart type, chart data) for a chart spec."""
    d, k = chart.data, chart.kind
    if k == "bars":
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(d["labels"], {chart.title: d["values"]})
    if k == "hbars":
        return XL_CHART_TYPE.DOUGHNUT, _category(d["labels"], {chart.title: d["values"]})
    if k == "gantt":
        starts = [dt.date.fromisoformat(x) for x in d["starts"]]
        ends = [dt.date.fromisoformat(x) for x in d["ends"]]
        first = min(starts)
        return XL_CHART_TYPE.BAR_STACKED, _category(
            d["labels"],
            {
                "offset": [(s - first).days for s in starts],
                "days": [(e - s).days + 1 for s, e in zip(starts, ends, strict=True)],
            },
        )
    if k == "funnel":
        return XL_CHART_TYPE.BAR_CLUSTERED, _category(
            d["labels"], {d["legend"][0]: d["forward"], d["legend"][1]: d["required"]}
        )
    if k == "ranges":
        return XL_CHART_TYPE.BAR_CLUSTERED, _category(
            d["labels"], {d["legend"][2]: d["low"], d["legend"][3]: d["high"], d["legend"][1]: d["ours"]}
        )
    if k in ("stack", "grouped"):
        a, b = ("revenue", "gp") if k == "stack" else ("a", "b")
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(d["labels"], {d["legend"][0]: d[a], d["legend"][1]: d[b]})
    if k == "tornado":
        base = d["base"]
        return XL_CHART_TYPE.BAR_CLUSTERED, _category(
            d["labels"], {d["legend"][0]: [x - base for x in d["low"]], d["legend"][1]: [x - base for x in d["high"]]}
        )
    if k == "histogram":
        edges = d["edges"]
        mids = [f"{(a + b) / 2:.2f}" for a, b in pairwise(edges)]
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(mids, {chart.title: d["counts"]})
    if k == "matrix":
        data = XyChartData()
        for label, p, i in zip(d["labels"], d["p"], d["i"], strict=True):
            series = data.add_series(str(label)[:30])
            series.add_data_point(float(p), float(i))
        return XL_CHART_TYPE.XY_SCATTER, data
    if k == "scenarios":
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(d["labels"], {d["axes"][0]: d["budget"]})
    raise ValueError(f"no native chart for {k}")


def _east_asian(rpr) -> None:
    """Name the East Asian (and complex-script) typeface too, so CJK text keeps the font."""
    from lxml import etree

    ns = "http://schemas.openxmlformats.org/drawingml/2006/main"
    for tag in ("ea", "cs"):
        for old in rpr.findall(f"{{{ns}}}{tag}"):
            rpr.remove(old)
        etree.SubElement(rpr, f"{{{ns}}}{tag}").set("typeface", FONT)


def add_chart(slide, chart: Chart, left, top, width, height):
    kind, data = chart_data(chart)
    frame = slide.shapes.add_chart(kind, left, top, width, height, data)
    c = frame.chart
    c.has_title = True
    c.chart_title.text_frame.text = chart.title
    for p in c.chart_title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(12)
            r.font.bold = True
            r.font.name = FONT
    c.font.size = Pt(9)
    c.font.name = FONT
    _east_asian(c.font._rPr)
    for p in c.chart_title.text_frame.paragraphs:
        for r in p.runs:
            _east_asian(r.font._rPr)
    series = list(c.plots[0].series)
    c.has_legend = len(series) > 1 or kind == XL_CHART_TYPE.DOUGHNUT
    if c.has_legend:
        c.legend.position = XL_LEGEND_POSITION.BOTTOM
        c.legend.include_in_layout = False
    colors = [NAVY, AMBER, TEAL]
    if kind == XL_CHART_TYPE.BAR_STACKED and chart.kind == "gantt":
        series[0].format.fill.background()  # the offset bar is invisible
        series[1].format.fill.solid()
        series[1].format.fill.fore_color.rgb = NAVY
        c.has_legend = False
    elif kind not in (XL_CHART_TYPE.DOUGHNUT, XL_CHART_TYPE.XY_SCATTER):
        for s, color in zip(series, colors, strict=False):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = color
    if chart.kind == "histogram":
        c.plots[0].gap_width = 10
    if chart.kind == "tornado":
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        c.plots[0].overlap = 100
        c.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if kind == XL_CHART_TYPE.XY_SCATTER:
        from pptx.enum.chart import XL_MARKER_STYLE

        for s in series:
            s.marker.style = XL_MARKER_STYLE.CIRCLE
            s.marker.size = 14
            s.format.line.fill.background()
        for axis in (c.category_axis, c.value_axis):
            axis.minimum_scale, axis.maximum_scale = 0.5, 5.5
    if kind in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):
        c.category_axis.reverse_order = True
    return frame
