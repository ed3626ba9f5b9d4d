"""The messages of the commands and of every problem found in inputs, in the user's language.

A message's English template is its key: ``cli_zh.ZH`` maps each template to its
Chinese text with the same ``{fields}``. Locations (``inputs/x.xlsx: budget!F3``)
are never translated, so scripts can parse them in either language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .cli_zh import ZH

LANGS = ("zh", "en")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """Chinese unless the locale (LC_ALL, LC_MESSAGES, LANG, the first one set) is English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def render(template: str, args: Mapping[str, object], lang: str) -> str:
    """The message in ``lang``: nested messages in the same language, then the fields filled in."""
    text = ZH.get(template, template) if lang == "zh" else template
    values = {k: v.text(lang) if hasattr(v, "text") else v for k, v in args.items()}
    return text.format(**values) if args else text
