"""The catalog of an organization's own privileges, with whitelists and usage counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response, status
from sqlalchemy.orm import Session

from privserver.api.deps import CallerDep, DatabaseDep
from privserver.api.params import PrivilegeId, Tin, WhitelistedTin
from privserver.api.responses import BODY, problems
from privserver.api.schemas import (
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    PrivilegeUsage,
    WhitelistEntry,
)
from privserver.domain import privileges
from privserver.domain.caller import require_role
from privserver.domain.values import Role, parse_uuid

router = APIRouter(tags=["privileges"])

ADMINISTRATOR = [Role.PRIVILEGE_ADMINISTRATOR]
BASE = "/organizations/{tin}/privileges"
ETAG_HEADER = {
    "ETag": {"description": "version of the privilege, for If-Match", "schema": {"type": "string"}}
}
MERGE_PATCH = "application/merge-patch+json"


def _privilege(session: Session, privilege: Any) -> Privilege:
    entry = privileges.entry(session, privilege)
    return Privilege.of(entry.privilege, entry.assignment_count)


@router.get(
    BASE, response_model=list[Privilege], responses=problems(), summary="The privileges {tin} owns"
)
def list_privileges(tin: Tin, caller: CallerDep, database: DatabaseDep) -> list[Privilege]:
    with database.read() as session:
        require_role(session, caller, tin, ADMINISTRATOR)
        return [
            Privilege.of(entry.privilege, entry.assignment_count)
            for entry in privileges.owned(session, tin)
        ]


@router.post(
    BASE,
    response_model=Privilege,
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {"headers": {**ETAG_HEADER, "Location": {"schema": {"type": "string"}}}},
        **problems(409, *BODY),
    },
    summary="Create a privilege; its id, name and owner never change afterwards",
)
def create_privilege(
    tin: Tin, draft: PrivilegeDraft, caller: CallerDep, database: DatabaseDep, response: Response
) -> Privilege:
    def apply(session: Session) -> tuple[Privilege, str]:
        require_role(session, caller, tin, ADMINISTRATOR)
        privilege = privileges.create(
            session,
            caller,
            tin,
            name=draft.name,
            description_danish=draft.description_danish,
            description_english=draft.description_english,
            assignability=draft.assignability,
        )
        return Privilege.of(privilege, 0), privileges.etag(privilege)

    created, etag = database.write(apply)
    response.headers["ETag"] = etag
    response.headers["Location"] = f"/api/v1/organizations/{tin}/privileges/{created.id}"
    return created


@router.get(
    f"{BASE}/{{privilegeId}}",
    response_model=Privilege,
    responses={200: {"headers": ETAG_HEADER}, **problems(404)},
    summary="One privilege {tin} owns, with its ETag",
)
def get_privilege(
    tin: Tin,
    privilegeId: PrivilegeId,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
) -> Privilege:
    with database.read() as session:
        require_role(session, caller, tin, ADMINISTRATOR)
        privilege = privileges.get_owned(session, tin, parse_uuid(privilegeId, "privilegeId"))
        response.headers["ETag"] = privileges.etag(privilege)
        return _privilege(session, privilege)


@router.patch(
    f"{BASE}/{{privilegeId}}",
    response_model=Privilege,
    responses={200: {"headers": ETAG_HEADER}, **problems(404, 412, 428, *BODY)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/PrivilegeChanges"}},
                MERGE_PATCH: {"schema": {"$ref": "#/components/schemas/PrivilegeChanges"}},
            },
        }
    },
    summary="Change descriptions or assignability; needs If-Match; id, name and owner are immutable",
)
def update_privilege(
    tin: Tin,
    privilegeId: PrivilegeId,
    changes: PrivilegeChanges,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> Privilege:
    privilege_id = parse_uuid(privilegeId, "privilegeId")
    document = {field: getattr(changes, field) for field in changes.model_fields_set}

    def apply(session: Session) -> tuple[Privilege, str]:
        require_role(session, caller, tin, ADMINISTRATOR)
        privilege = privileges.update(
            session, caller, tin, privilege_id, document, if_match=if_match
        )
        return _privilege(session, privilege), privileges.etag(privilege)

    updated, etag = database.write(apply)
    response.headers["ETag"] = etag
    return updated


@router.delete(
    f"{BASE}/{{privilegeId}}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(404),
    summary="Delete a privilege with its whitelist and all its assignments",
)
def delete_privilege(
    tin: Tin, privilegeId: PrivilegeId, caller: CallerDep, database: DatabaseDep
) -> Response:
    privilege_id = parse_uuid(privilegeId, "privilegeId")

    def apply(session: Session) -> None:
        require_role(session, caller, tin, ADMINISTRATOR)
        privileges.remove(session, caller, tin, privilege_id)

    database.write(apply)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    f"{BASE}/{{privilegeId}}/whitelist",
    response_model=list[WhitelistEntry],
    responses=problems(404),
    summary="The organizations that may assign a Whitelist privilege besides its owner",
)
def get_whitelist(
    tin: Tin,
    privilegeId: PrivilegeId,
    caller: CallerDep,
    database: DatabaseDep,
) -> list[WhitelistEntry]:
    with database.read() as session:
        require_role(session, caller, tin, ADMINISTRATOR)
        return [
            WhitelistEntry.of(item)
            for item in privileges.whitelist(session, tin, parse_uuid(privilegeId, "privilegeId"))
        ]


@router.put(
    f"{BASE}/{{privilegeId}}/whitelist/{{whitelistedTin}}",
    response_model=WhitelistEntry,
    responses={201: {"model": WhitelistEntry, "description": "Created"}, **problems(404)},
    summary="Whitelist an organization: 201 when added, 200 when already there",
)
def add_to_whitelist(
    tin: Tin,
    privilegeId: PrivilegeId,
    whitelistedTin: WhitelistedTin,
    caller: CallerDep,
    database: DatabaseDep,
    response: Response,
) -> WhitelistEntry:
    privilege_id = parse_uuid(privilegeId, "privilegeId")

    def apply(session: Session) -> tuple[WhitelistEntry, bool]:
        require_role(session, caller, tin, ADMINISTRATOR)
        item, added = privileges.add_to_whitelist(
            session, caller, tin, privilege_id, whitelistedTin
        )
        return WhitelistEntry.of(item), added

    entry, added = database.write(apply)
    response.status_code = status.HTTP_201_CREATED if added else status.HTTP_200_OK
    return entry


@router.delete(
    f"{BASE}/{{privilegeId}}/whitelist/{{whitelistedTin}}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(404),
    summary="Remove an organization from the whitelist; its assignments become inactive",
)
def remove_from_whitelist(
    tin: Tin,
    privilegeId: PrivilegeId,
    whitelistedTin: WhitelistedTin,
    caller: CallerDep,
    database: DatabaseDep,
) -> Response:
    privilege_id = parse_uuid(privilegeId, "privilegeId")

    def apply(session: Session) -> None:
        require_role(session, caller, tin, ADMINISTRATOR)
        privileges.remove_from_whitelist(session, caller, tin, privilege_id, whitelistedTin)

    database.write(apply)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    f"{BASE}/{{privilegeId}}/usage",
    response_model=list[PrivilegeUsage],
    responses=problems(404),
    summary="Per assigning organization, how many assignments of the privilege are active and inactive",
)
def usage(
    tin: Tin,
    privilegeId: PrivilegeId,
    caller: CallerDep,
    database: DatabaseDep,
) -> list[PrivilegeUsage]:
    with database.read() as session:
        require_role(session, caller, tin, ADMINISTRATOR)
        return [
            PrivilegeUsage.of(item)
            for item in privileges.usage(session, tin, parse_uuid(privilegeId, "privilegeId"))
        ]
