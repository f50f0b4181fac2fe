"""The main window against a live privserver: loading, drag and drop, keyboard, undo, bulk failures."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from privadmin.controllers.assignments import ChangePlan
from privadmin.itemmodels.collation import NameCollator
from privadmin.itemmodels.employees import EmployeeColumn
from privadmin.itemmodels.privileges import PRIVILEGE_ID_ROLE
from privadmin.views.dialogs import BatchFailureDialog, BatchProgressDialog
from privadmin.views.main_window import MainWindow

pytestmark = pytest.mark.timeout(240)

Key = tuple[str, str]


# --- helpers -----------------------------------------------------------------


async def until(predicate: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    """Wait on the event loop until `predicate()` is truthy and return its value."""
    loop = asyncio.get_event_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def run(loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, Any]) -> Any:
    return loop.run_until_complete(coroutine)


def run_settled(
    loop: asyncio.AbstractEventLoop, window: MainWindow, coroutine: Coroutine[Any, Any, Any]
) -> Any:
    """Run `coroutine`, then wait until the window's tasks are idle, in one run of the loop.

    qasync's run_until_complete processes events once more after the loop has
    stopped, with no running loop set. A task step that runs then cannot make
    HTTP requests, so every test ends a run only when the window is idle.
    """

    async def settled() -> Any:
        result = await coroutine
        await asyncio.wait_for(window.tasks.wait_idle(), 60.0)
        return result

    return loop.run_until_complete(settled())


def settle(loop: asyncio.AbstractEventLoop, window: MainWindow, timeout: float = 60.0) -> None:
    """Wait until the window's tasks have finished; fail with any dialog or error left open."""
    try:
        run(loop, asyncio.wait_for(window.tasks.wait_idle(), timeout))
    except TimeoutError:
        failure = window.failure_dialog
        if failure is not None and failure.isVisible():
            raise AssertionError(f"a change failed: {failure.text.text()}") from None
        raise AssertionError(
            f"tasks still running after {timeout} s: {window.tasks.pending()}"
        ) from None
    assert not window.banner.showing_error(), window.banner.message.text()


async def accept_preview(
    window: MainWindow, previous: Any = None, *, settle: bool = True
) -> QDialog:
    dialog = await until(
        lambda: (
            window.preview_dialog
            if window.preview_dialog is not previous
            and window.preview_dialog
            and window.preview_dialog.isVisible()
            else None
        ),
        "the change preview",
    )
    dialog.accept()
    if settle:
        await asyncio.wait_for(window.tasks.wait_idle(), 60.0)
    return dialog


class ShowRecorder(QObject):
    """Counts Show events of progress dialogs, which exist only while a change runs."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[BatchProgressDialog] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, BatchProgressDialog):
            self.shown.append(watched)
        return False


def privilege_ids_by_assignability(window: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group in window.privileges.tree_model.groups():
        for privilege in group.privileges:
            found.setdefault(privilege.assignability.value, []).append(str(privilege.id))
    return found


def any_privilege(window: MainWindow, offset: int = 0) -> str:
    ids = [str(p.id) for group in window.privileges.tree_model.groups() for p in group.privileges]
    assert ids, "the organization may assign no privileges"
    return ids[offset % len(ids)]


def employee_keys(window: MainWindow, count: int, start: int = 0) -> list[Key]:
    proxy = window.employees.proxy
    assert proxy.rowCount() >= start + count, (
        f"need {start + count} employees, have {proxy.rowCount()}"
    )
    return [proxy.employee_key(row) for row in range(start, start + count)]


async def assigned_ids(window: MainWindow, key: Key) -> set[str]:
    assert window.organization is not None
    assignments = await window.context.client.identity_assignments(
        window.organization.organization_tin, key[0], key[1]
    )
    return {str(assignment.privilege_id) for assignment in assignments}


async def clear(window: MainWindow, keys: list[Key], privilege_ids: list[str]) -> None:
    """Remove these assignments on the server directly, so that a test starts from a known state."""
    assert window.organization is not None
    plan = ChangePlan.unassign(
        [
            (idp, identity_id, privilege_id)
            for idp, identity_id in keys
            for privilege_id in privilege_ids
        ]
    )
    await window.context.client.batch(
        window.organization.organization_tin, add=(), remove=plan.remove
    )


def select_privileges(window: MainWindow, privilege_ids: list[str]) -> None:
    tree = window.privileges.tree
    model = window.privileges.tree_model
    tree.selectionModel().clearSelection()
    for privilege_id in privilege_ids:
        index = model.index_of_privilege(privilege_id)
        assert index.isValid()
        tree.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def count_of(window: MainWindow, key: Key) -> int:
    identity = window.employees.model.identity_for(key)
    assert identity is not None
    return identity.assigned_privilege_count


@pytest.fixture
def customer_window(open_window: Callable[..., MainWindow], live_server: Any) -> MainWindow:
    return open_window(live_server.administrator("customer"))


# --- loading -----------------------------------------------------------------


def test_window_loads_whole_employee_list(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    assert window.organization is not None
    tin = window.organization.organization_tin

    async def server_count() -> int:
        total = 0
        async for page in window.context.client.identities(tin):
            total += len(page)
        return total

    assert window.employees.model.rowCount() == run(qasync_loop, server_count())
    assert window.employees.model.rowCount() > 0
    assert window.privileges.tree_model.rowCount() >= 1
    assert "Demo" in window.environment_label.text()
    assert window.context.caller_name in window.identity_label.text()
    assert "assigns privileges" in window.roles_label.text()
    assert window.organization_combo.currentData() == tin


def test_assignability_badges_and_descriptions(customer_window: MainWindow) -> None:
    model = customer_window.privileges.tree_model
    labels = set()
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            labels.add(model.index(row, 1, group).data())
            privilege = model.privilege(model.index(row, 0, group).data(PRIVILEGE_ID_ROLE))
            assert privilege is not None
            assert model.index(row, 2, group).data() == (
                privilege.description_english or privilege.description_danish
            )

    assert labels <= {"Private", "Public", "Whitelist"}
    assert "Public" in labels


# --- drag and drop -----------------------------------------------------------


def test_drag_privilege_onto_selected_employees(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    keys = employee_keys(window, 3, start=10)
    privilege_id = any_privilege(window)
    run(qasync_loop, clear(window, keys, [privilege_id]))
    window.employees.select_keys(keys)
    counts_before = {key: count_of(window, key) for key in keys}
    tree = window.privileges.tree_model
    data = tree.mimeData([tree.index_of_privilege(privilege_id)])

    # Dropped onto one selected row through the proxy: row and column -1, the item as parent.
    proxy = window.employees.proxy
    target = proxy.mapFromSource(
        window.employees.model.index(
            window.employees.model.row_of(keys[1]) or 0, EmployeeColumn.EMAIL
        )
    )
    assert proxy.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    preview = run(qasync_loop, accept_preview(window))
    settle(qasync_loop, window)

    assert preview.add_count == 3
    for key in keys:
        assert privilege_id in run(qasync_loop, assigned_ids(window, key))
        assert count_of(window, key) == counts_before[key] + 1
    assert window.undo_stack.count() == 1

    run_settled(qasync_loop, window, window.undo_last())

    for key in keys:
        assert privilege_id not in run(qasync_loop, assigned_ids(window, key))
        assert count_of(window, key) == counts_before[key]
    assert window.undo_stack.index() == 0

    run_settled(qasync_loop, window, window.redo_next())

    for key in keys:
        assert privilege_id in run(qasync_loop, assigned_ids(window, key))
    run(qasync_loop, clear(window, keys, [privilege_id]))


def test_drag_employee_onto_privilege_updates_list(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    [key] = employee_keys(window, 1, start=20)
    privilege_id = any_privilege(window, offset=1)
    run(qasync_loop, clear(window, [key], [privilege_id]))
    window.employees.select_keys([key])
    settle(qasync_loop, window)
    rows_before = window.privileges.assignment_model.rowCount()
    data = window.employees.proxy.mimeData(
        [window.employees.table.selectionModel().selectedRows()[0]]
    )

    tree = window.privileges.tree_model
    tree.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, tree.index_of_privilege(privilege_id))
    settle(qasync_loop, window)

    assert window.preview_dialog is None  # One assignment needs no preview.
    shown = {
        window.privileges.assignment_model.index(row, 0).data()
        for row in range(window.privileges.assignment_model.rowCount())
    }
    privilege = tree.privilege(privilege_id)
    assert privilege is not None and privilege.name in shown
    assert window.privileges.assignment_model.rowCount() == rows_before + 1

    # Dragging the assignment out onto the privilege tree removes it.
    assignments = window.privileges.assignment_model
    row = next(
        row
        for row in range(assignments.rowCount())
        if assignments.assignment(row).privilege_id == privilege.id
    )
    tree.dropMimeData(
        assignments.mimeData([assignments.index(row, 0)]),
        Qt.DropAction.MoveAction,
        -1,
        -1,
        tree.index(0, 0),
    )
    settle(qasync_loop, window)

    assert privilege_id not in run(qasync_loop, assigned_ids(window, key))
    assert window.privileges.assignment_model.rowCount() == rows_before


def test_privileges_dropped_on_assignment_list(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    [key] = employee_keys(window, 1, start=25)
    privilege_ids = [any_privilege(window, 2), any_privilege(window, 3)]
    run(qasync_loop, clear(window, [key], privilege_ids))
    window.employees.select_keys([key])
    settle(qasync_loop, window)
    tree = window.privileges.tree_model
    data = tree.mimeData([tree.index_of_privilege(privilege_id) for privilege_id in privilege_ids])

    window.privileges.assignment_model.dropMimeData(
        data, Qt.DropAction.CopyAction, -1, -1, window.privileges.assignment_model.index(0, 0)
    )
    preview = run(qasync_loop, accept_preview(window))
    settle(qasync_loop, window)

    assert preview.add_count == len(set(privilege_ids))
    assert set(privilege_ids) <= run(qasync_loop, assigned_ids(window, key))
    listed = {str(a.privilege_id) for a in window.privileges.assignment_model.assignments()}
    assert set(privilege_ids) <= listed
    run(qasync_loop, clear(window, [key], privilege_ids))


def test_preview_marks_existing_and_twins(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    assert window.organization is not None
    tin = window.organization.organization_tin
    twins: list[Key] = [("mitid_erhverv", str(uuid.uuid4())) for _ in range(2)]
    for _, identity_id in twins:
        run_settled(
            qasync_loop,
            window,
            window.add_employee(identity_id, name="Ægir Kristensen", email="aegir@example.dk"),
        )
    privilege_id = any_privilege(window, 10)
    privilege = window.privileges.tree_model.privilege(privilege_id)
    assert privilege is not None
    run(qasync_loop, window.context.client.assign(tin, twins[0][0], twins[0][1], privilege_id))
    window.employees.select_keys([twins[0]])
    settle(qasync_loop, window)

    window.start_plan(ChangePlan.assign(twins, [privilege_id]))
    preview = run(
        qasync_loop,
        until(
            lambda: window.preview_dialog if window.preview_dialog else None, "the change preview"
        ),
    )

    summary = preview.summary.text()
    assert "Up to 1 assignment to add; existing ones stay unchanged" in summary
    assert "1 already assigned; stays unchanged" in summary
    assert preview.add_count == 1
    assert preview.already_count == 1
    lines = preview.details.toPlainText().splitlines()
    assert len(lines) == 2
    assert lines[0] == (
        f"+ {privilege.name} → Ægir Kristensen (aegir@example.dk, UUID {twins[1][1][:8]}…)"
    )
    assert lines[1] == (
        f"= {privilege.name} → Ægir Kristensen (aegir@example.dk, UUID {twins[0][1][:8]}…)"
        " (already assigned)"
    )

    preview.reject()
    settle(qasync_loop, window)
    for idp, identity_id in twins:
        run(qasync_loop, window.context.client.delete_identity(tin, idp, identity_id))


# --- keyboard ----------------------------------------------------------------


def test_keyboard_assign_and_undo(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    keys = employee_keys(window, 2, start=30)
    privilege_ids = [any_privilege(window, 4)]
    run(qasync_loop, clear(window, keys, privilege_ids))
    window.employees.select_keys(keys)
    select_privileges(window, privilege_ids)
    window.activateWindow()
    window.employees.table.setFocus()

    QTest.keyClick(window.employees.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    preview = run(qasync_loop, until(lambda: window.preview_dialog, "the change preview"))
    QTest.keyClick(preview, Qt.Key.Key_Return)
    settle(qasync_loop, window)

    for key in keys:
        assert privilege_ids[0] in run(qasync_loop, assigned_ids(window, key))
    assert window.undo_action.isEnabled()

    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(window.employees.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qasync_loop, window)

    for key in keys:
        assert privilege_ids[0] not in run(qasync_loop, assigned_ids(window, key))
    assert window.redo_action.isEnabled()

    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(
        window.employees.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(qasync_loop, window)

    for key in keys:
        assert privilege_ids[0] in run(qasync_loop, assigned_ids(window, key))
    run(qasync_loop, clear(window, keys, privilege_ids))


def test_delete_key_removes_assignment(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    [key] = employee_keys(window, 1, start=35)
    privilege_id = any_privilege(window, 5)
    assert window.organization is not None
    run(qasync_loop, clear(window, [key], [privilege_id]))
    run(
        qasync_loop,
        window.context.client.assign(
            window.organization.organization_tin, key[0], key[1], privilege_id
        ),
    )
    window.employees.select_keys([key])
    settle(qasync_loop, window)
    assignments = window.privileges.assignment_model
    row = next(
        row
        for row in range(assignments.rowCount())
        if str(assignments.assignment(row).privilege_id) == privilege_id
    )
    view = window.privileges.assignments
    view.selectionModel().select(
        assignments.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()

    QTest.keyClick(view, Qt.Key.Key_Delete)
    settle(qasync_loop, window)

    assert privilege_id not in run(qasync_loop, assigned_ids(window, key))
    assert privilege_id not in {str(a.privilege_id) for a in assignments.assignments()}

    run_settled(qasync_loop, window, window.undo_last())

    assert privilege_id in run(qasync_loop, assigned_ids(window, key))
    run(qasync_loop, clear(window, [key], [privilege_id]))


def test_search_shortcut_and_filter(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    model = window.employees.model
    sample = next(identity for identity in model.identities() if identity.email)
    window.employees.table.setFocus()

    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.employees.search.hasFocus()
    QTest.keyClicks(window.employees.search, sample.email or "")

    proxy = window.employees.proxy
    expected = sum(
        1
        for identity in model.identities()
        if (sample.email or "").casefold() in (identity.email or "").casefold()
        or (sample.email or "").casefold() in (identity.name or "").casefold()
    )
    assert 1 <= proxy.rowCount() <= expected
    shown = {proxy.employee_key(row) for row in range(proxy.rowCount())}
    assert ("mitid_erhverv", str(sample.idp_identity_id)) in shown or (
        sample.idp,
        str(sample.idp_identity_id),
    ) in shown

    window.employees.search.setText(str(sample.idp_identity_id).upper())
    assert proxy.rowCount() == 1

    window.employees.search.setText("no employee has this text 9f8e7d")
    assert proxy.rowCount() == 0
    assert window.employees.stack.currentIndex() == window.employees.PAGE_EMPTY
    assert "No employees match" in window.employees.empty_title.text()
    window.employees.search.clear()


def test_danish_order_in_window(open_window: Callable[..., MainWindow], live_server: Any) -> None:
    window = open_window(live_server.administrator("customer"), language="da")
    proxy = window.employees.proxy
    shown = [proxy.index(row, EmployeeColumn.NAME).data() for row in range(proxy.rowCount())]
    named = [name for name in shown if name]

    assert named == NameCollator("da").sorted(named)
    first_letters = [name[0].upper() for name in named]
    if "Z" in first_letters and "Æ" in first_letters:
        assert first_letters.index("Æ") > max(
            i for i, letter in enumerate(first_letters) if letter == "Z"
        )


# --- bulk change with a failure half-way ------------------------------------


def _bulk_setup(
    window: MainWindow, qasync_loop: asyncio.AbstractEventLoop, start: int
) -> tuple[list[Key], list[str]]:
    keys = employee_keys(window, 5, start=start)
    privilege_ids = list(dict.fromkeys(any_privilege(window, offset) for offset in range(3)))
    run(qasync_loop, clear(window, keys, privilege_ids))
    window.employees.select_keys(keys)
    select_privileges(window, privilege_ids)
    window.batch_size = 5
    return keys, privilege_ids


async def _server_pairs(
    window: MainWindow, keys: list[Key], privilege_ids: list[str]
) -> set[tuple[Key, str]]:
    pairs = set()
    for key in keys:
        assigned = await assigned_ids(window, key)
        pairs |= {(key, privilege_id) for privilege_id in privilege_ids if privilege_id in assigned}
    return pairs


@pytest.mark.parametrize("choice", ["retry", "undo"])
def test_bulk_failure_half_way(
    open_window: Callable[..., MainWindow],
    live_server: Any,
    qasync_loop: asyncio.AbstractEventLoop,
    batch_fault: Any,
    choice: str,
) -> None:
    window = open_window(live_server.administrator("customer"), transport=batch_fault)
    keys, privilege_ids = _bulk_setup(window, qasync_loop, start=40 if choice == "retry" else 50)
    counts_before = {key: count_of(window, key) for key in keys}
    total = len(keys) * len(privilege_ids)
    batch_fault.armed = True
    batch_fault.batch_requests = 0

    async def scenario() -> BatchFailureDialog:
        window.assign_action.trigger()
        await accept_preview(window, settle=False)
        return await until(
            lambda: (
                window.failure_dialog
                if window.failure_dialog and window.failure_dialog.isVisible()
                else None
            ),
            "the failure report",
        )

    failure = run(qasync_loop, scenario())
    applied = run(qasync_loop, _server_pairs(window, keys, privilege_ids))

    assert batch_fault.failed == 1
    assert len(applied) == 5
    assert all(
        count_of(window, key) == counts_before[key] + 1
        for key, _ in applied
        if sum(1 for k, _ in applied if k == key) == 1
    )
    report = failure.text.text()
    assert "5 items were applied" in report
    assert f"{total - 5} items were not applied" in report
    assert "injected failure" in report

    batch_fault.armed = False
    if choice == "retry":
        failure.retry_button.click()
        settle(qasync_loop, window)
        assert run(qasync_loop, _server_pairs(window, keys, privilege_ids)) == {
            (key, p) for key in keys for p in privilege_ids
        }
        # Both the applied part and the retried rest are on the undo stack.
        assert window.undo_stack.count() == 2
        run_settled(qasync_loop, window, window.undo_last())
        run_settled(qasync_loop, window, window.undo_last())
    else:
        failure.undo_button.click()
        settle(qasync_loop, window)
        assert window.undo_stack.index() == 0

    assert run(qasync_loop, _server_pairs(window, keys, privilege_ids)) == set()
    assert {key: count_of(window, key) for key in keys} == counts_before


# --- employees ---------------------------------------------------------------


def test_add_employee_by_uuid(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    new_id = str(uuid.uuid4())
    before = window.employees.model.rowCount()

    async def scenario() -> None:
        window.add_employee_action.trigger()
        dialog = await until(
            lambda: (
                window.add_dialog if window.add_dialog and window.add_dialog.isVisible() else None
            ),
            "the add dialog",
        )
        dialog.uuid_edit.setText("RID 12345")
        dialog.buttons.accepted.emit()
        assert dialog.isVisible()
        assert "is not a UUID" in dialog.error_label.text()
        dialog.uuid_edit.setText(new_id.upper())
        dialog.name_edit.setText("Åge Testesen")
        dialog.rid_edit.setText("99887766")
        dialog.buttons.accepted.emit()

    run_settled(qasync_loop, window, scenario())
    settle(qasync_loop, window)

    assert window.employees.model.rowCount() == before + 1
    assert window.employees.selected_keys() == [("mitid_erhverv", new_id)]
    assert window.organization is not None

    async def found() -> list[Any]:
        pages = [
            page
            async for page in window.context.client.identities(
                window.organization.organization_tin, search="99887766"
            )
        ]
        return [identity for page in pages for identity in page]

    assert [str(identity.idp_identity_id) for identity in run(qasync_loop, found())] == [new_id]
    window.employees.search.setText("99887766")
    assert window.employees.proxy.rowCount() == 1


@pytest.mark.parametrize("language", ["en", "da"])
def test_add_dialog_keeps_layout_with_error(
    open_window: Callable[..., MainWindow],
    live_server: Any,
    qasync_loop: asyncio.AbstractEventLoop,
    language: str,
) -> None:
    window = open_window(live_server.administrator("customer"), language=language)

    async def open_dialog() -> Any:
        window.add_employee_action.trigger()
        return await until(
            lambda: (
                window.add_dialog if window.add_dialog and window.add_dialog.isVisible() else None
            ),
            "the add dialog",
        )

    dialog = run(qasync_loop, open_dialog())
    height_before = dialog.height()
    dialog.uuid_edit.setText("RID 12345")
    dialog.buttons.accepted.emit()
    QApplication.processEvents()

    assert dialog.error_label.isVisible()
    assert dialog.height() > height_before
    for edit in (dialog.uuid_edit, dialog.name_edit, dialog.email_edit, dialog.rid_edit):
        assert edit.height() >= edit.sizeHint().height(), edit
    for label in dialog.findChildren(QLabel):
        if label.wordWrap() and label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    dialog.reject()
    settle(qasync_loop, window)


@pytest.mark.parametrize("language", ["en", "da"])
def test_count_label_clear_of_heading(
    open_window: Callable[..., MainWindow], live_server: Any, language: str
) -> None:
    window = open_window(live_server.administrator("customer"), language=language)
    window.resize(1360, 820)
    QApplication.processEvents()
    count_label = window.employees.count_label
    heading = window.privileges.tree_title

    count_right = count_label.mapTo(window, count_label.rect().topRight()).x()
    heading_left = heading.mapTo(window, heading.rect().topLeft()).x()

    assert count_label.width() >= count_label.sizeHint().width(), count_label.text()
    assert heading_left - count_right >= 12, (count_label.text(), heading.text())


def test_notice_shown_at_start(
    open_window: Callable[..., MainWindow], live_server: Any, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    notice = "No credential store is available, so you will sign in again next time."
    window = open_window(live_server.administrator("customer"), notice=notice)

    assert window.banner.isVisible()
    assert window.banner.kind == "notice"
    assert window.banner.message.text() == notice
    assert not window.banner.retry_button.isVisible()

    window.reload()
    run(qasync_loop, asyncio.wait_for(window.tasks.wait_idle(), 60.0))

    assert window.banner.message.text() == notice
    assert window.banner.isVisible()
    window.banner.close_button.click()
    assert not window.banner.isVisible()


# --- organizations and language ---------------------------------------------


def test_switch_organization(
    open_window: Callable[..., MainWindow], live_server: Any, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    administrator = live_server.administrator("multi")
    window = open_window(administrator)
    assert window.organization_combo.count() >= 2
    first = window.organization
    assert first is not None
    other_row = next(
        row
        for row in range(window.organization_combo.count())
        if window.organization_combo.itemData(row) != first.organization_tin
    )
    other_tin = window.organization_combo.itemData(other_row)

    window.organization_combo.setCurrentIndex(other_row)
    window.organization_combo.activated.emit(other_row)
    settle(qasync_loop, window)

    assert window.organization is not None
    assert window.organization.organization_tin == other_tin

    async def server_count() -> int:
        return sum([len(page) async for page in window.context.client.identities(other_tin)])

    if window.employees.can_assign():
        assert window.employees.model.rowCount() == run(qasync_loop, server_count())
    expected_roles = next(
        entry for entry in administrator["roles"] if entry["organizationTin"] == other_tin
    )["roles"]
    assert set(window.organization.roles) == set(expected_roles)


def switch_to(window: MainWindow, loop: asyncio.AbstractEventLoop, tin: str) -> None:
    row = window.organization_combo.findData(tin)
    assert row >= 0, tin
    window.organization_combo.setCurrentIndex(row)
    window.organization_combo.activated.emit(row)
    settle(loop, window)


async def assigned_in(window: MainWindow, tin: str, key: Key) -> set[str]:
    assignments = await window.context.client.identity_assignments(tin, key[0], key[1])
    return {str(assignment.privilege_id) for assignment in assignments}


def test_undo_stays_with_organization(
    open_window: Callable[..., MainWindow], live_server: Any, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = open_window(live_server.administrator("multi"))
    assert window.organization is not None
    first = window.organization.organization_tin
    other = next(
        window.organization_combo.itemData(row)
        for row in range(window.organization_combo.count())
        if window.organization_combo.itemData(row) != first
    )
    keys = employee_keys(window, 2, start=40)
    privilege_id = any_privilege(window, 2)
    privilege = window.privileges.tree_model.privilege(privilege_id)
    assert privilege is not None
    run(qasync_loop, clear(window, keys, [privilege_id]))
    run_settled(
        qasync_loop,
        window,
        window.apply_plan(ChangePlan.assign(keys, [privilege_id]), preview=False),
    )
    assert window.undo_action.text() == f"&Undo: assign {privilege.name} to 2 employees"

    switch_to(window, qasync_loop, other)

    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"
    assert run_settled(qasync_loop, window, window.undo_last()) is None
    for key in keys:
        assert privilege_id in run(qasync_loop, assigned_in(window, first, key))

    switch_to(window, qasync_loop, first)

    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    settle(qasync_loop, window)
    for key in keys:
        assert privilege_id not in run(qasync_loop, assigned_in(window, first, key))
    message = window.statusBar().currentMessage()
    assert message == f"Undone: assign {privilege.name} to 2 employees."
    assert window.redo_action.text() == f"&Redo: assign {privilege.name} to 2 employees"

    window.redo_action.trigger()
    settle(qasync_loop, window)
    for key in keys:
        assert privilege_id in run(qasync_loop, assigned_in(window, first, key))
    message = window.statusBar().currentMessage()
    assert message == f"Redone: assign {privilege.name} to 2 employees."
    run(qasync_loop, clear(window, keys, [privilege_id]))


def test_result_says_added_and_removed(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    assert window.organization is not None
    tin = window.organization.organization_tin
    keys = employee_keys(window, 3, start=50)
    privilege_id = any_privilege(window, 8)
    other_id = any_privilege(window, 9)
    run(qasync_loop, clear(window, keys, [privilege_id, other_id]))
    run(qasync_loop, window.context.client.assign(tin, keys[0][0], keys[0][1], privilege_id))

    plan = ChangePlan.assign(keys, [privilege_id])
    run_settled(qasync_loop, window, window.apply_plan(plan, preview=False))

    message = window.statusBar().currentMessage()
    assert message == "2 assignments added. 1 item was already as requested."

    plan = ChangePlan.unassign([(idp, identity_id, privilege_id) for idp, identity_id in keys])
    run_settled(qasync_loop, window, window.apply_plan(plan, preview=False))

    assert window.statusBar().currentMessage() == "3 assignments removed."

    mixed = ChangePlan(
        add=ChangePlan.assign(keys[:1], [other_id]).add,
        remove=ChangePlan.unassign([(keys[0][0], keys[0][1], privilege_id)]).remove,
    )
    run(qasync_loop, window.context.client.assign(tin, keys[0][0], keys[0][1], privilege_id))
    run_settled(qasync_loop, window, window.apply_plan(mixed, preview=False))

    assert window.statusBar().currentMessage() == "1 assignment added. 1 assignment removed."
    run(qasync_loop, clear(window, keys, [privilege_id, other_id]))


def test_undo_text_names_removal(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window
    assert window.organization is not None
    tin = window.organization.organization_tin
    [key] = employee_keys(window, 1, start=45)
    privilege_ids = [any_privilege(window, 6), any_privilege(window, 7)]
    identity = window.employees.model.identity_for(key)
    assert identity is not None and identity.name
    run(qasync_loop, clear(window, [key], privilege_ids))
    for privilege_id in privilege_ids:
        run(qasync_loop, window.context.client.assign(tin, key[0], key[1], privilege_id))
    plan = ChangePlan.unassign([(key[0], key[1], privilege_id) for privilege_id in privilege_ids])

    run_settled(qasync_loop, window, window.apply_plan(plan, preview=False))

    assert window.undo_action.text() == f"&Undo: remove 2 assignments from {identity.name}"

    window.danish_action.trigger()
    QApplication.processEvents()

    assert window.undo_action.text() == f"&Fortryd: fjern 2 tildelinger fra {identity.name}"
    run(qasync_loop, clear(window, [key], privilege_ids))


def test_switch_language(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    window = customer_window

    window.danish_action.trigger()
    QApplication.processEvents()

    assert window.context.switch_language.calls == ["da"]  # type: ignore[attr-defined]
    assert window.edit_menu.title() == "&Rediger"
    assert window.employees.model.headerData(0, Qt.Orientation.Horizontal) == "Navn"
    assert window.assign_action.text().startswith("T&ildel")
    assert "Miljø" in window.environment_label.text()
    assert window.language == "da"
    tree = window.privileges.tree_model
    first = tree.index(0, 0, tree.index(0, 0))
    privilege = tree.privilege(first.data(PRIVILEGE_ID_ROLE))
    assert privilege is not None
    assert tree.index(0, 2, tree.index(0, 0)).data() == (
        privilege.description_danish or privilege.description_english
    )
    assert "Offentlig" in {
        window.privileges.tree_model.index(
            row, 1, window.privileges.tree_model.index(group, 0)
        ).data()
        for group in range(window.privileges.tree_model.rowCount())
        for row in range(
            window.privileges.tree_model.rowCount(window.privileges.tree_model.index(group, 0))
        )
    }

    window.english_action.trigger()
    QApplication.processEvents()

    assert window.edit_menu.title() == "&Edit"
    assert window.employees.model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_help_menu_diagnostics_and_about(customer_window: MainWindow) -> None:
    import platform

    from PySide6.QtCore import qVersion

    from privadmin import __version__

    window = customer_window
    actions = window.help_menu.actions()

    assert window.help_menu.title() == "&Help"
    assert window.copy_diagnostics_action in actions
    assert window.about_action in actions
    window.copy_diagnostics_action.trigger()
    assert QApplication.clipboard().text().startswith(f"privadmin {__version__}")

    window.about_action.trigger()
    QApplication.processEvents()

    box = window.about_box
    assert box is not None and box.isVisible()
    assert f"privadmin {__version__}" in box.text()
    assert "Environment: Demo" in box.text()
    assert window.context.environment.api_base_url in box.text()
    assert f"Qt {qVersion()}" in box.text()
    assert f"Python {platform.python_version()}" in box.text()
    box.close()

    window.danish_action.trigger()
    QApplication.processEvents()

    assert window.help_menu.title() == "&Hjælp"
    assert window.about_action.text() == "&Om privadmin"


# --- empty state ---------------------------------------------------------------


@pytest.fixture(scope="module")
def separate_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A server of its own, so that emptying an organization leaves the shared one as seeded."""
    from privserver.embedded import EmbeddedServer
    from privserver.seed import seed_demo
    from privserver.testing import LiveServer

    database_url = f"sqlite:///{tmp_path_factory.mktemp('empty') / 'privserver.sqlite'}"
    report = seed_demo(database_url, employees=20)
    server = EmbeddedServer(database_url)
    server.start()
    try:
        yield LiveServer(server=server, seed=report, database_url=database_url)
    finally:
        server.stop()


def test_empty_state_offers_add(
    separate_server: Any,
    open_window: Callable[..., MainWindow],
    qasync_loop: asyncio.AbstractEventLoop,
) -> None:
    administrator = separate_server.administrator("provider")
    window = open_window(administrator, server=separate_server)
    assert window.organization is not None
    tin = window.organization.organization_tin
    for identity in list(window.employees.model.identities()):
        run(
            qasync_loop,
            window.context.client.delete_identity(tin, identity.idp, str(identity.idp_identity_id)),
        )

    window.reload()
    settle(qasync_loop, window)

    assert window.employees.model.rowCount() == 0
    assert window.employees.stack.currentIndex() == window.employees.PAGE_EMPTY
    assert "first sign-in" in window.employees.empty_text.text()
    assert window.employees.empty_add_button.isVisible()

    new_id = str(uuid.uuid4())

    async def scenario() -> None:
        window.employees.empty_add_button.click()
        dialog = await until(
            lambda: (
                window.add_dialog if window.add_dialog and window.add_dialog.isVisible() else None
            ),
            "the add dialog",
        )
        dialog.uuid_edit.setText(new_id)
        dialog.buttons.accepted.emit()

    run_settled(qasync_loop, window, scenario())

    assert window.employees.model.rowCount() == 1
    assert window.employees.stack.currentIndex() == window.employees.PAGE_TABLE


# --- done when -------------------------------------------------------------------


def test_ten_employees_get_privilege_at_runtime(
    customer_window: MainWindow,
    live_server: Any,
    qasync_loop: asyncio.AbstractEventLoop,
    client_with_token: Callable[[str], Any],
) -> None:
    from privserver.testing import service_token

    window = customer_window
    assert window.organization is not None
    customer_tin = window.organization.organization_tin
    providers = {client["organizationTin"] for client in live_server.seed["apiClients"]}
    group = next(
        group
        for group in window.privileges.tree_model.groups()
        if group.organization_tin in providers
    )
    privilege = group.privileges[0]
    privilege_id = str(privilege.id)
    keys = employee_keys(window, 10, start=3)
    run(qasync_loop, clear(window, keys, [privilege_id]))
    window.employees.select_keys(keys)
    assert window.employees.selected_keys() == keys
    recorder = ShowRecorder()
    QApplication.instance().installEventFilter(recorder)  # type: ignore[union-attr]
    try:
        tree = window.privileges.tree_model
        data = tree.mimeData([tree.index_of_privilege(privilege_id)])
        proxy = window.employees.proxy
        target = proxy.mapFromSource(
            window.employees.model.index(window.employees.model.row_of(keys[4]) or 0, 0)
        )
        proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
        preview = run(qasync_loop, accept_preview(window))
        settle(qasync_loop, window)
    finally:
        QApplication.instance().removeEventFilter(recorder)  # type: ignore[union-attr]

    assert preview.add_count == 10
    assert len(recorder.shown) == 1
    assert window.progress_dialog is recorder.shown[0]
    assert window.progress_dialog.maximum() == 10
    assert window.progress_dialog.value() == 10

    api_client = live_server.api_client(group.organization_tin)
    token = service_token(live_server, api_client["clientId"], api_client["clientSecret"])
    provider = client_with_token(token)
    runtime = run(qasync_loop, provider.runtime(group.organization_tin, keys[7][0], keys[7][1]))
    scopes = {
        scope.organization_tin: {str(p.id) for p in scope.privileges}
        for scope in runtime.organization_scopes
    }

    assert privilege_id in scopes.get(customer_tin, set())
    run(qasync_loop, clear(window, keys, [privilege_id]))


def test_drop_event_on_employee_view(
    customer_window: MainWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    """A synthetic drop on the table's viewport takes the same path as a mouse drop."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    window = customer_window
    [key] = employee_keys(window, 1, start=45)
    privilege_id = any_privilege(window, 6)
    run(qasync_loop, clear(window, [key], [privilege_id]))
    tree = window.privileges.tree_model
    data = tree.mimeData([tree.index_of_privilege(privilege_id)])
    table = window.employees.table
    proxy_row = window.employees.proxy.mapFromSource(
        window.employees.model.index(window.employees.model.row_of(key) or 0, 0)
    ).row()
    table.scrollTo(window.employees.proxy.index(proxy_row, 0))
    QApplication.processEvents()
    position = QPointF(
        table.visualRect(window.employees.proxy.index(proxy_row, EmployeeColumn.EMAIL)).center()
    )

    dropped: list[Any] = []
    window.employees.model.privileges_dropped.connect(
        lambda target, ids: dropped.append((target, ids))
    )
    point = position.toPoint()
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(table.viewport(), enter)
    move = QDragMoveEvent(
        point, Qt.DropAction.CopyAction, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(table.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(
        position, Qt.DropAction.CopyAction, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    drop.ignore()
    QApplication.sendEvent(table.viewport(), drop)
    settle(qasync_loop, window)

    assert dropped == [(key, [privilege_id])]

    assert privilege_id in run(qasync_loop, assigned_ids(window, key))
    run(qasync_loop, clear(window, [key], [privilege_id]))
