"""Number formats shared by every output: 元, 万元, ratios, percentages, basis text."""

from __future__ import annotations

from decimal import Decimal

from .calc.budget import Basis
from .calc.tiers import RATE_METRICS
from .rounding import excel_round
from .schema import STAGE_LABELS, TIER_METRICS


def num(value: Decimal | int) -> str:
    """A plain number with thousands separators and no trailing zeros: 1,722 · 0.02 · 533.5."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = f"{d.normalize():,f}"
    return text


def yuan(value: Decimal) -> str:
    return f"{excel_round(value, 2):,.2f}"


def wan(value: Decimal, places: int = 1) -> str:
    """万元 for the deck: 870,123.45 → 87.0."""
    return f"{excel_round(value / 10000, places):,.{places}f}"


def ratio(value: Decimal | None) -> str:
    return "—" if value is None else f"{excel_round(Decimal(value), 2):.2f}:1"


def pct(value: Decimal | None, places: int = 1) -> str:
    return "—" if value is None else f"{excel_round(Decimal(value) * 100, places):.{places}f}%"


def pct_short(value: Decimal) -> str:
    """15% when whole, else 15.5%: for thresholds people typed."""
    v = Decimal(value) * 100
    return f"{num(v)}%" if v == v.to_integral_value() else pct(value)


_UNITS = {"zh": ("人", "人次", "次", "元"), "en": (" people", " touches", "×", "¥")}


def basis_text(basis: Basis, lang: str = "zh", touches_counted: bool = False) -> str:
    """The line's 计算依据: ``1,722人 × 30元``, ``35,000人 × 2次 × 0.02元 + 1,000元``."""
    person, touch, times_unit, money = _UNITS[lang]
    if basis.kind == "lump":
        lump = f"{money}{num(basis.unit_cost)}" if lang == "en" else f"{num(basis.unit_cost)}元"
        label = "lump sum" if lang == "en" else "一次性"
        return f"{basis.note} · {label} {lump}" if basis.note else f"{label} {lump}"

    def money_text(v: Decimal) -> str:
        return f"{money}{num(v)}" if lang == "en" else f"{num(v)}元"

    if basis.kind == "fixed":
        parts = [num(basis.quantity)]
    else:
        unit = touch if basis.stage == "reached" and touches_counted else person
        parts = [f"{num(basis.quantity)}{unit}"]
        if basis.segment:
            parts[0] = f"{basis.segment} {parts[0]}"
    if basis.times != 1:
        parts.append(f"{num(basis.times)}{times_unit}" if lang == "zh" else f"{num(basis.times)} times")
    parts.append(money_text(basis.unit_cost))
    text = " × ".join(parts)
    if basis.extra:
        text += f" + {money_text(basis.extra)}"
    if basis.band:
        text += band_text(basis.band, lang)
    return text


def band_text(band, lang: str = "zh") -> str:
    """Which tier applied and why: `（邀约进店率 18.8% ≥ 18% → 10元/人）`, penalties included."""
    is_rate = band.metric in RATE_METRICS
    value, start = (pct(band.value), pct_short(band.start)) if is_rate else (num(band.value), num(band.start))
    unit = f"{num(band.unit_cost)}元/人" if lang == "zh" else f"¥{num(band.unit_cost)} each"
    label = TIER_METRICS[band.metric] if lang == "zh" else band.metric
    text = f"{label} {value} ≥ {start} → {unit}"
    if band.lump_sum < 0:
        text += f",处罚 {num(-band.lump_sum)}元" if lang == "zh" else f", penalty ¥{num(-band.lump_sum)}"
    elif band.lump_sum > 0:
        text += f",奖励 {num(band.lump_sum)}元" if lang == "zh" else f", bonus ¥{num(band.lump_sum)}"
    return f"({text})" if lang == "zh" else f" ({text})"


def stage_label(stage: str, lang: str = "zh") -> str:
    return STAGE_LABELS[stage] if lang == "zh" else stage
