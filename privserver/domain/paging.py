"""Opaque cursors for keyset paging of large collections."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from privserver.domain.errors import ValidationFailedError

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    next_cursor: str | None


def encode_cursor(last_key: int) -> str:
    """Return the cursor that continues after the row with key `last_key`."""
    return base64.urlsafe_b64encode(json.dumps({"after": last_key}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """Return the key a cursor continues after, or None for the first page."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))["after"]
    except (binascii.Error, UnicodeError, ValueError, KeyError, TypeError):
        value = None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationFailedError.single(
            "cursor", "is invalid: pass the nextCursor of the previous page unchanged"
        )
    return value


def split_page(rows: Sequence[T], page_size: int, key_of: Callable[[T], int]) -> Page[T]:
    """Turn rows fetched with limit `page_size + 1` into a page and the cursor of the next one."""
    if len(rows) > page_size:
        items = rows[:page_size]
        return Page(items, encode_cursor(key_of(items[-1])))
    return Page(rows, None)
