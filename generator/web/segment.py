"""The segment page: a customer export segmented as `budgetgen segment` does, and — when asked —
used in the campaign as `--into` does, the result kept as the campaign's next version."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import InputError, Problem, msg
from .api import read_upload
from .api_files import failed_on_input_error
from .context import app_of, lang_of


def run_segment(state, cid: int, name: str, data: bytes, as_of: dt.date | None, use: bool, lang: str):
    """(build id, the segments view, the version segmented against, the new version or None)."""
    from ..i18n.docs import messages
    from ..pipeline_segment import SegmentOptions, segment
    from ..segment.output import segments_view

    v, _, _ = state.engine.current(cid)
    build, out_dir = state.store.start_build(v.campaign, v.version, lang)
    with tempfile.TemporaryDirectory(prefix="budgetgen-segment-") as tmp:
        customers = Path(tmp) / f"customers{Path(name).suffix.lower()}"
        customers.write_bytes(data)
        into = Path(tmp) / "workbook.xlsx" if use else None
        if into is not None:
            shutil.copyfile(state.store.workbook_path(v), into)
        shown = {customers: name, **({into: v.filename} if into else {})}
        with failed_on_input_error(state.store, build, shown):
            report = segment(customers, out_dir, SegmentOptions(as_of=as_of, lang=lang), into)
        state.store.set_build(build, "done", report.files)
        new = state.engine.upload(v.filename, into.read_bytes(), cid, f"segments: {name}") if into else None
    return build, segments_view(report.segmentation, name, messages(lang)), v, new


async def segment_page(request: Request) -> Response:
    from .pages import page, problems_page

    cid = int(request.path_params["id"])
    got = await read_upload(request, (".csv", ".xlsx"))
    if isinstance(got, Response):
        return problems_page(request, got, f"/campaigns/{cid}")
    form = await request.form()
    as_of = None
    if form.get("as_of"):
        try:
            as_of = dt.date.fromisoformat(str(form["as_of"]))
        except ValueError:
            problem = Problem("as_of", msg("as_of must be a date like 2024-04-05"))
            return problems_page(request, [problem], f"/campaigns/{cid}")
    state, lang = app_of(request), lang_of(request)
    try:
        build, view, v, new = await run_in_threadpool(
            run_segment, state, cid, *got, as_of, form.get("use") == "on", lang
        )
    except InputError as exc:
        return problems_page(request, exc.problems, f"/campaigns/{cid}")
    files = (state.store.build(build) or {}).get("files", [])
    return page(request, "segment.html.j2", v=view, cid=cid, version=v, files=files, new=new)
