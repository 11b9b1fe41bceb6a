"""A document the intake cannot store makes its source's crawl an error, shown in
``myrtille sources``, on ``/sources`` and in ``/metrics``; the other documents of its
batch are stored.

The refusal is real: the state database itself refuses one record (a trigger aborts the
insert of its row), the kind of failure that used to end as "Scraper close failure" in the
crawl log and "ok" on the source. (A lone surrogate in a JSON record was the example here
until issue 15: such text is now stored with U+FFFD in its place, see
tests/security/test_corpus_opendata.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

from myrtille.config.loading import load_settings
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.web.app import create_app
from tests.crawlers.test_other_kinds import RECORDS, bodacc_records
from tests.service.test_run import cli_env
from tests.web.conftest import serve_app
from tests.web.test_sources_page import cell, load_state, text


def test_an_item_the_intake_refuses_fails_the_source(server: RouteServer, tmp_path: Path) -> None:
    records = bodacc_records(3)
    payload = json.dumps({"total_count": 3, "results": records})
    server.routes[RECORDS] = Route(payload.encode(), "application/json", conditional=False)
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"""data_dir: {tmp_path / "data"}
crawl: {{autothrottle: false, timeout: 5s, retries: 0}}
sources:
  - {{id: bodacc, kind: opendata, preset: bodacc, url: "{server.url(RECORDS)}"}}
""",
        encoding="utf-8",
    )
    settings = load_settings(config, env={})
    database = open_database(settings.state_url)
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON document "
            "WHEN NEW.title LIKE '%Société 1 SAS%' "
            "BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"
        )
    try:
        report = run_crawl(settings, database, settings.sources)
        outcome = report.outcomes["bodacc"]
        assert outcome.error is not None, "a lost document was reported as a success"
        assert "could not store 1 of 3 documents" in outcome.error
        assert "disk quota exceeded" in outcome.error and "A202600001" in outcome.error
        # The other two documents of the batch were stored and counted.
        assert outcome.new == 2
        titles = sorted(d.title for d in Intake(database).documents())
        assert titles == [
            "Procédures collectives — Société 0 SAS (Toulouse)",
            "Procédures collectives — Société 2 SAS (Toulouse)",
        ]
        state = load_state(database, "bodacc")
        assert state is not None and state.consecutive_failures == 1
        assert state.last_error == outcome.error and state.last_success_at is None

        shown = subprocess.run(
            [sys.executable, "-m", "myrtille", "--config", str(config), "sources"],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert shown.returncode == 0, shown.stderr
        assert "could not store 1 of 3" in " ".join(shown.stdout.split())

        with serve_app(create_app(settings)) as url:
            page = httpx.get(f"{url}/sources", params={"lang": "en"}, timeout=10)
            metrics = httpx.get(f"{url}/metrics", timeout=10).text
        shown_error = text(cell(page.text, "bodacc", "last-error")).lower()
        assert "could not store 1 of 3 documents" in shown_error
        assert 'myrtille_source_errors{source="bodacc"} 1' in metrics
    finally:
        database.dispose()
