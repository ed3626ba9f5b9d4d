"""Charts for the browser as inline SVG, drawn from a view's chart data (the numbers, not a PNG).

Why SVG and not ECharts: the pages need three kinds of bars; SVG drawn on the server needs no
script (the Content-Security-Policy allows none inline), no 1 MB library, prints and scales
crisply, and arrives inside the same htmx swap as the figures it shows. Text is escaped;
colours are presentation attributes (no inline style, which the CSP refuses).
"""

from __future__ import annotations

from markupsafe import Markup, escape

COLOURS = ("#1f4e79", "#c55a11", "#7f7f7f")
WIDTH, LABEL, ROW, PAD = 640, 150, 26, 8
BARS_WIDTH, BARS_LABEL = 440, 96  # the bar charts sit in half-width cards: a narrower box keeps their text readable


def _legend(names: list[str], y: int, x: int = LABEL) -> str:
    out = []
    for i, name in enumerate(names):
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[i % 3]}"/>')
        out.append(f'<text x="{x + 16}" y="{y + 10}" font-size="12">{escape(name)}</text>')
        x += 24 + 13 * len(name)
    return "".join(out)


def _frame(title: str, height: int, body: str, width: int = WIDTH) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="Noto Sans CJK SC, sans-serif">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def bars(title: str, labels: list[str], series: list[list[float]], legend: list[str], shown: list[list[str]]) -> Markup:
    """Horizontal bars, one group per label, one bar per series; ``shown`` the value printed after each bar."""
    top = 28
    n = len(series)
    band = ROW * max(n, 1) + PAD
    height = top + band * len(labels) + 10
    most = max((abs(v) for s in series for v in s), default=0) or 1
    span = BARS_WIDTH - BARS_LABEL - 70
    body = [_legend(legend, 6, BARS_LABEL)]
    for i, label in enumerate(labels):
        y = top + i * band
        body.append(
            f'<text x="{BARS_LABEL - 6}" y="{y + band / 2}" font-size="13" text-anchor="end">{escape(label)}</text>'
        )
        for k, values in enumerate(series):
            w = max(abs(values[i]) / most * span, 1)
            by = y + k * ROW
            body.append(
                f'<rect x="{BARS_LABEL}" y="{by + 3}" width="{w:.1f}" height="{ROW - 8}" fill="{COLOURS[k % 3]}"/>'
            )
            body.append(
                f'<text x="{BARS_LABEL + w + 4:.1f}" y="{by + ROW / 2 + 3}" font-size="12">{escape(shown[k][i])}</text>'
            )
    body.append(f'<line x1="{BARS_LABEL}" y1="{top - 2}" x2="{BARS_LABEL}" y2="{height - 8}" stroke="#999"/>')
    return _frame(title, height, "".join(body), BARS_WIDTH)


def tornado(title: str, data: dict, fmt) -> Markup:
    """Bars from the base case to each parameter's low and high ROI."""
    labels, low, high, base = data["labels"], data["low"], data["high"], data["base"]
    top, height = 48, 48 + ROW * len(labels) + 20
    lo = min([*low, *high, base])
    hi = max([*low, *high, base])
    span = (hi - lo) or 1
    width = WIDTH - LABEL - 70

    def x(v: float) -> float:
        return LABEL + 30 + (v - lo) / span * width

    body = [_legend(data["legend"], 6)]
    for i, label in enumerate(labels):
        y = top + i * ROW
        body.append(
            f'<text x="{LABEL - 6}" y="{y + ROW / 2 + 4}" font-size="12" text-anchor="end">{escape(label)}</text>'
        )
        for k, v in enumerate((low[i], high[i])):
            a, b = sorted((x(base), x(v)))
            body.append(
                f'<rect x="{a:.1f}" y="{y + 3}" width="{max(b - a, 1):.1f}" height="{ROW - 8}" fill="{COLOURS[k]}"/>'
            )
            anchor, tx = ("end", a - 3) if x(v) < x(base) else ("start", b + 3)
            body.append(
                f'<text x="{tx:.1f}" y="{y + ROW / 2 + 3}" font-size="10" text-anchor="{anchor}">{escape(fmt(v))}</text>'
            )
    bx = x(base)
    body.append(f'<line x1="{bx:.1f}" y1="{top - 6}" x2="{bx:.1f}" y2="{height - 14}" stroke="#333"/>')
    body.append(
        f'<text x="{bx:.1f}" y="{top - 10}" font-size="11" text-anchor="middle">{escape(data["base_label"])}</text>'
    )
    return _frame(title, height, "".join(body))


def waterfall(title: str, data: dict) -> Markup:
    """A bridge from a chart spec of kind ``waterfall`` (the PDF's): start, one floating bar per
    step, end; each bar with its printed value."""
    steps, names = data["steps"], [data["start_label"], *data["labels"], data["end_label"]]
    texts = [data["start_text"], *data["step_texts"], data["end_text"]]
    levels, floor, top_value = data["levels"], data["floor"], data["ceiling"]
    top, plot, slot = 44, 180, (WIDTH - 40) / len(names)

    def y(v: float) -> float:
        return top + plot - (v - floor) / (top_value - floor) * plot

    bars_ = [(floor, data["start"], COLOURS[0])]
    for k, s in enumerate(steps):
        bars_.append((levels[k], levels[k + 1], data["up"] if s >= 0 else data["down"]))
    bars_.append((floor, data["end"], COLOURS[0]))
    body = [f'<text x="16" y="18" font-size="14" font-weight="bold">{escape(title)}</text>']
    for i, ((a, b, colour), name, text) in enumerate(zip(bars_, names, texts, strict=True)):
        x = 20 + i * slot + slot * 0.2
        y1, y2 = sorted((y(a), y(b)))
        body.append(
            f'<rect x="{x:.1f}" y="{y1:.1f}" width="{slot * 0.6:.1f}" height="{max(y2 - y1, 1):.1f}" fill="{colour}"/>'
        )
        body.append(
            f'<text x="{x + slot * 0.3:.1f}" y="{y1 - 4:.1f}" font-size="12" text-anchor="middle">{escape(text)}</text>'
        )
        body.append(
            f'<text x="{x + slot * 0.3:.1f}" y="{top + plot + 18}" font-size="12" text-anchor="middle">{escape(name)}</text>'
        )
    body.append(f'<line x1="16" y1="{top + plot}" x2="{WIDTH - 16}" y2="{top + plot}" stroke="#999"/>')
    return _frame(title, top + plot + 30, "".join(body))
