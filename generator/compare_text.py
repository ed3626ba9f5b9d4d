"""The comparison in words: names of groups and figures, each change as a phrase, each bridge step
as a label an approver reads ("权益成本：到店礼包 单价 10元 → 6元，下次保养券 删除  −5.2万")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .calc.bridge import Group
from .calc.diff import Change
from .calc.params import CAPPED, WHOLE
from .fmt import dec, num, pct, ratio, thousands, wan, yuan
from .i18n.docs import messages
from .i18n.labels import TABLES, label, param_label
from .rounding import excel_round
from .schema import ALL_CATEGORIES, SHEETS, STAGES

MONEY_FIELDS = {"unit_cost", "fixed_cost", "lump_sum", "unit_value", "ltv", "extra_budget", "budget", "revenue"}
SHOWN = 3  # changes named in a step's label


def group_name(key: str, by: str, lang: str) -> str:
    t = messages(lang)
    if by == "path":
        head, _, rest = key.partition(".")
        if head in ("campaign", "funnel") or rest.rpartition(".")[2] in TABLES[lang]["field"]:
            return param_label(key, lang)
        return rest or key  # a whole row added or removed: its name
    if by == "sheet":
        return SHEETS[key].label if lang == "zh" and key in SHEETS else key
    if key in ALL_CATEGORIES:
        return label("category", key, lang)
    return t.get(f"cmp_group_{key}", key)


def figure_name(key: str, lang: str) -> str:
    t = messages(lang)
    if key in STAGES:
        return label("stage", key, lang)
    if key.startswith("budget_") and key[7:] in ALL_CATEGORIES:
        return label("category", key[7:], lang)
    return t.get(f"fig_{key}") or label("metric", key, lang)


def value_text(field: str | None, value: object, lang: str) -> str:
    """One assumption's value with its unit: 80元 · 15.0% · 41,000 · 2024-05-01."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return messages(lang)["cmp_yes" if value else "cmp_no"]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, Decimal)):
        if field in CAPPED or field in ("reach", "open", "booking", "arrival", "purchase"):
            return pct(value)
        if field in MONEY_FIELDS:
            return f"{num(value)}元" if lang == "zh" else f"CNY {num(value)}"
        return num(value) if field not in WHOLE else f"{int(value):,}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 16 else text[:15] + "…"


def _name(change: Change, lang: str) -> str:
    if change.sheet in ("campaign", "funnel"):
        return param_label(change.path, lang)
    subject = " / ".join(str(k) for k in change.key)
    if change.field is None:
        return subject
    return f"{subject} {TABLES[lang]['field'].get(change.field, change.field)}"


def change_phrase(change: Change, lang: str) -> str:
    """到店礼包 单价 10元 → 6元 · 下次保养券 删除 · 背景 文字修改."""
    t = messages(lang)
    if change.sheet == "narrative":
        return f"{change.key[0]} {t['cmp_text']}"
    if change.field is None:
        return f"{_name(change, lang)} {t['cmp_added'] if change.old is None else t['cmp_removed']}"
    if isinstance(change.old, str) and isinstance(change.new, str) and len(change.old) + len(change.new) > 30:
        return f"{_name(change, lang)} {t['cmp_text']}"
    old, new = value_text(change.field, change.old, lang), value_text(change.field, change.new, lang)
    return f"{_name(change, lang)} {old} → {new}"


def row_value(change: Change, side: str, lang: str) -> str:
    """A change's value on one side, for the table of changes (a whole row: its key)."""
    value = change.old if side == "old" else change.new
    if change.field is None and change.sheet != "narrative":
        return "—" if value is None else " / ".join(str(k) for k in change.key)
    return value_text(change.field, value, lang)


def big_signed(value: Decimal, lang: str) -> str:
    """−5.2万 · +1.4万 in Chinese; −52.2k in English."""
    sign = "−" if value < 0 else "+"
    if lang == "zh":
        return f"{sign}{wan(abs(value), 1)}万"
    return f"{sign}{thousands(abs(value), 1)}k"


def step_label(group: Group, by: str, step: Decimal, lang: str) -> str:
    """The bridge step in words: its group, what changed (the first few), and its effect."""
    t = messages(lang)
    phrases = [change_phrase(c, lang) for c in group.changes[:SHOWN]]
    if len(group.changes) > SHOWN:
        phrases.append(t["cmp_more"].format(n=len(group.changes) - SHOWN))
    sep, colon = ("，", "：") if lang == "zh" else ("; ", ": ")
    return f"{group_name(group.key, by, lang)}{colon}{sep.join(phrases)}  {big_signed(step, lang)}"


def figure_text(kind: str, value: Decimal | int | bool | None, lang: str) -> str:
    if value is None:
        return "—"
    if kind == "flag":
        return messages(lang)["cmp_yes" if value else "cmp_no"]
    if kind == "ratio":
        return ratio(value)  # type: ignore[arg-type]
    if kind == "money":
        return yuan(value)  # type: ignore[arg-type]
    return f"{int(value):,}"


def _sign(d: Decimal) -> str:
    return "+" if d > 0 else ("−" if d < 0 else "")


def change_text(kind: str, value: Decimal | int | None, lang: str, places: int = 2) -> str:
    """A change with its sign (a true minus): +0.15 · −50,182.60 · −193."""
    if value is None:
        return "—"
    d = dec(excel_round(dec(value), places)) if kind == "ratio" else dec(value)
    if kind == "ratio":
        return f"{_sign(d)}{abs(d):.{places}f}"
    return _sign(d) + figure_text(kind, abs(d), lang)


def pct_change(value: Decimal | None) -> str:
    """−30.7% · +8.5% · 0.0%."""
    if value is None:
        return "—"
    text = pct(abs(value))
    return text if text == "0.0%" else _sign(dec(value)) + text
