"""The ``myrtille`` command (entry point ``myrtille.cli:main``).

The group and its shared helpers are in ``command``; importing this package imports
every command module, each of which registers its commands on ``main``.
"""

from __future__ import annotations

from myrtille.cli import (  # noqa: F401  (imported to register their commands)
    alerts,
    collection,
    delivery,
    enrichment,
    portfolios,
    search,
    service,
    watch,
    web,
)
from myrtille.cli.command import main

__all__ = ["main"]
