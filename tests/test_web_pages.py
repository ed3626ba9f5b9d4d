"""The HTML pages through the TestClient: what-if fragments, save, segment into a new version, drafts."""

from __future__ import annotations

import re

import pytest

from tests.web_helpers import client, upload


@pytest.fixture(scope="module")
def c(tmp_path_factory):
    with client(tmp_path_factory.mktemp("store"), lang="zh") as c:
        assert upload(c).status_code == 201
        yield c


def test_the_campaign_page_shows_the_documents_figures(c, demo_results):
    from generator.render.view import proposal_view

    page = c.get("/campaigns/1").text
    view = proposal_view(demo_results, "zh")
    for tile in view.exec.tiles:
        assert f'data-label="{tile.label}">{tile.value}</div>' in page
    assert "<svg" in page and "方案对比" in page and "龙卷风" in page
    assert page.count('type="number"') == 97  # every numeric assumption of the demo
    assert 'name="funnel.open" value="15"' in page


def test_a_whatif_fragment_recomputes_and_a_bad_value_is_a_problem(c):
    r = c.post("/campaigns/1/whatif", data={"funnel.open": "30", "campaign.target_deals": "6000"})
    assert r.status_code == 200
    assert r.text.startswith('<div id="figures"') and "已调整 1 项假设（未保存）" in r.text
    assert re.search(r"总投资ROI：<strong>2\.27:1</strong>", r.text)
    bad = c.post("/campaigns/1/whatif", data={"funnel.open": "300"})
    assert "overrides.funnel.open" in bad.text and "超出范围（0 – 1）" in bad.text


def test_the_campaign_list_prints_units(c):
    page = c.get("/").text
    assert '<td class="r">872,699.94</td><td class="r">6,087</td><td class="r">1.93:1</td>' in page
    assert "1.93:1" in page


def test_segment_into_the_campaign_makes_a_new_version(tmp_path):
    from generator.segment.demo_customers import generate

    customers = tmp_path / "customers.csv"
    generate(customers)
    with client(tmp_path / "store", lang="zh") as s:
        assert upload(s).status_code == 201
        r = s.post(
            "/campaigns/1/segment",
            files={"file": ("dms.csv", customers.read_bytes())},
            data={"as_of": "2024-04-05", "use": "on"},
        )
        assert r.status_code == 200, r.text
        assert "已保存为新版本: v2" in r.text or "已保存为新版本：v2" in r.text
        assert s.get("/api/campaigns/1").json()["version"] == 2
        assert s.get("/api/campaigns/1/versions/1/files/segments.csv").status_code == 200
        bad = s.post("/campaigns/1/segment", files={"file": ("dms.csv", b"x,y\n1,2\n")})
        assert bad.status_code == 422 and "dms.csv" in bad.text


def test_a_draft_page_lists_its_problems(tmp_path, case):
    case.set("budget", 1, "unit_cost", "abc")
    with client(tmp_path / "store", lang="en") as d:
        upload(d, case.xlsx(tmp_path / "bad.xlsx"))
        page = d.get("/campaigns/1").text
        assert '<td class="loc">bad.xlsx: budget!F3</td>' in page
        assert "draft (has errors)" in page
        assert d.get("/campaigns/2").status_code == 404
