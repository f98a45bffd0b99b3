"""The results store: `ai-assure store ingest|upgrade`, `check --store`, and the department
view read from it (`ai-assure portfolio`)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from engine.cli.options import echo_error
from engine.render.text import inert

if TYPE_CHECKING:
    from engine.assessment.model import Report
    from engine.store import Store

_Command = TypeVar("_Command", bound=Callable[..., Any])
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
STORE_ENV = "AI_ASSURE_STORE"


def store_option(help_text: str, *, required: bool) -> Callable[[_Command], _Command]:
    """`--store URL` (or $AI_ASSURE_STORE)."""
    return click.option(
        "--store",
        "store_url",
        envvar=STORE_ENV if required else None,
        required=required,
        metavar="URL",
        help=help_text
        + " sqlite:///FILE (or just FILE) or postgresql+psycopg://USER@HOST/DB"
        + (f"; default ${STORE_ENV}." if required else "."),
    )


def open_store(url: str) -> Store:
    """The store at `url`, its schema brought up to date (`StoreError` on any problem)."""
    from engine.store import Store

    return Store(url)


def record_check(store: Store, target: Path, report: Report) -> None:
    """Keep one `check` run, with the commit of the system's repository."""
    store.add(report, source="check", commit=system_commit(target))


def system_commit(target: Path) -> str | None:
    """HEAD's commit in the repository holding the system at `target`, when there is one."""
    from engine.core.files import find_repository_root, git_commit

    folder = target if target.is_dir() else target.parent
    try:
        return git_commit(find_repository_root(folder.resolve()))
    except (OSError, RuntimeError):
        return None


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
        except AssuranceError as exc:
            refused += 1
            echo_error(str(exc))
            continue
        added = opened.add(
            incoming.report, source=incoming.source, commit=commit, signer=incoming.signer
        )
        state = f"stored as run {added.run_id}" if added.created else "already stored"
        report = incoming.report
        click.echo(
            inert(f"{file}: {report.system.id} {report.verdict} as of {report.as_of}: {state}")
        )
    sys.exit(2 if refused else 0)
