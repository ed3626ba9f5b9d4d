"""The JSON interface of SPEC §8: fixed routes that scripts and checks rely on.

Money and keys as results.json (the same :func:`results_dict`); every error is
``{"problems": [{"location", "message", "level"}]}`` in the request's language.
"""

from __future__ import annotations

import json
from decimal import Decimal

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from .. import __version__
from ..errors import InputError, Msg, Problem, msg
from ..jsonout import Money, dumps
from .context import app_of, lang_of, problem_dicts, what_if

MAX_UPLOADS = 1


def _json(value: object, status: int = 200) -> Response:
    return Response(dumps(value, indent=1) + "\n", status, media_type="application/json")


def problems(items: list[Problem] | list[dict], lang: str, status: int = 422, **extra: object) -> Response:
    return _json({**extra, "problems": problem_dicts(items, lang)}, status)


def refuse(request: Request, location: str, message: Msg, status: int) -> Response:
    return problems([Problem(location, message)], lang_of(request), status)


def results_of(results, lang: str) -> dict:
    from ..io.results_json import results_dict

    return results_dict(results, lang)


async def read_upload(request: Request, suffixes: tuple[str, ...]) -> tuple[str, bytes] | Response:
    """The multipart field ``file``: its name and bytes, or a 422 saying what is wrong."""
    lang = lang_of(request)
    try:
        form = await request.form(max_files=MAX_UPLOADS, max_fields=8)
    except (HTTPException, MultiPartException):  # a malformed form: the user's problem, not a crash
        return problems([Problem("file", msg('send the file as the multipart form field "file"'))], lang)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return problems([Problem("file", msg('no file: send it as the form field "file"'))], lang)
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
    if not name.lower().endswith(suffixes):
        return problems([Problem(name, msg("is not one of {kinds}", kinds=", ".join(suffixes)))], lang)
    return name, await upload.read()


async def health(request: Request) -> Response:
    return _json({"ok": True, "version": __version__})


async def create_campaign(request: Request) -> Response:
    got = await read_upload(request, (".xlsx",))
    if isinstance(got, Response):
        return got
    lang = lang_of(request)
    outcome = await run_in_threadpool(app_of(request).engine.upload, *got)
    v = outcome.version
    if outcome.results is None:
        return problems(outcome.problems, lang, id=v.campaign, version=v.version)
    body = {
        "id": v.campaign,
        "version": v.version,
        "fingerprint": v.fingerprint,
        "warnings": problem_dicts(outcome.warnings, lang),
        "results": results_of(outcome.results, lang),
    }
    return _json(body, 201)


def _money(value: str | None) -> Money | None:
    return Money(Decimal(value)) if value is not None else None


async def list_campaigns(request: Request) -> Response:
    rows = app_of(request).store.campaigns()
    for row in rows:
        row["budget_total"] = _money(row["budget_total"])
        row["roi_total"] = Decimal(row["roi_total"]) if row["roi_total"] is not None else None
    return _json(rows)


def _campaign_id(request: Request) -> int | None:
    try:
        return int(request.path_params["id"])
    except (KeyError, ValueError):
        return None


async def current(request: Request):
    """(id, version, loaded, results) of the campaign in the path, or the Response that refuses."""
    lang = lang_of(request)
    cid = _campaign_id(request)
    try:
        return await run_in_threadpool(app_of(request).engine.current, cid)
    except KeyError:
        return refuse(request, "campaign", msg("no campaign {id}", id=request.path_params.get("id")), 404)
    except InputError as exc:
        return problems(exc.problems, lang)


async def get_campaign(request: Request) -> Response:
    got = await current(request)
    if isinstance(got, Response):
        return got
    v, _, results = got
    body = {"id": v.campaign, "version": v.version, "fingerprint": v.fingerprint}
    return _json({**body, "results": results_of(results, lang_of(request))})


async def _body(request: Request) -> dict | Response:
    try:
        data = json.loads(await request.body() or b"{}")
    except (ValueError, UnicodeDecodeError):
        return refuse(request, "request", msg("the body is not JSON"), 422)
    return data if isinstance(data, dict) else refuse(request, "request", msg("the body must be a JSON object"), 422)


async def body_and_campaign(request: Request):
    """(the JSON body, (version, loaded, results) of the campaign in the path), or the Response that refuses."""
    body = await _body(request)
    if isinstance(body, Response):
        return body
    got = await current(request)
    return got if isinstance(got, Response) else (body, got)


async def whatif(request: Request) -> Response:
    both = await body_and_campaign(request)
    if isinstance(both, Response):
        return both
    body, got = both
    lang, engine = lang_of(request), app_of(request).engine
    try:
        text = await what_if(
            request,
            engine.answer,
            got[0].campaign,
            body.get("overrides", {}),
            bool(body.get("monte_carlo")),
            ("json", lang),
            lambda results: dumps({"results": results_of(results, lang)}, indent=1) + "\n",
        )
    except InputError as exc:
        return problems(exc.problems, lang)
    return Response(text, media_type="application/json")


async def save_version(request: Request) -> Response:
    both = await body_and_campaign(request)
    if isinstance(both, Response):
        return both
    body, got = both
    lang, engine = lang_of(request), app_of(request).engine
    note = str(body.get("note") or "")[:500]
    try:
        outcome = await run_in_threadpool(engine.save, got[0].campaign, body.get("overrides", {}), note)
    except InputError as exc:
        return problems(exc.problems, lang)
    v = outcome.version
    if outcome.results is None:
        return problems(outcome.problems, lang, id=v.campaign, version=v.version)
    body = {"id": v.campaign, "version": v.version, "fingerprint": v.fingerprint}
    return _json({**body, "results": results_of(outcome.results, lang)}, 201)


def _version(request: Request):
    store = app_of(request).store
    cid = _campaign_id(request)
    try:
        number = int(request.path_params["v"])
    except ValueError:
        return None
    return store.get(cid, number) if cid is not None else None


async def workbook(request: Request) -> Response:
    v = _version(request)
    if v is None:
        return refuse(request, "version", msg("no such version"), 404)
    path = app_of(request).store.workbook_path(v)
    stem = v.filename.rsplit(".", 1)[0]
    return FileResponse(
        path,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=f"{stem}-v{v.version}.xlsx",
    )


def compare_query(request: Request) -> tuple[int, int, str] | Response:
    """``?from=&to=`` (version numbers) and ``group_by``, or the 422 that says what is wrong (all at once)."""
    from ..errors import Collector

    found = Collector()
    numbers = []
    for name in ("from", "to"):
        raw = request.query_params.get(name, "")
        if raw.isdigit():
            numbers.append(int(raw))
        else:
            found.error(name, "must be a version number, got {value}", value=repr(raw[:20]))
    by = request.query_params.get("group_by", "category")
    if by not in ("category", "sheet", "path"):
        found.error("group_by", "must be category, sheet or path, got {value}", value=repr(by[:20]))
    if found.has_errors:
        return problems(found.problems, lang_of(request))
    return numbers[0], numbers[1], by


async def compare(request: Request) -> Response:
    """SPEC §8: two versions of a campaign compared, as compare.json."""
    from ..io.compare_json import compare_dict

    query = compare_query(request)
    if isinstance(query, Response):
        return query
    lang, cid = lang_of(request), _campaign_id(request)
    try:
        cmp = await run_in_threadpool(app_of(request).engine.compare, cid, *query)
    except KeyError:
        return refuse(request, "version", msg("no such version"), 404)
    except InputError as exc:
        return problems(exc.problems, lang)
    return _json(compare_dict(cmp, lang))
