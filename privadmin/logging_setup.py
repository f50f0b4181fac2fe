"""Logging to a rotating file in the platform's log directory, with tokens redacted."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from collections import deque
from pathlib import Path

LOG_FILE_NAME = "privadmin.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
REDACTED = "[REDACTED]"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,3}")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+)[A-Za-z0-9._~+/=-]+")
# key=value, key: value, "key": "value" for the names OAuth uses for secrets; also matches
# them inside URL query strings and form bodies.
_NAMED_SECRET = re.compile(
    r"(?i)([\"']?\b(?:access_token|refresh_token|id_token|client_secret|code_verifier|password|"
    r"secret|assertion|client_assertion)[\"']?)(\s*[=:]\s*[\"']?)([^\s\"'&,;}]+)"
)
# An authorization code in a redirect URL or a token request body.
_CODE_PARAMETER = re.compile(r"(?i)((?:^|[?&\s])code=)[^&\s#\"]+")


def redact(text: str) -> str:
    """Replace JWTs, bearer tokens and named token or secret values in `text` with a marker."""
    text = _JWT.sub(REDACTED, text)
    text = _BEARER.sub(lambda match: f"{match.group(1)}{match.group(2)}{REDACTED}", text)
    text = _NAMED_SECRET.sub(lambda match: f"{match.group(1)}{match.group(2)}{REDACTED}", text)
    return _CODE_PARAMETER.sub(lambda match: f"{match.group(1)}{REDACTED}", text)


class RedactingFilter(logging.Filter):
    """Redacts the formatted message, exception text and stack of every record it passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(log_dir: Path, level: str = "INFO", *, console: bool = False) -> Path | None:
    """Send privadmin's logs to `log_dir`/privadmin.log, rotating at about 1 MB.

    Returns the log file, or None when the directory cannot be created (then
    logs go to standard error only). Calling it again replaces the handlers.
    """
    # Handlers sit on the root logger so that httpx's and uvicorn's records are kept and
    # redacted too; privadmin's own loggers follow the configured level.
    logging.getLogger("privadmin").setLevel(level)
    root = logging.getLogger()
    root.setLevel(min(logging.INFO, logging.getLevelName(level)))
    for handler in list(root.handlers):
        if getattr(handler, "privadmin_handler", False):
            root.removeHandler(handler)
            handler.close()

    redacting = RedactingFilter()
    formatter = logging.Formatter(LOG_FORMAT)
    file_path = log_dir / LOG_FILE_NAME
    path: Path | None = file_path
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            file_path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as error:
        print(f"privadmin: cannot write logs to {log_dir} ({error.strerror}); logging to standard error",
              file=sys.stderr)
        file_handler = logging.StreamHandler(sys.stderr)
        path = None
    handlers = [file_handler]
    if console and path is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.addFilter(redacting)
        handler.setFormatter(formatter)
        handler.privadmin_handler = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path


def last_log_lines(log_file: Path | None, count: int = 200) -> list[str]:
    """Return the last `count` lines of the log file, redacted again in case an older version wrote them."""
    if log_file is None or not log_file.exists():
        return []
    with log_file.open(encoding="utf-8", errors="replace") as stream:
        return [redact(line.rstrip("\n")) for line in deque(stream, maxlen=count)]
