"""The public subscription page on a real server, with a real SMTP server (aiosmtpd): the
documented form posted as an embedding site would, the double opt-in, every bad input
(a clear message in the page's language, nothing created, nothing sent), the limits and
the operator's settings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from myrtille.alerts.tokens import secret_key, sign
from myrtille.index.factory import open_index
from myrtille.index.query import Text, parse
from myrtille.store.companies import Company
from myrtille.store.subscriptions import Subscriber, Subscription
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.web.conftest import AEROVOLT, Live, doc, signed_in, start_live

SCRIPT = "<script>alert(1)</script>"
HOSTILE_SIREN = "732829320"  # Luhn-valid
LIMITS = {"per_address_per_minute": 1000, "per_email_per_day": 3}


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Recorder]:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        recorder.port = port  # type: ignore[attr-defined]
        yield recorder


def email_settings(mailbox: Recorder) -> dict[str, Any]:
    return {"smtp_host": "127.0.0.1", "smtp_port": mailbox.port, "timeout": "5s"}  # type: ignore[attr-defined]


def add_companies(live: Live) -> None:
    with live.database.session() as session:
        session.add(Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt"))
        session.add(Company(id=HOSTILE_SIREN, siren=HOSTILE_SIREN, name=f"{SCRIPT} Industries"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, mailbox: Recorder) -> Iterator[Live]:
    with start_live(
        tmp_path_factory.mktemp("public-subscribe") / "data",
        email=email_settings(mailbox),
        web={"public_subscribe": LIMITS},
    ) as running:
        add_companies(running)
        index = open_index(running.settings)
        index.index(
            [
                doc(
                    40,
                    f"{SCRIPT} Aérovolt rachète",
                    "Texte.",
                    age=1,
                    sectors=["aeronautics"],
                    regions=["76"],
                )
            ]
        )
        index.close()
        yield running


def count(live: Live) -> int:
    with live.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Subscription)) or 0)


def mails_to(mailbox: Recorder, address: str) -> list[Any]:
    return [received(e) for e in mailbox.envelopes if address in e.rcpt_tos]


def text_of(message: Any) -> str:
    return str(message.get_body(("plain",)).get_content())


def link_path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def confirm_link(message: Any) -> str:
    found = re.search(r"https?://\S+/subscriptions/confirm\?token=\S+", text_of(message))
    assert found, text_of(message)
    return link_path(found.group(0))


def documented_form(email: str, **fields: Any) -> dict[str, Any]:
    """Exactly the fields docs/web-ui.md documents, as an agency's own page posts them."""
    return {
        "email": email,
        "sectors": ["aeronautics"],
        "regions": ["76"],
        "departments": ["31"],
        "companies": [AEROVOLT],
        "events": ["acquisition", "fundraising"],
        "keywords": "moteur électrique, hélice",
        "frequency": "daily",
        "language": "en",
        **fields,
    }


def test_an_embedding_site_posts_the_documented_form(site: Live, mailbox: Recorder) -> None:
    before = count(site)
    with httpx.Client(base_url=site.url, timeout=10) as agency:
        # A plain cross-site form post: no cookie, no CSRF token, an Origin of its own.
        response = agency.post(
            "/subscribe",
            data=documented_form("Contact@Aerovolt.example"),
            headers={
                "Origin": "https://agence.example",
                "Referer": "https://agence.example/veille",
            },
        )
    assert response.status_code == 200, response.text
    page = unescape(response.text)
    # In the subscriber's language (language=en) without ?lang=: the page says it in English.
    assert (
        'id="sent"' in response.text
        and "We sent a confirmation email to Contact@aerovolt.example" in page
    )
    description = re.search(r'id="description">([^<]+)<', page)
    assert description and description.group(1) == (
        "Aeronautics and space · Occitanie or Haute-Garonne · Aérovolt · Acquisition and merger "
        "or Fundraising · “moteur électrique” or “hélice” — every day"
    )
    assert "sector:" not in page and " OR " not in page
    assert count(site) == before + 1
    with site.database.session() as session:
        row = session.scalars(select(Subscription).order_by(Subscription.id.desc())).first()
        assert row is not None and row.active is False and row.agent_id is None
        subscriber = session.get(Subscriber, row.subscriber_id)
        assert subscriber is not None and subscriber.language == "en" and subscriber.kind == "sme"
        assert row.frequency == "daily" and row.name.startswith("Aeronautics and space ·")
        assert f"company:{AEROVOLT}" in row.query and parse(row.query)
    [message] = mails_to(mailbox, "Contact@aerovolt.example")
    assert message["Content-Language"] == "en"
    # The confirmation email says what the watch is, in plain words.
    assert "Aeronautics and space · Occitanie or Haute-Garonne" in text_of(message)
    assert "sector:" not in text_of(message)
    path = confirm_link(message)
    with site.client() as firm:
        confirmed = firm.get(path)
        assert confirmed.status_code == 200
        # The confirmation page names the watch in plain words, not its query.
        assert "Aeronautics and space · Occitanie or Haute-Garonne · Aérovolt" in confirmed.text
        assert "sector:" not in confirmed.text
        with site.database.session() as session:
            assert session.get(Subscription, row.id).active is True  # type: ignore[union-attr]
        # Used twice: still 200, nothing changes (and nothing else is activated).
        assert firm.get(path).status_code == 200
    assert count(site) == before + 1


def test_keywords_cannot_inject_query_syntax(site: Live) -> None:
    hostile = 'x" OR sector:energy OR (company:1 -"a'
    response = site.client().post(
        "/subscribe", data={"email": "inject@example.org", "keywords": hostile}
    )
    assert response.status_code == 200, response.text
    with site.database.session() as session:
        query = session.scalars(select(Subscription.query).order_by(Subscription.id.desc())).first()
    assert query is not None
    node = parse(query)
    # One phrase of words: no field, no OR, no negation made it through.
    assert isinstance(node, Text) and node.words == (
        "x",
        "or",
        "sector",
        "energy",
        "or",
        "company",
        "1",
        "a",
    )


BAD_INPUTS: list[tuple[str, dict[str, Any], str, str, str]] = [
    (
        "no criterion",
        {
            "sectors": [],
            "regions": [],
            "departments": [],
            "companies": [],
            "events": [],
            "keywords": "",
        },
        "form",
        "Choisissez au moins un secteur",
        "Choose at least one sector",
    ),
    (
        "invalid email",
        {"email": "pas une adresse"},
        "email",
        "n'est pas une adresse e-mail",
        "is not an email address",
    ),
    (
        "unknown sector",
        {"sectors": ["nucleaire"]},
        "sectors",
        "Code inconnu nucleaire",
        "Unknown code nucleaire",
    ),
    (
        "unknown region",
        {"regions": ["99"]},
        "regions",
        "Code inconnu 99",
        "Unknown code 99",
    ),
    (
        "unknown department",
        {"departments": ["20"]},
        "departments",
        "Code inconnu 20",
        "Unknown code 20",
    ),
    (
        "unknown event",
        {"events": ["rumeur"]},
        "events",
        "Code inconnu rumeur",
        "Unknown code rumeur",
    ),
    (
        "SIREN not in the registry",
        {"companies": ["552100554"]},
        "companies",
        "Le SIREN 552100554 n'est pas dans le répertoire",
        "SIREN 552100554 is not in the company registry",
    ),
    (
        "Luhn-invalid SIREN",
        {"companies": ["919985003"]},
        "companies",
        "919985003 : SIREN non valide",
        "919985003: not a valid SIREN",
    ),
    (
        "10,000-character keywords",
        {"keywords": "a" * 10_000},
        "keywords",
        "Mots-clés trop longs (10000 caractères)",
        "Keywords are too long (10000 characters)",
    ),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("case", "fields", "where", "french", "english"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS]
)
def test_bad_input_gets_a_clear_message_and_creates_nothing(
    site: Live,
    mailbox: Recorder,
    lang: str,
    case: str,
    fields: dict[str, Any],
    where: str,
    french: str,
    english: str,
) -> None:
    address = f"bad-{lang}@example.org"
    before, mails = count(site), len(mailbox.envelopes)
    form = documented_form(address, language=lang) | fields
    response = site.client().post(f"/subscribe?lang={lang}", data=form)
    assert response.status_code == 400, response.text
    page = unescape(response.text)
    expected = french if lang == "fr" else english
    # The message is beside its field (or at the top for the whole form).
    beside = re.search(rf'id="{where}-error">([^<]+)<', page)
    assert beside and expected in beside.group(1), page[:3000]
    assert 'id="form-errors"' in page
    # The form comes back with what was chosen, ready to correct.
    if "sectors" not in fields:
        assert 'value="aeronautics" checked' in page
    assert count(site) == before and len(mailbox.envelopes) == mails


def test_a_filled_honeypot_looks_like_success_but_creates_and_sends_nothing(
    site: Live, mailbox: Recorder
) -> None:
    before, mails = count(site), len(mailbox.envelopes)
    response = site.client().post(
        "/subscribe", data=documented_form("robot@example.org", website="https://spam.example")
    )
    assert response.status_code == 200 and 'id="sent"' in response.text
    assert count(site) == before and len(mailbox.envelopes) == mails


def test_the_honeypot_is_hidden_by_css_and_labelled(site: Live) -> None:
    page = site.client().get("/subscribe").text
    field = re.search(
        r'<div class="hp"><label for="website">([^<]+)</label><input type="text" id="website"', page
    )
    assert field and field.group(1) == "Laissez ce champ vide"
    assert ".hp{position:absolute;left:-10000px" in page


def test_per_email_limit_answers_429_and_sends_nothing(site: Live, mailbox: Recorder) -> None:
    address = "flooded@example.org"
    with site.client() as http:
        for _ in range(LIMITS["per_email_per_day"]):
            assert http.post("/subscribe", data=documented_form(address)).status_code == 200
        before, mails = count(site), len(mailbox.envelopes)
        refused = http.post("/subscribe?lang=en", data=documented_form(address))
    assert refused.status_code == 429
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= 86400
    said = unescape(refused.text)
    assert "This address has received enough confirmation emails today" in said
    # A day's wait is said in hours, not as 1440 minutes.
    hours = -(-wait // 3600)
    assert f"try again in {hours} hours" in said and "minutes" not in said
    assert count(site) == before and len(mailbox.envelopes) == mails
    assert len(mails_to(mailbox, address)) == LIMITS["per_email_per_day"]


def test_forged_or_expired_confirmation_links_change_nothing(site: Live, mailbox: Recorder) -> None:
    response = site.client().post("/subscribe", data=documented_form("pending@example.org"))
    assert response.status_code == 200
    with site.database.session() as session:
        row = session.scalars(select(Subscription).order_by(Subscription.id.desc())).first()
        assert row is not None
        ids = (row.subscriber_id, row.id)
    secret = secret_key(site.settings.secret_key, site.settings.data_dir)
    expired = sign(secret, "confirm", {"s": ids[0], "u": [ids[1]]}, -10)
    forged = sign(b"x" * 32, "confirm", {"s": ids[0], "u": [ids[1]]}, 3600)
    with site.client() as stranger:
        for token in (expired, forged, "", "abc.def"):
            assert (
                stranger.get("/subscriptions/confirm", params={"token": token}).status_code == 400
            )
    with site.database.session() as session:
        assert session.get(Subscription, ids[1]).active is False  # type: ignore[union-attr]
        assert session.get(Subscriber, ids[0]).confirmed_at is None  # type: ignore[union-attr]


def test_company_search_by_name_or_siren_keeps_the_other_choices(site: Live) -> None:
    with site.client() as http:
        by_name = http.get(
            "/subscribe",
            params={"company_q": "aérov", "sectors": "aeronautics", "keywords": "hélice"},
        )
        by_siren = http.get("/subscribe", params={"company_q": "919 985 002", "lang": "en"})
        nothing = http.get("/subscribe", params={"company_q": "zzzz", "lang": "en"})
    assert by_name.status_code == 200
    assert f'name="companies" value="{AEROVOLT}"> Aérovolt' in by_name.text
    assert 'value="aeronautics" checked' in by_name.text and 'value="hélice"' in by_name.text
    assert f'value="{AEROVOLT}"> Aérovolt' in by_siren.text
    assert 'id="no-company"' in nothing.text and "No company of the registry matches" in unescape(
        nothing.text
    )


def test_the_form_searches_the_registry_by_post_without_putting_the_email_in_a_url(
    site: Live, mailbox: Recorder
) -> None:
    with site.client() as http:
        form = http.get("/subscribe")
        # The button posts the whole form (nothing typed so far goes into a URL).
        assert 'id="company-search" name="action" value="find_company"' in form.text
        assert "formmethod" not in form.text
        # Many searches in a row are not counted against the per-address limit.
        for _ in range(8):
            found = http.post(
                "/subscribe",
                data={
                    "email": "firm@example.org",
                    "company_q": "aérov",
                    "sectors": "aeronautics",
                    "action": "find_company",
                },
            )
            assert found.status_code == 200
        assert f'name="companies" value="{AEROVOLT}"> Aérovolt' in found.text
        assert 'value="aeronautics" checked' in found.text
        assert 'value="firm@example.org"' in found.text
        assert "firm@example.org" not in str(found.url)
        sent = http.post(
            "/subscribe", data=documented_form("firm@example.org", companies=[AEROVOLT])
        )
    assert sent.status_code == 200
    with site.database.session() as session:
        assert session.scalars(select(Subscriber)).all() != []


def test_hostile_registry_names_and_crawled_titles_stay_inert(
    site: Live, mailbox: Recorder
) -> None:
    with site.client() as http:
        found = http.get("/subscribe", params={"company_q": "industries"})
        preview = http.post(
            "/subscribe", data={"sectors": "aeronautics", "regions": "76", "action": "preview"}
        )
        sent = http.post(
            "/subscribe",
            data=documented_form("hostile@example.org", companies=[HOSTILE_SIREN], language="fr"),
        )
    for response in (found, preview, sent):
        assert SCRIPT not in response.text, response.text[:2000]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Industries" in found.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Aérovolt rachète" in preview.text
    assert 'id="preview-total" data-total="3"' in preview.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Industries" in sent.text
    [message] = mails_to(mailbox, "hostile@example.org")
    html = message.get_body(("html",)).get_content()
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_the_sixth_request_in_a_minute_from_one_address_is_refused(
    tmp_path_factory: pytest.TempPathFactory, mailbox: Recorder
) -> None:
    with start_live(
        tmp_path_factory.mktemp("limited") / "data", email=email_settings(mailbox)
    ) as live:
        add_companies(live)
        with live.client() as http:
            for n in range(5):
                form = (
                    documented_form(f"n{n}@example.org")
                    if n
                    else {"action": "preview", "sectors": "energy"}
                )
                assert http.post("/subscribe", data=form).status_code == 200
            mails = len(mailbox.envelopes)
            with live.database.session() as session:
                before = session.scalar(select(func.count()).select_from(Subscription))
            refused = http.post(
                "/subscribe", data=documented_form("sixth@example.org", language="fr")
            )
            english = http.post("/subscribe?lang=en", data=documented_form("seventh@example.org"))
        assert refused.status_code == 429 and english.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert "Trop de demandes depuis votre connexion" in unescape(refused.text)
        assert "Too many requests from your connection" in unescape(english.text)
        with live.database.session() as session:
            assert session.scalar(select(func.count()).select_from(Subscription)) == before
        assert len(mailbox.envelopes) == mails


def test_the_operator_can_close_the_page_or_restrict_domains(
    tmp_path_factory: pytest.TempPathFactory, mailbox: Recorder
) -> None:
    closed = {"public_subscribe": {"enabled": False}}
    with start_live(tmp_path_factory.mktemp("closed") / "data", web=closed) as live:
        with live.client() as http:
            assert http.get("/subscribe").status_code == 404
            response = http.post("/subscribe?lang=en", data=documented_form("a@example.org"))
            assert (
                response.status_code == 404 and "Subscriptions are not open here" in response.text
            )
        with live.database.session() as session:
            assert session.scalar(select(func.count()).select_from(Subscription)) == 0
    members = {"public_subscribe": {"email_domains": ["@Agence.example"]}}
    with start_live(
        tmp_path_factory.mktemp("members") / "data", web=members, email=email_settings(mailbox)
    ) as live:
        add_companies(live)
        with live.client() as http:
            outsider = http.post(
                "/subscribe", data=documented_form("a@other.example", language="fr")
            )
            member = http.post("/subscribe", data=documented_form("pme@agence.example"))
        assert outsider.status_code == 400
        assert "Cette page n'accepte que les adresses en agence.example" in unescape(outsider.text)
        assert member.status_code == 200
        assert not mails_to(mailbox, "a@other.example")


def test_subscribe_to_this_search_prefills_the_public_or_the_agents_form(site: Live) -> None:
    with site.client() as visitor:
        page = visitor.get(
            "/search",
            params={"q": f"sector:aeronautics (region:76 OR dept:31) company:{AEROVOLT} hélice"},
        )
        found = re.search(r'id="subscribe-search" href="([^"]+)"', page.text)
        assert found
        href = unescape(found.group(1))
        assert href == (
            f"/subscribe?sectors=aeronautics&regions=76&departments=31&companies={AEROVOLT}&keywords=helice"
        )
        form = visitor.get(href).text
        for value in ("aeronautics", "76", AEROVOLT):
            assert f'value="{value}" checked' in form
        assert 'value="31" selected' in form
        # A query the form cannot express: only its keywords are carried over.
        custom = visitor.get("/search", params={"q": "(airbus safran) OR -rumeur", "lang": "en"})
        link = re.search(r'id="subscribe-search" href="([^"]+)"', custom.text)
        assert link and unescape(link.group(1)) == "/subscribe?keywords=airbus%2C+safran&lang=en"
    agent = signed_in(site)
    try:
        page = agent.get("/search", params={"q": "event:acquisition"})
        found = re.search(r'id="subscribe-search" href="([^"]+)"', page.text)
        assert (
            found and unescape(found.group(1)) == "/agent/subscriptions/new?q=event%3Aacquisition"
        )
        form = agent.get(unescape(found.group(1))).text
        assert 'id="query" name="query" value="event:acquisition"' in form
    finally:
        agent.close()


def test_the_documented_interface_is_the_forms(site: Live) -> None:
    """docs/web-ui.md's table of fields names exactly what the page's own form posts, so
    an agency's copy of the documented form and ours cannot drift apart."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "web-ui.md").read_text("utf-8")
    section = docs.split("#### Embedding the form", 1)[1].split("####", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE))
    page = site.client().get("/subscribe", params={"company_q": "aérov"}).text
    form = page.split("<form", 1)[1].split("</form>", 1)[0]
    posted = set(re.findall(r'<(?:input|select|textarea|button)[^>]* name="(\w+)"', form))
    # The search box and the page's own language ride along with the form; the documented
    # action=find_company names company_q.
    assert documented == posted - {"company_q", "lang"}, (documented, posted)
    assert "company_q" in section


def test_the_preview_counts_30_days_and_shows_the_five_latest_titles(site: Live) -> None:
    """Eight tourism articles: seven of the last 30 days, one older. The preview counts
    the seven and lists the five newest, newest first; nothing is created."""
    ages = [1, 3, 5, 8, 13, 21, 29, 45]
    index = open_index(site.settings)
    index.index(
        [
            doc(60 + n, f"Saison touristique, J-{age}", "Tourisme.", age=age, sectors=["tourism"])
            for n, age in enumerate(ages)
        ]
    )
    index.close()
    before = count(site)
    response = site.client().post("/subscribe", data={"sectors": "tourism", "action": "preview"})
    assert response.status_code == 200
    assert 'id="preview-total" data-total="7"' in response.text
    results = response.text.split('id="preview-results"', 1)[1]
    titles = re.findall(r'class="title"[^>]*>([^<]+)<', results)
    assert titles == [f"Saison touristique, J-{age}" for age in ages[:5]]
    assert count(site) == before
