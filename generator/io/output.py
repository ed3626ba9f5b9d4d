"""Write a command's files into a temporary folder, then move it into place whole.

Nothing budgetgen did not write is ever removed or overwritten:

- every folder it writes carries a manifest (``.budgetgen.json``: the command,
  the inputs' fingerprint and the files it wrote);
- an existing folder is replaced only when it carries that manifest and holds
  nothing but the files the manifest names; any other non-empty folder, a
  symbolic link, or a folder holding one of the command's own inputs is
  refused and left as it was;
- a rebuilt folder keeps the old folder's mode, a new one follows the umask;
- temporary folders of runs that were killed are removed by the next run into
  the same parent (only ours: named with the dead process's id).

A failed build leaves any previous output untouched and creates nothing; two
builds racing for the same folder each swap in a complete result.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError, Msg, Problem

MANIFEST = ".budgetgen.json"
_DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EIO, errno.EFBIG}
_TEMP = re.compile(r"^\..+\.bg-(\d+)-[a-z0-9_]+\.(tmp|old)(\.xlsx)?$")


def _refuse(out_dir: Path, template: str, **args: object) -> InputError:
    return InputError([Problem(str(out_dir), Msg(template, args))])


def _entries(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except NotADirectoryError:
        return []


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def check_output_dir(out_dir: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output folder that budgetgen may not replace; say what to do instead."""
    try:
        st = os.lstat(out_dir)
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise _refuse(out_dir, "is a symbolic link; give the real folder with -o")
        if not stat.S_ISDIR(st.st_mode):
            raise _refuse(out_dir, "is a file; the output must be a folder (-o DIR)")
        for path in inputs:
            if _inside(path, out_dir):
                raise _refuse(
                    out_dir,
                    "holds the input {path}, which a rebuild would replace; choose another output folder (-o)",
                    path=path,
                )
        _check_owned(out_dir)
    probe = out_dir.parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise _refuse(out_dir, "cannot be written: {probe} is not a writable folder", probe=probe)


def _snapshot(out_dir: Path) -> tuple[list[str], dict | None]:
    """The folder's entries and manifest, read through one handle so a racing swap cannot mix two folders."""
    try:
        fd = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except (FileNotFoundError, NotADirectoryError):
        return [], None
    try:
        names = sorted(os.listdir(fd))
        try:
            mfd = os.open(MANIFEST, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except OSError:
            return names, None
        with os.fdopen(mfd, "rb") as fh:
            raw = fh.read(1 << 20)
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return names, None
    ours = isinstance(data, dict) and data.get("tool") == "budgetgen" and isinstance(data.get("files"), list)
    return names, data if ours else None


def _check_owned(out_dir: Path) -> None:
    names, manifest = _snapshot(out_dir)
    present = [name for name in names if name != MANIFEST]
    if not present:
        return
    if manifest is None:
        raise _refuse(
            out_dir,
            "exists and holds {n} file(s) budgetgen did not write (e.g. {example}); "
            "nothing was touched: choose a new output folder (-o) or empty this one",
            n=len(present),
            example=present[0],
        )
    foreign = [name for name in present if name not in manifest["files"]]
    if foreign:
        raise _refuse(
            out_dir,
            "holds {n} file(s) that the last budgetgen run did not write (e.g. {example}); "
            "nothing was touched: move them out, or choose a new output folder (-o)",
            n=len(foreign),
            example=foreign[0],
        )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_dir(out_dir: Path, kind: str) -> Path:
    prefix = f".{out_dir.name}.bg-{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, suffix=f".{kind}", dir=out_dir.parent))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(parent: Path) -> list[str]:
    """Remove temporary folders that budgetgen runs which no longer exist left in ``parent``."""
    removed = []
    for name in _entries(parent):
        match = _TEMP.match(name)
        path = parent / name
        if not match or _alive(int(match.group(1))) or path.is_symlink():
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(name)
    return removed


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Rename ``tmp`` to ``out_dir``, moving a previous folder (checked as ours) aside first."""
    for _ in range(50):
        if out_dir.exists():
            old = _temp_dir(out_dir, "old")
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
    raise OSError(errno.EBUSY, f"{out_dir} kept changing while this run tried to replace it")


def _write_manifest(tmp: Path, command: str, fingerprint: str | None) -> None:
    files = sorted(name for name in os.listdir(tmp) if name != MANIFEST)
    data = {"tool": "budgetgen", "command": command, "fingerprint": fingerprint, "files": files}
    (tmp / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_atomically(
    out_dir: Path,
    write: Callable[[Path], None],
    *,
    command: str = "build",
    fingerprint: str | None = None,
    inputs: Iterable[Path] = (),
) -> None:
    """Call ``write(tmp)`` to fill a fresh folder, then swap it in for ``out_dir``."""
    inputs = list(inputs)
    check_output_dir(out_dir, inputs)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(out_dir.parent)
        tmp = _temp_dir(out_dir, "tmp")
    except OSError as exc:
        raise _refuse(out_dir, "cannot be written ({why})", why=exc.strerror or str(exc)) from exc
    try:
        try:
            write(tmp)
            _write_manifest(tmp, command, fingerprint)
        except OSError as exc:
            if exc.errno not in _DISK_ERRORS:
                raise  # a bug (a missing template, say) stays a bug: the crash log tells it
            raise _refuse(out_dir, "cannot be written ({why})", why=exc.strerror or str(exc)) from exc
        try:
            mode = stat.S_IMODE(os.stat(out_dir).st_mode)
        except FileNotFoundError:
            mode = 0o777 & ~_umask()
        os.chmod(tmp, mode)
        check_output_dir(out_dir, inputs)  # again: the folder may have changed while this run wrote
        try:
            _swap_in(tmp, out_dir)
        except OSError as exc:
            raise _refuse(out_dir, "cannot be written ({why})", why=exc.strerror or str(exc)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_file_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write one file through a temporary name beside it, then rename it into place."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.bg-{os.getpid()}-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
