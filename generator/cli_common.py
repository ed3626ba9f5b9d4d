"""What every `budgetgen` command shares: the click group, printing, exit codes, shared options.

Exit codes: 0 success, 1 input problems (each printed with its location),
2 usage errors. The commands live in cli.py (build, validate, init) and
cli_followup.py (track, retro, segment); both import from here, never from each other.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from pathlib import Path

import click

from .errors import InputError, Msg, Problem
from .i18n.cli import default_lang, render
from .text import terminal

# The language of this run's messages: the locale's until a command's --lang says otherwise.
_LANG = [default_lang()]


def lang() -> str:
    return _LANG[0]


def t(template: str, **args: object) -> str:
    """A message of the catalogue in this run's language (``--help`` texts too)."""
    return render(template, args, lang())


def echo(text: object = "", err: bool = False) -> None:
    """Print a line with any control characters from the inputs shown escaped (never raw)."""
    shown = text.text(lang()) if isinstance(text, (Msg, Problem)) else str(text)
    click.echo(terminal(shown), err=err)


def say(template: str, err: bool = False, **args: object) -> None:
    """Print a message of the catalogue in this run's language."""
    echo(Msg(template, args), err=err)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        echo(problem, err=True)


def _crash(exc: BaseException) -> None:
    """An unexpected error: one line on the terminal, the traceback in a log file."""
    import tempfile
    import traceback

    folder = Path(tempfile.gettempdir()) / "budgetgen"
    folder.mkdir(exist_ok=True)
    log = Path(tempfile.mkstemp(prefix="crash-", suffix=".log", dir=folder)[1])
    log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    say(
        "internal error: {kind}: {first} — this is a bug in budgetgen, not in your input; please report it with {log}",
        err=True,
        kind=type(exc).__name__,
        first=first,
        log=log,
    )
    sys.exit(1)


class Guarded(click.Group):
    """Turns any unexpected exception of a command into one line and a log file."""

    def invoke(self, ctx: click.Context):
        with warnings.catch_warnings(record=True) as caught:
            try:
                return super().invoke(ctx)
            except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
                raise
            except BrokenPipeError:  # `budgetgen … | head -1`: the reader has gone, end quietly
                _quiet_stdout()
                sys.exit(0)
            except Exception as exc:  # the last line of defence
                _crash(exc)
            finally:
                for warning in caught:  # a library's warning: one plain line, no source path
                    with contextlib.suppress(BrokenPipeError):
                        say("note: {text}", err=True, text=str(warning.message).splitlines()[0][:200])


def _quiet_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def _attempt(call, wrote: bool = True):
    """Run a pipeline call: its problems printed and exit 1, else its warnings printed and its report."""
    try:
        report = call()
    except InputError as exc:
        _fail(exc, wrote)
    _report(report.warnings)
    return report


def _fail(exc: InputError, wrote: bool = True) -> None:
    """Every problem, then the count; ``wrote`` False for a command that never writes (validate)."""
    _report(exc.problems)
    n = len(exc.errors)
    if not wrote:
        say("1 error." if n == 1 else "{n} errors.", err=True, n=n)
    else:
        say("1 error; nothing was written." if n == 1 else "{n} errors; nothing was written.", err=True, n=n)
    sys.exit(1)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    _LANG[0] = value or default_lang()
    return _LANG[0]


def lang_option(func):
    """The shared --lang option (mkdocs' common_options habit)."""
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        callback=_set_lang,
        is_eager=True,
        help=t("Language of the documents and messages (default: Chinese, or English under an English locale)."),
    )(func)


def output_option(default: str):
    """The shared -o/--output option, naming the command's default folder."""
    return click.option(
        "-o",
        "--output",
        "out",
        type=click.Path(path_type=Path),
        help=t("Output folder (default {default}).", default=default),
    )


@click.group(cls=Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="budgetgen")
def main() -> None:
    pass


main.help = t(
    "Turn after-sales campaign assumptions into approval documents.\n\n\b\nExample:\n"
    "  budgetgen init my-campaign.xlsx\n  budgetgen validate my-campaign.xlsx\n"
    "  budgetgen build my-campaign.xlsx -o output/my-campaign"
)
