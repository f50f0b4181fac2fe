"""Tests that the privilege editor's rows do not overlap, in Danish and English, at its default size."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget

from privadmin.controllers.catalog import CatalogController
from privadmin.models import Assignability, Privilege
from privadmin.views.catalog.editor import PrivilegeEditor

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["da", "en"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"catalog_{request.param}.qm"))
    QCoreApplication.installTranslator(translator)
    yield request.param
    QCoreApplication.removeTranslator(translator)


def shown_editor(qtbot: Any, privilege: Privilege | None) -> PrivilegeEditor:
    # The editor sends no request in these tests, so it needs no client.
    controller = CatalogController(None, "DK10000001")  # type: ignore[arg-type]
    editor = PrivilegeEditor(controller, [], privilege)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def assert_note_has_own_row(editor: PrivilegeEditor) -> None:
    note = editor.fixed_note
    assert note.isVisible()
    assert note.wordWrap()
    assert note.text()
    # The full text fits: the label is at least as tall as its wrapped text needs at its width.
    assert note.height() >= note.heightForWidth(note.width())
    # Every widget here is a direct child of the dialog, so their geometries share one coordinate system.
    others: list[QWidget] = [editor.name_label, editor.name_edit, editor.danish_label, editor.danish_edit]
    for widget in others:
        assert not note.geometry().intersects(widget.geometry()), type(widget).__name__
    assert note.geometry().top() >= editor.name_edit.geometry().bottom()
    assert note.geometry().bottom() <= editor.danish_edit.geometry().top()


def test_new_dialog_note_own_row(qtbot: Any, language: str) -> None:
    editor = shown_editor(qtbot, None)

    assert_note_has_own_row(editor)
    for widget in (editor.id_caption, editor.id_label, editor.owner_caption, editor.owner_label):
        assert not widget.isVisible(), widget.text()


def test_edit_dialog_note_own_row(qtbot: Any, language: str) -> None:
    privilege = Privilege(
        id=uuid.UUID(int=7),
        name="Pension Reporter",
        assignability=Assignability.PRIVATE,
        organization_tin="DK10000001",
        created=NOW,
        updated=NOW,
        etag='"1"',
    )
    editor = shown_editor(qtbot, privilege)

    assert_note_has_own_row(editor)
    assert editor.owner_label.isVisible()
    assert editor.fixed_note.geometry().top() >= editor.owner_label.geometry().bottom()
