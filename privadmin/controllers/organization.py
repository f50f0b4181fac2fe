"""Loading what the main window shows for one organization."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from privadmin.models import AssignableGroup, Assignment, Identity

log = logging.getLogger("privadmin.controllers.organization")


async def load_employees(
    client: Any, tin: str, on_progress: Callable[[int], None] | None = None
) -> list[Identity]:
    """Fetch the organization's whole employee list page by page; cancel the task to stop."""
    started = time.perf_counter()
    log.info("loading employees of %s", tin)
    identities: list[Identity] = []
    async for page in client.identities(tin):
        identities.extend(page)
        if on_progress is not None:
            on_progress(len(identities))
    log.info(
        "loaded %d employees of %s in %.2f s", len(identities), tin, time.perf_counter() - started
    )
    return identities


async def load_assignable_privileges(client: Any, tin: str) -> list[AssignableGroup]:
    groups: list[AssignableGroup] = await client.assignable_privileges(tin)
    log.info("loaded %d providers' privileges assignable by %s", len(groups), tin)
    return groups


async def load_assignments(
    client: Any, tin: str, idp: str, idp_identity_id: str
) -> list[Assignment]:
    assignments: list[Assignment] = await client.identity_assignments(tin, idp, idp_identity_id)
    return assignments


async def add_employee(
    client: Any,
    tin: str,
    idp_identity_id: str,
    *,
    name: str | None,
    email: str | None,
    rid: str | None,
) -> Identity:
    identity: Identity = await client.put_identity(
        tin, "mitid_erhverv", idp_identity_id, name=name, email=email, rid=rid
    )
    log.info("added employee %s to %s", identity.idp_identity_id, tin)
    return identity
