"""SVG icons from resources/icons, drawn in the palette's text colour at several pixel sizes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def resources_dir() -> Path:
    """Return the resources folder: next to the package in a checkout, or inside a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


# Pixel sizes rendered into every icon: toolbar, menu and button sizes at scale 1 and 2.
_SIZES = (16, 20, 24, 32, 40, 48, 64)

_cache: dict[str, QIcon] = {}


def _render(svg: bytes, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", colour.encode("ascii"))))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str) -> QIcon:
    """Return resources/icons/<name>.svg drawn in the palette's text colour, or an empty icon if missing.

    The SVGs draw with `currentColor`. Each icon holds pixmaps of several sizes,
    so Qt picks a sharp one on high-DPI screens. Call clear_icon_cache() when
    the palette changes (for example to dark mode) and set the icons again.
    """
    cached = _cache.get(name)
    if cached is not None:
        return cached
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    svg = path.read_bytes()
    palette = QApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    loaded = QIcon()
    for size in _SIZES:
        loaded.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal)
        loaded.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled)
    _cache[name] = loaded
    return loaded


def clear_icon_cache() -> None:
    _cache.clear()
