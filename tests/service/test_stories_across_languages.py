"""Stories across languages (issue 14.5), end to end: real enrichment, processing,
matcher, outbox, an aiosmtpd server and the search page over HTTP. The articles were
written for these tests (none is in the tuning or held-out sets)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import httpx
from sqlalchemy import select

from myrtille.enrichment.enricher import Enricher
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.schema import Document, StoryCluster
from myrtille.web.app import create_app
from myrtille.web.auth import create_agent
from tests.alerts.test_delivery import World
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.web.conftest import serve_app

HORIZON = "986165694"
PAB = "953600608"
MONDAY = datetime(2026, 10, 5, 7, 30, tzinfo=UTC)

ACQUISITION_FR = (
    "Horizon SAS rachète le sous-traitant béarnais Précision Aéro Béarn",
    "Le distributeur Horizon SAS a annoncé mardi le rachat de Précision Aéro Béarn, un "
    "fabricant de pièces usinées installé à Pau. Le montant de l'acquisition, 18 millions "
    "d'euros, figure dans le communiqué de l'acquéreur. Les 85 salariés du site palois "
    "seront conservés, précise la direction.",
)
ACQUISITION_EN = (
    "Horizon SAS buys Béarn machining firm Précision Aéro Béarn",
    "French distributor Horizon SAS has agreed to acquire Précision Aéro Béarn, a maker "
    "of machined parts based in Pau, for 18 million euros, the buyer said on Thursday. "
    "All 85 staff at the plant will keep their jobs, according to the company.",
)
CONTRACT_EN = (
    "Précision Aéro Béarn wins aircraft supply contract",
    "Précision Aéro Béarn, the machining specialist based in Pau, has won a five-year "
    "contract to supply titanium brackets to a major aircraft maker, the company said on "
    "Monday. The order will keep the workshop busy until 2030.",
)
CLOSURE_FR = (
    "Précision Aéro Béarn ferme son atelier de Pau",
    "Le fabricant de pièces usinées Précision Aéro Béarn va fermer son atelier de Pau "
    "d'ici la fin de l'année, a annoncé la direction lundi. La fermeture du site "
    "entraînera la suppression de 40 emplois, faute de commandes suffisantes.",
)


def report(world: World, article: tuple[str, str], language: str, when: datetime) -> str:
    """Collect one article and process it; returns its document id."""
    world.count += 1
    [added] = Intake(world.database).add_many(
        [
            CollectedDocument(
                url=f"https://{language}.news.example/{world.count}",
                source_id=f"news-{language}",
                title=article[0],
                text=article[1],
                language=language,
                published_at=when,
            )
        ]
    )
    world.stage.run()
    return added.document_id


def story_of(world: World, document_id: str) -> str:
    with world.database.session() as session:
        story = session.scalar(select(Document.cluster_id).where(Document.id == document_id))
        assert story is not None
        return story


def stories(world: World) -> int:
    with world.database.session() as session:
        return len(list(session.scalars(select(StoryCluster.id))))


HIT = re.compile(r'<li class="hit">(.*?)</li>\s*(?=<li class="hit">|</ol>)', re.S)


def search_page(world: World, lang: str) -> list[str]:
    """The hits of the search page for the acquirer, newest first, as a browser gets them."""
    with serve_app(create_app(world.settings)) as url:
        response = httpx.get(
            f"{url}/search",
            params={"q": f"company:{HORIZON}", "sort": "date", "lang": lang},
            timeout=10,
        )
    assert response.status_code == 200
    return [unescape(re.sub(r"<[^>]+>", " ", h)) for h in HIT.findall(response.text)]


def test_one_acquisition_in_french_and_english_is_one_story_one_hit_one_alert(
    tmp_path: Path, enricher: Enricher
) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query=f"company:{HORIZON}")
        french = report(world, ACQUISITION_FR, "fr", MONDAY)
        english = report(world, ACQUISITION_EN, "en", MONDAY + timedelta(days=2))
        # The story reported first keeps its id; the English report joins it.
        assert story_of(world, english) == story_of(world, french) == french
        assert stories(world) == 1
        [row] = world.rows()
        assert row.document_id == french and [r["id"] for r in row.also_reported_by] == [english]
        assert world.dispatcher.run().sent == 1
        [envelope] = recorder.envelopes
        assert "Horizon SAS rachète" in received(envelope)["Subject"]
    # One hit, the newest report first, the other named under it in the reader's language.
    [hit] = search_page(world, "en")
    assert hit.index("Horizon SAS buys") < hit.index("Also in French:")
    assert "Horizon SAS rachète" in hit
    [hit] = search_page(world, "fr")
    assert "Aussi en français :" in hit
    # The document's page and the API name the other report's language.
    with serve_app(create_app(world.settings)) as url:
        _agent, key = create_agent(world.database, "agent", "agent@example.org")
        page = httpx.get(f"{url}/documents/{french}", params={"lang": "en"}, timeout=10)
        api = httpx.get(f"{url}/api/v1/documents/{french}", headers={"X-API-Key": key})
    assert '<span class="story-language">English</span>' in page.text
    assert [(s["id"], s["language"]) for s in api.json()["same_story"]] == [(english, "en")]


def test_the_second_language_after_the_alert_was_sent_is_not_alerted_again(
    tmp_path: Path, enricher: Enricher
) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query=f"company:{PAB} event:acquisition")
        english = report(world, ACQUISITION_EN, "en", MONDAY)
        assert world.dispatcher.run().sent == 1
        french = report(world, ACQUISITION_FR, "fr", MONDAY + timedelta(days=1))
        assert story_of(world, french) == english
        assert world.dispatcher.run().sent == 0
        assert len(recorder.envelopes) == 1
        [row] = world.rows()
        assert row.status == "sent" and [r["id"] for r in row.also_reported_by] == [french]
    [hit] = search_page(world, "fr")
    assert hit.index("Horizon SAS rachète") < hit.index("Aussi en anglais :")


def test_one_company_two_different_events_are_two_stories(
    tmp_path: Path, enricher: Enricher
) -> None:
    with smtp_server(Recorder()) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query=f"company:{PAB}")
        contract = report(world, CONTRACT_EN, "en", MONDAY)
        closure = report(world, CLOSURE_FR, "fr", MONDAY + timedelta(days=1))
        assert story_of(world, contract) != story_of(world, closure)
        assert len(world.rows()) == 2
        assert world.dispatcher.run().sent == 2


def test_the_same_event_ten_days_apart_is_two_stories(tmp_path: Path, enricher: Enricher) -> None:
    with smtp_server(Recorder()) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query=f"company:{HORIZON}")
        french = report(world, ACQUISITION_FR, "fr", MONDAY)
        english = report(world, ACQUISITION_EN, "en", MONDAY + timedelta(days=10))
        assert story_of(world, french) != story_of(world, english)
        assert stories(world) == 2 and len(world.rows()) == 2
