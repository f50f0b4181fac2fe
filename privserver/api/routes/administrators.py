"""Administrators of an organization and their roles."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.orm import Session

from privserver.api.deps import CallerDep, DatabaseDep
from privserver.api.params import IdpIdentityId, IdpParam, Tin
from privserver.api.responses import BODY, problems
from privserver.api.schemas import Administrator, AdministratorRoles
from privserver.domain import administrators
from privserver.domain.caller import require_role
from privserver.domain.values import Role, parse_uuid

router = APIRouter(tags=["administrators"])

MANAGER = [Role.ADMINISTRATOR_MANAGER]
# Anyone administering the organization may see who else does.
ADMINISTRATION_ROLES = [
    Role.ADMINISTRATOR_MANAGER,
    Role.PRIVILEGE_ADMINISTRATOR,
    Role.PRIVILEGE_ASSIGNER,
]
BASE = "/organizations/{tin}/administrators"


@router.get(
    BASE,
    response_model=list[Administrator],
    responses=problems(),
    summary="The people holding roles in {tin}",
)
def list_administrators(tin: Tin, caller: CallerDep, database: DatabaseDep) -> list[Administrator]:
    with database.read() as session:
        require_role(session, caller, tin, ADMINISTRATION_ROLES)
        return [Administrator.of(item) for item in administrators.administrators(session, tin)]


@router.put(
    f"{BASE}/{{idp}}/{{idpIdentityId}}",
    response_model=Administrator,
    responses={201: {"model": Administrator, "description": "Created"}, **problems(409, *BODY)},
    summary="Set a person's roles in {tin} (the complete set): 201 when new, 200 otherwise",
)
def put_administrator(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    body: AdministratorRoles,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
) -> Administrator:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")

    def apply(session: Session) -> tuple[Administrator, bool]:
        require_role(session, caller, tin, MANAGER)
        administrator, added = administrators.put(
            session, caller, tin, idp.value, identity_id, set(body.roles)
        )
        return Administrator.of(administrator), added

    administrator, added = database.write(apply)
    response.status_code = status.HTTP_201_CREATED if added else status.HTTP_200_OK
    return administrator


@router.delete(
    f"{BASE}/{{idp}}/{{idpIdentityId}}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(404, 409),
    summary="Take all of a person's roles in {tin}; 409 for the last AdministratorManager",
)
def delete_administrator(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    caller: CallerDep,
    database: DatabaseDep,
) -> Response:
    identity_id = parse_uuid(idpIdentityId, "idpIdentityId")

    def apply(session: Session) -> None:
        require_role(session, caller, tin, MANAGER)
        administrators.remove(session, caller, tin, idp.value, identity_id)

    database.write(apply)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
