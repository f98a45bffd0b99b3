"""Human output for a terminal: what failed, where, which control it breaks, and how to fix it.

Findings that need attention (fail, warn, error) are listed by severity, then by their
primary control (the first one the rule names); waived findings get one line each;
passes and not-applicable rules are only counted. The last line is a one-line verdict
that CI logs and pre-commit show. ANSI colour is off unless the caller asks for it.

Every piece of report text is shown through `engine.render.text.inert`: escape sequences,
bidi overrides and other invisible characters become visible escapes, and no line can begin
a CI workflow command (`::add-mask::`, `##[error]`).
"""

from __future__ import annotations

from collections.abc import Iterator

from engine.assessment.describe import (
    category_short,
    category_text,
    flags_text,
    ground_text,
    reason_text,
    roles_text,
    scope_text,
)
from engine.assessment.model import Finding, Report
from engine.core.vocabulary import SEVERITY_ORDER
from engine.render.text import inert, inert_lines, plural
from engine.reporters._common import location_text, system_label, waiver_text
from engine.reporters.interface import Reporter

_LISTED = ("fail", "warn", "error")
_STATUS_LABEL = {"fail": "FAIL", "warn": "WARN", "error": "ERROR"}
_STATUS_STYLE = {"fail": "31", "warn": "33", "error": "35"}
_SEVERITY_STYLE = {"critical": "1;31", "high": "31", "medium": "33", "low": "36", "info": "2"}
_VERDICT_STYLE = {"pass": "1;32", "fail": "1;31", "error": "1;35"}
_INDENT = "      "
#: where the classification, which decides the rules that apply, is explained
TIER_HELP = (
    "which rules apply follows from this classification: how it is decided, "
    "docs/classification.md; this system's decision path, `ai-assure classify`"
)


class TextReporter(Reporter):
    """Plain text for people; `color=True` adds ANSI styling (the CLI decides when)."""

    name = "text"

    def __init__(self, color: bool = False) -> None:
        self.color = color

    def render(self, report: Report) -> str:
        sections = [
            self._header(report),
            self._errors(report),
            self._evidence_problems(report),
            self._findings(report),
            self._waived(report),
            self._not_listed(report),
            self._paint(summary_line(report), _VERDICT_STYLE[report.verdict]),
        ]
        return "\n\n".join(section for section in sections if section) + "\n"

    def _paint(self, text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if self.color else text

    def _header(self, report: Report) -> str:
        policy = report.policy
        lines = [
            inert(
                f"{report.tool.name} {report.tool.version} · {system_label(report)} "
                f"· as of {report.as_of} · fail-on {report.fail_on}"
            ),
            inert(f"policy {policy.revision} from {policy.source} ({policy.digest})"),
        ]
        if policy.local_engine:
            lines.append(inert(f"team-local rules evaluated by {policy.local_engine} (no OPA)"))
        return "\n".join(lines + self._axes(report))

    def _axes(self, report: Report) -> list[str]:
        """Both axes of the classification: the EU AI Act category with its grounds, and the
        assurance level with its reasons (the tier alone when the check did not get that far)."""
        eu, level = report.eu_ai_act, report.assurance_level
        if eu is None or level is None:
            lines = [f"risk tier: {self._paint(inert(report.tier.level), '1')}"]
            return lines + [f"  - {inert(reason)}" for reason in report.tier.reasons]
        lines = [
            f"EU AI Act category: {self._paint(inert(category_text(eu)), '1')}",
            inert(f"  in scope: {scope_text(eu)} · roles: {roles_text(eu)} · {flags_text(eu)}"),
            *(f"  - {inert(ground_text(ground))}" for ground in eu.grounds),
            f"assurance level: {self._paint(inert(level.level), '1')}",
            *(f"  - {inert(reason_text(reason))}" for reason in level.reasons),
        ]
        lines.append(f"  {TIER_HELP}")
        if report.questions:
            count = plural(len(report.questions), "classification question")
            lines.append(f"{count} unanswered (CLS-005): ai-assure classify --explain-unknowns")
        return lines

    def _errors(self, report: Report) -> str:
        if not report.errors:
            return ""
        title = self._paint("ERRORS: the system could not be fully assessed", "1;35")
        return "\n".join([title, *(f"  ! {_indented(error, '    ')}" for error in report.errors)])

    def _evidence_problems(self, report: Report) -> str:
        """Unusable evidence, listed only when no rule ran: otherwise the evidence rule's
        findings report each problem once, and other rules refer to them."""
        problems = [record for record in report.evidence if record.status != "ok"]
        if not problems or report.findings:
            return ""
        lines = ["Evidence problems:"]
        for record in problems:
            detail = _indented("; ".join(record.errors) or record.status, "    ")
            lines.append(f"  ! {inert(f'{record.kind} {record.path}')} ({record.status}): {detail}")
        return "\n".join(lines)

    def _findings(self, report: Report) -> str:
        listed = [finding for finding in report.findings if finding.status in _LISTED]
        blocks = []
        for severity in SEVERITY_ORDER:
            group = [finding for finding in listed if finding.severity == severity]
            if group:
                blocks.append("\n".join(self._severity_block(severity, group)))
        return "\n\n".join(blocks)

    def _severity_block(self, severity: str, findings: list[Finding]) -> Iterator[str]:
        yield self._paint(severity.upper(), _SEVERITY_STYLE[severity])
        ordered = sorted(findings, key=_primary_control)
        previous = None
        for finding in ordered:
            control = _primary_control(finding)
            if control != previous:
                yield f"  {inert(control) or '(no control)'}"
                previous = control
            yield from self._finding_lines(finding)

    def _finding_lines(self, finding: Finding) -> Iterator[str]:
        label = self._paint(_STATUS_LABEL[finding.status], _STATUS_STYLE[finding.status])
        yield f"    {label} {inert(f'{finding.rule_id} {finding.title}')}"
        yield f"{_INDENT}{_indented(finding.message, _INDENT)}"
        controls = ", ".join(finding.controls) or "none"
        yield f"{_INDENT}{inert(f'at {location_text(finding)} · controls {controls}')}"
        if finding.controls_not_binding:
            named = ", ".join(f"{c.id} ({c.status})" for c in finding.controls_not_binding)
            yield f"{_INDENT}{inert(f'does not bind this system: {named}')}"
        if finding.severity_raised_by:
            raised = ", ".join(finding.severity_raised_by)
            yield f"{_INDENT}{inert(f'severity set by binding law: {raised}')}"
        if finding.remediation:
            yield f"{_INDENT}fix: {_indented(finding.remediation, _INDENT + '     ')}"

    def _waived(self, report: Report) -> str:
        waived = [finding for finding in report.findings if finding.status == "waived"]
        if not waived:
            return ""
        lines = ["Waived by approved exceptions:"]
        lines += [f"  {inert(f'{f.rule_id} {f.title}: {waiver_text(report, f)}')}" for f in waived]
        return "\n".join(lines)

    def _not_listed(self, report: Report) -> str:
        counts = report.counts()
        if not counts["pass"] and not counts["not_applicable"]:
            return ""
        return f"{counts['pass']} passed and {counts['not_applicable']} not applicable (not listed)"


def summary_line(report: Report) -> str:
    """One line with the verdict and the counts, e.g. for the end of a CI log."""
    counts = report.counts()
    failed = [finding.severity for finding in report.findings if finding.status == "fail"]
    breakdown = ", ".join(
        f"{failed.count(severity)} {severity}" for severity in SEVERITY_ORDER if severity in failed
    )
    parts = [f"{counts['fail']} failed" + (f" ({breakdown})" if breakdown else "")]
    parts.append(plural(counts["warn"], "warning"))
    if counts["waived"]:
        parts.append(f"{counts['waived']} waived")
    parts += [f"{counts['pass']} passed", f"{counts['not_applicable']} not applicable"]
    errors = counts["error"] + len(report.errors)
    if errors:
        parts.append(plural(errors, "error"))
    return inert(
        f"{report.tool.name}: {report.verdict.upper()} — {', '.join(parts)}"
        f" · {_classification(report)} · policy {report.policy.revision}"
    )


def _classification(report: Report) -> str:
    """`EU AI Act high · assurance high`, or the tier when there is no classification."""
    eu, level = report.eu_ai_act, report.assurance_level
    if eu is None or level is None:
        return f"tier {report.tier.level}"
    return f"EU AI Act {category_short(eu)} · assurance {level.level}"


def _primary_control(finding: Finding) -> str:
    return finding.controls[0] if finding.controls else ""


def _indented(text: str, prefix: str) -> str:
    """Each line of `text` made inert, continuation lines indented by `prefix`."""
    return f"\n{prefix}".join(inert_lines(text))
