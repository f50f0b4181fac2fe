"""The QLocale of the UI language, for collation and for dates shown in the item models."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QLocale


def ui_locale(language: str) -> QLocale:
    """Return the locale of UI language `language`: Danish (Denmark) for "da", else English (UK)."""
    if language == "da":
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def format_datetime(value: dt.datetime, locale: QLocale) -> str:
    """Return `value` in `locale`'s short date-time format, in the computer's time zone."""
    moment = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000))
    return locale.toString(moment, QLocale.FormatType.ShortFormat)
