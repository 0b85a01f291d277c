"""Alembic environment: runs on the connection the app hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from wombat_desktop.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate`
    from wombat_desktop.storage.db import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///autogen.sqlite3")
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs table copies for ALTER
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
