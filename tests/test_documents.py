"""The proposal PDF, the summary and their HTML: pages, fonts, figures, safety, language."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import warnings
from dataclasses import fields
from decimal import Decimal

import pytest

from generator.fmt import num, ratio, wan
from generator.i18n.docs_zh import ZH
from generator.pipeline import load
from generator.render.env import TEMPLATES
from generator.render.proposal import proposal_html, write_documents
from generator.render.view import proposal_view
from generator.results import compute
from tests.conftest import GOLDEN

PAGE_TITLES = [
    ZH[k]
    for k in ["s_exec"]
    + ["s_market"] * 2
    + ["s_plan"] * 4
    + ["s_budget"] * 5
    + ["s_roi"] * 2
    + ["s_risk"] * 2
    + ["s_cases", "s_compare"]
]
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def pdftotext(path, page=None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_proposal_has_18_pages_and_summary_one(built_demo):
    out, _ = built_demo
    assert pages(out / "proposal.pdf") == 18
    assert pages(out / "summary.pdf") == 1


def test_fonts_are_embedded_and_cjk(built_demo):
    out, _ = built_demo
    for name in ("proposal.pdf", "summary.pdf"):
        listing = subprocess.run(["pdffonts", str(out / name)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows, listing
        assert all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", r) for r in rows), listing  # emb, sub
        assert any("Noto-Sans-CJK-SC" in r for r in rows), listing


def test_every_page_has_its_title_number_and_fingerprint(built_demo, demo_results):
    out, _ = built_demo
    for n, title in enumerate(PAGE_TITLES, start=1):
        text = pdftotext(out / "proposal.pdf", n)
        assert title in text, (n, title)
        assert f"{n} / 18" in text, n
        assert demo_results.fingerprint in text, n
        assert "2024春季保养召回活动" in text, n


def _headline_strings(data: dict) -> list[str]:
    """results.json's headline figures, formatted as the documents print them."""
    d = lambda v: Decimal(str(v))  # noqa: E731
    return [
        wan(d(data["budget"]["total"]), 2),
        num(data["funnel"]["forward"]["deals"]),
        wan(d(data["revenue"]["total"]), 2),
        wan(d(data["gross_profit"]["total"]), 2),
        ratio(d(data["roi"]["total"])),
        ratio(d(data["roi"]["marketing"])),
        ratio(d(data["roi"]["campaign"])),
        num(d(data["cost_per_deal"])),
        num(data["breakeven_deals"]),
        data["fingerprint"],
    ]


def test_page_one_and_summary_md_figures_equal_results_json(built_demo):
    out, _ = built_demo
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    page1 = pdftotext(out / "proposal.pdf", 1)
    summary_md = (out / "summary.md").read_text(encoding="utf-8")
    summary_pdf = pdftotext(out / "summary.pdf")
    for figure in _headline_strings(data):
        assert figure in page1, figure
        assert figure in summary_md, figure
        assert figure in summary_pdf, figure
    assert "87.27" in summary_md and "1.93:1" in summary_md  # the seed's headline, computed


def test_no_font_fallback_and_no_missing_glyphs(tmp_path, demo_results, caplog):
    caplog.set_level(logging.INFO)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = write_documents(demo_results, tmp_path, "en", html=False)
    assert not [w for w in caught if "Glyph" in str(w.message)]
    assert "Using fontTools instead of HarfBuzz-Subset" not in caplog.text
    assert report.refused == []
    assert report.served and all(u.startswith(f"file://{tmp_path.resolve()}/charts/") for u in report.served)
    assert pages(tmp_path / "proposal.pdf") == 18


def _user_strings(model) -> list[str]:
    from generator.fingerprint import normalise

    found: list[str] = []

    def walk(v):
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(normalise(model))
    return sorted(set(found), key=len, reverse=True)


def test_english_has_no_chinese_in_fixed_text(demo_results):
    from markupsafe import escape

    html = proposal_html(proposal_view(demo_results, "en"))
    for text in _user_strings(demo_results.model):
        html = html.replace(str(escape(text)), "")
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    leftovers = sorted(set(CJK.findall(html)))
    assert leftovers == [], leftovers


def test_golden_proposal_html(demo_results, update_golden):
    html = proposal_html(proposal_view(demo_results, "zh"))
    golden = GOLDEN / "demo-proposal.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), "run `pytest --update-golden` and review the diff"
    assert html == golden.read_text(encoding="utf-8")


HOSTILE = [
    '<img src="file:///etc/passwd">',
    "<style>@import url(http://example.com/x.css);</style>",
    "<script>alert(1)</script>",
    '<a href="http://example.com/">click</a>',
    "<link rel=stylesheet href=file:///etc/hosts>",
]


def test_hostile_text_renders_literally_and_fetches_nothing(case, tmp_path):
    for i, row in enumerate(case.rows("narrative")):
        row[1] = HOSTILE[i % len(HOSTILE)] + " 正文"
    case.set_campaign("name", '<b onload="x">活动</b>')
    case.set("budget", 1, "item", '<img src="http://example.com/p.png">')
    results = compute(load(case.xlsx(tmp_path / "hostile.xlsx")).model)
    out = tmp_path / "out"
    out.mkdir()
    report = write_documents(results, out, "zh", html=True)
    assert report.refused == []
    assert all(u.startswith(f"file://{out.resolve()}/charts/") for u in report.served)
    html = (out / "proposal.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img src=&#34;file" in html.replace("&lt;", "<")
    assert '<img src="file:///etc/passwd">' not in html
    text = pdftotext(out / "proposal.pdf")
    assert '<img src="file:///etc/passwd">' in text.replace("\n", "")
    assert "<script>alert(1)</script>" in text.replace("\n", "")


def test_fetcher_serves_only_own_assets(tmp_path):
    from generator.render.pdf import AssetFetcher

    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "a.png").write_bytes(b"\x89PNG")
    (tmp_path / "charts" / "escape.png").symlink_to("/etc/hostname")
    fetcher = AssetFetcher([tmp_path])
    assert fetcher.fetch(f"file://{tmp_path}/charts/a.png").read() == b"\x89PNG"
    for url in [
        "http://example.com/x.png",
        "https://example.com/x.css",
        "file:///etc/passwd",
        f"file://{tmp_path}/charts/escape.png",
        f"file://{tmp_path}/charts/../../x",
        "data:text/plain,hi",
        "ftp://example.com/x",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7
    assert fetcher.served == [f"file://{tmp_path}/charts/a.png"]


def test_summary_stays_one_page_with_long_texts(case, tmp_path):
    case.set_campaign("name", "华南战区春季沉睡客户召回活动" * 20)
    for row in case.rows("narrative"):
        if row[0] == "ask":
            row[1] = "请批准。" * 800
    results = compute(load(case.xlsx(tmp_path / "long.xlsx")).model)
    out = tmp_path / "out"
    out.mkdir()
    write_documents(results, out, "zh", html=False)
    assert pages(out / "summary.pdf") == 1


SECTIONS = {
    "_exec.html.j2": ("exec", "ExecView"),
    "_market.html.j2": ("market", "MarketView"),
    "_plan.html.j2": ("plan", "PlanView"),
    "_budget.html.j2": ("budget", "BudgetView"),
    "_roi.html.j2": ("roi", "RoiView"),
    "_risk.html.j2": ("risk", "RiskView"),
    "_cases.html.j2": ("cases", "CasesView"),
    "_compare.html.j2": ("compare", "CompareView"),
    "summary.html.j2": ("s", "SummaryView"),
}


@pytest.mark.parametrize("template", sorted(SECTIONS))
def test_template_data_is_the_documented_dataclass(template):
    import generator.render.summary as summary
    import generator.render.view_budget as back
    import generator.render.view_exec as front
    import generator.render.view_plan as plan
    import generator.render.view_risk as risk

    var, cls_name = SECTIONS[template]
    cls = next(getattr(m, cls_name) for m in (front, plan, back, risk, summary) if hasattr(m, cls_name))
    declared = {f.name for f in fields(cls)}
    documented = set(re.findall(r"^\s{4}(\w+): ", cls.__doc__, flags=re.M))
    used = set(re.findall(rf"\b{var}\.(\w+)", (TEMPLATES / template).read_text(encoding="utf-8")))
    assert documented == declared, cls_name
    assert used == declared, cls_name


def test_message_catalogue_has_no_repeated_keys():
    import ast

    from generator.i18n import docs, docs_compare, docs_zh

    for name in ("docs_zh.py", "docs_en.py", "docs_compare.py"):
        tree = ast.parse((TEMPLATES.parent / "generator" / "i18n" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert set(docs.ZH) == set(docs.EN)
    assert not set(docs_compare.ZH) & set(docs_zh.ZH)  # the comparison's texts never shadow the documents'


def test_missing_narrative_leaves_its_paragraph_out(case, tmp_path):
    case.sheets["narrative"] = (
        case.sheets["narrative"][0],
        [r for r in case.rows("narrative") if r[0] != "competition"],
    )
    results = compute(load(case.xlsx(tmp_path / "x.xlsx")).model, draws=200)
    html = proposal_html(proposal_view(results, "zh"))
    assert "<h3>竞争</h3>" not in html and "<h3>时机</h3>" in html


def test_long_inputs_flow_onto_more_pages_with_headers(case, tmp_path):
    rows = case.rows("budget")
    for i in range(40):
        rows.append(["labor", f"加班补贴{i:02d}", "fixed", 2, None, 100 + i, None, None, "延长营业"])
    case.sheets["segments"] = (("segment", "customers", "ltv"), [[f"客群{k}", 4100, 8000] for k in range(10)])
    case.drop_campaign("pool_customers")
    risk_rows = case.rows("risks")
    for i in range(8):
        risk_rows.append([f"附加风险{i}", "低", "中", None, None, None, None, "关注", "运营", None])
    results = compute(load(case.xlsx(tmp_path / "x.xlsx")).model, draws=200)
    out = tmp_path / "out"
    out.mkdir()
    write_documents(results, out, "zh", html=False)
    n = pages(out / "proposal.pdf")
    assert n > 18
    continued = [p for p in range(1, n + 1) if "加班补贴39" in pdftotext(out / "proposal.pdf", p)]
    assert continued and "计算依据" in pdftotext(out / "proposal.pdf", continued[0])  # the header repeats
    assert all(f"{p} / {n}" in pdftotext(out / "proposal.pdf", p) for p in (1, n))


SPARSE_KEEPS = ("funnel", "budget", "revenue")  # with the campaign sheet: the required sheets only


def sparse_case(case):
    for name in [k for k in case.sheets if k not in SPARSE_KEEPS]:
        del case.sheets[name]
    case.sheets["budget"] = (case.sheets["budget"][0], [r for r in case.rows("budget") if not r[7]])  # no memo
    return case


def test_sparse_input_leaves_empty_pages_out_and_numbers_follow(case, tmp_path):
    from generator.render.deck_slides import slides_of

    results = compute(load(sparse_case(case).xlsx(tmp_path / "x.xlsx")).model, draws=200)
    out = tmp_path / "out"
    out.mkdir()
    write_documents(results, out, "zh", html=False)
    n = pages(out / "proposal.pdf")
    assert n == 8  # exec, base, offer, funnel, summary, lines a and b, ROI
    titles = ["执行摘要", "客户基盘现状", "目标客群、权益与渠道", "转化漏斗与可行性", "七大类预算汇总"]
    titles += ["明细（一）：权益与推广", "明细（二）：系统、人力、履约与管理", "收入构成与投资回报"]
    for p, title in enumerate(titles, start=1):
        text = pdftotext(out / "proposal.pdf", p)
        assert title in text and re.search(rf"\b{p} ?/ ?{n}\s*$", text), p
    assert "应急储备 = 六项成本合计" in pdftotext(
        out / "proposal.pdf", 5
    )  # the reserve's sentence moves to the summary
    subtitles = [s.subtitle for s in slides_of(proposal_view(results, "zh"))]
    assert not {"机会、时机与竞争", "SMART目标与目标体系", "时间计划", "应急储备与收入端项目", "风险清单"} & set(
        subtitles
    )


def test_long_timeline_and_register_chart_the_top_and_the_rest(case, tmp_path):
    import datetime as dt

    from generator.render.tables import spread

    phases = case.rows("timeline")
    for k in range(1000):
        phases.append([f"阶段{k:04d}", dt.date(2024, 5, 1), dt.date(2024, 5, 1) + dt.timedelta(days=k % 7)])
    risks = case.rows("risks")
    demo_risks = len(risks)
    for k in range(1000):
        risks.append([f"风险{k:04d}", "低", "低", *risks[0][3:]])
    view = proposal_view(compute(load(case.xlsx(tmp_path / "x.xlsx")).model, draws=200), "zh")
    gantt = view.plan.timeline_chart
    assert len(gantt.data["labels"]) == 16 and gantt.data["labels"][-1] == f"其余 {len(phases) - 15:,} 个阶段"
    assert gantt.title == "时间计划（最长的 15 个阶段，其余合为一行）"
    assert len(view.plan.timeline_table.rows) == len(phases)  # the table keeps every phase
    matrix = view.risk.matrix_chart
    # the demo's risks score above 低 × 低 (1); the first added ones fill the rest, numbered as in the register
    assert matrix.data["numbers"] == list(range(1, 13)) and demo_risks < 12
    assert matrix.title == f"风险矩阵（标注得分最高的 12 项，其余 {len(risks) - 12:,} 项见风险清单）"
    assert len(view.risk.register.rows) == len(risks)
    spots = spread([(3, 4)] * 12)  # more than five in a cell: a grid inside it
    assert len(set(spots)) == 12 and all(2.5 < x < 3.5 and 3.5 < y < 4.5 for x, y in spots)


def test_chart_cache_serves_the_same_chart_and_draws_a_changed_one(tmp_path, monkeypatch):
    from generator.render import chart_cache, charts
    from generator.render.tables import Chart

    drawn: list[str] = []
    real = charts.draw
    monkeypatch.setattr(charts, "draw", lambda c, folder: drawn.append(c.title) or real(c, folder))
    bar = Chart("roi", "bars", "ROI", {"labels": ["甲", "乙"], "values": [1.0, 2.0], "fmt": "ratio"})
    cache = tmp_path / "cache"
    first = charts.draw_all([bar], tmp_path / "a", cache)[0]
    second = charts.draw_all([bar], tmp_path / "b", cache)[0]
    assert drawn == ["ROI"] and second.read_bytes() == first.read_bytes()
    charts.draw_all([Chart("roi", "bars", "ROI 2", dict(bar.data))], tmp_path / "c", cache)
    assert drawn == ["ROI", "ROI 2"] and len(list(cache.glob("*.png"))) == 2
    monkeypatch.setattr(chart_cache, "LIMIT", 1)
    charts.draw_all([bar], tmp_path / "d", cache)  # used last: kept; the other pruned
    assert [p.name for p in cache.glob("*.png")] == [chart_cache.ChartCache(cache, charts.CODE).key(bar).name]
    assert not list(cache.glob(".drawing-*"))
