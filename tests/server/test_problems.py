"""Errors as RFC 9457 problems, request ids and the request size limit."""

from __future__ import annotations

import httpx

from tests.server.conftest import Api, LiveServer, TokenMinter, World


def test_unknown_route_problem(live: Api) -> None:
    response = live.as_person("customer_admin").get("/nowhere")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) == {"type", "title", "status", "detail"}


def test_method_not_allowed_problem(live: Api) -> None:
    response = live.as_person("customer_admin").post("/me")

    assert response.status_code == 405
    assert response.json()["status"] == 405


def test_malformed_json_bad_request(live: Api) -> None:
    response = live.as_person("provider_admin").post(
        f"/organizations/{live.world.provider_tin}/privileges",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_validation_problem_lists_fields(live: Api) -> None:
    response = live.as_person("provider_admin").post(
        f"/organizations/{live.world.provider_tin}/privileges",
        json={"assignability": 5, "extra": 1},
    )

    problem = response.json()
    assert response.status_code == 422
    assert problem["type"] == "urn:privserver:problem:validation-failed"
    assert set(problem["errors"]) == {"name", "assignability", "extra"}


def test_request_id_header(live: Api) -> None:
    fresh = httpx.get(f"{live.server.base_url}/healthz")
    echoed = httpx.get(
        f"{live.server.base_url}/healthz", headers={"X-Request-ID": "support-case-1234"}
    )
    unsafe = httpx.get(
        f"{live.server.base_url}/healthz", headers={"X-Request-ID": "bad id\twith tab"}
    )

    assert len(fresh.headers["x-request-id"]) == 32
    assert echoed.headers["x-request-id"] == "support-case-1234"
    assert unsafe.headers["x-request-id"] != "bad id\twith tab"


def test_oversized_body_rejected(live: Api) -> None:
    body = b'{"add": [' + b" " * (5 * 1024 * 1024) + b"]}"

    response = live.as_person("customer_admin").post(
        f"/organizations/{live.world.customer_tin}/assignedIdentityPrivileges/batch",
        content=body,
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_oversized_chunked_body_rejected(live: Api) -> None:
    def chunks() -> object:
        yield b'{"add": ['
        for _ in range(80):
            yield b" " * 65536
        yield b"]}"

    response = live.as_person("customer_admin").post(
        f"/organizations/{live.world.customer_tin}/assignedIdentityPrivileges/batch",
        content=chunks(),  # type: ignore[arg-type]
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 413


def test_rate_limit_answers_429(world_database: tuple[str, World], issuer: TokenMinter) -> None:
    database_url, world = world_database
    server = LiveServer(database_url, issuer, rate_limit_per_minute=3)
    server.start()
    try:
        token = issuer.person_token(world.people["customer_admin"])
        other = issuer.person_token(world.people["provider_admin"])
        with httpx.Client(base_url=f"{server.base_url}/api/v1") as client:
            statuses = [
                client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code
                for _ in range(4)
            ]
            limited = client.get("/me", headers={"Authorization": f"Bearer {token}"})
            other_caller = client.get("/me", headers={"Authorization": f"Bearer {other}"})
    finally:
        server.stop()

    assert statuses == [200, 200, 200, 429]
    assert limited.status_code == 429
    assert limited.headers["content-type"] == "application/problem+json"
    assert 1 <= int(limited.headers["retry-after"]) <= 20
    assert other_caller.status_code == 200
