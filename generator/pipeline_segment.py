"""The segment pipeline: read a customer export → segment it → write the files (and the workbook with --into).

The CLI calls :func:`segment`; nothing here imports click.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Collector, InputError, MessageError, Problem, msg
from .pipeline import load


@dataclass(frozen=True)
class SegmentOptions:
    """How to segment: the scheme and its settings, the column names, what to do with bad rows.

    columns: key → the export's own column name (``--columns``).
    skip_bad_rows: segment the good rows and set the bad ones aside in rejects.csv.
    """

    scheme: str = "recency"
    as_of: dt.date | None = None
    where: str | None = None
    thresholds: tuple[float, ...] | None = None
    rfm: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    skip_bad_rows: bool = False
    lang: str = "zh"


@dataclass(frozen=True)
class SegmentReport:
    segmentation: object
    out_dir: Path
    files: list[str]
    warnings: list[Problem]
    backup: Path | None = None
    into_problems: list[Problem] = field(default_factory=list)


def _validate_as(tmp: Path, shown: Path) -> None:
    """Validate a staged copy of a workbook, reporting problems under the workbook's own name."""
    try:
        load(tmp)
    except InputError as exc:
        raise InputError(
            [Problem(p.where.replace(str(tmp), str(shown)), p.message, p.level) for p in exc.problems]
        ) from None


@contextmanager
def _locked(workbook: Path):
    """Hold an exclusive lock on ``workbook`` while it is rewritten; a second run is refused, not queued."""
    import fcntl

    with workbook.open("rb") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(
                [Problem(str(workbook), msg("another budgetgen run is writing this workbook; try again when it ends"))]
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _segmentation(customers: Path, o: SegmentOptions):
    """Read the export and segment it: (the segmentation, the reader's warnings, the export read when
    rows were set aside); InputError for problems."""
    from .segment.read import LINE, read_customers
    from .segment.rejects import report_bad
    from .segment.schemes import DEFAULT_RFM, DEFAULT_THRESHOLDS, parse_rfm
    from .segment.schemes import segment as run_scheme
    from .segment.where import WhereError

    problems = Collector()
    tiers = DEFAULT_RFM
    if o.rfm:
        try:
            tiers = parse_rfm(o.rfm)
        except MessageError as exc:
            raise InputError([Problem("--rfm", exc.message)]) from None
    read = read_customers(customers, problems, o.columns)
    if read is not None:
        report_bad(read, str(customers), problems, o.skip_bad_rows)
    problems.raise_if_errors()
    assert read is not None
    frame = read.frame
    if read.rejected:
        frame = frame[~read.raw[LINE].isin(read.bad.keys())]
    if o.scheme == "value" and "ltv" not in frame.columns:
        raise InputError([Problem(str(customers), msg('the value scheme needs an "ltv" column (终身价值)'))])
    try:
        thresholds = tuple(o.thresholds or DEFAULT_THRESHOLDS)
        result = run_scheme(frame, o.scheme, o.as_of or dt.date.today(), o.where, thresholds, rfm=tiers)
    except WhereError as exc:
        raise InputError([Problem("--where", exc.message)]) from None
    except TypeError:  # e.g. a text column compared with a number
        raise InputError(
            [Problem("--where", msg("compares a text column with a number (or a number column with 'text')"))]
        ) from None
    return result, problems.warnings, read if read.rejected else None


def segment(customers: Path, out_dir: Path, options: SegmentOptions, into: Path | None = None) -> SegmentReport:
    """Segment a dealer-system export; optionally write the result into an input workbook."""
    import hashlib

    from .io.output import check_output_dir, write_atomically
    from .segment.output import commit_into, prepare_into, write_segments
    from .segment.rejects import rejects_csv

    if into is not None and not into.is_file():
        raise InputError([Problem(str(into), msg("no such workbook (--into)"))])
    result, warnings, read = _segmentation(customers, options)
    fingerprint = hashlib.sha256(customers.read_bytes()).hexdigest()[:12]
    inputs = (customers, into) if into is not None else (customers,)
    check_output_dir(out_dir, inputs)
    files: list[str] = []

    def _write(tmp: Path) -> list[str]:
        written = write_segments(result, str(customers), tmp, fingerprint, options.lang)
        if read is not None:
            (tmp / "rejects.csv").write_text(rejects_csv(read, options.lang), encoding="utf-8")
            written.append("rejects.csv")
        return written

    def write() -> None:
        write_atomically(
            out_dir,
            lambda tmp: files.extend(_write(tmp)),
            command="segment",
            fingerprint=fingerprint,
            inputs=inputs,
        )

    if into is None:
        write()
        return SegmentReport(result, out_dir, files, warnings)
    with _locked(into):  # the workbook is staged and validated first, replaced only after the files are written
        staged = prepare_into(result, into, lambda tmp: _validate_as(tmp, into))
        try:
            write()
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        backup = commit_into(staged, into)
    into_problems = load(into).warnings
    return SegmentReport(result, out_dir, files, warnings, backup, into_problems)
