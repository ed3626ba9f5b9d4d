"""Problems found in inputs, carried as values with their location.

A problem reads like a compiler message:
``inputs/x.xlsx: budget!F7: unit_cost must be a number ≥ 0, got "abc"``.
Readers and validators collect every problem; only the pipeline decides to
stop, by raising :class:`InputError` with the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n.cli import render

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # how to go on, after the errors; not counted as one


@dataclass(frozen=True)
class Msg:
    """A message to show: its English template (the key of every catalogue) and the values to fill in.

    A value may itself be a Msg, shown in the same language.
    """

    template: str
    args: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return render(self.template, self.args, lang)

    def __str__(self) -> str:
        return self.text("en")


def msg(template: str, **args: object) -> Msg:
    return Msg(template, args)


class MessageError(ValueError):
    """An error whose ``message`` can be shown in any language."""

    def __init__(self, template: str, **args: object):
        self.message = Msg(template, args)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Named:
    """A field in a message: its Chinese name for Chinese readers, its key for English ones."""

    key: str
    label: str

    def text(self, lang: str = "en") -> str:
        return self.label if lang == "zh" else self.key


@dataclass(frozen=True)
class Problem:
    where: str
    message: Msg
    level: str = ERROR

    def text(self, lang: str = "en") -> str:
        body = self.message.text(lang) if isinstance(self.message, Msg) else str(self.message)
        if self.level == WARNING:
            return render("{where}: warning: {body}", {"where": self.where, "body": body}, lang)
        if self.level == NOTE:
            return render("{where}: hint: {body}", {"where": self.where, "body": body}, lang)
        return f"{self.where}: {body}"

    def __str__(self) -> str:
        return self.text("en")

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        """The problem as the web app's JSON answers carry it: location, message (in ``lang``), level."""
        body = self.message.text(lang) if isinstance(self.message, Msg) else str(self.message)
        return {"location": self.where, "message": body, "level": self.level}


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

    def error(self, where: str, template: str | Msg, **args: object) -> None:
        message = template if isinstance(template, Msg) else Msg(template, args)
        self.problems.append(Problem(where, message, ERROR))

    def warn(self, where: str, template: str | Msg, **args: object) -> None:
        message = template if isinstance(template, Msg) else Msg(template, args)
        self.problems.append(Problem(where, message, WARNING))

    def note(self, where: str, template: str, **args: object) -> None:
        self.problems.append(Problem(where, Msg(template, args), NOTE))

    @property
    def has_errors(self) -> bool:
        return any(p.level == ERROR for p in self.problems)

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise InputError(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]
