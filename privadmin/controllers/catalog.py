"""Catalog editing: early checks of privilege input, deactivation previews and the async calls."""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from privadmin.api_client import PrivilegesClient
from privadmin.models import (
    Assignability,
    Organization,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    PrivilegeUsage,
    WhitelistEntry,
)

log = logging.getLogger("privadmin.catalog")

# The server's limits, repeated here only for early feedback. The server's response decides.
NAME_MAX_LENGTH = 100
DESCRIPTION_MAX_LENGTH = 2000


class Field(enum.StrEnum):
    """The input fields of a privilege, named as the records name them."""

    NAME = "name"
    DESCRIPTION_DANISH = "description_danish"
    DESCRIPTION_ENGLISH = "description_english"
    ASSIGNABILITY = "assignability"


class Problem(enum.Enum):
    """A reason the client rejects a value before sending it."""

    NAME_EMPTY = enum.auto()
    NAME_TOO_LONG = enum.auto()
    NAME_TAKEN = enum.auto()
    DESCRIPTION_TOO_LONG = enum.auto()


def name_key(name: str) -> str:
    """Return the key under which names collide: trimmed and Unicode case-folded ("Æble" == "æble")."""
    return name.strip().casefold()


def check_name(name: str, existing_names: Iterable[str]) -> list[Problem]:
    """Check a new privilege's name against the length limit and the organization's other names."""
    trimmed = name.strip()
    if not trimmed:
        return [Problem.NAME_EMPTY]
    if len(trimmed) > NAME_MAX_LENGTH:
        return [Problem.NAME_TOO_LONG]
    key = name_key(trimmed)
    if any(name_key(existing) == key for existing in existing_names):
        return [Problem.NAME_TAKEN]
    return []


def check_description(text: str) -> list[Problem]:
    if len(text) > DESCRIPTION_MAX_LENGTH:
        return [Problem.DESCRIPTION_TOO_LONG]
    return []


def check_draft(draft: PrivilegeDraft, existing_names: Iterable[str]) -> dict[Field, list[Problem]]:
    """Return the problems of a draft by field; an empty dict means it may be sent."""
    problems = {
        Field.NAME: check_name(draft.name, existing_names),
        Field.DESCRIPTION_DANISH: check_description(draft.description_danish),
        Field.DESCRIPTION_ENGLISH: check_description(draft.description_english),
    }
    return {field: found for field, found in problems.items() if found}


def check_changes(changes: PrivilegeChanges) -> dict[Field, list[Problem]]:
    problems = {
        Field.DESCRIPTION_DANISH: check_description(changes.description_danish or ""),
        Field.DESCRIPTION_ENGLISH: check_description(changes.description_english or ""),
    }
    return {field: found for field, found in problems.items() if found}


def field_of_server_key(key: str) -> Field | None:
    """Map a key of a server validation error ("descriptionDanish", "body.name", ...) to a field."""
    last = key.rsplit(".", 1)[-1].replace("_", "").casefold()
    for field in Field:
        if field.value.replace("_", "") == last:
            return field
    return None


def server_errors_by_field(
    errors: Mapping[str, list[str]],
) -> tuple[dict[Field, list[str]], list[str]]:
    """Split a server's field errors into those of known fields and the rest (as "key: message")."""
    by_field: dict[Field, list[str]] = {}
    other: list[str] = []
    for key, messages in errors.items():
        field = field_of_server_key(key)
        if field is None:
            other.extend(f"{key}: {message}" for message in messages)
        else:
            by_field.setdefault(field, []).extend(messages)
    return by_field, other


@dataclass(frozen=True)
class AffectedOrganization:
    """An assigning organization and how many of its active assignments a change deactivates."""

    organization_tin: str
    organization_name: str | None
    count: int


@dataclass(frozen=True)
class Deactivation:
    """The assignments a change would make inactive, per assigning organization."""

    organizations: tuple[AffectedOrganization, ...]

    @property
    def total(self) -> int:
        return sum(organization.count for organization in self.organizations)


def _deactivation(
    usage: Iterable[PrivilegeUsage], affected: set[str] | None, owner_tin: str
) -> Deactivation:
    organizations = tuple(
        AffectedOrganization(entry.organization_tin, entry.organization_name, entry.active_count)
        for entry in usage
        if entry.organization_tin != owner_tin
        and entry.active_count > 0
        and (affected is None or entry.organization_tin in affected)
    )
    return Deactivation(tuple(sorted(organizations, key=lambda item: -item.count)))


def deactivation_by_whitelist_removal(
    usage: Iterable[PrivilegeUsage], owner_tin: str, removed_tin: str, assignability: Assignability
) -> Deactivation:
    """Assignments that turn inactive when `removed_tin` leaves a privilege's whitelist.

    Only a Whitelist privilege is affected: a Public one stays assignable by
    everyone, and a Private one's other assignments are inactive already.
    """
    if assignability is not Assignability.WHITELIST:
        return Deactivation(())
    return _deactivation(usage, {removed_tin}, owner_tin)


def deactivation_by_assignability(
    usage: Iterable[PrivilegeUsage],
    owner_tin: str,
    old: Assignability,
    new: Assignability,
    whitelisted_tins: Iterable[str],
) -> Deactivation:
    """Assignments that turn inactive when a privilege's assignability changes from `old` to `new`.

    Turning Private deactivates every other organization's active assignments.
    Turning Public into Whitelist deactivates those of organizations not on the
    whitelist. Whitelist to Private is covered by the first rule, and the other
    changes only widen who may assign.
    """
    if new == old:
        return Deactivation(())
    if new is Assignability.PRIVATE:
        return _deactivation(usage, None, owner_tin)
    if old is Assignability.PUBLIC and new is Assignability.WHITELIST:
        whitelisted = set(whitelisted_tins)
        outside = {
            entry.organization_tin for entry in usage if entry.organization_tin not in whitelisted
        }
        return _deactivation(usage, outside, owner_tin)
    return Deactivation(())


class Source(enum.Enum):
    MINE = "mine"
    THEIRS = "theirs"


EDITABLE_FIELDS = (Field.DESCRIPTION_DANISH, Field.DESCRIPTION_ENGLISH, Field.ASSIGNABILITY)


def field_value(privilege: Privilege, field: Field) -> str:
    return str(getattr(privilege, field.value))


def default_merge_choices(
    base: Privilege, mine: PrivilegeChanges, theirs: Privilege
) -> dict[Field, Source]:
    """Pick, per editable field, the side a merge keeps unless the user chooses otherwise.

    A field only one side changed keeps that side's value. A field both sides
    changed keeps the user's value, since the user sees both and decides.
    """
    choices: dict[Field, Source] = {}
    for field in EDITABLE_FIELDS:
        mine_value = getattr(mine, field.value)
        mine_changed = mine_value is not None and str(mine_value) != field_value(base, field)
        theirs_changed = field_value(theirs, field) != field_value(base, field)
        choices[field] = Source.THEIRS if theirs_changed and not mine_changed else Source.MINE
    return choices


def merged_changes(
    mine: PrivilegeChanges, theirs: Privilege, choices: Mapping[Field, Source]
) -> PrivilegeChanges:
    """Build the changes to send after a conflict: each field from the side chosen for it."""
    values: dict[str, object] = {}
    for field in EDITABLE_FIELDS:
        mine_value = getattr(mine, field.value)
        if choices.get(field, Source.MINE) is Source.THEIRS or mine_value is None:
            values[field.value] = getattr(theirs, field.value)
        else:
            values[field.value] = mine_value
    return PrivilegeChanges.model_validate(values)


class CatalogController:
    """The calls the catalog editor makes for one organization, with logging of each change."""

    def __init__(self, client: PrivilegesClient, organization_tin: str) -> None:
        self.client = client
        self.organization_tin = organization_tin

    async def privileges(self) -> list[Privilege]:
        privileges = await self.client.privileges(self.organization_tin)
        log.info("Loaded %d privileges of %s", len(privileges), self.organization_tin)
        return privileges

    async def get(self, privilege_id: uuid.UUID) -> Privilege:
        return await self.client.get_privilege(self.organization_tin, privilege_id)

    async def create(self, draft: PrivilegeDraft) -> Privilege:
        trimmed = draft.model_copy(update={"name": draft.name.strip()})
        privilege = await self.client.create_privilege(self.organization_tin, trimmed)
        log.info("Created privilege %s in %s", privilege.id, self.organization_tin)
        return privilege

    async def update(
        self, privilege_id: uuid.UUID, changes: PrivilegeChanges, etag: str
    ) -> Privilege:
        privilege = await self.client.update_privilege(
            self.organization_tin, privilege_id, changes, etag=etag
        )
        log.info("Updated privilege %s in %s", privilege_id, self.organization_tin)
        return privilege

    async def delete(self, privilege_id: uuid.UUID) -> None:
        await self.client.delete_privilege(self.organization_tin, privilege_id)
        log.info("Deleted privilege %s of %s", privilege_id, self.organization_tin)

    async def usage(self, privilege_id: uuid.UUID) -> list[PrivilegeUsage]:
        return await self.client.usage(self.organization_tin, privilege_id)

    async def whitelist(self, privilege_id: uuid.UUID) -> list[WhitelistEntry]:
        return await self.client.whitelist(self.organization_tin, privilege_id)

    async def add_to_whitelist(self, privilege_id: uuid.UUID, whitelisted_tin: str) -> None:
        await self.client.add_to_whitelist(self.organization_tin, privilege_id, whitelisted_tin)
        log.info(
            "Whitelisted %s for privilege %s of %s",
            whitelisted_tin,
            privilege_id,
            self.organization_tin,
        )

    async def remove_from_whitelist(self, privilege_id: uuid.UUID, whitelisted_tin: str) -> None:
        await self.client.remove_from_whitelist(
            self.organization_tin, privilege_id, whitelisted_tin
        )
        log.info(
            "Removed %s from the whitelist of privilege %s of %s",
            whitelisted_tin,
            privilege_id,
            self.organization_tin,
        )

    async def search_organizations(self, search: str) -> list[Organization]:
        return await self.client.search_organizations(search)

    async def deactivation_by_assignability(
        self, privilege: Privilege, new: Assignability
    ) -> Deactivation:
        """Fetch usage (and the whitelist where it matters) and return what the change deactivates."""
        narrows = new is Assignability.PRIVATE or (
            privilege.assignability is Assignability.PUBLIC and new is Assignability.WHITELIST
        )
        if new == privilege.assignability or not narrows:
            return Deactivation(())

        usage = await self.usage(privilege.id)
        whitelisted: list[str] = []
        if new is Assignability.WHITELIST:
            whitelisted = [entry.organization_tin for entry in await self.whitelist(privilege.id)]
        return deactivation_by_assignability(
            usage, self.organization_tin, privilege.assignability, new, whitelisted
        )

    async def deactivation_by_whitelist_removal(
        self, privilege: Privilege, removed_tin: str
    ) -> Deactivation:
        usage = await self.usage(privilege.id)
        return deactivation_by_whitelist_removal(
            usage, self.organization_tin, removed_tin, privilege.assignability
        )
