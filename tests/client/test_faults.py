"""Faults injected below the API client: each gives the documented behaviour, retried only where safe."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

import httpx
import pytest

from privadmin.api_client import (
    AuthenticationError,
    PreconditionFailedError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    SignedOutError,
    TransportError,
    ValidationError,
)
from privadmin.models import AssignmentChange, PrivilegeChanges, PrivilegeDraft

pytestmark = pytest.mark.anyio

TIN = "DK12345678"
PRIVILEGE_ID = uuid.UUID("5f0c3a52-8d5e-4d8e-9b43-0d6b5c2f6a11")
IDENTITY_ID = uuid.UUID("0b8d1c9e-3f6a-4c2b-8e7d-1a2b3c4d5e6f")


def privilege_json(**changes: Any) -> dict[str, Any]:
    wire = {
        "id": str(PRIVILEGE_ID),
        "name": "Revisor",
        "descriptionDanish": "Adgang til regnskab",
        "descriptionEnglish": "Access to accounts",
        "assignability": "Public",
        "organizationTin": TIN,
        "created": "2026-01-02T03:04:05+00:00",
        "updated": "2026-01-02T03:04:05+00:00",
        "assignmentCount": 3,
    }
    wire.update(changes)
    return wire


def privileges_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=[privilege_json()])


def sequence(*responses: httpx.Response | Exception) -> Any:
    """A handler giving the responses in order (raising the exceptions), repeating the last."""
    remaining = list(responses)

    def handle(request: httpx.Request) -> httpx.Response:
        item = remaining.pop(0) if len(remaining) > 1 else remaining[0]
        if isinstance(item, Exception):
            raise item
        return item

    return handle


def problem(status: int, title: str, detail: str = "", **extra: Any) -> httpx.Response:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return httpx.Response(
        status, content=json.dumps(body), headers={"Content-Type": "application/problem+json"}
    )


class BrokenStream(httpx.AsyncByteStream):
    """A response body that breaks off after its first bytes, as when the connection drops."""

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        yield b'{"items": ['
        raise httpx.ReadError("connection reset by peer")


# Timeouts and dropped connections.


async def test_get_timeout_retried_then_raised(connect: Any, sleeps: list[float]) -> None:
    client, transport = connect(sequence(httpx.ReadTimeout("timed out")))
    async with client:
        with pytest.raises(TransportError, match="timed out") as caught:
            await client.privileges(TIN)
    assert len(transport.requests) == 4
    assert sleeps == [0.375, 0.75, 1.5]
    assert caught.value.request_id == transport.requests[0].headers["X-Request-ID"]


async def test_get_timeout_then_success(connect: Any) -> None:
    client, transport = connect(sequence(httpx.ConnectTimeout("timed out"), privileges_ok(None)))  # type: ignore[arg-type]
    async with client:
        privileges = await client.privileges(TIN)
    assert [privilege.name for privilege in privileges] == ["Revisor"]
    assert len(transport.requests) == 2


async def test_create_privilege_timeout_not_retried(connect: Any) -> None:
    client, transport = connect(sequence(httpx.ReadTimeout("timed out")))
    async with client:
        with pytest.raises(TransportError):
            await client.create_privilege(TIN, PrivilegeDraft(name="Revisor"))
    assert len(transport.requests) == 1


async def test_create_privilege_connect_error_not_retried(connect: Any) -> None:
    client, transport = connect(sequence(httpx.ConnectError("connection refused")))
    async with client:
        with pytest.raises(TransportError, match="ConnectError"):
            await client.create_privilege(TIN, PrivilegeDraft(name="Revisor"))
    assert len(transport.requests) == 1


async def test_dropped_mid_response_retried(connect: Any) -> None:
    client, transport = connect(
        sequence(httpx.Response(200, stream=BrokenStream()), privileges_ok(None))  # type: ignore[arg-type]
    )
    async with client:
        privileges = await client.privileges(TIN)
    assert len(privileges) == 1
    assert len(transport.requests) == 2


async def test_dropped_mid_response_on_patch_not_retried(connect: Any) -> None:
    client, transport = connect(sequence(httpx.Response(200, stream=BrokenStream())))
    async with client:
        with pytest.raises(TransportError, match="ReadError"):
            await client.update_privilege(
                TIN, PRIVILEGE_ID, PrivilegeChanges(description_english="New"), etag='"1"'
            )
    assert len(transport.requests) == 1


async def test_delete_404_after_lost_response_is_done(connect: Any) -> None:
    client, transport = connect(
        sequence(httpx.Response(204, stream=BrokenStream()), problem(404, "Not Found"))
    )
    async with client:
        await client.delete_privilege(TIN, PRIVILEGE_ID)
        assert len(transport.requests) == 2


async def test_delete_404_at_first_attempt_raises(connect: Any) -> None:
    client, transport = connect(sequence(problem(404, "Not Found", "No privilege with that id")))
    async with client:
        with pytest.raises(Exception, match="No privilege with that id") as caught:
            await client.delete_privilege(TIN, PRIVILEGE_ID)
    assert type(caught.value).__name__ == "NotFoundError"
    assert len(transport.requests) == 1


async def test_unassign_missing_returns_false(connect: Any) -> None:
    client, transport = connect(sequence(problem(404, "Not Found")))
    async with client:
        removed = await client.unassign(TIN, "mitid_erhverv", IDENTITY_ID, PRIVILEGE_ID)
    assert removed is False
    assert len(transport.requests) == 1


# Error statuses.


async def test_500_not_retried_and_detail_kept(connect: Any) -> None:
    client, transport = connect(sequence(problem(500, "Internal Server Error", "database gone")))
    async with client:
        with pytest.raises(ServerError) as caught:
            await client.privileges(TIN)
    assert caught.value.status == 500
    assert caught.value.detail == "database gone"
    assert len(transport.requests) == 1


async def test_503_honours_retry_after(connect: Any, sleeps: list[float]) -> None:
    unavailable = problem(503, "Service Unavailable")
    unavailable.headers["Retry-After"] = "2"
    client, transport = connect(sequence(unavailable, privileges_ok(None)))  # type: ignore[arg-type]
    async with client:
        await client.privileges(TIN)
    assert sleeps == [2.0]
    assert len(transport.requests) == 2


async def test_503_gives_up_after_attempts(connect: Any, sleeps: list[float]) -> None:
    client, transport = connect(sequence(problem(503, "Service Unavailable", "maintenance")))
    async with client:
        with pytest.raises(ServerError, match="maintenance"):
            await client.privileges(TIN)
    assert len(transport.requests) == 4
    assert sleeps == [0.375, 0.75, 1.5]


async def test_429_retry_after_then_success(connect: Any, sleeps: list[float]) -> None:
    limited = problem(429, "Too Many Requests")
    limited.headers["Retry-After"] = "3"
    client, transport = connect(sequence(limited, privileges_ok(None)))  # type: ignore[arg-type]
    async with client:
        await client.privileges(TIN)
    assert sleeps == [3.0]
    assert len(transport.requests) == 2


async def test_429_long_retry_after_raised_at_once(connect: Any, sleeps: list[float]) -> None:
    limited = problem(429, "Too Many Requests")
    limited.headers["Retry-After"] = "120"
    client, transport = connect(sequence(limited))
    async with client:
        with pytest.raises(RateLimitedError) as caught:
            await client.privileges(TIN)
    assert caught.value.retry_after == 120.0
    assert sleeps == []
    assert len(transport.requests) == 1


async def test_429_on_create_privilege_not_retried(connect: Any, sleeps: list[float]) -> None:
    limited = problem(429, "Too Many Requests")
    limited.headers["Retry-After"] = "1"
    client, transport = connect(sequence(limited))
    async with client:
        with pytest.raises(RateLimitedError) as caught:
            await client.create_privilege(TIN, PrivilegeDraft(name="Revisor"))
    assert caught.value.retry_after == 1.0
    assert len(transport.requests) == 1


async def test_422_field_errors_kept(connect: Any) -> None:
    invalid = problem(422, "Unprocessable Content", "invalid values", errors={"name": ["too long"]})
    client, _ = connect(sequence(invalid))
    async with client:
        with pytest.raises(ValidationError) as caught:
            await client.create_privilege(TIN, PrivilegeDraft(name="x" * 101))
    assert caught.value.errors == {"name": ["too long"]}
    assert caught.value.detail == "invalid values"


async def test_412_is_precondition_failed(connect: Any) -> None:
    client, transport = connect(sequence(problem(412, "Precondition Failed")))
    async with client:
        with pytest.raises(PreconditionFailedError):
            await client.update_privilege(
                TIN, PRIVILEGE_ID, PrivilegeChanges(description_danish="Ny"), etag='"stale"'
            )
    assert transport.requests[0].headers["If-Match"] == '"stale"'
    assert transport.requests[0].headers["Content-Type"] == "application/merge-patch+json"


async def test_error_without_problem_body(connect: Any) -> None:
    client, _ = connect(sequence(httpx.Response(502, text="<html>Bad Gateway</html>")))
    async with client:
        with pytest.raises(ServerError) as caught:
            await client.privileges(TIN)
    assert caught.value.status == 502
    assert caught.value.title == "Bad Gateway"


# Malformed responses.


async def test_invalid_json_is_protocol_error(connect: Any) -> None:
    client, transport = connect(sequence(httpx.Response(200, text="{not json")))
    async with client:
        with pytest.raises(ProtocolError, match="not valid JSON"):
            await client.privileges(TIN)
    assert len(transport.requests) == 1


async def test_missing_field_is_protocol_error(connect: Any) -> None:
    incomplete = privilege_json()
    del incomplete["name"]
    client, transport = connect(sequence(httpx.Response(200, json=incomplete)))
    async with client:
        with pytest.raises(ProtocolError, match="name: Field required") as caught:
            await client.get_privilege(TIN, PRIVILEGE_ID)
    assert caught.value.request_id == transport.requests[0].headers["X-Request-ID"]


async def test_wrong_type_is_protocol_error(connect: Any) -> None:
    wrong = privilege_json(assignmentCount="many")
    client, _ = connect(sequence(httpx.Response(200, json=[wrong])))
    async with client:
        with pytest.raises(ProtocolError, match="assignment_count"):
            await client.privileges(TIN)


async def test_object_instead_of_list_is_protocol_error(connect: Any) -> None:
    client, _ = connect(sequence(httpx.Response(200, json={"items": []})))
    async with client:
        with pytest.raises(ProtocolError, match="expected a JSON array"):
            await client.privileges(TIN)


async def test_page_with_bad_item_is_protocol_error(connect: Any) -> None:
    page = {"items": [{"idp": "mitid_erhverv", "idpIdentityId": "not-a-uuid"}], "nextCursor": None}
    client, _ = connect(sequence(httpx.Response(200, json=page)))
    async with client:
        with pytest.raises(ProtocolError, match="page 1"):
            async for _ in client.identities(TIN):
                pass


async def test_repeated_cursor_is_protocol_error(connect: Any) -> None:
    page = {"items": [], "nextCursor": "same"}
    client, transport = connect(sequence(httpx.Response(200, json=page)))
    async with client:
        with pytest.raises(ProtocolError, match="twice"):
            async for _ in client.identities(TIN, page_size=10):
                pass
    assert len(transport.requests) == 2
    assert transport.requests[1].url.params["cursor"] == "same"


# Tokens.


def accept_only(token: str) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") != f"Bearer {token}":
            return problem(401, "Unauthorized", "token expired")
        return httpx.Response(200, json=[privilege_json()])

    return handle


async def test_expired_token_refreshed_once_for_concurrent_requests(
    connect: Any, token_endpoint: Any
) -> None:
    # Hold every request with the expired token until all ten have arrived, so that
    # all ten get their 401 at the same moment.
    expired_requests = 0
    all_arrived = asyncio.Event()

    async def handle(request: httpx.Request) -> httpx.Response:
        nonlocal expired_requests
        if request.headers["Authorization"] == "Bearer token-1":
            expired_requests += 1
            if expired_requests == 10:
                all_arrived.set()
            await all_arrived.wait()
            return problem(401, "Unauthorized", "token expired")
        return httpx.Response(200, json=[privilege_json()])

    client, transport = connect(handle)
    async with client:
        results = await asyncio.gather(*(client.privileges(TIN) for _ in range(10)))
    assert all(len(result) == 1 for result in results)
    assert token_endpoint.issued == ["token-1", "token-2"]
    assert len(transport.requests) == 20


async def test_refresh_rejected_raises_signed_out(connect: Any, token_endpoint: Any) -> None:
    token_endpoint.reject_from = 2
    client, transport = connect(accept_only("token-2"))
    async with client:
        with pytest.raises(SignedOutError, match="api-client-test"):
            await client.privileges(TIN)
    assert len(transport.requests) == 1
    assert len(token_endpoint.transport.requests) == 2


async def test_second_401_is_authentication_error(connect: Any, token_endpoint: Any) -> None:
    client, transport = connect(accept_only("never-issued"))
    async with client:
        with pytest.raises(AuthenticationError, match="token expired"):
            await client.privileges(TIN)
    assert len(transport.requests) == 2
    assert token_endpoint.issued == ["token-1", "token-2"]


async def test_headers_and_logs_without_secrets(
    connect: Any, token_endpoint: Any, client_secret: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    unavailable = problem(503, "Service Unavailable")
    client, transport = connect(sequence(unavailable, privileges_ok(None)))  # type: ignore[arg-type]
    async with client:
        await client.privileges(TIN)

    first, second = transport.requests
    assert first.headers["Authorization"] == "Bearer token-1"
    assert first.headers["User-Agent"].startswith("privadmin/")
    assert first.headers["X-Request-ID"] == second.headers["X-Request-ID"]
    assert first.headers["X-Request-ID"] in caplog.text
    assert "token-1" not in caplog.text
    assert client_secret not in caplog.text

    token_request = token_endpoint.transport.requests[0]
    form = dict(httpx.QueryParams(token_request.content.decode()))
    assert form == {
        "grant_type": "client_credentials",
        "scope": "privilege_api",
        "client_id": "api-client-test",
        "client_secret": client_secret,
    }


# Batches.


def change(number: int) -> AssignmentChange:
    return AssignmentChange(
        idp="mitid_erhverv", idp_identity_id=uuid.UUID(int=number), privilege_id=PRIVILEGE_ID
    )


def batch_answer(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    items = [{"change": item, "operation": "add", "outcome": "added"} for item in body["add"]]
    items += [{"change": item, "operation": "remove", "outcome": "removed"} for item in body["remove"]]
    return httpx.Response(200, json={"items": items})


async def test_batch_retried_after_lost_response_is_flagged(connect: Any) -> None:
    handle = sequence(httpx.Response(200, stream=BrokenStream()), httpx.Response(500))

    def answer(request: httpx.Request) -> httpx.Response:
        response = handle(request)
        return batch_answer(request) if response.status_code == 500 else response

    client, transport = connect(answer)
    async with client:
        result = await client.batch(TIN, add=[change(1)])
    assert len(transport.requests) == 2
    assert result.retried_after_lost_response is True
    assert [item.change for item in result.changed] == [change(1)]


async def test_batch_failure_mid_run_reported(connect: Any) -> None:
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 2:
            return problem(422, "Unprocessable Content", errors={"add[0]": ["unknown privilege"]})
        return batch_answer(request)

    client, transport = connect(handle)
    progress: list[tuple[int, int]] = []
    async with client:
        run = await client.run_batches(
            TIN,
            add=[change(number) for number in range(5)],
            remove=[change(number) for number in range(10, 12)],
            max_items=2,
            on_progress=lambda done, total: progress.append((done, total)),
        )
    assert isinstance(run.failed_error, ValidationError)
    assert run.failed_error.errors == {"add[0]": ["unknown privilege"]}
    assert run.applied_count == 2
    assert run.pending.add == (change(2), change(3), change(4))
    assert run.pending.remove == (change(10), change(11))
    assert progress == [(0, 7), (2, 7)]
    assert len(transport.requests) == 2
    with pytest.raises(ValidationError):
        run.raise_for_outcome()


async def test_batch_cancelled_between_batches(connect: Any) -> None:
    client, transport = connect(batch_answer)
    cancel = asyncio.Event()

    def on_progress(done: int, total: int) -> None:
        if done >= 2:
            cancel.set()

    async with client:
        run = await client.run_batches(
            TIN, add=[change(number) for number in range(5)], max_items=2,
            on_progress=on_progress, cancel_event=cancel,
        )
    assert run.cancelled is True
    assert run.failed_error is None
    assert run.applied_count == 2
    assert len(run.pending) == 3
    assert len(transport.requests) == 1


async def test_batch_rejects_conflicting_changes(connect: Any) -> None:
    client, transport = connect(batch_answer)
    async with client:
        with pytest.raises(ValueError, match="both added and removed"):
            await client.run_batches(TIN, add=[change(1)], remove=[change(1)])
        with pytest.raises(ValueError, match="run_batches"):
            await client.batch(TIN, add=[change(number) for number in range(5001)])
    assert transport.requests == []
