"""Output folders: budgetgen replaces only what it wrote, keeps modes, and cleans its own stale temp folders."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.batch import unique_slugs
from generator.cli import main
from generator.errors import InputError
from generator.io.output import MANIFEST, clean_stale, write_atomically
from generator.pipeline import slug
from tests.conftest import DEMO


def write_two(tmp: Path) -> None:
    (tmp / "a.txt").write_text("a")
    (tmp / "b.txt").write_text("b")


def test_a_folder_written_by_budgetgen_carries_a_manifest(tmp_path):
    out = tmp_path / "out"
    write_atomically(out, write_two, command="build", fingerprint="abc")
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest == {"tool": "budgetgen", "command": "build", "fingerprint": "abc", "files": ["a.txt", "b.txt"]}
    write_atomically(out, write_two)  # ours: replaced
    assert sorted(os.listdir(out)) == [MANIFEST, "a.txt", "b.txt"]


def test_an_unmarked_folder_with_files_is_refused_and_untouched(tmp_path):
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "signed.pdf").write_text("signed")
    result = CliRunner().invoke(main, ["build", str(DEMO), "-o", str(docs)])
    assert result.exit_code == 1
    assert result.output == (
        f"{docs}: exists and holds 1 file(s) budgetgen did not write (e.g. signed.pdf); nothing was touched: "
        "choose a new output folder (-o) or empty this one\n1 error; nothing was written.\n"
    )
    assert sorted(os.listdir(docs)) == ["signed.pdf"]
    assert sorted(os.listdir(tmp_path)) == ["Documents"]


def test_a_marked_folder_with_a_file_of_the_users_is_refused(tmp_path):
    out = tmp_path / "out"
    write_atomically(out, write_two)
    (out / "my-notes.txt").write_text("mine")
    with pytest.raises(InputError, match=r"did not write \(e.g. my-notes.txt\)"):
        write_atomically(out, write_two)
    assert (out / "my-notes.txt").read_text() == "mine"


def test_an_empty_folder_is_used(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    write_atomically(out, write_two)
    assert (out / "a.txt").exists()


@pytest.mark.parametrize("command", ["build", "track", "retro"])
def test_an_input_inside_the_output_folder_is_refused(tmp_path, command):
    work = tmp_path / "work"
    work.mkdir()
    plan = work / "demo.xlsx"
    shutil.copy(DEMO, plan)
    args = {
        "build": ["build", str(plan)],
        "track": ["track", str(plan), str(DEMO.with_name("demo-daily.csv"))],
        "retro": ["retro", str(plan), str(DEMO.with_name("demo-actuals.xlsx"))],
    }[command]
    result = CliRunner().invoke(main, [*args, "-o", str(work)])
    assert result.exit_code == 1
    assert f"{work}: holds the input {plan}, which a rebuild would replace" in result.output
    assert sorted(os.listdir(work)) == ["demo.xlsx"]


def test_a_symlinked_output_folder_is_refused(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(InputError, match="is a symbolic link"):
        write_atomically(tmp_path / "link", write_two)


def test_a_rebuilt_folder_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    out = tmp_path / "out"
    old = os.umask(0o027)
    try:
        write_atomically(out, write_two)
        assert stat.S_IMODE(out.stat().st_mode) == 0o750
        out.chmod(0o700)
        write_atomically(out, write_two)
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
    finally:
        os.umask(old)


def test_stale_temp_folders_of_dead_runs_are_cleaned(tmp_path):
    dead = tmp_path / ".out.bg-999999999-abc123.tmp"
    dead.mkdir()
    (dead / "half.pdf").write_text("half")
    alive = tmp_path / f".out.bg-{os.getpid()}-xyz.tmp"
    alive.mkdir()
    foreign = tmp_path / ".out.something.tmp"
    foreign.mkdir()
    write_atomically(tmp_path / "out", write_two)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, foreign.name, "out"])
    assert clean_stale(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("..xlsx", "campaign"), (".xlsx", "campaign"), ("con.xlsx", "campaign-con"), ("a.b.xlsx", "a.b"), ("x", "x")],
)
def test_slugs_are_never_empty_hidden_or_reserved(name, expected):
    assert slug(Path("in") / name) == expected


def test_batch_slugs_never_collide():
    names = unique_slugs([Path("a.xlsx"), Path("a-2.xlsx"), Path("sub/a.xlsx"), Path("portfolio.json.xlsx")])
    assert names == ["a", "a-2", "a-3", "portfolio.json-2"]
    assert len({n.lower() for n in names}) == 4


def test_a_portfolio_file_of_the_users_is_not_overwritten(tmp_path):
    (tmp_path / "portfolio.xlsx").write_text("the user's own")
    result = CliRunner().invoke(main, ["build", str(DEMO), str(DEMO), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "portfolio.xlsx: exists and was not written by budgetgen" in result.output
    assert sorted(os.listdir(tmp_path)) == ["portfolio.xlsx"]


STATES = st.sampled_from(["absent", "empty", "marked", "marked+foreign", "unmarked", "holds-input", "symlink"])


@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(state=STATES, fail=st.booleans())
def test_no_file_budgetgen_did_not_write_is_ever_removed(tmp_path_factory, state, fail):
    root = tmp_path_factory.mktemp("state")
    out = root / "out"
    the_input = root / "in.xlsx"
    the_input.write_text("input")
    if state != "absent" and state != "symlink":
        out.mkdir()
    if state.startswith("marked"):
        write_atomically(out, write_two)
    if state in ("marked+foreign", "unmarked"):
        (out / "theirs.txt").write_text("theirs")
    if state == "holds-input":
        the_input = out / "in.xlsx"
        the_input.write_text("input")
    if state == "symlink":
        (root / "elsewhere").mkdir()
        (root / "elsewhere" / "theirs.txt").write_text("theirs")
        out.symlink_to(root / "elsewhere")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}
    ours = set(out.glob("*.txt")) - {out / "theirs.txt"} if state.startswith("marked") else set()

    def write(tmp: Path) -> None:
        write_two(tmp)
        if fail:
            raise RuntimeError("a failing write")

    with contextlib.suppress(InputError, RuntimeError):
        write_atomically(out, write, inputs=(the_input,))
    after = {p for p in root.rglob("*") if p.is_file()}
    for path in before:
        if path not in ours:
            assert path in after and path.read_bytes() == before[path], (state, path)
