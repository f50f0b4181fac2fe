"""Parsing and validation of the values the API accepts: TINs, idps, UUIDs, names, roles."""

from __future__ import annotations

import enum
import re
import unicodedata
import uuid

from privserver.domain.errors import ValidationFailedError

TIN_PATTERN = r"^DK[0-9]{8}$"
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
IDP_PATTERN = r"^(mitid_erhverv|mitid)$"
RID_PATTERN = r"^[0-9]{1,40}$"

TIN_EXPECTED = "expected DK followed by 8 digits, e.g. DK29915938"
UUID_EXPECTED = "expected a UUID such as 0b5c4f1e-3a1d-4c2b-9e8f-7a6b5c4d3e2f"

MAX_NAME_LENGTH = 100
MAX_DESCRIPTION_LENGTH = 2000
MAX_PERSON_NAME_LENGTH = 200
MAX_EMAIL_LENGTH = 320
DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 1000
MAX_BATCH_ITEMS = 5000

_TIN = re.compile(TIN_PATTERN)
_UUID = re.compile(UUID_PATTERN)
_RID = re.compile(RID_PATTERN)


class Idp(enum.StrEnum):
    MITID_ERHVERV = "mitid_erhverv"
    MITID = "mitid"


class Assignability(enum.StrEnum):
    PRIVATE = "Private"
    PUBLIC = "Public"
    WHITELIST = "Whitelist"


class Role(enum.StrEnum):
    PRIVILEGE_ADMINISTRATOR = "PrivilegeAdministrator"
    PRIVILEGE_ASSIGNER = "PrivilegeAssigner"
    ADMINISTRATOR_MANAGER = "AdministratorManager"
    ASSIGN_IDENTITY_PRIVILEGES_READ = "AssignIdentityPrivilegesRead"


class InactiveReason(enum.StrEnum):
    NOT_WHITELISTED = "NotWhitelisted"
    PRIVILEGE_PRIVATE = "PrivilegePrivate"


def _choices(enumeration: type[enum.StrEnum]) -> str:
    return ", ".join(member.value for member in enumeration)


def parse_tin(value: object, field: str = "tin") -> str:
    """Return `value` as a TIN, or raise naming the field. The CVR checksum is not checked."""
    if not isinstance(value, str) or not _TIN.fullmatch(value):
        raise ValidationFailedError.single(field, f"{value!r} is invalid: {TIN_EXPECTED}")
    return value


def tin_from_cvr_claim(value: object) -> str | None:
    """Return the TIN for a `nemlogin.cvr` claim ("29915938" or "DK29915938"), or None."""
    if not isinstance(value, str):
        return None
    candidate = value if value.startswith("DK") else f"DK{value}"
    return candidate if _TIN.fullmatch(candidate) else None


def parse_idp(value: object, field: str = "idp") -> Idp:
    try:
        return Idp(str(value))
    except ValueError:
        raise ValidationFailedError.single(
            field, f"{value!r} is invalid: expected one of {_choices(Idp)}"
        ) from None


def parse_uuid(value: object, field: str) -> str:
    """Return `value` as a lowercase UUID string; any case is accepted."""
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise ValidationFailedError.single(field, f"{value!r} is invalid: {UUID_EXPECTED}")
    return str(uuid.UUID(value))


def parse_assignability(value: object, field: str = "assignability") -> Assignability:
    try:
        return Assignability(str(value))
    except ValueError:
        raise ValidationFailedError.single(
            field, f"{value!r} is invalid: expected one of {_choices(Assignability)}"
        ) from None


def parse_role(value: object, field: str = "roles") -> Role:
    try:
        return Role(str(value))
    except ValueError:
        raise ValidationFailedError.single(
            field, f"{value!r} is not a role: expected one of {_choices(Role)}"
        ) from None


def fold(text: str) -> str:
    """Return the key under which `text` is unique and searched: NFC and Unicode case folding.

    SQLite's NOCASE and lower() fold ASCII only, so the folded key is stored
    and compared instead; "Æ" and "æ" then collide on SQLite as on PostgreSQL.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def clean_privilege_name(value: object, field: str = "name") -> str:
    """Return the trimmed, NFC-normalized name, which must be 1 to 100 characters."""
    if not isinstance(value, str):
        raise ValidationFailedError.single(field, "must be a string")
    name = unicodedata.normalize("NFC", value.strip())
    if not name:
        raise ValidationFailedError.single(field, "must not be empty or only spaces")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationFailedError.single(
            field, f"is {len(name)} characters long; at most {MAX_NAME_LENGTH} are allowed"
        )
    return name


def check_description(value: object, field: str) -> str:
    """Return the description (None counts as empty), which must be at most 2000 characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationFailedError.single(field, "must be a string")
    if len(value) > MAX_DESCRIPTION_LENGTH:
        raise ValidationFailedError.single(
            field, f"is {len(value)} characters long; at most {MAX_DESCRIPTION_LENGTH} are allowed"
        )
    return value


def check_page_size(value: int | None) -> int:
    if value is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise ValidationFailedError.single(
            "pageSize", f"{value} is out of range: expected 1 to {MAX_PAGE_SIZE}"
        )
    return value


def clean_person_name(value: str | None) -> str | None:
    if value is None:
        return None
    name = value.strip()
    if len(name) > MAX_PERSON_NAME_LENGTH:
        raise ValidationFailedError.single(
            "name", f"is {len(name)} characters long; at most {MAX_PERSON_NAME_LENGTH} are allowed"
        )
    return name or None


def clean_email(value: str | None) -> str | None:
    if value is None:
        return None
    email = value.strip()
    if not email:
        return None
    if len(email) > MAX_EMAIL_LENGTH or "@" not in email or any(char.isspace() for char in email):
        raise ValidationFailedError.single(
            "email", f"{value!r} is invalid: expected an address like name@example.dk"
        )
    return email


def clean_rid(value: str | None) -> str | None:
    if value is None:
        return None
    rid = value.strip()
    if not rid:
        return None
    if not _RID.fullmatch(rid):
        raise ValidationFailedError.single("rid", f"{value!r} is invalid: expected 1 to 40 digits")
    return rid
