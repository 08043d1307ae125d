"""Accuracy, opt-out recall and false-opt-out rate per group, for several classifiers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from stopline.evaluation.corpus import Example

Predict = Callable[[str], str]


@dataclass
class Score:
    n: int = 0
    correct: int = 0
    opt_outs: int = 0  # labelled opt_out
    caught: int = 0  # labelled opt_out, predicted opt_out
    others: int = 0  # labelled anything else
    false_opt_outs: int = 0  # labelled anything else, predicted opt_out
    reviews: int = 0  # predicted review

    def add(self, label: str, predicted: str) -> None:
        self.n += 1
        self.correct += label == predicted
        self.reviews += predicted == "review"
        if label == "opt_out":
            self.opt_outs += 1
            self.caught += predicted == "opt_out"
        else:
            self.others += 1
            self.false_opt_outs += predicted == "opt_out"

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def recall(self) -> float | None:
        return self.caught / self.opt_outs if self.opt_outs else None

    @property
    def false_opt_out_rate(self) -> float | None:
        return self.false_opt_outs / self.others if self.others else None


@dataclass
class Report:
    names: tuple[str, ...]
    groups: dict[str, dict[str, Score]] = field(default_factory=dict)  # group -> name -> score
    total: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[Example, str]] = field(default_factory=list)  # (example, our answer)

    def beats_baselines(self, group: str) -> bool:
        """Ours is strictly more accurate than every baseline, or all are perfect."""
        scores = self.groups[group] if group != "all" else self.total
        ours = scores[self.names[0]].accuracy
        return all(ours > scores[n].accuracy or ours == 1.0 for n in self.names[1:])


def evaluate(examples: Iterable[Example], classifiers: Mapping[str, Predict]) -> Report:
    """Score each classifier (the first is ours) on ``examples``."""
    names = tuple(classifiers)
    report = Report(names, total={name: Score() for name in names})
    for example in examples:
        scores = report.groups.setdefault(example.group, {name: Score() for name in names})
        for name, predict in classifiers.items():
            predicted = predict(example.text)
            scores[name].add(example.label, predicted)
            report.total[name].add(example.label, predicted)
            if name == names[0] and predicted != example.label:
                report.misses.append((example, predicted))
    return report
