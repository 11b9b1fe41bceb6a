"""Alembic environment: runs on the connection Myrtille hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from myrtille.store import companies, subscriptions  # noqa: F401 (their tables join Base's)
from myrtille.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Only for `alembic revision --autogenerate` by developers.
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as connection:
            context.configure(
                connection=connection, target_metadata=target_metadata, render_as_batch=True
            )
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
