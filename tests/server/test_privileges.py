"""The catalog: creating, changing with ETags, deleting, whitelists and usage."""

from __future__ import annotations

import httpx

from tests.server.conftest import Api


def _catalog(live: Api) -> tuple[httpx.Client, str]:
    return live.as_person("provider_admin"), f"/organizations/{live.world.provider_tin}/privileges"


def test_create_privilege(live: Api) -> None:
    client, base = _catalog(live)

    response = client.post(
        base,
        json={
            "name": "  Løn og personale  ",
            "descriptionDanish": "Se løn",
            "descriptionEnglish": "See pay",
            "assignability": "Whitelist",
        },
    )

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["name"] == "Løn og personale"
    assert created["organizationTin"] == live.world.provider_tin
    assert created["assignmentCount"] == 0
    assert response.headers["Location"] == f"/api/v1{base}/{created['id']}"
    fetched = client.get(f"{base}/{created['id']}")
    assert fetched.json() == created
    assert fetched.headers["ETag"] == response.headers["ETag"]


def test_create_defaults_to_private(live: Api) -> None:
    client, base = _catalog(live)

    created = client.post(base, json={"name": "Kun navn"}).json()

    assert created["assignability"] == "Private"
    assert created["descriptionDanish"] == ""


def test_name_unique_regardless_of_case(live: Api) -> None:
    client, base = _catalog(live)
    assert client.post(base, json={"name": "Ærlig Økonomi"}).status_code == 201

    for duplicate in ("ærlig økonomi", "ÆRLIG ØKONOMI", " Ærlig Økonomi "):
        response = client.post(base, json={"name": duplicate})
        assert response.status_code == 409, duplicate
        assert response.json()["type"] == "urn:privserver:problem:privilege-name-taken"

    other = live.as_person("other_provider_admin")
    assert (
        other.post(
            f"/organizations/{live.world.other_provider_tin}/privileges",
            json={"name": "ærlig økonomi"},
        ).status_code
        == 201
    )


def test_invalid_values_named(live: Api) -> None:
    client, base = _catalog(live)
    cases = {
        "name": {"name": "   "},
        "descriptionDanish": {"name": "A", "descriptionDanish": "x" * 2001},
        "assignability": {"name": "B", "assignability": "Everyone"},
    }
    for field, body in cases.items():
        response = client.post(base, json=body)

        assert response.status_code == 422, field
        assert field in response.json()["errors"], response.text
    long_name = client.post(base, json={"name": "n" * 101})
    assert long_name.status_code == 422
    assert "101 characters" in long_name.json()["errors"]["name"][0]
    assert client.post(base, json={"name": "n" * 100}).status_code == 201


def test_patch_with_etag(live: Api) -> None:
    client, base = _catalog(live)
    path = f"{base}/{live.world.privileges['private']}"
    etag = client.get(path).headers["ETag"]

    response = client.patch(
        path,
        json={"descriptionEnglish": "New text", "assignability": "Public"},
        headers={"If-Match": etag},
    )

    assert response.status_code == 200, response.text
    assert response.json()["descriptionEnglish"] == "New text"
    assert response.json()["descriptionDanish"] == "Dansk beskrivelse private"
    assert response.json()["assignability"] == "Public"
    assert response.headers["ETag"] != etag
    stale = client.patch(path, json={"descriptionEnglish": "Other"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert client.get(path).json()["descriptionEnglish"] == "New text"


def test_patch_merge_patch_content_type(live: Api) -> None:
    client, base = _catalog(live)
    path = f"{base}/{live.world.privileges['private']}"
    etag = client.get(path).headers["ETag"]

    response = client.patch(
        path,
        content=b'{"descriptionDanish": null}',
        headers={"If-Match": etag, "Content-Type": "application/merge-patch+json"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["descriptionDanish"] == ""


def test_patch_needs_if_match(live: Api) -> None:
    client, base = _catalog(live)

    response = client.patch(
        f"{base}/{live.world.privileges['private']}", json={"assignability": "Public"}
    )

    assert response.status_code == 428


def test_patch_immutable_fields(live: Api) -> None:
    client, base = _catalog(live)
    path = f"{base}/{live.world.privileges['private']}"
    current = client.get(path)
    etag = current.headers["ETag"]

    for field, value in {
        "name": "Nyt navn",
        "id": "00000000-0000-4000-8000-000000000000",
        "organizationTin": live.world.customer_tin,
    }.items():
        response = client.patch(path, json={field: value}, headers={"If-Match": etag})
        assert response.status_code == 422, field
        assert "immutable" in response.json()["errors"][field][0]

    # The full record sent back with one change is fine: unchanged immutable fields pass.
    document = {**current.json(), "descriptionEnglish": "Changed"}
    response = client.patch(path, json=document, headers={"If-Match": etag})
    assert response.status_code == 200, response.text
    assert (
        client.patch(
            path, json={"colour": "blue"}, headers={"If-Match": response.headers["ETag"]}
        ).status_code
        == 422
    )


def test_delete_removes_assignments(live: Api) -> None:
    world = live.world
    client, base = _catalog(live)
    live.assign("customer_admin", world.customer_tin, "employee", "public")

    assert client.delete(f"{base}/{world.privileges['public']}").status_code == 204

    assert client.get(f"{base}/{world.privileges['public']}").status_code == 404
    assert client.delete(f"{base}/{world.privileges['public']}").status_code == 404
    assert live.assignments_of("customer_admin", world.customer_tin, "employee") == {}
    assert live.runtime("employee") == {}
    customer_events = (
        live.as_person("customer_admin")
        .get(f"/organizations/{world.customer_tin}/auditEvents")
        .json()
    )
    assert customer_events["items"][0]["action"] == "assignment.removedWithPrivilege"


def test_other_owner_privilege_not_found(live: Api) -> None:
    client, base = _catalog(live)

    response = client.get(f"{base}/{live.world.privileges['other_public']}")

    assert response.status_code == 404


def test_whitelist_entries(live: Api) -> None:
    world = live.world
    client, base = _catalog(live)
    path = f"{base}/{world.privileges['whitelist']}/whitelist"

    assert client.put(f"{path}/{world.customer_tin}").status_code == 201
    assert client.put(f"{path}/{world.customer_tin}").status_code == 200
    assert client.put(f"{path}/DK99999999").status_code == 404

    entries = client.get(path).json()
    assert [(entry["organizationTin"], entry["organizationName"]) for entry in entries] == [
        (world.customer_tin, "Ærø Revision ApS")
    ]
    assert client.delete(f"{path}/{world.customer_tin}").status_code == 204
    assert client.delete(f"{path}/{world.customer_tin}").status_code == 404
    assert client.get(path).json() == []


def test_usage_counts(live: Api) -> None:
    world = live.world
    client, base = _catalog(live)
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.assign("customer_admin", world.customer_tin, "outsider", "public")
    live.assign("other_customer_admin", world.other_customer_tin, "employee", "public")
    live.assign("provider_admin", world.provider_tin, "employee", "public")

    usage = client.get(f"{base}/{world.privileges['public']}/usage").json()

    assert {
        item["organizationTin"]: (item["activeCount"], item["inactiveCount"]) for item in usage
    } == {world.customer_tin: (2, 0), world.other_customer_tin: (1, 0), world.provider_tin: (1, 0)}
    live.set_assignability("public", "Private")
    usage = client.get(f"{base}/{world.privileges['public']}/usage").json()
    assert {
        item["organizationTin"]: (item["activeCount"], item["inactiveCount"]) for item in usage
    } == {world.customer_tin: (0, 2), world.other_customer_tin: (0, 1), world.provider_tin: (1, 0)}
    assert client.get(f"{base}/{world.privileges['public']}").json()["assignmentCount"] == 4


def test_catalog_lists_owned_privileges(live: Api) -> None:
    client, base = _catalog(live)

    names = [item["name"] for item in client.get(base).json()]

    assert names == ["Pension private", "Pension public", "Pension whitelist"]
