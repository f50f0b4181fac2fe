"""The OpenAPI document in docs/ matches the code and lists the published endpoints."""

from __future__ import annotations

import json
from pathlib import Path

from privserver.api.openapi import render_openapi

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"

PUBLISHED = {
    ("get", "/api/v1/identity/privileges"),
    ("get", "/api/v1/organizations/{tin}/assignedIdentityPrivileges/{idp}/{idpIdentityId}/runtime"),
    ("get", "/api/v1/organizations/{tin}/assignedIdentityPrivileges/{idp}/{idpIdentityId}"),
}


def test_document_matches_code() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == render_openapi(), (
        "docs/openapi.json is out of date: run `privserver openapi` and commit the result"
    )


def test_published_endpoints_present() -> None:
    paths = json.loads(render_openapi())["paths"]

    operations = {(method, path) for path, methods in paths.items() for method in methods}

    assert operations >= PUBLISHED


def test_runtime_schema_published_shape() -> None:
    schemas = json.loads(render_openapi())["components"]["schemas"]

    assert set(schemas["RuntimeResult"]["properties"]) == {
        "identity",
        "clientInfo",
        "organizationScopes",
    }
    assert set(schemas["RuntimeIdentity"]["properties"]) == {"idpIdentityId", "idp"}
    assert set(schemas["ClientInfo"]["properties"]) == {"clientId", "organizationTin"}
    assert set(schemas["OrganizationScope"]["properties"]) == {"organizationTin", "privileges"}
    assert set(schemas["RuntimePrivilege"]["properties"]) == {"id", "name", "updated"}
