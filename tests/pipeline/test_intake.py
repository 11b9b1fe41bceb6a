"""The intake queue, run against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Document, SeenUrl, StoryCluster

STORY = (
    "La start-up toulousaine Aérovolt a bouclé une levée de fonds de 12 millions d'euros "
    "auprès d'Occitanie Capital et de deux business angels. L'entreprise, fondée en 2019, "
    "développe un moteur électrique pour les avions régionaux. Les fonds serviront à "
    "construire une ligne d'assemblage à Blagnac et à recruter 40 ingénieurs d'ici 2027. "
    "Sa présidente, Claire Martin, vise une certification en 2028."
)
REWORDED = (
    "La start-up toulousaine Aérovolt a bouclé une levée de fonds de 12 millions d'euros "
    "auprès d'Occitanie Capital et de deux business angels. Créée il y a six ans, la société "
    "conçoit un moteur électrique destiné aux avions régionaux. Les fonds serviront à "
    "construire une ligne d'assemblage à Blagnac et à recruter 40 ingénieurs d'ici 2027. "
    "Sa présidente, Claire Martin, vise une certification en 2028."
)
OTHER = (
    "Le groupe Vernay ferme son site de Roanne, où 85 salariés fabriquaient des pièces en "
    "plastique pour l'automobile. La direction invoque la baisse des commandes et la hausse "
    "du prix de l'énergie. Les syndicats demandent un plan de reclassement ambitieux et "
    "réclament une réunion avec la préfecture de la Loire dans les prochains jours."
)


def doc(url: str, text: str, source: str = "s1", title: str = "Titre") -> CollectedDocument:
    return CollectedDocument(
        url=url,
        source_id=source,
        title=title,
        text=text,
        published_at=datetime(2026, 10, 3, 6, 15, tzinfo=UTC),
    )


def test_add_is_idempotent_by_canonical_url(database: Database) -> None:
    intake = Intake(database)
    first = intake.add(doc("https://a.example/x?utm_source=rss", STORY))
    again = intake.add(doc("https://a.example/x#comments", STORY))
    assert first.outcome == "new"
    assert again.outcome == "known"
    assert again.document_id == first.document_id
    assert intake.counts() == {"pending": 1}
    assert intake.is_seen("https://a.example/x?utm_medium=email")


def test_exact_duplicate_from_another_url_is_dropped(database: Database) -> None:
    intake = Intake(database)
    first = intake.add(doc("https://a.example/x", STORY))
    copy = intake.add(doc("https://b.example/copie", STORY, source="s2"))
    assert copy.outcome == "duplicate"
    assert copy.document_id == first.document_id
    assert sum(intake.counts().values()) == 1
    assert intake.is_seen("https://b.example/copie")


def test_near_duplicates_share_a_story_cluster(database: Database) -> None:
    intake = Intake(database)
    first = intake.add(doc("https://a.example/x", STORY))
    rewrite = intake.add(
        doc("https://b.example/y", REWORDED, source="s2", title="Aérovolt lève 12 millions")
    )
    other = intake.add(doc("https://a.example/z", OTHER))
    assert rewrite.outcome == "new"
    assert rewrite.cluster_id == first.cluster_id == first.document_id
    assert other.cluster_id == other.document_id != first.cluster_id
    # A fresh intake (another process) rebuilds the story index from the database.
    later = Intake(database).add(doc("https://c.example/w", REWORDED + " Fin.", source="s3"))
    assert later.cluster_id == first.cluster_id


def test_claims_do_not_overlap_and_complete(database: Database) -> None:
    intake = Intake(database)
    for n in range(5):
        intake.add(doc(f"https://a.example/{n}", f"{OTHER} Numéro {n}."))
    first = intake.claim(3)
    second = intake.claim(3)
    assert len(first) == 3 and len(second) == 2
    assert not {d.id for d in first} & {d.id for d in second}
    assert intake.claim(3) == []
    intake.complete([d.id for d in first])
    intake.release([d.id for d in second])
    assert intake.counts() == {"done": 3, "pending": 2}


def test_stale_claims_return_to_the_queue(database: Database) -> None:
    intake = Intake(database)
    intake.add(doc("https://a.example/1", OTHER))
    claimed = intake.claim(10)
    assert len(claimed) == 1
    with database.session() as session:
        session.execute(update(Document).values(claimed_at=datetime.now(UTC) - timedelta(hours=2)))
    assert intake.release_stale(timedelta(hours=1)) == 1
    assert [d.id for d in intake.claim(10)] == [claimed[0].id]


def test_export_since_uses_publication_date(database: Database) -> None:
    intake = Intake(database)
    intake.add(doc("https://a.example/old", OTHER))
    recent = doc("https://a.example/new", STORY)
    recent.published_at = datetime(2026, 11, 20, tzinfo=UTC)
    intake.add(recent)
    since = datetime(2026, 11, 1, tzinfo=UTC)
    assert [d.url for d in intake.documents(since)] == ["https://a.example/new"]


# -- batches (``add_many``), as the crawl's item pipeline writes them ---------------------


def batch_and_earlier() -> tuple[list[CollectedDocument], list[CollectedDocument]]:
    """Documents stored before, and a batch holding every outcome, some only within it."""
    earlier = [doc("https://a.example/old", OTHER)]
    notice = doc("https://d.example/avis/1", STORY + " Avis 1.", source="bodacc")
    notice.kind = "notice"
    batch = [
        doc("https://a.example/x?utm_source=rss", STORY),  # new
        doc("https://a.example/x#comments", STORY),  # known: the first one, in this batch
        doc("https://b.example/copie", STORY, source="s2"),  # duplicate of one in this batch
        doc("https://b.example/y", REWORDED, source="s2", title="Aérovolt lève 12 millions"),
        doc("https://a.example/old?utm_medium=email", OTHER),  # known: stored before
        doc("https://c.example/reprise", OTHER, source="s3"),  # duplicate of one stored before
        notice,  # new, a story of its own although it reads like the first
    ]
    return earlier, batch


def snapshot(database: Database) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Documents, story clusters and seen URLs, as comparable rows."""
    with database.session() as session:
        documents = sorted(
            (d.id, d.url, d.source_id, d.kind, d.content_hash, d.cluster_id, d.minhash)
            for d in session.scalars(select(Document))
        )
        clusters = sorted((c.id, c.title, c.size) for c in session.scalars(select(StoryCluster)))
        seen = sorted(
            (s.url_key, s.url, s.source_id, s.document_id, s.outcome)
            for s in session.scalars(select(SeenUrl))
        )
    return documents, clusters, seen


def test_a_batch_gives_what_one_add_after_another_gives(database: Database, tmp_path) -> None:
    earlier, batch = batch_and_earlier()
    intake = Intake(database)
    stored = [intake.add(document) for document in earlier]
    results = intake.add_many(batch)
    assert [r.outcome for r in results] == [
        "new",
        "known",
        "duplicate",
        "new",
        "known",
        "duplicate",
        "new",
    ]
    first, _, copy, rewrite, _, reprise, notice = results
    assert copy.document_id == first.document_id
    assert reprise.document_id == stored[0].document_id
    assert rewrite.cluster_id == first.cluster_id == first.document_id
    assert notice.cluster_id == notice.document_id
    assert intake.counts() == {"pending": 4}
    assert all(intake.is_seen(d.url) for d in batch)

    # The same documents added one at a time, in another database: the same rows.
    reference = open_database(f"sqlite:///{tmp_path / 'one-by-one.db'}")
    try:
        one_by_one = Intake(reference)
        for document in earlier:
            one_by_one.add(document)
        assert [one_by_one.add(d) for d in batch] == results
        assert snapshot(reference) == snapshot(database)
    finally:
        reference.dispose()


def test_a_batch_joins_stories_stored_earlier_and_grows_them(database: Database) -> None:
    first = Intake(database).add(doc("https://a.example/x", STORY))
    # Another process (a fresh intake) rebuilds the story index from the database.
    later = Intake(database).add_many(
        [
            doc("https://b.example/y", REWORDED, source="s2"),
            doc("https://c.example/z", REWORDED + " Fin.", source="s3"),
            doc("https://a.example/autre", OTHER),
        ]
    )
    assert [r.outcome for r in later] == ["new", "new", "new"]
    assert later[0].cluster_id == later[1].cluster_id == first.cluster_id
    assert later[2].cluster_id == later[2].document_id
    with database.session() as session:
        assert session.get(StoryCluster, first.cluster_id).size == 3  # type: ignore[union-attr]
        assert session.get(StoryCluster, later[2].cluster_id).size == 1  # type: ignore[union-attr]
    assert Intake(database).add_many([]) == []


def test_seen_among_answers_for_a_whole_feed(database: Database) -> None:
    intake = Intake(database)
    intake.add_many([doc("https://a.example/x", STORY)])
    intake.mark_seen("https://a.example/gone", "s1", "unusable")
    urls = ["https://a.example/x?utm_source=rss", "https://a.example/gone", "https://a.example/y"]
    assert intake.seen_among(urls) == {urls[0], urls[1]}
    assert intake.seen_among([]) == set()
