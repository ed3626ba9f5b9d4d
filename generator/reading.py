"""Read and validate one input: the first step of every command."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Collector, InputError, Problem, msg
from .model import Model


@dataclass(frozen=True)
class Loaded:
    model: Model
    warnings: list[Problem] = field(default_factory=list)


def load(path: Path) -> Loaded:
    """Read and validate an input; raise :class:`InputError` with every problem."""
    from .calc.checks import check_paths, check_plan
    from .calc.plan import compute_plan
    from .io.reader import read_source
    from .pages import report_left_out
    from .parse import parse_model

    problems = Collector()
    source = read_source(path, problems)
    model = parse_model(source, problems) if source is not None else None
    if model is not None:
        check_paths(model, problems)
    if model is not None and not problems.has_errors:
        check_plan(model, compute_plan(model), problems)
        report_left_out(model, problems)
    problems.raise_if_errors()
    if model is None:  # pragma: no cover - parse_model reports why
        raise InputError([Problem(str(path), msg("could not be read"))])
    return Loaded(model, problems.warnings)
