"""`ai-assure evidence`: what the adapters understood of each declared evidence file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from engine.assessment.model import EvidenceRecord

EVIDENCE_SCHEMA = "ai-assure/evidence/v1"


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json: {schema, evidence[]}, each entry as in the report's evidence[] "
    "but with every fact (the report bounds them).",
)
def evidence(path: Path, fmt: str) -> None:
    """Show, for each evidence file the manifest at PATH declares, the adapter and format
    that read it, the facts the policies see, its warnings and its errors. No policy runs.

    Exit codes: 0 every file was read, 1 a file is missing or could not be read (what
    `check` reports as EVID-001), 2 the manifest could not be read or a path leaves the
    repository.

    \b
    Examples:
      ai-assure evidence examples/public-llm-assistant
      ai-assure evidence --format json examples/document-search > evidence.json
    """
    from engine.assessment.model import to_data
    from engine.assessment.run import understood_evidence

    records = understood_evidence(path)
    if fmt == "json":
        document = {
            "schema": EVIDENCE_SCHEMA,
            "evidence": to_data(records),
        }
        click.echo(json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(_text(record) for record in records) or "no evidence declared")
    sys.exit(1 if any(record.status != "ok" for record in records) else 0)


def _text(record: EvidenceRecord) -> str:
    from adapters import REGISTRY

    adapter = REGISTRY[record.kind].split(":")[0].removeprefix("adapters.")
    lines = [
        f"{record.kind}: {record.path} [{record.status}]",
        f"  adapter: {adapter}, format: {record.format or 'not recognised'}",
    ]
    if record.facts:
        lines.append("  facts:")
        lines += [f"    {key}: {_compact(value)}" for key, value in sorted(record.facts.items())]
    for title, messages in (("warnings", record.warnings), ("errors", record.errors)):
        if messages:
            lines.append(f"  {title}:")
            lines += [f"    - {message}" for message in messages]
    return "\n".join(lines)


def _compact(value: Any) -> str:
    """A fact on one line, as JSON (so null, lists and mappings read unambiguously)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
