"""The frozen (PyInstaller) build passes its checks; slow, so only with PRIVADMIN_TEST_FROZEN=1."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.subprocess
@pytest.mark.skipif(os.environ.get("PRIVADMIN_TEST_FROZEN") != "1",
                    reason="builds the app with PyInstaller (about a minute); set PRIVADMIN_TEST_FROZEN=1")
def test_frozen_build_self_check(tmp_path: Path) -> None:
    result = subprocess.run([str(ROOT / ".ci" / "frozen-check"), str(tmp_path)], capture_output=True, text=True, check=False,
                            timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "Self-check passed" in result.stdout
    assert "Demo server included: no" in result.stdout
    assert "frozen-check: passed" in result.stdout
