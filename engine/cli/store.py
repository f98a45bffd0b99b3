"""The results store: `ai-assure store ingest|upgrade`, `check --store`, and the department
view read from it (`ai-assure portfolio`)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from engine.cli.options import as_of_option, echo_error, format_option, outputs, today, write
from engine.cli.portfolio import open_store, store_option
from engine.render.text import inert

if TYPE_CHECKING:
    from engine.records.register.build import Register
    from engine.store import Store

_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@click.group()
def store() -> None:
    """The results store: every run kept, append-only, for the portfolio view.

    \b
    Examples:
      ai-assure store upgrade --store results.db
      ai-assure store ingest reports/*.json records/*.dsse.json --key assurance.pub.pem
    """


@store.command()
@store_option("The store.", required=True)
def upgrade(store_url: str) -> None:
    """Create the store's tables, or migrate them to this version's schema (idempotent)."""
    from engine.store import Store

    opened = Store(store_url, migrate=False)
    revision = opened.upgrade()
    click.echo(inert(f"{opened.shown}: schema at revision {revision}"))


@store.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@store_option("The store.", required=True)
@click.option(
    "--key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Ed25519 public key every assurance record's signature must verify with.",
)
@click.option(
    "--allow-unsigned",
    is_flag=True,
    help="Accept assurance records without a signature (their content is unauthenticated).",
)
@click.option(
    "--commit",
    metavar="SHA",
    help="The commit the runs were made on (e.g. $GITHUB_SHA, $CI_COMMIT_SHA).",
)
def ingest(
    files: tuple[Path, ...],
    store_url: str,
    key: Path | None,
    allow_unsigned: bool,
    commit: str | None,
) -> None:
    """Add JSON reports (`check --format json=FILE`) and assurance records (`check --attest
    FILE`) collected from CI artifacts to the store. A record is verified first and refused
    when it does not verify. Ingesting the same run twice adds nothing. A refused file does
    not stop the others; the exit code is then 2.
    """
    from engine.core.errors import AssuranceError
    from engine.portfolio.ingest import read_run

    if commit is not None and not _COMMIT.fullmatch(commit):
        raise click.BadParameter("a full hexadecimal commit id", param_hint="--commit")
    opened = open_store(store_url)
    refused = 0
    for file in files:
        try:
            incoming = read_run(file, key, allow_unsigned=allow_unsigned)
            added = opened.add(
                incoming.report, source=incoming.source, commit=commit, signer=incoming.signer
            )
        except AssuranceError as exc:
            refused += 1
            echo_error(f"{exc}" if str(exc).startswith(str(file)) else f"{file}: {exc}")
            continue
        state = f"stored as run {added.run_id}" if added.created else "already stored"
        report = incoming.report
        click.echo(
            inert(f"{file}: {report.system.id} {report.verdict} as of {report.as_of}: {state}")
        )
    sys.exit(2 if refused else 0)


def read_store(url: str) -> Store:
    """A store to read: it must exist already, at this version's schema (never created by a
    reader, so a mistyped URL is an error, not an empty portfolio)."""
    from engine.store import Store

    opened = Store(url, migrate=False)
    opened.require_current()
    return opened


@click.command()
@store_option("The store to read.", required=True)
@format_option("text, json, csv, html", "text")
@as_of_option("The date the view is computed on (days since a check, expiry, overdue reviews).")
@click.option(
    "--within",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="List approved exceptions whose expiry falls within DAYS.",
)
def portfolio(store_url: str, formats: tuple[str, ...], as_of: dt.date | None, within: int) -> None:
    """The department view from the results store: every system's latest verdict and tier,
    days since its last check, its trend, the trend per framework, exceptions expiring
    soon, overdue DPIA and FRIA reviews and the controls failing most. csv: one row per
    system; html: one self-contained page with charts.

    \b
    Examples:
      ai-assure portfolio --store results.db
      ai-assure portfolio --store postgresql+psycopg://gov@db/assure --format html=portfolio.html
    """
    from engine.portfolio.view.build import build_view
    from engine.portfolio.view.formats import FORMATS, get_view_format

    specs = outputs(formats, FORMATS, "text")
    opened = read_store(store_url)
    view = build_view(opened.runs(), opened.report, today(as_of), within)
    for spec in specs:
        write(spec, get_view_format(spec.format).render(view))


def stored_register(url: str, as_of: dt.date) -> Register:
    """The risk register from each system's latest report in the store at `url`."""
    from engine.portfolio.view.build import histories
    from engine.records.register.stored import register_from_reports

    opened = read_store(url)
    latest = [entries[-1].id for entries in histories(opened.runs(), as_of).values()]
    return register_from_reports(((run, opened.report(run)) for run in latest), as_of)
