"""Number formats shared by every output: 元, 万元, ratios, percentages, basis text."""

from __future__ import annotations

from decimal import Decimal

from .calc.budget import Basis
from .calc.tiers import RATE_METRICS
from .rounding import excel_round
from .schema import CAMPAIGN_KEYS, RATE_LABELS, STAGE_LABELS, TIER_METRICS


def dec(value: Decimal | int | float) -> Decimal:
    """The value as a Decimal; a negative zero becomes zero (never printed as -0.00)."""
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return d + 0 if d == 0 else d


def num(value: Decimal | int | float) -> str:
    """A plain number with thousands separators and no trailing zeros: 1,722 · 0.02 · 533.5."""
    d = dec(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = f"{d.normalize():,f}"
    return text


def yuan(value: Decimal | float) -> str:
    return f"{dec(excel_round(dec(value), 2)):,.2f}"


def wan(value: Decimal | float, places: int = 2) -> str:
    """万元 for the deck: 872,699.94 → 87.27."""
    return f"{dec(excel_round(dec(value) / 10000, places)):,.{places}f}"


def thousands(value: Decimal | float, places: int = 2) -> str:
    """Thousands of CNY for English documents: 872,699.94 → 872.70."""
    return f"{dec(excel_round(dec(value) / 1000, places)):,.{places}f}"


def ratio(value: Decimal | float | None) -> str:
    return "—" if value is None else f"{dec(excel_round(dec(value), 2)):.2f}:1"


def pct(value: Decimal | float | None, places: int = 1) -> str:
    return "—" if value is None else f"{dec(excel_round(dec(value) * 100, places)):.{places}f}%"


def pct_short(value: Decimal) -> str:
    """15% when whole, else 15.5%: for thresholds people typed."""
    v = Decimal(value) * 100
    return f"{num(v)}%" if v == v.to_integral_value() else pct(value)


_UNITS = {"zh": ("人", "人次", "次", "元"), "en": (" people", " touches", "×", "¥")}


def basis_text(basis: Basis, lang: str = "zh") -> str:
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
        unit = touch if basis.unit == "touches" else person
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


_FIELD_LABELS = {
    "customers": "客户数",
    "ltv": "终身价值",
    "touches": "人均触达次数",
    "reachable": "可触达人数",
    "sends": "发送次数",
    "unit_cost": "单价",
    "fixed_cost": "固定成本",
    "quantity": "数量",
    "times": "次数",
    "lump_sum": "总额",
    "unit_value": "客单价",
    "discount": "折扣",
    "margin": "毛利率",
    **RATE_LABELS,
}


def param_label(path: str, lang: str = "zh") -> str:
    """A reader's name for a parameter path: `funnel.open` → 打开率, `budget.礼包.unit_cost` → 礼包 · 单价."""
    head, _, rest = path.partition(".")
    if lang == "en":
        return path
    if head == "funnel":
        return RATE_LABELS.get(rest, rest)
    if head == "campaign":
        spec = CAMPAIGN_KEYS.get(rest)
        return spec.label if spec else rest
    name, _, field = rest.rpartition(".")
    return f"{name} · {_FIELD_LABELS.get(field, field)}"


def goal_seek_answers(results, lang: str = "zh") -> list[str]:
    """Goal seek as sentences an ops expert can act on."""
    f = results.plan.funnel
    floor = results.model.campaign.roi_floor
    out = []
    need = results.deals_for_roi_floor
    if floor is not None:
        if need is None:
            out.append(
                f"更多成交也无法使ROI达到{ratio(floor)}:需降低单客变动成本或提高客单价"
                if lang == "zh"
                else f"No number of deals lifts ROI to {ratio(floor)}: cut the variable cost per deal or raise the ticket"
            )
        else:
            out.append(
                f"ROI达到底线{ratio(floor)}需成交至少{num(need)}人(计划{num(f.forward.deals)}人,余量{num(f.forward.deals - need)}人)"
                if lang == "zh"
                else f"ROI reaches the floor of {ratio(floor)} at {num(need)} deals (plan {num(f.forward.deals)}, margin {num(f.forward.deals - need)})"
            )
    for n in f.needed_rates:
        label = RATE_LABELS[n.rate] if lang == "zh" else n.rate
        if n.needed is None:
            out.append(
                f"仅靠{label}无法达成目标成交{num(f.target)}人"
                if lang == "zh"
                else f"{label} alone cannot reach the target of {num(f.target)} deals"
            )
        else:
            out.append(
                f"其他环节不变时,{label}需达到{pct(n.needed)}(当前{pct(n.current)})即可达成目标成交{num(f.target)}人"
                if lang == "zh"
                else f"With the other rates held, {label} must reach {pct(n.needed)} (now {pct(n.current)}) for {num(f.target)} deals"
            )
    return out
