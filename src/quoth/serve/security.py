"""Security middleware: response headers on every answer, and the gate in front of the write API
(bearer token, then body size) that runs before any body is parsed.
"""

from __future__ import annotations

import hmac
import json

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
WRITE_PREFIX = "/api/"


class SecurityHeaders:
    """Adds the CSP (no inline script, nothing from another origin), ``nosniff`` and
    ``Referrer-Policy`` to every HTTP response (pure ASGI: streaming responses keep streaming)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class WriteGate:
    """In front of ``/api/``: 403 when no token is configured (saying how to configure one), 401
    without the right ``Authorization: Bearer`` token, 413 when the body is over ``max_bytes``
    (by ``Content-Length``, or counted as it streams in)."""

    def __init__(self, app, *, token: str | None, max_bytes: int):
        self.app = app
        self.token = token
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(WRITE_PREFIX):
            return await self.app(scope, receive, send)
        if not self.token:
            return await _error(send, 403, "writing is disabled: start quoth serve with --token-file FILE "
                                           "(or QUOTH_TOKEN set) and send 'Authorization: Bearer TOKEN'")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        given = headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), self.token.encode()):
            return await _error(send, 401, "a valid 'Authorization: Bearer TOKEN' header is needed to write",
                                extra=[(b"www-authenticate", b'Bearer realm="quoth"')])
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return await _error(send, 400, "Content-Length is not a number")
            if int(length) > self.max_bytes:
                return await _error(send, 413, f"the body is {int(length):,} bytes, over the limit of "
                                               f"{self.max_bytes:,} (--max-bytes)")
        seen = 0
        too_big = False

        async def counted():
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    too_big = True
                    return {"type": "http.disconnect"}
            return message

        started = False

        async def tracked_send(message):
            nonlocal started
            if too_big:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked_send)
        except Exception:  # the app saw the body cut short: answer 413, not its error
            if not too_big:
                raise
        if too_big and not started:
            await _error(send, 413, f"the body is over the limit of {self.max_bytes:,} bytes (--max-bytes)")


async def _error(send, status: int, message: str, extra: list | None = None) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": body})
