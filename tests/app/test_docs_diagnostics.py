"""The deployment guides name the start window's Copy diagnostics button as the window labels it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from privadmin.i18n import Translations
from privadmin.views.start import StartWindow

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(
    ("language", "guide"), [("en", "deployment.md"), ("da", "deployment.da.md")]
)
def test_guide_names_start_window_button(
    qasync_loop: asyncio.AbstractEventLoop, language: str, guide: str
) -> None:
    translations = Translations()
    translations.install(language)
    window = StartWindow()
    label = window.diagnostics_button.text()
    window.close()
    translations.install("en")

    text = " ".join((DOCS / guide).read_text(encoding="utf-8").split())
    assert f"**{label}**" in text
    assert ("start window" if language == "en" else "startvinduet") in text
