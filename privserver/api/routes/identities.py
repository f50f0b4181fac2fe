"""The employees an organization knows: listing with search, adding by UUID, removing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.orm import Session

from privserver.api.deps import CallerDep, DatabaseDep
from privserver.api.params import Cursor, IdpIdentityId, IdpParam, PageSize, Tin
from privserver.api.responses import BODY, problems
from privserver.api.schemas import Identity, IdentityAttributes, IdentityPage
from privserver.domain import identities
from privserver.domain.caller import require_role
from privserver.domain.values import DEFAULT_PAGE_SIZE, Role, parse_uuid

router = APIRouter(tags=["identities"])

ASSIGNER = [Role.PRIVILEGE_ASSIGNER]
BASE = "/organizations/{tin}/identities"


@router.get(
    BASE,
    response_model=IdentityPage,
    responses=problems(),
    summary="The employees {tin} knows, paged",
)
def list_identities(
    tin: Tin,
    caller: CallerDep,
    database: DatabaseDep,
    search: Annotated[
        str | None,
        Query(max_length=200, description="matches name, email, RID and UUID, regardless of case"),
    ] = None,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
) -> IdentityPage:
    with database.read() as session:
        require_role(session, caller, tin, ASSIGNER)
        page = identities.employees(session, tin, search=search, page_size=page_size, cursor=cursor)
        return IdentityPage(
            items=[Identity.of(employee) for employee in page.items], next_cursor=page.next_cursor
        )


@router.put(
    f"{BASE}/{{idp}}/{{idpIdentityId}}",
    response_model=Identity,
    responses={201: {"model": Identity, "description": "Created"}, **problems(*BODY)},
    summary="Add an employee by UUID (201), or update its name, email or RID (200)",
)
def put_identity(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
    attributes: IdentityAttributes | None = None,
) -> Identity:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")
    values = attributes or IdentityAttributes()

    def apply(session: Session) -> tuple[Identity, bool]:
        require_role(session, caller, tin, ASSIGNER)
        employee, added = identities.put(
            session,
            caller,
            tin,
            idp.value,
            identity_id,
            name=values.name,
            email=values.email,
            rid=values.rid,
        )
        return Identity.of(employee), added

    identity, added = database.write(apply)
    response.status_code = status.HTTP_201_CREATED if added else status.HTTP_200_OK
    return identity


@router.delete(
    f"{BASE}/{{idp}}/{{idpIdentityId}}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(404),
    summary="Remove an employee and every assignment {tin} made to it",
)
def delete_identity(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    caller: CallerDep,
    database: DatabaseDep,
) -> Response:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")

    def apply(session: Session) -> None:
        require_role(session, caller, tin, ASSIGNER)
        identities.remove(session, caller, tin, idp.value, identity_id)

    database.write(apply)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
