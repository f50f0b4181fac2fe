"""Assignments an organization makes, singly and in atomic batches, and what it may assign."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.orm import Session

from privserver.api.deps import CallerDep, DatabaseDep
from privserver.api.params import Cursor, IdpIdentityId, IdpParam, PageSize, PrivilegeId, Tin
from privserver.api.responses import BODY, problems
from privserver.api.schemas import (
    AssignablePrivilegeGroup,
    Assignment,
    AssignmentChange,
    AssignmentPage,
    BatchItemOutcome,
    BatchRequest,
    BatchResult,
    Privilege,
)
from privserver.domain import assignments
from privserver.domain.caller import require_role
from privserver.domain.values import DEFAULT_PAGE_SIZE, UUID_PATTERN, Idp, Role, parse_uuid

router = APIRouter(tags=["assignments"])

ASSIGNER = [Role.PRIVILEGE_ASSIGNER]
BASE = "/organizations/{tin}/assignedIdentityPrivileges"


@router.get(
    "/organizations/{tin}/assignablePrivileges",
    response_model=list[AssignablePrivilegeGroup],
    responses=problems(),
    summary="Privileges {tin} may assign, grouped by owning organization",
)
def assignable_privileges(
    tin: Tin, caller: CallerDep, database: DatabaseDep
) -> list[AssignablePrivilegeGroup]:
    with database.read() as session:
        require_role(session, caller, tin, ASSIGNER)
        groups = assignments.assignable(session, tin)
        return [
            AssignablePrivilegeGroup(
                organization_tin=group.organization.tin,
                organization_name=group.organization.name,
                privileges=[
                    Privilege.of(privilege, count) for privilege, count in group.privileges
                ],
            )
            for group in groups
        ]


@router.get(
    BASE,
    response_model=AssignmentPage,
    responses=problems(),
    summary="Every assignment {tin} made, paged",
)
def list_assignments(
    tin: Tin,
    caller: CallerDep,
    database: DatabaseDep,
    privilege_id: Annotated[str | None, Query(alias="privilegeId", pattern=UUID_PATTERN)] = None,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
) -> AssignmentPage:
    privilege_filter = parse_uuid(privilege_id, "privilegeId") if privilege_id is not None else None
    with database.read() as session:
        require_role(session, caller, tin, ASSIGNER)
        page = assignments.made_by(
            session, tin, privilege_id=privilege_filter, page_size=page_size, cursor=cursor
        )
        return AssignmentPage(
            items=[Assignment.of(view) for view in page.items], next_cursor=page.next_cursor
        )


@router.post(
    f"{BASE}/batch",
    response_model=BatchResult,
    responses=problems(*BODY),
    summary="Add and remove assignments in one transaction, all or nothing (at most 5000 items)",
)
def batch(tin: Tin, body: BatchRequest, caller: CallerDep, database: DatabaseDep) -> BatchResult:
    def changes(items: list[dict[str, object]]) -> list[assignments.Change]:
        return [
            assignments.Change(item.get("idp"), item.get("idpIdentityId"), item.get("privilegeId"))
            for item in items
        ]

    def apply(session: Session) -> list[assignments.ChangeOutcome]:
        require_role(session, caller, tin, ASSIGNER)
        return assignments.apply_batch(
            session, caller, tin, changes(body.add), changes(body.remove)
        )

    outcomes = database.write(apply)
    return BatchResult(
        items=[
            BatchItemOutcome(
                change=AssignmentChange(
                    idp=Idp(outcome.idp),
                    idp_identity_id=outcome.idp_identity_id,
                    privilege_id=outcome.privilege_id,
                ),
                operation=outcome.operation,
                outcome=outcome.outcome,
            )
            for outcome in outcomes
        ]
    )


@router.get(
    f"{BASE}/{{idp}}/{{idpIdentityId}}",
    response_model=list[Assignment],
    responses=problems(),
    summary="The assignments {tin} made to an identity, active or not",
)
def identity_assignments(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    caller: CallerDep,
    database: DatabaseDep,
) -> list[Assignment]:
    with database.read() as session:
        require_role(session, caller, tin, ASSIGNER)
        views = assignments.made_to(
            session, tin, idp.value, parse_uuid(idpIdentityId, "idpIdentityId")
        )
        return [Assignment.of(view) for view in views]


@router.put(
    f"{BASE}/{{idp}}/{{idpIdentityId}}/{{privilegeId}}",
    response_model=Assignment,
    status_code=status.HTTP_200_OK,
    responses={201: {"model": Assignment, "description": "Created"}, **problems(404)},
    summary="Assign a privilege: 201 when created, 200 when it already existed",
)
def assign(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    privilegeId: PrivilegeId,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
) -> Assignment:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")
    privilege_id = parse_uuid(privilegeId, "privilegeId")

    def apply(session: Session) -> tuple[Assignment, bool]:
        require_role(session, caller, tin, ASSIGNER)
        view, created = assignments.assign(
            session, caller, tin, idp.value, identity_id, privilege_id
        )
        return Assignment.of(view), created

    assignment, created = database.write(apply)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return assignment


@router.delete(
    f"{BASE}/{{idp}}/{{idpIdentityId}}/{{privilegeId}}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(404),
    summary="Remove an assignment {tin} made (inactive ones too): 204, or 404 when absent",
)
def unassign(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    privilegeId: PrivilegeId,
    caller: CallerDep,
    database: DatabaseDep,
) -> Response:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")
    privilege_id = parse_uuid(privilegeId, "privilegeId")

    def apply(session: Session) -> None:
        require_role(session, caller, tin, ASSIGNER)
        assignments.unassign(session, caller, tin, idp.value, identity_id, privilege_id)

    database.write(apply)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
