"""Cursor paging: one async iterator over the pages of a collection."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from privadmin.api_client import _adapter
from privadmin.api_client._errors import ProtocolError

ItemT = TypeVar("ItemT")


def check_page_size(page_size: int) -> int:
    if not 1 <= page_size <= _adapter.MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {_adapter.MAX_PAGE_SIZE}, got {page_size}")
    return page_size


async def iterate_pages(
    fetch_page: Callable[[str | None], Awaitable[Any]],
    read_item: Callable[[Any], ItemT],
    *,
    path: str,
) -> AsyncIterator[list[ItemT]]:
    """Yield the items of each page, following the cursors until the last page.

    `fetch_page(cursor)` returns the decoded JSON of one page; `read_item` turns
    a wire item into a record and raises TypeError or ValueError for a bad one.
    """
    cursor: str | None = None
    seen: set[str] = set()
    page_number = 1
    while True:
        data = await fetch_page(cursor)
        try:
            raw_items, next_cursor = _adapter.read_page(data)
            items = [read_item(raw) for raw in raw_items]
        except (TypeError, ValueError) as error:
            raise ProtocolError(f"Invalid page {page_number} of GET {path}: {error}") from error

        yield items

        if next_cursor is None:
            return
        if next_cursor in seen:
            raise ProtocolError(f"GET {path} returned cursor {next_cursor!r} twice; stopping to avoid a loop")
        seen.add(next_cursor)
        cursor = next_cursor
        page_number += 1
