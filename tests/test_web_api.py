"""The JSON interface of SPEC §8 through Starlette's TestClient: every route, and the same figures
as the CLI's results.json."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest

from tests.web_helpers import DEMO, client, upload, wait_for


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One app with the demo uploaded (campaign 1), shared by the read-only tests."""
    with client(tmp_path_factory.mktemp("store")) as c:
        r = upload(c, lang="zh")
        assert r.status_code == 201, r.text
        yield c, r.json()


def test_health(app):
    c, _ = app
    assert c.get("/api/health").json() == {"ok": True, "version": "0.1.0"}


def test_upload_answers_exactly_the_cli_results(app, built_demo):
    _, body = app
    folder, result = built_demo
    assert result.exit_code == 0
    cli = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert body["results"] == cli
    assert (body["id"], body["version"], body["fingerprint"]) == (1, 1, cli["fingerprint"])
    assert body["warnings"] == []


def test_get_and_list(app):
    c, body = app
    got = c.get("/api/campaigns/1?lang=zh").json()
    assert got == {"id": 1, "version": 1, "fingerprint": body["fingerprint"], "results": body["results"]}
    listed = c.get("/api/campaigns").json()
    row = next(r for r in listed if r["id"] == 1)
    assert {k: row[k] for k in ("name", "version", "budget_total", "deals", "feasible")} == {
        "name": "2024春季保养召回活动",
        "version": 1,
        "budget_total": body["results"]["budget"]["total"],
        "deals": body["results"]["funnel"]["forward"]["deals"],
        "feasible": True,
    }
    assert row["roi_total"] == pytest.approx(body["results"]["roi"]["total"])
    assert set(row) >= {
        "id",
        "name",
        "version",
        "fingerprint",
        "budget_total",
        "deals",
        "roi_total",
        "feasible",
        "updated",
    }


def test_whatif_equals_the_cli_with_that_scenario(app, demo_results):
    from generator.calc.params import apply
    from generator.io.results_json import results_dict
    from generator.jsonout import dumps
    from generator.results import compute

    c, _ = app
    r = c.post("/api/campaigns/1/whatif?lang=en", json={"overrides": {"funnel.open": 0.3}})
    assert r.status_code == 200

    expected = results_dict(compute(apply(demo_results.model, {"funnel.open": Decimal("0.3")}), 0), "en")
    assert r.json()["results"] == json.loads(dumps(expected))
    assert r.json()["results"]["roi"]["total"] != pytest.approx(float(demo_results.plan.roi.total))
    assert r.json()["results"]["sensitivity"]["monte_carlo"] is None  # not until asked
    asked = c.post("/api/campaigns/1/whatif", json={"overrides": {}, "monte_carlo": True}).json()
    assert asked["results"]["sensitivity"]["monte_carlo"]["draws"] == 10_000


def test_whatif_refuses_unknown_paths_and_values_out_of_range_all_at_once(app):
    c, _ = app
    r = c.post(
        "/api/campaigns/1/whatif?lang=en",
        json={"overrides": {"funnel.nope": 0.3, "funnel.open": 2, "budget.到店礼包.unit_cost": "abc"}},
    )
    assert r.status_code == 422
    assert r.json() == {
        "problems": [
            {
                "location": "overrides.funnel.nope",
                "message": 'unknown funnel stage "nope" in "funnel.nope"; use one of reach, open, booking, arrival, purchase',
                "level": "error",
            },
            {"location": "overrides.funnel.open", "message": "is 2, out of range (0 – 1)", "level": "error"},
            {
                "location": "overrides.budget.到店礼包.unit_cost",
                "message": "must be a number, got 'abc'",
                "level": "error",
            },
        ]
    }


def test_unknown_campaign_version_job_and_bad_json(app):
    c, _ = app
    assert c.get("/api/campaigns/99?lang=en").json() == {
        "problems": [{"location": "campaign", "message": "no campaign 99", "level": "error"}]
    }
    assert c.get("/api/campaigns/99").status_code == 404
    assert c.get("/api/campaigns/1/versions/9/workbook").status_code == 404
    assert c.get("/api/jobs/999").status_code == 404
    r = c.post("/api/campaigns/1/whatif?lang=en", content=b"{not json", headers={"content-type": "application/json"})
    assert (r.status_code, r.json()["problems"][0]["message"]) == (422, "the body is not JSON")


def test_save_as_version_changes_just_those_cells(tmp_path):
    with client(tmp_path) as c:
        assert upload(c).status_code == 201
        r = c.post("/api/campaigns/1/versions", json={"overrides": {"funnel.open": 0.3}, "note": "open 30%"})
        assert r.status_code == 201
        body = r.json()
        assert (body["id"], body["version"]) == (1, 2)
        whatif = c.post("/api/campaigns/1/whatif", json={"overrides": {"funnel.open": 0.3}}).json()
        assert body["results"]["roi"] == whatif["results"]["roi"]
        assert body["fingerprint"] == whatif["results"]["fingerprint"]
        assert c.get("/api/campaigns").json()[0]["version"] == 2
        assert c.get("/api/campaigns/1").json()["version"] == 2
        saved = c.get("/api/campaigns/1/versions/2/workbook")
        assert saved.status_code == 200
        (tmp_path / "v2.xlsx").write_bytes(saved.content)
    before, after = openpyxl.load_workbook(DEMO), openpyxl.load_workbook(tmp_path / "v2.xlsx")
    changed = [
        (ws.title, cell.coordinate, cell.value)
        for ws in after.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value != before[ws.title][cell.coordinate].value
    ]
    assert changed == [("funnel", "B3", 0.3)]
    assert [ws.title for ws in after.worksheets] == [ws.title for ws in before.worksheets]
    assert len(after["budget"].data_validations.dataValidation) == len(before["budget"].data_validations.dataValidation)
    assert after["budget"]["A1"].comment is not None and after["budget"]["A1"].font.b == before["budget"]["A1"].font.b


def test_a_workbook_with_errors_is_kept_as_a_draft(tmp_path, case):
    case.set("budget", 1, "unit_cost", "abc")
    bad = case.xlsx(tmp_path / "bad.xlsx")
    with client(tmp_path / "store") as c:
        r = upload(c, bad)
        assert r.status_code == 422
        body = r.json()
        assert (body["id"], body["version"]) == (1, 1)
        assert body["problems"][0]["location"] == "bad.xlsx: budget!F3"
        assert body["problems"][0]["level"] == "error"
        listed = c.get("/api/campaigns").json()
        assert (listed[0]["name"], listed[0]["draft"], listed[0]["budget_total"]) == ("bad", True, None)
        assert c.get("/api/campaigns/1").status_code == 422
        assert c.get("/api/campaigns/1/versions/1/workbook").content == bad.read_bytes()


def test_documents_tracking_retro_and_files_by_manifest_name(tmp_path):
    from tests.web_helpers import ROOT

    with client(tmp_path, jobs=1) as c:
        assert upload(c).status_code == 201
        r = c.post("/api/campaigns/1/documents", json={"lang": "en", "pptx": False})
        assert r.status_code == 202
        state = wait_for(c, r.json()["job"])
        assert state["state"] == "done", state
        assert state["files"] == ["results.json", "budget.xlsx", "proposal.pdf", "summary.pdf", "summary.md"]
        pdf = c.get("/api/campaigns/1/versions/1/files/proposal.pdf")
        assert (pdf.status_code, pdf.content[:5]) == (200, b"%PDF-")
        assert pdf.headers["content-disposition"].startswith("attachment")
        inline = c.get("/api/campaigns/1/versions/1/files/proposal.pdf?inline=1")
        assert inline.headers["content-disposition"].startswith("inline")
        for name in ("..%2F..%2Fbudgetgen.sqlite3", ".budgetgen.json", "charts", "nothing.pdf", "%2Fetc%2Fpasswd"):
            assert c.get(f"/api/campaigns/1/versions/1/files/{name}").status_code == 404, name
        assert c.get("/api/campaigns/1/versions/2/files/proposal.pdf").status_code == 404

        daily = c.post(
            "/api/campaigns/1/tracking", files={"file": ("daily.csv", (ROOT / "inputs/demo-daily.csv").read_bytes())}
        )
        assert daily.status_code == 200
        assert daily.json()["as_of_day"] > 0 and "alerts" in daily.json()
        assert c.get("/api/campaigns/1/versions/1/files/tracking.pdf").status_code == 200
        actuals = c.post(
            "/api/campaigns/1/retro", files={"file": ("a.xlsx", (ROOT / "inputs/demo-actuals.xlsx").read_bytes())}
        )
        assert actuals.status_code == 200 and "variance" in actuals.json()
        bad = c.post(
            "/api/campaigns/1/tracking?lang=en", files={"file": ("daily.csv", b"day,reached,deals\n1,abc,0\n")}
        )
        assert bad.status_code == 422
        assert bad.json()["problems"][0]["location"] == "daily.csv:2", bad.json()
        wrong = c.post("/api/campaigns/1/retro?lang=en", files={"file": ("a.txt", b"x")})
        assert wrong.json()["problems"] == [{"location": "a.txt", "message": "is not one of .xlsx", "level": "error"}]


def test_a_whatif_asked_again_is_answered_from_the_cache(tmp_path, monkeypatch):
    from generator.web import engine as engine_module
    from generator.web.engine import Engine
    from generator.web.store import Store

    engine = Engine(Store(tmp_path), draws=0)
    cid = engine.upload("demo.xlsx", DEMO.read_bytes()).version.campaign
    computed: list[int] = []
    real = engine_module.compute
    monkeypatch.setattr(engine_module, "compute", lambda *a: computed.append(1) or real(*a))
    made = [
        engine.answer(cid, {"funnel.open": v}, False, "roi", lambda r: round(r.plan.roi.total, 2))
        for v in (0.3, "0.30", 0.3)
    ]
    assert made == [Decimal("2.27")] * 3 and len(computed) == 1  # 0.3 and "0.30" are the same what-if
    engine.answer(cid, {"funnel.open": 0.3}, False, "budget", lambda r: r.plan.budget.total)
    assert len(computed) == 2  # another form of the answer is made anew
    monkeypatch.setattr(engine_module, "WHATIF_CACHE", 1)
    engine.answer(cid, {"funnel.open": 0.31}, False, "roi", lambda r: r.plan.roi.total)
    engine.answer(cid, {"funnel.open": 0.3}, False, "roi", lambda r: r.plan.roi.total)
    assert len(computed) == 4  # only the last answer is kept


def test_compare_two_versions_as_the_cli_does(tmp_path):
    from generator.io.compare_json import compare_json
    from generator.pipeline_compare import comparison, load_pair

    v1 = DEMO.parent / "demo-v1.xlsx"
    with client(tmp_path, draws=0) as c:
        assert upload(c, v1).status_code == 201
        r = c.post("/campaigns/1/upload", files={"file": ("demo.xlsx", DEMO.read_bytes())}, follow_redirects=False)
        assert r.status_code == 303
        got = c.get("/api/campaigns/1/compare?from=1&to=2&lang=zh")
        assert got.status_code == 200, got.text
        data = got.json()
        before, after = load_pair(v1, DEMO)
        cli = json.loads(compare_json(comparison(before, after, v1, DEMO, "category"), "zh"))
        for side in ("old", "new"):
            data[side].pop("source"), cli[side].pop("source")
        for change in data["changes"] + cli["changes"]:
            change.pop("old_cell"), change.pop("new_cell")
        assert data == cli  # the same figures, changes and bridges as `budgetgen compare`
        cells = {c["path"]: (c["old_cell"], c["new_cell"]) for c in got.json()["changes"]}
        assert cells["budget.到店礼包.unit_cost"] == ("v1 demo-v1.xlsx: budget!F4", "v2 demo.xlsx: budget!F4")
        page = c.get("/campaigns/1/compare?from=1&to=2&lang=zh")
        assert (
            page.status_code == 200
            and page.text.count("<svg") == 2
            and "权益成本：到店礼包 单价 10元 → 6元" in page.text
        )
        assert 'action="/campaigns/1/compare"' in c.get("/campaigns/1").text
        bad = c.get("/api/campaigns/1/compare?from=x&group_by=all")
        assert bad.status_code == 422
        assert [p["location"] for p in bad.json()["problems"]] == ["from", "to", "group_by"]
        assert c.get("/api/campaigns/1/compare?from=1&to=9").status_code == 404
        assert c.get("/api/campaigns/7/compare?from=1&to=2").status_code == 404
