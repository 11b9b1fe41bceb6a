"""API fuzzing (issue 15.4): Schemathesis, every check, against a real ``myrtille serve``
process and the OpenAPI schema at its real URL, with an API key and without one. Holds:
no server error, no answer outside the schema (status, headers, body, content type), every
valid request accepted and every invalid one refused, and no answer slower than
``MAX_RESPONSE_SECONDS``. The figures go to docs/security.md ("API fuzzing")."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from myrtille.config.loading import load_settings
from myrtille.index.factory import open_index
from myrtille.store.database import open_database
from myrtille.web.auth import create_agent
from tests.web.conftest import documents
from tests.web.serve_process import myrtille_serve

# Two runs of 35 to 50 s each (see docs/security.md for the figures).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# The bound every answer is held to (an empty-ish index on a 2-core machine answers in
# tens of milliseconds; the bound leaves room for a loaded CI machine, not for a hang).
MAX_RESPONSE_SECONDS = 5
# Test cases per operation and phase: 1,100 to 1,500 requests a run, 35 to 45 s each.
MAX_EXAMPLES = 40
SEED = 15


@dataclass
class Served:
    url: str
    key: str
    reports: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("fuzz")
    data_dir = tmp / "data"
    config = tmp / "myrtille.yaml"
    # The key's limit is part of what is fuzzed (429 is in the schema), but a limit the
    # fuzzer reached would answer 429 to everything after.
    web = {"rate_limits": {"api": {"requests": 1_000_000}}}
    config.write_text(yaml.safe_dump({"data_dir": str(data_dir), "web": web}), encoding="utf-8")
    settings = load_settings(config, env={})
    index = open_index(settings)
    index.index(documents())
    index.close()
    database = open_database(settings.state_url)
    _agent, key = create_agent(database, "fuzz-agent", "agent@example.org")
    database.dispose()
    with myrtille_serve(config, tmp / "serve.log") as url:
        yield Served(url, key, tmp / "reports")


def schemathesis(served: Served, name: str, *options: str) -> dict[str, object]:
    """Run ``schemathesis run`` with every check; its figures, read from its own report."""
    events = served.reports / f"{name}.ndjson"
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.web.api_fuzz_hooks", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(Path(__file__).with_name("schemathesis.toml")),
            "run",
            f"{served.url}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            str(SEED),
            "--max-response-time",
            str(MAX_RESPONSE_SECONDS),
            "--workers",
            "1",
            "--no-color",
            "--report",
            "ndjson",
            "--report-ndjson-path",
            str(events),
            *options,
        ],
        cwd=served.reports.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-20_000:]
    return figures(events)


def figures(events: Path) -> dict[str, object]:
    """Requests sent, their statuses, the slowest answer and the paths answered with a
    2xx, from the interactions each finished scenario recorded in the ndjson events."""
    sent, slowest, statuses, served = 0, 0.0, {}, set()
    for line in events.read_text(encoding="utf-8").splitlines():
        finished = json.loads(line).get("ScenarioFinished")
        if not finished:
            continue
        for interaction in finished["recorder"].get("interactions", {}).values():
            response = interaction.get("response")
            if not response:  # the request never got an answer (a check says why)
                continue
            sent += 1
            slowest = max(slowest, float(response["elapsed"]))
            status = str(response["status_code"])
            statuses[status] = statuses.get(status, 0) + 1
            if status.startswith("2"):
                path = urlsplit(interaction["request"]["uri"]).path
                served.add(re.sub(r"/[0-9]+$", "/{id}", path))
    return {
        "requests": sent,
        "slowest_seconds": round(slowest, 3),
        "statuses": statuses,
        "served_paths": sorted(served),
    }


def test_fuzzing_with_an_api_key(served: Served) -> None:
    # The live stream never ends by design: its own tests are tests/web/test_stream.py.
    found = schemathesis(
        served,
        "with-key",
        "--header",
        f"X-API-Key: {served.key}",
        "--exclude-path",
        "/api/v1/stream",
    )
    print("with a key:", json.dumps(found))
    assert found["requests"] > 800
    assert float(found["slowest_seconds"]) < MAX_RESPONSE_SECONDS  # type: ignore[arg-type]


def test_fuzzing_without_a_key(served: Served) -> None:
    found = schemathesis(served, "without-key")
    print("without a key:", json.dumps(found))
    assert found["requests"] > 500
    assert float(found["slowest_seconds"]) < MAX_RESPONSE_SECONDS  # type: ignore[arg-type]
    # Nothing of /api/v1 without a key: only the probes are public.
    assert set(found["served_paths"]) <= {"/healthz", "/metrics"}, found  # type: ignore[arg-type]
