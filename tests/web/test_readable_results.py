"""Readable results over HTTP (issue 11.6): sources by their names, languages by theirs,
phrases highlighted whole, entity kinds in words, departments, events' sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing
from html import unescape

import httpx
import pytest

from myrtille.index.factory import open_index
from tests.web.conftest import Live, csrf_of, doc, signed_in, start_live

SOURCES = [
    {
        "id": "eco-regions",
        "kind": "feed",
        "url": "https://news.example/feed",
        "name": "Éco Régions",
    },
    {"id": "startup-news", "kind": "feed", "url": "https://startup.example/feed"},
]
DEEP = (
    "Solaris annonce de bons résultats et la levée des restrictions de circulation. "
    + "Le marché de l'énergie de la région reste animé. " * 40
    + "Solaris finalise une levée de fonds de 12 millions d'euros auprès de Bpifrance. "
    + "Le marché de l'énergie de la région reste animé. " * 10
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    data_dir = tmp_path_factory.mktemp("readable") / "data"
    with start_live(data_dir, sources=SOURCES) as running:
        title = "Solaris change de dimension"
        deep = doc(40, title, DEEP, age=1, events=["fundraising"])
        # Stored by an older enrichment: the title run into the event's sentence.
        deep.events[0]["sentence"] = f"{title}\n\nSolaris finalise une levée de fonds."
        index = open_index(running.settings)
        index.index([deep])
        index.close()
        yield running


@pytest.fixture
def client(site: Live) -> Iterator[httpx.Client]:
    with site.client() as http:
        yield http


def hit_metas(html: str) -> list[str]:
    return [
        unescape(m)
        for m in re.findall(r'<li class="hit">.*?<div class="meta">(.*?)</div>', html, re.S)
    ]


def facet(html: str, name: str) -> list[str]:
    block = re.search(rf'data-facet="{name}">(.*?)</div>', html, re.S)
    assert block, f"no {name} facet"
    return [unescape(x) for x in re.findall(r'class="facet-link"[^>]*>(.*?)</a>', block.group(1))]


def test_hits_and_facets_name_sources_and_languages(client: httpx.Client) -> None:
    french = client.get("/search", params={"q": "acquisition OR rachète OR acquires"}).text
    metas = hit_metas(french)
    assert any(m.startswith("Éco Régions · français") for m in metas), metas
    assert any(m.startswith("startup-news · anglais") for m in metas), metas  # no name: the id
    assert not any("eco-regions" in m for m in metas)
    assert "Éco Régions" in facet(french, "source") and "eco-regions" not in facet(french, "source")
    assert set(facet(french, "lang")) == {"français", "anglais"}
    english = client.get("/search", params={"q": "acquires", "lang": "en"}).text
    assert any(m.startswith("startup-news · English") for m in hit_metas(english))
    assert facet(english, "lang") == ["English"]
    # The facet still narrows by the id.
    assert "q=acquires+source%3Astartup-news" in english


def test_a_phrase_is_highlighted_whole_around_its_match(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": '"levée de fonds"'}).text
    [snippet] = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert "<mark>levée de fonds</mark>" in snippet
    assert "<mark>de</mark>" not in snippet and "<mark>levée</mark>" not in snippet
    assert snippet.startswith("…") and "Solaris finalise une" in snippet


def test_document_page_names_kinds_departments_and_sentences(client: httpx.Client) -> None:
    french = client.get("/documents/d01").text
    assert '<mark class="ent-ORG" title="Entreprise">Aérovolt</mark>' in french
    assert '<mark class="ent-LOC" title="Lieu">Toulouse</mark>' in french
    legend = re.search(r'<p class="legend meta">(.*?)</p>', french, re.S)
    assert legend and re.findall(r"<mark [^>]*>(.*?)</mark>", legend.group(1)) == [
        "Entreprise",
        "Lieu",
    ]
    assert ">LOC<" not in french and ">ORG<" not in french
    assert '<a href="/search?q=dept%3A31">Haute-Garonne</a>' in french
    assert re.search(r"<h2>Départements</h2>", french)
    assert '<a href="/search?q=source%3Aeco-regions">Éco Régions</a>' in french
    english = client.get("/documents/d01?lang=en").text
    assert '<mark class="ent-LOC" title="Place">Toulouse</mark>' in english
    assert "<h2>Departments</h2>" in english


def test_an_events_sentence_stands_on_its_own(client: httpx.Client) -> None:
    html = client.get("/documents/d40").text
    events = re.search(r"<h2>Événements</h2>(.*?)</section>", html, re.S)
    assert events, "no events section"
    [sentence] = re.findall(r'<p class="event-sentence">(.*?)</p>', events.group(1), re.S)
    assert unescape(sentence) == "« Solaris finalise une levée de fonds. »"


def test_an_agents_preview_names_the_sources(site: Live) -> None:
    agent = signed_in(site)
    with closing(agent):
        path = "/agent/subscriptions/new"
        fields = {
            "csrf": csrf_of(agent.get(path).text),
            "email": "",
            "name": "",
            "query": "event:acquisition",
            "frequency": "daily",
            "language": "fr",
            "webhook_url": "",
            "action": "preview",
        }
        html = agent.post(path, data=fields).text
    metas = [unescape(m) for m in re.findall(r'<div class="meta">(.*?)</div>', html, re.S)]
    assert any(m.startswith("Éco Régions · ") for m in metas), metas
    assert not any(m.startswith("eco-regions") for m in metas)


def test_a_firms_preview_names_the_sources(client: httpx.Client) -> None:
    html = client.post(
        "/subscribe", data={"sectors": "aeronautics", "regions": "76", "action": "preview"}
    ).text
    assert "Éco Régions" in unescape(html)
    assert "eco-regions" not in html
