"""A pool of extraction workers that never starts must not leave the crawl waiting for
ever (CI, under load: after a timed-out page the new pool never answered and the crawl
child never ended). The pool is replaced once, then the crawl extracts in its own process.
Each case runs a real pool with real worker processes in a process of its own; ~3 s each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def extract_with_stuck_pools(stuck: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.crawlers.warm_up_script", str(stuck)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,  # the pool waiting for ever fails here
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("stuck", "pools", "said"),
    [
        (1, 2, ["extraction workers did not start in time: pool replaced"]),
        (
            2,
            2,
            [
                "extraction workers did not start in time: pool replaced",
                "extraction workers unavailable",
            ],
        ),
    ],
)
def test_a_pool_that_never_starts_is_replaced_then_given_up(
    stuck: int, pools: int, said: list[str]
) -> None:
    out = extract_with_stuck_pools(stuck)
    assert out["title"] == "Une usine à Montauban", out
    assert out["pools"] == pools, out
    for line in said:
        assert any(logged.startswith(line) for logged in out["log"]), out["log"]
