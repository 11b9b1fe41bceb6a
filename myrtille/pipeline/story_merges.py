"""The writing of the story merges the join across languages decides (stories.py): the
documents of each losing story moved into the winner, its size counted again, the loser
deleted; one merge after another where alerts must fold (``_merge``), or a batch's merges
at once (``_merge_all``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Select, Update, bindparam, case, delete, func, select, update
from sqlalchemy.orm import Session

from myrtille.pipeline.normalise import web_url
from myrtille.store.schema import Document, StoryCluster, utcnow
from myrtille.store.subscriptions import OutboxItem


# A batch's merges are written with statements built once (per count of merges rounded up
# to a power of two): the CASE built for each batch's merges was compiled each time (~1 ms).
@cache
def _moving(count: int) -> Update:
    """The documents of the stories ``loser_i`` moved into ``winner_i`` (i < ``count``),
    returning their ids."""
    return (
        update(Document)
        .where(Document.cluster_id.in_(bindparam("losers", expanding=True)))
        .values(
            cluster_id=case(
                *((bindparam(f"loser_{i}"), bindparam(f"winner_{i}")) for i in range(count)),
                value=Document.cluster_id,
            )
        )
        .returning(Document.id)
    )


@cache
def _counted() -> Select[Any]:
    """The count of documents of each of the stories ``ids`` that holds one."""
    return (
        select(Document.cluster_id, func.count())
        .where(Document.cluster_id.in_(bindparam("ids", expanding=True)))
        .group_by(Document.cluster_id)
    )


@cache
def _sized() -> Update:
    """A story ``story`` given its size ``documents`` at ``now`` (many at once)."""
    table = StoryCluster.__table__
    return (
        update(table)
        .where(table.c.id == bindparam("story"))
        .values(
            size=bindparam("documents"),
            updated_at=bindparam("now", type_=table.c.updated_at.type),
        )
    )


def _merge_all(session: Session, merges: list[tuple[str, str]]) -> set[str]:
    """The ``merges`` (winner, loser), in order, of stories that hold no alert, written at
    once: what ``_merge`` one after another leaves (each loser's documents in the story
    its chain of merges ends in, each such story's size counted, the losers deleted);
    returns the moved documents' ids."""
    into = dict((loser, winner) for winner, loser in merges)
    final = {}
    for loser in into:
        story = into[loser]
        while story in into:  # a winner may lose a later merge
            story = into[story]
        final[loser] = story
    pairs = list(final.items())
    # Padded with the last pair again (one more WHEN of the same answer changes nothing).
    pairs += pairs[-1:] * ((1 << (len(pairs) - 1).bit_length()) - len(pairs))
    values: dict[str, Any] = {"losers": list(final)}
    for i, (loser, winner) in enumerate(pairs):
        values[f"loser_{i}"], values[f"winner_{i}"] = loser, winner
    moved = set(session.scalars(_moving(len(pairs)), values))
    kept = set(final.values())
    sizes = session.execute(_counted(), {"ids": sorted(kept)}).all()
    if sizes:
        session.execute(_sized(), [{"story": s, "documents": n, "now": utcnow()} for s, n in sizes])
    session.execute(delete(StoryCluster).where(StoryCluster.id.in_(list(final))))
    session.flush()
    return moved


def _merge(session: Session, winner: str, loser: str) -> set[str]:
    """Move the loser story's documents and alerts into the winner; returns the moved
    documents' ids."""
    moved = set(
        session.scalars(
            update(Document)
            .where(Document.cluster_id == loser)
            .values(cluster_id=winner)
            .returning(Document.id)
        )
    )
    for item in session.scalars(select(OutboxItem).where(OutboxItem.cluster_id == loser)):
        kept = session.scalar(
            select(OutboxItem).where(
                OutboxItem.subscription_id == item.subscription_id,
                OutboxItem.cluster_id == winner,
                OutboxItem.channel == item.channel,
            )
        )
        if kept is None:
            item.cluster_id = winner
        elif item.status == "pending":
            # Not delivered yet: one alert for the story, the other report named in it.
            kept.also_reported_by = [*kept.also_reported_by, _mention(session, item.document_id)]
            session.delete(item)
        # An alert already delivered stays as it was sent (the history of deliveries).
    story = session.get(StoryCluster, winner)
    if story is not None:
        story.size = session.scalar(
            select(func.count()).select_from(Document).where(Document.cluster_id == winner)
        )
        story.updated_at = utcnow()
    session.execute(delete(StoryCluster).where(StoryCluster.id == loser))
    session.flush()
    return moved


def _mention(session: Session, document_id: str) -> dict[str, Any]:
    """A document as an alert's "also reported by" names it."""
    document = session.get(Document, document_id)
    if document is None:
        return {"id": document_id}
    return {
        "id": document.id,
        "source": document.source_id,
        "url": web_url(document.url),
        "title": document.title,
    }
