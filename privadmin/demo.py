"""Demo mode: privserver and its demo identity provider in-process on loopback, with seeded data kept between runs.

This is the only privadmin module that imports privserver, and only when the
demo starts, so a production build without privserver still imports it.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import shutil
import socket
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from privadmin.config.environment import Environment, demo_environment
from privadmin.config.paths import data_dir

log = logging.getLogger("privadmin.demo")

STATE_FILE = "demo.json"
DATABASE_FILE = "demo.sqlite"
DEFAULT_EMPLOYEES = 3000
STATE_VERSION = 1
HOST = "127.0.0.1"

NOT_INSTALLED_MESSAGE = (
    "The demo needs the privserver package, which this build does not contain.\n"
    "Use the demo build of privadmin, or run from a source checkout:\n"
    "  pip install -e '.[server]'\n"
    "  privadmin --demo"
)


class DemoUnavailableError(Exception):
    """privserver is not installed, so the demo cannot run."""

    def __init__(self) -> None:
        super().__init__(NOT_INSTALLED_MESSAGE)


class DemoStartError(Exception):
    """The demo server or its data could not be prepared; the message names what failed."""


def demo_dir() -> Path:
    return data_dir() / "demo"


def server_available() -> bool:
    """Tell whether privserver's embedded server can be imported (it is left out of production builds)."""
    try:
        return importlib.util.find_spec("privserver.embedded") is not None
    except ModuleNotFoundError:
        return False


@dataclass
class DemoState:
    """The demo's state kept between runs in demo.json: its port and whether the database is seeded."""

    port: int
    database: str = DATABASE_FILE
    seeded: bool = False
    employees: int = DEFAULT_EMPLOYEES
    version: int = STATE_VERSION

    @classmethod
    def load(cls, directory: Path) -> DemoState | None:
        """Read demo.json; None when it is missing or unreadable (then the demo starts afresh)."""
        path = directory / STATE_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            state = cls(**raw)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as error:
            log.warning("Ignoring unreadable demo state %s: %s", path, error)
            return None
        if state.version != STATE_VERSION or not 1024 <= state.port <= 65535:
            log.warning("Ignoring demo state %s of version %s with port %s", path, state.version, state.port)
            return None
        return state

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / STATE_FILE
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        temporary.replace(path)


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # uvicorn binds with SO_REUSEADDR on POSIX, so connections of an earlier run still in
        # TIME_WAIT do not make the port unusable; probe the same way. On Windows the option
        # would allow binding a port in use, so it stays off there.
        if sys.platform != "win32":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


Progress = Callable[[str], None]

LOCK_FILE = "demo.lock"


class InstanceLock:
    """An exclusive lock on the demo's data directory, held while one privadmin --demo runs.

    Two demos on one SQLite file would each start a server on its own port, and the
    second would move the kept port. The operating system drops the lock when the
    process ends, so a crashed demo leaves nothing stale behind.
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_FILE
        self._file: Any = None

    def acquire(self) -> None:
        """Take the lock; raise DemoStartError when another demo holds it."""
        if self._file is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise DemoStartError(
                f"another privadmin --demo is already running with the data in {self.path.parent}; "
                "close it first"
            ) from error
        self._file = handle

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class DemoLauncher:
    """Prepares the demo's data directory and runs the embedded server.

    The blocking steps (seeding, starting uvicorn) are meant for a worker
    thread; `start` runs them in the event loop's executor.
    """

    def __init__(self, directory: Path | None = None, *, employees: int = DEFAULT_EMPLOYEES) -> None:
        self.directory = directory or demo_dir()
        self.employees = employees
        self.server: Any = None
        self.state: DemoState | None = None
        # The seed report (organizations, administrators, API clients) of a seeding in this run.
        self.seed_report: dict[str, Any] | None = None
        self.instance_lock = InstanceLock(self.directory)

    @property
    def database_path(self) -> Path:
        return self.directory / DATABASE_FILE

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.database_path.as_posix()}"

    def reset(self) -> None:
        """Delete the demo's database and state, so the next start picks a port and seeds anew."""
        if self.server is not None:
            raise DemoStartError("stop the demo server before resetting its data")
        if self.directory.exists() and not self.instance_lock.held:
            shutil.rmtree(self.directory)
            log.info("Deleted demo data in %s", self.directory)
        elif self.directory.exists():
            # This run holds the lock file, so everything else goes.
            for entry in self.directory.iterdir():
                if entry.name == LOCK_FILE:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            log.info("Deleted demo data in %s", self.directory)

    def prepare_state(self) -> DemoState:
        """Load the kept state, or pick a port and record it; pick another port only when the kept one is taken."""
        state = DemoState.load(self.directory)
        if state is None:
            state = DemoState(port=free_port(), employees=self.employees)
            log.info("Demo uses new port %d in %s", state.port, self.directory)
        elif not port_is_free(state.port):
            old = state.port
            state.port = free_port()
            # NOTE: a new port changes the issuer, so sessions remembered for the demo no longer restore.
            log.warning("Demo port %d is in use by another program; using %d from now on", old, state.port)
        if state.seeded and not self.database_path.exists():
            log.warning("Demo database %s is missing; seeding it again", self.database_path)
            state.seeded = False
        state.save(self.directory)
        self.state = state
        return state

    def seed_if_needed(self, state: DemoState) -> bool:
        """Seed the demo database unless it is already seeded; return True when it seeded. Blocks."""
        if state.seeded:
            return False
        from privserver.seed import seed_demo

        # Alembic reports every migration step at INFO; the demo's log needs only problems.
        logging.getLogger("alembic").setLevel(logging.WARNING)

        for stale in self.directory.glob(DATABASE_FILE + "*"):
            stale.unlink()
        log.info("Seeding demo database %s with %d employees", self.database_path, state.employees)
        try:
            report = seed_demo(self.database_url, employees=state.employees)
        except Exception as error:
            for partial in self.directory.glob(DATABASE_FILE + "*"):
                partial.unlink(missing_ok=True)
            raise DemoStartError(f"seeding the demo database {self.database_path} failed: {error}") from error
        self.seed_report = report
        state.seeded = True
        state.save(self.directory)
        log.info("Seeded demo database: %d organizations, %d administrators",
                 len(report.get("organizations", [])), len(report.get("administrators", [])))
        return True

    def start_server(self, state: DemoState) -> Environment:
        """Start the embedded server on the kept port and return the Demo environment. Blocks until it listens."""
        from privserver.embedded import EmbeddedServer

        server = EmbeddedServer(self.database_url, host=HOST, port=state.port, demo_idp=True)
        try:
            server.start()
        except Exception as error:
            raise DemoStartError(f"the demo server could not start on {HOST}:{state.port}: {error}") from error
        self.server = server
        log.info("Demo server listening at %s", server.base_url)
        return demo_environment(server.base_url)

    def run_blocking(self, reset: bool = False, progress: Progress | None = None) -> Environment:
        """Do every step in the calling thread: reset if asked, seed if needed, start the server."""
        if not server_available():
            raise DemoUnavailableError()
        report = progress or (lambda _text: None)
        self.instance_lock.acquire()
        if reset:
            self.reset()
        state = self.prepare_state()
        if not state.seeded:
            report("seeding")
            self.seed_if_needed(state)
        report("starting")
        return self.start_server(state)

    async def start(self, reset: bool = False, progress: Progress | None = None) -> Environment:
        """Run the blocking steps in a worker thread; `progress` is called on the event loop's thread."""
        loop = asyncio.get_running_loop()

        def report(step: str) -> None:
            if progress is not None:
                loop.call_soon_threadsafe(progress, step)

        return await loop.run_in_executor(None, self.run_blocking, reset, report)

    def stop(self) -> None:
        if self.server is None:
            self.instance_lock.release()
            return
        server, self.server = self.server, None
        self.instance_lock.release()
        try:
            server.stop()
        except Exception:
            log.exception("Stopping the demo server failed")
            return
        log.info("Demo server stopped")
