"""Problems found in inputs, carried as values with their location.

A problem reads like a compiler message:
``inputs/x.xlsx: budget!F7: unit_cost must be a number ≥ 0, got "abc"``.
Readers and validators collect every problem; only the pipeline decides to
stop, by raising :class:`InputError` with the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        if self.level == WARNING:
            return f"{self.where}: warning: {self.message}"
        return f"{self.where}: {self.message}"


class InputError(Exception):
    """Raised when inputs have errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]


class Collector:
    """Accumulates problems while a reader or validator walks the input."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message, ERROR))

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message, WARNING))

    @property
    def has_errors(self) -> bool:
        return any(p.level == ERROR for p in self.problems)

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise InputError(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]
