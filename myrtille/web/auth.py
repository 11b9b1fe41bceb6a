"""API agents and their keys.

A key is ``myr_<prefix>_<secret>``: the prefix (8 hex characters) finds the agent's row
and names the key in listings; the secret is 32 random bytes. Only the SHA-256 of the
whole key is stored. A slow password hash would add nothing: the key has 256 bits of
entropy, so nobody can guess it from its hash, and a fast hash keeps every request cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from myrtille.store.database import Database
from myrtille.store.schema import Agent, AgentSession, utcnow

KEY_SCHEME = "myr"
PREFIX_BYTES = 4  # 8 hex characters
SECRET_BYTES = 32
# Writing last_used_at on every request would make each read a write; a minute is
# precise enough to tell an active key from a forgotten one.
LAST_USED_PRECISION = timedelta(minutes=1)


class AgentExists(ValueError):
    """An agent of that name exists already (names identify agents in the CLI)."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh key and its prefix."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    return f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}", prefix


def key_prefix(key: str) -> str | None:
    """The prefix of a well-formed key, else None."""
    scheme, _, rest = key.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != KEY_SCHEME or len(prefix) != 2 * PREFIX_BYTES or not secret:
        return None
    return prefix


def create_agent(database: Database, name: str, email: str | None = None) -> tuple[Agent, str]:
    """A new agent and its key, in clear: the only time the key is known."""
    name = name.strip()
    if not name:
        raise ValueError("an agent needs a name")
    key, prefix = new_key()
    agent = Agent(name=name, email=email, key_prefix=prefix, key_hash=hash_key(key))
    try:
        with database.session() as session:
            session.add(agent)
    except IntegrityError:
        raise AgentExists(f"an agent named '{name}' exists already") from None
    return agent, key


def authenticate(database: Database, key: str) -> Agent | None:
    """The active agent the key belongs to, or None (unknown, malformed or revoked)."""
    prefix = key_prefix(key)
    if prefix is None:
        return None
    digest = hash_key(key)
    with database.session() as session:
        candidates = session.scalars(select(Agent).where(Agent.key_prefix == prefix)).all()
        for agent in candidates:
            if hmac.compare_digest(agent.key_hash, digest):
                if agent.revoked:
                    return None
                now = utcnow()
                if agent.last_used_at is None or now - agent.last_used_at > LAST_USED_PRECISION:
                    agent.last_used_at = now
                return agent
    return None


def revoke(database: Database, name: str) -> bool:
    """Revoke the agent's key and end its web sessions; False when there is no active agent
    of that name."""
    with database.session() as session:
        agent = session.scalars(select(Agent).where(Agent.name == name)).first()
        if agent is None or agent.revoked:
            return False
        agent.revoked = True
        end_all_sessions(session, agent.id)
    return True


def end_all_sessions(session: Session, agent_id: int) -> None:
    """Revoke every web session of the agent (in the caller's transaction)."""
    session.execute(
        update(AgentSession)
        .where(AgentSession.agent_id == agent_id, AgentSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def list_agents(database: Database) -> list[Agent]:
    with database.session() as session:
        return list(session.scalars(select(Agent).order_by(Agent.name)))


# -- passwords, for the web UI's sign-in -------------------------------------------------

MIN_PASSWORD_LENGTH = 10
# scrypt from the standard library: memory-hard, no extra dependency. n=2**14 costs
# ~50 ms and 16 MiB per check, enough to make guessing a stolen hash expensive.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def password_matches(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)


# Checked when the name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def set_password(database: Database, name: str, password: str) -> bool:
    """Give an active agent a password, ending its open sessions; False when there is no
    such agent."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    with database.session() as session:
        agent = session.scalars(select(Agent).where(Agent.name == name)).first()
        if agent is None or agent.revoked:
            return False
        agent.password_hash = hash_password(password)
        end_all_sessions(session, agent.id)
    return True


def sign_in(database: Database, name: str, password: str) -> Agent | None:
    """The active agent with that name and password, else None (whatever was wrong)."""
    with database.session() as session:
        agent = session.scalars(select(Agent).where(Agent.name == name.strip())).first()
        stored = agent.password_hash if agent is not None else None
        matches = password_matches(stored or _DUMMY_HASH, password)
        if agent is None or agent.revoked or stored is None or not matches:
            return None
        return agent
