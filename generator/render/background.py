"""Draw charts in a forked worker that starts before the inputs are even read.

The worker imports matplotlib while the main process reads and computes,
then draws the charts while the main process imports WeasyPrint and renders
the summary; the proposal waits only for what is left.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import traceback
import warnings
from pathlib import Path

from .tables import Chart


def _draw(charts: list[Chart], folder: Path) -> None:
    from .charts import draw_all

    draw_all(charts, folder)


def _serve(conn) -> None:
    with contextlib.suppress(Exception):  # a failed import shows again, as the drawing's error
        from . import charts  # noqa: F401  (the slow import, done while the parent computes)
    job = conn.recv()
    if job is None:
        return
    with warnings.catch_warnings(record=True) as caught:
        try:
            _draw(*job)
            error = None
        except Exception:
            error = traceback.format_exc()
    conn.send((error, [str(w.message) for w in caught]))  # warnings go to the parent, never raw to the terminal


class ChartWorker:
    """Forked processes that each draw a share of the charts; falls back to drawing in-process.

    One worker by default: on two cores a second one contends with the main
    process (measured: 2.7 s for the demo's build with two, 2.5 s with one).
    """

    def __init__(self, workers: int = 1) -> None:
        self.procs: list = []
        self.conns: list = []
        self.sent = False
        if "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            for _ in range(workers):
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(child,), daemon=True)
                proc.start()
                child.close()
                self.procs.append(proc)
                self.conns.append(parent)

    def draw(self, charts: list[Chart], folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if not self.conns:
            _draw(charts, folder)
            return
        n = len(self.conns)
        for i, conn in enumerate(self.conns):
            conn.send((charts[i::n], folder))
        self.sent = True

    def wait(self) -> None:
        if not self.sent:
            return
        answers = [conn.recv() for conn in self.conns]
        self.close()
        errors = [error for error, _ in answers]
        for _, messages in answers:
            for message in messages:
                warnings.warn(message, UserWarning, stacklevel=2)
        if any(errors):
            raise RuntimeError("drawing the charts failed:\n" + "\n".join(e for e in errors if e))

    def close(self) -> None:
        for conn in self.conns:
            if not self.sent:
                with contextlib.suppress(OSError):
                    conn.send(None)
            conn.close()
        self.conns = []
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        self.procs = []
