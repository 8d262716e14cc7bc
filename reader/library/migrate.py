"""Bring any library file to the current schema with Alembic (from the first release on)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    tables = set(inspect(connection).get_table_names())
    cfg = _config(connection)
    if "articles" in tables and "alembic_version" not in tables:
        command.stamp(cfg, "0001")  # made by the first release, before it recorded a version
    command.upgrade(cfg, revision)


def pending(connection: Connection) -> str | None:
    """The revision a stored library is at when it needs migrating (None: new, or already at head)."""
    tables = set(inspect(connection).get_table_names())
    if "articles" not in tables:
        return None  # a new library: nothing stored to lose
    revision = current(connection) if "alembic_version" in tables else "0001"
    return revision if revision != head() else None


def is_library(connection: Connection) -> bool:
    return "articles" in set(inspect(connection).get_table_names())


def current(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(cfg).get_current_head())
