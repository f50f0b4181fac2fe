"""Loading and switching the UI language: our translations per area and Qt's own."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from privadmin.resources import translations_dir

log = logging.getLogger("privadmin.app")

LANGUAGES = ("da", "en")


def system_language(locale: QLocale | None = None) -> str:
    """Return "da" when the (system) locale is Danish, otherwise "en"."""
    locale = locale or QLocale.system()
    return "da" if locale.language() == QLocale.Language.Danish else "en"


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """Turn the language setting ("system", "da" or "en") into "da" or "en"."""
    return system_language(locale) if setting == "system" else setting


class Translations:
    """The translators installed in the application for the current language.

    Installing another language's translators makes Qt send LanguageChange to
    every widget, whose changeEvent then calls retranslateUi or the like.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or translations_dir()
        self.language: str | None = None
        self.loaded: list[Path] = []
        self._translators: list[QTranslator] = []

    def files_for(self, language: str) -> list[Path]:
        return sorted(self.directory.glob(f"*_{language}.qm"))

    def install(self, language: str) -> list[Path]:
        """Install the translators of `language`, replacing the current ones; return the files loaded."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}: expected one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing translators")
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        self.loaded = []

        for path in self.files_for(language):
            translator = QTranslator(app)
            if translator.load(str(path)):
                self._translators.append(translator)
                self.loaded.append(path)
            else:
                log.warning("Could not load translation %s", path)
        qt_translator = QTranslator(app)
        qt_directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and qt_translator.load(f"qtbase_{language}", qt_directory):
            self._translators.append(qt_translator)

        # Installed last is searched first; our files go last so they win over Qt's.
        for translator in reversed(self._translators):
            QCoreApplication.installTranslator(translator)
        self.language = language
        # Dates and numbers stay Danish in English too (en_DK), as the users work in Denmark.
        base = QLocale.Language.Danish if language == "da" else QLocale.Language.English
        QLocale.setDefault(QLocale(base, QLocale.Country.Denmark))
        log.info("Language %s: loaded %d translation files from %s", language, len(self.loaded), self.directory)
        return list(self.loaded)
