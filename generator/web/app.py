"""The Starlette application: the JSON interface, the pages, the vendored static files, the guard."""

from __future__ import annotations

import contextlib
from importlib.resources import files
from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import api, api_files
from .context import App
from .engine import Engine
from .jobs import Jobs
from .security import Guard
from .store import Store

STATIC = Path(str(files("generator.web") / "static"))


def api_routes() -> list[Route]:
    c = "/api/campaigns/{id}"
    v = c + "/versions/{v:int}"
    return [
        Route("/api/health", api.health),
        Route("/api/campaigns", api.create_campaign, methods=["POST"]),
        Route("/api/campaigns", api.list_campaigns),
        Route(c, api.get_campaign),
        Route(c + "/whatif", api.whatif, methods=["POST"]),
        Route(c + "/versions", api.save_version, methods=["POST"]),
        Route(v + "/workbook", api.workbook),
        Route(c + "/documents", api_files.documents, methods=["POST"]),
        Route("/api/jobs/{job}", api_files.job),
        Route(v + "/files/{name}", api_files.file),
        Route(c + "/tracking", api_files.tracking, methods=["POST"]),
        Route(c + "/retro", api_files.retro, methods=["POST"]),
        Route(c + "/compare", api.compare),
    ]


def create_app(
    data_dir: Path,
    token: str | None = None,
    jobs: int = 1,
    hosts: set[str] | None = None,
    draws: int = 10_000,
    lang: str = "zh",
    rehearse: bool = False,
):
    """The app over the store in ``data_dir``; ``hosts`` the names accepted in ``Host``; ``rehearse``:
    the workers build the demo once at start (``serve`` does; tests need not pay for it)."""
    from .pages import page_routes
    from .security import allowed_hosts

    store = Store(data_dir)
    state = App(store, Engine(store, draws), Jobs(store, jobs, rehearse), lang)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        state.jobs.start()
        try:
            yield
        finally:
            state.jobs.close()
            store.close()

    app = Starlette(
        routes=[*api_routes(), *page_routes(), Mount("/static", StaticFiles(directory=STATIC), name="static")],
        lifespan=lifespan,
    )
    app.state.budgetgen = state
    return Guard(app, hosts or allowed_hosts("127.0.0.1"), token)
