"""The published runtime lookups: by an end user's token, and by a provider's service token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from privserver.api.deps import (
    CallerDep,
    Database,
    DatabaseDep,
    EndUserClaimsDep,
    caller_from_claims,
)
from privserver.api.params import IdpIdentityId, IdpParam, Tin
from privserver.api.responses import problems
from privserver.api.schemas import RuntimeResult, runtime_result
from privserver.db.models import utcnow
from privserver.domain import runtime
from privserver.domain.caller import require_role
from privserver.domain.errors import ForbiddenError
from privserver.domain.values import Role, parse_tin, parse_uuid, tin_from_cvr_claim

router = APIRouter(tags=["runtime"])


def _lookup(
    database: Database,
    provider_tin: str,
    idp: str,
    idp_identity_id: str,
    client_id: str,
    *,
    employer_tin: str | None,
    employer_name: str | None,
    authorize: Callable[[Session], object] | None = None,
) -> dict[str, Any]:
    now = utcnow()
    with database.read() as session:
        if authorize is not None:
            authorize(session)
        scopes = runtime.active_privileges(session, provider_tin, idp, idp_identity_id)
        must_record = runtime.needs_recording(session, idp, idp_identity_id, employer_tin, now)
    if must_record:
        database.write(
            lambda session: runtime.record_lookup(
                session,
                idp,
                idp_identity_id,
                employer_tin=employer_tin,
                employer_name=employer_name,
                now=now,
            )
        )
    return runtime_result(idp, idp_identity_id, client_id, provider_tin, scopes)


@router.get(
    "/identity/privileges",
    response_model=RuntimeResult,
    responses=problems(),
    summary="The signed-in user's privileges at the calling service (end user's token)",
)
def my_privileges(claims: EndUserClaimsDep, database: DatabaseDep) -> JSONResponse:
    caller = caller_from_claims(claims)
    if caller.idp is None or caller.idp_identity_id is None:
        raise ForbiddenError(
            "a service token cannot look up its own privileges: use the runtime endpoint"
        )
    provider = claims.get("client_org_taxation_number")
    if not isinstance(provider, str):
        raise ForbiddenError(
            "the token's client has no organization (claim client_org_taxation_number)"
        )
    provider_tin = parse_tin(provider, "client_org_taxation_number")
    employer_name = claims.get("nemlogin.org_name")
    result = _lookup(
        database,
        provider_tin,
        caller.idp,
        caller.idp_identity_id,
        str(claims.get("client_id", "")),
        employer_tin=tin_from_cvr_claim(claims.get("nemlogin.cvr")),
        employer_name=employer_name if isinstance(employer_name, str) else None,
    )
    return JSONResponse(result)


@router.get(
    "/organizations/{tin}/assignedIdentityPrivileges/{idp}/{idpIdentityId}/runtime",
    response_model=RuntimeResult,
    responses=problems(),
    summary="An identity's privileges of the provider {tin} (service token)",
)
def runtime_lookup(
    tin: Tin,
    idp: IdpParam,
    idpIdentityId: IdpIdentityId,
    caller: CallerDep,
    database: DatabaseDep,
) -> JSONResponse:
    result = _lookup(
        database,
        tin,
        idp.value,
        parse_uuid(idpIdentityId, "idpIdentityId"),
        caller.client_id or "",
        employer_tin=None,
        employer_name=None,
        authorize=lambda session: require_role(
            session, caller, tin, [Role.ASSIGN_IDENTITY_PRIVILEGES_READ]
        ),
    )
    return JSONResponse(result)
