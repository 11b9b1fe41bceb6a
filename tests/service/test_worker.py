"""``myrtille worker``: several crawl workers share due sources without crawling one twice;
a processing worker started as an operator would, then stopped with SIGTERM, leaves no
claim of its own and leaves another machine's live claim alone. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import select

from myrtille.config.loading import load_settings
from myrtille.crawlers.runner import due_sources, run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.index.factory import open_index
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service.locks import claimed_sources
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Document
from tests.crawlers.pages import PARAGRAPH, article_html, rss
from tests.waiting import wait_for

MYRTILLE = [sys.executable, "-m", "myrtille"]


def test_two_crawl_workers_crawl_a_due_source_once(
    state_url: str, tmp_path: Path, server: RouteServer
) -> None:
    server.routes["/feed.xml"] = Route(
        rss([{"title": "Levée de fonds", "link": server.url("/a1")}]).encode(),
        "application/rss+xml",
    )
    server.routes["/a1"] = Route(article_html("Aérovolt lève 12 millions").encode())
    settings = load_settings(
        None,
        env={},
        overrides={
            "data_dir": str(tmp_path / "data"),
            "database_url": state_url,
            "sources": [
                {"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "1h"}
            ],
            "crawl": {"autothrottle": False, "timeout": "5s", "retries": 0},
        },
    )
    first = open_database(state_url)
    due = due_sources(settings, first)
    assert [s.id for s in due] == ["eco"]
    # Both workers chose the source before either crawled it: the race the lock is for.
    start = threading.Barrier(2, timeout=60)
    crawled: list[str] = []
    errors: list[BaseException] = []

    def worker(database: Database) -> None:
        try:
            start.wait()
            with claimed_sources(settings, database, due) as mine:
                if mine:
                    run_crawl(settings, database, mine)
                    crawled.extend(s.id for s in mine)
        except BaseException as exc:
            errors.append(exc)
            start.abort()

    # Each worker with its own connections, as on two machines.
    databases = [Database(state_url) for _ in range(2)]
    threads = [threading.Thread(target=worker, args=(db,)) for db in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for database in databases:
        database.dispose()
    assert errors == []
    assert crawled == ["eco"]
    assert server.hits["/feed.xml"] == 1
    assert server.hits["/a1"] == 1
    assert Intake(first).counts() == {"pending": 1}
    first.dispose()


def test_process_worker_stops_on_sigterm_leaving_no_claim_of_its_own(
    state_url: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"data_dir: {data_dir}\ndatabase_url: {state_url}\nenrichment:\n  batch_size: 2\n",
        encoding="utf-8",
    )
    database = open_database(state_url)
    intake = Intake(database)
    for n in range(8):
        intake.add(
            CollectedDocument(
                url=f"https://news.example/avis-{n}",
                source_id="eco",
                title=f"Avis {n} : Aérovolt à Toulouse",
                text=PARAGRAPH.format(
                    name=f"Aérovolt {n}", city="Toulouse", event="une levée de fonds"
                ),
                kind="notice",
            )
        )
    # Another machine's worker is processing this one right now: its claim is live.
    (elsewhere,) = intake.claim(1, stage="process")
    log = tmp_path / "worker.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYRTILLE")} | {
        "MYRTILLE_SERVICE__PROCESS_INTERVAL": "1s",
        "MYRTILLE_SERVICE__PROCESS_LIMIT": "2",
    }
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [*MYRTILLE, "--config", str(config), "worker", "--role", "process"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            wait_for(
                lambda: intake.counts().get("done", 0) >= 2,
                "two documents processed",
                log,
                120,
                worker,
                0.3,
            )
            worker.send_signal(signal.SIGTERM)
            code = worker.wait(timeout=120)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    text = log.read_text()
    assert code == 0, text
    assert "stopped" in text
    with database.session() as session:
        statuses = dict(session.execute(select(Document.id, Document.status)).all())
    claimed = {doc_id for doc_id, status in statuses.items() if status == "claimed"}
    assert claimed == {elsewhere.id}
    done = {doc_id for doc_id, status in statuses.items() if status == "done"}
    assert len(done) >= 2
    assert set(statuses.values()) <= {"claimed", "done", "pending"}
    settings = load_settings(config, env={})
    index = open_index(settings)
    try:
        assert {doc_id for doc_id in done if index.get(doc_id) is not None} == done
    finally:
        index.close()
    database.dispose()
