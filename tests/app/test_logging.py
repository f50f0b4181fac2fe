"""Log redaction: tokens and secrets never reach the log file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from privadmin.logging_setup import REDACTED, last_log_lines, redact, setup_logging

JWT = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhYmMiLCJzY29wZSI6InByaXZpbGVnZV9hcGkifQ.MEUCIQDx-_sig"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"token {JWT} received", JWT),
        ("Authorization: Bearer opaque-token.value_123", "opaque-token.value_123"),
        ("grant_type=refresh_token&refresh_token=rt-abc123&client_id=x", "rt-abc123"),
        ('{"refresh_token": "rt-json-value", "expires_in": 600}', "rt-json-value"),
        ('{"access_token":"plain-access"}', "plain-access"),
        ("client_secret=hunter2&scope=privilege_api", "hunter2"),
        ("GET /callback?code=auth-code-1&state=s HTTP/1.1", "auth-code-1"),
        ("code_verifier=verifier-xyz", "verifier-xyz"),
    ],
)
def test_redact_removes_secret(text: str, secret: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert REDACTED in redacted


def test_redact_keeps_ordinary_text() -> None:
    text = "HTTP status code: 404 for DK12345678 identity 1f0e8c9a-5a43-4c63-9c5e-000000000001"
    assert redact(text) == text


def test_log_file_holds_no_token(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path, "DEBUG")
    assert log_file == tmp_path / "privadmin.log"
    logger = logging.getLogger("privadmin.oidc")
    logger.info("Refreshed with %s", {"refresh_token": "rt-secret-1", "access_token": JWT})
    logger.warning("Header Bearer %s rejected", "bearer-secret-2")
    try:
        raise ValueError(f"server returned {JWT}")
    except ValueError:
        logger.exception("Token request failed for client %s", "privadmin-desktop")
    logging.getLogger("httpx").info("HTTP Request: GET http://127.0.0.1/callback?code=code-secret-3&state=s")
    for handler in logging.getLogger().handlers:
        handler.flush()

    content = log_file.read_text(encoding="utf-8")
    for secret in ("rt-secret-1", JWT, "bearer-secret-2", "code-secret-3"):
        assert secret not in content
    assert "Token request failed for client privadmin-desktop" in content
    assert "ValueError: server returned [REDACTED]" in content
    assert "privadmin.oidc" in content


def test_last_log_lines_redacts_old_lines(tmp_path: Path) -> None:
    log_file = tmp_path / "privadmin.log"
    log_file.write_text("\n".join([f"line {index}" for index in range(10)] + [f"old {JWT}"]), encoding="utf-8")
    lines = last_log_lines(log_file, 3)
    assert lines == ["line 8", "line 9", f"old {REDACTED}"]


def test_unwritable_log_dir_falls_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert setup_logging(blocker / "logs") is None
    assert "cannot write logs" in capsys.readouterr().err


@pytest.fixture(autouse=True)
def restore_logging() -> object:
    yield
    setup_logging_handlers = [h for h in logging.getLogger().handlers if getattr(h, "privadmin_handler", False)]
    for handler in setup_logging_handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()
