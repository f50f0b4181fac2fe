"""RFC 9457 problem details: every error of the API is answered as application/problem+json."""

from __future__ import annotations

import http
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from privserver.api.ratelimit import retry_after_header
from privserver.auth.tokens import InsufficientScopeError, InvalidTokenError, JwksUnavailableError
from privserver.domain.errors import DomainError, RateLimitedError
from privserver.domain.values import (
    MAX_PAGE_SIZE,
    TIN_EXPECTED,
    UUID_EXPECTED,
)

log = logging.getLogger("privserver.api")

PROBLEM_JSON = "application/problem+json"

# What each path or query parameter expects, for messages that say how to fix a value.
_EXPECTED = {
    "tin": TIN_EXPECTED,
    "whitelistedTin": TIN_EXPECTED,
    "idp": "expected one of mitid_erhverv, mitid",
    "idpIdentityId": UUID_EXPECTED,
    "privilegeId": UUID_EXPECTED,
    "pageSize": f"expected a whole number from 1 to {MAX_PAGE_SIZE}",
}


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    problem_type: str = "about:blank",
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Return a problem+json response."""
    body: dict[str, Any] = {
        "type": problem_type,
        "title": title or http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_name(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part not in ("body", "path", "query", "header")]
    name = ""
    for part in parts:
        if part.isdigit():
            name += f"[{part}]"
        elif name:
            name += f".{part}"
        else:
            name = part
    return name or "body"


def validation_problem(error: RequestValidationError) -> JSONResponse:
    errors: dict[str, list[str]] = {}
    for item in error.errors():
        location = tuple(item.get("loc", ()))
        field = _field_name(location)
        if item.get("type") == "json_invalid":
            return problem(400, "the request body is not valid JSON: send a JSON object")
        message = item.get("msg", "is invalid")
        leaf = str(location[-1]) if location else ""
        if leaf in _EXPECTED and "input" in item:
            message = f"{item['input']!r} is invalid: {_EXPECTED[leaf]}"
        elif (
            "input" in item
            and item.get("type") != "missing"
            and not isinstance(item["input"], dict | list)
        ):
            message = f"{item['input']!r} is invalid: {message}"
        errors.setdefault(field, []).append(message)
    fields = ", ".join(errors)
    return problem(
        422,
        f"invalid value for {fields}",
        problem_type="urn:privserver:problem:validation-failed",
        title="Unprocessable Content",
        errors=errors,
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into problems."""

    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> JSONResponse:
        log.info("Request %s failed with %d: %s", _request_id(request), error.status, error.detail)
        errors = getattr(error, "errors", None)
        headers = None
        if isinstance(error, RateLimitedError):
            headers = {"Retry-After": retry_after_header(error.retry_after)}
        return problem(
            error.status,
            error.detail,
            title=error.title,
            problem_type=error.problem_type,
            errors=errors,
            headers=headers,
        )

    @app.exception_handler(RequestValidationError)
    async def request_validation_error(
        request: Request, error: RequestValidationError
    ) -> JSONResponse:
        response = validation_problem(error)
        log.info(
            "Request %s rejected with %d: invalid input", _request_id(request), response.status_code
        )
        return response

    @app.exception_handler(InsufficientScopeError)
    async def insufficient_scope(request: Request, error: InsufficientScopeError) -> JSONResponse:
        log.info("Request %s forbidden: %s", _request_id(request), error)
        return problem(
            403,
            str(error),
            problem_type="urn:privserver:problem:insufficient-scope",
            headers={
                "WWW-Authenticate": f'Bearer error="insufficient_scope", error_description="{error}"'
            },
        )

    @app.exception_handler(InvalidTokenError)
    async def invalid_token(request: Request, error: InvalidTokenError) -> JSONResponse:
        log.info("Request %s unauthorized: %s", _request_id(request), error)
        challenge = 'Bearer realm="privserver"'
        if str(error) != MISSING_TOKEN:
            challenge += f', error="invalid_token", error_description="{error}"'
        return problem(401, str(error), headers={"WWW-Authenticate": challenge})

    @app.exception_handler(JwksUnavailableError)
    async def jwks_unavailable(request: Request, error: JwksUnavailableError) -> JSONResponse:
        log.warning("Request %s could not be authenticated: %s", _request_id(request), error)
        return problem(
            503,
            "the token issuer's keys are unavailable right now; retry shortly",
            headers={"Retry-After": "30"},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        detail = (
            error.detail
            if isinstance(error.detail, str)
            else http.HTTPStatus(error.status_code).phrase
        )
        if error.status_code == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}; the API lives under /api/v1"
        if error.status_code == 405:
            detail = f"method {request.method} is not allowed on {request.url.path}"
        return problem(error.status_code, detail, headers=getattr(error, "headers", None))


MISSING_TOKEN = "the request has no bearer token: send Authorization: Bearer <access token>"


def _request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", "-"))
