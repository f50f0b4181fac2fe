"""Where the configuration files live on each platform."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "privadmin"
# Overrides the managed file's location, so tests and packagers can point elsewhere.
MANAGED_CONFIG_VARIABLE = "PRIVADMIN_MANAGED_CONFIG"
# Overrides the user's settings file.
USER_CONFIG_VARIABLE = "PRIVADMIN_USER_CONFIG"


def system_managed_config_path(platform: str = sys.platform) -> Path:
    """Return the documented location of the file IT deploys on `platform`."""
    if platform.startswith("win"):
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / APP_NAME / "config.toml"
    if platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "config.toml"
    return Path("/etc") / APP_NAME / "config.toml"


def managed_config_path() -> Path:
    override = os.environ.get(MANAGED_CONFIG_VARIABLE)
    return Path(override) if override else system_managed_config_path()


def user_config_path() -> Path:
    override = os.environ.get(USER_CONFIG_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
