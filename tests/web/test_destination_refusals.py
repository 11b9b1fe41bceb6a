"""A webhook or Apprise address the channel refuses, on the agent's subscription form in
the page's language (the catalogue's words, the address as given), while the API keeps
its English message (docs/api.md)."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape

import httpx
import pytest

from myrtille.alerts.subscriptions import SubscriptionError, destinations_for
from tests.web.conftest import Live, csrf_of, signed_in, start_live

NEW = "/agent/subscriptions/new"
LOOPBACK_HOOK = "http://127.0.0.1:9/hook"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("refusals") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def agent(site: Live) -> Iterator[httpx.Client]:
    http = signed_in(site)
    yield http
    http.close()


def form_errors(agent: httpx.Client, lang: str, webhook: str) -> str:
    fields = {
        "csrf": csrf_of(agent.get(f"{NEW}?lang={lang}").text),
        "email": "firm@example.org",
        "name": "",
        "query": "event:acquisition",
        "frequency": "daily",
        "language": "fr",
        "webhook_url": webhook,
        "action": "save",
        "lang": lang,
    }
    response = agent.post(NEW, data=fields)
    assert response.status_code == 400, response.text
    return unescape(response.text.split('id="form-errors"', 1)[1].split("</div>", 1)[0])


@pytest.mark.parametrize(
    ("lang", "says", "foreign"),
    [
        (
            "fr",
            f"URL du webhook : destination refusée {LOOPBACK_HOOK} : 127.0.0.1 correspond à "
            "127.0.0.1, une adresse de bouclage ; un opérateur peut l'autoriser dans "
            "webhooks.allow_private",
            "resolves to",
        ),
        (
            "en",
            f"webhook URL: refused destination {LOOPBACK_HOOK}: 127.0.0.1 resolves to "
            "127.0.0.1, a loopback address; an operator can allow it in webhooks.allow_private",
            "adresse",
        ),
    ],
)
def test_a_refused_webhook_is_explained_in_the_pages_language(
    agent: httpx.Client, lang: str, says: str, foreign: str
) -> None:
    errors = form_errors(agent, lang, LOOPBACK_HOOK)
    assert says in errors, errors
    assert foreign not in errors


def test_refusals_keep_english_messages_for_the_api_and_words_for_pages() -> None:
    """Apprise refusals too: the English message (API, CLI) and the page's words."""
    cases = {
        "json://127.0.0.1/x": ("une adresse de bouclage", "a loopback address"),
        "zzz://nowhere": ("n'est pas accepté", "is not allowed"),
        "nothing": ("un canal Apprise demande une URL Apprise", "needs an Apprise URL"),
    }
    for address, (french, english) in cases.items():
        with pytest.raises(SubscriptionError) as refused:
            destinations_for(["apprise"], {"apprise": address}, None)
        assert english in str(refused.value) and english in refused.value.text("en")
        assert french in refused.value.text("fr"), refused.value.text("fr")
        assert english not in refused.value.text("fr")
