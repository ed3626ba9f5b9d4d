"""Small value types the templates read: tables, tiles, paragraphs, chart specs."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup


def clip(text: str, limit: int) -> str:
    """Input text cut for a place that must stay one line or one page."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sentence(template: str, **values: object) -> Markup:
    """A catalogue sentence with each figure escaped and kept on one line with its unit."""
    return Markup(template).format(**{k: Markup('<span class="nb">{}</span>').format(v) for k, v in values.items()})


@dataclass(frozen=True)
class Table:
    """A table of ready-formatted strings; ``align`` is "l" or "r" per column."""

    head: list[str]
    rows: list[list[str]]
    align: list[str]
    foot: list[str] | None = None
    classes: list[str] = field(default_factory=list)  # per row: "" or e.g. "muted", "strong"


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class Para:
    title: str
    text: str


@dataclass(frozen=True)
class Chart:
    """What to draw: ``kind`` picks the drawing function, ``data`` its numbers."""

    name: str
    kind: str
    title: str
    data: dict
    size: tuple[float, float] = (6.4, 3.2)  # inches

    @property
    def src(self) -> str:
        return f"charts/{self.name}.png"


_SPOTS = ((-0.22, 0.22), (0.22, 0.22), (-0.22, -0.22), (0.22, -0.22), (0.0, 0.0))  # up to five risks per cell


def spread(cells: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Where to draw each risk on the 5×5 matrix: alone in its cell at the centre; up to five at its
    centre and corners; more on a grid filling the cell — so markers sharing a cell never hide each
    other (the PDF and the slides place them alike)."""
    count: dict[tuple[int, int], int] = {}
    for cell in cells:
        count[cell] = count.get(cell, 0) + 1
    seen: dict[tuple[int, int], int] = {}
    out = []
    for cell in cells:
        k = seen.get(cell, 0)
        seen[cell] = k + 1
        n = count[cell]
        if n == 1:
            dx, dy = 0.0, 0.0
        elif n <= len(_SPOTS):
            dx, dy = _SPOTS[k]
        else:
            side = math.ceil(math.sqrt(n))
            step = 0.84 / side
            dx = -0.42 + step * (k % side + 0.5)
            dy = 0.42 - step * (k // side + 0.5)
        out.append((cell[0] + dx, cell[1] + dy))
    return out
