"""The disk fills up under ``myrtille run`` mid-batch, then space comes back.

The data directory is a tmpfs of its own (a real file system that answers ENOSPC when
full; mounting it needs root, as CI runs). Once processing has stored part of the news,
a filler file takes every free byte. Meanwhile the service says it is degraded
(``/healthz`` 503) and nothing is half-written: SQLite's integrity check passes, every
document is either done with its enrichment and its alerts or not done with neither.
Then the filler goes, and every article is stored, indexed and alerted once, but for
the documented window: a message received whose "sent" the full disk refused may come
twice.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.store.schema import utcnow
from tests.alerts.test_email import free_port
from tests.chaos.audit import audit, in_window
from tests.chaos.disk import fill, small_disk
from tests.chaos.monkey import seed, wait_until
from tests.chaos.newsroom import HOOK, Newsroom, receivers
from tests.chaos.scenario import drained, subscribe, supervised, write_config

pytestmark = [pytest.mark.slow, pytest.mark.chaos]


def half_written(state: Path) -> list[str]:
    """What a batch cut in the middle would leave: read straight from the file."""
    db = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
    try:
        found = [r[0] for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        found += [
            f"done without enrichment: {r[0]}"
            for r in db.execute(
                "SELECT id FROM document WHERE status = 'done' AND id NOT IN "
                "(SELECT document_id FROM enrichment)"
            )
        ]
        found += [
            f"enrichment of a document not done: {r[0]}"
            for r in db.execute(
                "SELECT document_id FROM enrichment WHERE document_id IN "
                "(SELECT id FROM document WHERE status != 'done')"
            )
        ]
        found += [
            f"alert for a document not done: {r[0]}"
            for r in db.execute(
                "SELECT document_id FROM outbox WHERE document_id IN "
                "(SELECT id FROM document WHERE status != 'done')"
            )
        ]
        return found
    finally:
        db.close()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


def test_a_full_disk_mid_batch_leaves_nothing_half_written(tmp_path: Path, disk: Path) -> None:
    rng = random.Random(seed())
    data_dir = disk / "data"
    config = tmp_path / "myrtille.yaml"
    port = free_port()
    with Newsroom(rng.randrange(1 << 30)) as newsroom, receivers(hold=0) as (mail, hooks):
        # 16 articles: at 4 done, a dozen still to process when the disk fills (mid-batch
        # with room to spare); each one more is two more sends after the drain's back-off.
        for _ in range(16):
            newsroom.publish()
        write_config(config, data_dir, newsroom.feed_url, mail.port)
        subscribe(config, hooks.url(HOOK))
        database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
        intake = Intake(database)
        service = supervised(
            "myrtille run", config, tmp_path / "service.log", "run", "--port", str(port)
        )
        service.start()
        try:
            assert wait_until(lambda: intake.counts().get("done", 0) >= 4, 240, 0.2), service.tail()
            full = utcnow()
            filler = fill(disk)
            # Published meanwhile: crawled once there is room again.
            for _ in range(5):
                newsroom.publish()

            def degraded() -> bool:
                # Any job may be the one to say so: while the job store cannot be written,
                # APScheduler's loop stops at the first due job whose next run it cannot
                # record (it ran and failed), and tries again from that job 10 s later, so
                # which job reports the full disk depends on where the filler landed.
                try:
                    answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                except httpx.HTTPError:
                    return False
                problems = answer.json().get("problems", [])
                return answer.status_code == 503 and bool(problems)

            assert wait_until(degraded, 120, 0.5), service.tail()
            counts = intake.counts()
            assert counts.get("done", 0) < len(newsroom.articles), counts
            assert half_written(data_dir / "myrtille.db") == []

            filler.unlink()
            freed = time.monotonic()
            # Received, not recorded: the documented window, a "sent" the full disk refused.
            # Read once the filler is gone, not before: another job may report the full
            # disk while the dispatcher is still sending, and a message it has in hand then
            # reaches its receiver after an earlier read and has its "sent" refused before
            # the filler goes (CI: row 7 received twice, the window read before it empty).
            # Every refused record is behind us now, its message received before it; the
            # row stays unsent until the dispatch job's next try (30 s later at the
            # earliest). A send under way at this read, whose record is yet to come (and to
            # succeed), counts too: at most the one row the dispatcher has in hand.
            window = in_window(database, mail.recorder, hooks, full)
            assert wait_until(
                lambda: drained(newsroom, database, mail.recorder, hooks), 300, 0.5
            ), service.tail()
            drain = time.monotonic() - freed
        finally:
            code = service.stop() if service.alive else None
        assert code == 0, service.tail()
        assert "disk is full" in service.tail(10**7) or "ENOSPC" in service.tail(10**7)
        result = audit(newsroom, database, data_dir / "index.db", mail.recorder, hooks, window)
        database.dispose()
    print(
        f"\ndisk full mid-batch: {counts} when full; drained {drain:.0f} s after space came "
        f"back; published {result.published}, stored {result.stored}, indexed "
        f"{result.indexed}, outbox rows {result.rows}, received {result.received}, raw "
        f"duplicates {len(result.raw_duplicates)} (window rows {len(window)}), deduplicated 0"
    )
    assert result.problems() == [], result
    assert result.published == result.stored == result.indexed
