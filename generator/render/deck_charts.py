"""Native PowerPoint charts from the same chart specs the PDF draws (no pictures)."""

from __future__ import annotations

import datetime as dt
import math
from itertools import pairwise

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from .tables import Chart, spread

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
    if k == "gantt":  # an invisible bar up to each start (a date serial), then the phase's days
        starts = [dt.date.fromisoformat(x) for x in d["starts"]]
        ends = [dt.date.fromisoformat(x) for x in d["ends"]]
        return XL_CHART_TYPE.BAR_STACKED, _category(
            d["labels"],
            {
                "start": [_serial(s) for s in starts],
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
    if k == "tornado":  # ROI at each end; the bars start from the base ROI (see _tornado)
        return XL_CHART_TYPE.BAR_CLUSTERED, _category(
            d["labels"], {d["legend"][0]: d["low"], d["legend"][1]: d["high"]}
        )
    if k == "histogram":
        edges = d["edges"]
        mids = [f"{(a + b) / 2:.2f}" for a, b in pairwise(edges)]
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(mids, {chart.title: d["counts"]})
    if k == "matrix":  # one series per risk, numbered as in the register, spread as in the PDF
        data = XyChartData()
        cells = list(zip(d["p"], d["i"], strict=True))
        numbers = d.get("numbers") or range(1, len(cells) + 1)
        for n, label, (x, y) in zip(numbers, d["labels"], spread(cells), strict=True):
            series = data.add_series(f"{n} {label}"[:40])
            series.add_data_point(float(x), float(y))
        return XL_CHART_TYPE.XY_SCATTER, data
    if k == "scenarios":  # budget bars; ROI moves to a line on a second axis (see _combine)
        return XL_CHART_TYPE.COLUMN_CLUSTERED, _category(
            d["labels"], {d["legend"][0]: d["budget"], d["legend"][1]: d["roi"]}
        )
    if k == "waterfall":  # stacked columns on an invisible base (see _waterfall)
        return XL_CHART_TYPE.COLUMN_STACKED, _category(
            [d["start_label"], *d["labels"], d["end_label"]], waterfall_series(d)
        )
    raise ValueError(f"no native chart for {k}")


def waterfall_series(d: dict) -> dict[str, list[float]]:
    """A bridge as stacked series: an invisible base up to where each step starts, the start and end
    as whole bars, and each step as a rise or a fall."""
    base = [0.0, *(min(a, b) for a, b in pairwise(d["levels"]))]
    rise = [0.0, *(max(s, 0) for s in d["steps"])]
    fall = [0.0, *(max(-s, 0) for s in d["steps"])]
    ends = [d["start"], *[0.0] * len(d["steps"]), d["end"]]
    up, down = d["legend"][1], d["legend"][2]
    return {" ": [*base, 0.0], d["legend"][0]: ends, up: [*rise, 0.0], down: [*fall, 0.0]}


def _serial(day: dt.date) -> int:
    """The day as a spreadsheet date serial, so the axis shows dates."""
    return (day - dt.date(1899, 12, 30)).days


def _combine(chart) -> None:
    """Move the bar chart's second series into a line chart on a secondary value axis (bar + line)."""
    from lxml import etree
    from pptx.oxml.ns import qn

    plot_area = chart._chartSpace.chart.plotArea
    bars = plot_area.find(qn("c:barChart"))
    ser = bars.findall(qn("c:ser"))[1]
    bars.remove(ser)
    for old in ser.findall(qn("c:invertIfNegative")):
        ser.remove(old)
    etree.SubElement(ser, qn("c:smooth")).set("val", "0")
    line = etree.Element(qn("c:lineChart"))
    etree.SubElement(line, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line, qn("c:varyColors")).set("val", "0")
    line.append(ser)
    etree.SubElement(line, qn("c:marker")).set("val", "1")
    for ax_id in ("90001", "90002"):
        etree.SubElement(line, qn("c:axId")).set("val", ax_id)
    bars.addnext(line)
    last_axis = plot_area.findall(qn("c:valAx"))[-1]
    last_axis.addnext(etree.fromstring(_SECOND_AXES[1]))
    last_axis.addnext(etree.fromstring(_SECOND_AXES[0]))


_C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
_SECOND_AXES = (
    f'<c:catAx {_C}><c:axId val="90001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/>'
    '<c:axPos val="b"/><c:crossAx val="90002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
    f'<c:valAx {_C}><c:axId val="90002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
    '<c:delete val="0"/><c:axPos val="r"/><c:numFmt formatCode="0.0&quot;:1&quot;" sourceLinked="0"/>'
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    '<c:crossAx val="90001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>',
)


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
    _fonts(c, chart.title)
    series = list(c.plots[0].series)
    c.has_legend = len(series) > 1 or kind == XL_CHART_TYPE.DOUGHNUT
    if c.has_legend:
        c.legend.position = XL_LEGEND_POSITION.BOTTOM
        c.legend.include_in_layout = False
    if kind not in (XL_CHART_TYPE.DOUGHNUT, XL_CHART_TYPE.XY_SCATTER):
        for s, color in zip(series, [NAVY, AMBER, TEAL], strict=False):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = color
    if chart.kind == "histogram":
        c.plots[0].gap_width = 10
    if kind in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):
        c.category_axis.reverse_order = True
    _FINISH.get(chart.kind, lambda c, chart: None)(c, chart)
    return frame


def _fonts(c, title: str) -> None:
    """The title, and every text of the chart in the documents' CJK font."""
    c.has_title = True
    c.chart_title.text_frame.text = title
    for p in c.chart_title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(12)
            r.font.bold = True
            r.font.name = FONT
            _east_asian(r.font._rPr)
    c.font.size = Pt(9)
    c.font.name = FONT
    _east_asian(c.font._rPr)


def _gantt(c, chart: Chart) -> None:
    """The start bar is invisible; the value axis shows dates from the first start to the last end."""
    series = list(c.plots[0].series)
    series[0].format.fill.background()
    series[1].format.fill.solid()
    series[1].format.fill.fore_color.rgb = NAVY
    c.has_legend = False
    d = chart.data
    axis = c.value_axis
    axis.minimum_scale = min(_serial(dt.date.fromisoformat(x)) for x in d["starts"])
    axis.maximum_scale = max(_serial(dt.date.fromisoformat(x)) for x in d["ends"]) + 1
    axis.tick_labels.number_format = "mm-dd"
    axis.tick_labels.number_format_is_linked = False


def _matrix(c, chart: Chart) -> None:
    """Numbered markers on a 1–5 grid; the register beside it names each number."""
    from pptx.enum.chart import XL_DATA_LABEL_POSITION, XL_MARKER_STYLE

    c.has_legend = False
    numbers = chart.data.get("numbers") or range(1, len(chart.data["labels"]) + 1)
    cells = list(zip(chart.data["p"], chart.data["i"], strict=True))
    crowded = max((cells.count(x) for x in set(cells)), default=1) > 5  # a finer grid: smaller markers
    for n, s in zip(numbers, c.plots[0].series, strict=True):
        s.marker.style = XL_MARKER_STYLE.CIRCLE
        s.marker.size = 11 if crowded else 16
        s.marker.format.fill.solid()
        s.marker.format.fill.fore_color.rgb = LIGHT
        s.marker.format.line.color.rgb = NAVY
        s.format.line.fill.background()
        label = s.points[0].data_label
        label.has_text_frame = True
        label.text_frame.text = str(n)
        label.position = XL_DATA_LABEL_POSITION.CENTER
        label.font.color.rgb = NAVY
        label.font.bold = True
        label.font.size = Pt(7 if crowded else 9)
    for axis, name in zip((c.category_axis, c.value_axis), chart.data["axes"], strict=True):
        axis.minimum_scale, axis.maximum_scale = 0, 6
        axis.major_unit = 1
        axis.has_title = True
        axis.axis_title.text_frame.text = name


def _scenarios(c, chart: Chart) -> None:
    """Budget bars and the ROI line on its own axis from zero, as in the PDF."""
    _combine(c)
    line = c.plots[1].series[0]
    line.format.line.color.rgb = RGBColor(0xC0, 0x39, 0x2B)
    line.smooth = False
    c.has_legend = True
    c.legend.position = XL_LEGEND_POSITION.BOTTOM
    c.legend.include_in_layout = False


def _tornado(c, chart: Chart) -> None:
    """Low and high bars overlap and grow from the base ROI, as in the PDF; the axis reads as ratios."""
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    c.plots[0].overlap = 100
    c.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    d = chart.data
    values = [*d["low"], *d["high"], d["base"]]
    c.value_axis.minimum_scale = math.floor(min(values) * 20) / 20
    c.value_axis.maximum_scale = math.ceil(max(values) * 20) / 20
    c.value_axis.crosses_at = d["base"]
    for s, color in zip(c.plots[0].series, (AMBER, NAVY), strict=False):  # low amber, high navy, as in the PDF
        s.format.fill.fore_color.rgb = color
    c.value_axis.tick_labels.number_format = '0.00":1"'
    c.value_axis.tick_labels.number_format_is_linked = False


def _waterfall(c, chart: Chart) -> None:
    """The base series invisible and out of the legend; rises and falls in the PDF's colours; the value
    axis starting near the lowest level, as in the PDF."""
    from pptx.dml.color import RGBColor

    d = chart.data
    series = list(c.plots[0].series)
    series[0].format.fill.background()
    colours = (NAVY, RGBColor.from_string(d["up"][1:]), RGBColor.from_string(d["down"][1:]))
    for s, colour in zip(series[1:], colours, strict=True):
        s.format.fill.solid()
        s.format.fill.fore_color.rgb = colour
    c.plots[0].gap_width = 60
    low, high = min(d["levels"]), max(d["levels"])
    unit = 1 if high > 10 else 0.05  # 万元 in whole numbers, ROI in twentieths
    c.value_axis.minimum_scale = math.floor(d["floor"] / unit) * unit
    c.value_axis.major_unit = unit if high - low < 10 * unit else None
    if c.has_legend:
        _hide_legend_entry(c, 0)


def _hide_legend_entry(c, index: int) -> None:
    """Leave one series out of the legend (<c:legendEntry> with <c:delete>, after <c:legendPos>)."""
    from lxml import etree
    from pptx.oxml.ns import qn

    legend = c._chartSpace.chart.find(qn("c:legend"))
    entry = etree.Element(qn("c:legendEntry"))
    etree.SubElement(entry, qn("c:idx")).set("val", str(index))
    etree.SubElement(entry, qn("c:delete")).set("val", "1")
    position = legend.find(qn("c:legendPos"))
    if position is not None:
        position.addnext(entry)
    else:
        legend.insert(0, entry)


_FINISH = {"gantt": _gantt, "matrix": _matrix, "scenarios": _scenarios, "tornado": _tornado, "waterfall": _waterfall}
