"""The suppression list as sorted integer arrays, one per scope that applies to a send.

Loaded with one streamed query over the `suppressions` projection (no query per row); the
numbers become integers (E.164 digits without ``+``) so membership is a binary search over a
few megabytes instead of a Python set of strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
from sqlalchemy import Connection, select

from stopline.domain.consent import Scope
from stopline.storage.tables import suppressions

_BATCH = 100_000


@dataclass(frozen=True, slots=True)
class SuppressionSet:
    """Suppressed numbers per scope, in blocking order (organisation first, as `may_send`
    reports the broadest scope)."""

    scopes: tuple[Scope, ...]
    numbers: tuple[npt.NDArray[np.int64], ...]  # sorted, one array per scope

    @property
    def size(self) -> int:
        return sum(len(a) for a in self.numbers)

    def blocking(self, numbers: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]:
        """For each number, 1 + the index of the first scope that suppresses it, else 0."""
        found = np.zeros(len(numbers), dtype=np.int8)
        for index, table in enumerate(self.numbers):
            if len(table) == 0:
                continue
            open_rows = np.flatnonzero(found == 0)
            if len(open_rows) == 0:
                break
            probe = numbers[open_rows]
            at = np.searchsorted(table, probe)
            at[at >= len(table)] = len(table) - 1
            hit = table[at] == probe
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


def load(conn: Connection, scopes: Iterable[Scope]) -> SuppressionSet:
    """Stream the suppressions at ``scopes`` from the database."""
    ordered = tuple(scopes)
    names = [str(s) for s in ordered]
    parts: dict[str, list[npt.NDArray[np.int64]]] = {name: [] for name in names}
    query = select(suppressions.c.scope, suppressions.c.number).where(
        suppressions.c.scope.in_(names)
    )
    result = conn.execution_options(stream_results=True, yield_per=_BATCH).execute(query)
    for rows in result.partitions():
        frame = pl.DataFrame(
            [tuple(r) for r in rows], schema={"scope": pl.String, "number": pl.String}, orient="row"
        )
        for (name,), group in frame.group_by("scope"):
            parts[str(name)].append(_digits(group["number"]))
    arrays = tuple(
        np.unique(np.concatenate(parts[name])) if parts[name] else np.zeros(0, np.int64)
        for name in names
    )
    return SuppressionSet(ordered, arrays)


def _digits(numbers: pl.Series) -> npt.NDArray[np.int64]:
    """E.164 strings to integers; anything not shaped like E.164 is skipped."""
    shaped = numbers.filter(numbers.str.contains(r"^\+[1-9][0-9]{1,14}$"))
    return shaped.str.slice(1).str.to_integer(strict=True).to_numpy().astype(np.int64)


def _to_sorted(numbers: pl.Series) -> npt.NDArray[np.int64]:
    return np.unique(_digits(numbers))
