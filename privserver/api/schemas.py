"""Wire records of the API (camelCase JSON), and their construction from domain objects."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer
from pydantic.alias_generators import to_camel

from privserver.db.models import AuditEvent as AuditEventRow
from privserver.db.models import Identity as IdentityRow
from privserver.db.models import Organization as OrganizationRow
from privserver.db.models import Privilege as PrivilegeRow
from privserver.domain.administrators import Administrator as AdministratorValue
from privserver.domain.assignments import AssignmentView
from privserver.domain.caller import Membership
from privserver.domain.identities import Employee
from privserver.domain.privileges import Usage, WhitelistItem
from privserver.domain.runtime import OrganizationScope as ScopeValue
from privserver.domain.values import (
    MAX_BATCH_ITEMS,
    MAX_DESCRIPTION_LENGTH,
    Assignability,
    Idp,
    InactiveReason,
    Role,
)


class Wire(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, serialize_by_alias=True
    )


class RequestBody(Wire):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


# --- runtime (published shapes) ------------------------------------------------------


class RuntimeIdentity(Wire):
    idp_identity_id: str
    idp: str


class ClientInfo(Wire):
    client_id: str
    organization_tin: str


class RuntimePrivilege(Wire):
    id: str
    name: str
    updated: dt.datetime


class OrganizationScope(Wire):
    organization_tin: str
    privileges: list[RuntimePrivilege]


class RuntimeResult(Wire):
    identity: RuntimeIdentity
    client_info: ClientInfo
    organization_scopes: list[OrganizationScope]


def runtime_result(
    idp: str, idp_identity_id: str, client_id: str, provider_tin: str, scopes: list[ScopeValue]
) -> dict[str, Any]:
    """Return the published runtime answer as plain JSON-ready data (the hot path skips models)."""
    return {
        "identity": {"idpIdentityId": idp_identity_id, "idp": idp},
        "clientInfo": {"clientId": client_id, "organizationTin": provider_tin},
        "organizationScopes": [
            {
                "organizationTin": scope.organization_tin,
                "privileges": [
                    {
                        "id": item.id,
                        "name": item.name,
                        "updated": item.updated.isoformat().replace("+00:00", "Z"),
                    }
                    for item in scope.privileges
                ],
            }
            for scope in scopes
        ],
    }


# --- privileges ------------------------------------------------------------------------


class Privilege(Wire):
    id: str
    name: str
    description_danish: str
    description_english: str
    assignability: Assignability
    organization_tin: str
    created: dt.datetime
    updated: dt.datetime
    assignment_count: int

    @classmethod
    def of(cls, privilege: PrivilegeRow, assignment_count: int) -> Privilege:
        return cls(
            id=privilege.id,
            name=privilege.name,
            description_danish=privilege.description_danish,
            description_english=privilege.description_english,
            assignability=Assignability(privilege.assignability),
            organization_tin=privilege.organization_tin,
            created=privilege.created,
            updated=privilege.updated,
            assignment_count=assignment_count,
        )


class PrivilegeDraft(RequestBody):
    name: str = Field(
        description="1 to 100 characters after trimming; unique per owner regardless of case"
    )
    description_danish: str = Field("", max_length=MAX_DESCRIPTION_LENGTH)
    description_english: str = Field("", max_length=MAX_DESCRIPTION_LENGTH)
    assignability: Assignability = Assignability.PRIVATE


class PrivilegeChanges(BaseModel):
    """A change document (JSON or JSON merge patch) for a privilege.

    Only the descriptions and the assignability change. A client may send the
    whole record back with the other fields unchanged. A different id, name or
    organizationTin is rejected.
    """

    model_config = ConfigDict(extra="forbid")

    descriptionDanish: str | None = Field(None, max_length=MAX_DESCRIPTION_LENGTH)
    descriptionEnglish: str | None = Field(None, max_length=MAX_DESCRIPTION_LENGTH)
    assignability: Assignability | None = None
    id: str | None = Field(None, description="immutable: must equal the privilege's id")
    name: str | None = Field(None, description="immutable: must equal the privilege's name")
    organizationTin: str | None = Field(None, description="immutable: must equal the owner's TIN")
    created: str | None = Field(None, description="set by the server; ignored")
    updated: str | None = Field(None, description="set by the server; ignored")
    assignmentCount: int | None = Field(None, description="set by the server; ignored")


class AssignablePrivilegeGroup(Wire):
    organization_tin: str
    organization_name: str
    privileges: list[Privilege]


class WhitelistEntry(Wire):
    organization_tin: str
    organization_name: str
    created: dt.datetime

    @classmethod
    def of(cls, item: WhitelistItem) -> WhitelistEntry:
        return cls(
            organization_tin=item.entry.organization_tin,
            organization_name=item.organization_name,
            created=item.entry.created,
        )


class PrivilegeUsage(Wire):
    organization_tin: str
    organization_name: str
    active_count: int
    inactive_count: int

    @classmethod
    def of(cls, usage: Usage) -> PrivilegeUsage:
        return cls(
            organization_tin=usage.organization_tin,
            organization_name=usage.organization_name,
            active_count=usage.active_count,
            inactive_count=usage.inactive_count,
        )


# --- assignments -------------------------------------------------------------------------


class Assignment(Wire):
    idp_identity_id: str
    idp: str
    privilege_id: str
    privilege_name: str
    privilege_description_danish: str
    privilege_description_english: str
    privilege_organization_tin: str
    created: dt.datetime
    updated: dt.datetime
    assigned_by_organization_tin: str
    active: bool
    inactive_reason: InactiveReason | None = Field(
        None, description="absent when the assignment is active"
    )

    @model_serializer(mode="wrap")
    def _omit_reason_when_active(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("inactiveReason") is None:
            data.pop("inactiveReason", None)
        return data

    @classmethod
    def of(cls, view: AssignmentView) -> Assignment:
        return cls(
            idp_identity_id=view.identity.idp_identity_id,
            idp=view.identity.idp,
            privilege_id=view.privilege.id,
            privilege_name=view.privilege.name,
            privilege_description_danish=view.privilege.description_danish,
            privilege_description_english=view.privilege.description_english,
            privilege_organization_tin=view.privilege.organization_tin,
            created=view.assignment.created,
            updated=view.assignment.updated,
            assigned_by_organization_tin=view.assignment.assigned_by_tin,
            active=view.active,
            inactive_reason=view.inactive_reason,
        )


class AssignmentPage(Wire):
    items: list[Assignment]
    next_cursor: str | None


class AssignmentChange(Wire):
    idp: Idp
    idp_identity_id: str
    privilege_id: str


class BatchRequest(RequestBody):
    add: list[dict[str, Any]] = Field(
        default_factory=list,
        description=f"items {{idp, idpIdentityId, privilegeId}}; add and remove together at most {MAX_BATCH_ITEMS}",
    )
    remove: list[dict[str, Any]] = Field(default_factory=list)


class BatchItemOutcome(Wire):
    change: AssignmentChange
    operation: Literal["add", "remove"]
    outcome: Literal["added", "removed", "unchanged"]


class BatchResult(Wire):
    items: list[BatchItemOutcome]


# --- identities ----------------------------------------------------------------------------


class Identity(Wire):
    idp: str
    idp_identity_id: str
    name: str | None
    email: str | None
    rid: str | None
    last_seen: dt.datetime | None
    assigned_privilege_count: int

    @classmethod
    def of(cls, employee: Employee) -> Identity:
        identity: IdentityRow = employee.identity
        return cls(
            idp=identity.idp,
            idp_identity_id=identity.idp_identity_id,
            name=identity.name,
            email=identity.email,
            rid=identity.rid,
            last_seen=identity.last_seen,
            assigned_privilege_count=employee.assigned_privilege_count,
        )


class IdentityPage(Wire):
    items: list[Identity]
    next_cursor: str | None


class IdentityAttributes(RequestBody):
    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    rid: str | None = Field(None, max_length=40, description="digits only")


# --- organizations, caller, administrators, audit -------------------------------------------


class Organization(Wire):
    tin: str
    name: str

    @classmethod
    def of(cls, organization: OrganizationRow) -> Organization:
        return cls(tin=organization.tin, name=organization.name)


class OrganizationMembership(Wire):
    organization_tin: str
    organization_name: str
    roles: list[Role]

    @classmethod
    def of(cls, membership: Membership) -> OrganizationMembership:
        return cls(
            organization_tin=membership.organization_tin,
            organization_name=membership.organization_name,
            roles=list(membership.roles),
        )


class CallerIdentity(Wire):
    idp: str | None
    idp_identity_id: str | None
    client_id: str | None
    name: str | None


class Me(Wire):
    identity: CallerIdentity
    organizations: list[OrganizationMembership]


class Administrator(Wire):
    idp: str
    idp_identity_id: str
    name: str | None
    roles: list[Role]

    @classmethod
    def of(cls, administrator: AdministratorValue) -> Administrator:
        return cls(
            idp=administrator.idp,
            idp_identity_id=administrator.idp_identity_id,
            name=administrator.name,
            roles=list(administrator.roles),
        )


class AdministratorRoles(RequestBody):
    roles: list[Role] = Field(
        min_length=1, description="the complete set of roles to hold afterwards"
    )


class AuditEvent(Wire):
    id: str
    time: dt.datetime
    actor: str
    actor_name: str | None
    action: str
    target_type: str
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, event: AuditEventRow) -> AuditEvent:
        return cls(
            id=str(event.id),
            time=event.time,
            actor=event.actor,
            actor_name=event.actor_name,
            action=event.action,
            target_type=event.target_type,
            target_id=event.target_id,
            before=event.before,
            after=event.after,
        )


class AuditEventPage(Wire):
    items: list[AuditEvent]
    next_cursor: str | None


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    errors: dict[str, list[str]] | None = Field(
        None, description="messages per invalid field (422 only)"
    )
