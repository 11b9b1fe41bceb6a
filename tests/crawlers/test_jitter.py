"""Per-source jitter: sources configured alike fall due at different, stable moments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from myrtille.config.settings import Settings
from myrtille.crawlers.runner import JITTER, due_sources, poll_offset
from myrtille.store.database import Database
from myrtille.store.schema import SourceState, utcnow

M = timedelta(minutes=1)


def test_the_offset_is_stable_bounded_and_differs_between_sources() -> None:
    ids = [f"feed-{n}" for n in range(200)]
    offsets = [poll_offset(source_id, 30 * M) for source_id in ids]
    assert offsets == [poll_offset(source_id, 30 * M) for source_id in ids]
    assert all(timedelta(0) <= o < 30 * M * JITTER for o in offsets)
    # Spread over the whole window (180 whole seconds), not bunched in a few of them.
    assert len(set(offsets)) > 100
    assert min(offsets) < 30 * M * JITTER * 0.1 and max(offsets) > 30 * M * JITTER * 0.9
    # The same share of a longer interval.
    assert abs(poll_offset("feed-7", 60 * M) - 2 * poll_offset("feed-7", 30 * M)) <= timedelta(
        seconds=1
    )


def test_sources_crawled_together_fall_due_one_by_one(
    database: Database, settings_for: Callable[..., Settings]
) -> None:
    ids = [f"feed-{n}" for n in range(12)]
    settings = settings_for(
        [
            {"id": i, "kind": "feed", "url": f"https://example.org/{i}.xml", "interval": "30m"}
            for i in ids
        ]
    )
    crawled = utcnow() - timedelta(hours=2)
    with database.session() as session:
        for source_id in ids:
            session.merge(SourceState(source_id=source_id, kind="feed", last_attempt_at=crawled))

    def due(after: timedelta) -> set[str]:
        return {s.id for s in due_sources(settings, database, now=crawled + after)}

    assert due(30 * M - timedelta(seconds=1)) == set()
    assert due(30 * M + 30 * M * JITTER) == set(ids)
    # Each source becomes due exactly at its own offset, not before.
    for source_id in ids:
        moment = 30 * M + poll_offset(source_id, 30 * M)
        assert source_id in due(moment)
        assert source_id not in due(moment - timedelta(seconds=1))
    # Stepping through the window minute by minute, they arrive in several groups.
    seen: set[str] = set()
    groups = 0
    for second in range(0, int((30 * M * JITTER).total_seconds()) + 1, 30):
        now_due = due(30 * M + timedelta(seconds=second))
        groups += bool(now_due - seen)
        seen |= now_due
    assert seen == set(ids) and groups >= 5
