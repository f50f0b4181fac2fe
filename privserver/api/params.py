"""Path and query parameters shared by the routes, with the patterns the OpenAPI document shows."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from privserver.domain.values import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    TIN_EXPECTED,
    TIN_PATTERN,
    UUID_PATTERN,
    Idp,
)

Tin = Annotated[str, Path(pattern=TIN_PATTERN, description=f"organization TIN: {TIN_EXPECTED}")]
WhitelistedTin = Annotated[
    str, Path(pattern=TIN_PATTERN, description="TIN of the whitelisted organization")
]
IdpParam = Annotated[Idp, Path(description="mitid_erhverv or mitid")]
IdpIdentityId = Annotated[
    str,
    Path(pattern=UUID_PATTERN, description="the identity's UUID, any case; answers use lowercase"),
]
PrivilegeId = Annotated[
    str, Path(pattern=UUID_PATTERN, description="the privilege's UUID, any case")
]
PageSize = Annotated[
    int,
    Query(
        alias="pageSize",
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"items per page, 1 to {MAX_PAGE_SIZE}",
    ),
]
Cursor = Annotated[str | None, Query(description="the nextCursor of the previous page")]
DEFAULT_PAGE = DEFAULT_PAGE_SIZE
