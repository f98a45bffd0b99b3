"""GitLab Code Quality report (`artifacts:reports:codequality`), available on every GitLab tier.

A JSON array with only the fields GitLab reads: description, check_name, fingerprint,
severity and location (path + integer `lines.begin`). Only fail and warn findings are
listed: the merge-request widget is for things to fix. GitLab shows just the first entry
of a fingerprint, so a fingerprint the engine gave to several findings of one rule gets a
`:2`, `:3`... suffix on its later occurrences. Entries are sorted by file, line and check.
"""

from __future__ import annotations

from typing import Any

from engine.assessment.model import Finding, Report
from engine.render.jsondoc import dumps as json_document
from engine.reporters._common import ACTIONABLE
from engine.reporters.interface import Reporter

#: our severities on GitLab's scale (info|minor|major|critical|blocker)
GITLAB_SEVERITY = {
    "critical": "blocker",
    "high": "critical",
    "medium": "major",
    "low": "minor",
    "info": "info",
}


class GitLabCodeQualityReporter(Reporter):
    """The Code Quality JSON array for fail and warn findings."""

    name = "gitlab"

    def render(self, report: Report) -> str:
        findings = sorted(
            (finding for finding in report.findings if finding.status in ACTIONABLE),
            key=lambda f: (f.location.path, f.location.line, f.rule_id, f.message),
        )
        seen: dict[str, int] = {}
        entries = [_entry(finding, _unique(finding.fingerprint, seen)) for finding in findings]
        return json_document(entries)


def _entry(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": _description(finding),
        "check_name": finding.rule_id,
        "fingerprint": fingerprint,
        "severity": GITLAB_SEVERITY[finding.severity],
        "location": {
            "path": finding.location.path,
            "lines": {"begin": max(1, int(finding.location.line))},
        },
    }


def _description(finding: Finding) -> str:
    """One line: status for warnings, rule id, message, then the fix."""
    prefix = "warning: " if finding.status == "warn" else ""
    text = f"{prefix}{finding.rule_id} {' '.join(finding.message.split())}"
    return f"{text} (fix: {' '.join(finding.remediation.split())})" if finding.remediation else text


def _unique(fingerprint: str, seen: dict[str, int]) -> str:
    """`fingerprint` the first time, `fingerprint:N` for its N-th occurrence."""
    seen[fingerprint] = seen.get(fingerprint, 0) + 1
    count = seen[fingerprint]
    return fingerprint if count == 1 else f"{fingerprint}:{count}"
