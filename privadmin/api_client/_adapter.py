"""The one module that contains the Privileges API's paths, query parameters and wire field names.

Everything else in the client works with privadmin.models records. Pointing the
client at another definition of the API (the production service's full one)
changes this module only. Published endpoints are used exactly as published.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel

from privadmin.models import (
    AssignmentChange,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    Role,
)

RecordT = TypeVar("RecordT", bound=BaseModel)

API_PREFIX = "/api/v1"
# The server accepts at most this many items in one batch request (413 above).
MAX_BATCH_ITEMS = 5000
# The server accepts page sizes from 1 to this.
MAX_PAGE_SIZE = 1000

PATCH_CONTENT_TYPE = "application/merge-patch+json"
PROBLEM_CONTENT_TYPE = "application/problem+json"


# Paths, relative to the API base URL (which includes /api/v1).


def _segment(value: object) -> str:
    return quote(str(value), safe="")


def _organization(tin: str) -> str:
    return f"/organizations/{_segment(tin)}"


def me_path() -> str:
    return "/me"


def organization_path(tin: str) -> str:
    return _organization(tin)


def organizations_path() -> str:
    return "/organizations"


def search_params(search: str) -> dict[str, str]:
    return {"search": search}


def identities_path(tin: str) -> str:
    return f"{_organization(tin)}/identities"


def identity_path(tin: str, idp: str, idp_identity_id: object) -> str:
    return f"{identities_path(tin)}/{_segment(idp)}/{_segment(idp_identity_id)}"


def assignable_privileges_path(tin: str) -> str:
    return f"{_organization(tin)}/assignablePrivileges"


def assignments_path(tin: str) -> str:
    return f"{_organization(tin)}/assignedIdentityPrivileges"


def assignments_params(privilege_id: object | None) -> dict[str, str]:
    return {} if privilege_id is None else {"privilegeId": str(privilege_id)}


def identity_assignments_path(tin: str, idp: str, idp_identity_id: object) -> str:
    """Return the published path of the assignments `tin` made to one identity."""
    return f"{assignments_path(tin)}/{_segment(idp)}/{_segment(idp_identity_id)}"


def assignment_path(tin: str, idp: str, idp_identity_id: object, privilege_id: object) -> str:
    return f"{identity_assignments_path(tin, idp, idp_identity_id)}/{_segment(privilege_id)}"


def batch_path(tin: str) -> str:
    return f"{assignments_path(tin)}/batch"


def runtime_path(tin: str, idp: str, idp_identity_id: object) -> str:
    """Return the published path of the runtime lookup with a service token."""
    return f"{identity_assignments_path(tin, idp, idp_identity_id)}/runtime"


def my_runtime_path() -> str:
    """Return the published path of the runtime lookup with an end user's token."""
    return "/identity/privileges"


def privileges_path(tin: str) -> str:
    return f"{_organization(tin)}/privileges"


def privilege_path(tin: str, privilege_id: object) -> str:
    return f"{privileges_path(tin)}/{_segment(privilege_id)}"


def whitelist_path(tin: str, privilege_id: object) -> str:
    return f"{privilege_path(tin, privilege_id)}/whitelist"


def whitelist_entry_path(tin: str, privilege_id: object, whitelisted_tin: str) -> str:
    return f"{whitelist_path(tin, privilege_id)}/{_segment(whitelisted_tin)}"


def usage_path(tin: str, privilege_id: object) -> str:
    return f"{privilege_path(tin, privilege_id)}/usage"


def administrators_path(tin: str) -> str:
    return f"{_organization(tin)}/administrators"


def administrator_path(tin: str, idp: str, idp_identity_id: object) -> str:
    return f"{administrators_path(tin)}/{_segment(idp)}/{_segment(idp_identity_id)}"


def audit_events_path(tin: str) -> str:
    return f"{_organization(tin)}/auditEvents"


# Cursor pages.


def page_params(page_size: int, cursor: str | None) -> dict[str, str]:
    params = {"pageSize": str(page_size)}
    if cursor is not None:
        params["cursor"] = cursor
    return params


def read_page(data: Any) -> tuple[list[Any], str | None]:
    """Split a page into its raw items and the next cursor (None on the last page)."""
    if not isinstance(data, Mapping):
        raise TypeError(f"a page must be a JSON object, got {type(data).__name__}")
    if "items" not in data:
        raise TypeError("a page must have 'items'")
    items = data["items"]
    if not isinstance(items, list):
        raise TypeError(f"'items' must be a JSON array, got {type(items).__name__}")
    cursor = data.get("nextCursor")
    if cursor is not None and not isinstance(cursor, str):
        raise TypeError(f"'nextCursor' must be a string or null, got {type(cursor).__name__}")
    return items, cursor or None


# Records. A record's field `some_name` is `someName` on the wire unless listed here.

# Fields that are not in JSON bodies at all (the ETag comes from a header).
_NOT_ON_WIRE: dict[type[BaseModel], frozenset[str]] = {Privilege: frozenset({"etag"})}
_WIRE_NAME_OVERRIDES: dict[tuple[type[BaseModel], str], str] = {}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def wire_fields(record: type[BaseModel]) -> dict[str, str]:
    """Return the JSON name of each field of `record` that travels in bodies."""
    skipped = _NOT_ON_WIRE.get(record, frozenset())
    return {
        name: _WIRE_NAME_OVERRIDES.get((record, name), _camel(name))
        for name in record.model_fields
        if name not in skipped
    }


def _record_type(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _from_wire_value(annotation: Any, value: Any) -> Any:
    record = _record_type(annotation)
    if record is not None:
        return _from_wire_object(record, value)

    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        records = [argument for argument in arguments if _record_type(argument) is not None]
        if len(records) == 1 and value is not None:
            return _from_wire_value(records[0], value)
        return value
    if origin in (tuple, list) and arguments and isinstance(value, list):
        return [_from_wire_value(arguments[0], item) for item in value]
    return value


def _from_wire_object(record: type[BaseModel], data: Any) -> Any:
    # Anything but an object is handed on unchanged, so that validation reports it.
    if not isinstance(data, Mapping):
        return data
    converted: dict[str, Any] = {}
    for name, wire_name in wire_fields(record).items():
        if wire_name in data:
            annotation = record.model_fields[name].annotation
            converted[name] = _from_wire_value(annotation, data[wire_name])
    return converted


def read_record(record: type[RecordT], data: Any, **extra: Any) -> RecordT:
    """Validate one wire object as `record`; raises pydantic.ValidationError or TypeError."""
    converted = _from_wire_object(record, data)
    if isinstance(converted, dict):
        converted.update(extra)
    return record.model_validate(converted)


def read_records(record: type[RecordT], data: Any) -> list[RecordT]:
    """Validate a wire array of `record` objects."""
    if not isinstance(data, list):
        raise TypeError(f"expected a JSON array of {record.__name__}, got {type(data).__name__}")
    return [read_record(record, item) for item in data]


def _to_wire(record: BaseModel, *, skip_none: bool) -> dict[str, Any]:
    wire: dict[str, Any] = {}
    for name, value in record.model_dump(mode="json").items():
        if skip_none and value is None:
            continue
        wire[_WIRE_NAME_OVERRIDES.get((type(record), name), _camel(name))] = value
    return wire


def privilege_draft_body(draft: PrivilegeDraft) -> dict[str, Any]:
    return _to_wire(draft, skip_none=False)


def privilege_changes_body(changes: PrivilegeChanges) -> dict[str, Any]:
    """Build a JSON merge patch: fields left as None are not sent, so the server keeps them."""
    return _to_wire(changes, skip_none=True)


def identity_body(name: str | None, email: str | None, rid: str | None) -> dict[str, Any]:
    attributes = {"name": name, "email": email, "rid": rid}
    return {key: value for key, value in attributes.items() if value is not None}


def administrator_body(roles: Sequence[Role]) -> dict[str, Any]:
    return {"roles": [Role(role).value for role in roles]}


# Batches.

# The batch response is read as a BatchResult record:
# `{"items": [{"change": {"idp", "idpIdentityId", "privilegeId"}, "operation": "add"|"remove",
# "outcome": "added"|"removed"|"unchanged"}]}`.


def batch_body(add: Iterable[AssignmentChange], remove: Iterable[AssignmentChange]) -> dict[str, Any]:
    return {
        "add": [_to_wire(change, skip_none=False) for change in add],
        "remove": [_to_wire(change, skip_none=False) for change in remove],
    }


# Problem documents (RFC 9457).


def read_problem(data: Any) -> dict[str, Any]:
    """Pick the problem fields out of a problem+json body, tolerating missing or odd ones."""
    if not isinstance(data, Mapping):
        return {}
    problem: dict[str, Any] = {}
    for key in ("type", "title", "detail"):
        if isinstance(data.get(key), str):
            problem[key] = data[key]
    errors = data.get("errors")
    if isinstance(errors, Mapping):
        problem["errors"] = {
            str(field): [str(message) for message in messages]
            if isinstance(messages, list)
            else [str(messages)]
            for field, messages in errors.items()
        }
    return problem
