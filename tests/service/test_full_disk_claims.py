"""Claims a batch could not give back because the disk was full: the process that made
them gives them back at its next run, once there is room, instead of leaving them to the
stale ages (15 minutes for deliveries, an hour for documents), which kept ``myrtille run``
from finishing its work long after the disk had room again. Found by the chaos suite's
full disk (tests/chaos/test_disk_full.py); real ENOSPC from a small tmpfs (root only).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.enrichment.enricher import Enricher
from myrtille.index.sqlite import SQLiteIndex
from myrtille.service.processing import ProcessingStage, ProcessReport
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem, Subscription
from tests.alerts.test_email import received, settings_for, smtp_server
from tests.chaos.disk import fill, small_disk
from tests.service.test_restart import GatedRecorder
from tests.service.test_retention import NOW, Corpus


@pytest.fixture
def state(tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    with small_disk(tmp_path / "disk", size="8m") as disk:
        database = open_database(f"sqlite:///{disk / 'state.db'}")
        yield disk, database
        database.dispose()


def test_deliveries_cut_by_a_full_disk_go_out_at_the_next_run(
    state: tuple[Path, Database], tmp_path: Path
) -> None:
    disk, database = state
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("a", "b", "c"):
        corpus.add(name, published=NOW, collected=NOW)
        corpus.deliver(name, "pending")
    with database.session() as session:
        session.execute(update(Subscription).values(active=True))
    recorder = GatedRecorder(allow=1)
    with smtp_server(recorder) as port:
        settings = settings_for(tmp_path / "data", port)
        channels = CHANNELS.build(settings)
        failed: list[BaseException] = []

        def dispatch() -> None:
            try:
                Dispatcher(settings, database, None, channels).run()
            except Exception as exc:
                failed.append(exc)

        run = threading.Thread(target=dispatch)
        run.start()
        assert recorder.holding.wait(60)
        # The second message is in hand, the third not taken: the disk fills up.
        filler = fill(disk)
        recorder.release.set()
        run.join(120)
        assert failed and "full" in str(failed[0])
        filler.unlink()
        Dispatcher(settings, database, None, channels).run()
    with database.session() as session:
        assert set(session.scalars(select(OutboxItem.status))) == {"sent"}
    ids = Counter(str(received(e)["Message-ID"]) for e in recorder.envelopes)
    # The one in hand when the disk filled had reached the server: the documented window
    # sends it again, with the same Message-ID; the others arrive once.
    assert sorted(ids.values()) == [1, 1, 2]
    index.close()


def test_documents_cut_by_a_full_disk_are_processed_at_the_next_run(
    state: tuple[Path, Database], tmp_path: Path, enricher: Enricher
) -> None:
    disk, database = state
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("a", "b", "c", "d"):
        corpus.add(name, published=NOW, collected=NOW, status="pending")
    settings = settings_for(tmp_path / "data", None)
    stage = ProcessingStage(settings, database, enricher=enricher, index=index)
    # A run's first batch is claimed; then the disk fills up before the batch is stored.
    batch = stage.intake.claim(2, stage="process")
    filler = fill(disk)
    with pytest.raises(Exception, match="full"):
        stage._batch(batch, ProcessReport())
    with database.session() as session:
        assert Counter(session.scalars(select(Document.status))) == {"claimed": 2, "pending": 2}
    filler.unlink()
    report = stage.run()
    assert report.processed == 4
    with database.session() as session:
        assert set(session.scalars(select(Document.status))) == {"done"}
    index.close()
