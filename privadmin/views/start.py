"""The start window: environment and language above the sign-in page, and notices about the settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from privadmin.config.environment import CUSTOM, DEMO, PREPRODUCTION, PRODUCTION
from privadmin.diagnostics import copy_diagnostics_action

ENVIRONMENT_ORDER = (PRODUCTION, PREPRODUCTION, DEMO, CUSTOM)
LANGUAGE_ORDER = ("da", "en")


@dataclass(frozen=True)
class Notice:
    """A notice kept as its translation context and English source, so it is shown in the current language.

    Declare the source with QT_TRANSLATE_NOOP so that pyside6-lupdate finds it.
    """

    context: str
    source: str

    def text(self) -> str:
        return QCoreApplication.translate(self.context, self.source)


class StartWindow(QWidget):
    """Lets the user pick the environment and language, and shows the sign-in page or a status.

    The controller in privadmin.app listens to `environment_chosen` and
    `language_chosen` and puts the sign-in page in with `show_sign_in`.
    """

    environment_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startWindow")
        self._status_text = ""
        self._notices: list[str | Notice] = []

        self.environment_label = QLabel()
        self.environment_combo = QComboBox()
        self.environment_combo.setObjectName("environmentCombo")
        for key in ENVIRONMENT_ORDER:
            self.environment_combo.addItem("", key)
        self.environment_lock = QLabel()
        self.environment_lock.setObjectName("environmentLock")
        self.environment_lock.hide()
        self.environment_label.setBuddy(self.environment_combo)

        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("Dansk", "da")
        self.language_combo.addItem("English", "en")
        self.language_lock = QLabel()
        self.language_lock.setObjectName("languageLock")
        self.language_lock.hide()
        self.language_label.setBuddy(self.language_combo)

        choices = QFormLayout()
        environment_row = QHBoxLayout()
        environment_row.addWidget(self.environment_combo, 1)
        environment_row.addWidget(self.environment_lock)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_combo, 1)
        language_row.addWidget(self.language_lock)
        choices.addRow(self.environment_label, environment_row)
        choices.addRow(self.language_label, language_row)

        self.notice = QFrame()
        self.notice.setObjectName("settingsNotice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_title = QLabel()
        self.notice_title.setWordWrap(True)
        self.notice_text = QPlainTextEdit()
        self.notice_text.setReadOnly(True)
        self.notice_text.setMaximumHeight(90)
        self.notice_close = QPushButton()
        self.notice_close.clicked.connect(self.notice.hide)
        notice_layout = QVBoxLayout(self.notice)
        notice_header = QHBoxLayout()
        notice_header.addWidget(self.notice_title, 1)
        notice_header.addWidget(self.notice_close)
        notice_layout.addLayout(notice_header)
        notice_layout.addWidget(self.notice_text)
        self.notice.hide()

        self.status_label = QLabel()
        self.status_label.setObjectName("startStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar()
        self.busy.setObjectName("startBusy")
        self.busy.setRange(0, 0)
        self.busy.hide()
        status_page = QWidget()
        status_layout = QVBoxLayout(status_page)
        status_layout.addStretch(1)
        status_layout.addWidget(self.status_label)
        status_layout.addWidget(self.busy)
        status_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(status_page)
        self.sign_in_page: QWidget | None = None

        # Support may need the diagnostics before anyone can sign in.
        self.diagnostics_button = QToolButton()
        self.diagnostics_button.setObjectName("startDiagnostics")
        self.diagnostics_button.setDefaultAction(copy_diagnostics_action(self))
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.diagnostics_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)

        self.environment_combo.activated.connect(self._on_environment_activated)
        self.language_combo.activated.connect(self._on_language_activated)
        self.resize(560, 520)
        self.retranslate()

    # Choices

    def set_environment(self, key: str) -> None:
        index = self.environment_combo.findData(key)
        if index >= 0:
            self.environment_combo.setCurrentIndex(index)

    def environment(self) -> str:
        return str(self.environment_combo.currentData())

    def set_language(self, language: str) -> None:
        index = self.language_combo.findData(language)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def set_environment_locked(self, locked: bool) -> None:
        self.environment_combo.setEnabled(not locked)
        self.environment_lock.setVisible(locked)

    def set_language_locked(self, locked: bool) -> None:
        self.language_combo.setEnabled(not locked)
        self.language_lock.setVisible(locked)

    def set_environment_available(self, key: str, available: bool, reason: str = "") -> None:
        """Enable or disable one environment in the combo, with the reason as its tooltip."""
        index = self.environment_combo.findData(key)
        model = self.environment_combo.model()
        if index < 0 or not isinstance(model, QStandardItemModel):
            return
        item = model.item(index)
        item.setEnabled(available)
        item.setToolTip("" if available else reason)

    def _on_environment_activated(self, index: int) -> None:
        self.environment_chosen.emit(str(self.environment_combo.itemData(index)))

    def _on_language_activated(self, index: int) -> None:
        self.language_chosen.emit(str(self.language_combo.itemData(index)))

    # Content

    def show_status(self, text: str, *, busy: bool = False) -> None:
        """Show `text` (already translated) in place of the sign-in page."""
        self._status_text = text
        self.status_label.setText(text)
        self.busy.setVisible(busy)
        self.stack.setCurrentIndex(0)

    def show_sign_in(self, page: QWidget) -> None:
        """Put `page` in place of the current sign-in page (or status) and show it."""
        self.clear_sign_in()
        self.sign_in_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def clear_sign_in(self) -> None:
        """Remove the sign-in page, cancelling a sign-in it has started (which stops its loopback listener)."""
        if self.sign_in_page is not None:
            cancel = getattr(self.sign_in_page, "cancel", None)
            if callable(cancel):
                cancel()
            self.stack.removeWidget(self.sign_in_page)
            self.sign_in_page.deleteLater()
            self.sign_in_page = None

    def show_notices(self, notices: Sequence[str | Notice]) -> None:
        """Show messages in a panel that does not block the window; empty hides it.

        A plain string is shown as it is. A Notice is translated again at each language change.
        """
        self._notices = list(notices)
        self._show_notice_texts()
        self.notice.setVisible(bool(self._notices))

    def _show_notice_texts(self) -> None:
        texts = [notice.text() if isinstance(notice, Notice) else notice for notice in self._notices]
        self.notice_text.setPlainText("\n".join(texts))

    # Language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("privadmin: sign in"))
        self.environment_label.setText(self.tr("&Environment:"))
        self.language_label.setText(self.tr("&Language:"))
        names = {
            PRODUCTION: self.tr("Production"),
            PREPRODUCTION: self.tr("Pre-production"),
            DEMO: self.tr("Demo (local test data)"),
            CUSTOM: self.tr("Custom"),
        }
        for index in range(self.environment_combo.count()):
            self.environment_combo.setItemText(index, names[str(self.environment_combo.itemData(index))])
        lock_text = self.tr("Set by your IT department")
        self.environment_lock.setText(lock_text)
        self.language_lock.setText(lock_text)
        self.environment_combo.setToolTip(lock_text if not self.environment_combo.isEnabled() else "")
        self.language_combo.setToolTip(lock_text if not self.language_combo.isEnabled() else "")
        self.notice_title.setText(self.tr("Notes about the settings and this computer:"))
        self.notice_close.setText(self.tr("Hide"))
        self._show_notice_texts()


class SecretDialog(QDialog):
    """Asks once for the organization's API client secret, to keep in the OS credential store."""

    def __init__(self, api_client_id: str, keyring_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("apiClientSecretDialog")
        self.setWindowTitle(self.tr("API client secret"))
        explanation = QLabel(self.tr(
            "This environment calls the Privileges API with your organization's API client "
            "{client_id}. Enter its secret.").format(client_id=api_client_id))
        explanation.setObjectName("secretExplanation")
        explanation.setWordWrap(True)
        if keyring_available:
            storage = self.tr("The secret is kept in this computer's credential store, so you are asked only once.")
        else:
            storage = self.tr(
                "No credential store (keyring) is available on this computer, so the secret is kept "
                "only until privadmin closes and you will be asked again next time.")
        storage_label = QLabel(storage)
        storage_label.setObjectName("secretStorage")
        storage_label.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setObjectName("secretEdit")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.secret.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.secret)
        layout.addWidget(storage_label)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.secret.text().strip()
