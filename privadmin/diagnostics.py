"""Text for support: versions, platform, environment, configuration, keyring and the last log lines, redacted."""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from privadmin import __version__
from privadmin.logging_setup import last_log_lines, redact

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from privadmin.config.environment import Environment
    from privadmin.config.settings import LoadedConfig

log = logging.getLogger("privadmin.app")

LOG_LINES = 100


@dataclass
class DiagnosticsState:
    """Facts about the running app that support needs; privadmin.app keeps them current."""

    config: LoadedConfig | None = None
    environment: Environment | None = None
    environment_key: str | None = None
    log_file: Path | None = None
    language: str | None = None
    demo: bool = False
    extra: dict[str, str] = field(default_factory=dict)


# The running app's state; privadmin.app assigns it at start-up.
current = DiagnosticsState()


def keyring_backend_name() -> str:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as error:  # noqa: BLE001 - any failure here is itself a diagnostic
        return f"unavailable ({type(error).__name__}: {error})"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        return f"{name} (no credential store available)"
    return name


def qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "not installed"
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}"


def diagnostics_text(state: DiagnosticsState | None = None, *, log_lines: int = LOG_LINES) -> str:
    """Return the support report for `state` (the running app's by default), with tokens redacted."""
    state = state or current
    lines = [
        f"privadmin {__version__}",
        f"Frozen build: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"Qt: {qt_versions()}",
        f"Keyring backend: {keyring_backend_name()}",
        f"Language: {state.language or 'not set'}",
        f"Demo mode: {'yes' if state.demo else 'no'}",
        "",
        f"Environment: {state.environment_key or 'not chosen'}",
    ]
    if state.environment is not None:
        environment = state.environment
        lines += [
            f"  Issuer: {environment.issuer}",
            f"  API base URL: {environment.api_base_url}",
            f"  Client id: {environment.client_id}",
            f"  Scopes: {' '.join(environment.scopes)}",
            f"  Authorization: {environment.auth_mode.value}",
            f"  API client id: {environment.api_client_id or '-'}",
        ]
    lines.append("")
    if state.config is not None:
        lines.append("Configuration files:")
        for item in state.config.files:
            lines.append(f"  {item.role}: {item.path} ({'found' if item.found else 'not found'})")
        lines.append(f"Locked settings: {', '.join(sorted(state.config.locked)) or 'none'}")
        lines.append("Settings from files, variables or the command line:")
        for key, source in sorted(state.config.origins.items()):
            lines.append(f"  {key} from {source}")
        lines.append("Configuration messages:")
        lines += [f"  {message}" for message in state.config.messages] or ["  none"]
    for name, value in state.extra.items():
        lines.append(f"{name}: {value}")
    lines += ["", f"Log file: {state.log_file or 'none'}", f"Last {log_lines} log lines:"]
    lines += last_log_lines(state.log_file, log_lines)
    return redact("\n".join(lines))


def copy_diagnostics_action(parent: QWidget) -> QAction:
    """Create the Help menu's "Copy diagnostics" action, which puts the report on the clipboard."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QAction, QGuiApplication

    action = QAction(parent)
    action.setObjectName("copyDiagnosticsAction")

    def retranslate() -> None:
        action.setText(QCoreApplication.translate("Diagnostics", "Copy diagnostics"))
        action.setToolTip(QCoreApplication.translate(
            "Diagnostics", "Copy versions, settings and recent log lines (without tokens) for support"))

    class LanguageWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LanguageChange:
                retranslate()
            return False

    retranslate()
    watcher = LanguageWatcher(action)
    parent.installEventFilter(watcher)

    def copy() -> None:
        QGuiApplication.clipboard().setText(diagnostics_text())
        log.info("Diagnostics copied to the clipboard")

    action.triggered.connect(copy)
    return action
