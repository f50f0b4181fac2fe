"""Tests that the catalog editor's Danish and English translations are complete and applied live."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from privadmin.api_client import PrivilegesClient, SignedOutError
from privadmin.config import Environment
from privadmin.context import AppContext
from privadmin.controllers.catalog import CatalogController
from privadmin.itemmodels.catalog import Column
from privadmin.models import Assignability, Privilege
from privadmin.views.catalog import CatalogPanel
from privadmin.views.catalog.editor import PrivilegeEditor

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [
    *sorted((ROOT / "privadmin" / "views" / "catalog").glob("*.py")),
    ROOT / "privadmin" / "itemmodels" / "catalog.py",
]


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def sources(path: Path) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        found.update(
            (name, message.findtext("source") or "") for message in context.iter("message")
        )
    return found


@pytest.mark.parametrize("language", ["da", "en"])
def test_translations_are_finished(language: str) -> None:
    path = TRANSLATIONS / f"catalog_{language}.ts"

    for message in messages(path):
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") not in {"unfinished", "vanished", "obsolete"}, source
        if message.get("numerus") == "yes":
            forms = [form.text for form in translation.iter("numerusform")]
            assert len(forms) == 2, source
            assert all(forms), source
        else:
            assert translation.text, source


@pytest.mark.parametrize("language", ["da", "en"])
def test_translations_cover_the_code(language: str, tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed next to the interpreter")
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        [lupdate, *map(str, SOURCES), "-locations", "none", "-ts", str(extracted)],
        check=True,
        capture_output=True,
    )

    assert sources(extracted) == sources(TRANSLATIONS / f"catalog_{language}.ts")


def test_danish_terms_are_used() -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "catalog_da.qm"))

    assert translator.translate("Catalog", "Assignability") == "Tildelbarhed"
    assert translator.translate("Catalog", "Private") == "Privat"
    assert translator.translate("Catalog", "Public") == "Offentlig"
    assert translator.translate("Catalog", "Whitelist") == "Whitelist"
    assert translator.translate("CatalogPanel", "&New privilege") == "&Ny rettighed"
    assert (
        translator.translate("CatalogPanel", "%1 assignments will be removed:")
        == "%1 tildelinger bliver fjernet:"
    )


class UnusedTokenSource:
    """Token source for a panel that never sends a request."""

    async def access_token(self) -> str:
        raise SignedOutError("no request is expected in this test")

    async def refreshed_access_token(self, rejected: str) -> str:
        raise SignedOutError("no request is expected in this test")


@pytest.fixture
def offline_panel(qtbot: Any) -> Iterator[CatalogPanel]:
    async def sign_out() -> None:
        return None

    environment = Environment(
        key="custom",
        issuer="http://127.0.0.1:9/idp",
        api_base_url="http://127.0.0.1:9",
        client_id="privadmin-desktop",
    )
    context = AppContext(
        environment=environment,
        client=PrivilegesClient(environment.api_base_url, UnusedTokenSource()),
        caller_name="Test",
        caller_identity_id=None,
        language="en",
        sign_out=sign_out,
        switch_language=lambda _language: None,
    )
    panel = CatalogPanel(context)
    qtbot.addWidget(panel)
    yield panel


def test_language_change_retranslates(offline_panel: CatalogPanel, qapp: Any) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "catalog_da.qm"))
    header = offline_panel.model.headerData

    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.processEvents()
        assert offline_panel.new_action.text() == "&Ny rettighed"
        assert offline_panel.filter_label.text() == "&Filtrer:"
        assert offline_panel.status.retry_button.text() == "Prøv igen"
        assert header(Column.ASSIGNABILITY, Qt.Orientation.Horizontal) == "Tildelbarhed"
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.processEvents()

    assert offline_panel.new_action.text() == "&New privilege"
    assert header(Column.ASSIGNABILITY, Qt.Orientation.Horizontal) == "Assignability"


def test_open_editor_retranslates(offline_panel: CatalogPanel, qapp: Any) -> None:
    controller = CatalogController(offline_panel.context.client, "DK10000001")
    editor = PrivilegeEditor(controller, [], None, offline_panel)
    editor.name_edit.setText("kept")
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "catalog_da.qm"))

    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.processEvents()
        assert editor.windowTitle() == "Ny rettighed"
        assert editor.assignability_label.text() == "&Tildelbarhed:"
        assert editor.assignability_combo.itemText(0) == "Privat"
        assert editor.conflict.keep_mine_button.text() == "&Behold min version og overskriv"
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.processEvents()

    assert editor.windowTitle() == "New privilege"
    assert editor.name_edit.text() == "kept"


def test_language_change_reformats_dates(offline_panel: CatalogPanel, qapp: Any) -> None:
    noon = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
    offline_panel.model.set_privileges(
        [
            Privilege(
                id=uuid.UUID(int=1),
                name="Revisor",
                assignability=Assignability.PRIVATE,
                organization_tin="DK10000001",
                created=noon,
                updated=noon,
            )
        ]
    )
    assert "05/01/2026" in offline_panel.model.index(0, Column.UPDATED).data()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "catalog_da.qm"))

    # The app sets the context's language before the posted LanguageChange events arrive.
    offline_panel.context.language = "da"
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.processEvents()
        assert "05.01.2026" in offline_panel.model.index(0, Column.UPDATED).data()
    finally:
        QCoreApplication.removeTranslator(translator)
        offline_panel.context.language = "en"
    QCoreApplication.processEvents()

    assert "05/01/2026" in offline_panel.model.index(0, Column.UPDATED).data()
