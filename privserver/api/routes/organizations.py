"""The caller, organizations, and an organization's audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from privserver.api.deps import CallerDep, DatabaseDep
from privserver.api.params import Cursor, PageSize, Tin
from privserver.api.responses import problems
from privserver.api.schemas import (
    AuditEvent,
    AuditEventPage,
    CallerIdentity,
    Me,
    Organization,
    OrganizationMembership,
)
from privserver.domain import audit, organizations
from privserver.domain.caller import memberships, require_role
from privserver.domain.values import DEFAULT_PAGE_SIZE, Role

router = APIRouter(tags=["organizations"])

AUDIT_READERS = [Role.ADMINISTRATOR_MANAGER, Role.PRIVILEGE_ADMINISTRATOR, Role.PRIVILEGE_ASSIGNER]


@router.get(
    "/me",
    response_model=Me,
    responses=problems(),
    summary="The caller and its roles per organization",
)
def me(request: Request, caller: CallerDep, database: DatabaseDep) -> Me:
    with database.read() as session:
        name = caller.display_name(session)
        if name is None:
            claimed = request.state.claims.get("name")
            name = claimed if isinstance(claimed, str) else None
        return Me(
            identity=CallerIdentity(
                idp=caller.idp,
                idp_identity_id=caller.idp_identity_id,
                client_id=caller.client_id,
                name=name,
            ),
            organizations=[
                OrganizationMembership.of(item) for item in memberships(session, caller)
            ],
        )


@router.get(
    "/organizations",
    response_model=list[Organization],
    responses=problems(),
    summary="Find organizations by name or TIN (at most 50), e.g. to whitelist one",
)
def search_organizations(
    caller: CallerDep,
    database: DatabaseDep,
    search: Annotated[
        str, Query(max_length=200, description="part of the name or TIN, regardless of case")
    ] = "",
) -> list[Organization]:
    with database.read() as session:
        return [Organization.of(item) for item in organizations.search(session, search)]


@router.get(
    "/organizations/{tin}",
    response_model=Organization,
    responses=problems(404),
    summary="One organization",
)
def get_organization(tin: Tin, caller: CallerDep, database: DatabaseDep) -> Organization:
    with database.read() as session:
        return Organization.of(organizations.get(session, tin))


@router.get(
    "/organizations/{tin}/auditEvents",
    response_model=AuditEventPage,
    responses=problems(),
    summary="Every change in {tin}, newest first, paged",
)
def audit_events(
    tin: Tin,
    caller: CallerDep,
    database: DatabaseDep,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
) -> AuditEventPage:
    with database.read() as session:
        require_role(session, caller, tin, AUDIT_READERS)
        page = audit.events(session, tin, page_size=page_size, cursor=cursor)
        return AuditEventPage(
            items=[AuditEvent.of(event) for event in page.items], next_cursor=page.next_cursor
        )
