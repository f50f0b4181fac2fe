"""The support report: what it contains, and that it contains no token."""

from __future__ import annotations

import logging
import platform
from pathlib import Path

import pytest

from privadmin import __version__
from privadmin.config.environment import demo_environment
from privadmin.config.settings import load_config
from privadmin.diagnostics import DiagnosticsState, copy_diagnostics_action, diagnostics_text
from privadmin.logging_setup import setup_logging

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl"


@pytest.fixture
def state(tmp_path: Path) -> DiagnosticsState:
    managed = tmp_path / "managed.toml"
    managed.write_text('locked = ["environment"]\nlanguage = "fr"\n', encoding="utf-8")
    config = load_config(managed_path=managed, user_path=tmp_path / "user.toml", environ={})
    log_file = setup_logging(tmp_path / "logs")
    logging.getLogger("privadmin.api").info("GET /api/v1/me with token %s", JWT)
    yield DiagnosticsState(config=config, environment=demo_environment("http://127.0.0.1:40123"),
                           environment_key="demo", log_file=log_file, language="da", demo=True)
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "privadmin_handler", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_diagnostics_content(state: DiagnosticsState, tmp_path: Path) -> None:
    text = diagnostics_text(state)
    assert f"privadmin {__version__}" in text
    assert platform.python_version() in text
    assert "Qt 6." in text
    assert "Keyring backend:" in text
    assert "Environment: demo" in text
    assert "Issuer: http://127.0.0.1:40123/idp" in text
    assert "API base URL: http://127.0.0.1:40123" in text
    assert f"managed: {tmp_path / 'managed.toml'} (found)" in text
    assert f"user: {tmp_path / 'user.toml'} (not found)" in text
    assert "Locked settings: environment" in text
    assert "language: invalid value 'fr'" in text
    assert "GET /api/v1/me with token [REDACTED]" in text


def test_diagnostics_hold_no_token(state: DiagnosticsState) -> None:
    state.extra["Last response"] = f"Bearer {JWT}"
    text = diagnostics_text(state)
    assert JWT not in text
    assert "eyJ" not in text


def test_copy_action_fills_clipboard(qapp: object, state: DiagnosticsState, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from privadmin import diagnostics

    monkeypatch.setattr(diagnostics, "current", state)
    parent = QWidget()
    action = copy_diagnostics_action(parent)
    assert action.text() == "Copy diagnostics"
    action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert "Environment: demo" in copied
    assert JWT not in copied
