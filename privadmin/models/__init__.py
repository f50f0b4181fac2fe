"""Typed records of the Privileges API, as the desktop client uses them.

Fields use Python names. How they are spelled on the wire is the business of
privadmin.api_client's adapter module alone, so these classes stay the same
when the production service's definition differs from privserver's.
"""

from privadmin.models.records import (
    Administrator,
    Assignability,
    AssignableGroup,
    Assignment,
    AssignmentChange,
    AuditEvent,
    BatchItemOutcome,
    BatchOutcome,
    BatchResult,
    CallerIdentity,
    ClientInfo,
    Identity,
    InactiveReason,
    Me,
    Organization,
    OrganizationMembership,
    OrganizationScope,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    PrivilegeUsage,
    Role,
    RuntimeIdentity,
    RuntimePrivilege,
    RuntimeResult,
    WhitelistEntry,
)

__all__ = [
    "Administrator",
    "Assignability",
    "AssignableGroup",
    "Assignment",
    "AssignmentChange",
    "AuditEvent",
    "BatchItemOutcome",
    "BatchOutcome",
    "BatchResult",
    "CallerIdentity",
    "ClientInfo",
    "Identity",
    "InactiveReason",
    "Me",
    "Organization",
    "OrganizationMembership",
    "OrganizationScope",
    "Privilege",
    "PrivilegeChanges",
    "PrivilegeDraft",
    "PrivilegeUsage",
    "Role",
    "RuntimeIdentity",
    "RuntimePrivilege",
    "RuntimeResult",
    "WhitelistEntry",
]
