"""EmbeddedServer: privserver in a background thread of this process, for the demo mode and tests."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import uvicorn

from privserver.config import DEFAULT_AUDIENCE, Settings
from privserver.server import IDP_PATH, bind_socket, build_app, build_idp_app, url_host

if TYPE_CHECKING:
    from privserver.demo_idp import DemoIdentityProvider, Lifetimes

log = logging.getLogger("privserver.embedded")

_START_TIMEOUT_SECONDS = 30.0
_STOP_TIMEOUT_SECONDS = 10.0


class EmbeddedServer:
    """privserver (API, and the demo identity provider at /idp) served by uvicorn in a background thread.

    `port=0` picks a free port; a given port is used as is, and start() fails
    if it is taken. `serve_api=False` serves the identity provider alone.
    Usable as a context manager.
    """

    def __init__(
        self,
        database_url: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        demo_idp: bool = True,
        audience: str = DEFAULT_AUDIENCE,
        issuer: str | None = None,
        idp_lifetimes: Lifetimes | None = None,
        idp_clock: Callable[[], float] | None = None,
        serve_api: bool = True,
        log_level: str = "warning",
    ) -> None:
        if not serve_api and not demo_idp:
            raise ValueError("an EmbeddedServer needs the API, the demo identity provider or both")
        if not demo_idp and not issuer:
            raise ValueError(
                "an EmbeddedServer without the demo identity provider needs issuer=URL"
            )
        self.database_url = database_url
        self.host = host
        self.port = port
        self.demo_idp = demo_idp
        self.audience = audience
        self._issuer = issuer
        self._idp_lifetimes = idp_lifetimes
        self._idp_clock = idp_clock
        self._serve_api = serve_api
        self._log_level = log_level
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._app: Any = None

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def api_base_url(self) -> str:
        return self.base_url

    @property
    def issuer(self) -> str:
        if self.demo_idp:
            return self.base_url + IDP_PATH
        assert self._issuer is not None
        return self._issuer

    @property
    def identity_provider(self) -> DemoIdentityProvider:
        """The running demo identity provider (for key rotation in tests)."""
        if self._app is None or not self.demo_idp:
            raise RuntimeError("the embedded server is not running with the demo identity provider")
        provider: DemoIdentityProvider = self._app.state.demo_idp
        return provider

    def start(self) -> None:
        """Start serving and return once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError(f"the embedded server at {self.base_url} is already running")

        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        try:
            settings = Settings(
                database_url=self.database_url,
                audience=self.audience,
                public_base_url=self.base_url,
                issuer=self.issuer,
            )
            if self._serve_api:
                self._app = build_app(
                    settings,
                    demo_idp=self.demo_idp,
                    idp_lifetimes=self._idp_lifetimes,
                    idp_clock=self._idp_clock,
                )
            else:
                self._app = build_idp_app(
                    settings, idp_lifetimes=self._idp_lifetimes, idp_clock=self._idp_clock
                )
        except BaseException:
            sock.close()
            raise

        config = uvicorn.Config(
            self._app, log_level=self._log_level, lifespan="on", access_log=False
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name=f"privserver-{self.port}",
            daemon=True,
        )
        self._server, self._thread = server, thread
        thread.start()

        deadline = time.monotonic() + _START_TIMEOUT_SECONDS
        while not server.started:
            if not thread.is_alive():
                self._reset()
                sock.close()
                raise RuntimeError(
                    f"the embedded server on {self.base_url} stopped during start-up; see the log"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(
                    f"the embedded server on {self.base_url} did not start within {_START_TIMEOUT_SECONDS:.0f} s"
                )
            time.sleep(0.02)
        log.info(
            "Embedded privserver started at %s (demo identity provider: %s)",
            self.base_url,
            self.demo_idp,
        )

    def stop(self) -> None:
        """Shut down gracefully and wait for the thread to end; harmless when not running."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(_STOP_TIMEOUT_SECONDS)
        if thread.is_alive():
            log.warning(
                "Embedded privserver at %s did not stop within %.0f s; forcing it",
                self.base_url,
                _STOP_TIMEOUT_SECONDS,
            )
            server.force_exit = True
            thread.join(_STOP_TIMEOUT_SECONDS)
        self._reset()
        log.info("Embedded privserver at %s stopped", self.base_url)

    def _reset(self) -> None:
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
