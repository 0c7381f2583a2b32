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


# JSONL/CSV/Parquet inputs (issue 12): which column holds what; each replaces the default list
_FIELD_OPTIONS = [
    click.option("--text-field", help="Column with the article text (default: text, content, body)."),
    click.option("--html-field", help="Column with the article's HTML, read like an .html file (default: html)."),
    click.option("--id-field", help="Column with a document id (default: id)."),
    click.option("--url-field", help="Column with the URL (default: url, link)."),
    click.option("--title-field", help="Column with the title (default: title, headline)."),
    click.option("--date-field", help="Column with the publication date (default: date, published)."),
    click.option("--outlet-field", help="Column with the outlet's name (default: outlet, source)."),
]


def record_field_options(command):
    """``--text-field`` ... ``--outlet-field`` on a click command, passed as one ``fields``
    argument (a :class:`~quoth.reading.sources.RecordFields`)."""
    import functools

    from quoth.reading.sources import RecordFields

    @functools.wraps(command)
    def wrapper(*args, text_field, html_field, id_field, url_field, title_field, date_field, outlet_field, **kwargs):
        kwargs["fields"] = RecordFields.with_overrides(
            text=text_field, html=html_field, id=id_field, url=url_field, title=title_field,
            published=date_field, outlet=outlet_field,
        )
        return command(*args, **kwargs)

    for option in reversed(_FIELD_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
