"""The loopback listener on its own: parsing, stray requests and closing."""

from __future__ import annotations

import asyncio

from privadmin.oidc.loopback import MAX_REQUEST_BYTES, LoopbackListener


async def exchange(port: int, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    response = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return response


def test_callback_parameters_returned() -> None:
    async def scenario() -> None:
        listener = LoopbackListener()
        await listener.start()
        assert listener.redirect_uri == f"http://127.0.0.1:{listener.port}/callback"

        request = b"GET /callback?code=abc&state=xyz%20z HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        browser = asyncio.ensure_future(exchange(listener.port, request))
        parameters = await asyncio.wait_for(listener.callback(), 5)
        assert parameters == {"code": "abc", "state": "xyz z"}

        listener.respond(success=True)
        response = await browser
        assert response.startswith(b"HTTP/1.1 200 OK\r\n")
        assert b"Cache-Control: no-store" in response
        assert b"Du er logget ind" in response

    asyncio.run(scenario())


def test_post_and_garbage_rejected() -> None:
    async def scenario() -> None:
        listener = LoopbackListener()
        await listener.start()

        post = await exchange(listener.port, b"POST /callback HTTP/1.1\r\nHost: x\r\n\r\n")
        garbage = await exchange(listener.port, b"hello\r\n\r\n")
        assert post.startswith(b"HTTP/1.1 400 ")
        assert garbage.startswith(b"HTTP/1.1 400 ")
        assert not listener.callback_received
        listener.close()

    asyncio.run(scenario())


def test_oversized_request_dropped() -> None:
    async def scenario() -> None:
        listener = LoopbackListener()
        await listener.start()

        huge = b"GET /callback?" + b"a" * (MAX_REQUEST_BYTES + 10) + b" HTTP/1.1\r\n\r\n"
        response = await exchange(listener.port, huge)
        assert response == b""
        assert not listener.callback_received
        listener.close()

    asyncio.run(scenario())


def test_close_drops_idle_connection() -> None:
    async def scenario() -> None:
        listener = LoopbackListener()
        await listener.start()
        reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
        writer.write(b"GET /callb")
        await writer.drain()
        await asyncio.sleep(0.05)

        listener.close()
        # The listener closes the half-sent request at once, not after its read timeout.
        assert await asyncio.wait_for(reader.read(), 2) == b""
        writer.close()

    asyncio.run(scenario())
