"""Scrub a file into another: format by extension, outputs written atomically."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from stopline.domain.consent import scopes_for_send
from stopline.services.scrub import suppressed as suppressed_repo
from stopline.services.scrub.other_formats import scrub_jsonl, scrub_parquet
from stopline.services.scrub.run import ScrubOptions, ScrubReport, scrub_csv

FORMATS = ("csv", "parquet", "jsonl")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True, slots=True)
class ScrubTarget:
    """Who sends and about what: decides which opt-out scopes apply."""

    sender: str | None = None
    topic: str | None = None


def detect_format(path: Path, given: str | None = None) -> str:
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"unknown format {given!r}: use {', '.join(FORMATS)}")
        return given
    found = _EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise ValueError(f"cannot tell the format of {path.name}: use --format csv|parquet|jsonl")
    return found


def scrub_file(
    engine: Engine,
    source: Path,
    output: Path,
    *,
    target: ScrubTarget = ScrubTarget(),
    options: ScrubOptions = ScrubOptions(),
    removed: Path | None = None,
    file_format: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScrubReport:
    """Scrub ``source`` into ``output`` (and the removed rows into ``removed``). Outputs appear
    only when the scrub succeeded; the input is never written to."""
    kind = detect_format(source, file_format)
    for path in (output, removed):
        if path is not None and path.resolve() == source.resolve():
            raise ValueError(f"{path} is the input file: choose another output")
        named = _EXTENSIONS.get(path.suffix.lower()) if path is not None else None
        if path is not None and named is not None and named != kind:
            # the scrub keeps the input's bytes and columns as they are: no conversion
            raise ValueError(
                f"{path.name} names a {named} file, but the rows are written as the input's "
                f"{kind}: give it a {kind} name"
            )
    if removed is not None and removed.resolve() == output.resolve():
        raise ValueError("the removed-rows file must differ from the output")
    scopes = scopes_for_send(target.sender, target.topic)
    with suppressed_repo.loading(engine, scopes) as suppressed:
        return _scrub(source, output, suppressed, kind, options, removed, progress)


def _scrub(
    source: Path,
    output: Path,
    suppressed: suppressed_repo.Suppressions,
    kind: str,
    options: ScrubOptions,
    removed: Path | None,
    progress: Callable[[int], None] | None,
) -> ScrubReport:
    removed_target = _atomic(removed) if removed is not None else contextlib.nullcontext(None)
    with _atomic(output) as kept_path, removed_target as removed_path:
        if kind == "parquet":
            return scrub_parquet(
                source, kept_path, suppressed, options, removed=removed_path, progress=progress
            )
        with source.open("rb") as src, kept_path.open("wb") as kept:
            removed_file = removed_path.open("wb") if removed_path else None
            try:
                run = scrub_jsonl if kind == "jsonl" else scrub_csv
                return run(src, kept, suppressed, options, removed=removed_file, progress=progress)
            finally:
                if removed_file is not None:
                    removed_file.close()


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it only if the block succeeds."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
