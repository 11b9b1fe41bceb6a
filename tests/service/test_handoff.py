"""Hand-off between stages (service/handoff.py): a crawl that stores new documents wakes
processing, processing that queues alerts wakes the dispatcher, without waiting for their
intervals. In one process a call; between worker processes on PostgreSQL, LISTEN/NOTIFY.

The end-to-end tests set the processing and dispatch intervals to ten minutes: an alert
mailed within the wait below (well under the nine minutes the jittered safety net needs
before its first run) can only have been handed off."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path

from myrtille.demo.corpus import load_corpus
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import FEED_PATHS, DemoSite
from myrtille.pipeline.intake import Intake
from myrtille.service.handoff import Handoff, Listener
from myrtille.store.database import open_database
from tests.alerts.test_demo_alerts import NEW, SECRET
from tests.alerts.test_email import Recorder, free_port, received, smtp_server
from tests.service.test_run import cli_env
from tests.waiting import wait_until

# Far longer than any wait below: only a hand-off can run these jobs in time.
SAFETY_NET = {
    "MYRTILLE_SERVICE__CRAWL_INTERVAL": "2s",
    "MYRTILLE_SERVICE__PROCESS_INTERVAL": "10m",
    "MYRTILLE_SERVICE__DISPATCH_INTERVAL": "10m",
}
WAIT = 240  # seconds; the safety net's first run comes after 9 minutes at the earliest


def test_a_wake_up_while_the_job_runs_starts_it_again_once_it_ends() -> None:
    handoff = Handoff()
    wakes: list[str] = []
    handoff.subscribe("process", lambda: wakes.append("process"))
    handoff.announce("process")
    assert wakes == ["process"]
    handoff.started("process")
    handoff.announce("process")
    handoff.announce("process")
    assert wakes == ["process"]  # running: kept as pending, not lost
    handoff.finished("process")
    assert wakes == ["process", "process"]
    handoff.started("process")
    handoff.finished("process")
    assert wakes == ["process", "process"]  # nothing announced meanwhile


def test_notify_reaches_another_process_listener(postgres_database: str) -> None:
    announcer_db, listener_db = open_database(postgres_database), open_database(postgres_database)
    announcer, listening = Handoff(announcer_db), Handoff(listener_db)
    woken = threading.Event()
    listening.subscribe("dispatch", woken.set)
    stop = threading.Event()
    listener = Listener(listener_db, listening, ["dispatch"], stop)
    listener.start()
    try:
        assert listener.listening.wait(30)
        announcer.announce("process")  # not a job of the listener's: ignored
        announcer.announce("dispatch")
        assert woken.wait(30)
        assert listening.pending("dispatch") and not listening.pending("process")
    finally:
        stop.set()
        listener.join(10)
        announcer_db.dispose()
        listener_db.dispose()


def write_config(path: Path, data_dir: Path, feed_url: str, smtp_port: int, extra: str) -> None:
    path.write_text(
        f"""data_dir: {data_dir}
secret_key: "{SECRET.decode()}"
{extra}crawl:
  autothrottle: false
  concurrency_per_domain: 8
sources:
  - id: eco-regions
    kind: feed
    url: {feed_url}
    interval: 3s
email:
  smtp_host: 127.0.0.1
  smtp_port: {smtp_port}
""",
        encoding="utf-8",
    )


@contextmanager
def started(command: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            env=cli_env() | SAFETY_NET,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
        assert code == 0, log.read_text()[-6000:]


def publish_and_expect_the_alert(
    tmp_path: Path, state_url: str | None, commands: dict[str, list[str]]
) -> None:
    """The demo site, a subscriber; ``commands`` (name -> arguments after ``--config``)
    started; once the first crawl is processed, a new article is published and its alert
    must be mailed."""
    recorder = Recorder()
    corpus = load_corpus()
    config = tmp_path / "myrtille.yaml"
    data_dir = tmp_path / "data"
    extra = f"database_url: {state_url}\n" if state_url else ""
    with smtp_server(recorder) as smtp_port, RouteServer() as site:
        site.routes.update(DemoSite(corpus, site.base_url).routes())
        write_config(config, data_dir, site.url(FEED_PATHS["eco-regions"]), smtp_port, extra)
        base = [sys.executable, "-m", "myrtille", "--config", str(config)]
        subscribed = subprocess.run(
            [
                *base,
                "subscribe",
                "--email",
                "pme@exemple.fr",
                "--query",
                "aerovolt event:acquisition",
                "--confirmed",
            ],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert subscribed.returncode == 0, subscribed.stderr
        database = open_database(state_url or f"sqlite:///{data_dir / 'myrtille.db'}")
        intake = Intake(database)
        expected = len(corpus.articles_of("eco-regions"))
        with ExitStack() as stack:
            for name, arguments in commands.items():
                stack.enter_context(started([*base, *arguments], tmp_path / f"{name}.log"))

            def wait(condition: Callable[[], bool], what: str) -> None:
                if not wait_until(condition, WAIT, 0.5):
                    tails = "".join(
                        f"\n== {name}\n" + (tmp_path / f"{name}.log").read_text()[-3000:]
                        for name in commands
                    )
                    raise AssertionError(f"timed out waiting for {what}{tails}")

            def processed(count: int) -> bool:
                states = intake.counts()
                return states.get("done", 0) >= count and not states.get("pending")

            # The first crawl's documents: processed only if the crawl woke processing.
            wait(lambda: processed(expected), "the first crawl processed")
            grown = replace(corpus, articles=[*corpus.articles, NEW])
            site.routes.update(DemoSite(grown, site.base_url).routes())

            def mailed() -> bool:
                return any("Hélicea" in str(received(e)["Subject"]) for e in recorder.envelopes)

            wait(mailed, "the alert email, handed off")
        about = [e for e in recorder.envelopes if "Hélicea" in str(received(e)["Subject"])]
        assert len(about) == 1
        assert about[0].rcpt_tos == ["pme@exemple.fr"]
        database.dispose()


def test_run_hands_a_crawl_to_processing_and_processing_to_dispatch(tmp_path: Path) -> None:
    publish_and_expect_the_alert(tmp_path, None, {"service": ["run", "--port", str(free_port())]})


def test_workers_hand_off_through_postgresql_notify(tmp_path: Path, postgres_database: str) -> None:
    publish_and_expect_the_alert(
        tmp_path,
        postgres_database,
        {
            "crawl": ["worker", "--role", "crawl"],
            "process": ["worker", "--role", "process"],
            "dispatch": ["worker", "--role", "dispatch"],
        },
    )
