"""SVG icons from resources/icons, drawn in the palette's text colour at every size Qt asks for."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def resources_dir() -> Path:
    """Return the resources folder: next to the package in a checkout, or inside a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


class _SvgIconEngine(QIconEngine):
    """Renders an SVG whose strokes say `currentColor` in the current palette's text colour.

    The colour is read at paint time, so icons follow a switch to dark mode
    without being rebuilt, and the SVG is rasterized at the device pixel size,
    so icons stay sharp on high-DPI screens.
    """

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg

    def paint(self, painter: QPainter, rect: Any, mode: QIcon.Mode, state: QIcon.State) -> None:  # type: ignore[override]
        palette = QApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        colour = palette.color(group, QPalette.ColorRole.WindowText).name()
        renderer = QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", colour.encode("ascii"))))
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)


_cache: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """Return the icon resources/icons/<name>.svg, or an empty icon when the file is missing."""
    cached = _cache.get(name)
    if cached is not None:
        return cached
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    loaded = QIcon(_SvgIconEngine(path.read_bytes()))
    _cache[name] = loaded
    return loaded
