"""Checks that hold the package boundaries in place."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(package: str) -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules.add(node.module)
    return modules


def test_api_client_imports_no_qt() -> None:
    qt = {name for name in imported_modules("privadmin/api_client") if name.startswith(("PySide6", "qasync"))}
    assert qt == set()


def test_models_import_no_qt_or_http() -> None:
    modules = imported_modules("privadmin/models")
    assert {name for name in modules if name.startswith(("PySide6", "httpx"))} == set()


def test_views_import_no_http() -> None:
    http = {name for name in imported_modules("privadmin/views") if name.startswith("httpx")}
    assert http == set()


def test_client_never_imports_server() -> None:
    # The demo launcher is the one place allowed to start the bundled server.
    allowed = {"privadmin/demo.py"}
    for path in (ROOT / "privadmin").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("privserver"), relative
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("privserver"), relative
