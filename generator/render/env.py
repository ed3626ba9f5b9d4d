"""The one Jinja Environment: autoescape on (set explicitly: select_autoescape
does not cover .html.j2 names), StrictUndefined, templates from templates/."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def templates_dir() -> Path:
    """The package's templates folder (``generator.templates``: the repository's templates/ when installed)."""
    return Path(str(files("generator.templates")))


TEMPLATES = templates_dir()
NAME_LIMIT = 80
CELL_LIMIT = 300
TEXT_LIMIT = 3000


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Input text is shown whole up to these lengths, so a 100,000-character cell
    # wraps onto a page or two instead of running to hundreds (results.json and
    # the workbooks keep it whole).
    env.globals.update(NAME_LIMIT=NAME_LIMIT, CELL_LIMIT=CELL_LIMIT, TEXT_LIMIT=TEXT_LIMIT)
    return env


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
