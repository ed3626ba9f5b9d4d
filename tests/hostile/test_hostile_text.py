"""Formula injection, HTML, CSS, script and URLs in every text field: text stays text."""

from __future__ import annotations

import itertools

import openpyxl

from generator.io.workbook import write_budget_workbook
from generator.pipeline import load
from generator.render.proposal import write_documents
from generator.results import compute

PAYLOADS = [
    '=HYPERLINK("http://example.com/x","y")',
    "+1+1",
    "-1-1",
    "@SUM(1)",
    "\t=1+2",
    "\r=3+4",
    '<img src="file:///etc/passwd">',
    "<script>alert(1)</script>",
    "<style>@import url(http://example.com/x.css);</style>",
    "http://example.com/x.png",
    "file:///etc/shadow",
    "<a href='http://example.com/'>link</a>",
]


def inject(case) -> list[str]:
    """Put a payload in every free-text field and every unreferenced name; returns what was written."""
    written: list[str] = []
    payload = itertools.cycle(PAYLOADS)

    def next_payload(tag: str) -> str:
        text = f"{next(payload)} {tag}"
        written.append(text.strip())
        return text

    for key in ("name", "region", "owner", "theme"):
        case.set_campaign(key, next_payload(key))
    for sheet, columns in {
        "channels": ("channel", "note"),
        "budget": ("note",),
        "goals": ("note", "unit"),
        "scenarios": ("label",),
        "risks": ("risk", "response", "owner"),
        "timeline": ("phase",),
        "history": ("campaign",),
        "narrative": ("text",),
    }.items():
        keys, rows = case.sheets[sheet]
        for i, row in enumerate(rows):
            for column in columns:
                if column == "unit":
                    continue
                row[keys.index(column)] = next_payload(f"{sheet}{i}{column}")
    for row in (0, 1, 3, 4, 6, 7, 8):  # budget items no scenario or sensitivity path names
        case.set("budget", row, "item", next_payload(f"item{row}"))
    case.set("revenue", 1, "item", next_payload("revenue1"))
    return written


def test_every_text_field_stays_text(case, tmp_path):
    written = inject(case)
    results = compute(load(case.xlsx(tmp_path / "in.xlsx")).model, draws=200)
    out = tmp_path / "out"
    out.mkdir()
    report = write_documents(results, out, "zh", html=True)
    assert report.refused == []
    assert report.served and all(u.startswith(f"file://{out.resolve()}/charts/") for u in report.served)
    html = (out / "proposal.html").read_text(encoding="utf-8")
    assert (
        "<script>" not in html
        and "<style>@import" not in html
        and '<img src="file' not in html
        and "<a href=" not in html
    )

    write_budget_workbook(results, out / "budget.xlsx")
    wb = openpyxl.load_workbook(out / "budget.xlsx")
    strings = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert not any(
                        marker in str(c.value)
                        for marker in ("HYPERLINK", "SUM(1)", "example.com", "+1+1", "-1-1", "=1+2", "=3+4")
                    ), (ws.title, c.coordinate, c.value)
                elif isinstance(c.value, str):
                    strings.add(c.value)
    names = [w for w in written if not w.startswith(("<", "http", "file"))]
    shown = [w for w in names if any(s == w or s.startswith(w) for s in strings)]
    assert len(shown) >= 10  # item, channel and campaign texts reach the workbook, as strings
