"""Migrations create exactly the schema `storage/tables.py` declares, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from stopline.storage import migrate
from stopline.storage.tables import metadata


def test_migrated_schema_matches_the_declared_tables(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_is_idempotent(engine: Engine) -> None:
    migrate.upgrade(engine)
    migrate.upgrade(engine)
    assert migrate.is_current(engine)


def test_head_names_the_newest_migration() -> None:
    """`upgrade` skips Alembic for a database at `migrate.HEAD`: a migration added without
    moving HEAD to it would never run on an existing database."""
    assert migrate.head() == migrate.HEAD


def test_a_database_behind_head_is_upgraded(engine: Engine) -> None:
    """The shortcut is taken at HEAD only: a database one migration behind gets it."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = migrate._config()
    previous = ScriptDirectory.from_config(config).get_revision(migrate.HEAD).down_revision
    assert isinstance(previous, str)
    with engine.begin() as conn:  # as a database last migrated by the previous release
        config.attributes["connection"] = conn
        command.downgrade(config, previous)
    assert migrate.current(engine) == previous and not migrate.is_current(engine)
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.HEAD and migrate.is_current(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
