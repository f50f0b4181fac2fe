"""The side-by-side view of a privilege someone else changed while the user edited it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from privadmin.controllers.catalog import (
    EDITABLE_FIELDS,
    Field,
    Source,
    default_merge_choices,
    merged_changes,
)
from privadmin.itemmodels.catalog import assignability_text
from privadmin.models import Assignability, Privilege, PrivilegeChanges
from privadmin.views.catalog.tasks import Retranslating


class ConflictView(Retranslating, QGroupBox):
    """Shows the user's version beside the server's newer one and lets the user choose.

    Emits `keep_mine`, `take_theirs` or `merge`; `merged()` returns the changes
    built from the per-field choices.
    """

    keep_mine = Signal()
    take_theirs = Signal()
    merge = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mine = PrivilegeChanges()
        self._theirs: Privilege | None = None

        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.grid = QGridLayout()
        self.mine_header = QLabel(self)
        self.theirs_header = QLabel(self)
        self.grid.addWidget(self.mine_header, 0, 1)
        self.grid.addWidget(self.theirs_header, 0, 2)

        self.field_labels: dict[Field, QLabel] = {}
        self.mine_values: dict[Field, QPlainTextEdit] = {}
        self.theirs_values: dict[Field, QPlainTextEdit] = {}
        self.mine_choices: dict[Field, QRadioButton] = {}
        self.theirs_choices: dict[Field, QRadioButton] = {}
        self._groups: list[QButtonGroup] = []
        for row, field in enumerate(EDITABLE_FIELDS, start=1):
            self._add_field_row(row, field)

        self.keep_mine_button = QPushButton(self)
        self.take_theirs_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.take_theirs_button)
        buttons.addWidget(self.merge_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)

        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.take_theirs_button.clicked.connect(self.take_theirs)
        self.merge_button.clicked.connect(self.merge)
        self.retranslate()

    def _add_field_row(self, row: int, field: Field) -> None:
        label = QLabel(self)
        mine = QPlainTextEdit(self)
        theirs = QPlainTextEdit(self)
        for value in (mine, theirs):
            value.setReadOnly(True)
            value.setTabChangesFocus(True)
            value.setMaximumHeight(70 if field is not Field.ASSIGNABILITY else 32)
        mine_choice = QRadioButton(self)
        theirs_choice = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(mine_choice)
        group.addButton(theirs_choice)
        self._groups.append(group)

        mine_cell = QVBoxLayout()
        mine_cell.addWidget(mine)
        mine_cell.addWidget(mine_choice)
        theirs_cell = QVBoxLayout()
        theirs_cell.addWidget(theirs)
        theirs_cell.addWidget(theirs_choice)
        self.grid.addWidget(label, row, 0)
        self.grid.addLayout(mine_cell, row, 1)
        self.grid.addLayout(theirs_cell, row, 2)

        self.field_labels[field] = label
        self.mine_values[field] = mine
        self.theirs_values[field] = theirs
        self.mine_choices[field] = mine_choice
        self.theirs_choices[field] = theirs_choice

    def show_conflict(self, base: Privilege, mine: PrivilegeChanges, theirs: Privilege) -> None:
        """Fill both columns and preselect, per field, the side a merge keeps by default."""
        self._mine = mine
        self._theirs = theirs
        choices = default_merge_choices(base, mine, theirs)
        for field in EDITABLE_FIELDS:
            mine_value = getattr(mine, field.value)
            theirs_value = getattr(theirs, field.value)
            self.mine_values[field].setPlainText(self._text(field, mine_value))
            self.theirs_values[field].setPlainText(self._text(field, theirs_value))
            differs = mine_value is not None and mine_value != theirs_value
            self.field_labels[field].setStyleSheet("font-weight: bold;" if differs else "")
            chosen = (
                self.theirs_choices[field]
                if choices[field] is Source.THEIRS
                else self.mine_choices[field]
            )
            chosen.setChecked(True)
        self.setVisible(True)
        self.keep_mine_button.setFocus()

    def choices(self) -> dict[Field, Source]:
        return {
            field: Source.THEIRS if self.theirs_choices[field].isChecked() else Source.MINE
            for field in EDITABLE_FIELDS
        }

    def choose(self, field: Field, source: Source) -> None:
        button = self.theirs_choices[field] if source is Source.THEIRS else self.mine_choices[field]
        button.setChecked(True)

    def merged(self) -> PrivilegeChanges:
        assert self._theirs is not None, "merged() called before show_conflict()"
        return merged_changes(self._mine, self._theirs, self.choices())

    @staticmethod
    def _text(field: Field, value: object) -> str:
        if field is Field.ASSIGNABILITY and value is not None:
            return assignability_text(Assignability(str(value)))
        return "" if value is None else str(value)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Someone else changed this privilege"))
        self.explanation.setText(
            self.tr(
                "The privilege was changed by someone else after you opened it. Their version is on the right, "
                "yours on the left. Nothing has been saved yet."
            )
        )
        self.mine_header.setText(self.tr("Your version"))
        self.theirs_header.setText(self.tr("Their version (saved)"))
        names = {
            Field.DESCRIPTION_DANISH: self.tr("Danish description"),
            Field.DESCRIPTION_ENGLISH: self.tr("English description"),
            Field.ASSIGNABILITY: self.tr("Assignability"),
        }
        for field, label in self.field_labels.items():
            label.setText(names[field])
            self.mine_choices[field].setText(self.tr("Use mine"))
            self.theirs_choices[field].setText(self.tr("Use theirs"))
        self.keep_mine_button.setText(self.tr("&Keep mine and overwrite"))
        self.take_theirs_button.setText(self.tr("&Take theirs"))
        self.merge_button.setText(self.tr("&Merge chosen fields"))
        if self._theirs is not None:
            for field in EDITABLE_FIELDS:
                self.mine_values[field].setPlainText(
                    self._text(field, getattr(self._mine, field.value))
                )
                self.theirs_values[field].setPlainText(
                    self._text(field, getattr(self._theirs, field.value))
                )
