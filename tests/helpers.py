"""Helpers shared by the tests (not fixtures)."""

from __future__ import annotations

from pathlib import Path

from generator.errors import InputError
from generator.pipeline import load


def problems(path: Path) -> list[str]:
    """Every problem loading ``path`` reports, with the path shown as F."""
    try:
        loaded = load(path)
    except InputError as exc:
        return [str(p).replace(str(path), "F") for p in exc.problems]
    return [str(p).replace(str(path), "F") for p in loaded.warnings]
