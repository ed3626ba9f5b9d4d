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

from .errors import InputError, Problem
from .text import terminal


def echo(text: object = "", err: bool = False) -> None:
    """Print a line with any control characters from the inputs shown escaped (never raw)."""
    click.echo(terminal(str(text)), err=err)


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
    echo(
        f"internal error: {type(exc).__name__}: {first} — this is a bug in budgetgen, not in your input; "
        f"please report it with {log}",
        err=True,
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
                        echo(f"note: {str(warning.message).splitlines()[0][:200]}", err=True)


def _quiet_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def _attempt(call):
    """Run a pipeline call: its problems printed and exit 1, else its warnings printed and its report."""
    try:
        report = call()
    except InputError as exc:
        _fail(exc)
    _report(report.warnings)
    return report


def _fail(exc: InputError) -> None:
    _report(exc.problems)
    n = len(exc.errors)
    echo(f"{n} error{'s' if n != 1 else ''}; nothing was written.", err=True)
    sys.exit(1)


def lang_option(func):
    """The shared --lang option (mkdocs' common_options habit)."""
    return click.option(
        "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the documents."
    )(func)


def output_option(default: str):
    """The shared -o/--output option, naming the command's default folder."""
    return click.option(
        "-o", "--output", "out", type=click.Path(path_type=Path), help=f"Output folder (default {default})."
    )


@click.group(cls=Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="budgetgen")
def main() -> None:
    """Turn after-sales campaign assumptions into approval documents.

    \b
    Example:
      budgetgen init my-campaign.xlsx
      budgetgen validate my-campaign.xlsx
      budgetgen build my-campaign.xlsx -o output/my-campaign
    """
