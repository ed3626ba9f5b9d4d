"""What every route reads: the app's parts, the request's language, problems as JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request

from ..errors import Problem
from .engine import Engine
from .jobs import Jobs
from .store import Store

LANGS = ("zh", "en")
LANG_COOKIE = "budgetgen_lang"


@dataclass
class App:
    """The server's state: one store, one engine over it, one pool of document workers."""

    store: Store
    engine: Engine
    jobs: Jobs
    lang: str = "zh"  # when neither ?lang= nor the cookie says
    what_ifs: anyio.CapacityLimiter | None = None  # made in the event loop, at the first what-if

    @property
    def folder(self) -> Path:
        return self.store.folder


def app_of(request: Request) -> App:
    return request.app.state.budgetgen


T = TypeVar("T")


async def what_if(request: Request, answer: Callable[..., T], *args: object) -> T:
    """Answer a what-if in a thread, one at a time: what-ifs are pure CPU, and twenty of them in
    twenty threads only fight over the interpreter's lock (and starve the thread that answers HTTP),
    so one after another each is answered sooner (measured: 20 clients' p95 400 ms → see bench/web.json)."""
    state = app_of(request)
    if state.what_ifs is None:
        state.what_ifs = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(answer, *args, limiter=state.what_ifs)


def lang_of(request: Request) -> str:
    """``?lang=``, else the cookie the language switch sets, else the server's default (Chinese)."""
    for given in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if given in LANGS:
            return given
    return app_of(request).lang


def problem_dicts(items: list[Problem] | list[dict], lang: str) -> list[dict]:
    return [p if isinstance(p, dict) else p.as_dict(lang) for p in items]
