"""Error responses the OpenAPI document lists for the routes."""

from __future__ import annotations

from typing import Any

from privserver.api.schemas import Problem

_PROBLEM_CONTENT = {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
}

_DESCRIPTIONS = {
    400: "Malformed request",
    401: "Missing or invalid access token",
    403: "The caller may not do this in the organization",
    404: "Not found",
    409: "Conflict",
    412: "The If-Match ETag is stale",
    413: "Too many items",
    422: "Invalid values; `errors` names each field",
    428: "If-Match is required",
    429: "Too many requests from this caller; wait Retry-After seconds",
    503: "The token issuer's keys cannot be fetched right now",
}
# Statuses of requests that carry a JSON body: malformed JSON, and a body over the size limit.
BODY = (400, 413)


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return OpenAPI response entries for these statuses and those every route can answer."""
    wanted = sorted({401, 403, 422, 429, 503, *statuses})
    return {
        status: {
            "model": Problem,
            "description": _DESCRIPTIONS[status],
            "content": _PROBLEM_CONTENT,
        }
        for status in wanted
    }
