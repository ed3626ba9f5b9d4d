"""Open an input path: an .xlsx workbook or a folder of CSV files."""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector
from .csv_reader import read_csv_folder
from .grid import Source
from .xlsx_reader import read_xlsx


def read_source(path: Path, problems: Collector) -> Source | None:
    shown = str(path)
    if not path.exists():
        problems.error(shown, "no such file or folder")
        return None
    if path.is_dir():
        return read_csv_folder(path, shown, problems)
    if path.suffix.lower() == ".csv":
        problems.error(
            shown,
            "is a single CSV file; give the folder that holds campaign.csv, funnel.csv, budget.csv …",
        )
        return None
    return read_xlsx(path, shown, problems)
