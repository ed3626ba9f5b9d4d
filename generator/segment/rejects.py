"""Bad rows of a customer export: refused with their lines, or (``--skip-bad-rows``) set aside
in ``rejects.csv`` with their reasons while the rest is segmented."""

from __future__ import annotations

import csv
import io

from ..errors import Collector, Msg
from ..text import csv_cell
from .read import LINE, Customers

SHOWN = 20  # located messages shown per check


def report_bad(customers: Customers, shown: str, problems: Collector, skip: bool) -> None:
    """Each bad row as a located error (at most SHOWN per check) and how to go on; or, when
    skipping, one warning with the count (an error when no row is left)."""
    n, total = customers.rejected, len(customers.raw)
    if not n:
        return
    if skip and n < total:
        problems.warn(
            shown,
            "{n:,} of {total:,} rows skipped; each is in rejects.csv with its reason",
            n=n,
            total=total,
        )
        return
    for pairs in customers.by_check.values():
        for line, reason in pairs[:SHOWN]:
            problems.error(f"{shown}:{line}", reason)
        if len(pairs) > SHOWN:
            problems.error(shown, "{n:,} more rows like the one above", n=len(pairs) - SHOWN)
    if skip:
        problems.error(shown, "no row is usable; nothing to segment")
    else:
        problems.note(
            shown,
            "{n:,} of {total:,} rows have problems; --skip-bad-rows segments the other {good:,} "
            "and lists these in rejects.csv with their reasons",
            n=n,
            total=total,
            good=total - n,
        )


def rejects_csv(customers: Customers, lang: str) -> str:
    """The rejected rows as the export gave them, with their line and reasons (UTF-8 with BOM, for Excel)."""
    raw = customers.raw
    names = [str(c) for c in raw.columns if c != LINE]
    heads = ("行号", "原因") if lang == "zh" else ("line", "reason")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(x) for x in (heads[0], *names, heads[1])])
    rejected = raw[raw[LINE].isin(customers.bad.keys())]  # in file order, as ``bad`` is
    for (_, row), (line, reasons) in zip(rejected.iterrows(), customers.bad.items(), strict=True):
        cells = [_text(row[c]) for c in raw.columns if c != LINE]
        writer.writerow([str(line), *(csv_cell(c) for c in cells), csv_cell(_reasons(reasons, lang))])
    return "\ufeff" + buffer.getvalue()


def _text(value) -> str:
    """A cell as the export had it: blank for a missing value, 2 (not 2.0) for a whole number read as a float."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reasons(reasons: list[Msg], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(r.text(lang) for r in reasons)
