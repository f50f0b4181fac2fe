"""ASGI middleware: request ids, access logging and the request body size limit."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("privserver.access")

REQUEST_ID_HEADER = b"x-request-id"
# A client-chosen request id is kept when it looks like an id, so it can be traced in both logs.
_SAFE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._-]{8,64}$")
# Well above a full batch of 5000 items (about 0.8 MB), far below what would strain the server.
MAX_BODY_BYTES = 4 * 1024 * 1024


class RequestContextMiddleware:
    """Gives every request an id (the X-Request-ID response header) and logs it without tokens."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = dict(scope.get("headers", []))
        offered = headers.get(REQUEST_ID_HEADER, b"")
        request_id = offered.decode() if _SAFE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message["headers"] = [
                    *message.get("headers", []),
                    (REQUEST_ID_HEADER, request_id.encode()),
                ]
            await send(message)

        try:
            length = headers.get(b"content-length", b"")
            if length.isdigit() and int(length) > self.max_body_bytes:
                await self._too_large(send_with_id, int(length))
            else:
                await self._call_limited(scope, receive, send_with_id)
        except Exception:
            log.exception("Request %s failed unexpectedly", request_id)
            if response_started:
                raise
            detail = f"an unexpected error occurred; quote request id {request_id} to support"
            await self._send_problem(send_with_id, 500, "Internal Server Error", detail)
        finally:
            # The query string is left out: it may carry search terms, and never needs a token.
            log.info(
                "%s %s %d %.1f ms request_id=%s",
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - started) * 1000,
                request_id,
            )

    async def _call_limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app, responding with 413 and cutting the body off once it exceeds the limit."""
        received = 0
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    rejected = True
                    await self._too_large(send, received)
                    # The app sees a disconnected client and stops reading.
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            # Whatever the app sends after the 413 has gone out is dropped.
            if not rejected:
                await send(message)

        await self.app(scope, limited_receive, guarded_send)

    async def _too_large(self, send: Send, length: int) -> None:
        detail = f"the request body has {length} bytes or more; at most {self.max_body_bytes} are accepted"
        await self._send_problem(send, 413, "Content Too Large", detail)

    @staticmethod
    async def _send_problem(send: Send, status: int, title: str, detail: str) -> None:
        body = json.dumps(
            {"type": "about:blank", "title": title, "status": status, "detail": detail}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
