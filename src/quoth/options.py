"""Command-line options that ``quoth extract`` and ``quoth ingest`` share: how to read and
extract an article. Declared once so both commands accept and check them the same way."""

from __future__ import annotations

import click

from quoth.model import MODELS
from quoth.reading import DEFAULT_MAX_BYTES


def _year_range(ctx, param, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        lo, _, hi = value.partition("-")
        first, last = int(lo), int(hi or lo)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a year range; write it as 2015-2019 (or 2017)") from None
    if first > last:
        raise click.BadParameter(f"{value!r}: the first year is after the last")
    return (first, last)


# also on ``quoth eval polnear`` and ``quoth eval speakers``
model_option = click.option(
    "--model",
    type=click.Choice(MODELS),
    default=MODELS[0],
    show_default=True,
    help="fast: rules over the parse; accurate: the learned tagger plus the rules' trusted attributions.",
)

_OPTIONS = [
    click.option("--published", help="Publication date (YYYY-MM-DD) of every input, when known."),
    click.option("--year-range", callback=_year_range, help="Years a dateline's date may fall in, e.g. 2015-2019."),
    click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse larger inputs."),
    model_option,
]


def extraction_options(command):
    """``--published``, ``--year-range``, ``--max-bytes`` and ``--model`` on a click command."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command
