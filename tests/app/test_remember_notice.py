"""The main window's notice when a sign-in will not be remembered, in the UI language."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QTranslator

from privadmin.app import remember_notice
from privadmin.oidc.client import NOT_REMEMBERED_NO_STORE, NOT_REMEMBERED_SAVE_FAILED
from privadmin.resources import translations_dir


def test_remembered_session_has_no_notice(qapp: object) -> None:
    session = SimpleNamespace(remembered=True, remember_notice=None)

    assert remember_notice(session) is None


def test_notice_in_english(qapp: object) -> None:
    session = SimpleNamespace(remembered=False, remember_notice=NOT_REMEMBERED_SAVE_FAILED)

    assert remember_notice(session) == NOT_REMEMBERED_SAVE_FAILED


def test_notice_in_danish(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "app_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        session = SimpleNamespace(remembered=False, remember_notice=NOT_REMEMBERED_NO_STORE)
        notice = remember_notice(session)
    finally:
        QCoreApplication.removeTranslator(translator)

    assert notice is not None
    assert "logge ind igen" in notice
