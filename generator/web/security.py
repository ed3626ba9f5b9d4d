"""The web app's guard, in front of every route (a plain ASGI middleware).

- ``Host`` must be a name the server is bound to (or localhost): DNS rebinding → 400.
- A state-changing request from another origin (``Origin`` / ``Sec-Fetch-Site``) → 403.
- With a token (always, off loopback): ``Authorization: Bearer``, or the cookie set by the first
  ``/?token=`` visit, compared in constant time; otherwise 401.
- A body over the limit → 413, by ``Content-Length`` before reading, or while streaming.
- Every response carries a Content-Security-Policy without inline script, ``nosniff`` and
  ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlencode, urlsplit

from ..errors import Msg, Problem, msg

MAX_BODY = 20 * 1024 * 1024
COOKIE = "budgetgen_token"
SAFE = {"GET", "HEAD", "OPTIONS"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; frame-src 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def _lang(headers: dict) -> str:
    """The language of a refusal: the page's language switch, else Chinese."""
    cookie = SimpleCookie()
    with contextlib.suppress(Exception):
        cookie.load(headers.get("cookie", ""))
    given = cookie["budgetgen_lang"].value if "budgetgen_lang" in cookie else "zh"
    return given if given in ("zh", "en") else "zh"


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def allowed_hosts(host: str) -> set[str]:
    """The names a browser may put in ``Host``: the bound one and localhost; on a wildcard address,
    this machine's names and addresses too."""
    names = {host, *LOOPBACK}
    if host in ("0.0.0.0", "::", ""):
        me = socket.gethostname()
        names |= {me, socket.getfqdn()}
        with contextlib.suppress(OSError):
            names |= {str(info[4][0]) for info in socket.getaddrinfo(me, None)}
    return {n.lower() for n in names}


def _host_name(value: str) -> str:
    """``example:8750`` → example; ``[::1]:8750`` → ::1."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


async def _answer(send, status: int, message: Msg, lang: str = "zh") -> None:
    problem = Problem("request", message).as_dict(lang)
    body = json.dumps({"problems": [problem]}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(self, app, hosts: set[str], token: str | None, max_body: int = MAX_BODY):
        self.app, self.hosts, self.token, self.max_body = app, hosts, token, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        lang = _lang(headers)
        refusal = self._refusal(scope, headers)
        if refusal:
            return await _answer(send, *refusal, lang)
        if self.token and not self._authorised(scope, headers):
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            if scope["method"] == "GET" and self._same(query.get("token", [""])[0]):
                return await self._set_cookie(scope, query, send)
            return await _answer(send, 401, msg("a token is needed: open the address the server printed"), lang)
        return await self._pass(scope, receive, send)

    def _refusal(self, scope, headers: dict) -> tuple[int, Msg] | None:
        if _host_name(headers.get("host", "")) not in self.hosts:
            return 400, msg("unknown Host header")
        if scope["method"] not in SAFE:
            origin = headers.get("origin")
            site = headers.get("sec-fetch-site", "same-origin")
            if (origin and urlsplit(origin).netloc.lower() != headers.get("host", "").lower()) or site not in (
                "same-origin",
                "none",
            ):
                return 403, msg("a request from another site was refused")
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body:
            return 413, msg("the request is larger than {mb} MB", mb=self.max_body // (1024 * 1024))
        return None

    def _same(self, given: str) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), (self.token or "").encode())

    def _authorised(self, scope, headers: dict) -> bool:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and self._same(auth[7:].strip()):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:
            return False
        return COOKIE in cookie and self._same(cookie[COOKIE].value)

    async def _set_cookie(self, scope, query: dict, send) -> None:
        """The first visit with ``?token=``: remember it in a cookie and reload without it in the address."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"}, doseq=True)
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict".encode()
        headers = [(b"location", location.encode()), (b"set-cookie", cookie), (b"content-length", b"0"), *HEADERS]
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _pass(self, scope, receive, send):
        seen = 0
        refused = False

        async def counted():
            """A streamed body past the limit: answer 413 now and tell the app the client left."""
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body and not refused:
                refused = True
                await _answer(send, 413, msg("the request is larger than {mb} MB", mb=self.max_body // (1024 * 1024)))
            return {"type": "http.disconnect"} if refused else message

        async def secured(message):
            if refused:
                return  # the 413 went out already
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except Exception:
            if not refused:
                raise  # a bug stays a bug
            # the app saw the client leave after the 413; nothing more to say
