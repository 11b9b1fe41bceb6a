"""The crawl job (service/jobs.py) through the crawl child kept warm: it runs again when
its next source falls due, not a whole job interval later, and the child goes with the
service's resources."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

from myrtille.config.settings import Settings
from myrtille.crawlers.health import all_states
from myrtille.demo.httpserver import RouteServer
from myrtille.service import jobs
from tests.crawlers.test_feed_crawl import serve_feed
from tests.crawlers.test_resident import crawl_children


def test_the_crawl_job_is_woken_when_its_next_source_falls_due(
    server: RouteServer, settings_for: Callable[..., Settings]
) -> None:
    serve_feed(server, 2)
    # Due again 15 s after its crawl started: longer than a crawl takes on a busy machine
    # (a source still due when its crawl ends is left to the job's interval).
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "15s"}]
    )
    # The job's own interval is an hour: only the wake-up can bring the next crawl soon.
    service = settings.service.model_copy(update={"crawl_interval": timedelta(hours=1)})
    settings = settings.model_copy(update={"service": service})
    payload = settings.model_dump_json()
    ctx = jobs.context(payload)
    woken = threading.Event()
    ctx.handoff.subscribe("crawl", woken.set)
    try:
        jobs.crawl(payload)
        ctx.handoff.finished("crawl")  # as the scheduler says when the job has ended
        first = all_states(ctx.database).get("eco")
        assert first is not None and first.last_attempt_at is not None
        assert first.last_error is None
        child = ctx.crawler().pid
        assert child is not None and crawl_children() == [child]

        assert woken.wait(120), "the crawl job was not woken when its source fell due"
        woken.clear()
        jobs.crawl(payload)
        second = all_states(ctx.database).get("eco")
        assert second is not None and second.last_attempt_at is not None
        assert second.last_attempt_at > first.last_attempt_at  # crawled again
        assert ctx.crawler().pid == child  # by the same child
    finally:
        jobs.close_all()
    assert crawl_children() == []
