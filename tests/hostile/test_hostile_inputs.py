"""Hostile and broken inputs: a clear message, exit 1, bounded time and memory, nothing written.

Each case runs the real CLI in a child process with a 10 s timeout and a memory
cap (a hang or a blow-up fails the test), then checks the message and that the
output folder was not created.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DEMO

RUNNER = Path(__file__).with_name("run_limited.py")
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], cwd=cwd, capture_output=True, text=True, timeout=10, env=env
    )


def zip_bomb(path: Path) -> None:
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(300):
                fh.write(chunk)


def billion_laughs(path: Path) -> None:
    """A real workbook whose first sheet declares entities that expand a billion times."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE worksheet [{entities}]>".encode()
    with zipfile.ZipFile(DEMO) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<worksheet", doctype + b"<worksheet", 1).replace(b"<t>", b"<t>&lol9;", 1)
                assert b"&lol9;" in data
            zout.writestr(info, data)


def many_rows_csv(folder: Path) -> None:
    folder.mkdir()
    (folder / "campaign.csv").write_text("key,value\n" + "name,x\n" * 150_001)


def nul_csv(folder: Path) -> None:
    folder.mkdir()
    (folder / "campaign.csv").write_bytes(b"key,value\nname,\x00x\n")


def mixed_encoding_csv(folder: Path) -> None:
    folder.mkdir()
    (folder / "campaign.csv").write_bytes(
        "key,value\nname,春季\n".encode() + "owner,李明\n".encode("gbk") + b"\xff\xfe\n"
    )


def symlink_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "campaign.csv").symlink_to("/etc/passwd")


def encrypted(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)


CASES = {
    "zip bomb": ("x.xlsx", zip_bomb, "unpacks to 315 MB of XML (limit 200 MB); refused as a possible zip bomb"),
    "billion laughs": (
        "x.xlsx",
        billion_laughs,
        "xl/worksheets/sheet1.xml declares XML entities; refused (a workbook never needs them)",
    ),
    "150,000-row csv": ("c", many_rows_csv, "has more than 100,000 rows; inputs are limited to that"),
    "NUL bytes": ("c", nul_csv, "contains NUL bytes; it is not a text CSV (save it as CSV UTF-8)"),
    "mixed encodings": ("c", mixed_encoding_csv, "is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8"),
    "symlink out of the folder": ("c", symlink_folder, "is a link to a file outside the input folder; refused"),
    "password-protected": (
        "x.xlsx",
        encrypted,
        "is password-protected or an old .xls file; save it as .xlsx without a password",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_refused_cleanly(case, tmp_path):
    name, make, message = CASES[case]
    target = tmp_path / name
    make(target)
    result = cli("build", str(target), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.rstrip().endswith("nothing was written.")
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("keep")
    result = cli("build", str(DEMO), "-o", str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{target}: is a file; the output must be a folder (-o DIR)" in result.stderr
    assert target.read_text() == "keep"


def test_output_folder_that_cannot_be_written(tmp_path):
    target = Path("/proc/budgetgen-out")  # root ignores read-only modes; /proc refuses everyone
    result = cli("build", str(DEMO), "-o", str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{target}: cannot be written")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda c: c.set("budget", 1, "unit_cost", 1e15),
            'budget!F3: unit_cost is "1000000000000000", beyond the limit of 1,000,000,000,000; check the unit (yuan, people)',
        ),
        (
            lambda c: c.sheets["funnel"][1][1].__setitem__(1, 1e-9),
            'funnel!B3: rate is "1e-09", below 0.01%; rates are fractions like 0.15 or percentages like 15%',
        ),
        (
            lambda c: c.sheets["funnel"][1][2].__setitem__(1, 0),
            'budget!C3: driver "booked" has no volume: the upstream rate booking is 0',
        ),
    ],
    ids=["huge number", "tiny rate", "zero rate upstream"],
)
def test_implausible_numbers(case, tmp_path, edit, message):
    edit(case)
    path = case.xlsx(tmp_path / "x.xlsx")
    result = cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{path}: {message}" in result.stderr


def test_every_command_refuses_a_bad_input_cleanly(tmp_path):
    bad = tmp_path / "bad.xlsx"
    encrypted(bad)
    daily = ROOT / "inputs" / "demo-daily.csv"
    actuals = ROOT / "inputs" / "demo-actuals.xlsx"
    for args in (
        ["validate", str(bad)],
        ["track", str(bad), str(daily), "-o", "t"],
        ["retro", str(bad), str(actuals), "-o", "r"],
        ["track", str(DEMO), str(bad), "-o", "t"],
        ["retro", str(DEMO), str(bad), "-o", "r"],
    ):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert "password-protected" in result.stderr, args
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]


def test_internal_error_is_one_line_and_a_log(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import generator.pipeline as pipeline
    from generator.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("simulated")

    monkeypatch.setattr(pipeline, "load", boom)
    result = CliRunner().invoke(main, ["validate", str(DEMO)])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(
        "internal error: RuntimeError: simulated — this is a bug in budgetgen, not in your input; please report it with "
    )
    log = Path(line.rsplit(" ", 1)[1])
    assert "RuntimeError: simulated" in log.read_text() and "Traceback" in log.read_text()
