"""Several processes starting at once on an empty state database (several workers, a
first deployment): each migrates, one at a time, and all of them start."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import inspect, text

from myrtille.store import companies, subscriptions  # noqa: F401 (their tables join Base's)
from myrtille.store.database import open_database
from myrtille.store.schema import Base

STARTERS = 4
OPEN = "import sys; from myrtille.store.database import open_database; open_database(sys.argv[1])"


def test_processes_starting_together_migrate_one_at_a_time(state_url: str) -> None:
    starters = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN, state_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(STARTERS)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in starters]
    for code, errors in outcomes:
        assert code == 0, errors[-3000:]
    database = open_database(state_url)
    try:
        with database.engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(versions) == 1
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
    finally:
        database.dispose()
