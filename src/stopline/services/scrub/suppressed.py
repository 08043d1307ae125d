"""The suppression list as integer sets, one per scope that applies to a send.

Loaded with one streamed query over the `suppressions` projection (no query per row); the
numbers become integers (E.164 digits without ``+``) held in a `NumberSet`, so a chunk of a
million numbers is checked with a few vectorised passes instead of a Python set of strings.
`PendingSuppressions` lets the scrub start reading the file while the list is still loading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt
import polars as pl
from sqlalchemy import Connection, Engine

from stopline.domain.consent import Scope
from stopline.services.scrub.number_set import NumberSet
from stopline.storage.tables import suppressions

_BATCH = 500_000  # rows per read: bounded memory for lists of any size


@dataclass(frozen=True, slots=True)
class SuppressionSet:
    """Suppressed numbers per scope, in blocking order (organisation first, as `may_send`
    reports the broadest scope)."""

    scopes: tuple[Scope, ...]
    numbers: tuple[npt.NDArray[np.int64], ...]  # sorted, one array per scope
    sets: tuple[NumberSet, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.sets:
            object.__setattr__(self, "sets", tuple(NumberSet(a) for a in self.numbers))

    @property
    def size(self) -> int:
        return sum(len(a) for a in self.numbers)

    def blocking(self, numbers: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]:
        """For each number, 1 + the index of the first scope that suppresses it, else 0."""
        found = np.zeros(len(numbers), dtype=np.int8)
        for index, members in enumerate(self.sets):
            if len(members) == 0:
                continue
            open_rows = np.flatnonzero(found == 0)
            if len(open_rows) == 0:
                break
            hit = members.contains(numbers[open_rows])
            found[open_rows[hit]] = index + 1
        return found

    @classmethod
    def of(cls, scopes: Iterable[Scope], numbers: dict[Scope, Iterable[str]]) -> SuppressionSet:
        """Build from E.164 strings (tests, small lists)."""
        ordered = tuple(scopes)
        arrays = tuple(
            _to_sorted(pl.Series(list(numbers.get(s, ())), dtype=pl.String)) for s in ordered
        )
        return cls(ordered, arrays)


class Suppressions(Protocol):
    """What the scrub needs: the scopes in blocking order and a vectorised look-up."""

    @property
    def scopes(self) -> tuple[Scope, ...]: ...

    def blocking(self, numbers: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]: ...


class PendingSuppressions:
    """A `SuppressionSet` still loading in another thread: look-ups wait for it."""

    def __init__(self, scopes: tuple[Scope, ...], loading: Future[SuppressionSet]) -> None:
        self._scopes = scopes
        self._loading = loading

    @property
    def scopes(self) -> tuple[Scope, ...]:
        return self._scopes

    def blocking(self, numbers: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]:
        return self._loading.result().blocking(numbers)


@contextmanager
def loading(engine: Engine, scopes: Iterable[Scope]) -> Iterator[PendingSuppressions]:
    """Load in a background thread while the caller starts on the file; on leaving, the
    load is awaited so its errors are never lost."""
    ordered = tuple(scopes)

    def run() -> SuppressionSet:
        with engine.connect() as conn:
            return load(conn, ordered)

    with ThreadPoolExecutor(1, thread_name_prefix="suppressions") as pool:
        future = pool.submit(run)
        yield PendingSuppressions(ordered, future)
        future.result()


def load(conn: Connection, scopes: Iterable[Scope]) -> SuppressionSet:
    """Stream the suppressions at ``scopes`` from the database in one pass: PostgreSQL sends
    them with COPY, SQLite through a scan of the primary-key index (number, scope), which
    covers the query. Within the caller's connection and transaction."""
    ordered = tuple(scopes)
    names = [str(s) for s in ordered]
    fetch = _copy_postgres if conn.dialect.name == "postgresql" else _scan_sqlite
    parts: dict[str, list[npt.NDArray[np.int64]]] = {name: [] for name in names}
    for frame in fetch(conn, names):
        for (name,), group in frame.group_by("scope"):
            parts[str(name)].append(_digits(group["number"]))
    arrays = tuple(_sorted_distinct(parts[name]) for name in names)
    return SuppressionSet(ordered, arrays)


def _sorted_distinct(parts: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    if not parts:
        return np.zeros(0, np.int64)
    numbers = np.sort(np.concatenate(parts))
    keep = np.empty(len(numbers), dtype=np.bool_)
    keep[:1] = True
    np.not_equal(numbers[1:], numbers[:-1], out=keep[1:])
    return numbers[keep]


_COLUMNS = {"scope": pl.String, "number": pl.String}


def _scan_sqlite(conn: Connection, scopes: list[str]) -> Iterator[pl.DataFrame]:
    """Rowid ranges of the table, each read as one tab/newline-joined text: SQLite builds the
    text in C, which is several times faster than a million Python row tuples."""
    raw = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    table = suppressions.name
    marks = ", ".join("?" for _ in scopes)
    query = (  # no user input in the statement: the table name and placeholders only
        f"SELECT group_concat(scope || char(9) || number, char(10)) FROM {table} "  # noqa: S608
        f"WHERE rowid > ? AND rowid <= ? AND +scope IN ({marks})"
    )
    try:
        top = raw.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0  # noqa: S608
        for low in range(0, top, _BATCH):
            text = raw.execute(query, (low, low + _BATCH, *scopes)).fetchone()[0]
            if text:
                yield _rows(text.encode())
    finally:
        raw.close()


def _copy_postgres(conn: Connection, scopes: list[str]) -> Iterator[pl.DataFrame]:
    from psycopg import sql

    query = sql.SQL("COPY (SELECT scope, number FROM {} WHERE scope IN ({})) TO STDOUT").format(
        sql.Identifier(suppressions.name), sql.SQL(", ").join(sql.Literal(s) for s in scopes)
    )
    pending = bytearray()
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(query) as copy:  # type: ignore[union-attr]
        for block in copy:
            pending += block
            if len(pending) >= 1 << 23:
                cut = pending.rfind(b"\n") + 1
                yield _rows(bytes(pending[:cut]))
                del pending[:cut]
    if pending:
        yield _rows(bytes(pending))


def _rows(data: bytes) -> pl.DataFrame:
    """``scope<TAB>number`` lines (scopes and numbers never contain tabs or newlines)."""
    return pl.read_csv(data, has_header=False, separator="\t", schema=_COLUMNS, quote_char=None)


def _digits(numbers: pl.Series) -> npt.NDArray[np.int64]:
    """E.164 strings to integers; anything not shaped like E.164 is skipped."""
    shaped = numbers.filter(numbers.str.contains(r"^\+[1-9][0-9]{1,14}$"))
    return shaped.str.slice(1).str.to_integer(strict=True).to_numpy().astype(np.int64)


def _to_sorted(numbers: pl.Series) -> npt.NDArray[np.int64]:
    return _sorted_distinct([_digits(numbers)])
