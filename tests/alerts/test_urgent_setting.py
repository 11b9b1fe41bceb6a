"""A subscription's ``urgent`` setting from the command line: on by default when the query
names a portfolio, off otherwise, and ``--urgent/--no-urgent`` say otherwise."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.store.database import Database
from myrtille.store.subscriptions import Subscription

SECRET = "0123456789abcdef0123456789abcdef"


def run(config: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["--config", str(config), *args])
    assert result.exit_code == 0, result.output


def test_the_default_follows_the_query_and_the_flags_override_it(tmp_path: Path) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\nsecret_key: {SECRET}\n")
    portfolio = tmp_path / "clients.csv"
    portfolio.write_text("siren,label\n919985002,Aérovolt\n", encoding="utf-8")
    run(config, "portfolios", "import", "clients", str(portfolio))
    asked = {
        "portfolio default": ["--query", "portfolio:clients"],
        "portfolio off": ["--query", "portfolio:clients", "--no-urgent"],
        "plain default": ["--query", "sector:energy"],
        "plain on": ["--query", "sector:energy", "--urgent"],
    }
    for name, options in asked.items():
        run(config, "subscribe", "--email", "pme@exemple.fr", "--name", name, *options)
    settings = load_settings(config, env={})
    database = Database(settings.state_url)
    with database.session() as session:
        stored = dict(session.execute(select(Subscription.name, Subscription.urgent)).all())
    assert stored == {
        "portfolio default": True,
        "portfolio off": False,
        "plain default": False,
        "plain on": True,
    }
