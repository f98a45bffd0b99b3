"""Small helpers several reporters share: grouping findings and describing them the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable

from engine.report import ExceptionRecord, Finding, Report, severity_rank

#: finding statuses a developer has to act on (annotations, code quality entries)
ACTIONABLE = ("fail", "warn")

_RULE_NUMBER = re.compile(r"-\d+$")


def rule_domain(rule_id: str) -> str:
    """The rule family a rule id belongs to: `DPIA-001` -> `dpia`, `RED-TEAM-02` -> `red-team`."""
    return _RULE_NUMBER.sub("", rule_id).lower() or rule_id.lower()


def framework_of(control_id: str) -> str:
    """The framework part of a control id: `ISO42001:A.6.2.4` -> `ISO42001`."""
    return control_id.split(":", 1)[0]


def location_text(finding: Finding) -> str:
    """`path:line`, the form editors and terminals turn into links."""
    return f"{finding.location.path}:{finding.location.line}"


def group_by_rule(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings keyed by rule id, in order of first appearance."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.rule_id, []).append(finding)
    return groups


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; the engine's order is kept within one severity."""
    return sorted(findings, key=lambda finding: severity_rank(finding.severity))


def plural(count: int, noun: str) -> str:
    """`1 warning`, `2 warnings`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def exception_for(report: Report, rule_id: str) -> ExceptionRecord | None:
    """The exception record that waives `rule_id`, if the report holds one."""
    return next((record for record in report.exceptions if record.rule == rule_id), None)


def waiver_text(report: Report, finding: Finding) -> str:
    """Why a finding is waived: the exception's reason, ticket and expiry when known."""
    record = exception_for(report, finding.rule_id)
    if record is None:
        return "an approved exception applies"
    details = [part for part in (record.ticket, _expiry(record.expires)) if part]
    reason = record.reason or "approved exception"
    return f"{reason} ({', '.join(details)})" if details else reason


def _expiry(expires: str | None) -> str | None:
    return f"expires {expires}" if expires else None
