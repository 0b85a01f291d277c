"""A throwaway PostgreSQL server for the portability tests (Unix socket only, no TCP).

Found from Debian's layout (/usr/lib/postgresql/*/bin) or PATH; when there is none the tests
that need it are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PgServer:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wombat-pg-"))
        self.data = self.folder / "data"
        self._as_user: list[str] = []

    def start(self) -> str:
        """Start the server and return a SQLAlchemy URL for a fresh database."""
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL is not installed (no initdb/pg_ctl)")
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            runuser = shutil.which("runuser")
            if not runuser:
                raise RuntimeError("running as root without runuser")
            self._as_user = [runuser, "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres")
            self.folder.chmod(0o755)
        self._run(initdb, "-D", str(self.data), "-A", "trust", "-U", "wombat", "--no-sync")
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o",
                  f"-k {self.folder} -c listen_addresses='' -c fsync=off", "start")
        return self.new_database("wombat")

    def new_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        createdb = _bin("createdb")
        assert createdb
        self._run(createdb, "-h", str(self.folder), "-U", "wombat", name)
        return f"postgresql+psycopg://wombat@/{name}?host={self.folder}"

    def stop(self) -> None:
        pg_ctl = _bin("pg_ctl")
        if pg_ctl and self.data.exists():
            subprocess.run([*self._as_user, pg_ctl, "-D", str(self.data), "-m", "immediate",
                            "stop"], capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self._as_user, *cmd], check=True, capture_output=True, text=True)
