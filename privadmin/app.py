"""Start-up of the desktop app: settings, logging, QApplication with qasync, sign-in, then the main window."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from privadmin import __version__, diagnostics
from privadmin.config.environment import DEMO, AuthMode, Environment
from privadmin.config.paths import log_dir
from privadmin.config.settings import (
    IncompleteEnvironmentError,
    LoadedConfig,
    SettingLockedError,
    save_user_setting,
)
from privadmin.crash import CrashHandler, show_error_dialog
from privadmin.i18n import Translations, resolve_language
from privadmin.logging_setup import setup_logging
from privadmin.qt_platform import check_platform, log_qt_messages, report_platform
from privadmin.views.start import Notice, SecretDialog, StartWindow

if TYPE_CHECKING:
    from privadmin.api_client import PrivilegesClient, TokenSource
    from privadmin.context import AppContext
    from privadmin.demo import DemoLauncher
    from privadmin.oidc import OidcClient

log = logging.getLogger("privadmin.app")

USER_AGENT = f"privadmin/{__version__}"

NO_KEYRING_NOTICE = Notice(
    "App",
    # PySide6 types QT_TRANSLATE_NOOP as returning object; it returns the source text.
    str(
        QT_TRANSLATE_NOOP(
            "App",
            "No credential store (keyring) is available on this computer: privadmin cannot "
            "remember your sign-in, so you sign in each time it starts.",
        )
    ),
)


def remember_notice(session: Any) -> str | None:
    """Return the translated reason why `session` will not be remembered, or None when it will be."""
    if getattr(session, "remembered", True):
        return None
    from privadmin.oidc.client import (
        NOT_REMEMBERED_NO_REFRESH_TOKEN,
        NOT_REMEMBERED_NO_STORE,
        NOT_REMEMBERED_SAVE_FAILED,
    )

    translated = {
        NOT_REMEMBERED_NO_STORE: QCoreApplication.translate(
            "App",
            "This computer has no credential store, so you will have to sign in again next time.",
        ),
        NOT_REMEMBERED_SAVE_FAILED: QCoreApplication.translate(
            "App",
            "Your sign-in could not be saved in the computer's credential store, "
            "so you will have to sign in again next time.",
        ),
        NOT_REMEMBERED_NO_REFRESH_TOKEN: QCoreApplication.translate(
            "App",
            "The sign-in service did not allow staying signed in, "
            "so you will have to sign in again next time.",
        ),
    }
    notice = getattr(session, "remember_notice", None)
    return translated.get(notice, notice) if notice else None


@dataclass
class StartOptions:
    """Start-up choices of this run, from the command line."""

    demo: bool = False
    reset_demo: bool = False
    demo_employees: int | None = None
    demo_dir: Path | None = None
    extra_notices: list[str] = field(default_factory=list)


class Shell(QObject):
    """Runs the app's windows: the start window until sign-in, then the main window, and back on sign-out."""

    def __init__(
        self,
        config: LoadedConfig,
        translations: Translations,
        options: StartOptions,
        *,
        crash_handler: CrashHandler | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.translations = translations
        self.options = options
        self.crash_handler = crash_handler
        self.start_window = StartWindow()
        self.main_window: Any = None
        self.context: AppContext | None = None
        self.environment: Environment | None = None
        self.oidc: OidcClient | None = None
        self.session: Any = None
        self.client: PrivilegesClient | None = None
        self.demo_launcher: DemoLauncher | None = None
        self._generation = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._session_secrets: dict[tuple[str, str], str] = {}

        self.start_window.environment_chosen.connect(self.choose_environment)
        self.start_window.language_chosen.connect(self.switch_language)

    # Start-up

    def start(self) -> None:
        """Show the start window and begin with the configured (or requested) environment."""
        from privadmin.demo import server_available

        window = self.start_window
        window.set_language(self.translations.language or "en")
        window.set_language_locked(self.config.is_locked("language"))
        environment_locked = self.config.is_locked("environment") and not self.options.demo
        window.set_environment_locked(environment_locked)
        window.set_environment_available(
            DEMO,
            server_available() or self.options.demo,
            QCoreApplication.translate(
                "App",
                "The demo is not part of this build. Use the demo build, or install privadmin with the server extra.",
            ),
        )
        window.show_notices(self.notices())
        window.show()

        # --environment is already in the settings as a command-line layer, where a lock applies to it.
        initial = DEMO if self.options.demo else self.config.settings.environment
        self.choose_environment(initial, save=False)

    def notices(self) -> list[str | Notice]:
        """Return the configuration messages (in English, as in the log) and the notices about this computer."""
        notices: list[str | Notice] = [str(message) for message in self.config.messages]
        notices += self.options.extra_notices
        if diagnostics.keyring_backend_name().endswith("(no credential store available)"):
            notices.append(NO_KEYRING_NOTICE)
        return notices

    def choose_environment(self, key: str, save: bool = True) -> None:
        """Switch to environment `key`: start the demo or prepare its sign-in page."""
        self._generation += 1
        generation = self._generation
        self.start_window.set_environment(key)
        diagnostics.current.environment_key = key
        diagnostics.current.environment = None
        self.environment = None
        self.start_window.clear_sign_in()
        self._close_oidc()
        log.info("Environment %s chosen", key)

        if save and key != DEMO and key != self.config.settings.environment:
            self._save_setting("environment", key)

        if key == DEMO:
            self.spawn(self._start_demo(generation))
            return
        try:
            environment = self.config.environment(key)
        except IncompleteEnvironmentError as error:
            log.warning("Environment %s cannot be used: %s", key, error)
            self.start_window.show_status(self._incomplete_text(error))
            return
        self._begin_sign_in(environment, generation)

    def _incomplete_text(self, error: IncompleteEnvironmentError) -> str:
        where = self.config.files[0].path
        return QCoreApplication.translate(
            "App",
            "This environment cannot be used yet: the setting {keys} is missing. "
            "Client ids are issued by Signaturgruppen to each organization, so your IT department "
            "sets them in {path} (see the deployment guide).",
        ).format(keys=", ".join(error.missing), path=where)

    async def _start_demo(self, generation: int) -> None:
        from privadmin.demo import DemoLauncher, DemoStartError, DemoUnavailableError

        if self.demo_launcher is None:
            kwargs: dict[str, Any] = {}
            if self.options.demo_employees is not None:
                kwargs["employees"] = self.options.demo_employees
            self.demo_launcher = DemoLauncher(self.options.demo_dir, **kwargs)
        launcher = self.demo_launcher
        diagnostics.current.demo = True

        steps = {
            "seeding": QCoreApplication.translate(
                "App", "Preparing the demo data. The first start takes a minute..."
            ),
            "starting": QCoreApplication.translate("App", "Starting the demo server..."),
        }
        self.start_window.show_status(steps["starting"], busy=True)

        def progress(step: str) -> None:
            if generation == self._generation:
                self.start_window.show_status(steps.get(step, step), busy=True)

        try:
            if launcher.server is not None:
                environment = _demo_environment(launcher)
            else:
                reset, self.options.reset_demo = self.options.reset_demo, False
                environment = await launcher.start(reset=reset, progress=progress)
        except DemoUnavailableError as error:
            self.start_window.show_status(
                QCoreApplication.translate(
                    "App",
                    "The demo is not part of this build.\n"
                    "Use the demo build of privadmin, or from a source checkout run:\n"
                    "pip install -e '.[server]' and then privadmin --demo",
                )
            )
            log.error("%s", error)
            return
        except DemoStartError as error:
            log.error("Demo could not start: %s", error)
            # Also on the terminal, where a person who typed privadmin --demo is looking.
            print(f"privadmin: the demo could not start: {error}", file=sys.stderr)
            self.start_window.show_status(
                QCoreApplication.translate("App", "The demo could not start: {error}").format(
                    error=error
                )
            )
            return
        if generation == self._generation:
            self._begin_sign_in(environment, generation)

    def _begin_sign_in(self, environment: Environment, generation: int) -> None:
        from privadmin.oidc import OidcClient, SessionStore

        self.environment = environment
        diagnostics.current.environment = environment
        self.oidc = OidcClient(environment, SessionStore(environment.key))
        self.spawn(self._restore_or_show_sign_in(generation))

    async def _restore_or_show_sign_in(self, generation: int) -> None:
        assert self.oidc is not None and self.environment is not None
        self.start_window.show_status(QCoreApplication.translate("App", "Signing in..."), busy=True)
        try:
            session = await self.oidc.restore_session()
        except Exception as error:  # noqa: BLE001 - a failed silent sign-in falls back to the sign-in page
            log.warning("Silent sign-in to %s failed: %s", self.environment.key, error)
            session = None
        if generation != self._generation:
            return
        if session is not None:
            log.info("Signed in silently to %s", self.environment.key)
            await self._open_main_window(session, generation)
        else:
            self.show_sign_in_page()

    def show_sign_in_page(self) -> None:
        from privadmin.views.signin import SignInPage

        assert self.oidc is not None and self.environment is not None
        page = SignInPage(
            self.oidc, self.environment, language=lambda: self.translations.language or "en"
        )
        generation = self._generation
        page.signed_in.connect(
            lambda session: self.spawn(self._open_main_window(session, generation))
        )
        self.start_window.show_sign_in(page)

    # Signed in

    async def _open_main_window(self, session: Any, generation: int) -> None:
        from privadmin.api_client import PrivilegesClient
        from privadmin.context import AppContext
        from privadmin.views.main_window import MainWindow

        environment = self.environment
        if environment is None or generation != self._generation:
            return
        token_source: TokenSource | None = session
        if environment.auth_mode is AuthMode.CLIENT_CREDENTIALS:
            token_source = await self._service_token_source(environment)
            if token_source is None:
                self.start_window.show_status(
                    QCoreApplication.translate(
                        "App",
                        "Signing in needs the API client secret of your organization. "
                        "Choose the environment again to enter it.",
                    )
                )
                return
        assert token_source is not None

        self.session = session
        self.client = PrivilegesClient(
            environment.api_base_url, token_source, user_agent=USER_AGENT
        )
        self.context = AppContext(
            environment=environment,
            client=self.client,
            caller_name=getattr(session, "name", None) or "",
            caller_identity_id=getattr(session, "identity_id", None),
            language=self.translations.language or "en",
            sign_out=self.sign_out,
            switch_language=self.switch_language,
            notice=remember_notice(session),
        )
        self.main_window = MainWindow(self.context)
        self.main_window.show()
        self.start_window.hide()
        self.start_window.clear_sign_in()
        log.info(
            "Main window opened for %s in %s", self.context.caller_identity_id, environment.key
        )

    async def _service_token_source(self, environment: Environment) -> TokenSource | None:
        """Build the client credentials token source, asking for the secret once when none is stored."""
        from privadmin.api_client import (
            ClientCredentialsTokenSource,
            CredentialStoreUnavailableError,
            discover_token_endpoint,
            load_api_client_secret,
            store_api_client_secret,
        )

        client_id = environment.api_client_id
        assert client_id is not None
        secret = self._session_secrets.get((environment.key, client_id))
        keyring_available = True
        if secret is None:
            try:
                secret = load_api_client_secret(environment.key, client_id)
            except CredentialStoreUnavailableError as error:
                log.warning("%s", error)
                keyring_available = False
        if secret is None:
            dialog = SecretDialog(client_id, keyring_available, self.start_window)
            future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

            def finished(result: int) -> None:
                if not future.done():
                    future.set_result(result)

            dialog.finished.connect(finished)
            dialog.open()
            if await future != QDialog.DialogCode.Accepted or not dialog.value():
                return None
            secret = dialog.value()
            if keyring_available:
                try:
                    store_api_client_secret(environment.key, client_id, secret)
                    log.info(
                        "Stored the secret of API client %s in the credential store", client_id
                    )
                except CredentialStoreUnavailableError as error:
                    log.warning("%s", error)
                    self._session_secrets[(environment.key, client_id)] = secret
            else:
                self._session_secrets[(environment.key, client_id)] = secret
        token_endpoint = await discover_token_endpoint(environment.issuer)
        return ClientCredentialsTokenSource(token_endpoint, client_id, secret)

    async def sign_out(self) -> None:
        """Sign out of the current session and return to the sign-in page."""
        # The main window starts this as one of its own tasks and cancels those when it
        # closes, so the work runs in a task of the shell that the cancellation cannot reach.
        await asyncio.shield(self.spawn(self._sign_out()))

    async def _sign_out(self) -> None:
        session, client, oidc = self.session, self.client, self.oidc
        self.session = self.client = self.context = None
        # Show the start window before closing the main one, or Qt quits on its last window.
        self.start_window.show()
        self.start_window.show_status(QCoreApplication.translate("App", "Signing out..."), busy=True)
        self._close_main_window()
        if oidc is not None and session is not None:
            try:
                await oidc.sign_out(session)
            except Exception as error:  # noqa: BLE001 - signing out locally goes on regardless
                log.warning("Signing out at the identity provider failed: %s", error)
        if client is not None:
            await client.aclose()
        log.info("Signed out")
        if self.environment is not None and self.oidc is oidc:
            self.show_sign_in_page()

    def _close_main_window(self) -> None:
        if self.main_window is not None:
            self.main_window.close()
            self.main_window.deleteLater()
            self.main_window = None

    # Language

    def switch_language(self, language: str) -> None:
        """Install `language`'s translators (widgets get LanguageChange) and remember the choice."""
        if language == self.translations.language:
            return
        if self.config.is_locked("language"):
            log.info("Language change to %s ignored: the language is locked", language)
            self.start_window.set_language(self.translations.language or "en")
            return
        self.translations.install(language)
        diagnostics.current.language = language
        self.start_window.set_language(language)
        if self.context is not None:
            self.context.language = language
        self._save_setting("language", language)

    def _save_setting(self, key: str, value: str) -> None:
        try:
            save_user_setting(self.config, key, value)
        except (SettingLockedError, OSError, ValueError) as error:
            log.warning("Could not save %s: %s", key, error)

    # Tasks and shutdown

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `coroutine` on the loop; an exception it raises goes to the crash handler at once."""
        task = (
            asyncio.get_running_loop().create_task(coroutine)
            if _loop_running()
            else asyncio.ensure_future(coroutine)
        )
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            if self.crash_handler is not None:
                self.crash_handler.handle(error, "task")
            else:
                log.error("Task failed", exc_info=error)

    def _close_oidc(self) -> None:
        if self.oidc is not None:
            self.spawn(self.oidc.aclose())
            self.oidc = None

    async def aclose(self) -> None:
        """Cancel running tasks, close the API and OpenID clients and stop the demo server."""
        for task in list(self._tasks):
            task.cancel()
        self._close_main_window()
        if self.oidc is not None:
            await self.oidc.aclose()
            self.oidc = None
        if self.client is not None:
            await self.client.aclose()
            self.client = None
        if self.demo_launcher is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.demo_launcher.stop)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _demo_environment(launcher: DemoLauncher) -> Environment:
    from privadmin.config.environment import demo_environment

    return demo_environment(launcher.server.base_url)


def ensure_display() -> str | None:
    """Fall back to the offscreen platform when Linux has no display; return the notice to show, if any."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        message = (
            "No display found (DISPLAY and WAYLAND_DISPLAY are not set): privadmin runs offscreen "
            "and its windows are not visible."
        )
        print(f"privadmin: {message}", file=sys.stderr)
        return message
    return None


def _quit_on_signal(qt_app: QApplication, number: int) -> None:
    log.info("Quitting on signal %d", number)
    qt_app.quit()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("privadmin")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("privadmin")
    return app


def run(config: LoadedConfig, options: StartOptions) -> int:
    """Run the app until its last window closes; return the exit code."""
    import qasync

    display_notice = ensure_display()
    if display_notice:
        options.extra_notices.append(display_notice)
    log_file = setup_logging(log_dir(), config.settings.log_level)
    log.info("privadmin %s starting (Python %s)", __version__, sys.version.split()[0])
    # A platform plugin that cannot load makes Qt abort inside QApplication, so the cause
    # is looked for and logged first, and Qt's own messages go to the log too.
    report_platform(check_platform())
    log_qt_messages()

    qt_app = create_application(sys.argv[:1])
    log.info("Qt platform plugin %s loaded", qt_app.platformName())
    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)

    crash_handler = CrashHandler(log_dir(), show_error_dialog)
    crash_handler.install(loop)

    translations = Translations()
    language = resolve_language(config.settings.language)
    translations.install(language)
    diagnostics.current = diagnostics.DiagnosticsState(
        config=config, log_file=log_file, language=language, demo=options.demo
    )

    shell = Shell(config, translations, options, crash_handler=crash_handler)
    closed = asyncio.Event()
    qt_app.aboutToQuit.connect(closed.set)
    # Ctrl+C in a terminal and a service manager's SIGTERM close the app as the window's close does.
    # Python runs signal handlers only between bytecodes, and Qt's loop may idle in C++ for
    # long, so a timer hands control to Python a few times a second.
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda number, _frame: _quit_on_signal(qt_app, number))
    signal_timer = QTimer()
    signal_timer.timeout.connect(lambda: None)
    signal_timer.start(250)
    with loop:
        loop.call_soon(shell.start)
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(shell.aclose())
    log.info("privadmin stopped")
    crash_handler.uninstall()
    return 0


def self_check(out: Any = None) -> int:
    """Start Qt offscreen, load translations and resources, import the app's modules; print a report."""
    import importlib

    from privadmin.resources import icons_dir, resources_dir

    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures: list[str] = []
    lines = [
        f"privadmin {__version__} self-check",
        f"Frozen build: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
    ]

    qt_app = create_application(sys.argv[:1])
    lines.append(f"Qt platform: {qt_app.platformName()}")
    lines.append(f"Resources: {resources_dir()}")
    if not icons_dir().is_dir():
        failures.append(f"icons folder missing: {icons_dir()}")

    translations = Translations()
    for language in ("da", "en"):
        loaded = translations.install(language)
        lines.append(
            f"Translations {language}: {', '.join(path.name for path in loaded) or 'none'}"
        )
        if not loaded:
            failures.append(f"no {language} translations loaded from {translations.directory}")
    translations.install("da")
    probe = QCoreApplication.translate("StartWindow", "Production")
    lines.append(f"Danish text for 'Production': {probe}")
    if probe == "Production":
        failures.append("the Danish translation of the start window is not in effect")

    for module in (
        "privadmin.views.start",
        "privadmin.views.signin",
        "privadmin.views.main_window",
        "privadmin.api_client",
        "privadmin.oidc",
        "privadmin.context",
        "privadmin.diagnostics",
    ):
        try:
            importlib.import_module(module)
        except Exception as error:  # noqa: BLE001 - every import failure is reported
            failures.append(f"import {module} failed: {type(error).__name__}: {error}")

    window = StartWindow()
    window.show()
    qt_app.processEvents()
    window.close()

    from privadmin.demo import server_available

    lines.append(f"Demo server included: {'yes' if server_available() else 'no'}")
    lines.append(f"Keyring backend: {diagnostics.keyring_backend_name()}")
    lines += [f"FAILED: {failure}" for failure in failures]
    lines.append("Self-check " + ("failed" if failures else "passed"))
    print("\n".join(lines), file=out)
    return 1 if failures else 0
