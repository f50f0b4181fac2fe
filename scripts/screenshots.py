"""Render the main window's views in Danish and English into docs/screenshots/ (offscreen).

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Starts a seeded embedded privserver with the demo identity provider on
loopback, signs in as seeded administrators with the test helper, and saves
PNGs made with QWidget.grab: the main window with an employee selected, the
change preview, the add-employee dialog, the empty state, and the report of a
partly applied change.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from privadmin.api_client import PrivilegesClient, StaticTokenSource
from privadmin.config import Environment
from privadmin.context import AppContext
from privadmin.controllers.assignments import ChangePlan
from privadmin.views.dialogs import AddEmployeeDialog, BatchFailureDialog
from privadmin.views.icons import resources_dir
from privadmin.views.main_window import MainWindow

REPOSITORY = Path(__file__).resolve().parents[1]


class Translations:
    """Installs the .qm files of every area for one language, as the app does at start-up."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        for path in sorted((resources_dir() / "translations").glob(f"*_{language}.qm")):
            translator = QTranslator()
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(REPOSITORY) if path.is_relative_to(REPOSITORY) else path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs" / "screenshots")
    parser.add_argument("--employees", type=int, default=600, help="employees to seed")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from privserver.embedded import EmbeddedServer
    from privserver.seed import seed_demo
    from privserver.testing import LiveServer, sign_in_tokens

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    translations = Translations()

    def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
        return loop.run_until_complete(coroutine)

    with tempfile.TemporaryDirectory() as directory:
        database_url = f"sqlite:///{Path(directory) / 'screenshots.sqlite'}"
        report = seed_demo(database_url, employees=args.employees)
        server = EmbeddedServer(database_url)
        server.start()
        try:
            live = LiveServer(server=server, seed=report, database_url=database_url)
            environment = Environment(
                key="demo",
                issuer=live.issuer,
                api_base_url=live.api_base_url,
                client_id="privadmin-desktop",
            )

            def open_window(administrator: dict[str, Any], language: str) -> MainWindow:
                token = sign_in_tokens(live, administrator["idpIdentityId"])["access_token"]
                client = PrivilegesClient(live.api_base_url, StaticTokenSource(token))
                translations.switch(language)
                context = AppContext(
                    environment=environment,
                    client=client,
                    caller_name=administrator["name"],
                    caller_identity_id=administrator["idpIdentityId"],
                    language=language,
                    sign_out=client.aclose,
                    switch_language=translations.switch,
                )
                window = MainWindow(context)
                window.resize(1360, 820)
                window.show()
                run(window.tasks.wait_idle())
                return window

            for language in ("en", "da"):
                shoot(live, open_window, run, language, args.out)
        finally:
            server.stop()
    return 0


def shoot(live: Any, open_window: Any, run: Any, language: str, out: Path) -> None:
    window: MainWindow = open_window(live.administrator("customer"), language)
    try:
        # Main view: one employee selected, with assignments, and a privilege selected.
        proxy = window.employees.proxy
        chosen = next(
            (row for row in range(proxy.rowCount()) if (proxy.index(row, 4).data() or 0) >= 2),
            0,
        )
        window.employees.table.selectRow(chosen)
        selected = proxy.employee_key(chosen)
        run(window.tasks.wait_idle())
        tree = window.privileges.tree
        first_privilege = window.privileges.tree_model.index(
            0, 0, window.privileges.tree_model.index(0, 0)
        )
        tree.selectionModel().select(
            first_privilege,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        save(window, out / f"main-window-{language}.png")

        # Search as you type.
        window.employees.search.setText("jens")
        save(window, out / f"search-{language}.png")
        window.employees.search.clear()

        # The preview of assigning two privileges to the selected employee and four others,
        # one of the privileges being one the selected employee holds already.
        window.employees.select_keys([selected])
        run(window.tasks.wait_idle())
        others_keys = [proxy.employee_key(row) for row in range(5)]
        keys = [selected] + [key for key in others_keys if key != selected][:4]
        tree_model = window.privileges.tree_model
        held = [
            str(assignment.privilege_id)
            for assignment in window.privileges.assignment_model.assignments()
            if tree_model.privilege(str(assignment.privilege_id)) is not None
        ][:1]
        others = [
            str(privilege.id)
            for group in tree_model.groups()
            for privilege in group.privileges
            if str(privilege.id) not in held
        ]
        plan = ChangePlan.assign(keys, held + others[: 2 - len(held)])
        preview = window.preview_for(plan)
        preview.show()
        save(preview, out / f"preview-{language}.png")
        preview.close()

        failure = BatchFailureDialog(5000, 4980, 2500, "Internal Server Error (HTTP 500)", window)
        failure.show()
        save(failure, out / f"partly-applied-{language}.png")
        failure.close()

        add = AddEmployeeDialog(window)
        add.uuid_edit.setText("RID 4711")
        add.buttons.accepted.emit()
        add.show()
        save(add, out / f"add-employee-{language}.png")
        add.close()

        # The empty state, as an organization without employees shows it.
        window.employees.model.set_identities([])
        window.employees.set_can_assign(True)
        save(window, out / f"empty-state-{language}.png")
    finally:
        window.close()
        run(window.tasks.wait_idle())
        run(window.context.client.aclose())


if __name__ == "__main__":
    sys.exit(main())
