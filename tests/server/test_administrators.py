"""Administrators and roles, the caller's memberships, and the last AdministratorManager."""

from __future__ import annotations

import uuid

from tests.server.conftest import Api


def _base(live: Api) -> str:
    return f"/organizations/{live.world.customer_tin}/administrators"


def test_me_lists_roles(live: Api) -> None:
    me = live.as_person("customer_admin").get("/me").json()

    assert me["identity"]["idpIdentityId"] == live.world.people["customer_admin"].idp_identity_id
    assert me["identity"]["clientId"] == "privadmin-desktop"
    assert me["organizations"] == [
        {
            "organizationTin": live.world.customer_tin,
            "organizationName": "Ærø Revision ApS",
            "roles": [
                "PrivilegeAdministrator",
                "PrivilegeAssigner",
                "AdministratorManager",
                "AssignIdentityPrivilegesRead",
            ],
        }
    ]


def test_me_of_api_client(live: Api) -> None:
    me = live.as_service("provider_api").get("/me").json()

    assert me["identity"] == {
        "idp": None,
        "idpIdentityId": None,
        "clientId": "provider-api",
        "name": "provider_api",
    }
    assert [item["organizationTin"] for item in me["organizations"]] == [live.world.provider_tin]


def test_grant_and_change_roles(live: Api) -> None:
    client = live.as_person("customer_admin")
    newcomer = str(uuid.uuid4())
    path = f"{_base(live)}/mitid_erhverv/{newcomer}"

    added = client.put(path, json={"roles": ["PrivilegeAssigner"]})
    changed = client.put(path, json={"roles": ["PrivilegeAssigner", "AdministratorManager"]})

    assert added.status_code == 201
    assert changed.status_code == 200
    assert changed.json()["roles"] == ["PrivilegeAssigner", "AdministratorManager"]
    listed = {item["idpIdentityId"]: item["roles"] for item in client.get(_base(live)).json()}
    assert listed[newcomer] == ["PrivilegeAssigner", "AdministratorManager"]
    assert client.delete(path).status_code == 204
    assert client.delete(path).status_code == 404


def test_roles_validated(live: Api) -> None:
    client = live.as_person("customer_admin")
    path = f"{_base(live)}/mitid_erhverv/{uuid.uuid4()}"

    assert client.put(path, json={"roles": []}).status_code == 422
    response = client.put(path, json={"roles": ["Superuser"]})
    assert response.status_code == 422
    assert "roles[0]" in response.json()["errors"]


def test_last_manager_stays(live: Api) -> None:
    client = live.as_person("customer_admin")
    own = f"{_base(live)}/mitid_erhverv/{live.world.people['customer_admin'].idp_identity_id}"

    removed = client.delete(own)
    demoted = client.put(own, json={"roles": ["PrivilegeAssigner"]})

    assert removed.status_code == 409
    assert removed.json()["type"] == "urn:privserver:problem:last-administrator-manager"
    assert demoted.status_code == 409
    assert "AdministratorManager" in client.get("/me").json()["organizations"][0]["roles"]

    deputy = f"{_base(live)}/mitid_erhverv/{uuid.uuid4()}"
    assert client.put(deputy, json={"roles": ["AdministratorManager"]}).status_code == 201
    assert client.put(own, json={"roles": ["PrivilegeAssigner"]}).status_code == 200
    assert live.as_person("customer_admin").get(_base(live)).status_code == 200
    assert client.delete(deputy).status_code == 403


def test_organizations_found_by_name_or_tin(live: Api) -> None:
    client = live.as_person("customer_admin")

    by_name = client.get("/organizations", params={"search": "ærø"}).json()
    by_tin = client.get("/organizations", params={"search": "dk2000000"}).json()

    assert by_name == [{"tin": live.world.customer_tin, "name": "Ærø Revision ApS"}]
    assert {item["tin"] for item in by_tin} == {
        live.world.customer_tin,
        live.world.other_customer_tin,
    }
    assert (
        client.get(f"/organizations/{live.world.provider_tin}").json()["name"]
        == "Pension Danmark Test A/S"
    )
    assert client.get("/organizations/DK99999999").status_code == 404
