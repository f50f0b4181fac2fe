"""Item delegates of the main window: the assignability badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from privadmin.itemmodels.privileges import BADGE_COLORS_ROLE


class BadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text as a rounded badge in the colours the model gives under BADGE_COLORS_ROLE."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        colors = index.data(BADGE_COLORS_ROLE)
        if not colors:
            super().paint(painter, option, index)
            return
        background, foreground = colors
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")

        style = option.widget.style() if option.widget is not None else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )

        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 2
        rect = QRectF(
            option.rect.left() + 4,
            option.rect.top() + (option.rect.height() - height) / 2,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(foreground)
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, max(size.height(), QFontMetrics(option.font).height() + 6))
