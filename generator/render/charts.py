"""matplotlib charts (Agg, PNG sized to their box) in the documents' CJK font.

Imported only by commands that draw. Each drawing function takes the numbers
a :class:`Chart` carries; none computes a business figure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from itertools import pairwise
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

from .tables import Chart, spread

FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)
FONT = "Noto Sans CJK SC"
DPI = 170
NAVY, TEAL, AMBER, RED, GREY, LIGHT = "#1F4E79", "#2E8B8B", "#E0A030", "#C0392B", "#8C8C8C", "#D9E2EC"
PALETTE = [NAVY, TEAL, AMBER, "#6C8EBF", "#9DC3A9", "#B4869F", GREY]


def setup_fonts() -> None:
    for path in FONT_FILES:
        if Path(path).exists():
            font_manager.fontManager.addfont(path)
    plt.rcParams.update(
        {
            "font.family": [FONT],
            "font.size": 8.5,
            "axes.titlesize": 10,
            "axes.titleweight": "bold",
            "axes.edgecolor": GREY,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#E6E6E6",
            "grid.linewidth": 0.6,
            "axes.axisbelow": True,
            "axes.unicode_minus": False,
            "legend.frameon": False,
            "savefig.dpi": DPI,
        }
    )


def _fmt(value: float, kind: str) -> str:
    if kind == "ratio":
        return f"{value:.2f}:1"
    if kind == "wan":
        return f"{value:,.2f}"
    return f"{value:,.0f}"


def bars(ax, d):
    colors = [NAVY] * len(d["values"])
    if d.get("highlight_last"):
        colors[-1] = AMBER
    bars_ = ax.bar(d["labels"], d["values"], color=colors, width=0.55)
    for bar, v in zip(bars_, d["values"], strict=True):
        ax.annotate(
            _fmt(v, d["fmt"]),
            (bar.get_x() + bar.get_width() / 2, v),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.grid(axis="x", visible=False)
    ax.margins(y=0.15)


def hbars(ax, d):
    y = range(len(d["values"]))
    ax.barh(list(y), d["values"], color=PALETTE[: len(d["values"])] if len(d["values"]) <= 7 else NAVY, height=0.6)
    ax.set_yticks(list(y), d["labels"])
    ax.invert_yaxis()
    for i, v in enumerate(d["values"]):
        ax.annotate(_fmt(v, d["fmt"]), (v, i), va="center", fontsize=8, xytext=(3, 0), textcoords="offset points")
    ax.margins(x=0.15)
    ax.grid(axis="y", visible=False)


def gantt(ax, d):
    starts = [dt.date.fromisoformat(s) for s in d["starts"]]
    ends = [dt.date.fromisoformat(s) for s in d["ends"]]
    import matplotlib.dates as mdates

    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        ax.barh(i, (e - s).days + 1, left=mdates.date2num(s), color=PALETTE[i % len(PALETTE)], height=0.55)
    ax.set_yticks(range(len(starts)), d["labels"])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    ax.grid(axis="y", visible=False)


def funnel(ax, d):
    """Forecast and required counts side by side on a linear axis, each bar with its figure."""
    import numpy as np

    y = np.arange(len(d["labels"]))
    for offset, key, colour, name in (
        (-0.2, "forward", NAVY, d["legend"][0]),
        (0.2, "required", AMBER, d["legend"][1]),
    ):
        ax.barh(y + offset, d[key], height=0.38, color=colour, label=name)
        for yi, v in zip(y, d[key], strict=True):
            ax.annotate(
                f"{v:,.0f}", (v, yi + offset), va="center", fontsize=7, xytext=(3, 0), textcoords="offset points"
            )
    ax.set_yticks(y, d["labels"])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.margins(x=0.12)
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)


def ranges(ax, d):
    import numpy as np

    y = np.arange(len(d["labels"]))
    widths = [h - lo for lo, h in zip(d["low"], d["high"], strict=True)]
    ax.barh(y, widths, left=d["low"], height=0.5, color=LIGHT, label=d["legend"][0])
    ax.scatter(d["ours"], y, color=NAVY, zorder=3, s=28, label=d["legend"][1])
    ax.set_yticks(y, d["labels"])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.legend(loc="lower right", fontsize=8)


def _paired_bars(ax, d, a: str, b: str, colours: tuple[str, str], width: float) -> None:
    """Two series side by side per label, with a legend."""
    import numpy as np

    x = np.arange(len(d["labels"]))
    ax.bar(x - width / 2, d[a], width=width, color=colours[0], label=d["legend"][0])
    ax.bar(x + width / 2, d[b], width=width, color=colours[1], label=d["legend"][1])
    ax.set_xticks(x, d["labels"])
    ax.legend(fontsize=8)
    ax.grid(axis="x", visible=False)


def stack(ax, d):
    _paired_bars(ax, d, "revenue", "gp", (NAVY, TEAL), 0.36)


def tornado(ax, d):
    """ROI with each parameter at its low and high value, around the base ROI (marked)."""
    import numpy as np

    base = d["base"]
    y = np.arange(len(d["labels"]))
    ax.barh(y, [lo - base for lo in d["low"]], left=base, color=AMBER, height=0.6, label=d["legend"][0])
    ax.barh(y, [hi - base for hi in d["high"]], left=base, color=NAVY, height=0.6, label=d["legend"][1])
    ax.axvline(base, color=RED, linewidth=1)
    ax.annotate(
        d["base_label"],
        (base, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 2),
        textcoords="offset points",
        va="bottom",
        ha="center",
        fontsize=7.5,
        color=RED,
    )
    ax.set_yticks(y, d["labels"])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.2f}:1")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)


def histogram(ax, d):
    edges, counts = d["edges"], d["counts"]
    if counts:
        ax.stairs(counts, edges, fill=True, color=LIGHT, edgecolor=NAVY)
    for name, value in d["marks"].items():
        ax.axvline(value, color=NAVY, linestyle="--", linewidth=0.9)
        ax.annotate(
            f"{name} {value:.2f}",
            (value, 1),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="right",
            fontsize=7.5,
        )
    if d["floor"] is not None:
        ax.axvline(d["floor"], color=RED, linewidth=1.2)
        ax.annotate(
            f"{d['floor_label']} {d['floor']:.2f}",
            (d["floor"], 1),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="left",
            fontsize=7.5,
            color=RED,
        )
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)


def matrix(ax, d):
    for p in range(1, 6):
        for i in range(1, 6):
            score = p * i
            color = "#F6D7D3" if score >= 15 else "#FBEBC8" if score >= 8 else "#E3F0E6"
            ax.add_patch(plt.Rectangle((p - 0.5, i - 0.5), 1, 1, color=color, zorder=0))
    cells = list(zip(d["p"], d["i"], strict=True))
    numbers = d.get("numbers") or range(1, len(cells) + 1)
    crowd = max((cells.count(c) for c in set(cells)), default=1)
    size, font = (150, 7.5) if crowd <= 5 else (70, 5.5)  # more than five in a cell: a finer grid
    for n, (p, i), (x, y) in zip(numbers, cells, spread(cells), strict=True):
        if not p or not i:
            continue
        ax.scatter(x, y, s=size, color=NAVY, zorder=3, edgecolors="white", linewidths=0.8)
        small = font - 1.5 if n >= 100 else font
        ax.annotate(str(n), (x, y), ha="center", va="center", color="white", fontsize=small, zorder=4)
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(d["axes"][0])
    ax.set_ylabel(d["axes"][1])
    ax.grid(False)
    ax.set_aspect("equal")


def scenarios(ax, d):
    import numpy as np

    x = np.arange(len(d["labels"]))
    colors = [AMBER if r else NAVY for r in d["recommended"]]
    ax.bar(x, d["budget"], color=colors, width=0.5, label=d["legend"][0])
    ax.set_xticks(x, d["labels"])
    ax.set_ylabel(d["axes"][0])
    ax.grid(axis="x", visible=False)
    ax2 = ax.twinx()
    ax2.plot(x, d["roi"], color=RED, marker="o", label=d["legend"][1])
    for xi, r in zip(x, d["roi"], strict=True):
        ax2.annotate(
            f"{r:.2f}:1", (xi, r), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8, color=RED
        )
    ax2.set_ylabel(d["axes"][1])
    ax2.grid(False)
    ax2.spines["right"].set_visible(True)
    ax2.set_ylim(0, max([*d["roi"], 1.0]) * 1.25)  # from zero, so a small gap looks small
    ax2.yaxis.set_major_formatter(lambda v, _: f"{v:.1f}:1")
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)


def grouped(ax, d):
    _paired_bars(ax, d, "a", "b", (NAVY, AMBER), 0.4)


def cumulative(ax, d):
    ax.plot(d["days"], d["cumulative"], color=NAVY, marker="o", markersize=3, label=d["legend"][0])
    ax.plot([0, d["execution_days"]], [0, d["target"]], color=GREY, linestyle="--", label=d["legend"][1])
    if d["days"]:
        ax.plot(
            [d["as_of"], d["execution_days"]],
            [d["cumulative"][-1], d["projected"]],
            color=AMBER,
            linestyle=":",
            label=d["legend"][2],
        )
    ax.set_xlim(0, d["execution_days"])
    whole_days(ax)
    ax.legend(fontsize=8, loc="upper left")


def whole_days(ax) -> None:
    """Day axes tick on whole days only."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def waterfall(ax, d):
    """A bridge: the start and end as full bars, each step floating from where the last one ended
    (a rise in ``up`` colour, a fall in ``down``), each labelled with its signed value."""
    levels, steps = d["levels"], d["steps"]
    names = [d["start_label"], *d["labels"], d["end_label"]]
    bottoms = [0, *(min(a, b) for a, b in pairwise(levels)), 0]
    tops = [d["start"], *(abs(s) for s in steps), d["end"]]
    shades = [NAVY, *(d["up"] if s >= 0 else d["down"] for s in steps), NAVY]
    bars_ = ax.bar(range(len(names)), tops, bottom=bottoms, color=shades, width=0.6)
    for bar, text in zip(bars_, [d["start_text"], *d["step_texts"], d["end_text"]], strict=True):
        ax.annotate(
            text,
            (bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=7.5,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_ylim(d["floor"], d["ceiling"])
    ax.set_xticks(range(len(names)), names, fontsize=7.5)
    ax.set_ylabel(d["unit"])
    ax.grid(axis="x", visible=False)
    from matplotlib.patches import Patch

    ax.legend(
        handles=[
            Patch(color=NAVY, label=d["legend"][0]),
            Patch(color=d["up"], label=d["legend"][1]),
            Patch(color=d["down"], label=d["legend"][2]),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
        ncol=3,
        fontsize=7.5,
    )


DRAW = {
    f.__name__: f
    for f in (
        grouped,
        cumulative,
        bars,
        hbars,
        gantt,
        funnel,
        ranges,
        stack,
        tornado,
        histogram,
        matrix,
        scenarios,
        waterfall,
    )
}


LABEL_WIDTH, LABEL_LINES = 22, 2  # display columns (a CJK character counts two) and lines


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _wrap(text: object) -> object:
    """Chart labels wrapped to fit: at " · " first, then on words in English and anywhere in Chinese;
    cut only past two lines."""
    if not isinstance(text, str):
        return text
    head, sep, tail = text.partition(" · ")
    if sep and _width(text) > LABEL_WIDTH and _width(head) <= LABEL_WIDTH and _width(tail) + 2 <= LABEL_WIDTH:
        return f"{head}\n· {tail}"
    lines, line, width = [], "", 0
    for token in re.findall(r"[A-Za-z0-9.,:%()'/-]+ ?|.", text):
        w = _width(token)
        if width + w > LABEL_WIDTH and line:
            lines.append(line.rstrip())
            line, width = "", 0
        line, width = line + token, width + w
    lines.append(line.rstrip())
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], lines[LABEL_LINES - 1][:-1] + "…"]
    return "\n".join(lines)


def draw(chart: Chart, folder: Path) -> Path:
    data = dict(chart.data)
    if "labels" in data:
        data["labels"] = [_wrap(x) for x in data["labels"]]
    fig, ax = plt.subplots(figsize=chart.size, layout="constrained")
    ax.set_title(chart.title, loc="left")
    DRAW[chart.kind](ax, data)
    path = folder / f"{chart.name}.png"
    fig.savefig(path, dpi=DPI, pil_kwargs={"compress_level": 1})
    plt.close(fig)
    return path


def draw_all(charts: list[Chart], folder: Path, cache: Path | None = None) -> list[Path]:
    """Draw each chart into ``folder``; with ``cache`` (a folder of budgetgen's own), a chart drawn
    before from the same figures, title and size is copied from there instead of drawn again."""
    setup_fonts()
    folder.mkdir(parents=True, exist_ok=True)
    if cache is None:
        return [draw(c, folder) for c in charts]
    from .chart_cache import ChartCache

    store = ChartCache(cache, CODE)
    paths = [store.fetch(c, folder) or store.keep(c, draw(c, folder)) for c in charts]
    store.prune()
    return paths


CODE = hashlib.sha256(Path(__file__).read_bytes() + matplotlib.__version__.encode() + str(DPI).encode()).hexdigest()
