"""The shipped corpus meets the issue's targets, and the evaluation arithmetic is right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stopline.cli.evaluate import run, targets_met
from stopline.domain.language import ClassifyContext
from stopline.evaluation import baselines
from stopline.evaluation.corpus import CorpusError, Example, load
from stopline.evaluation.metrics import evaluate

CORPUS = list(load())


def test_corpus_is_large_labelled_and_sourced() -> None:
    assert len(CORPUS) >= 600
    assert len({e.id for e in CORPUS}) == len(CORPUS)
    assert len({e.text for e in CORPUS}) == len(CORPUS)
    assert all(e.note for e in CORPUS)
    assert {e.split for e in CORPUS} == {"dev", "heldout"}
    assert sum(e.split == "heldout" for e in CORPUS) >= len(CORPUS) // 4
    languages = {e.note.split(":")[0] for e in CORPUS if e.group == "multilingual"}
    assert {
        "es",
        "fr",
        "pt",
        "de",
        "it",
        "nl",
        "zh",
        "ja",
        "ko",
        "ru",
        "vi",
        "tl",
        "hi",
    } <= languages


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_engine_meets_the_targets_on_each_split(split: str) -> None:
    report = run([e for e in CORPUS if e.split == split], ClassifyContext())
    ours = report.total["stopline"]
    assert ours.recall is not None and ours.recall >= 0.99
    assert ours.false_opt_out_rate is not None and ours.false_opt_out_rate <= 0.01
    assert targets_met(report) == []


def test_baselines_follow_their_documented_rules() -> None:
    assert baselines.exact("  Stop. ") == "opt_out"
    assert baselines.exact("Stop please") == "none"
    assert baselines.exact("ARRÊT") == "opt_out"
    assert baselines.exact("yes") == "opt_in" and baselines.exact("Info") == "help"
    assert baselines.starts_with("Stop please") == "opt_out"
    assert baselines.starts_with("opt out now") == "opt_out"
    assert baselines.starts_with("Please stop") == "none"
    assert baselines.starts_with("") == "none"


def test_metrics_count_recall_and_false_opt_outs() -> None:
    examples = [
        Example("1", "g", "a", "opt_out", "dev", "n"),
        Example("2", "g", "b", "opt_out", "dev", "n"),
        Example("3", "g", "c", "none", "dev", "n"),
        Example("4", "g", "d", "review", "dev", "n"),
    ]
    answers = {"a": "opt_out", "b": "review", "c": "opt_out", "d": "review"}
    report = evaluate(examples, {"ours": answers.__getitem__, "never": lambda _t: "none"})
    ours = report.total["ours"]
    assert ours.accuracy == 0.5 and ours.recall == 0.5 and ours.false_opt_out_rate == 0.5
    assert ours.reviews == 2
    assert report.total["never"].recall == 0.0
    assert [e.id for e, _p in report.misses] == ["2", "3"]
    assert report.beats_baselines("g") is True  # 0.5 > 0.25


def test_corpus_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "1", "group": "g", "text": "x", "label": "maybe"}) + "\n")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:1: unknown label"):
        list(load(bad))
    bad.write_text("{not json\n")
    with pytest.raises(CorpusError, match="not JSON"):
        list(load(bad))
    bad.write_text(json.dumps({"id": "1", "text": "x", "label": "none"}) + "\n")
    with pytest.raises(CorpusError, match="group"):
        list(load(tmp_path))
