"""Schema-driven fuzzing of the live server with schemathesis, bounded in time: no 5xx answers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from privserver.db.engine import make_engine, make_session_factory
from privserver.domain import administrators
from privserver.domain.values import Role
from tests.server.conftest import LiveServer, Person, TokenMinter, World

OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
# Seconds of fuzzing; PRIVSERVER_FUZZ_SECONDS raises it for a longer run by hand.
FUZZ_SECONDS = int(os.environ.get("PRIVSERVER_FUZZ_SECONDS", "90"))
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


@pytest.fixture
def fuzz_target(
    tmp_path: Path, sqlite_template: tuple[Path, World], issuer: TokenMinter
) -> Iterator[tuple[LiveServer, World, Person]]:
    template, world = sqlite_template
    database = tmp_path / "fuzz.sqlite"
    shutil.copyfile(template, database)
    database_url = f"sqlite:///{database}"
    engine = make_engine(database_url)
    fuzzer = Person("Fuzz Administrator", world.customer_tin)
    with make_session_factory(engine)() as session, session.begin():
        for tin in (world.customer_tin, world.provider_tin):
            administrators.put(session, "test", tin, fuzzer.idp, fuzzer.idp_identity_id, set(Role))
    engine.dispose()
    server = LiveServer(database_url, issuer)
    server.start()
    yield server, world, fuzzer
    server.stop()


def _config(tmp_path: Path, world: World, fuzzer: Person) -> Path:
    # Dictionaries steer most requests at data that exists, so fuzzing reaches past 403 and 404.
    tins = [world.customer_tin, world.provider_tin]
    identities = [
        world.people["employee"].idp_identity_id,
        fuzzer.idp_identity_id,
        str(uuid.uuid4()),
    ]
    config = {
        "dictionaries": {
            "tins": {"values": tins},
            "privileges": {"values": list(world.privileges.values())},
            "identities": {"values": identities},
        },
        "parameters": {
            "path.tin": {"dictionary": "tins", "probability": 0.9},
            "path.whitelistedTin": {"dictionary": "tins", "probability": 0.7},
            "path.privilegeId": {"dictionary": "privileges", "probability": 0.7},
            "path.idpIdentityId": {"dictionary": "identities", "probability": 0.6},
        },
    }
    path = tmp_path / "schemathesis.toml"
    path.write_text(_toml(config), encoding="utf-8")
    return path


def _toml(config: dict[str, dict[str, dict[str, object]]]) -> str:
    lines = []
    for name, entry in config["dictionaries"].items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(entry['values'])}", ""]
    lines.append("[parameters]")
    for key, binding in config["parameters"].items():
        lines.append(
            f'"{key}" = {{ dictionary = "{binding["dictionary"]}", probability = {binding["probability"]} }}'
        )
    return "\n".join(lines) + "\n"


@pytest.mark.subprocess
def test_fuzz_no_server_errors(
    tmp_path: Path, fuzz_target: tuple[LiveServer, World, Person], issuer: TokenMinter
) -> None:
    server, world, fuzzer = fuzz_target
    token = issuer.person_token(fuzzer)
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(_config(tmp_path, world, fuzzer)),
        "run",
        str(OPENAPI),
        "--url",
        server.base_url,
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        CHECKS,
        "--max-time",
        str(FUZZ_SECONDS),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--suppress-health-check",
        "all",
        "--seed",
        "1",
    ]

    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 120,
        check=False,
        cwd=tmp_path,
    )

    output = result.stdout.replace(token, "<token>")
    assert result.returncode == 0, output[-6000:] + result.stderr[-2000:]
