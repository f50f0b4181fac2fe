"""The sign-in page: opens the system browser for MitID Erhverv and waits for it to come back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from privadmin.config import Environment
from privadmin.config.environment import CUSTOM, DEMO, PREPRODUCTION, PRODUCTION
from privadmin.i18n import system_language
from privadmin.oidc import OidcClient, PendingSignIn, SignInError, SignInErrorCode

log = logging.getLogger("privadmin.views")


class SignInPage(QWidget):
    """Starts the sign-in in the system browser, offers its address to copy, and emits `signed_in`.

    The browser may fail to open without any error, so the address is always
    shown with a Copy button while the sign-in waits.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        oidc: OidcClient,
        environment: Environment,
        parent: QWidget | None = None,
        *,
        language: Callable[[], str] | None = None,
    ) -> None:
        """`language` returns the UI language ("da" or "en") when a sign-in starts, and the
        provider is asked to show its pages in it. By default it is read from the default
        QLocale, which privadmin.i18n sets with the translations."""
        super().__init__(parent)
        self.setObjectName("signInPage")
        self._oidc = oidc
        self._environment = environment
        self._language = language or (lambda: system_language(QLocale()))
        self._pending: PendingSignIn | None = None
        self._task: asyncio.Task[None] | None = None
        # The status shown, kept as a key and its arguments so that it can be retranslated.
        self._status: tuple[str, dict[str, str]] = ("idle", {})
        self._error: SignInError | None = None

        self.heading = QLabel()
        self.heading.setObjectName("signInHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.environment_label = QLabel()
        self.environment_label.setObjectName("signInEnvironment")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)

        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        self.sign_in_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("signInCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.cancel)

        self.busy = QProgressBar()
        self.busy.setObjectName("signInBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)

        self.status_label = QLabel()
        self.status_label.setObjectName("signInStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)

        self.url_label = QLabel()
        self.url_field = QLineEdit()
        self.url_field.setObjectName("signInUrl")
        self.url_field.setReadOnly(True)
        self.url_label.setBuddy(self.url_field)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("signInCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_url)
        self.url_row = QWidget()
        url_layout = QHBoxLayout(self.url_row)
        url_layout.setContentsMargins(0, 0, 0, 0)
        url_layout.addWidget(self.url_field, 1)
        url_layout.addWidget(self.copy_button)
        self.url_hint = QLabel()
        self.url_hint.setWordWrap(True)
        for widget in (self.url_label, self.url_row, self.url_hint):
            widget.setVisible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.environment_label)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.url_label)
        layout.addWidget(self.url_row)
        layout.addWidget(self.url_hint)
        layout.addStretch(1)

        QWidget.setTabOrder(self.sign_in_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.url_field)
        QWidget.setTabOrder(self.url_field, self.copy_button)
        self.retranslate()

    @property
    def authorization_url(self) -> str:
        return self.url_field.text()

    def start(self) -> asyncio.Task[None] | None:
        """Start a sign-in unless one is running; returns the task that runs it."""
        if self._task is not None and not self._task.done():
            return self._task
        self._task = asyncio.ensure_future(self._sign_in())
        return self._task

    def cancel(self) -> None:
        """Stop the running sign-in and its loopback listener."""
        if self._pending is not None:
            self._pending.cancel()

    def copy_url(self) -> None:
        if not self.authorization_url:
            return
        QGuiApplication.clipboard().setText(self.authorization_url)
        self._set_status("copied")

    async def _sign_in(self) -> None:
        self._show_error(None)
        self._set_busy(True)
        self._set_status("starting")
        try:
            try:
                self._pending = await self._oidc.begin_sign_in(ui_locales=self._language())
            except SignInError as error:
                self._fail(error)
                return
            pending = self._pending
            # A page removed while waiting must not leave the listener open.
            self.destroyed.connect(pending.cancel)

            self._show_url(pending.authorization_url)
            opened = QDesktopServices.openUrl(QUrl.fromEncoded(pending.authorization_url.encode()))
            log.info("System browser %s for the sign-in", "opened" if opened else "did not open")
            self._set_status("waiting" if opened else "no_browser")

            try:
                session = await pending.result()
            except SignInError as error:
                if isValid(self):
                    if error.code is SignInErrorCode.CANCELLED:
                        self._set_status("cancelled")
                    else:
                        self._fail(error)
                return
            if isValid(self):
                self._set_status("signed_in")
                self.signed_in.emit(session)
        finally:
            # The page may have been deleted while the sign-in waited.
            if isValid(self):
                self._pending = None
                self._show_url("")
                self._set_busy(False)

    def _fail(self, error: SignInError) -> None:
        log.warning("Sign-in failed: %s (%s)", error.code, error.detail)
        self._set_status("idle")
        self._show_error(error)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.sign_in_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        if not busy:
            self.sign_in_button.setFocus()

    def _show_url(self, url: str) -> None:
        self.url_field.setText(url)
        self.url_field.setCursorPosition(0)
        for widget in (self.url_label, self.url_row, self.url_hint):
            widget.setVisible(bool(url))

    def _set_status(self, key: str, **arguments: str) -> None:
        self._status = (key, arguments)
        self.status_label.setText(self._status_text())
        self.status_label.setVisible(bool(self.status_label.text()))

    def _show_error(self, error: SignInError | None) -> None:
        self._error = error
        self.error_label.setText(self._error_text(error) if error is not None else "")
        self.error_label.setVisible(error is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sign in to privadmin"))
        self.environment_label.setText(
            self.tr("Environment: {environment}").format(environment=self._environment_name())
        )
        self.explanation.setText(
            self.tr(
                "You sign in with MitID Erhverv in your own web browser. "
                "When you are done there, privadmin continues by itself."
            )
        )
        self.sign_in_button.setText(self.tr("&Sign in"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.url_label.setText(self.tr("Sign-in &address:"))
        self.copy_button.setText(self.tr("C&opy"))
        self.url_hint.setText(
            self.tr(
                "If no browser window opened, copy this address and open it in your web browser."
            )
        )
        self.busy.setAccessibleName(self.tr("Signing in"))
        self.status_label.setText(self._status_text())
        self.status_label.setVisible(bool(self.status_label.text()))
        if self._error is not None:
            self.error_label.setText(self._error_text(self._error))

    def _environment_name(self) -> str:
        names = {
            PRODUCTION: self.tr("Production"),
            PREPRODUCTION: self.tr("Pre-production"),
            DEMO: self.tr("Demo (local test data)"),
            CUSTOM: self.tr("Custom"),
        }
        return names.get(self._environment.key, self._environment.key)

    def _status_text(self) -> str:
        key, _arguments = self._status
        texts = {
            "idle": "",
            "starting": self.tr("Preparing the sign-in..."),
            "waiting": self.tr(
                "Continue in your web browser. Waiting for the sign-in to finish..."
            ),
            "no_browser": self.tr(
                "No web browser could be opened. Copy the address below and open it in a browser."
            ),
            "copied": self.tr("The address was copied. Open it in your web browser."),
            "cancelled": self.tr("The sign-in was cancelled."),
            "signed_in": self.tr("You are signed in."),
        }
        return texts[key]

    def _error_text(self, error: SignInError) -> str:
        """Return the translated message for `error`, with the provider's own words where it sent any."""
        code = SignInErrorCode
        texts = {
            code.CONFIGURATION: self.tr(
                "The sign-in service is configured with an address that is not secure. "
                "Ask your IT department to check the environment settings."
            ),
            code.DISCOVERY_FAILED: self.tr(
                "The sign-in service is not working as expected. Try again later."
            ),
            code.NETWORK: self.tr(
                "The sign-in service could not be reached. "
                "Check the network connection and try again."
            ),
            code.LISTENER_FAILED: self.tr(
                "The app could not prepare to receive the sign-in. Restart the app and try again."
            ),
            code.PROVIDER_ERROR: self.tr("The sign-in service reported an error."),
            code.ACCESS_DENIED: self.tr(
                "The sign-in was cancelled or refused at the sign-in service."
            ),
            code.STATE_MISMATCH: self.tr(
                "The answer from the browser does not belong to this sign-in, so it was "
                "rejected. Start the sign-in again."
            ),
            code.ISSUER_MISMATCH: self.tr(
                "The answer from the browser did not come from the expected sign-in service, "
                "so it was rejected."
            ),
            code.MISSING_CODE: self.tr(
                "The sign-in service sent an incomplete answer. Start the sign-in again."
            ),
            code.TOKEN_REQUEST_FAILED: self.tr(
                "The sign-in service did not complete the sign-in. Try again."
            ),
            code.INVALID_ID_TOKEN: self.tr(
                "The answer from the sign-in service could not be verified, so you were not "
                "signed in. Try again, and contact your IT department if it keeps happening."
            ),
            code.TIMED_OUT: self.tr("The sign-in took too long and was stopped. Start it again."),
            code.CANCELLED: self.tr("The sign-in was cancelled."),
            code.REFRESH_LOCK_TIMED_OUT: self.tr(
                "Another privadmin window is busy renewing the session. Try again in a moment."
            ),
        }
        text = texts.get(error.code, error.message)
        if error.provider_description:
            text += "\n" + self.tr("The sign-in service said: {description}").format(
                description=error.provider_description
            )
        return text
