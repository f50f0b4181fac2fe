"""Employees: adding by UUID, updating, searching, paging and removing."""

from __future__ import annotations

import uuid

from tests.server.conftest import Api


def _base(live: Api) -> str:
    return f"/organizations/{live.world.customer_tin}/identities"


def test_add_employee_by_uuid(live: Api) -> None:
    client = live.as_person("customer_admin")
    identity_id = str(uuid.uuid4())

    added = client.put(
        f"{_base(live)}/mitid_erhverv/{identity_id.upper()}",
        json={"name": "Søren Ærbø", "email": "soren@aeroe.dk", "rid": "12345678"},
    )
    updated = client.put(
        f"{_base(live)}/mitid_erhverv/{identity_id}", json={"email": "s.aerboe@aeroe.dk"}
    )

    assert added.status_code == 201, added.text
    assert added.json() == {
        "idp": "mitid_erhverv",
        "idpIdentityId": identity_id,
        "name": "Søren Ærbø",
        "email": "soren@aeroe.dk",
        "rid": "12345678",
        "lastSeen": None,
        "assignedPrivilegeCount": 0,
    }
    assert updated.status_code == 200
    assert updated.json()["name"] == "Søren Ærbø"
    assert updated.json()["email"] == "s.aerboe@aeroe.dk"


def test_add_employee_without_body(live: Api) -> None:
    response = live.as_person("customer_admin").put(f"{_base(live)}/mitid/{uuid.uuid4()}")

    assert response.status_code == 201
    assert response.json()["idp"] == "mitid"


def test_invalid_attributes_named(live: Api) -> None:
    client = live.as_person("customer_admin")
    path = f"{_base(live)}/mitid_erhverv/{uuid.uuid4()}"

    for field, value in {"email": "no-at-sign", "rid": "12-34", "name": "x" * 201}.items():
        response = client.put(path, json={field: value})
        assert response.status_code == 422, field
        assert field in response.json()["errors"]
    assert client.put(path, json={"nickname": "x"}).status_code == 422


def test_search_matches_name_email_rid_uuid(live: Api) -> None:
    client = live.as_person("customer_admin")
    identity_id = str(uuid.uuid4())
    client.put(
        f"{_base(live)}/mitid_erhverv/{identity_id}",
        json={"name": "Øjvind Ålund", "email": "oa@aeroe.dk", "rid": "87654321"},
    )
    client.put(f"{_base(live)}/mitid_erhverv/{uuid.uuid4()}", json={"name": "Anders And"})

    for term in ("øjvind", "ÅLUND", "oa@aeroe", "654", identity_id[:8].upper()):
        found = client.get(_base(live), params={"search": term}).json()["items"]
        assert [item["idpIdentityId"] for item in found] == [identity_id], term
    assert client.get(_base(live), params={"search": "100%"}).json()["items"] == []


def test_employee_list_paged(live: Api) -> None:
    client = live.as_person("customer_admin")
    added = {str(uuid.uuid4()) for _ in range(12)}
    for identity_id in added:
        client.put(f"{_base(live)}/mitid_erhverv/{identity_id}", json={"name": "Medarbejder"})

    seen: list[str] = []
    cursor = None
    while True:
        params = {"pageSize": 5, **({"cursor": cursor} if cursor else {})}
        page = client.get(_base(live), params=params).json()
        seen += [item["idpIdentityId"] for item in page["items"]]
        cursor = page["nextCursor"]
        if not cursor:
            break

    assert len(seen) == len(set(seen))
    assert added <= set(seen)


def test_assigned_count_and_removal(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.assign("customer_admin", world.customer_tin, "employee", "other_public")
    live.assign("other_customer_admin", world.other_customer_tin, "employee", "public")
    employee = world.people["employee"].idp_identity_id

    listed = {item["idpIdentityId"]: item for item in client.get(_base(live)).json()["items"]}
    assert listed[employee]["assignedPrivilegeCount"] == 2

    assert client.delete(f"{_base(live)}/mitid_erhverv/{employee}").status_code == 204
    assert client.delete(f"{_base(live)}/mitid_erhverv/{employee}").status_code == 404
    assert employee not in {
        item["idpIdentityId"] for item in client.get(_base(live)).json()["items"]
    }
    assert live.assignments_of("customer_admin", world.customer_tin, "employee") == {}
    # Another organization's assignments to the same person stay.
    assert live.runtime("employee") == {world.other_customer_tin: {world.privileges["public"]}}
