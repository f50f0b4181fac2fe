"""Parallel writers and all-or-nothing batches."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select, text

from privserver.db.models import Assignment, AuditEvent, Identity
from tests.server.conftest import Api

PARALLEL_REQUESTS = 20


def _count(live: Api, model: type, *conditions: object) -> int:
    with live.world.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0  # type: ignore[arg-type]


def test_parallel_identical_assignments(live: Api) -> None:
    world = live.world
    path = live.assignment_path(world.customer_tin, "employee", "public")
    clients = [live.as_person("customer_admin") for _ in range(PARALLEL_REQUESTS)]

    with ThreadPoolExecutor(max_workers=PARALLEL_REQUESTS) as pool:
        statuses = list(pool.map(lambda client: client.put(path).status_code, clients))

    assert sorted(statuses) == [200] * (PARALLEL_REQUESTS - 1) + [201]
    assert _count(live, Assignment, Assignment.privilege_id == world.privileges["public"]) == 1
    assert _count(live, AuditEvent, AuditEvent.action == "assignment.added") == 1


def test_parallel_assignments_to_new_identity(live: Api) -> None:
    world = live.world
    identity_id = str(uuid.uuid4())
    base = f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/mitid_erhverv/{identity_id}"
    paths = [
        f"{base}/{world.privileges['public']}",
        f"{base}/{world.privileges['other_public']}",
    ] * 10
    clients = [live.as_person("customer_admin") for _ in paths]

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        statuses = list(
            pool.map(
                lambda pair: pair[0].put(pair[1]).status_code, zip(clients, paths, strict=True)
            )
        )

    assert statuses.count(201) == 2
    assert statuses.count(200) == len(paths) - 2
    assert _count(live, Identity, Identity.idp_identity_id == identity_id) == 1


def test_parallel_identical_batches(live: Api) -> None:
    world = live.world
    items = [
        {
            "idp": "mitid_erhverv",
            "idpIdentityId": str(uuid.uuid4()),
            "privilegeId": world.privileges["public"],
        }
        for _ in range(50)
    ]
    path = f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/batch"
    clients = [live.as_person("customer_admin") for _ in range(4)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(lambda client: client.post(path, json={"add": items}), clients))

    assert [response.status_code for response in responses] == [200] * 4
    added = [
        sum(item["outcome"] == "added" for item in response.json()["items"])
        for response in responses
    ]
    assert sorted(added) == [0, 0, 0, 50]
    assert _count(live, Assignment, Assignment.assigned_by_tin == world.customer_tin) == 50


def _inject_insert_fault(live: Api, identity_id: int) -> None:
    """Make the database reject inserting an assignment for `identity_id`, as a failing disk would."""
    with live.world.session() as session, session.begin():
        if session.bind.dialect.name == "sqlite":  # type: ignore[union-attr]
            session.execute(
                text(
                    "CREATE TRIGGER fail_assignment BEFORE INSERT ON assignments "
                    f"WHEN NEW.identity_id = {identity_id} BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
                )
            )
        else:
            session.execute(
                text(
                    "CREATE FUNCTION fail_assignment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    f"IF NEW.identity_id = {identity_id} THEN RAISE EXCEPTION 'injected fault'; END IF; "
                    "RETURN NEW; END $$"
                )
            )
            session.execute(
                text(
                    "CREATE TRIGGER fail_assignment BEFORE INSERT ON assignments "
                    "FOR EACH ROW EXECUTE FUNCTION fail_assignment()"
                )
            )


def test_batch_failing_halfway_applies_nothing(live: Api) -> None:
    world = live.world
    assert (
        live.assign("customer_admin", world.customer_tin, "employee", "public").status_code == 201
    )
    employee_id = world.people["employee"].idp_identity_id
    with world.session() as session:
        employee_row = session.scalar(
            select(Identity.id).where(Identity.idp_identity_id == employee_id)
        )
    assert employee_row is not None
    _inject_insert_fault(live, employee_row)
    before = world.snapshot()

    add = [
        {
            "idp": "mitid_erhverv",
            "idpIdentityId": str(uuid.uuid4()),
            "privilegeId": world.privileges["public"],
        }
        for _ in range(10)
    ]
    add.append(
        {
            "idp": "mitid_erhverv",
            "idpIdentityId": employee_id,
            "privilegeId": world.privileges["other_public"],
        }
    )
    remove = [
        {
            "idp": "mitid_erhverv",
            "idpIdentityId": employee_id,
            "privilegeId": world.privileges["public"],
        }
    ]
    response = live.as_person("customer_admin").post(
        f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/batch",
        json={"add": add, "remove": remove},
    )

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "injected fault" not in response.text
    assert response.headers["x-request-id"] in response.json()["detail"]
    assert world.snapshot() == before


def test_batch_with_invalid_item_applies_nothing(live: Api) -> None:
    world = live.world
    before = world.snapshot()
    add = [
        {
            "idp": "mitid_erhverv",
            "idpIdentityId": str(uuid.uuid4()),
            "privilegeId": world.privileges["public"],
        }
        for _ in range(10)
    ]
    add[4]["privilegeId"] = world.privileges["private"]
    add[7]["idp"] = "nemid"

    response = live.as_person("customer_admin").post(
        f"/organizations/{world.customer_tin}/assignedIdentityPrivileges/batch", json={"add": add}
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"add[4].privilegeId", "add[7].idp"}
    assert world.snapshot() == before
