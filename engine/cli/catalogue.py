"""`ai-assure explain` and `ai-assure controls`: the rules and the controls catalogue."""

from __future__ import annotations

import click


@click.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Explain a rule: what it checks, why, the controls it maps to and how to fix it."""
    from engine.policy.catalogue import load_catalogue
    from engine.policy.sources import PolicyError, load_policies

    rule = load_policies().rule(rule_id.upper())
    if rule is None:
        raise PolicyError(f"no rule {rule_id!r}; `ai-assure policy list` shows them all")
    catalogue = load_catalogue()
    click.echo(f"{rule.id}: {rule.title}\nseverity: {rule.severity}\npackage: {rule.package}\n")
    if rule.description:
        click.echo(rule.description + "\n")
    click.echo("controls:")
    for control_id in rule.controls:
        control = catalogue.get(control_id)
        click.echo(f"  {control_id}  {control.title if control else '(not in the catalogue)'}")
    click.echo(f"\nfix: {rule.remediation}")
    for ref in rule.related_resources:
        click.echo(f"see: {ref}")


@click.command()
@click.option("--framework", help="Only this framework (e.g. ISO42001, NIST-AI-RMF, EU-AI-ACT).")
def controls(framework: str | None) -> None:
    """List the controls catalogue and the rules that assess each control."""
    from engine.policy.catalogue import load_catalogue
    from engine.policy.sources import load_policies

    covering: dict[str, list[str]] = {}
    for rule in load_policies().rules:
        for control_id in rule.controls:
            covering.setdefault(control_id, []).append(rule.id)
    for control in load_catalogue().values():
        if framework and control.framework != framework:
            continue
        rules = ", ".join(covering.get(control.id, [])) or "-"
        click.echo(f"{control.id}\t{control.title}\t{rules}")
