"""Tests of the catalog editor against a live privserver, driven through its widgets."""

from __future__ import annotations

import asyncio
import gc
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from privadmin.api_client import NotFoundError, PrivilegesClient, StaticTokenSource
from privadmin.config import Environment
from privadmin.context import AppContext
from privadmin.controllers import catalog as rules
from privadmin.controllers.catalog import Field, Source
from privadmin.models import Assignability, Privilege, PrivilegeChanges, PrivilegeDraft, Role
from privadmin.views.catalog import CatalogPanel
from privadmin.views.catalog.editor import PrivilegeEditor
from privadmin.views.catalog.whitelist import WhitelistEditor
from privadmin.views.main_window import MainWindow
from privserver.testing import sign_in_tokens

Loop = asyncio.AbstractEventLoop
T = TypeVar("T")


@pytest.fixture(autouse=True)
def collect_garbage() -> Iterator[None]:
    """Free the Qt objects of each test's closed event loop and widgets before the next test starts.

    Set up before the other fixtures, so it runs last at teardown. Left to the
    cycle collector, they were freed at a random point inside the next test's
    Qt timer dispatch, which crashed the interpreter (PySide6 6.11.3, qasync 0.28).
    """
    yield
    gc.collect()


@dataclass
class Admin:
    """A signed-in administrator of one organization, with a client of their own."""

    tin: str
    name: str
    roles: tuple[Role, ...]
    client: PrivilegesClient


@pytest.fixture
def tokens(live_server: Any) -> dict[str, str]:
    """Access tokens of the seeded provider and customer administrators, fresh for each test."""
    return {
        kind: sign_in_tokens(live_server, live_server.administrator(kind)["idpIdentityId"])[
            "access_token"
        ]
        for kind in ("provider", "customer")
    }


def roles_in(admin: dict[str, Any], tin: str) -> tuple[Role, ...]:
    for grant in admin["roles"]:
        if grant["organizationTin"] == tin:
            return tuple(Role(role) for role in grant["roles"])
    return ()


@pytest.fixture
def admins(
    live_server: Any, tokens: dict[str, str], qasync_loop: Loop
) -> Iterator[dict[str, Admin]]:
    """The provider and customer administrators, plus "other": a second client of the provider's."""
    made: dict[str, Admin] = {}
    for key, kind in (("provider", "provider"), ("other", "provider"), ("customer", "customer")):
        seeded = live_server.administrator(kind)
        tin = seeded["organizationTin"]
        client = PrivilegesClient(live_server.api_base_url, StaticTokenSource(tokens[kind]))
        made[key] = Admin(tin, seeded["organizationName"], roles_in(seeded, tin), client)
    yield made
    for admin in made.values():
        qasync_loop.run_until_complete(admin.client.aclose())


def loaded_panel(
    live_server: Any, admins: dict[str, Admin], kind: str, qasync_loop: Loop, qtbot: Any
) -> CatalogPanel:
    """Return a catalog panel of the `kind` administrator's organization, loaded from the server."""
    admin = admins[kind]

    async def sign_out() -> None:
        return None

    context = AppContext(
        environment=Environment(
            key="custom",
            issuer=live_server.issuer,
            api_base_url=live_server.api_base_url,
            client_id="privadmin-desktop",
        ),
        client=admin.client,
        caller_name=live_server.administrator(kind)["name"],
        caller_identity_id=live_server.administrator(kind)["idpIdentityId"],
        language="en",
        sign_out=sign_out,
        switch_language=lambda _language: None,
    )
    widget = CatalogPanel(context)
    qtbot.addWidget(widget)
    widget.set_organization(admin.tin, admin.roles)
    qasync_loop.run_until_complete(widget.wait())
    return widget


@pytest.fixture
def panel(
    live_server: Any, admins: dict[str, Admin], qasync_loop: Loop, qtbot: Any
) -> CatalogPanel:
    return loaded_panel(live_server, admins, "provider", qasync_loop, qtbot)


@pytest.fixture
def customer_panel(
    live_server: Any, admins: dict[str, Admin], qasync_loop: Loop, qtbot: Any
) -> CatalogPanel:
    """The catalog of a pure customer organization, which owns no privileges."""
    return loaded_panel(live_server, admins, "customer", qasync_loop, qtbot)


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def run(loop: Loop, awaitable: Awaitable[T]) -> T:
    return loop.run_until_complete(asyncio.wait_for(awaitable, 30))


def until(loop: Loop, predicate: Callable[[], Any], what: str, timeout: float = 15) -> Any:
    """Run the event loop until `predicate()` returns something truthy, and return that."""

    async def poll() -> Any:
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            result = predicate()
            if result:
                return result
            await asyncio.sleep(0.02)
        raise AssertionError(f"timed out after {timeout} s waiting for {what}")

    return loop.run_until_complete(poll())


def confirmation() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QMessageBox)
            and widget.objectName() == "catalogConfirmation"
            and widget.isVisible()
        ):
            return widget
    return None


def answer_confirmation(loop: Loop, *, accept: bool) -> str:
    """Wait for the confirmation box, press its accept or Cancel button, and return its text."""
    box = until(loop, confirmation, "the confirmation box")
    text = box.text()
    if accept:
        button = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    button.click()
    return str(text)


def save_button(editor: PrivilegeEditor) -> Any:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Save)


def create_privilege(
    admin: Admin, loop: Loop, name: str, assignability: Assignability, **fields: str
) -> Privilege:
    draft = PrivilegeDraft(name=name, assignability=assignability, **fields)
    return run(loop, admin.client.create_privilege(admin.tin, draft))


def customer_assigns(
    customer: Admin, loop: Loop, privilege: Privilege, count: int
) -> list[uuid.UUID]:
    """Add `count` new employees to the customer and assign them the privilege; return their UUIDs."""
    identity_ids = [uuid.uuid4() for _ in range(count)]

    async def assign_all() -> None:
        for identity_id in identity_ids:
            await customer.client.put_identity(
                customer.tin, "mitid_erhverv", identity_id, name=f"Test {identity_id.hex[:6]}"
            )
            assert await customer.client.assign(
                customer.tin, "mitid_erhverv", identity_id, privilege.id
            )

    run(loop, assign_all())
    return identity_ids


def customer_assignments(customer: Admin, loop: Loop, privilege: Privilege) -> list[Any]:
    async def collect() -> list[Any]:
        found: list[Any] = []
        async for page in customer.client.assignments(customer.tin, privilege_id=privilege.id):
            found.extend(page)
        return found

    return run(loop, collect())


def panel_row(panel: CatalogPanel, name: str) -> Privilege | None:
    return next(
        (privilege for privilege in panel.model.privileges() if privilege.name == name), None
    )


def open_editor(panel: CatalogPanel, loop: Loop, privilege: Privilege) -> PrivilegeEditor:
    panel.select(privilege.id)
    assert panel.selected_privilege() is not None
    panel.edit_action.trigger()
    editor: PrivilegeEditor = until(loop, lambda: panel.editor, "the editor to open")
    return editor


# Creating.


def test_panel_lists_own_privileges(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider = admins["provider"]
    on_server = run(qasync_loop, provider.client.privileges(provider.tin))

    assert {p.id for p in panel.model.privileges()} == {p.id for p in on_server}
    assert all(p.organization_tin == provider.tin for p in panel.model.privileges())
    assert panel.new_action.isEnabled()


def test_empty_catalog_explained(customer_panel: CatalogPanel, qasync_loop: Loop) -> None:
    customer_panel.show()

    assert customer_panel.model.rowCount() == 0
    assert customer_panel.stack.currentWidget() is not customer_panel.table
    assert customer_panel.empty_title.text() == "No privileges of your own yet"
    assert customer_panel.organization_tin is not None
    text = customer_panel.empty_text.text()
    assert f"privileges that {customer_panel.organization_tin} owns and offers" in text
    assert customer_panel.empty_new_button.isVisible()
    assert customer_panel.empty_new_button.isEnabled()

    customer_panel.empty_new_button.click()
    editor = until(qasync_loop, lambda: customer_panel.editor, "the editor to open")
    assert editor.creating
    editor.reject()


def test_empty_state_follows_rows(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    panel.show()
    assert panel.model.rowCount() > 0
    assert panel.stack.currentWidget() is panel.table

    panel.filter_edit.setText("no privilege has this text")
    assert panel.stack.currentWidget() is not panel.table
    assert panel.empty_title.text() == "No privileges match “no privilege has this text”"
    panel.filter_edit.setText("no privilege has this text either")
    assert panel.empty_title.text() == "No privileges match “no privilege has this text either”"

    panel.filter_edit.clear()
    assert panel.stack.currentWidget() is panel.table


def test_empty_state_waits_for_load(
    live_server: Any, admins: dict[str, Admin], qasync_loop: Loop, qtbot: Any
) -> None:
    customer = admins["customer"]
    widget = loaded_panel(live_server, admins, "customer", qasync_loop, qtbot)

    # While the list loads, the table stays in place, so the empty page does not flash by.
    widget.set_organization(customer.tin, customer.roles)
    assert widget.runner.busy
    assert widget.stack.currentWidget() is widget.table
    run(qasync_loop, widget.wait())
    assert widget.stack.currentWidget() is not widget.table

    # Without PrivilegeAdministrator the role note explains, and nothing loads.
    widget.set_organization(customer.tin, (Role.PRIVILEGE_ASSIGNER,))
    assert widget.stack.currentWidget() is widget.table
    assert widget.role_note.text()


def test_reload_shows_busy_state(panel: CatalogPanel, qasync_loop: Loop) -> None:
    panel.start_reload()

    assert panel.runner.busy
    assert panel.status.progress.isVisibleTo(panel)
    assert not panel.reload_action.isEnabled()
    run(qasync_loop, panel.wait())
    assert not panel.runner.busy
    assert not panel.status.progress.isVisibleTo(panel)
    assert panel.reload_action.isEnabled()


def test_create_privilege(panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop) -> None:
    provider = admins["provider"]
    name = unique("Pensionsrapport")

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(f"  {name}  ")
    editor.danish_edit.setPlainText("Må se pensionsrapporter")
    editor.english_edit.setPlainText("May see pension reports")
    editor.set_assignability(Assignability.WHITELIST)
    save_button(editor).click()
    run(qasync_loop, editor.wait())
    run(qasync_loop, panel.wait())

    created = panel_row(panel, name)
    assert created is not None
    on_server = run(qasync_loop, provider.client.get_privilege(provider.tin, created.id))
    assert on_server.name == name
    assert on_server.description_danish == "Må se pensionsrapporter"
    assert on_server.description_english == "May see pension reports"
    assert on_server.assignability is Assignability.WHITELIST
    assert panel.editor is None


# Client-side and server-side validation.


def test_name_too_long_is_caught_before_sending(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider = admins["provider"]
    before = len(run(qasync_loop, provider.client.privileges(provider.tin)))
    name = "x" * 101

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(name)
    editor.danish_edit.setPlainText("kept")
    assert run(qasync_loop, editor.save()) is None

    assert "at most 100 characters" in editor.field_error_text(Field.NAME)
    assert editor.name_edit.text() == name
    assert editor.danish_edit.toPlainText() == "kept"
    assert editor.isVisible()
    assert len(run(qasync_loop, provider.client.privileges(provider.tin))) == before


def test_description_too_long_is_caught_before_sending(
    panel: CatalogPanel, qasync_loop: Loop
) -> None:
    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(unique("Lang"))
    editor.english_edit.setPlainText("e" * 2001)

    assert run(qasync_loop, editor.save()) is None

    assert "at most 2000 characters" in editor.field_error_text(Field.DESCRIPTION_ENGLISH)
    assert editor.field_error_text(Field.NAME) == ""


def test_duplicate_name_differing_in_case_is_caught(
    admins: dict[str, Admin], panel: CatalogPanel, qasync_loop: Loop
) -> None:
    suffix = uuid.uuid4().hex[:8]
    create_privilege(admins["provider"], qasync_loop, f"Æble {suffix}", Assignability.PRIVATE)
    run(qasync_loop, panel.reload())

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(f"æble {suffix}")
    assert run(qasync_loop, editor.save()) is None

    assert "already has a privilege with this name" in editor.field_error_text(Field.NAME)
    assert editor.name_edit.text() == f"æble {suffix}"


def test_server_conflict_shows_beside_name(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    # The panel's list predates the other privilege, so only the server can see the clash.
    suffix = uuid.uuid4().hex[:8]
    create_privilege(admins["other"], qasync_loop, f"Pære {suffix}", Assignability.PRIVATE)

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(f"PÆRE {suffix}")
    editor.english_edit.setPlainText("kept")
    assert run(qasync_loop, editor.save()) is None

    assert editor.field_error_text(Field.NAME).startswith("Server:")
    assert editor.name_edit.text() == f"PÆRE {suffix}"
    assert editor.english_edit.toPlainText() == "kept"


def test_server_validation_shows_beside_field(
    panel: CatalogPanel, qasync_loop: Loop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Raise the client's limits so that the server's 422 response is what the editor shows.
    monkeypatch.setattr(rules, "DESCRIPTION_MAX_LENGTH", 1_000_000)
    monkeypatch.setattr(rules, "NAME_MAX_LENGTH", 1_000_000)

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(unique("Kort"))
    editor.danish_edit.setPlainText("d" * 2001)
    assert run(qasync_loop, editor.save()) is None
    assert editor.field_error_text(Field.DESCRIPTION_DANISH).startswith("Server:")
    assert editor.field_error_text(Field.NAME) == ""

    editor.danish_edit.setPlainText("ok")
    editor.name_edit.setText("n" * 101)
    assert run(qasync_loop, editor.save()) is None
    assert editor.field_error_text(Field.NAME).startswith("Server:")
    assert editor.name_edit.text() == "n" * 101


# Editing, with and without a conflict.


def test_edit_without_conflict(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider = admins["provider"]
    privilege = create_privilege(provider, qasync_loop, unique("Bogholder"), Assignability.PRIVATE)
    run(qasync_loop, panel.reload())

    editor = open_editor(panel, qasync_loop, privilege)
    assert editor.name_edit.isReadOnly()
    assert editor.id_label.text() == str(privilege.id)
    assert editor.owner_label.text() == provider.tin
    assert "cannot change" in editor.fixed_note.text()
    editor.danish_edit.setPlainText("Ny dansk tekst")
    editor.set_assignability(Assignability.PUBLIC)
    save_button(editor).click()
    run(qasync_loop, editor.wait())
    run(qasync_loop, panel.wait())

    on_server = run(qasync_loop, provider.client.get_privilege(provider.tin, privilege.id))
    assert on_server.description_danish == "Ny dansk tekst"
    assert on_server.assignability is Assignability.PUBLIC
    row = panel_row(panel, privilege.name)
    assert row is not None
    assert row.description_danish == "Ny dansk tekst"


def conflicting_edit(
    panel: CatalogPanel, admins: dict[str, Admin], loop: Loop
) -> tuple[Privilege, PrivilegeEditor]:
    """Open a privilege, let the second client change its English description, and save a Danish edit."""
    provider, other = admins["provider"], admins["other"]
    privilege = create_privilege(
        provider,
        loop,
        unique("Revisor"),
        Assignability.PUBLIC,
        description_danish="gammel",
        description_english="old",
    )
    run(loop, panel.reload())
    editor = open_editor(panel, loop, privilege)

    current = run(loop, other.client.get_privilege(other.tin, privilege.id))
    changes = PrivilegeChanges(description_english="theirs")
    run(
        loop,
        other.client.update_privilege(other.tin, privilege.id, changes, etag=current.etag or ""),
    )

    editor.danish_edit.setPlainText("min")
    assert run(loop, editor.save()) is None
    assert editor.conflict.isVisible()
    return privilege, editor


def test_conflict_shows_both_versions(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege, editor = conflicting_edit(panel, admins, qasync_loop)

    assert editor.conflict.theirs_values[Field.DESCRIPTION_ENGLISH].toPlainText() == "theirs"
    assert editor.conflict.mine_values[Field.DESCRIPTION_ENGLISH].toPlainText() == "old"
    assert editor.conflict.mine_values[Field.DESCRIPTION_DANISH].toPlainText() == "min"
    assert editor.conflict.theirs_values[Field.DESCRIPTION_DANISH].toPlainText() == "gammel"
    assert editor.conflict.choices()[Field.DESCRIPTION_DANISH] is Source.MINE
    assert editor.conflict.choices()[Field.DESCRIPTION_ENGLISH] is Source.THEIRS
    # Nothing was overwritten while the user decides.
    on_server = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )
    assert on_server.description_danish == "gammel"
    assert on_server.description_english == "theirs"


def test_conflict_keep_mine_overwrites(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege, editor = conflicting_edit(panel, admins, qasync_loop)

    editor.conflict.keep_mine_button.click()
    run(qasync_loop, editor.wait())

    on_server = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )
    assert on_server.description_danish == "min"
    assert on_server.description_english == "old"


def test_conflict_take_theirs_keeps_server(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege, editor = conflicting_edit(panel, admins, qasync_loop)
    updated_before = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )

    editor.conflict.take_theirs_button.click()
    run(qasync_loop, panel.wait())

    on_server = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )
    assert on_server.description_danish == "gammel"
    assert on_server.description_english == "theirs"
    assert on_server.updated == updated_before.updated
    row = panel_row(panel, privilege.name)
    assert row is not None
    assert row.description_english == "theirs"


def test_conflict_merge_field_by_field(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege, editor = conflicting_edit(panel, admins, qasync_loop)

    editor.conflict.merge_button.click()
    run(qasync_loop, editor.wait())

    on_server = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )
    assert on_server.description_danish == "min"
    assert on_server.description_english == "theirs"


def test_conflict_merge_with_chosen_sides(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege, editor = conflicting_edit(panel, admins, qasync_loop)

    editor.conflict.choose(Field.DESCRIPTION_DANISH, Source.THEIRS)
    editor.conflict.choose(Field.DESCRIPTION_ENGLISH, Source.MINE)
    editor.conflict.merge_button.click()
    run(qasync_loop, editor.wait())

    on_server = run(
        qasync_loop, admins["other"].client.get_privilege(privilege.organization_tin, privilege.id)
    )
    assert on_server.description_danish == "gammel"
    assert on_server.description_english == "old"


# Whitelists and the warnings before assignments turn inactive.


def open_whitelist(panel: CatalogPanel, loop: Loop, privilege: Privilege) -> WhitelistEditor:
    run(loop, panel.reload())
    panel.select(privilege.id)
    panel.whitelist_action.trigger()
    editor = panel.whitelist_editor
    assert editor is not None
    run(loop, editor.wait())
    return editor


def whitelist_by_search(editor: WhitelistEditor, loop: Loop, search: str, tin: str) -> None:
    """Type into the search field, wait for the debounced search, and add the organization found."""
    editor.search_edit.setText(search)
    until(loop, lambda: tin in editor.result_tins(), f"{tin} among the search results")
    row = editor.result_tins().index(tin)
    editor.results_view.setCurrentRow(row)
    editor.add_button.click()
    run(loop, editor.wait())


def test_whitelist_add_and_remove_warns(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(
        provider, qasync_loop, unique("Lønindsigt"), Assignability.WHITELIST
    )
    editor = open_whitelist(panel, qasync_loop, privilege)
    assert editor.whitelisted_tins() == []

    whitelist_by_search(editor, qasync_loop, customer.name, customer.tin)
    assert editor.whitelisted_tins() == [customer.tin]
    on_server = run(qasync_loop, provider.client.whitelist(provider.tin, privilege.id))
    assert [entry.organization_tin for entry in on_server] == [customer.tin]

    customer_assigns(customer, qasync_loop, privilege, 2)

    # Cancelling keeps the organization on the whitelist.
    editor.whitelist_view.setCurrentRow(0)
    editor.remove_button.click()
    text = answer_confirmation(qasync_loop, accept=False)
    run(qasync_loop, editor.wait())
    assert "2 active assignments will become inactive" in text
    assert customer.tin in text
    assert editor.whitelisted_tins() == [customer.tin]

    editor.whitelist_view.setCurrentRow(0)
    editor.remove_button.click()
    text = answer_confirmation(qasync_loop, accept=True)
    run(qasync_loop, editor.wait())
    assert "2 active assignments will become inactive" in text
    assert editor.whitelisted_tins() == []
    assignments = customer_assignments(customer, qasync_loop, privilege)
    assert len(assignments) == 2
    assert not any(assignment.active for assignment in assignments)


def test_whitelist_search_by_tin(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(
        provider, qasync_loop, unique("Indberetning"), Assignability.WHITELIST
    )
    editor = open_whitelist(panel, qasync_loop, privilege)

    # Typed one key at a time, the TIN causes one search once typing pauses.
    for character in customer.tin:
        editor.search_edit.insert(character)
    until(
        qasync_loop, lambda: customer.tin in editor.result_tins(), "the organization found by TIN"
    )
    assert editor.search_count == 1

    editor.results_view.setCurrentRow(editor.result_tins().index(customer.tin))
    editor.add_button.click()
    run(qasync_loop, editor.wait())
    assert editor.whitelisted_tins() == [customer.tin]


def test_turning_private_warns_with_count(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(provider, qasync_loop, unique("Attest"), Assignability.PUBLIC)
    customer_assigns(customer, qasync_loop, privilege, 3)
    run(qasync_loop, panel.reload())

    editor = open_editor(panel, qasync_loop, privilege)
    editor.set_assignability(Assignability.PRIVATE)
    save_button(editor).click()
    text = answer_confirmation(qasync_loop, accept=True)
    run(qasync_loop, editor.wait())

    assert "3 active assignments will become inactive" in text
    assert customer.tin in text
    on_server = run(qasync_loop, provider.client.get_privilege(provider.tin, privilege.id))
    assert on_server.assignability is Assignability.PRIVATE
    assert not any(a.active for a in customer_assignments(customer, qasync_loop, privilege))


def test_public_to_whitelist_warns_and_can_cancel(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(provider, qasync_loop, unique("Regnskab"), Assignability.PUBLIC)
    customer_assigns(customer, qasync_loop, privilege, 2)
    run(qasync_loop, panel.reload())

    editor = open_editor(panel, qasync_loop, privilege)
    editor.english_edit.setPlainText("typed and kept")
    editor.set_assignability(Assignability.WHITELIST)
    save_button(editor).click()
    text = answer_confirmation(qasync_loop, accept=False)
    run(qasync_loop, editor.wait())

    assert "2 active assignments will become inactive" in text
    assert editor.isVisible()
    assert editor.english_edit.toPlainText() == "typed and kept"
    on_server = run(qasync_loop, provider.client.get_privilege(provider.tin, privilege.id))
    assert on_server.assignability is Assignability.PUBLIC


def test_public_to_whitelist_spares_whitelisted(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(provider, qasync_loop, unique("Skat"), Assignability.PUBLIC)
    customer_assigns(customer, qasync_loop, privilege, 2)
    run(qasync_loop, provider.client.add_to_whitelist(provider.tin, privilege.id, customer.tin))
    run(qasync_loop, panel.reload())

    editor = open_editor(panel, qasync_loop, privilege)
    editor.set_assignability(Assignability.WHITELIST)
    save_button(editor).click()
    text = answer_confirmation(qasync_loop, accept=True)
    run(qasync_loop, editor.wait())

    assert "No active assignments will become inactive" in text
    assert all(a.active for a in customer_assignments(customer, qasync_loop, privilege))


# Deleting.


def test_delete_states_count_and_removes(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    privilege = create_privilege(provider, qasync_loop, unique("Udløber"), Assignability.PUBLIC)
    identity_ids = customer_assigns(customer, qasync_loop, privilege, 2)
    run(qasync_loop, panel.reload())

    panel.select(privilege.id)
    panel.delete_action.trigger()
    text = answer_confirmation(qasync_loop, accept=False)
    run(qasync_loop, panel.wait())
    assert "2 assignments will be removed" in text
    assert panel_row(panel, privilege.name) is not None

    panel.select(privilege.id)
    panel.delete_action.trigger()
    text = answer_confirmation(qasync_loop, accept=True)
    run(qasync_loop, panel.wait())

    assert "2 assignments will be removed" in text
    assert panel_row(panel, privilege.name) is None
    with pytest.raises(NotFoundError):
        run(qasync_loop, provider.client.get_privilege(provider.tin, privilege.id))
    for identity_id in identity_ids:
        held = run(
            qasync_loop,
            customer.client.identity_assignments(customer.tin, "mitid_erhverv", identity_id),
        )
        assert privilege.id not in {assignment.privilege_id for assignment in held}


# Failures and retry.


def test_failed_load_offers_retry(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    customer = admins["customer"]
    # The provider's administrator has no role in the customer organization, so the server returns 403.
    panel.set_organization(customer.tin, (Role.PRIVILEGE_ADMINISTRATOR,))
    run(qasync_loop, panel.wait())

    assert "not allowed" in panel.status.error_label.text()
    assert not panel.status.retry_button.isHidden()

    panel.status.retry_button.click()
    run(qasync_loop, panel.wait())
    assert "not allowed" in panel.status.error_label.text()


def test_without_role_nothing_loads(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    provider = admins["provider"]

    panel.set_organization(provider.tin, (Role.PRIVILEGE_ASSIGNER,))
    run(qasync_loop, panel.wait())

    assert panel.model.rowCount() == 0
    assert not panel.new_action.isEnabled()
    assert "PrivilegeAdministrator" in panel.role_note.text()


# The whole path: a provider offers a privilege to one customer, who assigns it.


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> set[str]:
    """Collect the display texts of every item of a tree model."""
    parent = parent or QModelIndex()
    texts: set[str] = set()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        texts.add(str(index.data()))
        texts |= model_texts(model, index)
    return texts


def main_window(live_server: Any, admin: Admin, kind: str, qtbot: Any) -> MainWindow:
    """Open the app's main window for the seeded administrator of `kind`, using `admin`'s client."""

    async def sign_out() -> None:
        return None

    seeded = live_server.administrator(kind)
    context = AppContext(
        environment=Environment(
            key="custom",
            issuer=live_server.issuer,
            api_base_url=live_server.api_base_url,
            client_id="privadmin-desktop",
        ),
        client=admin.client,
        caller_name=seeded["name"],
        caller_identity_id=seeded["idpIdentityId"],
        language="en",
        sign_out=sign_out,
        switch_language=lambda _language: None,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def test_main_window_has_catalog_tab(
    live_server: Any, admins: dict[str, Admin], qasync_loop: Loop, qtbot: Any
) -> None:
    provider = admins["provider"]
    on_server = run(qasync_loop, provider.client.privileges(provider.tin))

    window = main_window(live_server, provider, "provider", qtbot)

    def loaded_catalog() -> CatalogPanel | None:
        catalog = window.catalog_panel
        if catalog is None or catalog.model.rowCount() < len(on_server):
            return None
        return catalog

    # One run until the catalog has loaded: qasync processes Qt events once more after
    # run_until_complete returns, and a load step run then finds no running event loop.
    catalog = until(qasync_loop, loaded_catalog, "the catalog tab to load")
    assert isinstance(catalog, CatalogPanel)
    run(qasync_loop, catalog.wait())

    assert catalog.organization_tin == provider.tin
    assert {p.id for p in on_server} <= {p.id for p in catalog.model.privileges()}


def test_whitelisted_customer_can_assign(
    live_server: Any, panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop, qtbot: Any
) -> None:
    provider, customer = admins["provider"], admins["customer"]
    name = unique("Kundeportal")

    editor = panel.new_privilege()
    assert editor is not None
    editor.name_edit.setText(name)
    editor.danish_edit.setPlainText("Adgang til kundeportalen")
    editor.english_edit.setPlainText("Access to the customer portal")
    editor.set_assignability(Assignability.WHITELIST)
    save_button(editor).click()
    run(qasync_loop, editor.wait())
    run(qasync_loop, panel.wait())
    privilege = panel_row(panel, name)
    assert privilege is not None

    whitelist = open_whitelist(panel, qasync_loop, privilege)
    whitelist_by_search(whitelist, qasync_loop, customer.name, customer.tin)
    assert whitelist.whitelisted_tins() == [customer.tin]

    groups = run(qasync_loop, customer.client.assignable_privileges(customer.tin))
    offered = {p.id: group.organization_tin for group in groups for p in group.privileges}
    assert offered.get(privilege.id) == provider.tin
    window = main_window(live_server, customer, "customer", qtbot)
    until(
        qasync_loop,
        lambda: name in model_texts(window.privileges.tree_model),
        "the privilege in the tree",
    )

    identity_id = uuid.uuid4()
    run(
        qasync_loop,
        customer.client.put_identity(
            customer.tin, "mitid_erhverv", identity_id, name="Kunde Medarbejder"
        ),
    )
    assert run(
        qasync_loop,
        customer.client.assign(customer.tin, "mitid_erhverv", identity_id, privilege.id),
    )
    held = run(
        qasync_loop,
        customer.client.identity_assignments(customer.tin, "mitid_erhverv", identity_id),
    )
    assert [(a.privilege_id, a.active) for a in held] == [(privilege.id, True)]


# Keyboard access.


def next_tab_stop(widget: Any) -> Any:
    """Return the widget Tab moves focus to: the next one in the focus chain that accepts Tab focus."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget:
        accepts_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if accepts_tab and candidate.isVisibleTo(widget.window()) and candidate.isEnabled():
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget


async def eventually(predicate: Callable[[], Any], what: str, timeout: float = 15) -> Any:
    """Await until `predicate()` returns something truthy, and return that."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        result = predicate()
        if result:
            return result
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def test_shortcuts_reach_every_action(
    panel: CatalogPanel, admins: dict[str, Admin], qasync_loop: Loop
) -> None:
    privilege = create_privilege(
        admins["provider"], qasync_loop, unique("Tastatur"), Assignability.WHITELIST
    )
    run(qasync_loop, panel.reload())

    # Everything runs inside one coroutine: Qt events processed while the asyncio
    # loop is stopped would step the panel's tasks where httpx finds no running loop.
    async def use_keyboard() -> None:
        async def press(key: Qt.Key) -> None:
            panel.activateWindow()
            await eventually(lambda: QApplication.activeWindow() is panel, "the panel to be active")
            panel.table.setFocus()
            QTest.keyClick(panel.table, key, Qt.KeyboardModifier.ControlModifier)

        panel.show()
        panel.select(privilege.id)

        await press(Qt.Key.Key_L)
        whitelist = await eventually(lambda: panel.whitelist_editor, "the whitelist editor")
        await whitelist.wait()
        assert whitelist.privilege.id == privilege.id
        assert whitelist.status.error_label.text() == ""
        whitelist.reject()
        await panel.wait()

        await press(Qt.Key.Key_E)
        editor = await eventually(lambda: panel.editor, "the editor")
        assert editor.id_label.text() == str(privilege.id)
        assert next_tab_stop(editor.danish_edit) is editor.english_edit
        assert next_tab_stop(editor.english_edit) is editor.assignability_combo
        editor.reject()
        await eventually(lambda: panel.editor is None, "the editor to close")

        await press(Qt.Key.Key_N)
        editor = await eventually(lambda: panel.editor, "the new-privilege editor")
        assert editor.creating
        assert next_tab_stop(editor.name_edit) is editor.danish_edit
        editor.reject()

    run(qasync_loop, use_keyboard())

    assert panel.delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    assert panel.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
