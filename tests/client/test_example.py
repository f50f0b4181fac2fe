"""The example script in docs/examples, run as a user would against the live server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "assign_and_lookup.py"


@pytest.mark.subprocess
def test_assign_and_lookup_script(live_server: Any) -> None:
    admin = live_server.administrator("customer")
    api_client = live_server.api_client()
    environment = {
        **os.environ,
        "PRIVADMIN_API_CLIENT_ID": api_client["clientId"],
        "PRIVADMIN_API_CLIENT_SECRET": api_client["clientSecret"],
    }
    completed = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--base-url",
            live_server.base_url,
            "--admin-identity",
            admin["idpIdentityId"],
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"Organization: {admin['organizationName']} ({admin['organizationTin']})" in completed.stdout
    assert "Employees: " in completed.stdout
    assert ": found" in completed.stdout
    assert api_client["clientSecret"] not in completed.stdout + completed.stderr


def test_script_requires_credentials(live_server: Any) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PRIVADMIN_")}
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--base-url", live_server.base_url],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert "missing --api-client-id, --api-client-secret" in completed.stderr
