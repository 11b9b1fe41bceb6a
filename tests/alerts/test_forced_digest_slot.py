"""A forced daily digest (`myrtille digest --frequency daily --now`) on PostgreSQL: its slot
label, the local day plus the run's time (``2026-12-05+050512``, 17 characters), fits the
``digest_run.slot`` column. PostgreSQL enforces the declared length, SQLite does not: a
column of 16 made the command fail there, and only there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.store.database import open_database
from myrtille.store.subscriptions import DigestRun


def test_a_forced_daily_digest_records_its_slot_on_postgresql(
    tmp_path: Path, postgres_database: str
) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: ./data\ndatabase_url: {postgres_database}\n", encoding="utf-8")
    settings = load_settings(config, env={})
    database = open_database(postgres_database)
    try:
        create_subscription(
            database,
            secret_key(settings.secret_key, settings.data_dir),
            email="pme@example.org",
            query="aéronautique",
            frequency="daily",
            confirmed_by_operator=True,
        )
        result = CliRunner().invoke(
            main, ["--config", str(config), "digest", "--frequency", "daily", "--now"]
        )
        assert result.exit_code == 0, f"{result.output}\n{result.exception!r}"
        with database.session() as session:
            slots = list(session.scalars(select(DigestRun.slot)))
    finally:
        database.dispose()
    # Nothing was pending: the slot is recorded all the same, whole.
    assert len(slots) == 1 and len(slots[0]) == 17 and slots[0][10] == "+", slots
