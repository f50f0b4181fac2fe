"""50,000 employees through the models and a view, in a separate interpreter in case Qt aborts it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import os, uuid
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView
    from privadmin.itemmodels.employees import EmployeeColumn, EmployeeFilterProxy, EmployeeTableModel
    from privadmin.models import Identity

    app = QApplication([])
    first = ["Åse", "Aage", "Zenia", "Ærø", "Bo", "Øjvind", "Anna"]
    identities = [
        Identity(idp="mitid_erhverv", idp_identity_id=uuid.UUID(int=n), name=f"{first[n % 7]} {n:05d}",
                 email=f"person{n}@example.dk", rid=str(10000 + n), assigned_privilege_count=n % 5)
        for n in range(50_000)
    ]
    model = EmployeeTableModel("da")
    proxy = EmployeeFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.show()
    model.set_identities(identities)
    app.processEvents()
    assert proxy.rowCount() == 50_000
    assert proxy.index(0, 0).data().startswith("Anna"), proxy.index(0, 0).data()
    assert proxy.index(49_999, 0).data().startswith("Åse"), proxy.index(49_999, 0).data()
    proxy.set_search_text("person4999")
    app.processEvents()
    assert proxy.rowCount() == 11, proxy.rowCount()
    proxy.set_search_text("")
    proxy.sort(EmployeeColumn.PRIVILEGES, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    assert proxy.index(0, EmployeeColumn.PRIVILEGES).data() == 4
    model.adjust_privilege_counts({("mitid_erhverv", str(uuid.UUID(int=7))): 1})
    print("ok")
    """
)


@pytest.mark.subprocess
def test_fifty_thousand_employees_in_subprocess() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=240,
        env=environment,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr[-3000:]
    assert completed.stdout.strip().endswith("ok")
