"""`ai-assure explain` and `ai-assure controls`: the rules and the controls catalogue."""

from __future__ import annotations

import click


@click.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Explain a rule: what it checks, why, when it applies, the controls it maps to and how
    to fix it. RULE_ID is a rule's id in any case (`ai-assure policy list` lists them).

    \b
    Examples:
      ai-assure explain DPIA-001
      ai-assure explain gen-001
    """
    from engine.policy.catalogue import load_catalogue
    from engine.policy.sources import PolicyError, load_policies
    from engine.records.listing import applicability
    from engine.reporters.text import TIER_HELP

    policies = load_policies()
    rule = policies.rule(rule_id.upper())
    if rule is None:
        raise PolicyError(f"no rule {rule_id!r}; `ai-assure policy list` shows them all")
    catalogue = load_catalogue()
    click.echo(f"{rule.id}: {rule.title}\nseverity: {rule.severity}\npackage: {rule.package}\n")
    applies = " or ".join(applicability(dict(policies.modules).get(rule.source, "")))
    click.echo(f"applies: {applies}\n  ({TIER_HELP})\n")
    if rule.description:
        click.echo(rule.description + "\n")
    click.echo("controls:")
    for control_id in rule.controls:
        control = catalogue.get(control_id)
        click.echo(f"  {control_id}  {control.title if control else '(not in the catalogue)'}")
    click.echo(f"\nfix: {rule.remediation}")
    for ref in rule.related_resources:
        click.echo(f"see: {ref}")


#: `--format` of the listings: text for people, JSON and CSV for tools
LISTING_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text: the main columns, tab-separated; json and csv: every field.",
)


@click.command()
@click.option(
    "--framework",
    help="Only this framework, in any case (e.g. ISO42001, nist-ai-rmf, EU-AI-ACT).",
)
@LISTING_FORMAT
def controls(framework: str | None, output_format: str) -> None:
    """List the controls catalogue and the rules that assess each control, in natural order
    of id (A.2.2 before A.10.2). Text shows id, title and rules; JSON and CSV every field.

    \b
    Examples:
      ai-assure controls --framework iso42001
      ai-assure controls --format csv > controls.csv
    """
    from engine.policy.catalogue import load_catalogue
    from engine.policy.sources import load_policies
    from engine.records.listing import control_listing
    from engine.records.listing.formats import get_listing_format

    listing = control_listing(load_catalogue(), load_policies(), framework)
    click.echo(get_listing_format(output_format).render(listing), nl=False)
