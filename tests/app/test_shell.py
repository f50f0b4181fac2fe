"""The start window and shell without a server: environments, locks, notices and language switching."""

from __future__ import annotations

import asyncio
import os
import tomllib
from pathlib import Path

import pytest

from privadmin.app import Shell, StartOptions
from privadmin.config.settings import load_config
from privadmin.i18n import Translations, resolve_language, system_language


def make_shell(isolated_dirs: dict[str, Path], managed: str = "", language: str = "en") -> Shell:
    if managed:
        isolated_dirs["managed"].parent.mkdir(parents=True, exist_ok=True)
        isolated_dirs["managed"].write_text(managed, encoding="utf-8")
    translations = Translations()
    translations.install(language)
    return Shell(load_config(), translations, StartOptions())


def test_missing_client_id_named(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path]) -> None:
    shell = make_shell(isolated_dirs)
    shell.start()
    status = shell.start_window.status_label.text()
    assert "environments.production.client_id" in status
    assert str(isolated_dirs["managed"]) in status
    assert shell.start_window.sign_in_page is None
    assert shell.start_window.environment() == "production"
    shell.start_window.close()


def test_locked_environment_disables_combo(qasync_loop: asyncio.AbstractEventLoop,
                                           isolated_dirs: dict[str, Path]) -> None:
    shell = make_shell(isolated_dirs, 'environment = "preproduction"\nlocked = ["environment", "language"]\n'
                                      'language = "sprog"\n')
    shell.start()
    window = shell.start_window
    assert window.environment() == "preproduction"
    assert not window.environment_combo.isEnabled()
    assert window.environment_lock.isVisibleTo(window)
    assert window.environment_lock.text() == "Set by your IT department"
    assert not window.language_combo.isEnabled()
    assert window.notice.isVisibleTo(window)
    assert "language: invalid value 'sprog'" in window.notice_text.toPlainText()
    window.close()


def test_environment_choice_saved(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path]) -> None:
    shell = make_shell(isolated_dirs)
    shell.start()
    shell.choose_environment("custom")
    assert "environments.custom.issuer" in shell.start_window.status_label.text()
    with isolated_dirs["user"].open("rb") as stream:
        assert tomllib.load(stream) == {"environment": "custom"}
    shell.start_window.close()


def test_language_switch_retranslates(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path]) -> None:
    shell = make_shell(isolated_dirs)
    shell.start()
    window = shell.start_window
    assert window.environment_combo.itemText(0) == "Production"
    shell.switch_language("da")
    qasync_loop.run_until_complete(asyncio.sleep(0.05))
    assert window.environment_combo.itemText(0) == "Produktion"
    assert window.environment_combo.itemText(1) == "Præproduktion"
    assert window.language_combo.currentData() == "da"
    with isolated_dirs["user"].open("rb") as stream:
        assert tomllib.load(stream)["language"] == "da"
    shell.switch_language("en")
    qasync_loop.run_until_complete(asyncio.sleep(0.05))
    assert window.environment_combo.itemText(0) == "Production"
    window.close()


def test_locked_language_not_switched(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path]) -> None:
    shell = make_shell(isolated_dirs, 'language = "en"\nlocked = ["language"]\n')
    shell.start()
    shell.switch_language("da")
    assert shell.translations.language == "en"
    assert not isolated_dirs["user"].exists()
    shell.start_window.close()


def test_language_from_locale() -> None:
    from PySide6.QtCore import QLocale

    assert system_language(QLocale("da_DK")) == "da"
    assert system_language(QLocale("en_US")) == "en"
    assert system_language(QLocale("de_DE")) == "en"
    assert resolve_language("system", QLocale("da_DK")) == "da"
    assert resolve_language("en", QLocale("da_DK")) == "en"


def test_translations_cover_every_area(qapp: object) -> None:
    translations = Translations()
    loaded = {path.name for path in translations.install("da")}
    assert "app_da.qm" in loaded
    translations.install("en")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        translations.install("fr")


def test_missing_keyring_noticed(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path]) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        shell = make_shell(isolated_dirs)
        shell.start()
    finally:
        keyring.set_keyring(previous)
    window = shell.start_window
    assert window.notice.isVisibleTo(window)
    assert "No credential store (keyring) is available" in window.notice_text.toPlainText()
    window.close()


def test_keyring_notice_follows_language(qasync_loop: asyncio.AbstractEventLoop,
                                         isolated_dirs: dict[str, Path]) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        shell = make_shell(isolated_dirs, 'language = "sprog"\n')
        shell.start()
    finally:
        keyring.set_keyring(previous)
    window = shell.start_window
    english = "No credential store (keyring) is available"
    danish = "Der er ingen nøglering (credential store)"
    assert english in window.notice_text.toPlainText()

    shell.switch_language("da")
    qasync_loop.run_until_complete(asyncio.sleep(0.05))
    assert danish in window.notice_text.toPlainText()
    assert english not in window.notice_text.toPlainText()
    # Configuration messages are shown as written, in both languages.
    assert "language: invalid value 'sprog'" in window.notice_text.toPlainText()

    shell.switch_language("en")
    qasync_loop.run_until_complete(asyncio.sleep(0.05))
    assert english in window.notice_text.toPlainText()
    assert danish not in window.notice_text.toPlainText()
    window.close()


def test_missing_display_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from privadmin.app import ensure_display

    monkeypatch.setattr("sys.platform", "linux")
    for variable in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    message = ensure_display()
    assert message is not None
    assert "No display found" in message
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert ensure_display() is None


def test_start_window_copies_diagnostics(qasync_loop: asyncio.AbstractEventLoop,
                                         isolated_dirs: dict[str, Path]) -> None:
    from PySide6.QtGui import QGuiApplication

    shell = make_shell(isolated_dirs)
    shell.start()
    shell.start_window.diagnostics_button.click()
    assert "Environment: production" in QGuiApplication.clipboard().text()
    shell.start_window.close()
