"""Layered settings: defaults, the managed file, the user's file, PRIVADMIN_* variables, the command line.

Each layer is flattened to dotted keys (``environments.production.client_id``)
and every value is validated on its own, so one invalid value costs only that
value: it is reported with the file, the key and what is expected, and the
value of the layer below it (or the default) stays in force.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from ipaddress import ip_address
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from privadmin.config.environment import (
    CUSTOM,
    DEFAULT_SCOPES,
    DEMO,
    PREPRODUCTION,
    PRIVILEGE_API_AUDIENCE,
    PRODUCTION,
    PUBLISHED_ENDPOINTS,
    AuthMode,
    Environment,
)
from privadmin.config.paths import managed_config_path, user_config_path

log = logging.getLogger("privadmin.config")

ENV_PREFIX = "PRIVADMIN_"
# Configurable environments; the demo's addresses are made at run time.
CONFIGURABLE_ENVIRONMENTS = (PRODUCTION, PREPRODUCTION, CUSTOM)
# Key names that suggest a secret. Such keys are rejected wherever they appear.
SECRET_KEY_PATTERN = re.compile(
    r"secret|password|passwd|passphrase|token|private_?key|credential|api_?key", re.IGNORECASE
)
JWT_VALUE_PATTERN = re.compile(r"^eyJ[\w-]+\.[\w-]+\.[\w-]*$")
IMPORT_SECRET_HINT = "privadmin --import-api-client-secret --client-id <API client id>"
SET_BY_IT = "set by your IT department"


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname:
        return value.rstrip("/")
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return value.rstrip("/")
    raise ValueError("not an https:// URL")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _check_scopes(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value or any(not scope or " " in scope for scope in value):
        raise ValueError("not a list of scopes")
    return value


Url = Annotated[str, AfterValidator(_check_url)]
NonEmpty = Annotated[str, Field(min_length=1, pattern=r"^\S+$")]
Scopes = Annotated[tuple[str, ...], AfterValidator(_check_scopes)]


class EnvironmentSettings(BaseModel):
    """Configured values of one environment; None falls back to the built-in value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    issuer: Url | None = None
    api_base_url: Url | None = None
    client_id: NonEmpty | None = None
    scopes: Scopes | None = None
    auth_mode: AuthMode = AuthMode.USER_TOKEN
    api_client_id: NonEmpty | None = None
    audience: NonEmpty | None = None


class Settings(BaseModel):
    """The effective settings after every layer is applied."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    environment: Literal["production", "preproduction", "demo", "custom"] = "production"
    # "system" follows the system locale: Danish for a Danish locale, English otherwise.
    language: Literal["system", "da", "en"] = "system"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    environments: dict[str, EnvironmentSettings] = Field(
        default_factory=lambda: {key: EnvironmentSettings() for key in CONFIGURABLE_ENVIRONMENTS}
    )


_URL_EXPECTED = "an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)"
_FIELD_EXPECTED = {
    "issuer": _URL_EXPECTED,
    "api_base_url": _URL_EXPECTED,
    "client_id": "a client id without spaces, as issued by Signaturgruppen",
    "scopes": 'a list of scopes, e.g. ["openid", "privilege_api"]',
    "auth_mode": 'one of "user_token", "client_credentials"',
    "api_client_id": "an API client id without spaces",
    "audience": "an audience without spaces",
}
_TOP_EXPECTED = {
    "environment": 'one of "production", "preproduction", "demo", "custom"',
    "language": 'one of "system", "da", "en"',
    "log_level": 'one of "DEBUG", "INFO", "WARNING", "ERROR"',
}


@dataclass(frozen=True)
class KeySpec:
    """A setting's dotted key, how to validate one value of it, and the words for what it expects."""

    key: str
    adapter: TypeAdapter[Any]
    expected: str

    @property
    def env_variable(self) -> str:
        return ENV_PREFIX + self.key.removeprefix("environments.").replace(".", "_").upper()


def _key_specs() -> dict[str, KeySpec]:
    specs: dict[str, KeySpec] = {}
    for name, expected in _TOP_EXPECTED.items():
        annotation: Any = Settings.model_fields[name].annotation
        specs[name] = KeySpec(name, TypeAdapter(annotation), expected)
    for environment in CONFIGURABLE_ENVIRONMENTS:
        for name, expected in _FIELD_EXPECTED.items():
            info = EnvironmentSettings.model_fields[name]
            annotation = info.annotation if not info.metadata else Annotated[info.annotation, *info.metadata]
            key = f"environments.{environment}.{name}"
            specs[key] = KeySpec(key, TypeAdapter(annotation), expected)
    return specs


KEYS: dict[str, KeySpec] = _key_specs()


@dataclass(frozen=True)
class ConfigMessage:
    """A problem found in one layer, naming where it is, the key and what was expected."""

    source: str
    key: str | None
    text: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.key}" if self.key else self.source
        return f"{where}: {self.text}"


@dataclass(frozen=True)
class ConfigFile:
    """A configuration file the app looked for."""

    path: Path
    role: Literal["managed", "user"]
    found: bool


@dataclass
class LoadedConfig:
    """The effective settings with where each came from, the locks and the problems found."""

    settings: Settings
    locked: frozenset[str]
    messages: list[ConfigMessage]
    files: list[ConfigFile]
    origins: dict[str, str] = field(default_factory=dict)

    def is_locked(self, key: str) -> bool:
        return is_locked(key, self.locked)

    @property
    def user_path(self) -> Path:
        return next(item.path for item in self.files if item.role == "user")

    def environment(self, key: str) -> Environment:
        """Build environment `key` from the settings.

        Raises IncompleteEnvironmentError naming the missing keys, and
        ValueError for the demo, whose addresses exist only while it runs.
        """
        if key == DEMO:
            raise ValueError("the demo environment is built by privadmin.demo while the demo server runs")
        configured = self.settings.environments.get(key, EnvironmentSettings())
        issuer, api_base_url = PUBLISHED_ENDPOINTS.get(key, (None, None))
        issuer = configured.issuer or issuer
        api_base_url = configured.api_base_url or api_base_url
        missing = [
            f"environments.{key}.{name}"
            for name, value in (("issuer", issuer), ("api_base_url", api_base_url), ("client_id", configured.client_id))
            if value is None
        ]
        if configured.auth_mode is AuthMode.CLIENT_CREDENTIALS and configured.api_client_id is None:
            missing.append(f"environments.{key}.api_client_id")
        if missing:
            raise IncompleteEnvironmentError(key, missing)
        assert issuer is not None
        assert api_base_url is not None
        assert configured.client_id is not None
        return Environment(
            key=key,
            issuer=issuer,
            api_base_url=api_base_url,
            client_id=configured.client_id,
            scopes=configured.scopes or DEFAULT_SCOPES,
            auth_mode=configured.auth_mode,
            api_client_id=configured.api_client_id,
            audience=configured.audience or PRIVILEGE_API_AUDIENCE,
        )


class IncompleteEnvironmentError(Exception):
    """An environment lacks settings that have no built-in value (such as the client id)."""

    def __init__(self, environment_key: str, missing: Sequence[str]) -> None:
        self.environment_key = environment_key
        self.missing = list(missing)
        super().__init__(f"environment {environment_key!r} is missing {', '.join(self.missing)}")


class SettingLockedError(Exception):
    """The user tried to change a setting that the managed configuration locks."""


def is_locked(key: str, locked: Iterable[str]) -> bool:
    """Tell whether `key` is locked itself or through a locked section such as ``environments.custom``."""
    return any(key == entry or key.startswith(entry + ".") for entry in locked)


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Turn nested TOML tables into dotted keys; arrays and scalars are values."""
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


def _read_toml(path: Path, messages: list[ConfigMessage]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError:
        return None
    except tomllib.TOMLDecodeError as error:
        messages.append(ConfigMessage(str(path), None, f"is not valid TOML ({error}); the whole file is ignored"))
    except OSError as error:
        messages.append(ConfigMessage(str(path), None, f"cannot be read ({error.strerror}); the whole file is ignored"))
    return {}


def _looks_secret(key: str, value: Any) -> bool:
    last = key.rsplit(".", 1)[-1]
    if SECRET_KEY_PATTERN.search(last):
        return True
    return isinstance(value, str) and JWT_VALUE_PATTERN.match(value) is not None


def _locked_entries(raw: Any, source: str, messages: list[ConfigMessage]) -> set[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        messages.append(ConfigMessage(source, "locked", 'expected a list of keys, e.g. locked = ["environment"]'))
        return set()
    entries: set[str] = set()
    for entry in raw:
        if entry in KEYS or any(key.startswith(entry + ".") for key in KEYS):
            entries.add(entry)
        else:
            messages.append(ConfigMessage(source, "locked", f"names unknown key {entry!r}, which is ignored"))
    return entries


def _split_scopes(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(part for part in re.split(r"[\s,]+", value) if part)
    return value


class _Layers:
    """Applies one layer after another to the flat values, reporting what it rejects."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.origins: dict[str, str] = {}
        self.locked: set[str] = set()
        self.messages: list[ConfigMessage] = []

    def apply(self, source: str, values: Mapping[str, Any], *, managed: bool = False) -> None:
        for key, value in values.items():
            if _looks_secret(key, value):
                self.messages.append(ConfigMessage(
                    source, key,
                    "looks like a secret, and secrets never go in a configuration file; the key is ignored. "
                    f"Keep an API client secret in the OS credential store: {IMPORT_SECRET_HINT}",
                ))
                continue
            spec = KEYS.get(key)
            if spec is None:
                self.messages.append(ConfigMessage(source, key, "is not a known setting and is ignored"))
                continue
            if not managed and is_locked(key, self.locked):
                self.messages.append(ConfigMessage(
                    source, key, f"is locked ({SET_BY_IT}); the value here is ignored"))
                continue
            if key.endswith(".scopes"):
                value = _split_scopes(value)
            try:
                checked = spec.adapter.validate_python(value)
            except PydanticValidationError:
                fallback = self.values.get(key, _default_of(key))
                self.messages.append(ConfigMessage(
                    source, key,
                    f"invalid value {value!r}: expected {spec.expected}; using {_describe(fallback)} instead",
                ))
                continue
            self.values[key] = checked
            self.origins[key] = source

    def settings(self) -> Settings:
        top = {key: value for key, value in self.values.items() if "." not in key}
        environments: dict[str, dict[str, Any]] = {key: {} for key in CONFIGURABLE_ENVIRONMENTS}
        for key, value in self.values.items():
            if key.startswith("environments."):
                _, environment, name = key.split(".")
                environments[environment][name] = value
        return Settings(
            **top,
            environments={key: EnvironmentSettings(**values) for key, values in environments.items()},
        )


def _default_of(key: str) -> Any:
    if "." not in key:
        return Settings.model_fields[key].default
    _, environment, name = key.split(".")
    published = PUBLISHED_ENDPOINTS.get(environment)
    if published and name in ("issuer", "api_base_url"):
        return published[0] if name == "issuer" else published[1]
    if name == "scopes":
        return DEFAULT_SCOPES
    if name == "audience":
        return PRIVILEGE_API_AUDIENCE
    return EnvironmentSettings.model_fields[name].default


def _describe(value: Any) -> str:
    if value is None:
        return "no value"
    if isinstance(value, AuthMode):
        return repr(value.value)
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(value)


def environment_variables(environ: Mapping[str, str]) -> tuple[dict[str, str], list[ConfigMessage]]:
    """Pick the settings out of PRIVADMIN_* variables; a secret-looking variable is reported."""
    by_variable = {spec.env_variable: spec.key for spec in KEYS.values()}
    values: dict[str, str] = {}
    messages: list[ConfigMessage] = []
    for variable, value in environ.items():
        if not variable.startswith(ENV_PREFIX):
            continue
        if variable in by_variable:
            values[by_variable[variable]] = value
        elif SECRET_KEY_PATTERN.search(variable.removeprefix(ENV_PREFIX)):
            messages.append(ConfigMessage(
                f"environment variable {variable}", None,
                f"looks like a secret, which privadmin never reads from its settings. Use: {IMPORT_SECRET_HINT}",
            ))
    return values, messages


def parse_assignments(assignments: Sequence[str]) -> tuple[dict[str, str], list[ConfigMessage]]:
    """Parse ``KEY=VALUE`` pairs given with ``--set`` on the command line."""
    values: dict[str, str] = {}
    messages: list[ConfigMessage] = []
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        if not sep or not key.strip():
            messages.append(ConfigMessage("command line", None, f"--set {assignment!r}: expected KEY=VALUE"))
            continue
        values[key.strip()] = value.strip()
    return values, messages


def load_config(
    *,
    command_line: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    managed_path: Path | None = None,
    user_path: Path | None = None,
) -> LoadedConfig:
    """Read every layer and return the effective settings.

    An unreadable file or an invalid value becomes an entry in `messages`, and
    the setting keeps its safe default, so bad content does not stop the app.
    """
    managed_path = managed_path or managed_config_path()
    user_path = user_path or user_config_path()
    layers = _Layers()
    files: list[ConfigFile] = []

    managed = _read_toml(managed_path, layers.messages)
    files.append(ConfigFile(managed_path, "managed", managed is not None))
    if managed:
        managed = dict(managed)
        locked_raw = managed.pop("locked", [])
        layers.apply(str(managed_path), flatten(managed), managed=True)
        layers.locked = _locked_entries(locked_raw, str(managed_path), layers.messages)

    user = _read_toml(user_path, layers.messages)
    files.append(ConfigFile(user_path, "user", user is not None))
    if user:
        user = dict(user)
        if "locked" in user:
            user.pop("locked")
            layers.messages.append(ConfigMessage(
                str(user_path), "locked", f"only the managed file ({managed_path}) can lock settings; ignored"))
        layers.apply(str(user_path), flatten(user))

    variables, variable_messages = environment_variables(os.environ if environ is None else environ)
    layers.messages.extend(variable_messages)
    for key, value in variables.items():
        layers.apply(f"environment variable {KEYS[key].env_variable}", {key: value})

    if command_line:
        layers.apply("command line", command_line)

    for message in layers.messages:
        log.warning("Configuration: %s", message)
    return LoadedConfig(
        settings=layers.settings(),
        locked=frozenset(layers.locked),
        messages=layers.messages,
        files=files,
        origins=layers.origins,
    )


def save_user_setting(config: LoadedConfig, key: str, value: Any) -> None:
    """Store one setting in the user's file, keeping what else it holds.

    Raises SettingLockedError when the managed file locks `key`, KeyError for
    an unknown key, ValueError for an invalid value and OSError when the file
    cannot be written.
    """
    if config.is_locked(key):
        raise SettingLockedError(f"{key} is {SET_BY_IT} and cannot be changed here")
    spec = KEYS[key]
    try:
        checked = spec.adapter.validate_python(value)
    except PydanticValidationError as error:
        raise ValueError(f"invalid value {value!r} for {key}: expected {spec.expected}") from error

    path = config.user_path
    existing: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as stream:
            existing = tomllib.load(stream)
    table = existing
    *parents, last = key.split(".")
    for part in parents:
        table = table.setdefault(part, {})
    table[last] = checked.value if isinstance(checked, AuthMode) else checked

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(dump_toml(existing), encoding="utf-8")
    temporary.replace(path)
    log.info("Saved %s in %s", key, path)


def dump_toml(table: Mapping[str, Any]) -> str:
    """Write strings, numbers, booleans, lists of them and nested tables as TOML."""
    lines: list[str] = []
    _dump_table(table, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _dump_table(table: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    scalars = {key: value for key, value in table.items() if not isinstance(value, Mapping)}
    tables = {key: value for key, value in table.items() if isinstance(value, Mapping)}
    if path and scalars:
        lines.append("")
        lines.append("[" + ".".join(_toml_key(part) for part in path) + "]")
    for key, value in scalars.items():
        lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in tables.items():
        _dump_table(value, [*path, key], lines)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
