"""Escaping of input text for every place it goes: the terminal, Markdown, CSV, XML.

One helper per target, used by every writer of that format:

- :func:`clean` removes control characters (C0 but tab and newline, DEL, C1),
  which no document, workbook or XML part can carry; parsing applies it to
  every text cell (and warns), so writers never receive them.
- :func:`terminal` shows control characters as ``\\x1b`` so a message can
  never set a terminal's title or clear its screen.
- :func:`md` makes text literal in Markdown and in the HTML a Markdown
  viewer passes through: no link, image, emphasis, table cell or tag.
- :func:`csv_cell` keeps a cell from being read as a formula by Excel or WPS.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\](){}!#|~])")
_AUTOLINK = re.compile(r"(?i)(\w)(://)|\b(www)\.")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def has_control(text: str) -> bool:
    return bool(_CONTROL.search(text))


def clean(text: str) -> str:
    """Text without control characters (tab and newline kept)."""
    return _CONTROL.sub("", text)


def terminal(text: str) -> str:
    """Text safe to print: control characters (but tab and newline) shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def md(text: object) -> str:
    """Plain text, literal in Markdown (and in any HTML it passes through), on one line."""
    if hasattr(text, "striptags"):  # Markup: its tags go, its escaped text is escaped again below
        text = text.striptags()
    plain = clean(" ".join(str(text).split()))
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    plain = _MD_SPECIAL.sub(r"\\\1", plain).replace("@", "&#64;")
    plain = _AUTOLINK.sub(lambda m: f"{m.group(1)}\\:/\\/" if m.group(2) else "www\\.", plain)
    plain = re.sub(r"^(\d+)([.)]\s)", r"\1\\\2", plain)
    return re.sub(r"^([+\-]\s)", r"\\\1", plain)


def csv_cell(value: object) -> object:
    """A cell for a CSV file: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str):
        value = clean(value)
        if value.startswith(_FORMULA) and not _NUMBER.match(value):  # -5 is a number, not a formula
            return "'" + value
    return value
