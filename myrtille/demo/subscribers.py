"""Who the live demo serves: an agent who signs in to the web UI, and a few SMEs whose
subscriptions match the newsroom's upcoming articles, so that alerts visibly arrive."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select

from myrtille.store.database import Database
from myrtille.store.schema import Agent
from myrtille.store.subscriptions import Subscriber, Subscription

DEMO_AGENT = "demo"
DEMO_AGENT_EMAIL = "agent@cci-demo.example"


@dataclass(frozen=True)
class DemoSubscription:
    email: str
    name: str
    query: str
    frequency: str = "immediate"
    language: str = "fr"
    kind: str = "sme"


SUBSCRIPTIONS: tuple[DemoSubscription, ...] = (
    DemoSubscription(
        "pme-aero@demo.example",
        "Aéronautique en Occitanie et Nouvelle-Aquitaine",
        "sector:aeronautics (region:occitanie OR region:nouvelle-aquitaine)",
    ),
    DemoSubscription(
        "achats@batteries-demo.example",
        "Concurrent : Cellvia",
        "company:Cellvia",
    ),
    DemoSubscription(
        "achats@batteries-demo.example",
        "Énergie : investissements et contrats",
        "sector:energy (event:investment OR event:contract)",
    ),
    DemoSubscription(
        "export@demo.example",
        "French firms: exports and fundraising",
        "event:export OR event:fundraising",
        language="en",
    ),
    DemoSubscription(
        "direction@agro-demo.example",
        "Agroalimentaire (digest quotidien)",
        "sector:agrifood",
        frequency="daily",
    ),
    DemoSubscription(
        DEMO_AGENT_EMAIL,
        "Procédures collectives et fermetures (digest quotidien)",
        "event:insolvency OR event:closure",
        frequency="daily",
        kind="agent",
    ),
    # A weekly digest of the demo agent's portfolio (made by ensure_portfolio before the
    # subscriptions); its legal notices are urgent and arrive at once.
    DemoSubscription(
        "direction@clients-demo.example",
        "Portefeuille clients (digest hebdomadaire, avis légaux urgents)",
        "portfolio:demo-clients",
        frequency="weekly",
    ),
)


@dataclass(frozen=True)
class AgentAccess:
    name: str
    password: str
    api_key: str | None  # only when the agent was just created: a key is shown once


def ensure_agent(database: Database) -> AgentAccess:
    """The demo agent, created when missing, with a fresh password for this run."""
    from myrtille.web.auth import create_agent, set_password

    with database.session() as session:
        exists = session.scalar(select(Agent.id).where(Agent.name == DEMO_AGENT)) is not None
    api_key = None
    if not exists:
        _, api_key = create_agent(database, DEMO_AGENT, DEMO_AGENT_EMAIL)
    password = secrets.token_urlsafe(12)
    if not set_password(database, DEMO_AGENT, password):
        raise RuntimeError(f"the demo agent '{DEMO_AGENT}' is revoked; start over with --fresh")
    return AgentAccess(DEMO_AGENT, password, api_key)


DEMO_PORTFOLIO = "demo-clients"


def ensure_portfolio(database: Database, agent_id: int | None) -> None:
    """The demo agent's portfolio of the demo firms (issue 13.3), imported as an agent
    would, from a CSV of SIRENs and labels; left alone once it exists."""
    import csv
    import io

    from myrtille.demo.corpus import load_corpus
    from myrtille.enrichment.portfolios import import_portfolio
    from myrtille.enrichment.stored_portfolios import find_portfolio

    if find_portfolio(database, DEMO_PORTFOLIO) is not None:
        return
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["siren", "label"])
    for company in load_corpus().companies:
        if company.get("siren"):
            writer.writerow([company["siren"], f"Client : {company['name']}"])
    import_portfolio(database, DEMO_PORTFOLIO, io.BytesIO(text.getvalue().encode()), agent_id)


def ensure_subscriptions(database: Database, secret: bytes) -> int:
    """Create the demo subscriptions that do not exist yet, consent recorded as given to
    the operator (the demo's subscribers are fictional), all managed by the demo agent so
    that signing in shows them; returns how many were created."""
    from myrtille.alerts.subscriptions import create_subscription
    from myrtille.index.resolver import CodeResolver

    with database.session() as session:
        agent_id = session.scalar(select(Agent.id).where(Agent.name == DEMO_AGENT))
    if agent_id is None:
        raise RuntimeError(f"the demo agent '{DEMO_AGENT}' is missing; start over with --fresh")
    ensure_portfolio(database, agent_id)
    created = 0
    for wanted in SUBSCRIPTIONS:
        with database.session() as session:
            existing = session.scalar(
                select(Subscription)
                .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
                .where(Subscriber.email == wanted.email, Subscription.query == wanted.query)
            )
            if existing is not None:
                # Made by an earlier demo that gave them to no agent: the demo agent's now.
                existing.agent_id = existing.agent_id or agent_id
                continue
        create_subscription(
            database,
            secret,
            email=wanted.email,
            query=wanted.query,
            frequency=wanted.frequency,
            language=wanted.language,
            name=wanted.name,
            kind=wanted.kind,
            confirmed_by_operator=True,
            # The database: portfolio:NAME is resolved against the stored portfolios.
            resolver=CodeResolver(database=database),
            agent_id=agent_id,
        )
        created += 1
    return created
