"""Engines for SQLite (WAL, durable commits) and PostgreSQL (psycopg 3) from one URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry


def normalise_url(url: str) -> URL:
    """Accept the common spellings: ``postgres://``, ``postgresql://`` (psycopg 3 is used)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def shared_between_processes(url: str) -> bool:
    """False for an in-memory SQLite database, which only its own process can open."""
    parsed = normalise_url(url)
    if not is_sqlite(parsed):
        return True
    database = parsed.database or ""
    return bool(database) and ":memory:" not in database and "mode=memory" not in str(parsed)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (absolute), or None for PostgreSQL and memory databases."""
    parsed = normalise_url(url)
    if not is_sqlite(parsed) or not shared_between_processes(url):
        return None
    database = parsed.database or ""
    if database.startswith("file:"):
        database = database[5:].split("?", 1)[0]
    return Path(database).resolve()


def driver_error(exc: BaseException) -> str:
    """The first line of a database error as its driver wrote it: SQLAlchemy's own text adds
    the statement and its parameters, which hold people's numbers and messages."""
    cause = getattr(exc, "orig", None)
    text = str(cause if cause is not None else exc).strip()
    return text.splitlines()[0] if text else ""


def create_database_engine(url: str, *, pool_size: int = 8) -> Engine:
    parsed = normalise_url(url)
    if is_sqlite(parsed):
        return _sqlite_engine(parsed)
    return create_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_recycle=1800,
        hide_parameters=True,  # errors and tracebacks must not carry numbers or messages
    )


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        hide_parameters=True,  # errors and tracebacks must not carry numbers or messages
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # every commit is fsynced: durable
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front so read-then-write units of work are atomic
        # even when another process (the CLI, a second server) writes to the same file.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
        # On the driver's connection (SQLAlchemy's statement machinery costs more than
        # the statement); a failure (such as a lock still held after the busy timeout)
        # is raised as SQLAlchemy's error, as exec_driver_sql would raise it.
        try:
            conn.connection.driver_connection.execute(statement)
        except sqlite3.Error as exc:
            raise DBAPIError.instance(
                statement, (), exc, sqlite3.Error, dialect=conn.dialect
            ) from exc

    return engine
