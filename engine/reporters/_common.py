"""Small helpers several reporters share: grouping findings and describing them the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from engine.assessment.model import ExceptionRecord, Finding, Report
from engine.core.vocabulary import severity_rank

#: finding statuses a developer has to act on (annotations, code quality entries)
ACTIONABLE = ("fail", "warn")

_RULE_NUMBER = re.compile(r"-\d+$")


def rule_domain(rule_id: str) -> str:
    """The rule family a rule id belongs to: `DPIA-001` -> `dpia`, `RED-TEAM-02` -> `red-team`."""
    return _RULE_NUMBER.sub("", rule_id).lower() or rule_id.lower()


def framework_of(control_id: str) -> str:
    """The framework part of a control id: `ISO42001:A.6.2.4` -> `ISO42001`."""
    return control_id.split(":", 1)[0]


def system_label(report: Report) -> str:
    """`Name (id)`, or whichever is known: never an empty name before an unknown id."""
    name, system_id = report.system.name, report.system.id
    if system_id == "unknown":
        return name or "system not identified"
    return f"{name} ({system_id})" if name else system_id


@dataclass(frozen=True)
class ErrorLocation:
    """Where a report error points, read from its `path:line: problem` form."""

    path: str
    line: int
    problem: str


_LOCATED_ERROR = re.compile(r"(?P<path>[^\s:][^:\n]*):(?P<line>\d+): (?P<problem>.+)", re.DOTALL)


def error_location(message: str) -> ErrorLocation | None:
    """The file and line a report error names (manifest and evidence errors say
    `path:line: problem`, as compilers do), or None when it names none."""
    match = _LOCATED_ERROR.fullmatch(message)
    if match is None:
        return None
    line = max(1, int(match["line"]))
    return ErrorLocation(match["path"], line, match["problem"])


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


def exception_for(report: Report, rule_id: str) -> ExceptionRecord | None:
    """The approved exception record that waives `rule_id`, if the report holds one."""
    approved = (r for r in report.exceptions if r.rule == rule_id and r.status == "approved")
    return next(approved, None)


def waiver_text(report: Report, finding: Finding) -> str:
    """Why a finding is waived: the request's reason, the ticket, approver and end date."""
    record = exception_for(report, finding.rule_id)
    reason = (record.reason if record else "") or "approved exception"
    waiver = finding.waiver
    if waiver is None:
        return reason
    return f"{reason} ({waiver.ticket}, approved by {waiver.approved_by} until {waiver.expires})"
