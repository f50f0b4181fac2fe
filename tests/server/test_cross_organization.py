"""Access across organizations and roles: every organization endpoint answers 403 and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from privserver.domain import administrators
from privserver.domain.values import Role
from tests.server.conftest import Api, Person

ASSIGNER = {Role.PRIVILEGE_ASSIGNER}
ADMINISTRATOR = {Role.PRIVILEGE_ADMINISTRATOR}
MANAGER = {Role.ADMINISTRATOR_MANAGER}
READER = {Role.ASSIGN_IDENTITY_PRIVILEGES_READ}
ANY_ADMINISTRATION = {
    Role.PRIVILEGE_ASSIGNER,
    Role.PRIVILEGE_ADMINISTRATOR,
    Role.ADMINISTRATOR_MANAGER,
}

IDENTITY = "mitid_erhverv/{employee}"
ASSIGNMENTS = "/organizations/{tin}/assignedIdentityPrivileges"
PRIVILEGE = "/organizations/{tin}/privileges/{privilege}"

# (method, path, JSON body, roles of which one is needed)
ENDPOINTS: list[tuple[str, str, Any, set[Role]]] = [
    ("GET", "/organizations/{tin}/assignablePrivileges", None, ASSIGNER),
    ("GET", ASSIGNMENTS, None, ASSIGNER),
    (
        "POST",
        f"{ASSIGNMENTS}/batch",
        {
            "add": [
                {
                    "idp": "mitid_erhverv",
                    "idpIdentityId": "{employee}",
                    "privilegeId": "{privilege}",
                }
            ]
        },
        ASSIGNER,
    ),
    ("GET", f"{ASSIGNMENTS}/{IDENTITY}", None, ASSIGNER),
    ("PUT", f"{ASSIGNMENTS}/{IDENTITY}/{{privilege}}", None, ASSIGNER),
    ("DELETE", f"{ASSIGNMENTS}/{IDENTITY}/{{privilege}}", None, ASSIGNER),
    ("GET", f"{ASSIGNMENTS}/{IDENTITY}/runtime", None, READER),
    ("GET", "/organizations/{tin}/privileges", None, ADMINISTRATOR),
    (
        "POST",
        "/organizations/{tin}/privileges",
        {"name": "Indbrud", "assignability": "Public"},
        ADMINISTRATOR,
    ),
    ("GET", PRIVILEGE, None, ADMINISTRATOR),
    ("PATCH", PRIVILEGE, {"assignability": "Public"}, ADMINISTRATOR),
    ("DELETE", PRIVILEGE, None, ADMINISTRATOR),
    ("GET", f"{PRIVILEGE}/whitelist", None, ADMINISTRATOR),
    ("PUT", f"{PRIVILEGE}/whitelist/{{caller_tin}}", None, ADMINISTRATOR),
    ("DELETE", f"{PRIVILEGE}/whitelist/{{caller_tin}}", None, ADMINISTRATOR),
    ("GET", f"{PRIVILEGE}/usage", None, ADMINISTRATOR),
    ("GET", "/organizations/{tin}/identities", None, ASSIGNER),
    ("PUT", f"/organizations/{{tin}}/identities/{IDENTITY}", {"name": "Ændret Navn"}, ASSIGNER),
    ("DELETE", f"/organizations/{{tin}}/identities/{IDENTITY}", None, ASSIGNER),
    ("GET", "/organizations/{tin}/administrators", None, ANY_ADMINISTRATION),
    (
        "PUT",
        f"/organizations/{{tin}}/administrators/{IDENTITY}",
        {"roles": ["AdministratorManager"]},
        MANAGER,
    ),
    ("DELETE", "/organizations/{tin}/administrators/mitid_erhverv/{target_admin}", None, MANAGER),
    ("GET", "/organizations/{tin}/auditEvents", None, ANY_ADMINISTRATION),
]
ENDPOINT_IDS = [f"{method} {path}" for method, path, _, _ in ENDPOINTS]


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, dict):
        return {key: _fill(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, names) for item in value]
    return value


def _request(client: Any, method: str, path: str, body: Any, names: dict[str, str]) -> Any:
    headers = {"If-Match": "*"} if method == "PATCH" else {}
    return client.request(method, _fill(path, names), json=_fill(body, names), headers=headers)


def _names(live: Api, tin: str, caller_tin: str, target_admin: str) -> dict[str, str]:
    world = live.world
    return {
        "tin": tin,
        "caller_tin": caller_tin,
        "employee": world.people["employee"].idp_identity_id,
        "privilege": world.privileges["public"],
        "target_admin": world.people[target_admin].idp_identity_id,
    }


@pytest.mark.parametrize(("method", "path", "body", "roles"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_other_organization_forbidden(
    live: Api, method: str, path: str, body: Any, roles: set[Role]
) -> None:
    world = live.world
    live.assign("provider_admin", world.provider_tin, "employee", "public")
    names = _names(live, world.provider_tin, world.customer_tin, "provider_admin")
    before = world.snapshot()

    for client in (live.as_person("customer_admin"), live.as_service("other_provider_api")):
        response = _request(client, method, path, body, names)

        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == "application/problem+json"
    assert world.snapshot() == before


@pytest.mark.parametrize("role", list(Role))
def test_single_role_limits(live: Api, role: Role) -> None:
    world = live.world
    holder = Person(f"Kun {role.value}", world.customer_tin)
    with world.session() as session, session.begin():
        administrators.put(
            session, "test", world.customer_tin, holder.idp, holder.idp_identity_id, {role}
        )
    world.people["holder"] = holder
    names = _names(live, world.customer_tin, world.customer_tin, "customer_admin")
    client = live.as_person("holder")

    for method, path, body, needed in ENDPOINTS:
        if role in needed:
            continue
        before = world.snapshot()
        response = _request(client, method, path, body, names)
        assert response.status_code == 403, (
            f"{method} {path}: {response.status_code} {response.text}"
        )
        assert world.snapshot() == before, f"{method} {path} changed data"


def test_end_user_token_forbidden(live: Api) -> None:
    world = live.world
    client = live.as_person(
        "customer_admin", scope=["openid", "privileges"], client_org=world.provider_tin
    )
    names = _names(live, world.customer_tin, world.customer_tin, "customer_admin")
    before = world.snapshot()

    for method, path, body, _ in ENDPOINTS:
        response = _request(client, method, path, body, names)
        assert response.status_code == 403, f"{method} {path}: {response.status_code}"
        assert "insufficient_scope" in response.headers["www-authenticate"]
    for path in ("/me", "/organizations?search=a", f"/organizations/{world.customer_tin}"):
        assert client.get(path).status_code == 403
    assert world.snapshot() == before


def test_disabled_api_client_forbidden(live: Api) -> None:
    world = live.world
    from privserver.db.models import ApiClient

    with world.session() as session, session.begin():
        session.get(ApiClient, world.clients["provider_api"]).disabled = True  # type: ignore[union-attr]

    response = live.as_service("provider_api").get(
        f"/organizations/{world.provider_tin}/privileges"
    )

    assert response.status_code == 403
    assert live.as_service("provider_api").get("/me").json()["organizations"] == []


def test_unregistered_api_client_forbidden(live: Api) -> None:
    world = live.world
    token = live.issuer.service_token("unknown-client", world.provider_tin)

    response = live.client(token).get(f"/organizations/{world.provider_tin}/privileges")

    assert response.status_code == 403
