"""Every path and query parameter of the client's adapter exists in the live server's OpenAPI document."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from privadmin import models
from privadmin.api_client import _adapter

TIN = "DK31000001"
IDP = "mitid_erhverv"
IDENTITY = uuid.UUID("0b8d1c9e-3f6a-4c2b-8e7d-1a2b3c4d5e6f")
PRIVILEGE = uuid.UUID("5f0c3a52-8d5e-4d8e-9b43-0d6b5c2f6a11")

# (HTTP method, path from the adapter, query parameters the client sends there)
OPERATIONS: list[tuple[str, str, set[str]]] = [
    ("get", _adapter.me_path(), set()),
    ("get", _adapter.organization_path(TIN), set()),
    ("get", _adapter.organizations_path(), {"search"}),
    ("get", _adapter.identities_path(TIN), {"search", "pageSize", "cursor"}),
    ("put", _adapter.identity_path(TIN, IDP, IDENTITY), set()),
    ("delete", _adapter.identity_path(TIN, IDP, IDENTITY), set()),
    ("get", _adapter.assignable_privileges_path(TIN), set()),
    ("get", _adapter.identity_assignments_path(TIN, IDP, IDENTITY), set()),
    ("get", _adapter.assignments_path(TIN), {"privilegeId", "pageSize", "cursor"}),
    ("put", _adapter.assignment_path(TIN, IDP, IDENTITY, PRIVILEGE), set()),
    ("delete", _adapter.assignment_path(TIN, IDP, IDENTITY, PRIVILEGE), set()),
    ("post", _adapter.batch_path(TIN), set()),
    ("get", _adapter.runtime_path(TIN, IDP, IDENTITY), set()),
    ("get", _adapter.my_runtime_path(), set()),
    ("get", _adapter.privileges_path(TIN), set()),
    ("post", _adapter.privileges_path(TIN), set()),
    ("get", _adapter.privilege_path(TIN, PRIVILEGE), set()),
    ("patch", _adapter.privilege_path(TIN, PRIVILEGE), set()),
    ("delete", _adapter.privilege_path(TIN, PRIVILEGE), set()),
    ("get", _adapter.whitelist_path(TIN, PRIVILEGE), set()),
    ("put", _adapter.whitelist_entry_path(TIN, PRIVILEGE, "DK41000001"), set()),
    ("delete", _adapter.whitelist_entry_path(TIN, PRIVILEGE, "DK41000001"), set()),
    ("get", _adapter.usage_path(TIN, PRIVILEGE), set()),
    ("get", _adapter.administrators_path(TIN), set()),
    ("put", _adapter.administrator_path(TIN, IDP, IDENTITY), set()),
    ("delete", _adapter.administrator_path(TIN, IDP, IDENTITY), set()),
    ("get", _adapter.audit_events_path(TIN), {"pageSize", "cursor"}),
]


@pytest.fixture(scope="module")
def openapi(live_server: Any) -> dict[str, Any]:
    response = httpx.get(f"{live_server.api_base_url}/api/v1/openapi.json", timeout=30.0)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


def find_template(openapi: dict[str, Any], method: str, path: str) -> str | None:
    """Return the OpenAPI path template that `path` fills in and that offers `method`."""
    for template, operations in openapi["paths"].items():
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", template.removeprefix(_adapter.API_PREFIX))
        if re.fullmatch(pattern, path) and method in operations:
            return str(template)
    return None


@pytest.mark.parametrize(("method", "path", "parameters"), OPERATIONS)
def test_adapter_operation_exists(
    openapi: dict[str, Any], method: str, path: str, parameters: set[str]
) -> None:
    template = find_template(openapi, method, path)
    assert template is not None, f"{method.upper()} {path} is not in the server's OpenAPI document"
    operation = openapi["paths"][template][method]
    query = {item["name"] for item in operation.get("parameters", []) if item.get("in") == "query"}
    assert parameters <= query, f"{method.upper()} {path} lacks query parameters {parameters - query}"


def test_every_server_operation_used(openapi: dict[str, Any]) -> None:
    used = {(method, find_template(openapi, method, path)) for method, path, _ in OPERATIONS}
    offered = {
        (method, template)
        for template, operations in openapi["paths"].items()
        for method in operations
        if method in {"get", "put", "post", "patch", "delete"}
    }
    assert offered - used == set()


# Records and the server's component schema of the same shape.
RECORD_SCHEMAS: dict[type[BaseModel], str] = {
    models.Privilege: "Privilege",
    models.AssignableGroup: "AssignablePrivilegeGroup",
    models.Assignment: "Assignment",
    models.AssignmentChange: "AssignmentChange",
    models.BatchItemOutcome: "BatchItemOutcome",
    models.BatchResult: "BatchResult",
    models.Identity: "Identity",
    models.WhitelistEntry: "WhitelistEntry",
    models.PrivilegeUsage: "PrivilegeUsage",
    models.Organization: "Organization",
    models.OrganizationMembership: "OrganizationMembership",
    models.CallerIdentity: "CallerIdentity",
    models.Me: "Me",
    models.Administrator: "Administrator",
    models.AuditEvent: "AuditEvent",
    models.RuntimeIdentity: "RuntimeIdentity",
    models.ClientInfo: "ClientInfo",
    models.RuntimePrivilege: "RuntimePrivilege",
    models.OrganizationScope: "OrganizationScope",
    models.RuntimeResult: "RuntimeResult",
}
# Fields the client adds to what it reads.
CLIENT_ONLY_FIELDS = {(models.BatchResult, "retried_after_lost_response")}


@pytest.mark.parametrize("record", list(RECORD_SCHEMAS), ids=lambda record: record.__name__)
def test_record_fields_in_server_schema(openapi: dict[str, Any], record: type[BaseModel]) -> None:
    schemas = openapi["components"]["schemas"]
    schema = schemas.get(RECORD_SCHEMAS[record]) or schemas.get(f"{RECORD_SCHEMAS[record]}-Output")
    assert schema is not None, f"no schema {RECORD_SCHEMAS[record]} in the OpenAPI document"
    if "properties" not in schema:
        # NOTE: privserver's Assignment has a wrap serializer (to omit inactiveReason),
        # so FastAPI documents its response as a free-form object.
        pytest.xfail(f"the server's schema {RECORD_SCHEMAS[record]} lists no properties")
    properties = set(schema["properties"])
    expected = {
        wire_name
        for name, wire_name in _adapter.wire_fields(record).items()
        if (record, name) not in CLIENT_ONLY_FIELDS
    }
    assert expected - properties == set()
    required_on_server = set(schema.get("required", []))
    required_here = {
        _adapter.wire_fields(record)[name]
        for name, field in record.model_fields.items()
        if field.is_required()
    }
    assert required_here <= required_on_server
