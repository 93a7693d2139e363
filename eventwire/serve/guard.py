"""What the server lets in: request size, Host names, the API token, and what rows show.

* Bodies over ``max_body_bytes`` get 413 before they are read whole (``Content-Length``, or
  counted as they arrive).
* ``allowed_hosts``: requests whose ``Host`` header names another host get 400, so a web
  page elsewhere cannot reach the server through DNS rebinding. ``eventwire serve`` always
  sets it: the loopback names, plus the names given with ``--allow-host`` when it binds
  beyond loopback (``*`` accepts any).
* ``token``: compute endpoints (``/api/extract``) need ``Authorization: Bearer <token>``
  (401 otherwise); reads stay open.
* ``articles.origin`` is the path a record was read from on the server; it is shown as the
  file's name only (``feed.jsonl:12``) unless ``show_origin``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from fastapi import HTTPException, Request

from eventwire.serve.extract import ExtractLimits

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class ServeOptions:
    token: str | None = None
    allowed_hosts: tuple[str, ...] | None = None  # None: any Host (tests, embedding)
    show_origin: bool = False
    max_body_bytes: int = 1_000_000
    extract: ExtractLimits = field(default_factory=ExtractLimits)
    model: str = "md"  # the spaCy model /api/extract's workers load


class TooLarge(HTTPException):
    """Raised while a body is read past the limit; FastAPI answers it as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is over the limit of {limit:,} bytes")


class BodyLimit:
    """ASGI middleware: 413 for a body over ``limit`` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _json(send, 413, f"request body is over the limit of {self.limit:,} bytes")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


class HostCheck:
    """ASGI middleware: 400 unless the ``Host`` header names an allowed host."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.any = "*" in allowed
        self.allowed = {name.lower().strip("[]") for name in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.any:
            host = host_name(_header(scope, b"host") or "")
            if host not in self.allowed:
                detail = f"Host {host!r} is not served here; start eventwire serve with --allow-host {host}"
                await _json(send, 400, detail)
                return
        await self.app(scope, receive, send)


def allowed_hosts(bind: str, given: list[str]) -> tuple[str, ...]:
    """Host names to accept: loopback's, the ones given, and when bound beyond loopback the
    address itself and this machine's names (a page elsewhere still cannot use its own)."""
    import socket

    names = [*LOOPBACK_NAMES, *given]
    if bind not in LOOPBACK_NAMES:
        if bind not in ("0.0.0.0", "::", ""):
            names.append(bind)
        names += [socket.gethostname(), socket.getfqdn()]
    return tuple(dict.fromkeys(name.lower() for name in names if name))


def host_name(header: str) -> str:
    """The name of a ``Host`` header without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def token_check(token: str | None) -> Callable[[Request], None]:
    """A FastAPI dependency: the request must carry the token (nothing to check without one)."""

    def check(request: Request) -> None:
        if token is None:
            return
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise HTTPException(401, "this endpoint needs the server's API token (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip

    return check


def public_origin(origin: str | None) -> str | None:
    """The origin without the server's folders: a path's file name (and ``:line``); URLs
    and ``<stdin>`` as they are."""
    if not origin or origin.startswith(("http://", "https://", "<")):
        return origin
    path, sep, line = origin.rpartition(":")
    if not (sep and line.isdigit()):
        path, line = origin, ""
    name = PurePath(path).name or path
    return f"{name}:{line}" if line else name


def hide_origins(row: dict[str, Any], show: bool) -> dict[str, Any]:
    if not show and "origin" in row:
        row["origin"] = public_origin(row["origin"])
    return row


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def _json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
