"""Governed exceptions: the policies' decision on each exception request, applied to findings.

The manifest's `exceptions` are requests. The policies (package `ai_assure.exceptions`) decide
each one against the governance approvals shipped with them and return one decision per
request; here the approved ones turn their rule's `fail` and `warn` findings into `waived`.
Errors are never waived, nor are rules whose METADATA says `waivable: false`. A decision list
that does not match the requests one for one is an assessment error: fail closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from engine.assessment.model import ExceptionRecord, Finding, Waiver
from engine.core.errors import AssuranceError
from engine.manifest import LoadedManifest
from engine.policy.sources import RuleMeta

_STATUSES = ("unapproved", "approved", "expired")
_APPROVAL_FIELDS = ("approved_by", "approved_on", "approved_until")
_WAIVABLE_STATUSES = ("fail", "warn")


class ExceptionDecisionError(AssuranceError):
    """The policies' exception decisions are malformed."""


def apply_exceptions(
    findings: list[Finding],
    decisions: Any,
    manifest: LoadedManifest,
    rules: Iterable[RuleMeta],
) -> tuple[list[Finding], list[ExceptionRecord]]:
    """Findings with approved exceptions waived, and one record per exception request."""
    records = exception_records(manifest, decisions)
    unwaivable = {rule.id for rule in rules if not rule.waivable}
    waivers = {
        record.rule: _waiver(record)
        for record in records
        if record.status == "approved" and record.rule not in unwaivable
    }
    waived = [_waived(finding, waivers.get(finding.rule_id)) for finding in findings]
    return waived, sorted(records, key=lambda r: (r.rule, r.ticket or "", r.status))


def exception_records(manifest: LoadedManifest, decisions: Any) -> list[ExceptionRecord]:
    """Each request joined with its decision; exactly one decision per request."""
    requests = manifest.model.exceptions
    by_index = _decisions_by_index(decisions, len(requests))
    return [_record(request, by_index[index], index) for index, request in enumerate(requests)]


def _decisions_by_index(decisions: Any, count: int) -> dict[int, dict[str, Any]]:
    if not isinstance(decisions, list):
        raise ExceptionDecisionError(
            "the policies returned no exception decisions (`exceptions` list)"
        )
    by_index: dict[int, dict[str, Any]] = {}
    for decision in decisions:
        index = decision.get("index") if isinstance(decision, dict) else None
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < count:
            raise ExceptionDecisionError(
                f"malformed exception decision from the policies: {decision!r}"[:300]
            )
        if index in by_index:
            raise ExceptionDecisionError(f"the policies decided exception request {index} twice")
        by_index[index] = decision
    missing = sorted(set(range(count)) - set(by_index))
    if missing:
        raise ExceptionDecisionError(
            f"the policies returned no decision on exception request(s) {missing}"
        )
    return by_index


def _record(request: Any, decision: dict[str, Any], index: int) -> ExceptionRecord:
    status = decision.get("status")
    if status not in _STATUSES or decision.get("rule") != request.rule:
        raise ExceptionDecisionError(
            f"malformed decision on exception request {index}: {decision!r}"[:300]
        )
    approval = {key: decision.get(key) for key in _APPROVAL_FIELDS}
    if status != "unapproved" and not all(
        isinstance(approval[key], str) for key in ("approved_by", "approved_until")
    ):
        raise ExceptionDecisionError(
            f"decision on exception request {index} lacks its approval: {decision!r}"
        )
    return ExceptionRecord(
        rule=request.rule,
        status=status,
        reason=request.reason,
        requested_by=request.requested_by,
        ticket=request.ticket,
        expires=request.expires.isoformat(),
        **{key: value if isinstance(value, str) else None for key, value in approval.items()},
    )


def _waiver(record: ExceptionRecord) -> Waiver:
    return Waiver(
        ticket=record.ticket or "",
        approved_by=record.approved_by or "",
        expires=record.approved_until or "",
    )


def _waived(finding: Finding, waiver: Waiver | None) -> Finding:
    if waiver is None or finding.status not in _WAIVABLE_STATUSES:
        return finding
    return replace(finding, status="waived", waiver=waiver)
