"""Every output of the demo, read back as text: Chinese outputs use full-width punctuation in Chinese
running text; English outputs hold no CJK character beyond the inputs' own text and no internal key."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.schema import SHEETS

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# an ASCII , : ; ( ) between two CJK characters, or between a CJK character and a digit (either order)
HALF_WIDTH = re.compile(rf"[{CJK}][,:;()](?=[{CJK}0-9])|[0-9][,:;()](?=[{CJK}])")
CJK_RUN = re.compile(rf"[{CJK}][{CJK}\u3000-\u303f\uff00-\uffef]*")


def _commands(out: Path) -> list[list[str]]:
    from generator.segment.demo_customers import generate

    demo = str(INPUTS / "demo.xlsx")
    customers = out.parent / f"{out.name}-customers.csv"  # generated (not committed), as `make demo` does
    generate(customers)
    return [
        ["build", demo, "-o", str(out / "build"), "--pptx", "--html"],
        ["track", demo, str(INPUTS / "demo-daily.csv"), "-o", str(out / "track")],
        ["retro", demo, str(INPUTS / "demo-actuals.xlsx"), "-o", str(out / "retro")],
        ["segment", str(customers), "--as-of", "2024-04-05", "-o", str(out / "seg")],
    ]


def _build_all(out: Path, lang: str) -> Path:
    for args in _commands(out):
        result = CliRunner().invoke(main, [*args, "--lang", lang])
        assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def zh_outputs(tmp_path_factory) -> Path:
    return _build_all(tmp_path_factory.mktemp("typography-zh"), "zh")


@pytest.fixture(scope="module")
def en_outputs(tmp_path_factory) -> Path:
    return _build_all(tmp_path_factory.mktemp("typography-en"), "en")


def _pptx(path: Path):
    from pptx import Presentation

    for n, slide in enumerate(Presentation(str(path)).slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield f"slide {n}", shape.text_frame.text
            if getattr(shape, "has_table", False) and shape.has_table:
                yield f"slide {n} table", "\n".join(c.text for row in shape.table.rows for c in row.cells)
            if getattr(shape, "has_chart", False) and shape.has_chart:
                plot = shape.chart.plots[0]
                names = [str(s.name) for s in plot.series] + [str(c) for c in plot.categories]
                yield f"slide {n} chart", "\n".join(names)
        if slide.has_notes_slide:
            yield f"slide {n} notes", slide.notes_slide.notes_text_frame.text


def _xlsx(path: Path):
    import openpyxl

    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        yield "sheet name", ws.title
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and not c.value.startswith("="):
                    yield f"{ws.title}!{c.coordinate}", c.value
                if c.comment:
                    yield f"{ws.title}!{c.coordinate} note", c.comment.text


def texts(folder: Path):
    """(file and place, text) for every reader-facing text of every output in ``folder``."""
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
            yield from ((f"{name} page {n}", page) for n, page in enumerate(text.split("\f"), start=1))
        elif path.suffix in (".md", ".csv"):
            yield name, path.read_text(encoding="utf-8-sig")
        elif path.suffix == ".html":
            yield name, re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        elif path.suffix == ".pptx":
            yield from ((f"{name} {where}", text) for where, text in _pptx(path))
        elif path.suffix == ".xlsx":
            yield from ((f"{name} {where}", text) for where, text in _xlsx(path))


def _strings(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if dataclasses.is_dataclass(value):
        return set().union(*(_strings(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return set().union(set(), *(_strings(k) | _strings(v) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return set().union(set(), *(_strings(v) for v in value))
    return set()


@pytest.fixture(scope="module")
def input_texts() -> set[str]:
    """The text the user typed: every string of the plan and of the actuals' data rows."""
    import openpyxl

    from generator.pipeline import load

    typed = _strings(load(INPUTS / "demo.xlsx").model)
    for ws in openpyxl.load_workbook(INPUTS / "demo-actuals.xlsx", read_only=True).worksheets:
        for row in ws.iter_rows(min_row=2, values_only=True):
            typed |= {v for v in row if isinstance(v, str)}
    return typed


def test_chinese_outputs_use_full_width_punctuation(zh_outputs):
    folder = zh_outputs
    found = [
        f"{where}: …{line.strip()[:80]}…"
        for where, text in texts(folder)
        for line in text.splitlines()
        if HALF_WIDTH.search(line)
    ]
    assert found == [], "\n".join(found)


def test_scan_finds_half_width_punctuation():
    assert HALF_WIDTH.search("预算(万元)") and HALF_WIDTH.search("收入:1,234") and HALF_WIDTH.search("春日焕新,爱车")
    assert not HALF_WIDTH.search("6,087人，1.93:1，2024-05-01（含后续）")


def _internal_keys() -> set[str]:
    keys = {c.key for sheet in SHEETS.values() for c in sheet.columns if "_" in c.key}
    return keys | {"at_risk", "follow_up", "revenue_campaign", "funnel.open", "campaign.gross"}


def test_english_outputs_hold_no_chinese_and_no_internal_key(en_outputs, input_texts):
    folder = en_outputs
    typed = sorted(input_texts, key=len, reverse=True)
    keys = _internal_keys()
    found = []
    for where, text in texts(folder):
        if where.endswith(("segments.csv", "results.json")):
            continue  # machine-readable: keys by design (SPEC §7)
        for run in CJK_RUN.findall(text):
            if not any(run.strip() in s for s in typed):
                found.append(f"{where}: {run}")
        words = set(re.findall(r"[a-z][a-z_.]*[a-z]", text))
        found += [f"{where}: {k}" for k in sorted(keys & words)]
    assert found == [], "\n".join(found)
