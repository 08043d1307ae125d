"""The engine's view of a sender's configuration: its keyword table (built once per distinct
configuration and cached) and whether it reads messages exactly as the default does."""

from __future__ import annotations

from stopline.domain.language.model import Action, ClassifyContext
from stopline.domain.language.normalise import fold
from stopline.domain.language.tables import KeywordTable, keyword_table

DEFAULT = ClassifyContext()


def table_for(context: ClassifyContext) -> KeywordTable:
    last = _LAST
    if last[0] is context:  # the same context object, as in a running server
        return last[1]
    table = _table_for(context)
    globals()["_LAST"] = (context, table)
    return table


def _table_for(context: ClassifyContext) -> KeywordTable:
    return keyword_table(
        context.all_languages,
        context.extra_opt_out,
        context.extra_opt_in,
        context.extra_help,
        context.language,
    )


def uses_defaults(context: ClassifyContext) -> bool:
    """Whether ``context`` reads messages exactly as the default one does (the locale may
    differ while its language is English)."""
    last = _LASTDEFAULTS
    if last[0] is context:  # the same context object, as in a running server
        return last[1]
    same = _SAME_ASDEFAULT.get(context)
    if same is None:
        same = (
            table_for(context) is table_for(DEFAULT)
            and context.sure == DEFAULT.sure
            and context.unsure == DEFAULT.unsure
        )
        if len(_SAME_ASDEFAULT) < 1024:
            _SAME_ASDEFAULT[context] = same
    globals()["_LASTDEFAULTS"] = (context, same)
    return same


_SAME_ASDEFAULT: dict[ClassifyContext, bool] = {}
_LASTDEFAULTS: tuple[ClassifyContext | None, bool] = (None, False)


def keyword_conflicts(
    extra_opt_out: frozenset[str], extra_opt_in: frozenset[str], extra_help: frozenset[str]
) -> list[str]:
    """A sender's extra keywords that would redefine a built-in keyword (STOP, HELP, START
    and the rest can never be switched off or turned into something else)."""
    builtin = table_for(DEFAULT).words
    problems: list[str] = []
    for action, extras in (
        (Action.OPT_OUT, extra_opt_out),
        (Action.OPT_IN, extra_opt_in),
        (Action.HELP, extra_help),
    ):
        for word in sorted(extras):
            hit = builtin.get(fold(word, look_alikes=False))
            if not fold(word, look_alikes=False):
                problems.append(f"{word!r} has no letters")
            elif hit is not None and hit.action is not action:
                problems.append(
                    f"{word!r} is already the built-in {hit.action.value} keyword "
                    f"{hit.text.upper()!r} and cannot be changed"
                )
    return problems


_LAST: tuple[ClassifyContext, KeywordTable] = (DEFAULT, _table_for(DEFAULT))
