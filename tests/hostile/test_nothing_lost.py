"""A failed build leaves an existing folder byte-identical; racing builds leave one whole result."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import InputError
from generator.io.output import write_atomically

ROOT = Path(__file__).resolve().parents[2]


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_the_folder_byte_identical(built_demo, tmp_path, case):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built_demo[0], out)
    before = tree(out)
    case.set("revenue", 0, "unit_value", "lots")
    result = CliRunner().invoke(main, ["build", str(case.xlsx(tmp_path / "bad.xlsx")), "-o", str(out)])
    assert result.exit_code == 1
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx", "out"]


def test_racing_writers_leave_one_complete_result(tmp_path):
    """Many writers swapping folders at once: the survivor is whole, with one writer's files only."""
    out = tmp_path / "out"
    code = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from generator.io.output import write_atomically
tag = sys.argv[1]
def write(tmp):
    for i in range(20):
        (tmp / f"part{{i}}.txt").write_text(tag)
        time.sleep(0.002)
for _ in range(5):
    write_atomically(Path({str(out)!r}), write)
"""
    procs = [subprocess.Popen([sys.executable, "-c", code, f"writer{i}"]) for i in range(4)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    files = sorted(p for p in out.iterdir() if p.name != ".budgetgen.json")
    assert [f.name for f in files] == sorted(f"part{i}.txt" for i in range(20))
    assert len({f.read_text() for f in files}) == 1
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]


def test_write_error_cleans_up(tmp_path):
    out = tmp_path / "out"

    def write(tmp: Path) -> None:
        (tmp / "half.txt").write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(InputError, match=r"cannot be written \(No space left on device\)"):
        write_atomically(out, write)
    assert os.listdir(tmp_path) == []


def test_a_bug_while_writing_is_not_called_unwritable(tmp_path):
    """A missing template (an OSError without a disk errno) stays a bug, for the crash log."""
    from jinja2 import TemplateNotFound

    def write(tmp: Path) -> None:
        raise TemplateNotFound("proposal.html.j2")

    with pytest.raises(TemplateNotFound):
        write_atomically(tmp_path / "out", write)
    assert os.listdir(tmp_path) == []
