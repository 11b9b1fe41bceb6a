"""The public subscription page's test site, shared by test_public_subscribe.py and
test_public_subscribe_refusals.py: a real SMTP server (aiosmtpd) and a live server with two
registry firms (one with a hostile name) and a hostile crawled title; both fixtures are
module-scoped, so each test module gets its own site and mailbox."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from myrtille.store.subscriptions import Subscription
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.web.conftest import AEROVOLT, Live, doc, start_live

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
