"""proposal.pptx: slides and titles, native charts whose data equal results.json, LibreOffice
Impress converts it, hostile text stays literal."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from pptx import Presentation

from generator.cli import main
from generator.i18n.docs_zh import ZH
from tests.conftest import DEMO

TITLES = [ZH["doc_title"]] + [
    ZH[k]
    for k in ["s_exec"]
    + ["s_market"] * 2
    + ["s_plan"] * 6
    + ["s_budget"] * 5
    + ["s_roi"] * 3
    + ["s_risk"] * 2
    + ["s_cases", "s_compare"]
]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("deck") / "demo"
    result = CliRunner().invoke(main, ["build", str(DEMO), "--pptx", "-o", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    return out


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_slides_and_titles(deck):
    prs = Presentation(deck / "proposal.pptx")
    assert len(prs.slides) == 22  # a title slide, one per page of the PDF, a second slide for 3 busy pages
    assert [slide_texts(s)[0] for s in prs.slides] == TITLES
    for n, slide in enumerate(prs.slides, start=1):
        texts = slide_texts(slide)
        assert f"{n} / 22" in texts
        assert any("582ca09f2825" in t for t in texts)
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert len(notes) >= 6 and any("87.27" in n for n in notes)


def test_charts_are_native_with_the_results_figures(deck):
    data = json.loads((deck / "results.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(deck / "proposal.pptx") as zf:
        assert len([n for n in zf.namelist() if re.match(r"ppt/charts/chart\d+\.xml", n)]) == 11
        assert not [n for n in zf.namelist() if n.startswith("ppt/media/")]  # no pictures
    prs = Presentation(deck / "proposal.pptx")
    charts = {
        shape.chart.chart_title.text_frame.text: shape.chart
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_chart
    }
    doughnut = charts["七大类预算（万元）"]
    values = list(doughnut.plots[0].series[0].values)
    expected = [
        data["budget"]["categories"][k] / 10000
        for k in ("incentives", "promotion", "systems", "labor", "fulfillment", "management", "contingency")
    ]
    assert values == pytest.approx(expected, abs=1e-9)
    funnel = charts["正推 vs 倒推漏斗"]
    assert list(funnel.plots[0].series[0].values) == [float(v) for v in data["funnel"]["forward"].values()]
    scenarios = charts["方案对比"]
    assert list(scenarios.plots[0].series[0].values) == pytest.approx(
        [s["budget_total"] / 10000 for s in data["scenarios"].values()]
    )


def test_libreoffice_impress_converts_the_deck(deck, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "libreoffice-impress-nogui is not installed; `make test` installs it"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck / "proposal.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "proposal.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    for title in set(TITLES):
        assert re.sub(r"\s+", "", title) in flat, title
    for figure in ("87.27", "6,087", "481.31", "168.46", "1.93:1", "9.19:1", "143.37"):
        assert figure in flat, figure


def test_hostile_text_stays_literal(case, tmp_path):
    case.set_campaign("name", '<script>alert(1)</script> =cmd|"/c calc"')
    case.set("budget", 1, "item", '<a href="http://example.com">x</a>')
    path = case.xlsx(tmp_path / "h.xlsx")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["build", str(path), "--pptx", "-o", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    prs = Presentation(out / "proposal.pptx")
    cover = slide_texts(prs.slides[0])
    assert '<script>alert(1)</script> =cmd|"/c calc"' in cover
    with zipfile.ZipFile(out / "proposal.pptx") as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xml"))
    assert b"hlinkClick" not in xml
    assert b"&lt;script&gt;" in xml


def _view_parts(view):
    """Every table and chart of the PDF's view, with where it sits."""
    import dataclasses

    from generator.render.tables import Chart, Table

    def walk(x, path):
        if isinstance(x, (Table, Chart)):
            yield path, x
        elif dataclasses.is_dataclass(x):
            for f in dataclasses.fields(x):
                yield from walk(getattr(x, f.name), f"{path}.{f.name}")

    return list(walk(view, "view"))


def test_every_table_and_chart_of_the_pdf_is_on_the_slides_with_the_same_figures(deck, demo_results):
    from generator.render.tables import Chart
    from generator.render.view import proposal_view

    prs = Presentation(deck / "proposal.pptx")
    tables: dict[tuple, list[list[list[str]]]] = {}  # header → the body of each slide's table
    charts = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows = [[c.text for c in row.cells] for row in shape.table.rows]
                tables.setdefault(tuple(rows[0]), []).append(rows[1:])  # continued slides repeat the header
            if shape.has_chart:
                charts[shape.chart.chart_title.text_frame.text] = shape.chart
    view = proposal_view(demo_results, "zh")
    parts = _view_parts(view)
    assert len(parts) >= 25
    for where, part in parts:
        if isinstance(part, Chart):
            assert part.title in charts, where
            continue
        expected = [[str(c) for c in row] for row in [*part.rows, *([part.foot] if part.foot else [])]]
        blocks = tables.get(tuple(str(h) for h in part.head), [])
        runs = [
            [row for block in blocks[i:j] for row in block]
            for i in range(len(blocks))
            for j in range(i + 1, len(blocks) + 1)
        ]
        assert expected in runs, where
    scenarios = charts[view.compare.scenarios_chart.title]
    assert [type(p).__name__ for p in scenarios.plots] == ["BarPlot", "LinePlot"]  # budget bars and the ROI line
    assert list(scenarios.plots[1].series[0].values) == pytest.approx(view.compare.scenarios_chart.data["roi"])
    gantt = charts[view.plan.timeline_chart.title]
    assert gantt.value_axis.tick_labels.number_format == "mm-dd"  # dates, not day numbers
