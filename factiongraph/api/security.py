"""What every answer of the server carries and checks: security headers, and the Host it was asked by.

The headers keep the UI from being framed (clickjacking), from running any script but its own (the
article text it shows is never markup, and the CSP makes sure of it) and from being content-sniffed.
The Host check stops DNS rebinding: a page on an attacker's domain that resolves to 127.0.0.1 sends
its own name as Host, so a server on loopback answers only to the names of the address it is bound to.
"""

from __future__ import annotations

import ipaddress
import json
import re
import socket
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_HOST = re.compile(r"(\[[0-9a-fA-F:.]+\]|[^\s:\[\]/@]+)(?::\d{1,5})?")
_WILDCARDS = ("0.0.0.0", "::", "")


def host_names(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to ``host`` answers to: the address itself, the loopback names for a
    loopback bind, this machine's name and addresses for a wildcard bind (0.0.0.0, ::), and ``extra`` (the
    names a reverse proxy or DNS gives it). Lower case; IPv6 addresses in brackets, as a Host header has them."""
    names = {_as_host(host), *(_as_host(name) for name in extra)}
    if _loopback(host):
        names.update(LOOPBACK_NAMES)
    if host in _WILDCARDS:
        names.update(LOOPBACK_NAMES)
        names.update(_as_host(name) for name in _machine_names())
    names.discard("")
    return frozenset(names)


def _as_host(name: str) -> str:
    """``::1`` -> ``[::1]``; names lower-cased."""
    name = name.strip().lower()
    return f"[{name}]" if ":" in name and not name.startswith("[") else name


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _machine_names() -> set[str]:
    """This machine's host name, its fully qualified name and the addresses they resolve to."""
    names = {socket.gethostname(), socket.getfqdn()}
    for name in list(names):
        try:
            names.update(str(info[4][0]) for info in socket.getaddrinfo(name, None))
        except OSError:
            continue
    return names


class SecurityMiddleware:
    """Adds :data:`SECURITY_HEADERS` to every answer and, given ``allowed_hosts``, answers a request whose
    Host header is not one of them with 400 in the API's error shape (no check when it is None)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = None if allowed_hosts is None else frozenset(_as_host(h) for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                taken = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in taken]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        if self.allowed_hosts is not None and not self._allowed(scope):
            await _refuse_host(with_headers)
            return
        await self.app(scope, receive, with_headers)

    def _allowed(self, scope: Scope) -> bool:
        assert self.allowed_hosts is not None
        values = [value for name, value in scope.get("headers", []) if name.lower() == b"host"]
        if len(values) != 1:
            return False
        match = _HOST.fullmatch(values[0].decode("latin-1"))
        return match is not None and match.group(1).lower() in self.allowed_hosts


async def _refuse_host(send: Send) -> None:
    message = "this server does not answer to that Host header: use the address it was started on (or --allow-host)"
    body = json.dumps({"error": {"status": 400, "message": message, "details": []}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
