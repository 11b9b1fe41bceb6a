"""An unwritable data directory stops the real ``myrtille`` command at start-up with a
configuration error (where it was chosen, why it fails, what to do), never a traceback.

Tests may run as root, whom permissions do not stop: the unwritable paths here lie under
a regular file, where no one can create a directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MYRTILLE = [sys.executable, "-m", "myrtille"]


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MYRTILLE_") or k.startswith("MYRTILLE_TEST_")
    }
    environment |= {"XDG_DATA_HOME": str(tmp_path / "xdg"), **env}
    return subprocess.run(
        [*MYRTILLE, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A path no one can create: its parent is a regular file."""
    (tmp_path / "file.txt").write_text("not a directory\n", encoding="utf-8")
    return tmp_path / "file.txt" / "sub"


def assert_clean_config_error(done: subprocess.CompletedProcess[str], where: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    assert lines[0] == "Configuration error"
    assert len(lines) == 2, done.stderr  # one problem, one paragraph
    assert where in lines[1]
    assert "key 'data_dir'" in lines[1]
    assert "cannot be created or written to (Not a directory)" in lines[1]
    assert "point data_dir at a directory the user running Myrtille may write to" in lines[1]


@pytest.mark.parametrize("command", [["status"], ["search", "usine"], ["crawl"]])
def test_a_data_dir_from_the_file_names_its_line(
    tmp_path: Path, blocked: Path, command: list[str]
) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"# state\ndata_dir: {blocked}\n", encoding="utf-8")
    done = run(["--config", str(config), *command], tmp_path)
    assert_clean_config_error(done, f"{config}, line 2")
    assert str(blocked) in done.stderr


def test_a_data_dir_from_the_option_or_the_environment_names_it(
    tmp_path: Path, blocked: Path
) -> None:
    done = run(["--data-dir", str(blocked), "status"], tmp_path)
    assert_clean_config_error(done, "option --data-dir")
    done = run(["status"], tmp_path, MYRTILLE_DATA_DIR=str(blocked))
    assert_clean_config_error(done, "environment variable MYRTILLE_DATA_DIR")


def test_a_writable_data_dir_is_created(tmp_path: Path) -> None:
    wanted = tmp_path / "new" / "state"
    done = run(["--data-dir", str(wanted), "status"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert wanted.is_dir()
    assert not [p for p in wanted.iterdir() if p.name.startswith(".myrtille-write-test-")]
