"""The one-shot loopback HTTP listener that receives the authorization response (RFC 8252, section 7.3)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import parse_qsl, urlsplit

log = logging.getLogger("privadmin.oidc")

CALLBACK_PATH = "/callback"
# A browser's request line and headers fit easily; anything bigger is not a browser.
MAX_REQUEST_BYTES = 16 * 1024
# How long a connection may take to send its request before it is dropped.
READ_TIMEOUT_SECONDS = 10.0

_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>privadmin</title>
<style>body{{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.5}}</style>
</head><body>
<h1>{title_da}</h1><p>{text_da}</p>
<h1 lang="en">{title_en}</h1><p lang="en">{text_en}</p>
</body></html>
"""

SIGNED_IN_PAGE = _PAGE.format(
    title_da="Du er logget ind",
    text_da="Du kan lukke dette vindue og vende tilbage til privadmin.",
    title_en="You are signed in",
    text_en="You can close this window and return to privadmin.",
)
FAILED_PAGE = _PAGE.format(
    title_da="Log ind mislykkedes",
    text_da="Du kan lukke dette vindue. Vend tilbage til privadmin for at se hvorfor.",
    title_en="Sign-in failed",
    text_en="You can close this window. Return to privadmin to see why.",
)
NOT_FOUND_PAGE = _PAGE.format(
    title_da="Ikke fundet",
    text_da="Siden findes ikke.",
    title_en="Not found",
    text_en="This page does not exist.",
)
FINISHED_PAGE = _PAGE.format(
    title_da="Allerede afsluttet",
    text_da="Dette log ind er allerede afsluttet. Du kan lukke dette vindue.",
    title_en="Already finished",
    text_en="This sign-in has already finished. You can close this window.",
)


class LoopbackListener:
    """Listens on 127.0.0.1 on an ephemeral port for one request to the callback path.

    The first GET of the callback path ends the wait with its query parameters,
    whatever they contain; the caller checks state and sends the page through
    `respond`. Other paths get 404 and do not end the wait.
    """

    def __init__(self, *, host: str = "127.0.0.1", path: str = CALLBACK_PATH) -> None:
        self._host = host
        self._path = path
        self._server: asyncio.Server | None = None
        self._callback: asyncio.Future[dict[str, str]] | None = None
        self._page: asyncio.Future[tuple[int, str]] | None = None
        # Connections that have not yet sent a complete request head.
        self._reading: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def redirect_uri(self) -> str:
        return f"http://{self._host}:{self.port}{self._path}"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._callback = loop.create_future()
        self._page = loop.create_future()
        self._server = await asyncio.start_server(
            self._accept, self._host, 0, limit=MAX_REQUEST_BYTES
        )
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("Loopback listener started on %s:%d", self._host, self.port)

    @property
    def callback_received(self) -> bool:
        return self._callback is not None and self._callback.done()

    async def callback(self) -> dict[str, str]:
        """Wait for the callback request and return its query parameters."""
        assert self._callback is not None, "start() first"
        return await asyncio.shield(self._callback)

    def respond(self, *, success: bool) -> None:
        """Send the result page to the waiting browser, and stop listening."""
        if self._page is not None and not self._page.done():
            self._page.set_result((200, SIGNED_IN_PAGE) if success else (400, FAILED_PAGE))
        self.close()

    def close(self) -> None:
        """Stop accepting connections. Safe to call more than once."""
        self._stop_listening()
        if self._page is not None and not self._page.done():
            self._page.set_result((400, FAILED_PAGE))
        for task in self._reading:
            task.cancel()

    def _stop_listening(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
            log.info("Loopback listener on port %d stopped", self.port)

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.ensure_future(self._serve(reader, writer))
        self._reading.add(task)
        task.add_done_callback(self._reading.discard)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            target = await asyncio.wait_for(_read_request_target(reader), READ_TIMEOUT_SECONDS)
            current = asyncio.current_task()
            if current is not None:
                self._reading.discard(current)
            if target is None:
                await _write(writer, 400, NOT_FOUND_PAGE)
                return

            parts = urlsplit(target)
            if parts.path != self._path:
                log.info("Loopback listener: 404 for a request to %s", parts.path[:100])
                await _write(writer, 404, NOT_FOUND_PAGE)
                return

            assert self._callback is not None and self._page is not None
            if self._callback.done():
                log.warning("Loopback listener: rejected a second callback")
                await _write(writer, 409, FINISHED_PAGE)
                return

            # One-shot: stop listening at once, so that no later request reaches the app.
            self._stop_listening()
            self._callback.set_result(dict(parse_qsl(parts.query, keep_blank_values=True)))
            status, page = await self._page
            await _write(writer, status, page)
        except (
            TimeoutError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ConnectionError,
            ValueError,
        ) as error:
            log.info("Loopback listener: dropped a connection: %r", error)
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()


async def _read_request_target(reader: asyncio.StreamReader) -> str | None:
    """Read one HTTP/1.1 request head and return the target of a GET, or None for anything else."""
    head = await reader.readuntil(b"\r\n\r\n")
    request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    fields = request_line.split(" ")
    if len(fields) != 3 or fields[0] != "GET" or not fields[2].startswith("HTTP/1."):
        return None
    return fields[1]


async def _write(writer: asyncio.StreamWriter, status: int, page: str) -> None:
    reasons = {200: "OK", 400: "Bad Request", 404: "Not Found", 409: "Conflict"}
    body = page.encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {reasons[status]}\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        "Connection: close\r\n\r\n"
    )
    writer.write(head.encode("ascii") + body)
    await writer.drain()
