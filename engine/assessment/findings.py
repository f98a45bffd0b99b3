"""From the policies' raw result to findings and per-control status.

Every rule in the policy set gets an outcome: one finding per `deny` (fail) and `warn` entry,
else one `pass`, or `not_applicable` when the rule's `applicable` is false. A rule whose
package produced no decision, or entries of the wrong shape, become `error` findings: the
gate fails closed instead of treating silence as a pass.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from engine.assessment.model import ControlResult, Finding, Location
from engine.core.vocabulary import ControlStatus, FindingStatus, severity_rank
from engine.manifest import LoadedManifest
from engine.policy.sources import RuleMeta

_STATUS_ORDER: tuple[FindingStatus, ...] = (
    "error",
    "fail",
    "warn",
    "waived",
    "pass",
    "not_applicable",
)
_CONTROL_PRECEDENCE: tuple[ControlStatus, ...] = (
    "error",
    "fail",
    "waived",
    "warn",
    "pass",
    "not_applicable",
)


def build_findings(
    rules: Iterable[RuleMeta], result: dict[str, Any], manifest: LoadedManifest, location_path: str
) -> list[Finding]:
    """All findings, sorted by status, severity, rule id and location. Governance rules are
    read from `result["rules"]`, repository-local ones from `result["local_rules"]`."""
    findings: list[Finding] = []
    for rule in rules:
        tree = result.get("local_rules" if rule.is_local else "rules")
        outcome = _lookup(tree, rule.result_path)
        findings.extend(_rule_findings(rule, outcome, manifest, location_path))
    return _with_unique_fingerprints(sort_findings(findings), manifest.model.metadata.id)


def _lookup(tree: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(tree, dict):
            return None
        tree = tree.get(part)
    return tree


def _rule_findings(
    rule: RuleMeta, outcome: Any, manifest: LoadedManifest, location_path: str
) -> list[Finding]:
    def finding(status: FindingStatus, message: str, path: list[Any] | None = None) -> Finding:
        return _finding(rule, status, message, path or [], manifest, location_path)

    if not isinstance(outcome, dict) or not isinstance(outcome.get("applicable"), bool):
        return [finding("error", f"rule package {rule.package} produced no `applicable` decision")]
    if not outcome["applicable"]:
        return [finding("not_applicable", "not applicable to this system")]
    found: list[Finding] = []
    outcomes: tuple[tuple[FindingStatus, str], ...] = (("fail", "deny"), ("warn", "warn"))
    for status, key in outcomes:
        entries = outcome.get(key, [])
        if not isinstance(entries, list):
            return [finding("error", f"`{key}` must be a set of objects")]
        for entry in entries:
            if not _well_formed(entry):
                return [finding("error", f"`{key}` entry is not {{msg, path}}: {entry!r}"[:300])]
            found.append(finding(status, entry["msg"], entry.get("path")))
    return found or [finding("pass", "passed")]


def _well_formed(entry: Any) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("msg"), str):
        return False
    path = entry.get("path", [])
    return isinstance(path, list) and all(isinstance(part, (str, int)) for part in path)


def _finding(
    rule: RuleMeta,
    status: FindingStatus,
    message: str,
    path: list[Any],
    manifest: LoadedManifest,
    location_path: str,
) -> Finding:
    line = manifest.document.line_of(tuple(path)) if path else 1
    return Finding(
        rule_id=rule.id,
        title=rule.title,
        severity=rule.severity,
        status=status,
        message=message,
        controls=sorted(rule.controls),
        location=Location(path=location_path, line=line),
        manifest_path=path,
        fingerprint=fingerprint(rule.id, manifest.model.metadata.id, path),
        remediation=rule.remediation,
        help_uri=rule.related_resources[0] if rule.related_resources else None,
    )


def fingerprint(rule_id: str, system_id: str, path: list[Any], occurrence: int = 0) -> str:
    """Stable across line moves: rule, system and manifest path (never line numbers)."""
    key = "\x1f".join([rule_id, system_id, *map(str, path)])
    if occurrence:
        key += f"\x1e{occurrence}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _with_unique_fingerprints(findings: list[Finding], system_id: str) -> list[Finding]:
    """Several entries of one rule on one path get an occurrence number, in sorted order."""
    seen: Counter[str] = Counter()
    unique = []
    for item in findings:
        occurrence = seen[item.fingerprint]
        seen[item.fingerprint] += 1
        if occurrence:
            new = fingerprint(item.rule_id, system_id, item.manifest_path, occurrence)
            item = replace(item, fingerprint=new)
        unique.append(item)
    return unique


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The report's order: status, severity, rule id, line, manifest path, message."""
    return sorted(findings, key=_sort_key)


def _sort_key(item: Finding) -> tuple[Any, ...]:
    return (
        _STATUS_ORDER.index(item.status),
        severity_rank(item.severity),
        item.rule_id,
        item.location.line,
        [str(part) for part in item.manifest_path],
        item.message,
    )


def control_results(findings: Iterable[Finding]) -> list[ControlResult]:
    """Each control's status: its worst finding, by `_CONTROL_PRECEDENCE`."""
    statuses: dict[str, set[FindingStatus]] = {}
    rules: dict[str, set[str]] = {}
    for item in findings:
        for control in item.controls:
            statuses.setdefault(control, set()).add(item.status)
            rules.setdefault(control, set()).add(item.rule_id)
    return [
        ControlResult(
            id=control,
            status=next(s for s in _CONTROL_PRECEDENCE if s in statuses[control]),
            rules=sorted(rules[control]),
        )
        for control in sorted(statuses)
    ]
