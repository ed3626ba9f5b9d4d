"""Every refusal of the web app's guard, and the hostile workbook shown as text."""

from __future__ import annotations

import pytest

from tests.web_helpers import client, upload

REFUSED = {"location": "request", "level": "error"}


@pytest.fixture(scope="module")
def c(tmp_path_factory):
    with client(tmp_path_factory.mktemp("store")) as c:
        yield c


def _problem(r) -> str:
    (p,) = r.json()["problems"]
    assert {k: p[k] for k in ("location", "level")} == REFUSED
    return p["message"]


def test_every_response_carries_the_security_headers(c):
    r = c.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert c.get("/api/health").headers["x-frame-options"] == "DENY"
    assert "<script>" not in r.text.replace('<script src="/static/htmx-2.0.11.min.js" defer></script>', "")


def test_a_foreign_host_header_is_refused(c):
    r = c.get("/api/health", headers={"host": "evil.example:8750"})
    assert (r.status_code, _problem(r)) == (400, "Host 请求头不是本服务器的地址")
    for ok in ("localhost:8750", "127.0.0.1", "[::1]:8750"):
        assert c.get("/api/health", headers={"host": ok}).status_code == 200, ok


def test_a_state_changing_request_from_another_origin_is_refused(c):
    r = c.post("/api/campaigns/1/whatif", json={}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    assert c.post("/campaigns/demo", headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert c.post("/campaigns/demo", headers={"sec-fetch-site": "same-site"}).status_code == 403
    r = c.post("/api/campaigns/9/whatif", json={}, headers={"origin": "http://127.0.0.1:8750"})
    assert r.status_code == 404  # same origin passes the guard
    assert c.get("/api/health", headers={"origin": "http://evil.example"}).status_code == 200  # reads pass


def test_a_body_over_20_mb_is_refused_before_it_is_read(c):
    r = c.post("/api/campaigns", content=b"x", headers={"content-length": str(20 * 1024 * 1024 + 1)})
    assert (r.status_code, _problem(r)) == (413, "请求超过 20 MB")


def test_a_streamed_body_over_the_limit_is_cut_off(tmp_path):
    from starlette.testclient import TestClient

    from generator.web.app import create_app

    app = create_app(tmp_path)
    app.max_body = 1000
    with TestClient(app, base_url="http://127.0.0.1") as small:

        def chunks():
            for _ in range(20):
                yield b"y" * 100

        r = small.post("/api/campaigns", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"})
        assert r.status_code == 413


def test_with_a_token_every_request_needs_it(tmp_path):
    with client(tmp_path, token="s3cret") as t:
        r = t.get("/api/health?lang=en")
        assert r.status_code == 401
        assert t.get("/api/health", headers={"authorization": "Bearer wrong"}).status_code == 401
        assert t.get("/api/health", headers={"authorization": "Bearer s3cret"}).status_code == 200
        visit = t.get("/?token=s3cret&lang=en", follow_redirects=False)
        assert (visit.status_code, visit.headers["location"]) == (303, "/?lang=en")
        assert "HttpOnly" in visit.headers["set-cookie"] and "SameSite=Strict" in visit.headers["set-cookie"]
        assert t.get("/api/campaigns").status_code == 200  # the cookie now
        t.cookies.clear()
        assert t.get("/?token=nope").status_code == 401


def test_static_files_and_language_switch_stay_inside(c):
    assert c.get("/static/htmx-2.0.11.min.js").status_code == 200
    assert c.get("/static/..%2F..%2Fweb%2Fstore.py").status_code == 404
    for target in ("//evil.example/", "http://evil.example/", "/\\evil.example"):
        r = c.get(f"/lang/en?next={target}", follow_redirects=False)
        assert r.headers["location"] == "/", target
    r = c.get("/lang/en?next=/campaigns/1", follow_redirects=False)
    assert r.headers["location"] == "/campaigns/1" and "budgetgen_lang=en" in r.headers["set-cookie"]


def test_hostile_text_is_shown_as_text(tmp_path, case):
    from tests.hostile.test_hostile_text import inject

    written = inject(case)
    path = case.xlsx(tmp_path / "hostile.xlsx")
    with client(tmp_path / "store") as h:
        r = upload(h, path)
        assert r.status_code == 201, r.text
        page = h.get("/campaigns/1").text + h.get("/").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<img src="file:' not in page and "<a href='http://example.com/'>" not in page
    assert written
