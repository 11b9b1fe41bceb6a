"""A private PostgreSQL server for one test: its own data directory and port, so that the
test may restart it (the machine's shared server is other tests' and stays untouched).

Made with the server's own tools (``initdb``, ``pg_ctl``) from the installed release; as
root they run as the ``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.alerts.test_email import free_port


def _bin(tool: str) -> str | None:
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), key=lambda p: int(p.split("/")[4])
    )
    return found[-1] if found else shutil.which(tool)


def available() -> str | None:
    """Why a private server cannot be made here, or None when it can."""
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "initdb/pg_ctl not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser"
    return None


class PrivateServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="myrtille-chaos-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.log = self.root / "server.log"

    def _run(self, *argv: str) -> None:
        command = list(argv)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{argv[0]}: {done.stdout}{done.stderr}"

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            _bin("pg_ctl") or "pg_ctl",
            action,
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            *extra,
        )

    def start(self) -> PrivateServer:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            _bin("initdb") or "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        self._ctl("start")
        return self

    def restart(self) -> None:
        """A restart as an operator does it (fast shutdown: every session is cut)."""
        self._ctl("restart", "-m", "fast")

    def stop(self) -> None:
        try:
            self._ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
