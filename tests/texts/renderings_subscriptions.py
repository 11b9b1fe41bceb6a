"""Renderings of the subscription pages: the firms' public form and its refusals, the agents'
sign-in, subscription and portfolio pages, and the pages behind the links of emails."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from tests.texts.rendered import Rendering, visible_text


def public_subscribe_pages(tmp_path: Path) -> list[Rendering]:
    """The firms' public subscription page: the form, a company search, errors beside
    the fields, the preview and the page saying the confirmation email was sent."""
    from myrtille.store.companies import Company
    from myrtille.texts import labels
    from tests.web.conftest import start_live

    out = []
    chosen = {"sectors": "aeronautics", "regions": "76", "events": "acquisition"}
    with start_live(tmp_path / "data") as live, live.client() as http:
        with live.database.session() as session:
            session.add(Company(id="919985002", siren="919985002", name="Aérovolt"))
        for lang in ("fr", "en"):
            pages = {
                "form": http.get(f"/subscribe?lang={lang}&company_q=aero&sectors=aeronautics"),
                "no company": http.get(f"/subscribe?lang={lang}&company_q=zzz"),
                "errors": http.post(
                    f"/subscribe?lang={lang}",
                    data={"email": "x", "keywords": "k" * 300, "companies": "919985003"},
                ),
                "nothing chosen": http.post(f"/subscribe?lang={lang}", data={"email": "x"}),
                "preview": http.post(
                    f"/subscribe?lang={lang}", data={**chosen, "action": "preview"}
                ),
                "sent": http.post(
                    f"/subscribe?lang={lang}", data={**chosen, "email": f"{lang}@example.org"}
                ),
            }
            for name, response in pages.items():
                data = ["Aérovolt", "919985002", "919985003", "x", "zzz", f"{lang}@example.org"]
                data += [hit for hit in re.findall(r'class="title"[^>]*>([^<]+)<', response.text)]
                data += [html.unescape(h) for h in data]
                # A name that holds a code as a word ("Bâtiment et construction").
                data += [name for name in labels(lang)["sector"].values() if " " in name]
                out.append(Rendering(f"subscribe {name}", lang, visible_text(response.text), data))
    return out


def public_subscribe_refusals(tmp_path: Path) -> list[Rendering]:
    """The public page's other answers: the confirmation email that could not be sent
    (503), the address that had its emails for the day and the connection that made too
    many requests (429), and the page an operator closed (404)."""
    from tests.web.conftest import free_port, start_live

    smtp = {"smtp_host": "127.0.0.1", "smtp_port": free_port(), "timeout": "2s"}
    rules = {"per_email_per_day": 1, "per_address_per_minute": 4}
    chosen = {"sectors": "aeronautics", "regions": "76"}
    out = []
    with (
        start_live(tmp_path / "data", email=smtp, web={"public_subscribe": rules}) as live,
        live.client() as http,
    ):
        pages: dict[tuple[str, str], Any] = {}
        for lang in ("fr", "en"):
            form = {**chosen, "email": f"{lang}@example.org"}
            pages[("send failed", lang)] = http.post(f"/subscribe?lang={lang}", data=form)
            pages[("email limited", lang)] = http.post(f"/subscribe?lang={lang}", data=form)
        for lang in ("fr", "en"):
            pages[("client limited", lang)] = http.post(f"/subscribe?lang={lang}", data=chosen)
    closed = {"public_subscribe": {"enabled": False}}
    with start_live(tmp_path / "closed", web=closed) as live, live.client() as http:
        for lang in ("fr", "en"):
            pages[("closed", lang)] = http.get(f"/subscribe?lang={lang}")
    expected = {"send failed": 503, "email limited": 429, "client limited": 429, "closed": 404}
    for (name, lang), response in pages.items():
        assert response.status_code == expected[name], (name, lang, response.text[:500])
        data = [f"{lang}@example.org"]
        out.append(Rendering(f"subscribe {name}", lang, visible_text(response.text), data))
    return out


# -- agents' pages --------------------------------------------------------------------


def agent_pages(tmp_path: Path) -> list[Rendering]:
    """Sign-in refused, and the agents' subscription pages with subscriptions in every
    state (awaiting confirmation, active, paused, bounced), their form with every error,
    its preview, and the delete question."""
    from sqlalchemy import select

    from myrtille.store.subscriptions import Subscriber, Subscription
    from tests.web.conftest import csrf_of, signed_in, start_live

    base = "/agent/subscriptions"
    made = {
        "pending@example.org": {"query": "event:acquisition region:76", "frequency": "daily"},
        "active@example.org": {"query": "sector:energy", "frequency": "weekly", "consent": "on"},
        "paused@example.org": {"query": "sector:aeronautics", "consent": "on"},
        "bounced@example.org": {"query": "dept:31", "frequency": "daily", "consent": "on"},
    }
    data = [*(f["query"] for f in made.values()), *made, "Aéro", "https://hooks.example/x"]
    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live:
        with live.client() as anonymous:
            for lang in ("fr", "en"):
                form = anonymous.get(f"/signin?lang={lang}").text
                refused = anonymous.post(
                    "/signin",
                    data={"csrf": csrf_of(form), "name": "x", "password": "y", "lang": lang},
                )
                assert refused.status_code == 401
                out.append(Rendering("sign-in refused", lang, visible_text(refused.text), ["x"]))
        http = signed_in(live)
        for email, fields in made.items():
            token = csrf_of(http.get(f"{base}/new").text)
            saved = http.post(
                f"{base}/new",
                data={"csrf": token, "email": email, "name": "Aéro", "language": "en"}
                | {"frequency": "immediate", "action": "save"}
                | fields,
            )
            assert saved.status_code == 303, saved.text
        with live.database.session() as session:
            for subscription, subscriber in session.execute(
                select(Subscription, Subscriber).join(Subscriber)
            ):
                subscription.paused = subscriber.email == "paused@example.org"
                subscriber.paused = subscriber.email == "bounced@example.org"
            first = min(session.scalars(select(Subscription.id)))
        bad = {
            "email": "x",
            "query": "sector:",
            "frequency": "hourly",
            "language": "de",
            "webhook_url": "ftp://x",
        }
        for lang in ("fr", "en"):
            pages = {
                "subscriptions": http.get(f"{base}?lang={lang}&done=sent&id={first}"),
                "subscription edit": http.get(f"{base}/{first}/edit?lang={lang}"),
                "subscription delete": http.get(f"{base}/{first}/delete?lang={lang}"),
                "subscription missing": http.get(f"{base}/999/edit?lang={lang}"),
            }
            token = csrf_of(http.get(f"{base}/new?lang={lang}").text)
            pages["subscription form errors"] = http.post(
                f"{base}/new", data={"csrf": token, "lang": lang, "action": "save"} | bad
            )
            pages["subscription preview"] = http.post(
                f"{base}/new",
                data={"csrf": token, "lang": lang, "action": "preview", "query": "sector:energy"},
            )
            for name, response in pages.items():
                seen = [*data, "sector:energy"]
                out.append(Rendering(name, lang, visible_text(response.text), seen))
        http.close()
    return out


def portfolio_pages(tmp_path: Path) -> list[Rendering]:
    """The agents' portfolio pages: the list with its upload form, the import report with
    bad and unknown lines, a refused file, the portfolio page, the delete question and the
    subscription form prefilled with portfolio:NAME."""
    from myrtille.store.companies import Company
    from tests.web.conftest import csrf_of, signed_in, start_live

    base = "/agent/portfolios"
    csv = "siren;label\n919985002;Client <b>\n919985003;x\n91998500;y\n552100554;z\n"
    data = ["clients", "portfolio:clients", "Aérovolt", "Client <b>", "919985002", "919985003"]
    data += ["91998500", "552100554", "numero,nom", "'numero', 'nom'", "test-agent"]
    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live:
        with live.database.session() as session:
            session.add(Company(id="919985002", siren="919985002", name="Aérovolt"))
        http = signed_in(live)
        for lang in ("fr", "en"):
            token = csrf_of(http.get(f"{base}?lang={lang}").text)
            pages = {
                "portfolio report": http.post(
                    base,
                    data={"csrf": token, "name": "clients", "lang": lang},
                    files={"file": ("c.csv", csv.encode(), "text/csv")},
                ),
                "portfolio refused": http.post(
                    base,
                    data={"csrf": token, "name": "other", "lang": lang},
                    files={"file": ("c.csv", b"numero,nom\n1,2\n", "text/csv")},
                ),
                "portfolios": http.get(f"{base}?lang={lang}"),
                "portfolio": http.get(f"{base}/clients?lang={lang}"),
                "portfolio delete": http.get(f"{base}/clients/delete?lang={lang}"),
                "portfolio missing": http.get(f"{base}/nowhere?lang={lang}"),
                "portfolio subscribe": http.get(
                    f"/agent/subscriptions/new?lang={lang}&q=portfolio%3Aclients"
                ),
            }
            for name, response in pages.items():
                shown = [*data, *re.findall(r'class="title"[^>]*>([^<]+)<', response.text)]
                shown += re.findall(r'<li class="document"><a [^>]*>([^<]+)<', response.text)
                shown += [html.unescape(h) for h in shown]
                out.append(Rendering(name, lang, visible_text(response.text), shown))
        http.close()
    return out


# -- pages behind the links of emails ---------------------------------------------------


def subscriber_pages(tmp_path: Path) -> list[Rendering]:
    """What a firm sees from the links of its emails, in its own language: the
    confirmation (done, and refused), the unsubscribe question and its answer, and the
    preferences page with watches in every state and every frequency."""
    from sqlalchemy import select

    from myrtille.alerts.mail import preferences_url, unsubscribe_token
    from myrtille.alerts.subscriptions import create_subscription
    from myrtille.alerts.tokens import secret_key
    from myrtille.store.subscriptions import Subscription
    from tests.web.conftest import start_live

    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live, live.client() as http:
        secret = secret_key(live.settings.secret_key, live.settings.data_dir)
        for lang in ("fr", "en"):
            email = f"firm-{lang}@example.org"
            made = [
                create_subscription(
                    live.database,
                    secret,
                    email=email,
                    query=query,
                    frequency=frequency,
                    language=lang,
                    name=name,
                )
                for query, frequency, name in (
                    ("sector:aeronautics region:76", "immediate", "Aéro Occitanie"),
                    ("event:insolvency dept:31", "daily", "Défaillances 31"),
                    ("sector:energy", "weekly", "Énergie"),
                    ("event:acquisition", "daily", "Rachats"),
                )
            ]
            token = made[0].confirm_token
            assert token is not None
            pages = {"confirm ok": http.get("/subscriptions/confirm", params={"token": token})}
            with live.database.session() as session:
                rows = {r.id: r for r in session.scalars(select(Subscription))}
                rows[made[2].subscription_id].paused = True
            stop = unsubscribe_token(secret, made[3].subscription_id)
            pages["unsubscribe page"] = http.get("/unsubscribe", params={"token": stop})
            pages["unsubscribed"] = http.post("/unsubscribe", params={"token": stop})
            pages["confirm failed"] = http.get(
                "/subscriptions/confirm", params={"token": stop, "lang": lang}
            )
            pages["unsubscribe refused"] = http.get(
                "/unsubscribe", params={"token": "garbage", "lang": lang}
            )
            url = preferences_url(live.settings, secret, made[0].subscriber_id)
            path = "/" + url.split("://", 1)[1].split("/", 1)[1]
            pages["preferences"] = http.get(path)
            form = {"token": path.split("token=", 1)[1], "lang": lang}
            pages["preferences changed"] = http.post(
                "/preferences",
                data=form
                | {
                    "action": "frequency",
                    "subscription": str(made[1].subscription_id),
                    "frequency": "weekly",
                },
            )
            pages["preferences refused"] = http.post(
                "/preferences", data=form | {"action": "unsubscribe", "subscription": "999999"}
            )
            data = [email, "Aéro Occitanie", "Défaillances 31", "Énergie", "Rachats", "garbage"]
            for name, response in pages.items():
                assert response.status_code in (200, 400), (name, response.text)
                out.append(Rendering(f"email link {name}", lang, visible_text(response.text), data))
    return out
