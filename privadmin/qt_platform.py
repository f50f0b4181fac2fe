"""The Qt platform plugin privadmin will start with, and the system libraries Qt's xcb plugin needs on Linux."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("privadmin.app")
qt_log = logging.getLogger("privadmin.qt")

# The shared libraries that PySide6 6.11's libqxcb.so loads beyond Qt's own (from `ldd`), with the
# Debian and Ubuntu packages that contain them.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


@dataclass
class PlatformCheck:
    """The platform plugin Qt is expected to use, and the xcb libraries the dynamic loader cannot find."""

    platform: str
    reason: str
    # Sonames of XCB_LIBRARIES that failed to load, in the order listed there.
    missing: list[str] = field(default_factory=list)
    # True when xcb is the only plugin Qt will try, so a missing library stops the start.
    xcb_required: bool = False

    @property
    def packages(self) -> list[str]:
        return [XCB_LIBRARIES[soname] for soname in self.missing]

    def message(self) -> str | None:
        """Return the text for the user and the log when xcb libraries are missing, else None."""
        if not self.missing:
            return None
        consequence = (
            "Qt cannot open windows and privadmin will stop."
            if self.xcb_required
            else "Qt can use its xcb plugin only after they are installed."
        )
        return (
            f"Qt's xcb platform plugin needs system libraries that are not installed: "
            f"{', '.join(self.missing)}. {consequence} On Debian or Ubuntu install them with: "
            f"sudo apt install {' '.join(self.packages)}"
        )


def _uses_xcb(platform: str) -> tuple[bool, bool]:
    """Return whether a QT_QPA_PLATFORM value lets Qt try xcb, and whether xcb is the only choice."""
    names = [name.split(":", 1)[0].strip() for name in platform.split(";") if name.strip()]
    return "xcb" in names, names == ["xcb"]


def expected_platform(environ: Mapping[str, str], system: str) -> tuple[str, str, bool, bool]:
    """Return (platform, reason, may use xcb, xcb only) for the environment Qt will start in."""
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        may_use_xcb, xcb_only = _uses_xcb(requested)
        return requested, "QT_QPA_PLATFORM", may_use_xcb, xcb_only
    if not system.startswith("linux"):
        return "default", f"Qt's default on {system}", False, False
    if environ.get("WAYLAND_DISPLAY"):
        # NOTE: Qt 6 tries wayland first when XDG_SESSION_TYPE is wayland and xcb first otherwise
        # (as read in Qt's QGuiApplication, not tried here). A missing xcb library is then a warning.
        return "wayland or xcb", "WAYLAND_DISPLAY is set", True, False
    if environ.get("DISPLAY"):
        return "xcb", "DISPLAY is set", True, True
    return "default", "neither DISPLAY nor WAYLAND_DISPLAY is set", False, False


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def check_platform(
    environ: Mapping[str, str] | None = None,
    *,
    system: str | None = None,
    loads: Callable[[str], bool] | None = None,
) -> PlatformCheck:
    """Find the platform Qt will start with and, on Linux when it may be xcb, the libraries missing for it.

    Each library is loaded by its soname through the dynamic loader, as Qt's plugin will load
    it, which takes a few milliseconds. Nothing is loaded on other systems or other platforms.
    `loads(soname)` replaces that loading, to simulate a missing library.
    """
    loads = loads or _loads
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    platform, reason, may_use_xcb, xcb_only = expected_platform(environ, system)
    check = PlatformCheck(platform, reason, xcb_required=xcb_only)
    if may_use_xcb and system.startswith("linux"):
        check.missing = [soname for soname in XCB_LIBRARIES if not loads(soname)]
    return check


def report_platform(check: PlatformCheck) -> None:
    """Log the platform, and log and print to standard error which libraries and packages are missing."""
    log.info("Qt platform: %s (%s)", check.platform, check.reason)
    message = check.message()
    if message is None:
        return
    if check.xcb_required:
        log.error("%s", message)
    else:
        log.warning("%s", message)
    print(f"privadmin: {message}", file=sys.stderr, flush=True)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        # Qt aborts right after a fatal message, so it must reach the terminal too.
        print(f"Qt: {message}", file=sys.stderr, flush=True)


def log_qt_messages() -> Any:
    """Send Qt's own messages to the log under privadmin.qt; return the handler that was installed before.

    Install it before the QApplication exists, so that a platform plugin that fails to
    load is logged before Qt aborts.
    """
    return qInstallMessageHandler(_log_qt_message)
