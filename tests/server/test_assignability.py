"""Assignability and whitelists: who may assign, and which assignments are active at runtime."""

from __future__ import annotations

import pytest

from tests.server.conftest import Api

# (privilege, assigner, whitelist the assigner first, expected PUT status, visible at runtime)
RULES = [
    ("private", "owner", False, 201, True),
    ("private", "customer", False, 403, False),
    ("public", "owner", False, 201, True),
    ("public", "customer", False, 201, True),
    ("whitelist", "owner", False, 201, True),
    ("whitelist", "customer", True, 201, True),
    ("whitelist", "customer", False, 403, False),
]


@pytest.mark.parametrize(("privilege", "assigner", "whitelisted", "status", "visible"), RULES)
def test_assignability_rule(
    live: Api, privilege: str, assigner: str, whitelisted: bool, status: int, visible: bool
) -> None:
    world = live.world
    admin, tin = (
        ("provider_admin", world.provider_tin)
        if assigner == "owner"
        else ("customer_admin", world.customer_tin)
    )
    if whitelisted:
        assert live.set_whitelisted(privilege, tin, True).status_code == 201

    response = live.assign(admin, tin, "employee", privilege)

    assert response.status_code == status, response.text
    runtime = live.runtime("employee")
    assert (world.privileges[privilege] in runtime.get(tin, set())) is visible


def test_assignable_privileges_follow_rules(live: Api) -> None:
    world = live.world
    assert live.set_whitelisted("whitelist", world.customer_tin, True).status_code == 201

    response = live.as_person("customer_admin").get(
        f"/organizations/{world.customer_tin}/assignablePrivileges"
    )

    assert response.status_code == 200
    offered = {
        group["organizationTin"]: {item["id"] for item in group["privileges"]}
        for group in response.json()
    }
    assert offered[world.provider_tin] == {
        world.privileges["public"],
        world.privileges["whitelist"],
    }
    assert offered[world.other_provider_tin] == {world.privileges["other_public"]}

    other = live.as_person("other_customer_admin").get(
        f"/organizations/{world.other_customer_tin}/assignablePrivileges"
    )
    offered_other = {
        group["organizationTin"]: {item["id"] for item in group["privileges"]}
        for group in other.json()
    }
    assert offered_other[world.provider_tin] == {world.privileges["public"]}


def test_owner_sees_own_private_privileges(live: Api) -> None:
    world = live.world
    response = live.as_person("provider_admin").get(
        f"/organizations/{world.provider_tin}/assignablePrivileges"
    )
    groups = response.json()
    assert groups[0]["organizationTin"] == world.provider_tin
    assert {item["id"] for item in groups[0]["privileges"]} == {
        world.privileges["private"],
        world.privileges["public"],
        world.privileges["whitelist"],
    }


def test_whitelist_leave_and_return(live: Api) -> None:
    world = live.world
    privilege_id = world.privileges["whitelist"]
    assert live.set_whitelisted("whitelist", world.customer_tin, True).status_code == 201
    assert (
        live.assign("customer_admin", world.customer_tin, "employee", "whitelist").status_code
        == 201
    )
    created = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id][
        "created"
    ]
    assert privilege_id in live.runtime("employee")[world.customer_tin]

    assert live.set_whitelisted("whitelist", world.customer_tin, False).status_code == 204

    left = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id]
    assert left["active"] is False
    assert left["inactiveReason"] == "NotWhitelisted"
    assert world.customer_tin not in live.runtime("employee")
    assert (
        live.assign("customer_admin", world.customer_tin, "employee", "whitelist").status_code
        == 403
    )
    usage = live.as_person("provider_admin").get(
        f"/organizations/{world.provider_tin}/privileges/{privilege_id}/usage"
    )
    assert usage.json() == [
        {
            "organizationTin": world.customer_tin,
            "organizationName": "Ærø Revision ApS",
            "activeCount": 0,
            "inactiveCount": 1,
        }
    ]

    assert live.set_whitelisted("whitelist", world.customer_tin, True).status_code == 201

    returned = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id]
    assert returned["active"] is True
    assert "inactiveReason" not in returned
    assert returned["created"] == created
    assert privilege_id in live.runtime("employee")[world.customer_tin]


def test_public_turning_private(live: Api) -> None:
    world = live.world
    privilege_id = world.privileges["public"]
    assert (
        live.assign("customer_admin", world.customer_tin, "employee", "public").status_code == 201
    )
    assert (
        live.assign("provider_admin", world.provider_tin, "employee", "public").status_code == 201
    )

    assert live.set_assignability("public", "Private").status_code == 200

    inactive = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id]
    assert inactive["active"] is False
    assert inactive["inactiveReason"] == "PrivilegePrivate"
    runtime = live.runtime("employee")
    assert world.customer_tin not in runtime
    assert runtime[world.provider_tin] == {privilege_id}

    assert live.set_assignability("public", "Public").status_code == 200

    assert (
        live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id][
            "active"
        ]
        is True
    )
    assert live.runtime("employee")[world.customer_tin] == {privilege_id}


def test_public_turning_whitelist(live: Api) -> None:
    world = live.world
    privilege_id = world.privileges["public"]
    assert (
        live.assign("customer_admin", world.customer_tin, "employee", "public").status_code == 201
    )

    assert live.set_assignability("public", "Whitelist").status_code == 200

    inactive = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id]
    assert inactive["inactiveReason"] == "NotWhitelisted"
    assert live.set_whitelisted("public", world.customer_tin, True).status_code == 201
    assert (
        live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id][
            "active"
        ]
        is True
    )


def test_whitelisted_privilege_turning_private(live: Api) -> None:
    world = live.world
    privilege_id = world.privileges["whitelist"]
    live.set_whitelisted("whitelist", world.customer_tin, True)
    live.assign("customer_admin", world.customer_tin, "employee", "whitelist")

    assert live.set_assignability("whitelist", "Private").status_code == 200

    inactive = live.assignments_of("customer_admin", world.customer_tin, "employee")[privilege_id]
    assert inactive["inactiveReason"] == "PrivilegePrivate"
    assert world.customer_tin not in live.runtime("employee")


def test_inactive_assignment_can_be_deleted(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.set_assignability("public", "Private")

    path = live.assignment_path(world.customer_tin, "employee", "public")
    response = live.as_person("customer_admin").delete(path)

    assert response.status_code == 204
    assert live.assignments_of("customer_admin", world.customer_tin, "employee") == {}
    live.set_assignability("public", "Public")
    assert live.runtime("employee") == {}
