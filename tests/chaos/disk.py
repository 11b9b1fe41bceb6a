"""A small disk of its own (a tmpfs: a real file system that answers ENOSPC when full)
and a filler that takes its every free byte. Mounting needs root, as CI runs; elsewhere
the tests that need it are skipped."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(mount: Path, size: str = "64m") -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(directory: Path) -> Path:
    """Write zeros until the file system refuses (ENOSPC); returns the filler file."""
    filler = directory / "filler"
    with filler.open("wb", buffering=0) as out:
        for block in (1 << 20, 4096, 512):
            try:
                while True:
                    out.write(b"\0" * block)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    return filler
