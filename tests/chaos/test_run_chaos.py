"""Chaos run of ``myrtille run`` (SQLite): a news site publishing continuously, a real SMTP
server (down for a while mid-run, then back) and a webhook receiver; SIGKILL at random
moments to the crawl child, the service mid-processing, mid-dispatch, at any moment, or
its whole process tree; a restart after each kill of the service; then a clean drain.

Pass: every published article stored and indexed once; every outbox row sent and
received on its channel, none lost, none twice but those the documented window allows
(``audit.py``); none twice once deduplicated by the id each send of a row carries.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from myrtille.store.database import Database, open_database
from tests.chaos.audit import audit
from tests.chaos.monkey import Chaos, Target, chaos_seconds, outage_seconds, seed, wait_until
from tests.chaos.newsroom import HOOK, MailServer, Newsroom, receivers
from tests.chaos.processes import Supervised, crawl_child
from tests.chaos.scenario import (
    Collected,
    Progress,
    Publisher,
    drained,
    in_flight,
    kill_crawl_child,
    subscribe,
    supervised,
    write_config,
)

pytestmark = [pytest.mark.slow, pytest.mark.chaos]


def outage(mail: MailServer, after: float, seconds: float, done: threading.Event) -> None:
    time.sleep(after)
    mail.down()
    time.sleep(seconds)
    mail.up()
    done.set()


def targets(service: Supervised, database: Database) -> list[Target]:
    progress, collected = Progress(database), Collected(database)

    def crawl() -> str | None:
        caught = kill_crawl_child(service)
        if caught:
            collected.mark()
        return caught

    def crawling() -> bool:
        return service.alive and crawl_child(service.pid) is not None and collected.since()

    def restart(tree: bool = False) -> None:
        service.kill(tree=tree)
        progress.mark()
        service.start()

    def anytime(tree: bool) -> str:
        restart(tree)
        return ""

    # A restart loads the spaCy models again (5-15 s): the service is killed again once it
    # has processed something since; the crawl child is killed whenever it runs.
    up = lambda: service.uptime > 2 and progress.made()  # noqa: E731
    return [
        Target("crawl child", 4, crawling, crawl),
        Target("processing", 1.5, up, in_flight(database, "claimed", restart), sends=True),
        Target("dispatch", 1.5, up, in_flight(database, "sending", restart), sends=True),
        Target("service", 1, up, lambda: anytime(False), sends=True),
        Target("whole tree", 1, up, lambda: anytime(True), sends=True),
    ]


def test_myrtille_run_survives_sigkills_and_an_smtp_outage(tmp_path: Path) -> None:
    rng = random.Random(seed_value := seed())
    data_dir = tmp_path / "data"
    config = tmp_path / "myrtille.yaml"
    seconds, down = chaos_seconds(), outage_seconds()
    # A restart costs the models' loading: few kills here, most in test_worker_chaos.
    kills = seconds // 8
    with Newsroom(rng.randrange(1 << 30)) as newsroom, receivers() as (mail, hooks):
        write_config(config, data_dir, newsroom.feed_url, mail.port)
        subscribe(config, hooks.url(HOOK))
        database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
        service = supervised("myrtille run", config, tmp_path / "service.log", "run", "--port", "0")
        for _ in range(3):
            newsroom.publish()
        publisher = Publisher(newsroom, rng)
        chaos = Chaos(rng, database, mail.recorder, hooks)
        back = threading.Event()
        service.start()
        publisher.start()
        threading.Thread(
            target=outage, args=(mail, min(10, seconds / 4), down, back), daemon=True
        ).start()
        try:
            chaos.run(targets(service, database), seconds, (0.8, 1.6), kills)
            publisher.stop.set()
            publisher.join()
            assert back.wait(down + 30)
            if not service.alive:
                service.start()
            drain_started = time.monotonic()
            assert wait_until(
                lambda: drained(newsroom, database, mail.recorder, hooks), 300, poll=0.5
            ), service.tail()
            drain = time.monotonic() - drain_started
            time.sleep(4)  # a few more runs of every job: nothing moves any more
            before = len(mail.recorder.envelopes) + len(hooks.deliveries)
            time.sleep(3)
            assert len(mail.recorder.envelopes) + len(hooks.deliveries) == before
        finally:
            publisher.stop.set()
            code = service.stop() if service.alive else None
        assert code == 0, service.tail()
        result = audit(
            newsroom, database, data_dir / "index.db", mail.recorder, hooks, chaos.window
        )
        database.dispose()
    print(
        f"\nmyrtille run chaos (seed {seed_value}, {seconds} s, SMTP down {down} s): "
        f"{chaos.summary()}; {service.starts} starts; published {result.published}, "
        f"stored {result.stored}, indexed {result.indexed}, stories {result.stories}, "
        f"outbox rows {result.rows}, received {result.received}, raw duplicates "
        f"{len(result.raw_duplicates)}, deduplicated duplicates 0, drain {drain:.0f} s"
    )
    assert result.problems() == [], result
    assert result.published == result.stored == result.indexed
    assert len(chaos.kills) >= kills, chaos.summary()
