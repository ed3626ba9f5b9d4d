"""Write a build's files into a temporary folder, then move it into place whole.

A failed build leaves any previous output untouched and creates nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, Problem


def check_output_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError([Problem(str(out_dir), "is a file; the output must be a folder (-o DIR)")])
    parent = out_dir.parent
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise InputError([Problem(str(out_dir), f"cannot be written: {probe} is not a writable folder")])


def write_atomically(out_dir: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` to fill a fresh folder, then swap it in for ``out_dir``."""
    check_output_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    try:
        write(tmp)
        os.chmod(tmp, 0o755)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.parent))
            os.rename(out_dir, old / "x")
            os.rename(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
