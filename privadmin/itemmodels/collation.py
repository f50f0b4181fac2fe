"""Locale-aware sort keys for employee names, with the Danish "aa" rule made explicit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCollator, QCollatorSortKey, Qt

from privadmin.itemmodels.locale import ui_locale

_DOUBLE_A = re.compile("aa", re.IGNORECASE)


def _replace_double_a(match: re.Match[str]) -> str:
    # "Aa" and "AA" start a word in upper case, so they become "Å"; "aa" becomes "å".
    return "Å" if match.group(0)[0].isupper() else "å"


class NameCollator:
    """Sort keys for names in the UI language.

    Danish orders Æ, Ø and Å after Z and treats "aa" as "å". ICU-backed
    QCollator does the latter on its own, but Qt built without ICU (the POSIX
    backend) does not, so the constructor probes the collator once and, when
    "aa" does not sort after "z", rewrites "aa" to "å" before making a key.
    """

    def __init__(self, language: str) -> None:
        self._collator = QCollator(ui_locale(language))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.language = language
        self.rewrites_double_a = language == "da" and self._collator.compare("aa", "z") < 0

    def normalized(self, text: str) -> str:
        """Return `text` as the collator should see it (with "aa" as "å" where needed)."""
        if self.rewrites_double_a:
            return _DOUBLE_A.sub(_replace_double_a, text)
        return text

    def sort_key(self, text: str) -> QCollatorSortKey:
        return self._collator.sortKey(self.normalized(text))

    def compare(self, left: str, right: str) -> int:
        return self._collator.compare(self.normalized(left), self.normalized(right))

    def ranks(self, texts: Sequence[str]) -> list[int]:
        """Return each text's position in collation order (equal texts get distinct ranks)."""
        keys = [self.sort_key(text) for text in texts]
        order = sorted(range(len(texts)), key=keys.__getitem__)
        ranks = [0] * len(texts)
        for position, index in enumerate(order):
            ranks[index] = position
        return ranks

    def sorted(self, texts: Sequence[str]) -> list[str]:
        keys = [self.sort_key(text) for text in texts]
        return [texts[index] for index in sorted(range(len(texts)), key=keys.__getitem__)]
