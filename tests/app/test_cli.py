"""The command line in a subprocess: --version, --self-check, --show-config, secrets import, demo without privserver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from privadmin import __version__

from .conftest import subprocess_env

pytestmark = pytest.mark.subprocess


def run_privadmin(root: Path, *args: str, stdin: str = "", code: str | None = None,
                  **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "privadmin", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, check=False,
                          env=subprocess_env(root, **env))


def test_version(tmp_path: Path) -> None:
    result = run_privadmin(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"privadmin {__version__}"


def test_self_check_passes(tmp_path: Path) -> None:
    result = run_privadmin(tmp_path, "--self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-check passed" in result.stdout
    assert "Translations da: " in result.stdout
    assert "app_da.qm" in result.stdout
    assert "Danish text for 'Production': Produktion" in result.stdout


def test_self_check_fails_without_translations(tmp_path: Path) -> None:
    code = ("import sys, privadmin.resources as r, pathlib;"
            f"r.resources_dir = lambda: pathlib.Path({str(tmp_path)!r});"
            "from privadmin.__main__ import main; sys.exit(main(['--self-check']))")
    result = run_privadmin(tmp_path, code=code)
    assert result.returncode == 1
    assert "FAILED: no da translations loaded" in result.stdout


def test_show_config_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "managed.toml").write_text('locked = ["environment"]\nenvironment = "preproduction"\n'
                                           'language = "fr"\n', encoding="utf-8")
    result = run_privadmin(tmp_path, "--show-config", "--environment", "custom")
    assert result.returncode == 0
    assert f"managed file: {tmp_path / 'managed.toml'} (found)" in result.stdout
    assert '"environment": "preproduction"' in result.stdout
    assert f"message: {tmp_path / 'managed.toml'}: language: invalid value 'fr'" in result.stdout
    assert "message: command line: environment: is locked (set by your IT department)" in result.stdout


def test_import_secret_without_keyring(tmp_path: Path) -> None:
    result = run_privadmin(tmp_path, "--import-api-client-secret", "--client-id", "acme-api", stdin="s3cr3t\n")
    assert result.returncode == 1
    assert "No OS credential store is available" in result.stderr
    assert "s3cr3t" not in result.stdout + result.stderr


def test_import_secret_needs_client_id(tmp_path: Path) -> None:
    result = run_privadmin(tmp_path, "--import-api-client-secret", stdin="s3cr3t\n")
    assert result.returncode == 2
    assert "needs --client-id" in result.stderr


def test_import_secret_stores_in_keyring(tmp_path: Path) -> None:
    code = ("import sys, keyring, memory_keyring; backend = memory_keyring.MemoryKeyring(); keyring.set_keyring(backend);"
            "from privadmin.__main__ import main; code = main(sys.argv[1:]);"
            "print(sorted(backend.entries)); sys.exit(code)")
    result = run_privadmin(tmp_path, "--import-api-client-secret", "--client-id", "acme-api",
                           "--environment", "preproduction", stdin="s3cr3t\n", code=code,
                           PYTHONPATH=str(Path(__file__).parent))
    assert result.returncode == 0, result.stderr
    assert "Stored the secret of API client acme-api for environment preproduction." in result.stdout
    assert "[('privadmin/preproduction', 'api-client:acme-api')]" in result.stdout


def test_demo_without_privserver(tmp_path: Path) -> None:
    # A production build leaves privserver out; block its import to behave like one.
    code = ("import sys, importlib.abc\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path, target=None):\n"
            "        if name == 'privserver' or name.startswith('privserver.'):\n"
            "            raise ModuleNotFoundError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from privadmin.__main__ import main\n"
            "sys.exit(main(['--demo']))\n")
    result = run_privadmin(tmp_path, code=code)
    assert result.returncode == 3
    assert "The demo needs the privserver package, which this build does not contain." in result.stderr
    assert "pip install -e '.[server]'" in result.stderr


def test_demo_runs_and_stops_on_sigterm(tmp_path: Path) -> None:
    import signal
    import time

    env = subprocess_env(tmp_path, PRIVADMIN_LANGUAGE="da")
    log_file = tmp_path / "state" / "privadmin" / "log" / "privadmin.log"
    process = subprocess.Popen([sys.executable, "-m", "privadmin", "--demo", "--demo-employees", "40"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while "Demo server listening at" not in (log_file.read_text(encoding="utf-8") if log_file.exists() else ""):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the demo server did not start within 120 s"
            time.sleep(0.2)
        time.sleep(1)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 0
    log_text = log_file.read_text(encoding="utf-8")
    assert "Language da: loaded" in log_text
    assert "Environment demo chosen" in log_text
    assert "Demo server stopped" in log_text
    assert "privadmin stopped" in log_text
    assert "Unexpected error" not in log_text
    state = (tmp_path / "data" / "privadmin" / "demo" / "demo.json").read_text(encoding="utf-8")
    assert '"seeded": true' in state
