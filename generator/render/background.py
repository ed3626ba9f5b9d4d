"""Draw charts in forked workers while the caller renders what needs no chart.

matplotlib is imported in the workers only, so its import and the drawing both
overlap WeasyPrint's import and the summary's rendering in the main process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .tables import Chart


def _draw(charts: list[Chart], folder: Path) -> None:
    from .charts import draw_all

    draw_all(charts, folder)


def draw_in_background(charts: list[Chart], folder: Path, workers: int = 1) -> Callable[[], None]:
    """Start drawing; returns a function that waits for the workers (and raises their errors)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    folder.mkdir(parents=True, exist_ok=True)
    if "fork" not in mp.get_all_start_methods() or len(charts) < 2:
        _draw(charts, folder)
        return lambda: None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
    jobs = [pool.submit(_draw, charts[i::workers], folder) for i in range(workers)]

    def wait() -> None:
        try:
            for job in jobs:
                job.result()
        finally:
            pool.shutdown()

    return wait
