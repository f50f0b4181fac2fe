"""Assigning and removing singly, batches with outcomes, and paged assignment lists."""

from __future__ import annotations

import uuid

from tests.server.conftest import Api


def _batch_path(live: Api) -> str:
    return f"/organizations/{live.world.customer_tin}/assignedIdentityPrivileges/batch"


def _item(identity_id: str, privilege_id: str) -> dict[str, str]:
    return {"idp": "mitid_erhverv", "idpIdentityId": identity_id, "privilegeId": privilege_id}


def test_put_and_delete_assignment(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    path = live.assignment_path(world.customer_tin, "employee", "public")

    created = client.put(path)
    again = client.put(path)

    assert created.status_code == 201
    assert again.status_code == 200
    assert again.json() == created.json()
    assert client.delete(path).status_code == 204
    assert client.delete(path).status_code == 404


def test_uuids_any_case_in_lowercase_out(live: Api) -> None:
    world = live.world
    identity_id = str(uuid.uuid4())
    path = (
        f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/mitid_erhverv/"
        f"{identity_id.upper()}/{world.privileges['public'].upper()}"
    )

    response = live.as_person("customer_admin").put(path)

    assert response.status_code == 201
    assert response.json()["idpIdentityId"] == identity_id
    assert response.json()["privilegeId"] == world.privileges["public"]


def test_assignment_record_fields(live: Api) -> None:
    world = live.world

    record = live.assign("customer_admin", world.customer_tin, "employee", "public").json()

    assert set(record) == {
        "idpIdentityId",
        "idp",
        "privilegeId",
        "privilegeName",
        "privilegeDescriptionDanish",
        "privilegeDescriptionEnglish",
        "privilegeOrganizationTin",
        "created",
        "updated",
        "assignedByOrganizationTin",
        "active",
    }
    assert record["assignedByOrganizationTin"] == world.customer_tin
    assert record["privilegeOrganizationTin"] == world.provider_tin
    assert record["created"].endswith("Z")


def test_unknown_privilege_not_found(live: Api) -> None:
    world = live.world
    path = (
        f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/mitid_erhverv/"
        f"{world.people['employee'].idp_identity_id}/{uuid.uuid4()}"
    )

    assert live.as_person("customer_admin").put(path).status_code == 404


def test_invalid_path_values_named(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    base = f"/organizations/{world.customer_tin}/assignedIdentityPrivileges"
    cases = {
        "idp": f"{base}/nemid/{uuid.uuid4()}/{world.privileges['public']}",
        "idpIdentityId": f"{base}/mitid_erhverv/not-a-uuid/{world.privileges['public']}",
        "privilegeId": f"{base}/mitid_erhverv/{uuid.uuid4()}/42",
        "tin": f"/organizations/DK1234/assignedIdentityPrivileges/mitid_erhverv/{uuid.uuid4()}/{world.privileges['public']}",
    }
    for field, path in cases.items():
        response = client.put(path)

        assert response.status_code == 422, field
        assert list(response.json()["errors"]) == [field]


def test_batch_outcomes_and_retry(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    employee = world.people["employee"].idp_identity_id
    newcomer = str(uuid.uuid4())
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    body = {
        "add": [
            _item(newcomer, world.privileges["public"]),
            _item(employee, world.privileges["public"]),
            _item(employee, world.privileges["other_public"]),
        ],
        "remove": [
            _item(employee, world.privileges["public"]),
            _item(newcomer, world.privileges["other_public"]),
        ],
    }
    body["add"].pop(1)  # the same assignment may not be added and removed in one batch

    first = client.post(_batch_path(live), json=body)
    retry = client.post(_batch_path(live), json=body)

    assert first.status_code == 200, first.text
    assert [(item["operation"], item["outcome"]) for item in first.json()["items"]] == [
        ("add", "added"),
        ("add", "added"),
        ("remove", "removed"),
        ("remove", "unchanged"),
    ]
    assert first.json()["items"][0]["change"] == _item(newcomer, world.privileges["public"])
    assert [item["outcome"] for item in retry.json()["items"]] == ["unchanged"] * 4
    assert set(live.assignments_of("customer_admin", world.customer_tin, "employee")) == {
        world.privileges["other_public"]
    }


def test_batch_conflicting_item(live: Api) -> None:
    world = live.world
    item = _item(str(uuid.uuid4()), world.privileges["public"])

    response = live.as_person("customer_admin").post(
        _batch_path(live), json={"add": [item], "remove": [item]}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["remove[0]"]


def test_batch_limit(live: Api) -> None:
    world = live.world
    items = [_item(str(uuid.uuid4()), world.privileges["public"]) for _ in range(5001)]
    client = live.as_person("customer_admin")

    too_many = client.post(_batch_path(live), json={"add": items[:3000], "remove": items[3000:]})
    full = client.post(_batch_path(live), json={"add": items[:5000]})

    assert too_many.status_code == 413
    assert "5001" in too_many.json()["detail"]
    assert full.status_code == 200
    assert len(full.json()["items"]) == 5000


def test_assignment_list_paged(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    items = [_item(str(uuid.uuid4()), world.privileges["public"]) for _ in range(25)]
    items += [_item(str(uuid.uuid4()), world.privileges["other_public"]) for _ in range(5)]
    assert client.post(_batch_path(live), json={"add": items}).status_code == 200
    base = f"/organizations/{world.customer_tin}/assignedIdentityPrivileges"

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"pageSize": 7, "privilegeId": world.privileges["public"]}
        if cursor:
            params["cursor"] = cursor
        page = client.get(base, params=params).json()
        seen += [item["idpIdentityId"] for item in page["items"]]
        pages += 1
        cursor = page["nextCursor"]
        if cursor is None:
            break

    assert pages == 4
    assert sorted(seen) == sorted(item["idpIdentityId"] for item in items[:25])
    assert len(client.get(base, params={"pageSize": 1000}).json()["items"]) == 30
    assert client.get(base, params={"pageSize": 1001}).status_code == 422
    assert client.get(base, params={"cursor": "bogus"}).status_code == 422
    assert client.get(base).json()["nextCursor"] is None
