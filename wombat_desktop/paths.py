"""Where the app keeps its files, and which database it opens.

`WOMBAT_HOME` redirects every folder to one place (tests, portable use); otherwise the
per-OS folders from platformdirs are used. The database URL comes from ``--db``, else
``WOMBAT_DB``, else a SQLite file in the data folder.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "WOMBAT Desktop"
APP_SLUG = "wombat-desktop"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database_file(self) -> Path:
        return self.data / "wombat.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def window_settings(self) -> Path:
        return self.config / "window.ini"

    def ensure(self) -> AppPaths:
        """Create the folders (owner-only where the OS allows) and return self."""
        for folder in (self.data, self.config, self.cache, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                folder.chmod(0o700)
        return self


def app_paths(env: dict[str, str] | None = None) -> AppPaths:
    """Resolve the app folders, honouring WOMBAT_HOME."""
    env = dict(os.environ) if env is None else env
    home = env.get("WOMBAT_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "cache", root / "logs")
    import platformdirs

    return AppPaths(
        Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)),
    )


def database_url(cli_url: str | None, paths: AppPaths, env: dict[str, str] | None = None) -> str:
    """``--db URL``, else ``WOMBAT_DB``, else SQLite in the data folder."""
    env = dict(os.environ) if env is None else env
    if cli_url:
        return cli_url
    if env.get("WOMBAT_DB"):
        return env["WOMBAT_DB"]
    return f"sqlite:///{paths.database_file}"
