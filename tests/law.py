"""What every report must satisfy, whichever system it is about (shared by the examples' and
the scenarios' tests): a failed finding names a legal control only where it binds."""

from __future__ import annotations

from engine.assessment.model import Report

LEGAL_FRAMEWORKS = ("EU-AI-ACT:", "UK-GDPR:", "UK-DPA-2018:", "UK-ATRS:")


def assert_no_unbinding_law_in_failures(report: Report) -> None:
    """Every legal control a failed finding names binds the system (and so does one that
    raised its severity); every other legal control it maps to is set apart, never failed."""
    status = {o.id: o.status for o in report.obligations}
    for finding in report.findings:
        if finding.status != "fail":
            continue
        named = [*finding.controls, *finding.severity_raised_by]
        legal = [c for c in named if c.startswith(LEGAL_FRAMEWORKS)]
        assert all(status.get(c) == "binds" for c in legal), (finding.rule_id, legal, status)
        assert all(item.status != "binds" for item in finding.controls_not_binding)
