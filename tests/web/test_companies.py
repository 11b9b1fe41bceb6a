# ruff: noqa: F811  (site and http: fixtures from tests/web/company_site.py)
"""Company pages over a real uvicorn: the registry's facts, the timeline with its events and
its BODACC/BOAMP badges, the co-mentioned companies, the 404/400 answers, hostile registry
names and crawled titles kept inert, the company search and the Sirene import's words (the
API is in test_companies_api.py, the site in tests/web/company_site.py)."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from myrtille.enrichment.registry import find_companies
from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from tests.web.company_site import (  # noqa: F401 (site and http are fixtures)
    HOSTILE_SHOWN,
    HOSTILE_SIREN,
    HOSTILE_TITLE,
    SOLARIS_SIREN,
    UNKNOWN_SIREN,
    co_mentions,
    http,
    notices,
    site,
    timeline,
)
from tests.web.conftest import AEROVOLT, Live, signed_in


def test_registry_facts_are_shown_in_the_readers_language(http: httpx.Client) -> None:
    french = http.get(f"/companies/{AEROVOLT}")
    assert french.status_code == 200
    html = french.text
    assert '<h1 id="company-name">Aérovolt SAS <span class="meta">(AEV)</span></h1>' in html
    assert "919 985 002" in html
    assert '<span class="ok">En activité</span>' in html
    assert "30.30Z" in html and ">Aéronautique et spatial</a>" in html
    assert "Entreprise de taille intermédiaire (ETI)" in html
    assert "Blagnac · Haute-Garonne · Occitanie" in html
    english = http.get(f"/companies/{AEROVOLT}?lang=en").text
    assert '<span class="ok">Active</span>' in english
    assert ">Aeronautics and space</a>" in english
    assert "Intermediate-sized enterprise (ETI)" in english
    ceased = http.get(f"/companies/{HOSTILE_SIREN}?lang=en").text
    assert '<span class="flag">Ceased</span>' in ceased


def test_timeline_lists_every_mention_newest_first_with_kind_and_events(
    http: httpx.Client,
) -> None:
    html = http.get(f"/companies/{AEROVOLT}").text
    # d50 (1 day), d02 (2), d01 (3), d51 (5), d52 (8), d03 (40): press and notices mixed.
    assert timeline(html) == [
        ("bodacc", "/documents/d50"),
        ("press", "/documents/d02"),
        ("press", "/documents/d01"),
        ("boamp", "/documents/d51"),
        ("press", "/documents/d52"),
        ("press", "/documents/d03"),
    ]
    assert 'data-total="6">6 documents le mentionnent.</span>' in html
    assert '<span class="badge kind-bodacc">BODACC</span>' in html
    assert '<span class="badge kind-boamp">BOAMP</span>' in html
    assert '<span class="badge kind-press">Presse</span>' in html
    # Events as words, each a link to the company's documents of that kind of event.
    assert 'data-event="insolvency">Procédure collective</a>' in html
    assert 'data-event="contract">' in html and 'data-event="fundraising">' in html
    assert "company%3A919985002+event%3Ainsolvency" in html
    assert "Annonces BODACC" in html and "Marchés BOAMP" in html  # sources by name
    english = http.get(f"/companies/{AEROVOLT}?lang=en").text
    assert '<span class="badge kind-press">Press</span>' in english
    assert "6 documents mention it." in english
    # Dates in the reader's language (Babel), not ISO.
    assert re.search(r"<time datetime=\"\d{4}-\d\d-\d\d\">\d\d/\d\d/\d{4}</time>", html)


def test_timeline_shows_the_newest_and_links_to_all_the_rest(site: Live) -> None:
    from myrtille.web.company_profile import company_profile

    index = open_index(site.settings)
    try:
        profile = company_profile(site.database, index, site.settings.sources, AEROVOLT, limit=2)
    finally:
        index.close()
    assert profile is not None and profile.total == 6
    assert [item.id for item in profile.timeline] == ["d50", "d02"]


def test_timeline_documents_are_read_in_one_statement(site: Live) -> None:
    """Events and kinds come from the stored documents: one read for the page, not one per
    document shown (up to 50)."""
    from myrtille.web.company_profile import company_profile

    index = open_index(site.settings)
    statements: list[str] = []
    try:
        index.db.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        profile = company_profile(site.database, index, site.settings.sources, AEROVOLT)
    finally:
        index.close()
    assert profile is not None and len(profile.timeline) == 6
    reads = [s for s in statements if "FROM docs WHERE id" in s]
    assert len(reads) == 1, reads


def test_co_mentioned_companies_are_ranked_and_link_to_their_pages(http: httpx.Client) -> None:
    html = http.get(f"/companies/{AEROVOLT}").text
    found = co_mentions(html)
    # Solaris twice, then the others once; the registry's name wins over the mention's.
    assert found[0] == (f"/companies/{SOLARIS_SIREN}", "Solaris Énergie")
    assert (f"/companies/{HOSTILE_SIREN}", HOSTILE_SHOWN) in found
    # A company without a SIREN is a search, and the company itself is not listed.
    assert ("/search?q=company%3Ahelicea", "Hélicea") in found
    assert not any(AEROVOLT in href for href, _ in found)


def test_watch_this_company_opens_the_public_form_or_the_agents_one(site: Live) -> None:
    with site.client() as anonymous:
        html = anonymous.get(f"/companies/{AEROVOLT}?lang=en").text
    assert f'id="watch-company" href="/subscribe?companies={AEROVOLT}&amp;lang=en"' in html
    agent = signed_in(site)
    try:
        html = agent.get(f"/companies/{AEROVOLT}").text
    finally:
        agent.close()
    assert f'id="watch-company" href="/agent/subscriptions/new?q=company%3A{AEROVOLT}"' in html


def test_hostile_registry_names_and_crawled_titles_are_inert(http: httpx.Client) -> None:
    for path in (f"/companies/{AEROVOLT}", f"/companies/{HOSTILE_SIREN}", "/companies?q=evil"):
        html = http.get(path).text
        assert "<script>" not in html and "<img src=x" not in html, path
    timeline_page = http.get(f"/companies/{AEROVOLT}").text
    assert escape(HOSTILE_TITLE).replace("&#x27;", "&#39;") in timeline_page
    page = http.get(f"/companies/{HOSTILE_SIREN}").text
    assert HOSTILE_SHOWN in page


def test_unknown_siren_is_a_404_page_in_the_readers_language(http: httpx.Client) -> None:
    french = http.get(f"/companies/{UNKNOWN_SIREN}")
    assert french.status_code == 404
    assert "Entreprise introuvable" in french.text and "732 829 320" in french.text
    english = http.get(f"/companies/{UNKNOWN_SIREN}?lang=en")
    assert english.status_code == 404
    assert "Company not found" in english.text


@pytest.mark.parametrize(
    ("siren", "french", "english"),
    [
        ("12345", "un SIREN compte 9 chiffres", "a SIREN is 9 digits"),
        ("<b>x", "un SIREN compte 9 chiffres", "a SIREN is 9 digits"),
        ("919985003", "sa clé de contrôle est fausse", "its check digit is wrong"),
    ],
)
def test_malformed_siren_is_a_400_saying_why(
    http: httpx.Client, siren: str, french: str, english: str
) -> None:
    response = http.get(f"/companies/{siren}")
    assert response.status_code == 400
    assert french in response.text
    assert "<b>x" not in response.text
    response = http.get(f"/companies/{siren}?lang=en")
    assert response.status_code == 400 and english in response.text


def test_a_siren_written_with_spaces_is_read(http: httpx.Client) -> None:
    assert http.get("/companies/919 985 002").status_code == 200


def test_company_search_by_word_start_acronym_or_siren(http: httpx.Client) -> None:
    def names(q: str) -> list[str]:
        html = http.get("/companies", params={"q": q}).text
        return re.findall(r'class="company-link" href="[^"]+">([^<]*)</a>', html)

    assert names("aero") == ["Aérovolt SAS"]
    assert names("AÉROVOLT sas") == ["Aérovolt SAS"]
    assert names("energie") == ["Solaris Énergie"]  # a later word of the name
    assert names("aev") == ["Aérovolt SAS"]  # the acronym
    assert names("919 985 002") == ["Aérovolt SAS"]
    assert names("100%") == []
    html = http.get("/companies", params={"q": "zzz", "lang": "en"}).text
    assert "No company of the registry matches." in html


def test_the_name_search_is_an_index_range_not_a_scan(site: Live) -> None:
    """With a million Sirene units a scan of every name is seconds per keystroke."""
    found = find_companies(site.database, "solar")
    assert [c.name for c in found] == ["Solaris Énergie"]
    from myrtille.store.company_words import matching_ids

    subquery = matching_ids("solar")
    assert subquery is not None
    compiled = subquery.compile(compile_kwargs={"literal_binds": True})
    with site.database.session() as session:
        plan = " ".join(
            str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    assert "SEARCH company_word USING" in plan and "SCAN" not in plan, plan


def test_sirene_import_keeps_the_category_and_the_words(tmp_path: Path, site: Live) -> None:
    from myrtille.enrichment.registry import import_sirene

    path = tmp_path / "StockUniteLegale.csv"
    path.write_text(
        "siren,denominationUniteLegale,sigleUniteLegale,activitePrincipaleUniteLegale,"
        "etatAdministratifUniteLegale,categorieEntreprise\n"
        "732829338,HELIOS PROPULSION,HPX,30.30Z,A,PME\n"
        "732829346,ATELIERS DU SUD-OUEST,,25.62A,C,XX\n",
        encoding="utf-8",
    )
    import_sirene(site.database, path)
    [helios] = find_companies(site.database, "propul")
    assert helios.siren == "732829338"
    assert [c.siren for c in find_companies(site.database, "hpx")] == ["732829338"]
    assert [c.siren for c in find_companies(site.database, "sud ouest")] == ["732829346"]
    with site.database.session() as session:
        assert session.get(Company, "732829338").category == "PME"  # type: ignore[union-attr]
        assert session.get(Company, "732829346").category is None  # type: ignore[union-attr]


def test_document_page_and_search_facets_lead_to_the_company_page(http: httpx.Client) -> None:
    document = http.get("/documents/d51?lang=en").text
    assert f'<a href="/companies/{AEROVOLT}?lang=en">Aérovolt</a>' in document
    assert f'<a href="/companies/{SOLARIS_SIREN}?lang=en">Solaris</a>' in document
    # Without a SIREN, the name is a search.
    assert (
        '<a href="/search?q=company%3AH%C3%A9licea">Hélicea</a>' in http.get("/documents/d01").text
    )
    search = http.get("/search", params={"q": "aérovolt"}).text
    assert f'class="company-page" href="/companies/{SOLARIS_SIREN}"' in search
    assert f'class="company-page" href="/companies/{AEROVOLT}"' in search


def test_every_page_header_links_to_the_company_search(http: httpx.Client) -> None:
    for path in ("/search", f"/companies/{AEROVOLT}", "/sources"):
        french = http.get(path).text
        assert '<a id="nav-companies" href="/companies">Entreprises</a>' in french, path
    english = http.get("/map?lang=en").text
    assert '<a id="nav-companies" href="/companies?lang=en">Companies</a>' in english
