"""The audit trail: one event per change with actor, action, target and before/after values."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.conftest import Api


def _events(live: Api, admin: str, tin: str, **params: Any) -> list[dict[str, Any]]:
    response = live.as_person(admin).get(f"/organizations/{tin}/auditEvents", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def test_privilege_changes_audited(live: Api) -> None:
    world = live.world
    client = live.as_person("provider_admin")
    base = f"/organizations/{world.provider_tin}/privileges"
    created = client.post(base, json={"name": "Revideret", "assignability": "Private"})
    path = f"{base}/{created.json()['id']}"
    client.patch(
        path, json={"assignability": "Public"}, headers={"If-Match": created.headers["ETag"]}
    )
    client.put(f"{path}/whitelist/{world.customer_tin}")
    client.delete(path)

    events = _events(live, "provider_admin", world.provider_tin)

    assert [event["action"] for event in events[:4]] == [
        "privilege.deleted",
        "whitelist.added",
        "privilege.updated",
        "privilege.created",
    ]
    updated = events[2]
    assert updated["before"] == {"assignability": "Private"}
    assert updated["after"] == {"assignability": "Public"}
    assert updated["actor"] == f"mitid_erhverv:{world.people['provider_admin'].idp_identity_id}"
    assert updated["actorName"] == "Provider Admin"
    assert updated["targetType"] == "privilege"
    assert updated["targetId"] == created.json()["id"]
    assert events[0]["before"]["name"] == "Revideret"
    assert events[0]["after"] is None


def test_assignment_changes_audited(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.as_person("customer_admin").delete(
        live.assignment_path(world.customer_tin, "employee", "public")
    )
    live.as_service("provider_api").put(
        f"/organizations/{world.provider_tin}/identities/mitid_erhverv/{uuid.uuid4()}",
        json={"name": "Via API"},
    )

    events = _events(live, "customer_admin", world.customer_tin)
    provider_events = _events(live, "provider_admin", world.provider_tin)

    assert [event["action"] for event in events[:2]] == ["assignment.removed", "assignment.added"]
    assert events[0]["before"]["privilegeId"] == world.privileges["public"]
    assert events[1]["after"]["idpIdentityId"] == world.people["employee"].idp_identity_id
    assert provider_events[0]["action"] == "identity.added"
    assert provider_events[0]["actor"] == "client:provider-api"


def test_unchanged_writes_not_audited(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    count = len(_events(live, "customer_admin", world.customer_tin, pageSize=1000))

    live.assign("customer_admin", world.customer_tin, "employee", "public")

    assert len(_events(live, "customer_admin", world.customer_tin, pageSize=1000)) == count


def test_audit_paged_newest_first(live: Api) -> None:
    world = live.world
    client = live.as_person("customer_admin")
    for _ in range(7):
        client.put(f"/organizations/{world.customer_tin}/identities/mitid_erhverv/{uuid.uuid4()}")

    first = client.get(
        f"/organizations/{world.customer_tin}/auditEvents", params={"pageSize": 3}
    ).json()
    second = client.get(
        f"/organizations/{world.customer_tin}/auditEvents",
        params={"pageSize": 3, "cursor": first["nextCursor"]},
    ).json()

    ids = [int(event["id"]) for event in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True)
    assert len(set(ids)) == 6
