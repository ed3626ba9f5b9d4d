"""HTML → PDF with WeasyPrint, fetching only the project's own assets.

The fetcher serves ``file://`` URLs whose real path lies under an allowed
root (the templates folder and the build's own folder); it refuses and logs
everything else — http(s), data, other files, links pointing out — and
follows no redirects.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .env import TEMPLATES

LOG = logging.getLogger("budgetgen.fetch")


class AssetFetcher(URLFetcher):
    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)
        self.roots = [Path(r).resolve() for r in roots]
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if path.is_file() and any(path.is_relative_to(root) for root in self.roots):
                self.served.append(url)
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        LOG.warning("refused to fetch %s", url)
        raise ValueError(f"budgetgen fetches only its own assets; refused {url}")


def write_pdf(html: str, folder: Path, target: Path) -> AssetFetcher:
    """Render ``html`` (its relative URLs resolved in ``folder``) to ``target``."""
    fetcher = AssetFetcher([TEMPLATES, folder])
    HTML(string=html, base_url=str(folder.resolve()) + "/", url_fetcher=fetcher).write_pdf(target)
    return fetcher
