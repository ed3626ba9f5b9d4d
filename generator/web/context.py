"""What every route reads: the app's parts, the request's language, problems as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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

    @property
    def folder(self) -> Path:
        return self.store.folder


def app_of(request: Request) -> App:
    return request.app.state.budgetgen


def lang_of(request: Request) -> str:
    """``?lang=``, else the cookie the language switch sets, else the server's default (Chinese)."""
    for given in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if given in LANGS:
            return given
    return app_of(request).lang


def problem_dicts(items: list[Problem] | list[dict], lang: str) -> list[dict]:
    return [p if isinstance(p, dict) else p.as_dict(lang) for p in items]
