"""``myrtille serve`` in a child process, as an operator starts it, for tests that need a
real server process (several of them on one state database, or a fuzzer against one)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.waiting import wait_until
from tests.web.conftest import free_port


@contextmanager
def myrtille_serve(config: Path, log: Path) -> Iterator[str]:
    """Start ``myrtille --config CONFIG serve`` on a free port; yields its URL once
    /healthz answers, and stops it (SIGTERM) after."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MYRTILLE", "FORWARDED"))}
    command = [sys.executable, "-m", "myrtille", "--config", str(config), "serve"]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            assert wait_until(lambda: answering(server, url, log), 60, 0.1), log.read_text()
            yield url
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


def answering(server: subprocess.Popen[bytes], url: str, log: Path) -> bool:
    """Whether the server at ``url`` answers /healthz; fails at once if it has exited."""
    assert server.poll() is None, log.read_text()
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False
