"""Charts drawn before, kept by what they show: the web app's workers build the same charts again
(a version rebuilt, or another version whose figures a chart does not show), and drawing is most of
a build's time after WeasyPrint's.

A chart's key is a digest of everything that decides its pixels: its name, kind, title, figures and
size, and the drawing code itself (the source of ``charts.py``, matplotlib's version, the DPI), so
a changed drawing function never serves an old picture. The cache is a folder only budgetgen writes;
files are written under a temporary name and moved into place, so a reader never sees half a PNG.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .tables import Chart

LIMIT = 400  # PNGs kept (~60 kB each): the most recently used


class ChartCache:
    def __init__(self, folder: Path, code: str):
        self.folder = folder
        self.code = code
        folder.mkdir(parents=True, exist_ok=True)

    def key(self, chart: Chart) -> Path:
        what = repr((self.code, chart.name, chart.kind, chart.title, chart.data, chart.size))
        return self.folder / f"{hashlib.sha256(what.encode()).hexdigest()[:32]}.png"

    def fetch(self, chart: Chart, folder: Path) -> Path | None:
        """The cached chart copied to ``folder``, or None when it was never drawn (or went away)."""
        kept, path = self.key(chart), folder / f"{chart.name}.png"
        try:
            shutil.copyfile(kept, path)
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(kept)  # recently used: pruned last
        return path

    def keep(self, chart: Chart, drawn: Path) -> Path:
        """Copy a freshly drawn chart into the cache; a cache that cannot be written is only slower."""
        with contextlib.suppress(OSError):
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".drawing-", suffix=".part")
            os.close(fd)
            shutil.copyfile(drawn, tmp)
            os.replace(tmp, self.key(chart))
        return drawn

    def prune(self) -> None:
        """Keep the :data:`LIMIT` most recently used charts."""
        with contextlib.suppress(OSError):
            kept = sorted(self.folder.glob("*.png"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[LIMIT:]:
                old.unlink(missing_ok=True)
