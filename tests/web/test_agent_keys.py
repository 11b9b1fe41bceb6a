"""The agents' API keys on SQLite and PostgreSQL: a key authenticates until revoked, only its
hash is stored, agent names are unique, and the `myrtille users` commands."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from myrtille.cli import main
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Agent
from myrtille.web.auth import AgentExists, authenticate, create_agent, revoke

# -- agents and keys (SQLite and PostgreSQL) -----------------------------------------------


def test_keys_authenticate_until_revoked(database: Database) -> None:
    agent, key = create_agent(database, "claire", "claire@example.org")
    assert re.fullmatch(r"myr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}", key)
    assert key.split("_")[1] == agent.key_prefix
    found = authenticate(database, key)
    assert found is not None and found.name == "claire" and found.last_used_at is not None
    assert authenticate(database, key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert authenticate(database, "myr_" + agent.key_prefix) is None
    assert authenticate(database, "") is None
    assert revoke(database, "claire") and not revoke(database, "claire")
    assert authenticate(database, key) is None
    assert not revoke(database, "nobody")


def test_only_the_hash_of_a_key_is_stored(database: Database) -> None:
    _agent, key = create_agent(database, "paul")
    with database.session() as session:
        row = session.scalars(select(Agent)).one()
        stored = [str(getattr(row, c.key)) for c in Agent.__table__.columns]
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    secret = key.split("_", 2)[2]
    assert not any(secret in value or key in value for value in stored)


def test_agent_names_are_unique(database: Database) -> None:
    create_agent(database, "claire")
    with pytest.raises(AgentExists):
        create_agent(database, "claire")
    with pytest.raises(ValueError):
        create_agent(database, "  ")


def test_users_commands(tmp_path: Path, state_url: str) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: ./data\ndatabase_url: {state_url}\n", encoding="utf-8")

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["--config", str(config), *args])
        return result.exit_code, result.output

    code, output = run("users", "list")
    assert code == 0 and "No agents yet" in output
    code, output = run("users", "create-agent", "Agence Occitanie", "--email", "a@example.org")
    assert code == 0, output
    match = re.search(r"myr_[0-9a-f]{8}_\S+", output)
    assert match and "only its hash is stored" in output
    key = match.group(0)
    database = open_database(state_url)
    try:
        agent = authenticate(database, key)
        assert agent is not None and agent.email == "a@example.org"
        code, output = run("users", "create-agent", "Agence Occitanie")
        assert code == 1 and "exists already" in output
        code, output = run("users", "list")
        assert code == 0 and "Agence Occitanie" in output and agent.key_prefix in output
        assert key not in output and "active" in output
        code, output = run("users", "revoke", "Agence Occitanie")
        assert code == 0 and "revoked" in output
        assert authenticate(database, key) is None
        code, output = run("users", "revoke", "Agence Occitanie")
        assert code == 1 and "No active agent" in output
    finally:
        database.dispose()
