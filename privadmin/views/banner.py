"""A non-modal banner above the main window's content: an error with a retry action, or a notice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from privadmin.views.icons import icon


class ErrorBanner(QFrame):
    """Shows one error in plain words with Retry (when the work can be started again) and Close.

    It also shows notices, such as why the sign-in is not remembered. An error
    replaces a notice, and hide_error() leaves a notice in place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._retry: Callable[[], None] | None = None
        # "error" or "notice": what the banner shows or last showed.
        self.kind = "error"

        self._icon = QLabel(self)
        self._icon.setPixmap(icon("warning").pixmap(20, 20))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self._on_retry)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def refresh_icons(self) -> None:
        self._icon.setPixmap(icon("warning" if self.kind == "error" else "info").pixmap(20, 20))

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("&Retry"))
        self.close_button.setText(self.tr("Dismiss"))

    def show_error(self, message: str, retry: Callable[[], None] | None = None) -> None:
        self.kind = "error"
        self.refresh_icons()
        self.message.setText(message)
        self._retry = retry
        self.retry_button.setVisible(retry is not None)
        self.show()

    def show_notice(self, message: str) -> None:
        """Show information that needs no action, with an information icon and no Retry."""
        self.kind = "notice"
        self.refresh_icons()
        self.message.setText(message)
        self._retry = None
        self.retry_button.hide()
        self.show()

    def showing_error(self) -> bool:
        return self.isVisible() and self.kind == "error"

    def hide_error(self) -> None:
        """Hide the banner if it shows an error; a notice stays until dismissed."""
        if self.kind == "error":
            self.hide()

    def _on_retry(self) -> None:
        retry = self._retry
        self.hide()
        if retry is not None:
            retry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def describe_error(error: BaseException) -> str:
    """Return a sentence for the user about `error`, with the server's own words where it sent any."""
    title: Any = getattr(error, "title", None)
    detail: Any = getattr(error, "detail", None)
    status: Any = getattr(error, "status", None)
    if title or detail:
        parts = [str(part) for part in (title, detail) if part]
        text = ": ".join(parts)
        return f"{text} (HTTP {status})" if status else text
    name = type(error).__name__
    if name == "TransportError":
        return QCoreApplication.translate(
            "ErrorBanner", "The Privileges API could not be reached: %1"
        ).replace("%1", str(error))
    if name == "SignedOutError":
        return QCoreApplication.translate(
            "ErrorBanner", "You have been signed out. Sign in again to continue."
        )
    return str(error) or name
