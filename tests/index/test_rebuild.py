"""The index follows the state: the backend from settings or MYRTILLE_INDEX_URL, and a
rebuild from the state database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.exceptions import ConfigError
from myrtille.index.factory import open_index
from myrtille.index.records import rebuild
from myrtille.index.sqlite_tables import SCHEMA_VERSION
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.store.schema import Enrichment


def test_backend_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        None,
        env={
            "MYRTILLE_INDEX_URL": "https://search.example:9200",
            "MYRTILLE_DATA_DIR": str(tmp_path),
        },
    )
    assert settings.index.backend == "elasticsearch"
    assert settings.index.url == "https://search.example:9200"
    local = load_settings(
        None,
        env={
            "MYRTILLE_INDEX_URL": f"sqlite:///{tmp_path}/i.db",
            "MYRTILLE_DATA_DIR": str(tmp_path),
        },
    )
    assert local.index.backend == "sqlite"
    with pytest.raises(ConfigError, match="needs url"):
        load_settings(None, env={"MYRTILLE_INDEX__BACKEND": "elasticsearch"})


def test_rebuild_from_the_state_database(tmp_path: Path) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    intake = Intake(database)
    added = intake.add(
        CollectedDocument(
            url="https://news.example/a",
            source_id="eco",
            title="Aérovolt ouvre une usine",
            text="Les usines d'Aérovolt à Toulouse recrutent. " * 3,
            language="fr",
            published_at=datetime(2026, 10, 1, tzinfo=UTC),
        )
    )
    with database.session() as session:
        session.add(
            Enrichment(
                document_id=added.document_id,
                language="fr",
                companies=[{"name": "Aérovolt SAS", "siren": "919985002"}],
                sectors=[{"code": "aeronautics", "score": 3, "evidence": []}],
                events=[
                    {
                        "type": "investment",
                        "sentence": "x",
                        "company": "Aérovolt SAS",
                        "siren": "919985002",
                    }
                ],
                regions=["76"],
                departments=["31"],
                title_lemmas="aerovolt ouvrir un usine",
                text_lemmas="le usine de aerovolt a toulouse recruter",
            )
        )
    index = open_index(settings)
    assert rebuild(database, index) == 1
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "search", "usine sector:aeronautics company:919985002"]
    )
    assert "1 document matches" in result.output
    index.clear()
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "index", "rebuild"])
    assert result.exit_code == 0 and "1 document indexed (sqlite)" in result.output
    assert index.count() == 1


def test_an_index_made_by_an_older_version_says_to_rebuild(tmp_path: Path) -> None:
    """An SQLite index of an older schema (here 1) is emptied when opened, and searches
    say to rebuild it until a rebuild has filled it again."""
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    added = Intake(database).add(
        CollectedDocument(
            url="https://news.example/b",
            source_id="eco",
            title="Deux usines ferment",
            text="Les deux usines du groupe ferment en mars. " * 3,
            language="fr",
        )
    )
    with database.session() as session:
        session.add(Enrichment(document_id=added.document_id, language="fr"))
    index = open_index(settings)
    rebuild(database, index)
    index.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    index.close()
    search = ["--data-dir", str(tmp_path), "search", "usine"]
    result = CliRunner().invoke(main, search)
    assert "0 documents match" in result.output
    assert (
        f"made by an older version of Myrtille (index schema 1, now {SCHEMA_VERSION})"
        in result.output
    )
    assert "run 'myrtille index rebuild'" in result.output
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "index", "rebuild"])
    assert result.exit_code == 0 and "1 document indexed (sqlite)" in result.output
    result = CliRunner().invoke(main, search)
    assert "1 document matches" in result.output and "older version" not in result.output
