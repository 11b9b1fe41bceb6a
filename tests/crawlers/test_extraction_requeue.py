"""The pages in the workers' hands when the pool is replaced are all given to the new one,
once each. Before session 8, replacing the pool walked the list of pages in hand while
taking them out of it: every other page was skipped. After a timeout (one worker) the
page queued behind the slow one was dropped, its Deferred never fired, and the crawl
waited for it for ever (the hang of test_extraction_pool's timeout test under load).
After a crash with several pages in hand, one page was queued twice: its Deferred fired
twice (AlreadyCalledError) and the pages after it were never handed out.

Each case runs a real pool with real worker processes in a process of its own
(tests/crawlers/requeue_script.py); 10-40 s each on 2 loaded cores.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_pool(mode: str, workers: int, timeout: float, slow: int, ordinary: int) -> dict:
    args = [mode, str(workers), str(timeout), str(slow), str(ordinary)]
    done = subprocess.run(
        [sys.executable, "-m", "tests.crawlers.requeue_script", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,  # the script gives up on lost pages well before
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


ORDINARY = {
    "http://example.test/0.html": "extracted: Une usine à Montauban",
    "http://example.test/1.html": "extracted: A plant closes in Leeds",
    "http://example.test/2.html": "extracted: Un rachat à Brest",
}


def test_the_page_behind_a_timed_out_one_is_extracted_by_the_new_pool() -> None:
    # One worker: the first ordinary page waits in its hands behind the slow one.
    out = run_pool("timeout", workers=1, timeout=0.5, slow=1, ordinary=3)
    assert out["pages"] == {"http://example.test/slow-0.html": "failed: timed_out", **ORDINARY}
    assert out["errors"] == []


def test_every_page_in_hand_when_a_worker_dies_is_extracted_once() -> None:
    # Six pages in hand (two per worker of three) when one worker is killed: every one
    # is taken back (the pool breaks with it), then extracted alone.
    out = run_pool("kill", workers=3, timeout=600, slow=3, ordinary=3)
    slow = {f"http://example.test/slow-{n}.html": "extracted: None" for n in range(3)}
    assert out["pages"] == {**slow, **ORDINARY}
    assert out["errors"] == []
