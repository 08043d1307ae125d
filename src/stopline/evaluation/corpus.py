"""The labelled corpus: JSON lines with ``id``, ``group``, ``text``, ``label`` (opt_out,
opt_in, help, review, none), ``split`` (dev or heldout) and ``note`` (source or reasoning).

The held-out third was written with the rest but is not used to tune the engine; `stopline
eval --split heldout` reports it alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

LABELS = frozenset({"opt_out", "opt_in", "help", "review", "none"})


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    group: str
    text: str
    label: str
    split: str
    note: str


class CorpusError(ValueError):
    pass


def parse_line(line: str, where: str) -> Example:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(item, dict):
        raise CorpusError(f"{where}: each line must be a JSON object")
    missing = [k for k in ("id", "group", "text", "label") if not isinstance(item.get(k), str)]
    if missing:
        raise CorpusError(f"{where}: missing or non-text field(s) {', '.join(missing)}")
    if item["label"] not in LABELS:
        raise CorpusError(f"{where}: unknown label {item['label']!r}")
    return Example(
        item["id"],
        item["group"],
        item["text"],
        item["label"],
        str(item.get("split", "dev")),
        str(item.get("note", "")),
    )


def load(path: Path | None = None) -> Iterator[Example]:
    """The shipped corpus, or the JSONL files at ``path`` (a file or a directory)."""
    if path is None:
        root = files("stopline.evaluation").joinpath("corpus")
        sources = sorted(
            (entry for entry in root.iterdir() if entry.name.endswith(".jsonl")),
            key=lambda entry: entry.name,
        )
        for source in sources:
            yield from _lines(source.read_text(encoding="utf-8"), source.name)
        return
    paths = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in paths:
        yield from _lines(file.read_text(encoding="utf-8"), file.name)


def _lines(text: str, name: str) -> Iterator[Example]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield parse_line(line, f"{name}:{number}")
