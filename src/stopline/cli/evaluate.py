"""``stopline eval``: the language engine on the labelled corpus, beside two baselines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stopline.cli.base import app, err, out
from stopline.domain.language import ClassifyContext, classify
from stopline.evaluation import baselines
from stopline.evaluation.corpus import CorpusError, Example, load
from stopline.evaluation.metrics import Report, Score, evaluate

RECALL_TARGET = 0.99
FALSE_OPT_OUT_TARGET = 0.01


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _triple(scores: dict[str, Score], names: tuple[str, ...], metric: str) -> str:
    return " / ".join(_pct(getattr(scores[name], metric)) for name in names)


def run(examples: list[Example], context: ClassifyContext) -> Report:
    return evaluate(
        examples,
        {
            "stopline": lambda text: classify(text, context).action.value,
            "exact": baselines.exact,
            "starts_with": baselines.starts_with,
        },
    )


def table(report: Report, title: str) -> Table:
    grid = Table(title=title, title_justify="left")
    grid.add_column("group")
    grid.add_column("n", justify="right")
    grid.add_column("accuracy %\nstopline / exact / starts", justify="right")
    grid.add_column("opt-out recall %\nstopline / exact / starts", justify="right")
    grid.add_column("false opt-outs %\nstopline / exact / starts", justify="right")
    grid.add_column("review %", justify="right")
    grid.add_column("beats both")
    rows = [*sorted(report.groups.items()), ("all", report.total)]
    for group, scores in rows:
        ours = scores["stopline"]
        grid.add_row(
            f"[bold]{group}[/bold]" if group == "all" else group,
            str(ours.n),
            _triple(scores, report.names, "accuracy"),
            _triple(scores, report.names, "recall"),
            _triple(scores, report.names, "false_opt_out_rate"),
            _pct(ours.reviews / ours.n if ours.n else None),
            "yes" if report.beats_baselines(group) else "[red]no[/red]",
        )
    return grid


def markdown(report: Report, title: str) -> str:
    lines = [
        f"**{title}**",
        "",
        "| group | n | accuracy % (stopline / exact / starts) | opt-out recall % | "
        "false opt-outs % | review % | beats both |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for group, scores in [*sorted(report.groups.items()), ("all", report.total)]:
        ours = scores["stopline"]
        lines.append(
            f"| {group} | {ours.n} | {_triple(scores, report.names, 'accuracy')} | "
            f"{_triple(scores, report.names, 'recall')} | "
            f"{_triple(scores, report.names, 'false_opt_out_rate')} | "
            f"{_pct(ours.reviews / ours.n if ours.n else None)} | "
            f"{'yes' if report.beats_baselines(group) else 'no'} |"
        )
    return "\n".join(lines)


def targets_met(report: Report) -> list[str]:
    """What misses the issue's targets (empty when all are met)."""
    ours = report.total["stopline"]
    problems = []
    if ours.recall is not None and ours.recall < RECALL_TARGET:
        problems.append(f"opt-out recall {_pct(ours.recall)}% < {100 * RECALL_TARGET:.0f}%")
    rate = ours.false_opt_out_rate
    if rate is not None and rate > FALSE_OPT_OUT_TARGET:
        problems.append(f"false opt-outs {_pct(rate)}% > {100 * FALSE_OPT_OUT_TARGET:.0f}%")
    problems += [
        f"group {g} does not beat both baselines"
        for g in report.groups
        if not report.beats_baselines(g)
    ]
    return problems


@app.command("eval")
def eval_cmd(
    corpus: Annotated[
        Path | None,
        typer.Option(help="JSONL file or directory (default: the corpus shipped with Stopline)"),
    ] = None,
    split: Annotated[str, typer.Option(help="dev, heldout or all")] = "all",
    misses: Annotated[bool, typer.Option("--misses", help="List every wrong answer")] = False,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table")] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Exit 1 unless recall, false-opt-out and group targets are met"
        ),
    ] = False,
) -> None:
    """Accuracy, opt-out recall and false opt-outs per group, beside the exact-keyword rule
    providers document and a 'starts with a keyword' rule, computed in the same run."""
    if split not in ("dev", "heldout", "all"):
        err.print("[red]--split must be dev, heldout or all[/red]")
        raise typer.Exit(2)
    try:
        examples = [e for e in load(corpus) if split == "all" or e.split == split]
    except (CorpusError, OSError) as exc:
        err.print(f"[red]Cannot read the corpus:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if not examples:
        err.print("[red]No examples to evaluate[/red]")
        raise typer.Exit(2)
    report = run(examples, ClassifyContext())
    title = f"Corpus: {len(examples)} messages ({split})"
    if as_markdown:
        print(markdown(report, title))
    else:
        out.print(table(report, title))
    if misses:
        for example, predicted in report.misses:
            out.print(
                f"[yellow]{example.id}[/yellow] {json.dumps(example.text, ensure_ascii=False)} "
                f"label={example.label} got={predicted}  ({example.note})",
                highlight=False,
            )
    problems = targets_met(report)
    for problem in problems:
        err.print(f"[red]target missed:[/red] {problem}")
    if check and problems:
        raise typer.Exit(1)
