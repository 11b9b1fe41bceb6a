"""Session 16, speed: a batch's story merges written at once (pipeline/stories.py's
``_merge_all``) leave the stories as the merges one after another (``_merge``) do."""

from __future__ import annotations

from sqlalchemy import select

from myrtille.pipeline.stories import _merge, _merge_all
from myrtille.store.database import Database
from myrtille.store.schema import Document, StoryCluster

# Stories 0 to 5 with 1, 2, 1, 3, 1, 2 documents; a batch's merges in their order:
# 2 into 1, then 1 (holding 2's) into 0, 4 into 3; 5 is merged into nothing.
SIZES = (1, 2, 1, 3, 1, 2)
MERGES = ((1, 2), (0, 1), (3, 4))


def _stories(database: Database, prefix: str) -> None:
    with database.session() as session:
        for number, size in enumerate(SIZES):
            story = f"{prefix}{number}"
            session.add(StoryCluster(id=story, title=story, size=size))
            session.flush()
            for copy in range(size):
                session.add(
                    Document(
                        id=f"{story}-{copy}",
                        url=f"https://paper.example/{story}/{copy}",
                        source_id="paper",
                        title="Usine",
                        text="Texte.",
                        content_hash=f"{story}-{copy}",
                        cluster_id=story,
                    )
                )


def _state(database: Database, prefix: str) -> tuple[dict[str, str], dict[str, int]]:
    """Each document's story and each story's size, without the prefix."""
    with database.session() as session:
        documents = session.execute(
            select(Document.id, Document.cluster_id).where(Document.id.like(f"{prefix}%"))
        ).all()
        stories = session.execute(
            select(StoryCluster.id, StoryCluster.size).where(StoryCluster.id.like(f"{prefix}%"))
        ).all()
    cut = len(prefix)
    return (
        {doc[cut:]: story[cut:] for doc, story in documents},
        {story[cut:]: size for story, size in stories},
    )


def test_merges_at_once_leave_the_stories_as_one_after_another(database: Database) -> None:
    _stories(database, "seq")
    _stories(database, "all")
    with database.session() as session:
        one_by_one: set[str] = set()
        for winner, loser in MERGES:
            one_by_one |= _merge(session, f"seq{winner}", f"seq{loser}")
    with database.session() as session:
        # Session 20: the sizes are written by statement, no story loaded beforehand.
        at_once = _merge_all(session, [(f"all{w}", f"all{lo}") for w, lo in MERGES])
    documents, sizes = _state(database, "all")
    assert (documents, sizes) == _state(database, "seq")
    # The chain 2 -> 1 -> 0 ends in 0, which counts every document of the three.
    assert sizes == {"0": 4, "3": 4, "5": 2}
    assert documents["2-0"] == "0" and documents["4-0"] == "3"
    assert {d[3:] for d in at_once} == {d[3:] for d in one_by_one}
    assert {d[3:] for d in at_once} == {"1-0", "1-1", "2-0", "4-0"}
