"""The Danish texts of the start window, sign-in page and catalog: finished, and in the words Danish administrators use."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
AREAS = ("app", "signin", "catalog")

# "log ind" is the verb; as a noun Danish uses "login" ("Login blev annulleret", "login-tjenesten").
LOG_IND_AS_NOUN = re.compile(
    r"log ind-|(dette|modtage|forbereder|gennemførte ikke|start|at|til) log ind\b|"
    r"\blog ind (blev|tog|bliver|kræver)\b",
    re.IGNORECASE,
)


def danish_translations(area: str) -> list[tuple[str, str]]:
    """Return (source, translation) of every message in the area's Danish file."""
    root = ET.parse(TRANSLATIONS / f"{area}_da.ts").getroot()
    return [
        (message.findtext("source") or "", message.findtext("translation") or "")
        for message in root.iter("message")
    ]


def translator(area: str) -> QTranslator:
    loaded = QTranslator()
    assert loaded.load(str(TRANSLATIONS / f"{area}_da.qm"))
    return loaded


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("language", ["da", "en"])
def test_translations_finished(area: str, language: str) -> None:
    root = ET.parse(TRANSLATIONS / f"{area}_{language}.ts").getroot()

    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None, message.findtext("source")
        assert translation.get("type") is None, message.findtext("source")
        assert translation.text, message.findtext("source")


@pytest.mark.parametrize("area", AREAS)
def test_log_ind_not_used_as_noun(area: str) -> None:
    for source, translation in danish_translations(area):
        assert not LOG_IND_AS_NOUN.search(translation), (source, translation)


@pytest.mark.parametrize("area", AREAS)
def test_dk_number_not_called_cvr(area: str) -> None:
    # A CVR number has 8 digits; DK and a CVR number is the TIN.
    for source, translation in danish_translations(area):
        for match in re.finditer(r"CVR-nummer[^.]*?DK\d{8}|DK\d{8}[^.]*?CVR-nummer", translation):
            assert "DK + CVR-nummer" in match.group(0), (source, translation)


def test_sign_in_wording(qapp: object) -> None:
    signin = translator("signin")

    assert signin.translate("SignInPage", "Sign-in &address:") == "&Login-adresse:"
    assert (
        signin.translate("SignInPage", "Continue in your web browser. Waiting for the sign-in to finish...")
        == "Fortsæt i din webbrowser. Venter på, at login bliver afsluttet ..."
    )
    assert signin.translate("SignInPage", "The sign-in was cancelled.") == "Login blev annulleret."


def test_app_and_catalog_wording(qapp: object) -> None:
    app = translator("app")
    catalog = translator("catalog")

    assert app.translate("Diagnostics", "Copy diagnostics") == "Kopiér diagnoseoplysninger"
    placeholder = catalog.translate(
        "WhitelistEditor", "Name, CVR number or TIN (DK + CVR number), e.g. DK12345678"
    )
    assert placeholder == "Navn, CVR-nummer eller DK + CVR-nummer, f.eks. DK12345678"
    assert catalog.translate("Catalog", "Whitelist") == "Whitelist"
    assert catalog.translate("CatalogPanel", "&Whitelist") == "&Whitelist"
