import datetime as dt
from decimal import Decimal as D

from generator.calc.funnel import forward_counts, plan_funnel, reverse_counts
from generator.model import Campaign, Funnel, Model, Segment

SEED_RATES = {"reach": D(1), "open": D("0.15"), "booking": D("0.28"), "arrival": D("0.7"), "purchase": D("0.9")}


def model(pool=41000, touches=D(1), target=6000, segments=(), **rates):
    r = {**SEED_RATES, **rates}
    campaign = Campaign(
        "t",
        dt.date(2024, 5, 1),
        dt.date(2024, 5, 14),
        target,
        D("0.35"),
        pool_customers=pool,
        touches_per_customer=touches,
    )
    return Model(campaign, Funnel(**r), segments=segments)


def test_seed_reverse_funnel():
    # 6000 → 6667 → 9524 → 34014 → 226760 (seed 000, 第一步)
    counts = reverse_counts(6000, SEED_RATES)
    assert (counts.deals, counts.arrived, counts.booked, counts.opened, counts.reached) == (
        6000,
        6667,
        9524,
        34014,
        226760,
    )
    assert counts.pool == 226760


def test_reverse_pool_divides_by_reach_times_touches():
    plan = plan_funnel(model(reach=D("0.85"), touches=D("6.6")))
    assert plan.required.reached == 226760
    # ROUND(226760 / (0.85 × 6.6)) = ROUND(40420.68…) = 40421
    assert plan.required.pool == 40421
    assert plan.feasible is True


def test_forward_funnel_rounds_each_stage():
    counts = forward_counts(41000, {**SEED_RATES, "reach": D("0.85")}, D("6.6"))
    # 230010 → ROUND(34501.5)=34502 → ROUND(9660.56)=9661 → ROUND(6762.7)=6763 → ROUND(6086.7)=6087
    assert counts.as_dict() == {
        "pool": 41000,
        "reached": 230010,
        "opened": 34502,
        "booked": 9661,
        "arrived": 6763,
        "deals": 6087,
    }


def test_seed_rates_on_41000_customers_with_one_touch_are_far_short():
    plan = plan_funnel(model())
    # 41000 → 6150 → 1722 → 1205 → ROUND(1084.5) = 1085 (Python's round gives 1084)
    assert plan.forward.as_dict() == {
        "pool": 41000,
        "reached": 41000,
        "opened": 6150,
        "booked": 1722,
        "arrived": 1205,
        "deals": 1085,
    }
    assert plan.feasible is False
    assert plan.required.pool == 226760
    assert round(plan.pool_ratio, 6) == D("5.530732")  # 226760 / 41000


def test_needed_rates_and_unreachable():
    plan = plan_funnel(model())
    needed = {n.rate: n.needed for n in plan.needed_rates}
    assert round(needed["open"], 6) == D("0.829493")  # 0.15 × 6000 / 1085
    assert needed["purchase"] is None  # 0.9 × 6000 / 1085 > 1: not reachable by this rate alone
    assert needed["reach"] is None
    plan = plan_funnel(model(target=1000))
    needed = {n.rate: n.needed for n in plan.needed_rates}
    assert round(needed["open"], 6) == D("0.138249")  # 0.15 × 1000 / 1085


def test_segments_sum_and_use_their_own_rates():
    segs = (Segment("忠诚", 895, booking=D("0.2")), Segment("低成本", 441, booking=D("0.11"), touches=D(2)))
    plan = plan_funnel(model(segments=segs, target=10))
    a = forward_counts(895, {**SEED_RATES, "booking": D("0.2")}, D(1))
    b = forward_counts(441, {**SEED_RATES, "booking": D("0.11")}, D(2))
    assert plan.forward == a + b
    assert dict(plan.segments) == {"忠诚": a, "低成本": b}
    assert plan.forward.pool == 1336
    # reverse uses the aggregate ratios of the forward funnel
    assert plan.divisors["purchase"] == D(plan.forward.deals) / D(plan.forward.arrived)


def test_segmented_reach_with_touches_is_judged_on_each_segments_rate():
    segs = (Segment("忠诚", 895, touches=D(3)), Segment("低成本", 441, reach=D("0.5")))
    plan = plan_funnel(model(segments=segs, target=40))
    needed = {n.rate: n for n in plan.needed_rates}
    assert needed["reach"].current > 1  # reached / pool counts touches
    assert needed["reach"].needed is not None  # yet no segment's reach rate must pass 1
    factor = D(40) / plan.forward.deals
    assert needed["reach"].needed == needed["reach"].current * factor
