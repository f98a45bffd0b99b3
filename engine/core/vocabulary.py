"""The value sets the contracts fix (docs/contracts.md): severities, finding and control
statuses, verdicts and the `--fail-on` levels. Every layer names them from here."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

Severity = Literal["critical", "high", "medium", "low", "info"]
FailOn = Literal["critical", "high", "medium", "low", "info", "never"]
FindingStatus = Literal["fail", "warn", "pass", "waived", "not_applicable", "error"]
ControlStatus = FindingStatus
Verdict = Literal["pass", "fail", "error"]

SEVERITY_ORDER: tuple[Severity, ...] = get_args(Severity)
FAIL_ON: tuple[FailOn, ...] = get_args(FailOn)
FINDING_STATUSES: tuple[FindingStatus, ...] = get_args(FindingStatus)


def severity_rank(severity: Severity) -> int:
    """0 for the most severe level; larger numbers are less severe."""
    return SEVERITY_ORDER.index(severity)


def is_severity(value: object) -> TypeGuard[Severity]:
    """Whether `value` is one of the severities (for data read from METADATA or JSON)."""
    return value in SEVERITY_ORDER
