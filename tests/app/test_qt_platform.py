"""Finding the Qt platform plugin at start-up and the missing system libraries of the xcb plugin."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privadmin.qt_platform import XCB_LIBRARIES, check_platform, report_platform

from .conftest import subprocess_env


class Refuse:
    """A library loader that fails for the given sonames and records every call."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.calls: list[str] = []

    def __call__(self, soname: str) -> bool:
        self.calls.append(soname)
        return soname not in self.names


def test_display_only_requires_xcb() -> None:
    loads = Refuse({"libxcb-cursor.so.0", "libxcb-keysyms.so.1"})

    check = check_platform({"DISPLAY": ":0"}, system="linux", loads=loads)

    assert check.platform == "xcb"
    assert check.xcb_required
    assert check.missing == ["libxcb-cursor.so.0", "libxcb-keysyms.so.1"]
    assert check.packages == ["libxcb-cursor0", "libxcb-keysyms1"]
    message = check.message()
    assert message is not None
    assert "sudo apt install libxcb-cursor0 libxcb-keysyms1" in message
    assert "privadmin will stop" in message


def test_wayland_makes_missing_xcb_a_warning() -> None:
    loads = Refuse({"libxcb-icccm.so.4"})

    check = check_platform(
        {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, system="linux", loads=loads
    )

    assert not check.xcb_required
    assert check.packages == ["libxcb-icccm4"]


@pytest.mark.parametrize(
    ("environ", "system", "platform"),
    [
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", "offscreen"),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", "wayland"),
        ({}, "linux", "default"),
        ({"DISPLAY": ":0"}, "win32", "default"),
        ({"DISPLAY": ":0"}, "darwin", "default"),
    ],
)
def test_no_libraries_loaded_without_xcb(environ: dict[str, str], system: str, platform: str) -> None:
    loads = Refuse(set(XCB_LIBRARIES))

    check = check_platform(environ, system=system, loads=loads)

    assert check.platform == platform
    assert check.missing == []
    assert check.message() is None
    assert loads.calls == []


@pytest.mark.parametrize(("value", "only"), [("xcb", True), ("xcb:foo=1", True), ("wayland;xcb", False)])
def test_requested_xcb_checked(value: str, only: bool) -> None:
    check = check_platform({"QT_QPA_PLATFORM": value}, system="linux", loads=Refuse({"libxcb.so.1"}))

    assert check.missing == ["libxcb.so.1"]
    assert check.xcb_required is only


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")
def test_real_check_agrees_with_ldd() -> None:
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.exists():
        pytest.skip("needs ldd and PySide6's xcb plugin")
    listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=True).stdout
    not_found = {line.split()[0] for line in listing.splitlines() if "not found" in line}

    check = check_platform({"DISPLAY": ":0"})

    assert set(check.missing) == not_found & set(XCB_LIBRARIES)
    # Every xcb and xkbcommon library the plugin loads is in the list.
    linked = {line.split()[0] for line in listing.splitlines() if "=>" in line}
    assert {name for name in linked if "xcb" in name or "xkbcommon" in name} <= set(XCB_LIBRARIES)


def test_report_logs_and_prints(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    check = check_platform({"DISPLAY": ":0"}, system="linux", loads=Refuse({"libxcb-cursor.so.0"}))

    with caplog.at_level(logging.INFO, logger="privadmin.app"):
        report_platform(check)

    errors = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert "Qt platform: xcb (DISPLAY is set)" in caplog.text
    assert len(errors) == 1
    assert "sudo apt install libxcb-cursor0" in errors[0]
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err


@pytest.mark.subprocess
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")
def test_failing_xcb_start_is_logged(tmp_path: Path) -> None:
    # Nothing serves display :99 here, so Qt's xcb plugin fails and Qt aborts, as it does when a
    # library is missing. The missing library itself is simulated by refusing to load it.
    code = (
        "import sys, privadmin.qt_platform as platform;"
        "platform._loads = lambda soname: soname != 'libxcb-cursor.so.0';"
        "from privadmin.__main__ import main; sys.exit(main([]))"
    )
    env = subprocess_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":99")
    env.pop("WAYLAND_DISPLAY", None)

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            check=False, env=env)

    assert result.returncode != 0
    assert "sudo apt install libxcb-cursor0" in result.stderr
    log_text = "\n".join(path.read_text(encoding="utf-8") for path in tmp_path.rglob("privadmin.log"))
    assert "Qt platform: xcb (QT_QPA_PLATFORM)" in log_text
    assert "sudo apt install libxcb-cursor0" in log_text
    assert "CRITICAL privadmin.qt: " in log_text
