"""`budgetgen serve`: the local web app (generator.web) on this machine.

Binds 127.0.0.1 unless told otherwise; off loopback a token is always asked (given, or made
and printed). Registers on the `budgetgen` group defined in cli.py.
"""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path

import click

from .cli_common import lang_option, main, say, t

SERVE_HELP = (
    "Open the web app: upload a workbook, try what-ifs, build the documents, track and review.\n\n\b\n"
    "Example:\n"
    "  budgetgen serve                       # → http://127.0.0.1:8750/\n"
    "  budgetgen serve --host 0.0.0.0        # on the office network, with a token"
)


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


@main.command(help=t(SERVE_HELP))
@click.option("--host", default="127.0.0.1", show_default=True, help=t("Address to listen on."))
@click.option("--port", type=click.IntRange(1, 65535), default=8750, show_default=True, help=t("Port to listen on."))
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=t("Folder of the app's store (default: the user's data folder)."),
)
@click.option("--token", default=None, help=t("Token asked of every request (made up and printed off loopback)."))
@click.option(
    "--jobs", type=click.IntRange(1, 16), default=1, show_default=True, help=t("Worker processes for documents.")
)
@lang_option
def serve(host: str, port: int, data: Path | None, token: str | None, jobs: int, lang: str) -> None:
    import secrets

    import uvicorn

    from .web.app import create_app
    from .web.security import allowed_hosts, is_loopback
    from .web.store import default_data_dir

    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(18)
    if not _port_free(host, port):
        say("{host}:{port} is in use; choose another with --port", err=True, host=host, port=port)
        sys.exit(1)
    folder = data or default_data_dir()
    app = create_app(folder, token, jobs, allowed_hosts(host), lang=lang, rehearse=True)
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    address = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    say(
        "budgetgen serve: {address} (data: {folder}) — Ctrl+C stops",
        address=address + (f"?token={token}" if token else ""),
        folder=folder,
    )
    # uvicorn shuts down gracefully on Ctrl+C or SIGTERM (the worker pool closed by the app's lifespan),
    # then hands the signal to the handler it found: this one, so a requested stop exits 0
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, lambda *_: sys.exit(0))
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
