"""``myrtille run`` end to end, as an operator starts it: a subprocess against the demo
site and a real SMTP server; a new article in the feed becomes exactly one email; SIGTERM
stops the service cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from myrtille.demo.corpus import load_corpus
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import FEED_PATHS, DemoSite
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.alerts.test_demo_alerts import NEW, SECRET
from tests.alerts.test_email import Recorder, free_port, received, smtp_server
from tests.waiting import wait_for

SERVICE_ENV = {
    "MYRTILLE_SERVICE__CRAWL_INTERVAL": "2s",
    "MYRTILLE_SERVICE__PROCESS_INTERVAL": "2s",
    "MYRTILLE_SERVICE__DISPATCH_INTERVAL": "2s",
}


def write_config(
    path: Path, data_dir: Path, feed_url: str, smtp_port: int, interval: str = "1m"
) -> None:
    path.write_text(
        f"""data_dir: {data_dir}
secret_key: "{SECRET.decode()}"
crawl:
  autothrottle: false
  concurrency_per_domain: 8
sources:
  - id: eco-regions
    kind: feed
    url: {feed_url}
    interval: {interval}
email:
  smtp_host: 127.0.0.1
  smtp_port: {smtp_port}
""",
        encoding="utf-8",
    )


def cli_env() -> dict[str, str]:
    # The service reads only its configuration file and the overrides given here.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYRTILLE")}
    return env | SERVICE_ENV


def test_run_crawls_processes_alerts_once_and_stops_on_sigterm(tmp_path: Path) -> None:
    recorder = Recorder()
    corpus = load_corpus()
    config = tmp_path / "myrtille.yaml"
    data_dir = tmp_path / "data"
    log = tmp_path / "service.log"
    with smtp_server(recorder) as smtp_port, RouteServer() as site:
        site.routes.update(DemoSite(corpus, site.base_url).routes())
        # The source is due every 5 s (not the usual minute): the new article below is
        # brought by the next crawl without waiting out a minute, and the feed is crawled
        # again and again meanwhile, so "exactly one email" holds across many crawls.
        write_config(
            config, data_dir, site.url(FEED_PATHS["eco-regions"]), smtp_port, interval="5s"
        )
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
        assert "is active" in subscribed.stdout

        database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
        intake = Intake(database)
        expected = len(corpus.articles_of("eco-regions"))
        port = free_port()
        with log.open("wb") as output:
            service = subprocess.Popen(
                [*base, "run", "--port", str(port)],
                env=cli_env(),
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:

            def processed(count: int) -> Callable[[], bool]:
                def check() -> bool:
                    states = intake.counts()
                    return (
                        states.get("done", 0) >= count
                        and not states.get("pending")
                        and not states.get("claimed")
                    )

                return check

            wait_for(processed(expected), "the first crawl to be processed", log, 180, service)
            before = len(recorder.envelopes)

            # The new article appears in the demo feed: the next crawl (the source's
            # interval is 5 s) brings it, processing matches it, dispatch sends it.
            grown = replace(corpus, articles=[*corpus.articles, NEW])
            site.routes.update(DemoSite(grown, site.base_url).routes())

            def mailed() -> bool:
                return any(
                    "Hélicea" in str(received(e)["Subject"]) for e in recorder.envelopes[before:]
                )

            wait_for(mailed, "the alert email", log, 180, service)
            time.sleep(8)  # a few more dispatch runs: nothing is sent twice
            about = [e for e in recorder.envelopes if "Hélicea" in str(received(e)["Subject"])]
            assert len(about) == 1
            assert about[0].rcpt_tos == ["pme@exemple.fr"]
            assert processed(expected + 1)()
        finally:
            service.send_signal(signal.SIGTERM)
            try:
                code = service.wait(timeout=120)
            except subprocess.TimeoutExpired:
                service.kill()
                service.wait()
                raise
            database.dispose()
        text = log.read_text()
        assert code == 0, text[-6000:]
        assert "stopped" in text
