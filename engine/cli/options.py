"""What several commands share: the `--format` and `--as-of` options, writing outputs, and
the one way an error line reaches stderr."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from engine.render.text import inert

if TYPE_CHECKING:
    from engine.core.output import OutputSpec


_Command = TypeVar("_Command", bound=Callable[..., Any])


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    """A click callback: `YYYY-MM-DD` as a date (None stays None)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def format_option(formats: str, default: str) -> Callable[[_Command], _Command]:
    """`--format FMT[=FILE]`, repeatable: each output to stdout or to FILE."""
    return click.option(
        "--format",
        "formats",
        multiple=True,
        metavar="FMT[=FILE]",
        help=f"Output format, repeatable, to stdout or FILE. FMT: {formats}. Default: {default}.",
    )


def as_of_option(what: str) -> Callable[[_Command], _Command]:
    """`--as-of YYYY-MM-DD`; `what` says what the date is used for."""
    return click.option(
        "--as-of",
        callback=parse_date,
        metavar="YYYY-MM-DD",
        help=f"{what} Default: today (UTC).",
    )


def today(as_of: dt.date | None) -> dt.date:
    """`--as-of`, or today's date in UTC."""
    return as_of or dt.datetime.now(dt.timezone.utc).date()


def outputs(formats: tuple[str, ...], known: tuple[str, ...], default: str) -> list[OutputSpec]:
    """The `--format` specs, checked against the `known` formats."""
    from engine.core.output import parse_output_spec

    try:
        return [parse_output_spec(spec, known) for spec in formats or (default,)]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None


def write(output: OutputSpec, text: str) -> None:
    """`text` to stdout, or all of it to the output's file (`OutputError` when it cannot be
    written)."""
    from engine.core.output import OutputError, write_atomic

    try:
        if output.file is None:
            click.echo(text, nl=not text.endswith("\n"))
        else:
            write_atomic(output.file, text)
    except OSError as exc:
        where = output.file or "the report to stdout"
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}") from None


def echo_error(message: str, kind: str = "error") -> None:
    """`ai-assure: error: MESSAGE` on stderr, as one line. Messages quote manifest and
    evidence text, so the message is made inert (engine.render.text): no escape sequence
    reaches the terminal, and no line of a CI log can begin a workflow command."""
    click.echo(f"ai-assure: {kind}: {inert(message)}", err=True)
