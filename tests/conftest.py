"""Shared fixtures: the demo case as editable rows, writers for xlsx and CSV inputs,
and the --update-golden flag for golden-file tests."""

from __future__ import annotations

import copy
import csv
import os
from pathlib import Path

import pytest

# Commands speak the locale's language (Chinese by default). The tests that check a message's exact
# English words run under an English locale; those that check Chinese pass --lang zh.
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ["LANG"] = "en_US.UTF-8"

from generator import demo_case
from generator.io.input_writer import write_input_workbook

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "inputs" / "demo.xlsx"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


class Case:
    """The demo case's rows, to edit before writing an input file."""

    def __init__(self) -> None:
        self.campaign = [list(r) for r in demo_case.CAMPAIGN]
        self.sheets = {
            k: (keys, [list(r) for r in rows]) for k, (keys, rows) in copy.deepcopy(demo_case.SHEETS).items()
        }

    def set_campaign(self, key: str, value) -> None:
        for row in self.campaign:
            if row[0] == key:
                row[1] = value
                return
        self.campaign.append([key, value])

    def drop_campaign(self, key: str) -> None:
        self.campaign = [r for r in self.campaign if r[0] != key]

    def set(self, sheet: str, row: int, column: str, value) -> None:
        keys, rows = self.sheets[sheet]
        rows[row][keys.index(column)] = value

    def rows(self, sheet: str) -> list[list]:
        return self.sheets[sheet][1]

    def xlsx(self, path: Path) -> Path:
        write_input_workbook(
            path,
            [tuple(r) for r in self.campaign],
            {k: (keys, [tuple(r) for r in rows]) for k, (keys, rows) in self.sheets.items()},
        )
        return path

    def csv_folder(self, folder: Path, encoding: str = "utf-8", chinese_headers: bool = False) -> Path:
        from generator.schema import SHEETS

        folder.mkdir(parents=True, exist_ok=True)

        def text(value) -> str:
            return "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))

        def header(sheet: str, key: str) -> str:
            return SHEETS[sheet].column(key).label if chinese_headers else key

        tables = {"campaign": (("key", "value"), self.campaign), **self.sheets}
        for name, (keys, rows) in tables.items():
            with (folder / f"{name}.csv").open("w", encoding=encoding, newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([header(name, k) for k in keys])
                for row in rows:
                    writer.writerow([text(v) for v in row])
        return folder


@pytest.fixture
def case() -> Case:
    return Case()


@pytest.fixture(scope="session")
def demo_results():
    from generator.pipeline import load
    from generator.results import compute

    return compute(load(DEMO).model)


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory):
    """The demo built once through the CLI, with --html: (folder, click result)."""
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path_factory.mktemp("built") / "demo"
    result = CliRunner().invoke(main, ["build", str(DEMO), "-o", str(out), "--html", "--lang", "zh"])
    return out, result
