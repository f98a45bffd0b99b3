"""Alembic's environment: migrations run on the connection the store hands over (no
alembic.ini, no URL here), inside one transaction."""

from __future__ import annotations

from alembic import context

from engine.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
