"""segments.json, segments.csv, segments.pdf, and writing the result into an input workbook."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..fmt import num, pct
from ..i18n.docs import segment_name
from ..jsonout import dumps
from ..render.tables import Chart, Table, Tile
from ..rounding import half_up
from ..text import csv_cell
from .schemes import STATUSES, Segmentation

CAMPAIGN_KEYS = {
    "total_customers": None,
    "active_customers": "active",
    "at_risk_customers": "at_risk",
    "dormant_customers": "dormant",
    "lost_customers": "lost",
}


def segments_dict(s: Segmentation) -> dict:
    return {
        "as_of": s.as_of.isoformat(),
        "scheme": s.scheme,
        "customers": s.customers,
        "base_customers": s.base_customers,
        "thresholds_months": list(s.thresholds),
        "status": s.status,
        "segments": list(s.segments),
        "campaign": campaign_counts(s),
    }


def campaign_counts(s: Segmentation) -> dict[str, int]:
    return {key: s.base_customers if status is None else s.status[status] for key, status in CAMPAIGN_KEYS.items()}


def segments_csv(s: Segmentation) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["segment", "customers", "ltv_mean", "ltv_total", "share"])
    for row in s.segments:
        writer.writerow(
            [
                csv_cell(row["segment"]),
                row["customers"],
                "" if row["ltv_mean"] is None else f"{row['ltv_mean']:.2f}",
                "" if row["ltv_total"] is None else f"{row['ltv_total']:.2f}",
                f"{row['share']:.6f}",
            ]
        )
    return out.getvalue()


@dataclass(frozen=True)
class SegmentsView:
    """segments.html.

    title: the export's name and the scheme.
    tiles: customers in the pool and each status.
    table: each segment's customers, share and LTV.
    chart: customers by segment.
    """

    title: str
    tiles: list[Tile]
    table: Table
    chart: Chart


def segments_view(s: Segmentation, source: str, t: dict) -> SegmentsView:
    share = lambda n: pct(n / s.base_customers if s.base_customers else None)  # noqa: E731
    tiles = [
        Tile(
            t["seg_pool"],
            num(s.customers),
            t["seg_as_of"].format(as_of=s.as_of.isoformat(), base=num(s.base_customers)),
        )
    ]
    tiles += [Tile(t[f"seg_status_{k}"], num(s.status[k]), share(s.status[k])) for k in STATUSES]
    rows = [
        [
            segment_name(r["segment"], s.scheme, t),
            num(r["customers"]),
            pct(r["share"]),
            num(half_up(r["ltv_mean"])) if r["ltv_mean"] is not None else "—",
            num(half_up(r["ltv_total"])) if r["ltv_total"] is not None else "—",
        ]
        for r in s.segments
    ]
    head = [t[k] for k in ("seg_segment", "seg_customers", "seg_share", "seg_ltv_mean", "seg_ltv_total")]
    table = Table(head, rows, ["l", "r", "r", "r", "r"])
    chart = Chart(
        "segments",
        "bars",
        t["seg_chart"],
        {
            "labels": [segment_name(r["segment"], s.scheme, t) for r in s.segments],
            "values": [r["customers"] for r in s.segments],
            "fmt": "count",
        },
        (6.4, 2.6),
    )
    return SegmentsView(f"{Path(source).name} · {t[f'seg_scheme_{s.scheme}']}", tiles, table, chart)


def write_segments(s: Segmentation, source: str, folder: Path, fingerprint: str, lang: str = "zh") -> list[str]:
    from ..i18n.docs import messages
    from ..render.charts import draw_all
    from ..render.env import render
    from ..render.pdf import write_pdf

    (folder / "segments.json").write_text(dumps(segments_dict(s)) + "\n", encoding="utf-8")
    (folder / "segments.csv").write_text(segments_csv(s), encoding="utf-8")
    t = messages(lang)
    view = segments_view(s, source, t)
    draw_all([view.chart], folder / "charts")
    doc = {"lang": lang, "t": t, "name": view.title, "fingerprint": fingerprint, "subtitle": ""}
    write_pdf(render("segments.html.j2", doc=doc, v=view), folder, folder / "segments.pdf")
    return ["segments.json", "segments.csv", "segments.pdf", "charts/"]


# parts of a workbook that an openpyxl load-and-save would drop, and what a user calls them
_DROPPED = {
    "xl/pivotTables/": "pivot tables",
    "xl/slicers/": "slicers",
    "xl/timelines/": "timelines",
    "xl/ctrlProps/": "form controls",
    "xl/vbaProject": "macros",
    "xl/chartsheets/": "chart sheets",
}
_DROPPED_XML = {
    b"<xdr:sp>": "text boxes or shapes",
    b"<xdr:sp ": "text boxes or shapes",
    b"sparklineGroup": "sparklines",
}


def _would_lose(workbook: Path) -> list[str]:
    """What a load-and-save of ``workbook`` would lose (text boxes, sparklines, pivots …)."""
    import zipfile

    lost: set[str] = set()
    with zipfile.ZipFile(workbook) as zf:
        for info in zf.infolist():
            name = info.filename
            lost.update(what for prefix, what in _DROPPED.items() if name.startswith(prefix))
            if name.startswith(("xl/drawings/drawing", "xl/worksheets/sheet")) and name.endswith(".xml"):
                with zf.open(info) as fh:
                    data = fh.read(50 * 1024 * 1024)
                lost.update(what for needle, what in _DROPPED_XML.items() if needle in data)
    return sorted(lost)


def prepare_into(s: Segmentation, workbook: Path, validate) -> Path:
    """Write the segments into a copy of ``workbook`` beside it and validate the copy; returns the copy.

    ``validate(path)`` raises InputError for a copy that does not validate. The
    original is not touched; on any failure the copy is removed.
    """
    import os
    import tempfile

    from ..errors import Collector, InputError, Problem, msg
    from ..io.xlsx_reader import check_workbook_file

    problems = Collector()
    if not check_workbook_file(workbook, str(workbook), problems):
        raise InputError(problems.problems)
    lost = _would_lose(workbook)
    if lost:
        raise InputError(
            [
                Problem(
                    str(workbook),
                    msg(
                        "holds {what}, which rewriting it would lose; nothing was changed: "
                        "copy the segments from segments.csv by hand, or use a copy without them (--into)",
                        what=", ".join(lost),
                    ),
                )
            ]
        )
    fd, name = tempfile.mkstemp(prefix=f".{workbook.name}.bg-{os.getpid()}-", suffix=".tmp.xlsx", dir=workbook.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        shutil.copyfile(workbook, tmp)
        _write_into(s, tmp)
        validate(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def commit_into(tmp: Path, workbook: Path) -> Path:
    """Keep a backup of ``workbook`` under a new name (never overwriting one), then move ``tmp`` into place."""
    import os

    n = 1
    while True:
        backup = workbook.with_name(f"{workbook.stem}.backup{'' if n == 1 else n}{workbook.suffix}")
        try:
            with backup.open("xb") as out, workbook.open("rb") as src:
                shutil.copyfileobj(src, out)
            break
        except FileExistsError:
            n += 1
    shutil.copystat(workbook, backup)
    os.chmod(tmp, os.stat(workbook).st_mode & 0o7777)
    os.replace(tmp, workbook)
    return backup


def _write_into(s: Segmentation, workbook: Path) -> None:
    """Put the segments and the base status into an input workbook (in place)."""
    from openpyxl import load_workbook

    from ..io.input_writer import put
    from ..schema import SHEETS, match_key, sheet_for

    wb = load_workbook(workbook)
    sheet = next((ws for ws in wb.worksheets if (found := sheet_for(ws.title)) and found.key == "segments"), None)
    if sheet is None:
        sheet = wb.create_sheet("segments")
    sheet.delete_rows(1, sheet.max_row)
    spec = SHEETS["segments"]
    for c, key in enumerate(("segment", "customers", "ltv"), start=1):
        put(sheet, 1, c, f"{spec.column(key).label} ({key})")
    for r, row in enumerate((x for x in s.segments if x["customers"]), start=2):
        put(sheet, r, 1, row["segment"])
        put(sheet, r, 2, row["customers"])
        if row["ltv_mean"] is not None:
            put(sheet, r, 3, float(half_up(row["ltv_mean"], 2)))
    campaign = next((ws for ws in wb.worksheets if (found := sheet_for(ws.title)) and found.key == "campaign"), None)
    if campaign is not None:
        from ..schema_campaign import CAMPAIGN_KEYS as KEYS

        labels = {k.key: k.label for k in KEYS.values()}
        rows = {
            match_key(str(row[0].value), labels): row[0].row
            for row in campaign.iter_rows(min_row=2)
            if row[0].value is not None
        }
        for key, value in campaign_counts(s).items():
            row = rows.get(key) or campaign.max_row + 1
            put(campaign, row, 1, key)
            put(campaign, row, 2, value)
    wb.save(workbook)
