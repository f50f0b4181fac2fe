"""The privserver command line: serve-idp, rotate-keys, migrate, seed, grant-role, add-api-client, openapi."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect

from privserver.cli import main
from privserver.db.engine import make_engine, make_session_factory
from privserver.db.models import ApiClient
from privserver.domain.caller import Caller, roles_in
from privserver.domain.secrets import verify_secret
from privserver.domain.values import Role


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def test_migrate(tmp_path: Path) -> None:
    assert main(["migrate", "--database", _url(tmp_path)]) == 0

    assert "privileges" in inspect(make_engine(_url(tmp_path))).get_table_names()


def test_seed_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["seed", "--demo", "--database", _url(tmp_path), "--employees", "30", "--json"]) == 0
    )

    report = json.loads(capsys.readouterr().out)
    assert report["employeeCount"] == 30
    assert report["desktopClient"]["clientId"] == "privadmin-desktop"


def test_seed_summary_without_secrets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["seed", "--demo", "--database", _url(tmp_path), "--employees", "10"]) == 0

    output = capsys.readouterr().out
    assert "10 employees" in output
    assert "clientSecret" not in output


def test_add_api_client_and_grant_role(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_url = _url(tmp_path)
    main(["seed", "--demo", "--database", database_url, "--employees", "0"])
    capsys.readouterr()

    assert (
        main(
            [
                "add-api-client",
                "--database",
                database_url,
                "--tin",
                "DK41000001",
                "--client-id",
                "aeroe-sync",
                "--role",
                "PrivilegeAssigner",
            ]
        )
        == 0
    )
    secret = capsys.readouterr().out.strip()
    assert (
        main(
            [
                "grant-role",
                "--database",
                database_url,
                "--tin",
                "DK41000001",
                "--api-client",
                "aeroe-sync",
                "--role",
                "AdministratorManager",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "grant-role",
                "--database",
                database_url,
                "--tin",
                "DK41000002",
                "--identity",
                "mitid_erhverv:0B5C4F1E-3A1D-4C2B-9E8F-7A6B5C4D3E2F",
                "--role",
                "PrivilegeAssigner",
            ]
        )
        == 0
    )

    with make_session_factory(make_engine(database_url))() as session:
        assert verify_secret(secret, session.get(ApiClient, "aeroe-sync").secret_hash)
        assert roles_in(session, Caller.api_client("aeroe-sync"), "DK41000001") == {
            Role.PRIVILEGE_ASSIGNER,
            Role.ADMINISTRATOR_MANAGER,
        }
        person = Caller.person("mitid_erhverv", "0b5c4f1e-3a1d-4c2b-9e8f-7a6b5c4d3e2f")
        assert roles_in(session, person, "DK41000002") == {Role.PRIVILEGE_ASSIGNER}


def test_bad_input_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_url = _url(tmp_path)
    main(["migrate", "--database", database_url])

    assert (
        main(
            [
                "grant-role",
                "--database",
                database_url,
                "--tin",
                "DK123",
                "--api-client",
                "x",
                "--role",
                "PrivilegeAssigner",
            ]
        )
        == 1
    )
    assert "'DK123' is invalid" in capsys.readouterr().err
    assert (
        main(
            [
                "grant-role",
                "--database",
                database_url,
                "--tin",
                "DK12345678",
                "--api-client",
                "x",
                "--role",
                "PrivilegeAssigner",
            ]
        )
        == 1
    )
    assert "DK12345678 is not known" in capsys.readouterr().err
    assert main(["serve", "--database", database_url]) == 2
    assert "no issuer" in capsys.readouterr().err


def test_openapi_command(tmp_path: Path) -> None:
    output = tmp_path / "openapi.json"

    assert main(["openapi", "--output", str(output)]) == 0

    assert output.read_text(encoding="utf-8") == (
        Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
    ).read_text(encoding="utf-8")


@pytest.mark.subprocess
def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "privserver", "migrate", "--database", _url(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "newest schema" in result.stderr


def test_rotate_keys_keeps_old_key(tmp_path: Path) -> None:
    from privserver.db.models import IdpSigningKey

    url = _url(tmp_path)
    assert main(["rotate-keys", "--database", url]) == 0
    assert main(["rotate-keys", "--database", url, "--alg", "RS256"]) == 0

    with make_session_factory(make_engine(url))() as session:
        keys = session.query(IdpSigningKey).all()
    signing = [key for key in keys if key.active]
    published = [key for key in keys if key.retired is None]
    assert len(signing) == 1
    assert len(published) >= 2


@pytest.mark.subprocess
def test_serve_idp_alone(tmp_path: Path) -> None:
    import socket
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "privserver", "serve-idp", "--port", str(port)]
    command += ["--database", _url(tmp_path)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        discovery = None
        deadline = time.monotonic() + 60
        while discovery is None and time.monotonic() < deadline:
            try:
                discovery = httpx.get(
                    f"http://127.0.0.1:{port}/idp/.well-known/openid-configuration", timeout=2
                )
            except httpx.TransportError:
                time.sleep(0.2)
        assert discovery is not None, "serve-idp did not start listening within 60 s"
        assert discovery.status_code == 200
        assert discovery.json()["issuer"] == f"http://127.0.0.1:{port}/idp"
        api = httpx.get(f"http://127.0.0.1:{port}/api/v1/me", timeout=5)
        assert api.status_code == 404
    finally:
        process.terminate()
        process.wait(timeout=30)
