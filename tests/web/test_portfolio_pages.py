"""The agents' portfolio pages through a real server: upload (multipart, CSRF), the
report by line number in the page's language, the portfolio page with its companies'
latest documents, hostile labels escaped, deletion, and the size cap."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html import unescape

import httpx
import pytest
from sqlalchemy import select

from myrtille.enrichment.portfolios import import_portfolio
from myrtille.store.companies import Company, Portfolio
from myrtille.texts import format_number, labels
from myrtille.web.auth import create_agent
from myrtille.web.ui.portfolios import MAX_UPLOAD_BYTES
from tests.test_portfolios import luhn_siren
from tests.web.conftest import AEROVOLT, Live, csrf_of, documents, signed_in

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'
UNKNOWN = "552100554"
CSV = (
    "siren;label\n"
    f"{AEROVOLT};{HOSTILE}\n"  # line 2
    "919985003;Clé fausse\n"  # line 3: Luhn fails
    "91998500;Huit chiffres\n"  # line 4: 8 digits
    f"{UNKNOWN};Inconnue\n"  # line 5: not in the registry
    f"{AEROVOLT};Doublon\n"  # line 6: duplicate
)


@pytest.fixture
def agent(live: Live) -> Iterator[httpx.Client]:
    with live.database.session() as session:
        if session.get(Company, AEROVOLT) is None:
            session.add(Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt"))
    http = signed_in(live)
    yield http
    http.close()


def upload(http: httpx.Client, name: str, content: bytes, lang: str = "fr") -> httpx.Response:
    token = csrf_of(http.get(f"/agent/portfolios?lang={lang}").text)
    return http.post(
        "/agent/portfolios",
        data={"csrf": token, "name": name, "lang": lang},
        files={"file": ("clients.csv", content, "text/csv")},
    )


def test_the_pages_need_a_signed_in_agent(live: Live) -> None:
    with live.client() as anonymous:
        response = anonymous.get("/agent/portfolios")
        assert response.status_code == 303
        assert response.headers["location"].startswith("/signin?next=")


def test_an_upload_without_its_csrf_field_is_refused(live: Live, agent: httpx.Client) -> None:
    response = agent.post(
        "/agent/portfolios",
        data={"name": "nocsrf"},
        files={"file": ("c.csv", b"siren\n919985002\n", "text/csv")},
    )
    assert response.status_code == 403
    with live.database.session() as session:
        assert session.scalar(select(Portfolio).where(Portfolio.name == "nocsrf")) is None


def test_an_upload_reports_bad_and_unknown_lines_by_number(live: Live, agent: httpx.Client) -> None:
    response = upload(agent, "Clients-Web", CSV.encode())
    assert response.status_code == 200, response.text
    page = response.text
    assert 'data-line="3"' in page and "clé de contrôle est fausse" in page
    assert 'data-line="4"' in page and "« 91998500 » n&#39;est pas un SIREN (9 chiffres)" in page
    assert (
        f'<tr class="unknown-line" data-line="5"><td class="line">5</td><td class="siren">{UNKNOWN}'
        in page
    )
    assert 'id="duplicates" data-count="1"' in page
    assert 'id="imported" data-count="2"' in page
    assert "<script>alert" not in page
    english = upload(agent, "clients-web", CSV.encode(), lang="en").text
    assert "its check digit is wrong" in english and "1 duplicate counted once" in english

    listed = agent.get("/agent/portfolios").text
    assert 'data-name="clients-web"' in listed and "test-agent" in listed

    shown = agent.get("/agent/portfolios/clients-web")
    assert shown.status_code == 200
    html = shown.text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=" in html
    # Aérovolt's latest documents, newest first, with their events.
    row = html[html.index(f'data-siren="{AEROVOLT}"') :]
    row = row[: row.index("</tr>")]
    assert f'href="/companies/{AEROVOLT}"' in row and "Aérovolt" in row
    assert row.index("Rachat d&#39;Hélicea par Aérovolt") < row.index("Aérovolt rachète Hélicea")
    assert row.index("Aérovolt rachète Hélicea") < row.index("Aérovolt lève 12 millions")
    assert row.count('class="document"') == 3
    # Each document's own events, named in the page's language (not codes).
    shown_events = {
        unescape(title): re.findall(r'<span class="flag event">([^<]*)</span>', flags)
        for title, flags in re.findall(r'<li class="document"><a [^>]*>([^<]*)</a>(.*?)</li>', row)
    }
    named = labels("fr")["event"]
    assert shown_events == {
        d.title: [named[e["type"]] for e in d.events]
        for d in documents()
        if AEROVOLT in {c.get("siren") for c in d.companies}
    }
    assert 'href="/agent/subscriptions/new?q=portfolio%3Aclients-web"' in html


def test_a_file_that_cannot_be_used_says_why_and_keeps_nothing(
    live: Live, agent: httpx.Client
) -> None:
    response = upload(agent, "broken", b"numero,nom\n919985002,x\n")
    assert response.status_code == 400
    assert "Pas de colonne « siren »" in response.text
    bad_name = upload(agent, "../etc", b"siren\n919985002\n", lang="en")
    assert bad_name.status_code == 400 and "is not a portfolio name" in bad_name.text
    with live.database.session() as session:
        assert session.scalar(select(Portfolio).where(Portfolio.name == "broken")) is None


def test_a_file_over_the_cap_is_refused_with_its_size(live: Live, agent: httpx.Client) -> None:
    big = b"siren\n" + b"919985002\n" * (MAX_UPLOAD_BYTES // 10 + 1)
    response = upload(agent, "big", big, lang="en")
    assert response.status_code == 413
    assert "larger than 32 MB" in response.text


def test_another_agents_portfolio_is_not_shown_nor_deleted(live: Live, agent: httpx.Client) -> None:
    other, _key = create_agent(live.database, "portfolio-other", "po@example.org")
    import_portfolio(live.database, "theirs", io.BytesIO(b"siren\n919985002\n"), other.id)
    assert agent.get("/agent/portfolios/theirs").status_code == 404
    token = csrf_of(agent.get("/agent/portfolios").text)
    refused = agent.post("/agent/portfolios/theirs/delete", data={"csrf": token})
    assert refused.status_code == 404
    assert 'data-name="theirs"' not in agent.get("/agent/portfolios").text


def test_delete_asks_then_deletes(live: Live, agent: httpx.Client) -> None:
    assert upload(agent, "to-delete", b"siren\n919985002\n").status_code == 200
    asked = agent.get("/agent/portfolios/to-delete/delete")
    assert asked.status_code == 200 and "Supprimer ce portefeuille ?" in asked.text
    done = agent.post("/agent/portfolios/to-delete/delete", data={"csrf": csrf_of(asked.text)})
    assert done.status_code == 303
    with live.database.session() as session:
        assert session.scalar(select(Portfolio).where(Portfolio.name == "to-delete")) is None


def test_counts_are_written_as_numbers_of_the_pages_language(
    live: Live, agent: httpx.Client
) -> None:
    """1,500 rows: the report, the portfolio's page and the list write 1,500 in English and
    1 500 in French, as every other count of the UI (not 1500)."""
    rows = "siren\n" + "".join(f"{luhn_siren(50_000_000 + n)}\n" for n in range(1_500))
    english = upload(agent, "thousands", rows.encode(), lang="en").text
    assert "1,500 companies imported (1,500 rows read)" in english
    assert "1,500 SIRENs not in the registry" in english
    french = upload(agent, "thousands", rows.encode()).text
    thousand = format_number(1_500, "fr")
    assert thousand != "1500"
    assert f"{thousand} entreprises importées ({thousand} lignes lues)" in french
    assert f"{thousand} entreprises" in agent.get("/agent/portfolios/thousands").text
    listed = agent.get("/agent/portfolios?lang=en").text
    assert re.search(r'data-name="thousands".*?<td class="size">1,500</td>', listed, re.S)
