"""The pages people use: campaigns, a campaign with its live what-if, documents, tracking, retro.

Each handler gathers data from the engine and the views, then renders one template of the one
autoescaping Environment; htmx swaps the figures and the documents list in place.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import InputError, Problem
from .api import read_upload
from .context import LANG_COOKIE, LANGS, app_of, lang_of, problem_dicts, what_if
from .texts import texts


def page(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    from ..render.env import render

    lang = lang_of(request)
    # the language switch comes back here: a page answering a form comes back to the page of the form
    here = request.url.path if request.method == "GET" else request.url.path.rsplit("/", 1)[0] or "/"
    html = render(f"web/{template}", lang=lang, tx=texts(lang), path=here, **context)
    return HTMLResponse(html, status)


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def problems_page(request: Request, problems: list[Problem] | list[dict] | Response, back: str = "/") -> HTMLResponse:
    """The problems of a form's upload, each with its location; ``problems`` may be the API's 422 answer."""
    if isinstance(problems, Response):
        problems = json.loads(bytes(problems.body))["problems"]
    return page(request, "problems.html.j2", 422, problems=problem_dicts(problems, lang_of(request)), back=back)


async def home(request: Request) -> Response:
    from .view import campaign_rows

    return page(request, "home.html.j2", campaigns=campaign_rows(app_of(request).store.campaigns()))


async def upload(request: Request) -> Response:
    got = await read_upload(request, (".xlsx",))
    if isinstance(got, Response):
        return problems_page(request, got)
    outcome = await run_in_threadpool(app_of(request).engine.upload, *got)
    return _see(f"/campaigns/{outcome.version.campaign}")


async def upload_version(request: Request) -> Response:
    cid = int(request.path_params["id"])
    got = await read_upload(request, (".xlsx",))
    if isinstance(got, Response):
        return problems_page(request, got, f"/campaigns/{cid}")
    if app_of(request).store.latest(cid) is None:
        return page(request, "missing.html.j2", 404)
    await run_in_threadpool(app_of(request).engine.upload, *got, cid)
    return _see(f"/campaigns/{cid}")


def template_bytes(kind: str, lang: str) -> bytes:
    from .. import demo_c3, demo_case
    from ..io.input_writer import blank_case, write_input_workbook

    with tempfile.TemporaryDirectory(prefix="budgetgen-template-") as tmp:
        path = Path(tmp) / "template.xlsx"
        if kind == "blank":
            write_input_workbook(path, *blank_case(demo_case.SHEETS, demo_c3.SHEETS), lang=lang, examples=True)
        else:
            write_input_workbook(path, demo_case.CAMPAIGN, demo_case.SHEETS, lang=lang)
        return path.read_bytes()


async def template(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in ("blank", "demo"):
        return page(request, "missing.html.j2", 404)
    data = await run_in_threadpool(template_bytes, kind, lang_of(request))
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    headers = {"content-disposition": f'attachment; filename="budgetgen-{kind}.xlsx"'}
    return Response(data, media_type=media, headers=headers)


async def new_demo(request: Request) -> Response:
    lang = lang_of(request)
    data = await run_in_threadpool(template_bytes, "demo", lang)
    outcome = await run_in_threadpool(app_of(request).engine.upload, f"demo-{lang}.xlsx", data)
    return _see(f"/campaigns/{outcome.version.campaign}")


async def campaign(request: Request) -> Response:
    from .view import fields, figures

    state, lang = app_of(request), lang_of(request)
    cid = int(request.path_params["id"])
    versions = state.store.versions(cid)
    if not versions:
        return page(request, "missing.html.j2", 404)
    try:
        v, loaded, results = await run_in_threadpool(state.engine.current, cid)
    except InputError as exc:
        return page(
            request,
            "draft.html.j2",
            version=versions[-1],
            versions=versions,
            problems=problem_dicts(exc.problems, lang),
        )
    return page(
        request,
        "campaign.html.j2",
        version=v,
        versions=versions,
        campaign_name=results.model.campaign.name,
        warnings=problem_dicts(loaded.warnings, lang),
        f=figures(results, lang),
        groups=fields(results, lang),
        builds=state.store.builds(cid, v.version),
    )


async def whatif(request: Request) -> Response:
    from .view import figures, overrides_from_form

    state, lang = app_of(request), lang_of(request)
    cid = int(request.path_params["id"])
    form = await request.form(max_files=0, max_fields=10_000)
    try:
        _, _, base = await run_in_threadpool(state.engine.current, cid)
        overrides = overrides_from_form(dict(form), base)
        html = await what_if(
            request,
            state.engine.answer,
            cid,
            overrides,
            form.get("monte_carlo") == "on",
            ("html", lang),
            lambda results: page(request, "figures.html.j2", f=figures(results, lang), changed=len(overrides)).body,
        )
    except InputError as exc:
        return page(request, "problem_list.html.j2", problems=problem_dicts(exc.problems, lang))
    except KeyError:
        return page(request, "missing.html.j2", 404)
    return HTMLResponse(html)


async def save(request: Request) -> Response:
    from .view import overrides_from_form

    state = app_of(request)
    cid = int(request.path_params["id"])
    form = await request.form(max_files=0, max_fields=10_000)
    try:
        _, _, base = await run_in_threadpool(state.engine.current, cid)
        overrides = overrides_from_form(dict(form), base)
        await run_in_threadpool(state.engine.save, cid, overrides, str(form.get("note", ""))[:500])
    except InputError as exc:
        return problems_page(request, exc.problems, f"/campaigns/{cid}")
    except KeyError:
        return page(request, "missing.html.j2", 404)
    return _see(f"/campaigns/{cid}")


async def build(request: Request) -> Response:
    state = app_of(request)
    cid = int(request.path_params["id"])
    form = await request.form(max_files=0, max_fields=10)
    v = state.store.latest(cid)
    if v is None or v.draft:
        return page(request, "missing.html.j2", 404)
    lang = form.get("lang") if form.get("lang") in LANGS else lang_of(request)
    state.jobs.submit(cid, v.version, state.store.workbook_path(v), str(lang), form.get("pptx") == "on")
    return _see(f"/campaigns/{cid}#documents")


async def builds(request: Request) -> Response:
    state = app_of(request)
    cid = int(request.path_params["id"])
    v = state.store.latest(cid)
    found = state.store.builds(cid, v.version) if v else []
    return page(request, "builds.html.j2", version=v, builds=found)


async def follow_up(request: Request) -> Response:
    """Tracking or retro from an uploaded file, shown as a page (the files kept as a build)."""
    from .api_files import follow_up_view

    kind = request.path_params["kind"]
    cid = int(request.path_params["id"])
    if kind not in ("tracking", "retro"):
        return page(request, "missing.html.j2", 404)
    suffixes = (".csv", ".xlsx") if kind == "tracking" else (".xlsx",)
    got = await read_upload(request, suffixes)
    if isinstance(got, Response):
        return problems_page(request, got, f"/campaigns/{cid}")
    try:
        build_id, view, version = await run_in_threadpool(
            follow_up_view, app_of(request), kind, cid, *got, lang_of(request)
        )
    except InputError as exc:
        return problems_page(request, exc.problems, f"/campaigns/{cid}")
    build_files = app_of(request).store.build(build_id)["files"]
    return page(request, f"{kind}.html.j2", v=view, cid=cid, version=version, files=build_files)


async def switch_lang(request: Request) -> Response:
    lang = request.path_params["lang"]
    back = request.query_params.get("next", "/")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"
    response = _see(back)
    if lang in LANGS:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict")
    return response


async def compare_page(request: Request) -> Response:
    """Two versions compared: the bridges as charts, the figures and every changed cell."""
    from ..render.compare import comparison_view
    from .api import compare_query
    from .svg import waterfall

    state, lang = app_of(request), lang_of(request)
    cid = int(request.path_params["id"])
    query = compare_query(request)
    if isinstance(query, Response):
        return problems_page(request, query, f"/campaigns/{cid}")
    try:
        cmp = await run_in_threadpool(state.engine.compare, cid, *query)
    except KeyError:
        return page(request, "missing.html.j2", 404)
    except InputError as exc:
        return problems_page(request, exc.problems, f"/campaigns/{cid}")
    v = comparison_view(cmp, lang)
    charts = {
        name: waterfall(chart.title, chart.data) if chart is not None else None
        for name, chart in (("budget_svg", v.budget_chart), ("roi_svg", v.roi_chart))
    }
    return page(request, "compare.html.j2", v=v, cid=cid, old=query[0], new=query[1], **charts)


def page_routes() -> list[Route]:
    from .segment import segment_page

    c = "/campaigns/{id:int}"
    return [
        Route("/", home),
        Route("/campaigns", upload, methods=["POST"]),
        Route("/campaigns/demo", new_demo, methods=["POST"]),
        Route("/templates/{kind}.xlsx", template),
        Route(c, campaign),
        Route(c + "/upload", upload_version, methods=["POST"]),
        Route(c + "/whatif", whatif, methods=["POST"]),
        Route(c + "/save", save, methods=["POST"]),
        Route(c + "/build", build, methods=["POST"]),
        Route(c + "/builds", builds),
        Route(c + "/segment", segment_page, methods=["POST"]),
        Route(c + "/compare", compare_page),
        Route(c + "/{kind:str}", follow_up, methods=["POST"]),
        Route("/lang/{lang}", switch_lang),
    ]
