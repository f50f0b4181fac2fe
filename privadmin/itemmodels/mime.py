"""The private MIME types that carry employees, privileges and assignments in a drag."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

EMPLOYEES_MIME = "application/x-privadmin-employees+json"
PRIVILEGES_MIME = "application/x-privadmin-privileges+json"
ASSIGNMENTS_MIME = "application/x-privadmin-assignments+json"


def encode(mime_type: str, items: list[Any]) -> QMimeData:
    """Put `items` (JSON-serializable ids) into a QMimeData under `mime_type`."""
    data = QMimeData()
    data.setData(mime_type, json.dumps(items).encode("utf-8"))
    return data


def decode(data: QMimeData | None, mime_type: str) -> list[Any]:
    """Return the ids carried under `mime_type`, or an empty list when absent or malformed."""
    if data is None or not data.hasFormat(mime_type):
        return []
    try:
        items = json.loads(bytes(data.data(mime_type).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    return items if isinstance(items, list) else []
