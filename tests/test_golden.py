"""Golden file of the demo's results.json; `pytest --update-golden` rewrites it."""

from generator.io.results_json import results_json
from tests.conftest import GOLDEN


def test_demo_results_json_matches_golden(demo_results, update_golden):
    text = results_json(demo_results)
    golden = GOLDEN / "demo-results.json"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden file yet: run `pytest --update-golden` and review the diff"
    assert text == golden.read_text(encoding="utf-8")


def test_demo_lands_near_the_seed_headline(demo_results):
    # seed 000: ~6,000 deals, ~87万 budget, total ROI ~1.93:1, marketing ROI ~9.2:1
    plan = demo_results.plan
    assert 6000 <= plan.funnel.forward.deals <= 6200
    assert 860_000 <= plan.budget.total <= 880_000
    assert 1.90 <= float(plan.roi.total) <= 1.96
    assert 8.8 <= float(plan.roi.marketing) <= 9.6
    assert plan.funnel.feasible
