"""The ``myrtille`` group, shared options and helpers, which every command module imports.

Commands live in one module per stage (``collection``, ``enrichment``); they register
themselves on ``main`` when ``myrtille.cli`` imports them. Kept apart from the package's
``__init__`` so that the command modules import this, not the package that imports them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click
from rich.text import Text

from myrtille.cli.language import say, say_n
from myrtille.cli.terminal import SafeConsole
from myrtille.config.data_dir import prepare_data_dir
from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.exceptions import ConfigError
from myrtille.store.database import Database, open_database

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_CONFIG_NAME = "myrtille.yaml"
PIPED_WIDTH = 200
ACCESS_LOG_HELP = "Log one line per HTTP request (off by default: a quiet console)."

# Crawled text reaches these: SafeConsole strips terminal control characters.
out = SafeConsole(highlight=False, soft_wrap=True)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def print_file_problems(
    path: object, problems: Sequence[tuple[int, str]], count: int, more: tuple[str, str]
) -> None:
    """Each kept problem as ``path:line: reason`` on stderr, then how many of the ``count``
    were not kept: ``more`` is the catalogue's plural pair ("… and {n} more bad row",
    "… and {n} more bad rows")."""
    for line, reason in problems:
        err.print(f"  {path}:{line}: {reason}", markup=False)
    if count > len(problems):
        err.print("  " + say_n(*more, count - len(problems)), markup=False)


class AppContext:
    """What commands share: the options given, settings and database loaded on demand."""

    def __init__(self, config: str | None, data_dir: str | None) -> None:
        self.config = config
        self.data_dir = data_dir
        self._settings: Settings | None = None
        self._database: Database | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            overrides = {"data_dir": self.data_dir} if self.data_dir else None
            settings = load_settings(self.config, overrides=overrides)
            # Before any stage writes there: an unwritable directory is a config error.
            prepare_data_dir(settings, from_option=bool(self.data_dir))
            self._settings = settings
        return self._settings

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = open_database(self.settings.state_url)
        return self._database


def reports_config_errors(func: F) -> F:
    """A bad configuration ends the command with its message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            err.print(Text(say("Configuration error"), style="bold red"))
            for problem in exc.problems:
                err.print(f"  {problem}", markup=False)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.option(
    "--config",
    "-c",
    "config",
    metavar="FILE",
    envvar="MYRTILLE_CONFIG",
    help="YAML configuration file (or MYRTILLE_CONFIG).",
)
@click.option("--data-dir", metavar="DIR", help="Where state lives (or MYRTILLE_DATA_DIR).")
@click.version_option(package_name="myrtille")
@click.pass_context
def main(ctx: click.Context, config: str | None, data_dir: str | None) -> None:
    """Myrtille: economic-intelligence watch for SMEs and the agents who advise them."""
    for console in (out, err):
        if not console.is_terminal:
            # Piped or captured output is read by scripts: do not truncate table cells.
            console.width = max(console.width, PIPED_WIDTH)
    ctx.obj = AppContext(config, data_dir)
