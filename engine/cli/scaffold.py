"""`ai-assure init`: scaffold a manifest (and CI and pre-commit files) for a repository."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DECISION_ROLES = [
    "decision-support",
    "automated-decision",
    "content-generation",
    "information-retrieval",
    "other",
]


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--non-interactive", is_flag=True, help="Ask nothing: take flags and defaults.")
@click.option("--id", "system_id", help="Manifest id (default: from the folder name).")
@click.option("--name", help="The system's name (default: from the id).")
@click.option("--team", default="", help="Owning team.")
@click.option("--sro", default="", help="Senior responsible owner.")
@click.option("--contact", default="", help="Team contact (an email address).")
@click.option(
    "--deployment",
    type=click.Choice(["internal", "public-facing"]),
    default="internal",
    show_default=True,
)
@click.option(
    "--decision-role",
    type=click.Choice(DECISION_ROLES),
    default="decision-support",
    show_default=True,
)
@click.option("--personal-data/--no-personal-data", default=False, show_default=True)
@click.option(
    "--ci",
    "cis",
    type=click.Choice(["github", "gitlab"]),
    multiple=True,
    help="Also add this CI's file (repeatable: --ci github --ci gitlab).",
)
@click.option("--pre-commit", "pre_commit", is_flag=True, help="Also add .pre-commit-config.yaml.")
@click.option(
    "--force", is_flag=True, help="Overwrite files that already exist (default: skip them)."
)
def init(
    folder: Path,
    non_interactive: bool,
    system_id: str | None,
    name: str | None,
    team: str,
    sro: str,
    contact: str,
    deployment: str,
    decision_role: str,
    personal_data: bool,
    cis: tuple[str, ...],
    pre_commit: bool,
    force: bool,
) -> None:
    """Scaffold a commented ai-manifest.yaml in FOLDER (default: here), with its JSON Schema
    for editors, and optionally CI and pre-commit files. Asks a few questions on a terminal;
    --non-interactive takes flags and sensible defaults. Only missing files are written:
    files that exist are skipped (and named) unless --force, so adding a CI file to a
    repository keeps its manifest.

    \b
    Examples:
      ai-assure init --non-interactive --team "Risk Tools" --ci github --pre-commit
      ai-assure init --ci github --ci gitlab      # in a repository that has a manifest
    """
    from engine.manifest.scaffold import (
        Answers,
        integration_files,
        manifest_files,
        slug,
        write_scaffold,
    )

    ask = not non_interactive and _stdin_is_terminal()
    system_id = slug(system_id or folder.resolve().name)
    if ask:
        system_id = slug(click.prompt("System id", default=system_id))
        name = click.prompt("System name", default=name or system_id.replace("-", " ").title())
        team = click.prompt("Owning team", default=team or "", show_default=False)
        sro = click.prompt(
            "Senior responsible owner (who answers for the system)",
            default=sro or "",
            show_default=False,
        )
        contact = click.prompt("Team contact email", default=contact or "", show_default=False)
        deployment = click.prompt(
            "Deployment", type=click.Choice(["internal", "public-facing"]), default=deployment
        )
        decision_role = click.prompt(
            "Its role in decisions", type=click.Choice(DECISION_ROLES), default=decision_role
        )
        personal_data = click.confirm("Does it process personal data?", default=personal_data)
    answers = Answers(
        system_id=system_id,
        system_name=name or system_id.replace("-", " ").title(),
        team=team,
        sro=sro,
        contact=contact,
        deployment=deployment,
        decision_role=decision_role,
        personal_data=personal_data,
    )
    files = {**manifest_files(answers), **integration_files(cis, pre_commit)}
    written, skipped = write_scaffold(folder, files, force)
    for path in written:
        click.echo(f"wrote {folder / path}")
    for path in skipped:
        click.echo(f"skipped {folder / path}: it exists (--force overwrites it)")
    click.echo("next: fill in the manifest, then `ai-assure validate` and `ai-assure check`")
