# ruff: noqa: F811  (mailbox and site: fixtures imported from tests/web/public_subscribe.py)
"""The public subscription page refusing, on a real server with a real SMTP server: every
bad input (a clear message beside its field in the page's language, nothing created, nothing
sent), the honeypot, hostile registry names and titles kept inert, the per-email and
per-address limits, and the operator closing the page or restricting it to domains."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from sqlalchemy import func, select

from myrtille.store.subscriptions import Subscription
from tests.alerts.test_email import Recorder
from tests.web.conftest import Live, start_live
from tests.web.public_subscribe import (  # noqa: F401 (mailbox and site are fixtures)
    HOSTILE_SIREN,
    LIMITS,
    SCRIPT,
    add_companies,
    count,
    documented_form,
    email_settings,
    mailbox,
    mails_to,
    site,
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
