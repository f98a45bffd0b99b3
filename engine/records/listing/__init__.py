"""Listings of the rule library and the controls catalogue (`ai-assure policy list`,
`ai-assure controls`) for people and for tools: every field of each rule or control, in
text, JSON or CSV (`formats/`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.core.errors import AssuranceError
from engine.core.text import natural_key
from engine.policy.catalogue import Control
from engine.policy.sources import PolicySet, RuleMeta

Cell = str | bool | list[str]


class ListingError(AssuranceError):
    """A listing that cannot be made (an unknown framework)."""


@dataclass(frozen=True)
class Listing:
    """Rows of one kind (`rules` or `controls`), every field in each; `text_columns` are the
    ones the text format shows, tab-separated."""

    kind: str
    columns: tuple[str, ...]
    text_columns: tuple[str, ...]
    rows: list[dict[str, Cell]]


RULE_COLUMNS = (
    "id",
    "title",
    "severity",
    "controls",
    "remediation",
    "applicability",
    "package",
    "source",
    "description",
    "related_resources",
    "waivable",
)
CONTROL_COLUMNS = (
    "id",
    "framework",
    "title",
    "group",
    "summary",
    "binds",
    "applies_from",
    "rules",
)


def rule_listing(policies: PolicySet) -> Listing:
    """Every rule of `policies`, by id (naturally sorted)."""
    sources = dict(policies.modules)
    rows = [_rule_row(rule, sources.get(rule.source, "")) for rule in policies.rules]
    rows.sort(key=lambda row: natural_key(str(row["id"])))
    return Listing("rules", RULE_COLUMNS, ("id", "severity", "title", "controls"), rows)


def _rule_row(rule: RuleMeta, source: str) -> dict[str, Cell]:
    return {
        "id": rule.id,
        "title": rule.title,
        "severity": rule.severity,
        "controls": list(rule.controls),
        "remediation": rule.remediation,
        "applicability": applicability(source),
        "package": rule.package,
        "source": rule.source,
        "description": rule.description,
        "related_resources": list(rule.related_resources),
        "waivable": rule.waivable,
    }


def applicability(source: str) -> list[str]:
    """When a rule applies, from its Rego: the condition of each `applicable` definition
    (any one suffices), or `always` when it applies unconditionally."""
    lines = source.splitlines()
    conditions: list[str] = []
    for number, line in enumerate(lines):
        if line.startswith("applicable := "):
            conditions.append(line.removeprefix("applicable := ").strip())
        elif line.startswith("applicable if {"):
            conditions.append(" and ".join(_block(lines[number + 1 :])))
        elif line.startswith("applicable if "):
            conditions.append(line.removeprefix("applicable if ").strip())
    if not conditions or "true" in conditions:
        return ["always"]
    return conditions


def _block(lines: Iterable[str]) -> list[str]:
    """The expressions of a rule body, up to its closing brace, comments left out."""
    expressions = []
    for line in lines:
        if line.startswith("}"):
            break
        expression = line.split("#", 1)[0].strip()
        if expression:
            expressions.append(expression)
    return expressions


def control_listing(
    catalogue: dict[str, Control], policies: PolicySet, framework: str | None
) -> Listing:
    """The controls of `framework` (any case; every framework when None), naturally sorted,
    each with the rules that assess it. An unknown framework is an error naming the known."""
    known = sorted({control.framework for control in catalogue.values()})
    if framework is not None:
        matched = [name for name in known if name.casefold() == framework.casefold()]
        if not matched:
            raise ListingError(
                f"no framework {framework!r} in the catalogue; known: {', '.join(known)}"
            )
        framework = matched[0]
    covering: dict[str, list[str]] = {}
    for rule in sorted(policies.rules, key=lambda rule: natural_key(rule.id)):
        for control_id in rule.controls:
            covering.setdefault(control_id, []).append(rule.id)
    chosen = (c for c in catalogue.values() if framework is None or c.framework == framework)
    rows = [_control_row(control, covering.get(control.id, [])) for control in chosen]
    rows.sort(key=lambda row: natural_key(str(row["id"])))
    return Listing("controls", CONTROL_COLUMNS, ("id", "title", "rules"), rows)


def _control_row(control: Control, rules: list[str]) -> dict[str, Cell]:
    return {
        "id": control.id,
        "framework": control.framework,
        "title": control.title,
        "group": control.group or "",
        "summary": control.summary or "",
        "binds": list(control.binds or []),
        "applies_from": control.applies_from or "",
        "rules": rules,
    }
