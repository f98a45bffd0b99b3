"""`ai-assure validate` and `ai-assure schema`: the manifest alone, fast."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
def validate(path: Path) -> None:
    """Validate the manifest at PATH against the schema (fast; no evidence, no policies).

    Problems are printed as `ai-manifest.yaml:LINE: field.path: what is wrong`.
    """
    from engine.manifest import load_manifest, locate_manifest

    loaded = load_manifest(locate_manifest(path))
    click.echo(f"{loaded.display_path}: valid ({loaded.model.metadata.id})")


@click.command()
@click.option("--report", "of_report", is_flag=True, help="The JSON report's schema instead.")
def schema(of_report: bool) -> None:
    """Print the JSON Schema of ai-manifest.yaml (for editors' yaml-language-server), or with
    --report that of the JSON report (`check --format json`)."""
    if of_report:
        from engine.assessment.model import report_schema_json

        click.echo(report_schema_json(), nl=False)
        return
    from engine.manifest.schema import manifest_schema_json

    click.echo(manifest_schema_json(), nl=False)
