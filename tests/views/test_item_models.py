"""The main window's item models: Danish collation, filtering, and drag and drop through the proxy."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from privadmin.itemmodels import mime
from privadmin.itemmodels.assignments import AssignmentTableModel
from privadmin.itemmodels.collation import NameCollator
from privadmin.itemmodels.employees import EmployeeColumn, EmployeeFilterProxy, EmployeeTableModel
from privadmin.itemmodels.privileges import PRIVILEGE_ID_ROLE, PrivilegeTreeModel
from privadmin.models import (
    Assignability,
    AssignableGroup,
    Assignment,
    Identity,
    InactiveReason,
    Privilege,
)

NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
_serial = iter(range(1, 1_000_000))


def digits_uuid() -> uuid.UUID:
    """A UUID of decimal digits only, so that no letter of it matches a name search."""
    return uuid.UUID(f"{next(_serial):032d}")


def identity(
    name: str, *, email: str | None = None, rid: str | None = None, count: int = 0
) -> Identity:
    return Identity(
        idp="mitid_erhverv",
        idp_identity_id=digits_uuid(),
        name=name,
        email=email,
        rid=rid,
        last_seen=NOW,
        assigned_privilege_count=count,
    )


def privilege(name: str, assignability: Assignability = Assignability.PUBLIC) -> Privilege:
    return Privilege(
        id=uuid.uuid4(),
        name=name,
        description_danish=f"{name} på dansk",
        description_english=f"{name} in English",
        assignability=assignability,
        organization_tin="DK10000001",
        created=NOW,
        updated=NOW,
    )


def names(proxy: EmployeeFilterProxy) -> list[str]:
    return [proxy.index(row, EmployeeColumn.NAME).data() for row in range(proxy.rowCount())]


@pytest.fixture
def employees(qapp: Any) -> tuple[EmployeeTableModel, EmployeeFilterProxy]:
    model = EmployeeTableModel("da")
    proxy = EmployeeFilterProxy()
    proxy.setSourceModel(model)
    model.set_identities(
        [
            identity("Åse Holm", email="aase@example.dk"),
            identity("Zenia Berg", email="zb@example.dk", rid="12345"),
            identity("Aage Lund", email="al@example.dk"),
            identity("Ørjan Dahl"),
            identity("Ærø Jensen"),
            identity("Anders And", email="anders@example.dk", rid="777"),
            identity("bo Nielsen"),
        ]
    )
    return model, proxy


def test_danish_collation_order(employees: tuple[EmployeeTableModel, EmployeeFilterProxy]) -> None:
    _, proxy = employees

    assert names(proxy) == [
        "Anders And",
        "bo Nielsen",
        "Zenia Berg",
        "Ærø Jensen",
        "Ørjan Dahl",
        "Aage Lund",
        "Åse Holm",
    ]


def test_english_collation_keeps_latin_order(qapp: Any) -> None:
    collator = NameCollator("en")

    ordered = collator.sorted(["Zenia", "Aage", "Anders", "Åse"])

    assert ordered.index("Aage") < ordered.index("Anders")
    assert ordered.index("Anders") < ordered.index("Zenia")


def test_double_a_rewritten_when_collator_lacks_it(qapp: Any) -> None:
    collator = NameCollator("da")
    collator.rewrites_double_a = True

    assert collator.normalized("Aage Kaalund") == "Åge Kålund"
    assert collator.normalized("AAGE") == "ÅGE"
    assert collator.sorted(["Aage", "Zenia", "Åse", "Ærø"]) == ["Zenia", "Ærø", "Aage", "Åse"]


def test_danish_collator_sorts_aa_after_z(qapp: Any) -> None:
    collator = NameCollator("da")

    assert collator.compare("Aalborg", "Zealand") > 0
    assert collator.compare("Aalborg", "Ærø") > 0


def test_sort_descending_through_proxy(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    _, proxy = employees

    proxy.sort(EmployeeColumn.NAME, Qt.SortOrder.DescendingOrder)

    assert names(proxy)[0] == "Åse Holm"
    assert names(proxy)[-1] == "Anders And"


def test_filter_matches_every_field(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    model, proxy = employees
    target = model.identity(
        model.row_of(("mitid_erhverv", str(model.identities()[3].idp_identity_id))) or 0
    )

    proxy.set_search_text("ANDERS")
    assert names(proxy) == ["Anders And"]

    proxy.set_search_text("zb@example")
    assert names(proxy) == ["Zenia Berg"]

    proxy.set_search_text("777")
    assert names(proxy) == ["Anders And"]

    proxy.set_search_text(str(target.idp_identity_id).upper())
    assert names(proxy) == [target.name]

    proxy.set_search_text("")
    assert proxy.rowCount() == 7


def test_filter_narrows_and_widens(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    _, proxy = employees

    proxy.set_search_text("a")
    broad = proxy.rowCount()
    proxy.set_search_text("aa")
    narrowed = names(proxy)
    proxy.set_search_text("a")

    assert narrowed == ["Aage Lund", "Åse Holm"]
    assert proxy.rowCount() == broad


def test_filter_survives_reload(employees: tuple[EmployeeTableModel, EmployeeFilterProxy]) -> None:
    model, proxy = employees
    proxy.set_search_text("nielsen")

    model.set_identities([*model.identities(), identity("Karen Nielsen")])

    assert sorted(names(proxy)) == ["Karen Nielsen", "bo Nielsen"]


def test_privilege_counts_update_in_place(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    model, _ = employees
    key = ("mitid_erhverv", str(model.identity(0).idp_identity_id))
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, roles: changes.append((top.row(), top.column())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.adjust_privilege_counts({key: 2})

    assert model.index(0, EmployeeColumn.PRIVILEGES).data() == 2
    assert changes == [(0, EmployeeColumn.PRIVILEGES)]
    assert resets == []


def test_employee_mime_round_trip(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    _model, proxy = employees
    indexes = [proxy.index(0, 0), proxy.index(0, 2), proxy.index(2, 0)]

    data = proxy.mimeData(indexes)
    keys = mime.decode(data, mime.EMPLOYEES_MIME)

    assert data.formats() == [mime.EMPLOYEES_MIME]
    assert keys == [list(proxy.employee_key(0)), list(proxy.employee_key(2))]


def test_privileges_dropped_on_item_through_proxy(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    model, proxy = employees
    proxy.set_search_text("nielsen")
    tree = PrivilegeTreeModel("da")
    reader = privilege("Læser")
    tree.set_groups(
        [
            AssignableGroup(
                organization_tin="DK10000001", organization_name="Udbyder", privileges=(reader,)
            )
        ]
    )
    privilege_index = tree.index(0, 0, tree.index(0, 0))
    data = tree.mimeData([privilege_index])
    received: list[tuple[Any, list[str]]] = []
    model.privileges_dropped.connect(lambda key, ids: received.append((key, ids)))

    # A drop onto an item arrives as row = column = -1 with the proxy item as parent.
    target = proxy.index(0, EmployeeColumn.EMAIL)
    assert proxy.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)

    nielsen = model.identity(model.row_of(proxy.employee_key(0)) or 0)
    assert nielsen.name == "bo Nielsen"
    assert received == [(("mitid_erhverv", str(nielsen.idp_identity_id)), [str(reader.id)])]


def test_drop_between_rows_maps_proxy_row(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    model, proxy = employees
    proxy.set_search_text("berg")
    data = mime.encode(mime.PRIVILEGES_MIME, [str(uuid.uuid4())])
    received: list[Any] = []
    model.privileges_dropped.connect(lambda key, ids: received.append(key))

    proxy.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())

    assert received == [proxy.employee_key(0)]
    assert model.identity_for(received[0]).name == "Zenia Berg"  # type: ignore[union-attr]


def test_drop_rejects_foreign_payload(
    employees: tuple[EmployeeTableModel, EmployeeFilterProxy],
) -> None:
    model, proxy = employees
    received: list[Any] = []
    model.privileges_dropped.connect(lambda key, ids: received.append(key))
    employees_payload = proxy.mimeData([proxy.index(1, 0)])

    accepted = proxy.canDropMimeData(
        employees_payload, Qt.DropAction.CopyAction, -1, -1, proxy.index(0, 0)
    )
    proxy.dropMimeData(employees_payload, Qt.DropAction.CopyAction, -1, -1, proxy.index(0, 0))

    assert not accepted
    assert received == []


def test_privilege_tree_shape_and_badges(qapp: Any) -> None:
    tree = PrivilegeTreeModel("en")
    groups = [
        AssignableGroup(
            organization_tin="DK2",
            organization_name="Zulu Pension",
            privileges=(privilege("B"), privilege("A", Assignability.WHITELIST)),
        ),
        AssignableGroup(
            organization_tin="DK1",
            organization_name="Alfa Løn",
            privileges=(privilege("C", Assignability.PRIVATE),),
        ),
    ]

    tree.set_groups(groups)

    assert tree.rowCount() == 2
    assert tree.index(0, 0).data() == "Alfa Løn"
    zulu = tree.index(1, 0)
    assert [tree.index(row, 0, zulu).data() for row in range(tree.rowCount(zulu))] == ["A", "B"]
    assert tree.index(0, 1, zulu).data() == "Whitelist"
    assert tree.index(0, 2, zulu).data() == "A in English"
    assert tree.parent(tree.index(0, 0, zulu)) == zulu
    assert not tree.flags(zulu) & Qt.ItemFlag.ItemIsDragEnabled
    assert tree.flags(tree.index(0, 0, zulu)) & Qt.ItemFlag.ItemIsDragEnabled

    tree.set_language("da")
    zulu = tree.index(1, 0)
    assert tree.index(0, 2, zulu).data() == "A på dansk"


def test_employees_dropped_on_privilege(qapp: Any) -> None:
    tree = PrivilegeTreeModel("en")
    target = privilege("Reader")
    tree.set_groups(
        [AssignableGroup(organization_tin="DK1", organization_name="P", privileges=(target,))]
    )
    keys = [["mitid_erhverv", str(uuid.uuid4())], ["mitid_erhverv", str(uuid.uuid4())]]
    data = mime.encode(mime.EMPLOYEES_MIME, keys)
    received: list[Any] = []
    tree.employees_dropped.connect(
        lambda privilege_id, dropped: received.append((privilege_id, dropped))
    )
    provider = tree.index(0, 0)

    assert not tree.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, provider)
    tree.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, tree.index(0, 0, provider))

    assert received == [(str(target.id), keys)]
    assert tree.index(0, 0, provider).data(PRIVILEGE_ID_ROLE) == str(target.id)


def test_assignments_drag_out_and_inactive_reason(qapp: Any) -> None:
    model = AssignmentTableModel("en")
    person = uuid.uuid4()
    active = privilege("Active one")
    inactive = privilege("Gone private")
    model.set_assignments(
        [
            Assignment(
                idp="mitid_erhverv",
                idp_identity_id=person,
                privilege_id=inactive.id,
                privilege_name=inactive.name,
                privilege_organization_tin="DK1",
                created=NOW,
                updated=NOW,
                assigned_by_organization_tin="DK2",
                active=False,
                inactive_reason=InactiveReason.PRIVILEGE_PRIVATE,
            ),
            Assignment(
                idp="mitid_erhverv",
                idp_identity_id=person,
                privilege_id=active.id,
                privilege_name=active.name,
                privilege_organization_tin="DK1",
                created=NOW,
                updated=NOW,
                assigned_by_organization_tin="DK2",
            ),
        ]
    )
    tree = PrivilegeTreeModel("en")
    removed: list[Any] = []
    tree.assignments_dropped.connect(removed.append)

    assert model.index(0, 0).data() == "Active one"
    assert "private" in model.index(1, 2).data()
    data = model.mimeData([model.index(1, 0)])
    tree.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())

    assert removed == [[["mitid_erhverv", str(person), str(inactive.id)]]]
