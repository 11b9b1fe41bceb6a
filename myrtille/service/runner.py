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
from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")


@dataclass
class Recovered:
    claims: int
    sending: int


def recover(settings: Settings, database: Database) -> Recovered:
    """Single-machine mode: nothing else works on this state, so every intake claim and
    every delivery left ``sending`` belongs to a previous run that was killed."""
    from datetime import timedelta

    from sqlalchemy import update

    from myrtille.pipeline.intake import Intake
    from myrtille.store.schema import OutboxItem

    claims = Intake(database, settings.dedup).release_stale(timedelta(0))
    with database.session() as session:
        sending = (
            session.execute(
                update(OutboxItem).where(OutboxItem.status == "sending").values(status="pending")
            ).rowcount
            or 0
        )
    return Recovered(claims, sending)


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
) -> int:
    import uvicorn

    from myrtille.service import jobs
    from myrtille.service.scheduler import build_scheduler
    from myrtille.web.app import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    recovered = recover(settings, database)
    if recovered.claims or recovered.sending:
        log.warning(
            "a previous run stopped mid-work: %d document claim(s) and %d delivery(ies) "
            "given back to the queues",
            recovered.claims,
            recovered.sending,
        )
    app = create_app(settings)
    scheduler = build_scheduler(settings)
    scheduler.start()
    log.info("scheduler started: %s", ", ".join(job.id for job in scheduler.get_jobs()))
    server = _server_class()(uvicorn.Config(app, host=host, port=port, log_level="info"))
    if on_serving is not None:
        threading.Thread(
            target=_when_serving, args=(server, on_serving), daemon=True, name="on-serving"
        ).start()
    try:
        server.run()
    finally:
        log.info("stopping: waiting for running jobs to finish")
        scheduler.shutdown(wait=True)
        jobs.close_all()
        log.info("stopped")
    return 0 if server.started else 1
