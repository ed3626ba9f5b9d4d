"""Seed 000's first draft (the 94.7万 plan) as input rows: the demo before its budget was optimised.

The same campaign as :mod:`generator.demo_case` with the higher-cost benefits and the wider channel
mix the seed's owner started from; `budgetgen compare inputs/demo-v1.xlsx inputs/demo.xlsx`
tells how the plan went from about 94.7万 to 87.3万. ``budgetgen init PATH --case demo-v1``
writes it; the committed ``inputs/demo-v1.xlsx`` is that workbook. The README says where these
figures differ from the seed's.
"""

from __future__ import annotations

from . import demo_case

CAMPAIGN = demo_case.CAMPAIGN

# what the first draft had instead of the demo's (by item or channel name; None: the same)
BENEFITS = {"到店礼包": 10}  # unit cost, 元: the draft's gift pack was a bought one
EXTRA_BENEFIT = ("incentives", "下次保养券", "deals", None, None, 4, None, None, "成交送下次保养抵用券（实际核销成本）")
CHANNELS = {  # channel: (reachable, sends): the draft called more customers and messaged them more often
    "企业微信": (15000, 4),
    "电话外呼": (8000, 1),
}
LUMPS = {"朋友圈广告": 18500}  # the draft's moments ads covered the whole region, not the targeted districts


def _budget(rows: list[tuple]) -> list[tuple]:
    out = [(*r[:5], BENEFITS.get(r[1], r[5]), LUMPS.get(r[1], r[6]), *r[7:]) for r in rows]
    at = max(i for i, r in enumerate(out) if r[0] == "incentives") + 1
    return [*out[:at], EXTRA_BENEFIT, *out[at:]]


def _channels(rows: list[tuple]) -> list[tuple]:
    return [(r[0], *CHANNELS.get(r[0], r[1:3]), *r[3:]) for r in rows]


SHEETS = {
    **demo_case.SHEETS,
    "budget": (demo_case.SHEETS["budget"][0], _budget(demo_case.SHEETS["budget"][1])),
    "channels": (demo_case.SHEETS["channels"][0], _channels(demo_case.SHEETS["channels"][1])),
}
