"""The intake queue, run against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database
from myrtille.store.schema import Document

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
