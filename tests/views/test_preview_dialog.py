"""The change preview's headline for removals: a maximum, since some may be gone already."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QTranslator

from privadmin.models import AssignmentChange
from privadmin.resources import translations_dir
from privadmin.views.dialogs import ChangePreviewDialog


def test_removal_headline_is_maximum(qtbot: object) -> None:
    privilege_id = uuid.uuid4()
    remove = [
        AssignmentChange(
            idp="mitid_erhverv", idp_identity_id=uuid.uuid4(), privilege_id=privilege_id
        )
        for _ in range(3)
    ]

    # English plural forms come from the English translation, as in the app.
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "main_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ChangePreviewDialog([], remove, lambda item: str(item.idp_identity_id))
        summary = dialog.summary.text()
        dialog.deleteLater()
    finally:
        QCoreApplication.removeTranslator(translator)

    assert "Up to 3 assignments to remove; missing ones stay unchanged" in summary
    assert "3 employees affected" in summary
    assert dialog.remove_count == 3
