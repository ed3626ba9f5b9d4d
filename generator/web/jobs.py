"""Document builds in a pool of worker processes, so a build never slows a what-if.

A worker is started with the ``spawn`` method (nothing of the server's threads or sockets is
inherited) and imports the renderers once (:func:`warm`), so each build pays only for its own
work. A job's state lives in the store's ``builds`` table: queued → running → done | failed; the
worker writes running itself, the server the outcome.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .store import Store


def warm(rehearse: bool = False) -> None:
    """Import what a build needs, once per worker; with ``rehearse``, also build the demo once, so the
    caches a build fills (fonts, styles, the demo's charts) are full before the first real build."""
    import weasyprint  # noqa: F401

    from ..render import (
        charts,  # noqa: F401
        proposal,  # noqa: F401
    )

    if rehearse:
        rehearsal()


def rehearsal() -> None:
    from .. import demo_case
    from ..io.input_writer import write_input_workbook
    from ..pipeline import BuildOptions
    from ..pipeline import build as do_build

    with tempfile.TemporaryDirectory(prefix="budgetgen-warm-") as tmp:
        path = Path(tmp) / "demo.xlsx"
        write_input_workbook(path, demo_case.CAMPAIGN, demo_case.SHEETS, lang="zh")
        do_build(path, Path(tmp) / "out", BuildOptions(background_charts=False))
    release_memory()


def release_memory() -> None:
    """Hand what a build freed back to the system: without it glibc keeps the arenas a build grew
    (measured: a worker grows from 100 MB to 270 MB over ten builds; with it, to 150 MB)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def run_build(data_dir: str, build: int, workbook: str, out_dir: str, lang: str, pptx: bool) -> dict:
    """In a worker: build the documents of one version; returns the files, or the problems."""
    from ..errors import InputError
    from ..pipeline import BuildOptions
    from ..pipeline import build as do_build

    store = Store(Path(data_dir))
    try:
        store.set_build(build, "running")
    finally:
        store.close()
    charts = Path(data_dir) / "cache" / "charts"
    options = BuildOptions(lang=lang, pptx=pptx, background_charts=False, chart_cache=charts)
    try:
        report = do_build(Path(workbook), Path(out_dir), options)
    except InputError as exc:
        return {"files": [], "problems": [p.as_dict(lang) for p in exc.problems]}
    finally:
        release_memory()
    return {"files": report.files, "problems": []}


class Jobs:
    def __init__(self, store: Store, workers: int = 1, rehearse: bool = False):
        self.store = store
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=warm, initargs=(rehearse,))
        self.workers = workers

    def start(self) -> None:
        """Start the workers now, so the first build is as quick as the next."""
        for _ in range(self.workers):
            self.pool.submit(int)

    def submit(self, campaign: int, version: int, workbook: Path, lang: str, pptx: bool) -> int:
        build, out_dir = self.store.start_build(campaign, version, lang, pptx)
        future = self.pool.submit(run_build, str(self.store.folder), build, str(workbook), str(out_dir), lang, pptx)
        future.add_done_callback(lambda f: self._finished(build, f))
        return build

    def _finished(self, build: int, future: Future) -> None:
        try:
            outcome = future.result()
        except Exception as exc:  # a bug in a build: the job says failed, the server goes on
            problem = {"location": "build", "message": f"{type(exc).__name__}: {exc}", "level": "error"}
            self.store.set_build(build, "failed", [], [problem])
            return
        state = "failed" if outcome["problems"] else "done"
        self.store.set_build(build, state, outcome["files"], outcome["problems"])

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
