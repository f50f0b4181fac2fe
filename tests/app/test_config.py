"""Layered settings: precedence, locking, invalid values, secret-looking keys and saving."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from privadmin.config.environment import AuthMode
from privadmin.config.settings import (
    IncompleteEnvironmentError,
    SettingLockedError,
    dump_toml,
    load_config,
    save_user_setting,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, managed: str | None = None, user: str | None = None,
         environ: dict[str, str] | None = None, command_line: dict[str, str] | None = None):
    managed_path = tmp_path / "managed.toml"
    user_path = tmp_path / "user.toml"
    if managed is not None:
        write(managed_path, managed)
    if user is not None:
        write(user_path, user)
    return load_config(managed_path=managed_path, user_path=user_path, environ=environ or {},
                       command_line=command_line)


def test_defaults_without_files(tmp_path: Path) -> None:
    config = load(tmp_path)
    assert config.settings.environment == "production"
    assert config.settings.language == "system"
    assert config.messages == []
    assert [item.found for item in config.files] == [False, False]


def test_layers_apply_in_order(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        managed='environment = "preproduction"\nlog_level = "WARNING"\n[environments.preproduction]\nclient_id = "it"\n',
        user='log_level = "DEBUG"\nlanguage = "en"\n[environments.preproduction]\nclient_id = "user"\n',
        environ={"PRIVADMIN_LANGUAGE": "da", "PRIVADMIN_PREPRODUCTION_CLIENT_ID": "variable"},
        command_line={"environments.preproduction.client_id": "command"},
    )
    assert config.settings.environment == "preproduction"
    assert config.settings.log_level == "DEBUG"
    assert config.settings.language == "da"
    assert config.settings.environments["preproduction"].client_id == "command"
    assert config.origins["language"] == "environment variable PRIVADMIN_LANGUAGE"
    assert config.origins["environments.preproduction.client_id"] == "command line"
    assert config.messages == []


def test_locked_keys_ignore_user_variable_and_command_line(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        managed='environment = "preproduction"\nlocked = ["environment", "environments.preproduction"]\n'
                '[environments.preproduction]\nclient_id = "it-desktop"\n',
        user='environment = "custom"\n[environments.preproduction]\nclient_id = "mine"\n',
        environ={"PRIVADMIN_ENVIRONMENT": "production"},
        command_line={"environments.preproduction.scopes": "openid"},
    )
    assert config.settings.environment == "preproduction"
    assert config.settings.environments["preproduction"].client_id == "it-desktop"
    assert config.settings.environments["preproduction"].scopes is None
    assert config.is_locked("environment")
    assert config.is_locked("environments.preproduction.scopes")
    assert not config.is_locked("language")
    texts = [str(message) for message in config.messages]
    assert len(texts) == 4
    assert all("set by your IT department" in text for text in texts)
    assert any(str(tmp_path / "user.toml") in text and "environment:" in text for text in texts)


def test_lock_without_value_keeps_default(tmp_path: Path) -> None:
    config = load(tmp_path, managed='locked = ["language"]\n', user='language = "en"\n')
    assert config.settings.language == "system"
    assert config.is_locked("language")


def test_invalid_value_names_file_key_expected(tmp_path: Path) -> None:
    config = load(tmp_path, user='language = "fr"\nenvironment = "staging"\n'
                                 '[environments.custom]\nissuer = "http://idp.example.com"\n')
    user_file = str(tmp_path / "user.toml")
    by_key = {message.key: message for message in config.messages}
    assert set(by_key) == {"language", "environment", "environments.custom.issuer"}
    assert all(message.source == user_file for message in config.messages)
    assert 'expected one of "system", "da", "en"' in by_key["language"].text
    assert "'fr'" in by_key["language"].text
    assert 'expected one of "production", "preproduction", "demo", "custom"' in by_key["environment"].text
    assert "https://" in by_key["environments.custom.issuer"].text
    assert config.settings.language == "system"
    assert config.settings.environment == "production"
    assert config.settings.environments["custom"].issuer is None


def test_invalid_value_keeps_lower_layer(tmp_path: Path) -> None:
    config = load(tmp_path, managed='log_level = "WARNING"\n', user='log_level = "LOUD"\n')
    assert config.settings.log_level == "WARNING"
    assert "using 'WARNING' instead" in config.messages[0].text


def test_unparsable_file_is_reported_and_skipped(tmp_path: Path) -> None:
    config = load(tmp_path, managed='environment = "preproduction"\n', user="language = \n")
    assert config.settings.environment == "preproduction"
    assert len(config.messages) == 1
    assert config.messages[0].source == str(tmp_path / "user.toml")
    assert "not valid TOML" in config.messages[0].text


def test_unknown_key_reported(tmp_path: Path) -> None:
    config = load(tmp_path, user='colour = "blue"\n')
    assert config.messages[0].key == "colour"
    assert "not a known setting" in config.messages[0].text


@pytest.mark.parametrize("key", ["client_secret", "api_client_secret", "refresh_token", "password"])
def test_secret_looking_key_rejected(tmp_path: Path, key: str) -> None:
    config = load(tmp_path, managed=f'[environments.production]\nclient_id = "desk"\n{key} = "s3cr3t"\n')
    assert config.settings.environments["production"].client_id == "desk"
    assert len(config.messages) == 1
    message = config.messages[0]
    assert message.key == f"environments.production.{key}"
    assert "secret" in message.text
    assert "--import-api-client-secret" in message.text
    assert "s3cr3t" not in str(message)


def test_token_value_rejected(tmp_path: Path) -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
    config = load(tmp_path, user=f'[environments.custom]\nclient_id = "{token}"\n')
    assert config.settings.environments["custom"].client_id is None
    assert "secret" in config.messages[0].text
    assert token not in str(config.messages[0])


def test_secret_variable_reported(tmp_path: Path) -> None:
    config = load(tmp_path, environ={"PRIVADMIN_API_CLIENT_SECRET": "x"})
    assert config.messages[0].source == "environment variable PRIVADMIN_API_CLIENT_SECRET"


def test_only_managed_file_locks(tmp_path: Path) -> None:
    config = load(tmp_path, user='locked = ["language"]\n')
    assert not config.is_locked("language")
    assert config.messages[0].key == "locked"


def test_published_environments_need_client_id(tmp_path: Path) -> None:
    config = load(tmp_path)
    with pytest.raises(IncompleteEnvironmentError) as raised:
        config.environment("production")
    assert raised.value.missing == ["environments.production.client_id"]


def test_environment_built_from_settings(tmp_path: Path) -> None:
    config = load(tmp_path, managed=(
        '[environments.production]\nclient_id = "acme"\nauth_mode = "client_credentials"\napi_client_id = "acme-api"\n'
        '[environments.custom]\nissuer = "http://127.0.0.1:8765/idp"\napi_base_url = "http://127.0.0.1:8765/"\n'
        'client_id = "privadmin-desktop"\nscopes = "openid privilege_api"\n'))
    production = config.environment("production")
    assert production.issuer == "https://netseidbroker.dk/op"
    assert production.api_url == "https://netseidbroker.dk/privileges-api/api/v1"
    assert production.auth_mode is AuthMode.CLIENT_CREDENTIALS
    assert production.api_client_id == "acme-api"
    custom = config.environment("custom")
    assert custom.api_base_url == "http://127.0.0.1:8765"
    assert custom.scopes == ("openid", "privilege_api")


def test_client_credentials_needs_api_client_id(tmp_path: Path) -> None:
    config = load(tmp_path, managed='[environments.preproduction]\nclient_id = "a"\nauth_mode = "client_credentials"\n')
    with pytest.raises(IncompleteEnvironmentError) as raised:
        config.environment("preproduction")
    assert raised.value.missing == ["environments.preproduction.api_client_id"]


def test_save_user_setting_keeps_other_values(tmp_path: Path) -> None:
    config = load(tmp_path, user='log_level = "DEBUG"\n[environments.custom]\nclient_id = "x"\n')
    save_user_setting(config, "language", "da")
    save_user_setting(config, "environments.custom.scopes", ["openid", "privilege_api"])
    with (tmp_path / "user.toml").open("rb") as stream:
        saved = tomllib.load(stream)
    assert saved == {"log_level": "DEBUG", "language": "da",
                     "environments": {"custom": {"client_id": "x", "scopes": ["openid", "privilege_api"]}}}
    reloaded = load(tmp_path)
    assert reloaded.settings.language == "da"


def test_save_locked_setting_raises(tmp_path: Path) -> None:
    config = load(tmp_path, managed='locked = ["language"]\n')
    with pytest.raises(SettingLockedError, match="IT department"):
        save_user_setting(config, "language", "en")
    assert not (tmp_path / "user.toml").exists()


def test_save_invalid_value_raises(tmp_path: Path) -> None:
    config = load(tmp_path)
    with pytest.raises(ValueError, match="expected one of"):
        save_user_setting(config, "language", "klingon")


def test_dump_toml_round_trip() -> None:
    table = {"a": "x \"quoted\" \\ back", "n": 3, "flag": True, "list": ["p", "q"],
             "environments": {"custom": {"issuer": "https://x"}, "production": {"client_id": "y"}}}
    assert tomllib.loads(dump_toml(table)) == table
