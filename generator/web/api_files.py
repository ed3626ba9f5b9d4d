"""The routes that make files: documents (a job in the worker pool), built files by name,
tracking and retro."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from ..errors import InputError, msg
from .api import _json, _version, body_and_campaign, current, problems, read_upload, refuse
from .context import LANGS, app_of, lang_of
from .engine import relabel

MEDIA = {
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}


async def documents(request: Request) -> Response:
    both = await body_and_campaign(request)
    if isinstance(both, Response):
        return both
    body, got = both
    lang = body.get("lang", lang_of(request))
    if lang not in LANGS:
        return refuse(request, "lang", msg('lang is "zh" or "en"'), 422)
    v = got[0]
    state = app_of(request)
    job = state.jobs.submit(v.campaign, v.version, state.store.workbook_path(v), lang, bool(body.get("pptx", True)))
    return _json({"job": job}, 202)


async def job(request: Request) -> Response:
    try:
        build = app_of(request).store.build(int(request.path_params["job"]))
    except ValueError:
        build = None
    if build is None:
        return refuse(request, "job", msg("no such job"), 404)
    out = {k: build[k] for k in ("state", "files", "problems")}
    return _json({"job": build["id"], "campaign": build["campaign"], "version": build["version"], **out})


def built_file(store, campaign: int, version: int, name: str) -> Path | None:
    """The newest finished build of the version whose manifest lists ``name``; the name is only
    ever compared with the manifest, never joined to a path as given."""
    for build in store.builds(campaign, version):
        if build["state"] == "done" and name in build["files"]:
            folder = store.build_dir(build)
            manifest = json.loads((folder / ".budgetgen.json").read_text(encoding="utf-8"))
            if name in manifest.get("files", []):
                return folder / name  # equal to a name the build wrote: no path of the request's making
    return None


async def file(request: Request) -> Response:
    v = _version(request)
    name = request.path_params["name"]
    path = built_file(app_of(request).store, v.campaign, v.version, name) if v else None
    if path is None or not path.is_file():
        return refuse(request, "file", msg("no such file in this version's documents"), 404)
    inline = path.suffix == ".pdf" and request.query_params.get("inline") == "1"
    return FileResponse(
        path,
        media_type=MEDIA.get(path.suffix, "application/octet-stream"),
        filename=path.name,
        content_disposition_type="inline" if inline else "attachment",
    )


def run_follow_up(state, kind: str, v, name: str, data: bytes, lang: str):
    """Run track or retro on the version's workbook and the uploaded file; kept as a build (its files
    served like the documents'). Returns the build's id and the pipeline's report."""
    from .. import pipeline

    build, out_dir = state.store.start_build(v.campaign, v.version, lang)
    with tempfile.TemporaryDirectory(prefix="budgetgen-upload-") as tmp:
        second = Path(tmp) / f"upload{Path(name).suffix.lower()}"
        second.write_bytes(data)
        run = pipeline.track if kind == "tracking" else pipeline.retro
        with failed_on_input_error(state.store, build, {second: name, state.store.workbook_path(v): v.filename}):
            report = run(state.store.workbook_path(v), second, out_dir, lang)
    state.store.set_build(build, "done", report.files)
    return build, report


@contextlib.contextmanager
def failed_on_input_error(store, build: int, shown: dict[Path, str]) -> Iterator[None]:
    """An InputError inside marks the build failed and is raised again, each temporary path in its
    locations replaced by the name the user knows it by."""
    try:
        yield
    except InputError as exc:
        store.set_build(build, "failed")
        problems = exc.problems
        for path, name in shown.items():
            problems = relabel(problems, path, name)
        raise InputError(problems) from exc


def follow_up_view(state, kind: str, cid: int, name: str, data: bytes, lang: str):
    """For the pages: the build, the tracking or retro view of the report, and the version."""
    from ..i18n.docs import messages

    v, _, results = state.engine.current(cid)
    build, report = run_follow_up(state, kind, v, name, data, lang)
    if kind == "tracking":
        from ..render.tracking import tracking_view as make
    else:
        from ..render.retro import retro_view as make
    return build, make(results, report.result, messages(lang), lang), v


async def _follow_up_route(request: Request, kind: str, suffixes: tuple[str, ...]) -> Response:
    got = await current(request)
    if isinstance(got, Response):
        return got
    upload = await read_upload(request, suffixes)
    if isinstance(upload, Response):
        return upload
    lang = lang_of(request)
    state = app_of(request)
    try:
        build, _ = await run_in_threadpool(run_follow_up, state, kind, got[0], *upload, lang)
    except InputError as exc:
        return problems(exc.problems, lang)
    folder = state.store.build_dir(state.store.build(build) or {})
    return Response((folder / f"{kind}.json").read_bytes(), media_type="application/json")


async def tracking(request: Request) -> Response:
    return await _follow_up_route(request, "tracking", (".csv", ".xlsx"))


async def retro(request: Request) -> Response:
    return await _follow_up_route(request, "retro", (".xlsx",))
