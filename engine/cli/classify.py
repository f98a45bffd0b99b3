"""`ai-assure classify` and `ai-assure migrate`: a system's classification from its facts, and
a version 1 manifest rewritten as version 2 (docs/classification.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from engine.cli.options import as_of_option, format_option, outputs, write


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@format_option("text, json, markdown", "text")
@as_of_option("The date the law's application dates are read on (Arts. 111, 113).")
@click.option(
    "--explain-unknowns",
    is_flag=True,
    help="Only the questions still open, in plain language, each with where to write the "
    "answer and the provision it answers.",
)
@click.option(
    "--evaluator",
    type=click.Choice(["embedded", "opa", "opa-server"]),
    default="embedded",
    show_default=True,
    help="Policy evaluator, as for `check`.",
)
@click.option(
    "--opa-binary", type=click.Path(path_type=Path, dir_okay=False), help="As for `check`."
)
@click.option("--opa-url", metavar="URL", help="OPA server for --evaluator opa-server.")
@click.option(
    "--policy-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Classify with this policy folder instead of the bundled library.",
)
def classify(
    path: Path,
    formats: tuple[str, ...],
    as_of: dt.date | None,
    explain_unknowns: bool,
    evaluator: str,
    opa_binary: Path | None,
    opa_url: str | None,
    policy_dir: Path | None,
) -> None:
    """Classify the AI system at PATH (a folder holding ai-manifest.yaml, or the manifest) from
    its facts, and print the decision path: each conclusion of the law, its citation, and the
    facts (with their answers) that decided it.

    Two axes: the EU AI Act category (in scope or not, the roles held, prohibited, high,
    limited or minimal, the general-purpose AI model flags) and the organisation's assurance
    level (low to critical) with its reasons. The evidence is not read. Exit 0 when every fact
    the classification needs is answered, 1 when questions are open, 2 when the system cannot
    be classified.

    \b
    Examples:
      ai-assure classify examples/probation-risk-assistant
      ai-assure classify . --explain-unknowns
      ai-assure classify . --format json=classification.json --format markdown=classification.md
    """
    from engine.assessment.classify import classify_system
    from engine.assessment.run import CheckOptions
    from engine.records.classification import FORMATS, render

    specs = outputs(formats, FORMATS, "text")
    options = CheckOptions(
        as_of=as_of,
        evaluator=evaluator,
        opa_binary=opa_binary,
        opa_url=opa_url,
        policy_dir=policy_dir,
    )
    result = classify_system(path, options)
    for output in specs:
        write(output, render(result, output.format, unknowns_only=explain_unknowns))
    sys.exit(1 if result.questions else 0)


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--stdout",
    "to_stdout",
    is_flag=True,
    help="Print the version 2 manifest instead of rewriting the file.",
)
def migrate(path: Path, to_stdout: bool) -> None:
    """Rewrite the version 1 manifest at PATH (a folder holding ai-manifest.yaml, or the
    manifest) as apiVersion ai-assure/v2, keeping its own lines and comments.

    Version 1 held conclusions (role, Annex III areas, prohibited practices); version 2 holds
    the facts the law turns on. What version 1 stated as the same fact is carried over, its
    conclusions are kept as the team's own labels (eu_ai_act.declared, which the policies
    compare with the facts), and every other fact is written unanswered (null) with its
    question above it: nothing is guessed. The open questions are listed on stderr. Exit 0
    when written, 2 when the manifest is not a valid version 1 manifest.

    \b
    Examples:
      ai-assure migrate .
      ai-assure migrate path/to/ai-manifest.yaml --stdout > ai-manifest.v2.yaml
    """
    from engine.core.output import write_atomic
    from engine.manifest import load_manifest, locate_manifest
    from engine.manifest.migrate import migrate_version_1

    manifest = locate_manifest(path)
    loaded = load_manifest(manifest)
    text = manifest.read_text(encoding="utf-8")
    migration = migrate_version_1(loaded.raw, text, dict(loaded.document.lines), str(manifest))
    if to_stdout:
        click.echo(migration.text, nl=False)
    else:
        write_atomic(manifest, migration.text)
    where = "stdout" if to_stdout else str(manifest)
    click.echo(
        f"ai-assure: migrated {manifest} to apiVersion ai-assure/v2 ({where});"
        f" {len(migration.unanswered)} facts are unanswered: answer them, then run"
        " `ai-assure classify --explain-unknowns` for the ones the classification needs",
        err=True,
    )
    for fact in migration.unanswered:
        click.echo(f"  - {fact}", err=True)
