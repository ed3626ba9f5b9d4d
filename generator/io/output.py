"""Write a build's files into a temporary folder, then move it into place whole.

A failed build leaves any previous output untouched and creates nothing; two
builds racing for the same folder each swap in a complete result, so the
folder ends as one of them, never a mix.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, Problem


def _refuse(out_dir: Path, why: str) -> InputError:
    return InputError([Problem(str(out_dir), why)])


def check_output_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise _refuse(out_dir, "is a file; the output must be a folder (-o DIR)")
    probe = out_dir.parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise _refuse(out_dir, f"cannot be written: {probe} is not a writable folder")


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Rename ``tmp`` to ``out_dir``, moving a previous folder aside first."""
    for _ in range(50):
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.parent))
            try:
                os.rename(out_dir, old / "previous")
            except FileNotFoundError:
                pass  # another build moved it first
            finally:
                shutil.rmtree(old, ignore_errors=True)
        try:
            os.rename(tmp, out_dir)
            return
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
    raise OSError(errno.EBUSY, f"{out_dir} kept changing while this build tried to replace it")


def write_atomically(out_dir: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` to fill a fresh folder, then swap it in for ``out_dir``."""
    check_output_dir(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    except OSError as exc:
        raise _refuse(out_dir, f"cannot be written ({exc.strerror or exc})") from exc
    try:
        write(tmp)
        os.chmod(tmp, 0o755)
        _swap_in(tmp, out_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _refuse(out_dir, f"cannot be written ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
