"""Short phrases built from figures: a line's basis, a tier's reason, goal-seek answers."""

from __future__ import annotations

from decimal import Decimal

from .calc.budget import Basis
from .calc.tiers import RATE_METRICS
from .fmt import num, pct, pct_short, ratio
from .i18n.labels import PHRASES as _WORDS
from .i18n.labels import label


def basis_text(basis: Basis, lang: str = "zh") -> str:
    """The line's 计算依据: ``1,722人 × 30元``, ``35,000人 × 2次 × 0.02元 + 1,000元``."""
    w = _WORDS[lang]

    def money(v: Decimal) -> str:
        return w["money"].format(n=num(v))

    if basis.kind == "lump":
        text = f"{w['lump']} {money(basis.unit_cost)}"
        return f"{basis.note} · {text}" if basis.note else text
    if basis.kind == "fixed":
        parts = [num(basis.quantity)]
    else:
        parts = [w["touch" if basis.unit == "touches" else "person"].format(n=num(basis.quantity))]
        if basis.segment:
            parts[0] = f"{basis.segment} {parts[0]}"
    if basis.times != 1:
        parts.append(w["times"].format(n=num(basis.times)))
    parts.append(money(basis.unit_cost))
    text = " × ".join(parts)
    if basis.extra:
        text += f" + {money(basis.extra)}"
    if basis.band:
        text += band_text(basis.band, lang)
    return text


def band_text(band, lang: str = "zh") -> str:
    """Which tier applied and why: `（邀约进店率 18.8% ≥ 18% → 10元/人）`, penalties included."""
    w = _WORDS[lang]
    is_rate = band.metric in RATE_METRICS
    value, start = (pct(band.value), pct_short(band.start)) if is_rate else (num(band.value), num(band.start))
    text = f"{label('metric', band.metric, lang)} {value} ≥ {start} → {w['each'].format(n=num(band.unit_cost))}"
    if band.lump_sum < 0:
        text += w["penalty"].format(n=num(-band.lump_sum))
    elif band.lump_sum > 0:
        text += w["bonus"].format(n=num(band.lump_sum))
    return w["band"].format(text=text)


def goal_seek_answers(results, lang: str = "zh") -> list[str]:
    """Goal seek as sentences an ops expert can act on."""
    w, f = _WORDS[lang], results.plan.funnel
    floor, need = results.model.campaign.roi_floor, results.deals_for_roi_floor
    out = []
    if floor is not None:
        if need is None:
            out.append(w["floor_never"].format(floor=ratio(floor)))
        else:
            deals = f.forward.deals
            spare = num(deals - need)
            out.append(w["floor_at"].format(floor=ratio(floor), need=num(need), plan=num(deals), spare=spare))
    for n in f.needed_rates:
        rate, target = label("rate", n.rate, lang), num(f.target)
        if n.needed is None:
            out.append(w["rate_never"].format(rate=rate, target=target))
        else:
            out.append(w["rate_at"].format(rate=rate, needed=pct(n.needed), now=pct(n.current), target=target))
    return out
