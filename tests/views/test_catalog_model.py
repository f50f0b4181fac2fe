"""Tests of the catalog table model and its filter proxy."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from privadmin.itemmodels.catalog import (
    CatalogFilterModel,
    CatalogModel,
    Column,
    PrivilegeRole,
    SortRole,
)
from privadmin.itemmodels.employees import EmployeeColumn, EmployeeTableModel
from privadmin.models import Assignability, Identity, Privilege

NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def privilege(
    number: int, name: str, assignability: Assignability = Assignability.PUBLIC, count: int = 0
) -> Privilege:
    return Privilege(
        id=uuid.UUID(int=number),
        name=name,
        description_danish=f"dansk {name}",
        description_english=f"english {number}",
        assignability=assignability,
        organization_tin="DK10000001",
        created=NOW,
        updated=NOW + dt.timedelta(minutes=number),
        assignment_count=count,
    )


def test_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = CatalogModel()
    model.set_privileges(
        [privilege(1, "Revisor"), privilege(2, "Læser", Assignability.WHITELIST, 4)]
    )

    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_model_shows_columns(qapp: object) -> None:
    model = CatalogModel()
    model.set_privileges(
        [privilege(2, "Revisor", Assignability.WHITELIST, 12), privilege(1, "Æble")]
    )

    assert model.rowCount() == 2
    assert model.index(0, Column.NAME).data() == "Revisor"
    assert model.index(0, Column.ASSIGNABILITY).data() == "Whitelist"
    assert model.index(0, Column.ASSIGNMENTS).data() == "12"
    assert model.index(0, Column.ASSIGNMENTS).data(SortRole) == 12
    assert (
        model.index(0, Column.UPDATED).data(SortRole) == (NOW + dt.timedelta(minutes=2)).timestamp()
    )
    assert model.index(1, Column.NAME).data(PrivilegeRole).name == "Æble"
    assert model.headerData(Column.UPDATED, Qt.Orientation.Horizontal) == "Last changed"


def test_model_put_replaces_and_inserts(qapp: object) -> None:
    model = CatalogModel()
    model.set_privileges([privilege(1, "Revisor")])

    model.put(privilege(1, "Revisor", Assignability.PRIVATE))
    model.put(privilege(2, "Læser"))

    assert model.rowCount() == 2
    assert model.index(0, Column.ASSIGNABILITY).data() == "Private"
    assert model.row_of(uuid.UUID(int=2)) == 1


def test_model_remove(qapp: object) -> None:
    model = CatalogModel()
    model.set_privileges([privilege(1, "Revisor"), privilege(2, "Læser")])

    model.remove(uuid.UUID(int=1))
    model.remove(uuid.UUID(int=99))

    assert [p.name for p in model.privileges()] == ["Læser"]


def test_model_rejects_invalid_index(qapp: object) -> None:
    model = CatalogModel()

    assert model.data(QModelIndex()) is None


def test_filter_matches_name_and_descriptions(qapp: object) -> None:
    model = CatalogModel()
    model.set_privileges(
        [privilege(1, "Revisor"), privilege(2, "Læser"), privilege(3, "Bogholder")]
    )
    proxy = CatalogFilterModel()
    proxy.setSourceModel(model)

    proxy.set_filter_text("LÆS")
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Læser"]

    proxy.set_filter_text("english 3")
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Bogholder"]

    proxy.set_filter_text("")
    assert proxy.rowCount() == 3


def test_proxy_sorts_counts_as_numbers(qapp: object) -> None:
    model = CatalogModel()
    model.set_privileges(
        [privilege(1, "A", count=9), privilege(2, "B", count=10), privilege(3, "C", count=100)]
    )
    proxy = CatalogFilterModel()
    proxy.setSourceModel(model)

    proxy.sort(Column.ASSIGNMENTS, Qt.SortOrder.DescendingOrder)

    assert [proxy.index(row, Column.NAME).data() for row in range(3)] == ["C", "B", "A"]


@pytest.mark.parametrize(("language", "expected_date"), [("da", "05.01.2026"), ("en", "05/01/2026")])
def test_model_dates_in_locale_format(qapp: object, language: str, expected_date: str) -> None:
    model = CatalogModel(language=language)
    model.set_privileges([privilege(2, "Revisor")])

    shown = model.index(0, Column.UPDATED).data()

    # Noon UTC keeps the date the same in every time zone from UTC-11 to UTC+11.
    assert expected_date in shown
    assert "2026-01-05" not in shown


@pytest.mark.parametrize("language", ["da", "en"])
def test_model_dates_match_employee_list(qapp: object, language: str) -> None:
    when = NOW + dt.timedelta(minutes=2)
    catalog = CatalogModel(language=language)
    catalog.set_privileges([privilege(2, "Revisor")])
    employees = EmployeeTableModel(language)
    employees.set_identities(
        [Identity(idp="mitid_erhverv", idp_identity_id=uuid.UUID(int=5), last_seen=when)]
    )

    assert (
        catalog.index(0, Column.UPDATED).data()
        == employees.index(0, EmployeeColumn.LAST_SEEN).data()
    )


def test_model_set_language_reformats_dates(qapp: object) -> None:
    model = CatalogModel(language="en")
    model.set_privileges([privilege(2, "Revisor")])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.column(), last.row())))

    model.set_language("da")

    assert "05.01.2026" in model.index(0, Column.UPDATED).data()
    assert changed == [(Column.UPDATED, 0)]
