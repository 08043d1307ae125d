"""Opening the database: the engine, migrated to the current schema unless told not to."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from stopline.storage import consent_feed, migrate
from stopline.storage.engine import create_database_engine

log = logging.getLogger("stopline")


def open_database(database_url: str, *, upgrade: bool = True, existing: bool = False) -> Engine:
    """The engine for ``database_url``; with ``upgrade`` the schema is migrated first, and on
    PostgreSQL ledger events restored from another cluster get this cluster's transaction ids
    (the consent feed's order depends on them). With ``existing``, a database Stopline has
    never migrated raises `migrate.EmptyDatabase` instead of being given the schema."""
    engine = create_database_engine(database_url)
    if existing:
        try:
            migrate.require_schema(engine)
        except BaseException:
            engine.dispose()
            raise
    if upgrade:
        migrate.upgrade(engine)
    if upgrade and engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            moved = consent_feed.adopt_restored_txids(conn)
        if moved:
            log.warning(
                "%d ledger events carried transaction ids of another PostgreSQL cluster "
                "(a restore?): renumbered; reset consent feed followers (stopline sync reset)",
                moved,
            )
    return engine
