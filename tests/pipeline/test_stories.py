"""The rule that joins reports in different languages into one story (pipeline/stories.py),
and the intake following a story that such a join merged away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.stories import Report, report_of, same_story
from myrtille.store.database import Database
from myrtille.store.schema import Document, StoryCluster

BUYER, TARGET, THIRD = "111111118", "222222226", "333333334"
DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def event(kind: str, siren: str | None = None, **more: Any) -> dict[str, Any]:
    return {"type": kind, "siren": siren, **more}


def reported(
    language: str, *events: dict[str, Any], days: float = 0, sirens: tuple[str, ...] = ()
) -> Report:
    found = report_of(
        f"{language}-{days}",
        f"story-{language}-{days}",
        language,
        DAY + timedelta(days=days),
        [{"siren": s} for s in sirens or (BUYER, TARGET)],
        list(events),
    )
    assert found is not None
    return found


def test_the_same_acquisition_in_two_languages_joins() -> None:
    french = reported("fr", event("acquisition", BUYER))
    # The English report credits the target: attribution differs, the news does not.
    english = reported("en", event("acquisition", TARGET), event("hiring"), days=2.5)
    assert same_story(french, english, 3) and same_story(english, french, 3)


def test_different_events_about_one_company_stay_apart() -> None:
    contract = reported("en", event("contract", TARGET))
    closure = reported("fr", event("closure", TARGET), days=1)
    assert not same_story(contract, closure, 3)


def test_reports_further_apart_than_the_setting_stay_apart() -> None:
    assert not same_story(
        reported("fr", event("acquisition")), reported("en", event("acquisition"), days=3.5), 3
    )


def test_one_language_is_left_to_minhash() -> None:
    assert not same_story(
        reported("fr", event("acquisition")), reported("fr", event("acquisition"), days=1), 3
    )


def test_an_event_of_a_company_only_one_report_links_is_another_news() -> None:
    french = reported("fr", event("contract", THIRD), sirens=(BUYER, THIRD))
    english = reported("en", event("contract", BUYER))
    assert not same_story(french, english, 3)


def test_two_rounds_of_different_amounts_are_two_stories() -> None:
    small = reported("fr", event("fundraising", BUYER, amount=12e6, currency="EUR"))
    rounded = reported("en", event("fundraising", BUYER, amount=12.5e6, currency="EUR"), days=1)
    large = reported("en", event("fundraising", BUYER, amount=40e6, currency="EUR"), days=1)
    dollars = reported("en", event("fundraising", BUYER, amount=40e6, currency="USD"), days=1)
    assert same_story(small, rounded, 3)
    assert not same_story(small, large, 3)
    assert same_story(small, dollars, 3)  # not comparable: no contradiction


def test_a_report_without_a_linked_company_or_an_event_joins_nothing() -> None:
    assert (
        report_of("d", "c", "fr", DAY, [{"name": "Inconnue", "siren": None}], [event("x")]) is None
    )
    assert report_of("d", "c", "fr", DAY, [{"siren": BUYER}], []) is None
    assert report_of("d", "c", None, DAY, [{"siren": BUYER}], [event("x")]) is None


TEXT = (
    "La coopérative fromagère des Monts du Cantal inaugure une nouvelle cave d'affinage "
    "à Aurillac, un investissement de six millions d'euros qui crée quinze emplois."
)


def test_the_intake_follows_a_story_merged_into_an_earlier_one(database: Database) -> None:
    intake = Intake(database)
    [first] = intake.add_many(
        [CollectedDocument(url="https://a.example/1", source_id="a", title="Cave", text=TEXT)]
    )
    with database.session() as session:  # a join across languages merged it into "earlier"
        session.add(StoryCluster(id="earlier", title="Earlier", size=1))
        session.flush()
        session.execute(
            update(Document).where(Document.id == first.document_id).values(cluster_id="earlier")
        )
        session.delete(session.get(StoryCluster, first.document_id))
    # The same intake (its in-memory index still names the old story) takes a near copy.
    [copy] = intake.add_many(
        [
            CollectedDocument(
                url="https://b.example/2", source_id="b", title="Cave", text=f"{TEXT} Reprise."
            )
        ]
    )
    assert copy.cluster_id == "earlier"
    with database.session() as session:
        assert session.scalar(select(StoryCluster.size).where(StoryCluster.id == "earlier")) == 2
        assert session.get(StoryCluster, first.document_id) is None
