"""Locates the resources/ folder in a source checkout and in a frozen (PyInstaller) build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder holding icons/ and translations/.

    A PyInstaller build unpacks it next to the bundled modules (sys._MEIPASS);
    a checkout or editable install has it at the repository root.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    # NOTE: a regular (non-editable) wheel does not contain resources/, so only
    # checkouts, editable installs and frozen builds find the translations.
    return Path(__file__).resolve().parents[1] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"
