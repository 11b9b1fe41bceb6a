"""The SSRF matrix (issue 15): every address form of ``ssrf_forms`` through every entry
point that fetches a URL someone typed or a page supplied, with a canary listening on all
of this machine's addresses. The documented rule (docs/security.md):

- URLs the operator wrote in the configuration are fetched as written (the positive
  control below: the canary does see those);
- URLs learned from crawled content (feed links, fetched articles, redirects, the
  redirect of an operator's own URL) reach only public addresses or their source's origin;
- webhook and Apprise targets only public addresses, unless ``webhooks.allow_private``
  lists them (the other positive control), at creation and at each delivery;
- a name is checked and connected to at one address: DNS rebinding between the check and
  the connection reaches nothing (a resolver that answers public first, loopback after).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from myrtille.alerts.channels.apprise import AppriseChannel
from myrtille.alerts.channels.webhook import WebhookChannel
from myrtille.alerts.delivery import (
    Destination,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.subscriptions import SubscriptionError, create_subscription
from myrtille.config.delivery import WebhookSettings
from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.index.resolver import CodeResolver
from myrtille.store.database import open_database
from tests.alerts.test_webhook import WHSEC, alert
from tests.conftest import make_settings
from tests.crawlers.pages import rss
from tests.crawlers.test_hostile_feeds import measured_crawl
from tests.security.ssrf_forms import (
    REBINDING_HOST,
    SITECUSTOMIZE,
    Canary,
    Form,
    forms,
    rebinding_getaddrinfo,
)

FORMS = forms()
IDS = [f.name for f in FORMS]
SECRET = b"a test secret that is long enough"


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    listening = Canary()
    yield listening
    listening.close()


def target(canary: Canary, form: Form, path: str) -> str:
    return f"http://{form.host}:{canary.port}/{path}/{form.name}"


def delivery_settings(tmp_path: Path, allow: list[str] | None = None) -> Settings:
    return Settings(
        data_dir=tmp_path, webhooks=WebhookSettings(timeout="2s", allow_private=allow or [])
    )


# -- the crawler ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crawled(canary: Canary, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One crawl: a feed linking every form (articles fetched), each through a redirect
    of the site's own too; one source per form whose operator-written URL redirects to
    it; and, as the rule's positive control, two operator-written URLs on the canary."""
    with RouteServer() as server:
        items = []
        sources: list[dict[str, Any]] = []
        for form in FORMS:
            items.append({"title": f"Lien {form.name}", "link": target(canary, form, "learned")})
            jump = f"/jump/{form.name}"
            server.routes[jump] = Route(
                b"", status=302, headers={"Location": target(canary, form, "redirected")}
            )
            items.append({"title": f"Saut {form.name}", "link": server.url(jump)})
            moved = f"/moved/{form.name}.xml"
            server.routes[moved] = Route(
                b"", status=301, headers={"Location": target(canary, form, "operator-redirect")}
            )
            sources.append({"id": f"moved-{form.name}", "kind": "feed", "url": server.url(moved)})
        rebinding = f"http://{REBINDING_HOST}:{canary.port}/learned/rebinding"
        items.append({"title": "Rebinding", "link": rebinding})
        server.routes["/feed.xml"] = Route(rss(items).encode(), "application/rss+xml")
        sources.append(
            {"id": "links", "kind": "feed", "url": server.url("/feed.xml"), "max_articles": 500}
        )
        for name in ("decimal", "localhost"):
            form = next(f for f in FORMS if f.name == name)
            sources.append(
                {"id": f"written-{name}", "kind": "feed",
                 "url": target(canary, form, "operator-written")}
            )  # fmt: skip
        site = tmp_path_factory.mktemp("rebinding-site")
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        settings = make_settings(tmp_path_factory.mktemp("ssrf") / "data", sources, timeout="3s")
        with pytest.MonkeyPatch.context() as patch:
            # The crawl child (and only it, through its own start-up) meets the rebinding
            # resolver; the repository root keeps `tests` importable there.
            root = Path(__file__).parents[2]
            patch.setenv("PYTHONPATH", f"{site}:{root}")
            result = measured_crawl(settings)
    return result


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_learned_links_and_redirects_never_reach_the_form(
    crawled: dict[str, Any], canary: Canary, form: Form
) -> None:
    for path in ("learned", "redirected", "operator-redirect"):
        assert canary.hits(f"/{path}/{form.name}") == [], (path, form)
    outcome = crawled["outcomes"][f"moved-{form.name}"]
    # The operator's URL is fetched as written; where it redirects is learned, and refused.
    assert outcome["error"] and "refused" in outcome["error"], outcome


def test_the_crawl_reaches_the_canary_only_where_the_operator_wrote_it(
    crawled: dict[str, Any], canary: Canary
) -> None:
    # Positive control: the canary counts, and the documented exception holds.
    assert len(canary.hits("/operator-written/decimal")) >= 1
    assert len(canary.hits("/operator-written/localhost")) >= 1
    others = [
        p for p in canary.paths if "/operator-written/" not in p and not p.startswith("/robots")
    ]
    assert others == [], others
    assert canary.hits("/learned/rebinding") == []
    links = crawled["outcomes"]["links"]
    assert links["error"] is None
    # The crawl child did meet the rebinding resolver (else the name would not resolve).
    assert not any("DNS" in w for w in links["warnings"]), links["warnings"]


# -- webhooks and Apprise ------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_webhook_and_apprise_targets_are_refused_on_creation(tmp_path: Path, form: Form) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'state.db'}")
    settings = delivery_settings(tmp_path)
    port = 8
    for channel, url in (
        ("webhook", f"http://{form.host}:{port}/hook"),
        ("apprise", f"json://{form.host}:{port}/hook"),
    ):
        try:
            create_subscription(
                database, SECRET, email="pme@exemple.fr", query="solaris",
                channels=[channel], addresses={channel: url}, resolver=CodeResolver(),
                settings=settings,
            )  # fmt: skip
        except SubscriptionError as exc:
            assert "refused destination" in str(exc) or "not" in str(exc), str(exc)
            continue
        # Every form resolves or is a *.localhost name (regression, issue 15: 'localhost.'
        # and 'canary.localhost' were accepted because this machine's resolver does not
        # know them, while RFC 6761 makes them loopback, as the crawler's rule reads them).
        raise AssertionError(f"{channel} accepted {url}")
    database.dispose()


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_webhook_and_apprise_deliveries_never_reach_the_form(
    tmp_path: Path, canary: Canary, form: Form
) -> None:
    settings = delivery_settings(tmp_path)
    webhook = alert(target(canary, form, "webhook"), WHSEC)
    apprise = alert(None)
    apprise.channel = "apprise"
    apprise.destination = Destination(
        "apprise", f"json://{form.host}:{canary.port}/apprise/{form.name}"
    )
    for channel, sent in ((WebhookChannel(settings), webhook), (AppriseChannel(settings), apprise)):
        with pytest.raises((PermanentDeliveryError, TransientDeliveryError)) as refused:
            channel.send(sent)
        # Refused by the guard, or by Apprise not reading the host at all.
        reason = str(refused.value)
        assert "refused destination" in reason or "not a usable" in reason, reason
    assert canary.hits(f"/webhook/{form.name}") == []
    assert canary.hits(f"/apprise/{form.name}") == []


def test_allow_private_opens_the_canary_to_webhooks(tmp_path: Path, canary: Canary) -> None:
    # Positive control: with the operator's allowance the same canary is reached.
    settings = delivery_settings(tmp_path, allow=["127.0.0.1"])
    WebhookChannel(settings).send(alert(f"http://127.0.0.1:{canary.port}/webhook/allowed", WHSEC))
    assert len(canary.hits("/webhook/allowed")) == 1


def test_dns_rebinding_between_check_and_connection_reaches_nothing(
    tmp_path: Path, canary: Canary, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = delivery_settings(tmp_path)
    webhook = alert(f"http://{REBINDING_HOST}:{canary.port}/webhook/rebinding", WHSEC)
    apprise = alert(None)
    apprise.channel = "apprise"
    apprise.destination = Destination(
        "apprise", f"json://{REBINDING_HOST}:{canary.port}/apprise/rebinding"
    )
    for channel, sent in ((WebhookChannel(settings), webhook), (AppriseChannel(settings), apprise)):
        # A fresh rebinding resolver per send: its first answer (the check) is public, every
        # later one loopback. Connecting to the checked address reaches no canary.
        real = socket.getaddrinfo
        rebinding = rebinding_getaddrinfo(real)
        monkeypatch.setattr(socket, "getaddrinfo", rebinding)
        with pytest.raises((PermanentDeliveryError, TransientDeliveryError)):
            channel.send(sent)
        monkeypatch.setattr(socket, "getaddrinfo", real)
        if channel.name == "webhook":
            # Checked once, connected to the checked address: never asked again.
            assert rebinding.asked["n"] == 1  # type: ignore[attr-defined]
        else:
            # Apprise's guard judges each of its own lookups at the connection.
            assert rebinding.asked["n"] >= 1  # type: ignore[attr-defined]
    assert canary.hits("rebinding") == []
