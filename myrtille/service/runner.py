"""``myrtille run``: recover what a killed run left, start the scheduler, serve the web
app in the main thread; on SIGTERM/SIGINT stop serving, then let in-flight jobs finish."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")


@dataclass
class Recovered:
    claims: int
    sending: int
    reindexed: int = 0


# Documents processed last that recovery checks in the index: a kill can only catch the
# batch being indexed (each batch is indexed before the next is claimed).
RECENT_BATCHES = 4


def recover(settings: Settings, database: Database, index: IndexBackend | None = None) -> Recovered:
    """Single-machine mode: nothing else works on this state, so every intake claim and
    every delivery left ``sending`` belongs to a previous run that was killed; and the
    documents processed last, whose batch was committed but maybe not yet indexed when
    the kill came, are indexed if the index lacks them."""
    from datetime import timedelta

    from sqlalchemy import update

    from myrtille.pipeline.intake import Intake
    from myrtille.store.subscriptions import OutboxItem

    claims = Intake(database, settings.dedup).release_stale(timedelta(0))
    with database.session() as session:
        sending = (
            session.execute(
                update(OutboxItem).where(OutboxItem.status == "sending").values(status="pending")
            ).rowcount
            or 0
        )
    reindexed = 0
    if index is not None:
        reindexed = index_missing(database, index, settings.enrichment.batch_size * RECENT_BATCHES)
    return Recovered(claims, sending, reindexed)


def index_missing(database: Database, index: IndexBackend, recent: int) -> int:
    """Index those of the ``recent`` documents processed last that the index lacks."""
    from sqlalchemy import select

    from myrtille.index.records import load_documents
    from myrtille.store.schema import Document, Enrichment

    with database.session() as session:
        ids = list(
            session.scalars(
                select(Enrichment.document_id)
                .join(Document, Document.id == Enrichment.document_id)
                .where(Document.status == "done")
                .order_by(Enrichment.processed_at.desc())
                .limit(recent)
            )
        )
    missing = [document_id for document_id in ids if index.get(document_id) is None]
    return sum(index.index(chunk) for chunk in load_documents(database, missing)) if missing else 0


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, minus re-raising the signal after its shutdown: the
        scheduler still has to stop and the process to exit with code 0."""

        @contextmanager
        def capture_signals(self) -> Iterator[None]:
            previous = {
                sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)
            }
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    return Server


def _when_serving(server: Any, hook: Callable[[Callable[[], None]], None]) -> None:
    """Call ``hook`` once the web app accepts connections, with a function that stops the
    service as a signal would (for callers that run something alongside, e.g. the demo)."""
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.1)

    def stop() -> None:
        server.should_exit = True

    hook(stop)


def run_service(
    settings: Settings,
    database: Database,
    host: str,
    port: int,
    on_serving: Callable[[Callable[[], None]], None] | None = None,
    access_log: bool = False,
) -> int:
    from myrtille.service import jobs
    from myrtille.service.scheduler import build_scheduler, hand_off
    from myrtille.web.app import create_app
    from myrtille.web.server import server_config

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    from myrtille.index.factory import open_index
    from myrtille.store.health import health_of

    health_of(settings.data_dir).reset()  # problems of a previous run are not ours
    index = open_index(settings)
    try:
        recovered = recover(settings, database, index)
    finally:
        index.close()
    if recovered.claims or recovered.sending or recovered.reindexed:
        log.warning(
            "a previous run stopped mid-work: %d document claim(s) and %d delivery(ies) "
            "given back to the queues, %d processed document(s) indexed",
            recovered.claims,
            recovered.sending,
            recovered.reindexed,
        )
    app = create_app(settings)
    scheduler = build_scheduler(settings)
    scheduler.start()
    hand_off(scheduler, jobs.context(settings.model_dump_json()).handoff)
    log.info("scheduler started: %s", ", ".join(job.id for job in scheduler.get_jobs()))
    server = _server_class()(server_config(app, settings, host, port, access_log=access_log))
    if on_serving is not None:
        threading.Thread(
            target=_when_serving, args=(server, on_serving), daemon=True, name="on-serving"
        ).start()
    try:
        server.run()
    finally:
        log.info("stopping: waiting for running jobs to finish")
        # Paused first, so that no job starts while we wait; a job that falls due during
        # the wait stays due for the next start (Scheduler._process_jobs).
        scheduler.pause()
        scheduler.shutdown(wait=True)
        jobs.close_all()
        log.info("stopped")
    return 0 if server.started else 1
