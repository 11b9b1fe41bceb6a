"""The test run's own variables, ``MYRTILLE_TEST_*`` (a PostgreSQL server, an Elasticsearch
cluster, where browser screenshots go).

Every ``MYRTILLE_…`` variable sets a configuration key, and these are no settings: the run
takes them out of the environment when it starts (``tests/conftest.py``), so that neither
the settings loaded in-process nor the commands the tests start ever see them.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

TEST_PREFIX = "MYRTILLE_TEST_"
_taken: dict[str, str] = {}


def take_test_variables(environ: MutableMapping[str, str] = os.environ) -> None:
    for name in [n for n in environ if n.startswith(TEST_PREFIX)]:
        _taken[name] = environ.pop(name)


def run_variable(name: str) -> str | None:
    """A ``MYRTILLE_TEST_*`` variable's value, taken at start (or set since), if any."""
    return _taken.get(name) or os.environ.get(name)
