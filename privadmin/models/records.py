"""Pydantic records for privileges, assignments, identities and organizations."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base of every record: immutable, and strict about unknown shapes only where it matters."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Assignability(enum.StrEnum):
    PRIVATE = "Private"
    PUBLIC = "Public"
    WHITELIST = "Whitelist"


class InactiveReason(enum.StrEnum):
    NOT_WHITELISTED = "NotWhitelisted"
    PRIVILEGE_PRIVATE = "PrivilegePrivate"


class Role(enum.StrEnum):
    PRIVILEGE_ADMINISTRATOR = "PrivilegeAdministrator"
    PRIVILEGE_ASSIGNER = "PrivilegeAssigner"
    ADMINISTRATOR_MANAGER = "AdministratorManager"
    ASSIGN_IDENTITY_PRIVILEGES_READ = "AssignIdentityPrivilegesRead"


class Privilege(Record):
    id: uuid.UUID
    name: str
    description_danish: str = ""
    description_english: str = ""
    assignability: Assignability
    organization_tin: str
    created: dt.datetime
    updated: dt.datetime
    assignment_count: int = 0
    # The server's ETag for conditional updates, where the response carried one.
    etag: str | None = None


class PrivilegeDraft(Record):
    """A privilege to create."""

    name: str
    description_danish: str = ""
    description_english: str = ""
    assignability: Assignability = Assignability.PRIVATE


class PrivilegeChanges(Record):
    """The fields of a privilege that may change after creation; None leaves a field as it is."""

    description_danish: str | None = None
    description_english: str | None = None
    assignability: Assignability | None = None


class AssignableGroup(Record):
    """Privileges one owning organization lets the caller's organization assign."""

    organization_tin: str
    organization_name: str
    privileges: tuple[Privilege, ...]


class Assignment(Record):
    idp: str
    idp_identity_id: uuid.UUID
    privilege_id: uuid.UUID
    privilege_name: str
    privilege_description_danish: str = ""
    privilege_description_english: str = ""
    privilege_organization_tin: str
    created: dt.datetime
    updated: dt.datetime
    assigned_by_organization_tin: str
    active: bool = True
    inactive_reason: InactiveReason | None = None


class AssignmentChange(Record):
    """One item of a batch: which privilege, to which identity."""

    idp: str
    idp_identity_id: uuid.UUID
    privilege_id: uuid.UUID


class BatchOutcome(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    UNCHANGED = "unchanged"


class BatchItemOutcome(Record):
    change: AssignmentChange
    # The list of the request that the item came from.
    operation: Literal["add", "remove"]
    outcome: BatchOutcome


class BatchResult(Record):
    """The server's outcome for every item of one batch request."""

    items: tuple[BatchItemOutcome, ...]
    # True when the request was sent again after an attempt whose response was lost.
    # That attempt may have been applied, and then the repeat reports its changes
    # as unchanged, so `changed` may miss some of them.
    retried_after_lost_response: bool = False

    @property
    def changed(self) -> tuple[BatchItemOutcome, ...]:
        """The items the server reports as changed: exactly what an undo must reverse."""
        return tuple(item for item in self.items if item.outcome is not BatchOutcome.UNCHANGED)


class Identity(Record):
    """An employee as an organization sees it."""

    idp: str
    idp_identity_id: uuid.UUID
    name: str | None = None
    email: str | None = None
    rid: str | None = None
    last_seen: dt.datetime | None = None
    assigned_privilege_count: int = 0


class WhitelistEntry(Record):
    organization_tin: str
    organization_name: str | None = None
    created: dt.datetime | None = None


class PrivilegeUsage(Record):
    """Assignments of one privilege made by one assigning organization: counts only."""

    organization_tin: str
    organization_name: str | None = None
    active_count: int
    inactive_count: int


class Organization(Record):
    tin: str
    name: str


class OrganizationMembership(Record):
    """An organization in which the caller holds roles."""

    organization_tin: str
    organization_name: str
    roles: tuple[Role, ...]


class CallerIdentity(Record):
    idp: str | None = None
    idp_identity_id: uuid.UUID | None = None
    client_id: str | None = None
    name: str | None = None


class Me(Record):
    identity: CallerIdentity
    organizations: tuple[OrganizationMembership, ...]


class Administrator(Record):
    idp: str
    idp_identity_id: uuid.UUID
    name: str | None = None
    roles: tuple[Role, ...]


class AuditEvent(Record):
    id: str
    time: dt.datetime
    actor: str
    actor_name: str | None = None
    action: str
    target_type: str
    target_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class RuntimeIdentity(Record):
    idp_identity_id: uuid.UUID
    idp: str


class ClientInfo(Record):
    client_id: str
    organization_tin: str


class RuntimePrivilege(Record):
    id: uuid.UUID
    name: str
    updated: dt.datetime


class OrganizationScope(Record):
    organization_tin: str
    privileges: tuple[RuntimePrivilege, ...] = Field(default_factory=tuple)


class RuntimeResult(Record):
    """The published runtime lookup: who, which client, and active privileges per assigner."""

    identity: RuntimeIdentity
    client_info: ClientInfo
    organization_scopes: tuple[OrganizationScope, ...]
