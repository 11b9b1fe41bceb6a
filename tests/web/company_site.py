"""The company pages' test site, shared by test_companies.py, test_companies_api.py,
tests/browser/test_companies.py and tests/texts/renderings_web.py: a live server with the
registry's firms (one with a hostile name, one ceased), BODACC/BOAMP notices and press
articles naming them, module-scoped (one per module), and readers of the page's timeline
and co-mentions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from tests.web.conftest import AEROVOLT, Live, doc, start_live

HOSTILE_SIREN = "732829304"
SOLARIS_SIREN = "732829312"
UNKNOWN_SIREN = "732829320"  # valid, but neither registered nor mentioned
HOSTILE_NAME = '<img src=x onerror="alert(1)">Évil & Co'
# As Jinja writes it: every markup character an entity.
HOSTILE_SHOWN = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;Évil &amp; Co"
HOSTILE_TITLE = "<script>alert('titre')</script> Jugement d'ouverture"
SOURCES = [
    {"id": "eco-regions", "kind": "feed", "url": "https://eco.example/rss", "name": "Éco Régions"},
    {
        "id": "annonces-bodacc",
        "kind": "opendata",
        "preset": "bodacc",
        "url": "https://data.example/bodacc.json",
        "name": "Annonces BODACC",
    },
    {
        "id": "marches-boamp",
        "kind": "opendata",
        "preset": "boamp",
        "url": "https://data.example/boamp.json",
        "name": "Marchés BOAMP",
    },
]
AEROVOLT_MENTION = {"name": "Aérovolt", "siren": AEROVOLT}
HOSTILE_MENTION = {"name": HOSTILE_NAME, "siren": HOSTILE_SIREN}
SOLARIS_MENTION = {"name": "Solaris", "siren": SOLARIS_SIREN}


def notices() -> list:  # type: ignore[type-arg]
    bodacc = doc(
        50,
        HOSTILE_TITLE,
        "Redressement judiciaire de la société, fournisseur d'Aérovolt.",
        age=1,
        source="annonces-bodacc",
        companies=[HOSTILE_MENTION, AEROVOLT_MENTION],
        events=["insolvency"],
    )
    boamp = doc(
        51,
        "Marché de maintenance attribué à Aérovolt et Solaris",
        "Le marché public est attribué au groupement Aérovolt et Solaris.",
        age=5,
        source="marches-boamp",
        companies=[AEROVOLT_MENTION, SOLARIS_MENTION],
        events=["contract", "partnership"],
    )
    for notice in (bodacc, boamp):
        notice.kind = "notice"
    # Mentions Solaris twice over the timeline: it comes before the hostile one.
    press = doc(
        52,
        "Aérovolt et Solaris signent un partenariat",
        "Aérovolt et Solaris s'associent.",
        age=8,
        companies=[AEROVOLT_MENTION, SOLARIS_MENTION],
        events=["partnership"],
    )
    return [bodacc, boamp, press]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("companies") / "data", sources=SOURCES) as live:
        index = open_index(live.settings)
        index.index(notices())
        index.close()
        with live.database.session() as session:
            session.add(
                Company(
                    id=AEROVOLT,
                    siren=AEROVOLT,
                    name="Aérovolt SAS",
                    acronym="AEV",
                    naf="30.30Z",
                    category="ETI",
                    city="Blagnac",
                    department="31",
                    region="76",
                )
            )
            session.add(
                Company(id=HOSTILE_SIREN, siren=HOSTILE_SIREN, name=HOSTILE_NAME, ceased=True)
            )
            session.add(Company(id=SOLARIS_SIREN, siren=SOLARIS_SIREN, name="Solaris Énergie"))
        yield live


@pytest.fixture
def http(site: Live) -> Iterator[httpx.Client]:
    with site.client() as client:
        yield client


def timeline(html: str) -> list[tuple[str, str]]:
    """(kind, document href) of each timeline entry, in page order."""
    return re.findall(
        r'<li class="timeline-item" data-kind="(\w+)">.*?class="timeline-title" href="([^"]+)"',
        html,
        re.S,
    )


def co_mentions(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="co-mention" href="([^"]+)">([^<]*)</a>', html)
