"""The message catalogue: every fixed text of the documents, per language.

Templates read only from here (``t.key``); a missing key fails the render
(StrictUndefined), so a language can never silently fall back.
"""

from __future__ import annotations

from decimal import Decimal

from ..fmt import thousands, wan
from . import docs_compare
from .docs_en import EN as _EN
from .docs_zh import ZH as _ZH

ZH = {**_ZH, **docs_compare.ZH}
EN = {**_EN, **docs_compare.EN}


class Catalogue(dict):
    """A language's texts, and its convention for large sums of money."""

    def __init__(self, texts: dict[str, str], lang: str):
        super().__init__(texts)
        self.lang = lang

    def big(self, value: Decimal | float, places: int = 2) -> str:
        """A sum in the unit of the document's tables: 万元 in Chinese, thousands of CNY in English."""
        return wan(value, places) if self.lang == "zh" else thousands(value, places)

    def big_value(self, value: Decimal | float) -> float:
        """The same sum as a number for a chart's axis."""
        return float(value) / (10000 if self.lang == "zh" else 1000)


CATALOGUE = {"zh": Catalogue(ZH, "zh"), "en": Catalogue(EN, "en")}


def messages(lang: str) -> Catalogue:
    return CATALOGUE[lang]


_SEGMENT_PREFIX = {"recency": "seg_status_", "value": "seg_value_", "rfm": "seg_rfm_"}


def segment_name(name: str, scheme: str, t: dict) -> str:
    """A segment's name in the reader's language: statuses, value tiers and the default RFM tiers are ours;
    tiers the user named (--rfm) keep their names."""
    return t.get(_SEGMENT_PREFIX.get(scheme, "") + name, name)
