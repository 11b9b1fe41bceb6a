"""The data directory, made ready at start-up: created if missing and proved writable.

Every stage writes under it (state database, index, mail, locks); finding out that it
cannot be written deep inside one of them gives a traceback instead of a fix. Checked
once, before any of them starts, it is a configuration error that says where the value
came from.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from myrtille.config.loading import ENV_DATA_DIR, _line_of, read_yaml
from myrtille.config.settings import Settings
from myrtille.exceptions import ConfigError

FIX = (
    "point data_dir at a directory the user running Myrtille may write to "
    "(it is created if missing), or fix that directory's permissions"
)


def prepare_data_dir(
    settings: Settings, *, from_option: bool = False, env: Mapping[str, str] = os.environ
) -> Path:
    """Create ``settings.data_dir`` if needed and write a probe file in it; raise
    ConfigError naming the option, variable or file line that chose it if that fails."""
    path = settings.data_dir
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path, prefix=".myrtille-write-test-"):
            pass
    except OSError as exc:
        where, line = chosen_by(settings, from_option, env)
        raise ConfigError(
            f"the data directory {path} cannot be created or written to ({exc.strerror or exc})",
            path=where,
            key="data_dir",
            line=line,
            hint=FIX,
        ) from None
    return path


def chosen_by(
    settings: Settings, from_option: bool, env: Mapping[str, str]
) -> tuple[str, int | None]:
    """Where the data directory was chosen, and on which line of a file: the highest layer
    that names it, in loading.py's order (flags > environment > file > default)."""
    if from_option:
        return "option --data-dir", None
    if env.get(ENV_DATA_DIR):
        return f"environment variable {ENV_DATA_DIR}", None
    if settings.config_path is not None:
        try:
            line = _line_of(read_yaml(settings.config_path), ("data_dir",))
        except ConfigError:
            line = None
        if line is not None:
            return str(settings.config_path), line
    return "the default data directory (XDG_DATA_HOME/myrtille)", None
