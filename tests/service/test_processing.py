"""The processing stage over a real intake: batches, failures, the export's new fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.exc import DBAPIError

from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service.processing import ProcessingStage
from myrtille.store.database import open_database
from tests.enrichment.test_enricher import REGISTRY

ARTICLE = (
    "La start-up toulousaine Aérovolt a levé 12 millions d'euros pour industrialiser "
    "son moteur électrique d'avion à Toulouse et va recruter 40 ingénieurs. "
)


class PoisonedEnricher(Enricher):
    """Fails on one document, as a bug or a pathological text would."""

    def _analyse(self, doc, document: DocumentInput, tools) -> EnrichmentResult:  # type: ignore[no-untyped-def]
        if "POISON" in document.title:
            raise RuntimeError("cannot analyse this one")
        return super()._analyse(doc, document, tools)


def fill(intake: Intake, count: int) -> None:
    for n in range(count):
        title = "POISON" if n == 2 else f"Aérovolt, épisode {n}"
        intake.add(
            CollectedDocument(
                url=f"https://a.example/{n}",
                source_id="s",
                title=title,
                text=f"{ARTICLE} Épisode {n} : " + "suite. " * n,
                language="fr",
            )
        )


def test_a_poisoned_document_does_not_stop_the_batch(tmp_path: Path, enricher: Enricher) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    intake = Intake(database)
    fill(intake, 5)
    poisoned = PoisonedEnricher(
        settings.enrichment,
        REGISTRY,
        sectors=enricher.sector_lexicon,
        events=enricher.event_lexicon,
        models=enricher.models,
    )
    report = ProcessingStage(settings, database, poisoned).run()
    assert (report.processed, report.failed) == (4, 1)
    assert "RuntimeError: cannot analyse this one" in report.errors[0][1]
    assert intake.counts() == {"done": 4, "failed": 1}
    failed = next(d for d in intake.documents() if d.status == "failed")
    assert failed.title == "POISON" and "cannot analyse" in (failed.error or "")
    # Not retried forever: the next run has nothing to do.
    again = ProcessingStage(settings, database, poisoned).run()
    assert (again.processed, again.failed) == (0, 0)


def test_documents_left_claimed_by_dead_workers_are_given_up_on(
    tmp_path: Path, enricher: Enricher
) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    intake = Intake(database)
    fill(intake, 1)
    for _ in range(4):  # four workers claimed it and died before finishing
        [claimed] = intake.claim(1)
        intake.release([claimed.id])
    report = ProcessingStage(settings, database, enricher).run()
    assert report.failed == 1 and "gave up after 3 attempts" in report.errors[0][1]


def test_process_command_and_enriched_export(tmp_path: Path) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        """\
data_dir: ./data
companies:
  - name: Aérovolt
    siren: "919985002"
    naf: "30.30Z"
    department: "31"
    region: "76"
""",
        encoding="utf-8",
    )
    settings = load_settings(config, env={})
    intake = Intake(open_database(settings.state_url))
    fill(intake, 2)
    result = CliRunner().invoke(main, ["--config", str(config), "process"])
    assert result.exit_code == 0, result.output
    assert "2 documents enriched (French 2); 0 failed." in result.output
    result = CliRunner().invoke(main, ["--config", str(config), "export"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2
    for record in records:
        assert record["status"] == "done"
        assert {"name": "Aérovolt", "siren": "919985002"} in record["companies"]
        assert "aeronautics" in record["sectors"]
        assert {"fundraising", "hiring"} <= {e["type"] for e in record["events"]}
        assert all(set(e) >= {"type", "sentence", "company"} for e in record["events"])
        assert record["regions"] == ["76"] and record["departments"] == ["31"]
        assert all(set(e) >= {"text", "label", "start", "end"} for e in record["entities"])


def test_a_batch_the_database_refuses_to_store_goes_back_to_the_queue_at_once(
    tmp_path: Path, enricher: Enricher
) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    intake = Intake(database)
    for n in range(3):
        intake.add(
            CollectedDocument(
                url=f"https://b.example/{n}",
                source_id="s",
                title=f"Aérovolt {n}",
                text=ARTICLE,
                language="fr",
            )
        )
    # The database itself refuses the enrichment rows, as a full disk would refuse them.
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON enrichment "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    stage = ProcessingStage(settings, database, enricher)
    with pytest.raises(DBAPIError, match="database or disk is full"):
        stage.run()
    # Not held as "claimed" until the stale-claim hour is over: pending again, now.
    assert intake.counts() == {"pending": 3}
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse")
    assert stage.run().processed == 3
    assert intake.counts() == {"done": 3}


def test_a_document_processed_again_replaces_its_enrichment(
    tmp_path: Path, enricher: Enricher
) -> None:
    """New enrichment rows are added without a read each; a document that already has one
    (queued again by hand, or a batch replayed) gets it replaced, not a second one."""
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    intake = Intake(database)
    for n in range(2):
        intake.add(
            CollectedDocument(
                url=f"https://c.example/{n}",
                source_id="s",
                title=f"Aérovolt {n}",
                text=ARTICLE,
                language="fr",
            )
        )
    stage = ProcessingStage(settings, database, enricher)
    assert stage.run().processed == 2
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE enrichment SET events = '[]', model = 'old' WHERE document_id IN "
            "(SELECT id FROM document WHERE url LIKE '%/0')"
        )
        connection.exec_driver_sql("UPDATE document SET status = 'pending' WHERE url LIKE '%/0'")
    intake.add(
        CollectedDocument(
            url="https://c.example/2",
            source_id="s",
            title="Aérovolt 2",
            text=ARTICLE,
            language="fr",
        )
    )
    assert stage.run().processed == 2
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT d.url, e.model, e.events FROM enrichment e JOIN document d "
            "ON d.id = e.document_id ORDER BY d.url"
        ).all()
    assert [url for url, _, _ in rows] == [f"https://c.example/{n}" for n in range(3)]
    assert all(model != "old" and json.loads(events) for _, model, events in rows)
    assert intake.counts() == {"done": 3}
