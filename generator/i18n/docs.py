"""The message catalogue: every fixed text of the documents, per language.

Templates read only from here (``t.key``); a missing key fails the render
(StrictUndefined), so a language can never silently fall back.
"""

from __future__ import annotations

from .docs_en import EN
from .docs_zh import ZH

CATALOGUE = {"zh": ZH, "en": EN}


def messages(lang: str) -> dict[str, str]:
    return CATALOGUE[lang]
