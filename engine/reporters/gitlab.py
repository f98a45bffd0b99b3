"""GitLab Code Quality report (`artifacts:reports:codequality`), available on every GitLab tier.

A JSON array with only the fields GitLab reads: description, check_name, fingerprint,
severity and location (path + integer `lines.begin`). Only fail and warn findings are
listed, and the errors that kept the system from being assessed when they name a file and
line (as blockers): the merge-request widget is for things to fix.

Severities map onto GitLab's scale (info < minor < major < critical < blocker) by the
finding's severity and status; a warning sits one step below a failure of the same
severity, so it never outranks one (docs/ci.md has the table):

| severity | fail | warn |
| --- | --- | --- |
| critical | blocker | critical |
| high | critical | major |
| medium | major | minor |
| low | minor | info |
| info | info | info | GitLab shows just the first entry
of a fingerprint, so a fingerprint the engine gave to several findings of one rule gets a
`:2`, `:3`... suffix on its later occurrences. Entries are sorted by file, line and check.
"""

from __future__ import annotations

import hashlib
from typing import Any

from engine.assessment.model import Finding, Report
from engine.render.jsondoc import dumps as json_document
from engine.reporters._common import ACTIONABLE, ErrorLocation, error_location
from engine.reporters.interface import Reporter

#: GitLab's severity scale, lowest first
GITLAB_SCALE = ("info", "minor", "major", "critical", "blocker")
#: a failed finding's severity on GitLab's scale
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
        located = (error_location(error) for error in report.errors)
        entries = [_error_entry(error) for error in located if error is not None]
        entries += [_entry(finding, _unique(finding.fingerprint, seen)) for finding in findings]
        return json_document(entries)


def _error_entry(error: ErrorLocation) -> dict[str, Any]:
    """A report error that names a file and line (a manifest or evidence problem that kept
    the system from being assessed), as a blocker there. Errors that name no file (a
    timeout, a policy error) have no place in the merge request's diff: the job log has them."""
    return {
        "description": f"not assessed: {' '.join(error.problem.split())}",
        "check_name": "ai-assure",
        "fingerprint": hashlib.sha256(
            f"{error.path}:{error.line}:{error.problem}".encode()
        ).hexdigest(),
        "severity": "blocker",
        "location": {"path": error.path, "lines": {"begin": error.line}},
    }


def _entry(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": _description(finding),
        "check_name": finding.rule_id,
        "fingerprint": fingerprint,
        "severity": gitlab_severity(finding),
        "location": {
            "path": finding.location.path,
            "lines": {"begin": max(1, int(finding.location.line))},
        },
    }


def gitlab_severity(finding: Finding) -> str:
    """A failure's severity as the table says; a warning's one step below it."""
    failure = GITLAB_SEVERITY[finding.severity]
    if finding.status != "warn":
        return failure
    return GITLAB_SCALE[max(0, GITLAB_SCALE.index(failure) - 1)]


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
