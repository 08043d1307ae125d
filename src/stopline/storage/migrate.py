"""Run Alembic migrations programmatically (no alembic.ini to find)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:  # Alembic loads only when a migration runs or a revision is asked for
    from alembic.config import Config

_LOCATION = str(Path(__file__).with_name("migrations"))
_PG_LOCK = 0x5709_11E  # advisory lock id: one migrator at a time across processes


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _LOCATION)
    return config


# The newest migration. tests/integration/test_migrations.py fails when a migration is added
# and this is not moved to it.
HEAD = "0012"


class SchemaError(RuntimeError):
    """The schema cannot be brought to ``revision``: the database names a revision this
    Stopline does not know (a newer Stopline migrated it), or ``revision`` is unknown."""


class EmptyDatabase(RuntimeError):
    """The database holds no Stopline schema at all (`require_schema`)."""


def require_schema(engine: Engine) -> None:
    """Raise `EmptyDatabase` unless Stopline has migrated this database before: a command
    run against a mistyped database name must not create a new, empty one there and answer
    "allowed" from it, nor record an opt-out that no server reads."""
    if _stored_revision(engine) is None:
        with engine.connect() as conn:
            if not inspect(conn).has_table("consent_events"):
                raise EmptyDatabase("it holds no Stopline tables")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``. Safe to run from several processes at once.

    A database already at `HEAD` is left without loading Alembic and its scripts (every CLI
    command and every server start opens the database this way)."""
    if revision == "head" and _stored_revision(engine) == HEAD:
        return
    from alembic import command
    from alembic.util import CommandError

    config = _config()
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    except CommandError as exc:
        raise SchemaError(str(exc)) from None


def _stored_revision(engine: Engine) -> str | None:
    """What ``alembic_version`` holds, read without Alembic; None when there is no such table
    yet (a new database) or it holds no single revision."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def is_current(engine: Engine) -> bool:
    return _stored_revision(engine) == HEAD
