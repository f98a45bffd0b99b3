"""GitHub Actions output: workflow-command annotations and a Markdown job summary.

`render()` returns `::error`/`::warning` workflow commands that GitHub turns into inline
annotations on the manifest. GitHub shows at most 10 errors and 10 warnings per step and
drops the rest silently, so the most severe are kept and one `::notice` says how many
more there are and points to the job summary. Each line of a value is first made inert
(`engine.render.text.inert`: control and invisible characters as visible escapes, `##[`
broken), then escaped as the runner expects: `%`, CR and LF in the message; also `:` and
`,` in properties. So one annotation is always exactly one line of output.

`job_summary()` is the Markdown the CLI appends to `$GITHUB_STEP_SUMMARY`: verdict, tier
and its reasons, counts, and a table of findings to address, kept under GitHub's 1 MiB
per-step limit. Every piece of report text goes through `engine.render.markdown`, so
manifest text renders as text: no link, image, emphasis or HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.assessment.describe import category_short, ground_text, reason_text, roles_text
from engine.assessment.model import Finding, Report
from engine.render.markdown import cell, code
from engine.render.text import inert_lines, plural
from engine.reporters._common import by_severity, error_location, location_text, system_label
from engine.reporters.interface import Reporter
from engine.reporters.text import summary_line

#: GitHub displays at most this many annotations of each level per step
ANNOTATION_LIMIT = 10
#: stay comfortably below GitHub's 1 MiB limit for one step's summary
SUMMARY_LIMIT_BYTES = 1_000_000
_CELL_LIMIT = 1_000
_VERDICT_ICON = {"pass": "✅", "fail": "❌", "error": "⛔"}
_TABLE_STATUSES = ("error", "fail", "warn")
_STATUS_LABEL = {"error": "error", "fail": "fail", "warn": "warning"}


class GitHubAnnotationsReporter(Reporter):
    """Workflow commands for fail (`::error`) and warn (`::warning`) findings."""

    name = "github"

    def render(self, report: Report) -> str:
        errors = [_error_command(message) for message in report.errors]
        errors += [_finding_command("error", f) for f in _with_status(report, "error", "fail")]
        warnings = [_finding_command("warning", f) for f in _with_status(report, "warn")]
        lines = errors[:ANNOTATION_LIMIT] + warnings[:ANNOTATION_LIMIT]
        hidden_errors = max(0, len(errors) - ANNOTATION_LIMIT)
        hidden_warnings = max(0, len(warnings) - ANNOTATION_LIMIT)
        if hidden_errors or hidden_warnings:
            lines.append(_overflow_notice(hidden_errors, hidden_warnings))
        return "".join(f"{line}\n" for line in lines)


def escape_data(text: str) -> str:
    """Escape an annotation message: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape an annotation property value: as messages, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _inert(text: str) -> str:
    """`text` with its line breaks kept (as LF) and every line made inert."""
    return "\n".join(inert_lines(text))


def _with_status(report: Report, *statuses: str) -> list[Finding]:
    return by_severity(finding for finding in report.findings if finding.status in statuses)


def _command(level: str, message: str, **properties: str) -> str:
    props = ",".join(f"{key}={escape_property(_inert(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(_inert(message))}"


def _error_command(message: str) -> str:
    """A report error, on its file and line when it names them (as findings are)."""
    located = error_location(message)
    if located is None:
        return _command("error", message, title="ai-assure")
    return _command(
        "error", located.problem, file=located.path, line=str(located.line), title="ai-assure"
    )


def _finding_command(level: str, finding: Finding) -> str:
    message = f"{finding.message}\nControls: {', '.join(finding.controls) or 'none'}"
    if finding.remediation:
        message += f"\nFix: {finding.remediation}"
    return _command(
        level,
        message,
        file=finding.location.path,
        line=str(finding.location.line),
        title=f"{finding.rule_id} {finding.title}",
    )


def _overflow_notice(hidden_errors: int, hidden_warnings: int) -> str:
    return _command(
        "notice",
        f"{plural(hidden_errors, 'more error')} and {plural(hidden_warnings, 'more warning')} "
        f"are not shown as annotations (GitHub shows at most {ANNOTATION_LIMIT} of each); "
        "see the job summary for every finding.",
        title="ai-assure",
    )


def job_summary(report: Report) -> str:
    """The Markdown job summary: verdict, tier, counts and the findings to address."""
    head = "\n\n".join(part for part in (_heading(report), _tier(report), _errors(report)) if part)
    head += "\n\n" + _counts_table(report)
    tail = f"{code(summary_line(report))}\n"
    budget = SUMMARY_LIMIT_BYTES - _size(head) - _size(tail) - 500
    to_address = sorted(
        _with_status(report, *_TABLE_STATUSES), key=lambda f: _TABLE_STATUSES.index(f.status)
    )
    table = _findings_table(to_address, budget)
    return "\n\n".join(part for part in (head, table, tail) if part)


def _heading(report: Report) -> str:
    icon = _VERDICT_ICON[report.verdict]
    policy = report.policy
    label = system_label(report)
    identified = "" if report.system.id == "unknown" else f"{code(report.system.id)} · "
    return (
        f"## {icon} ai-assure: {report.verdict.upper()} — {_cell(report.system.name or label)}"
        f"\n\n{identified}as of {report.as_of} · fail-on **{report.fail_on}** · "
        f"policy {code(policy.revision)} from {_cell(policy.source)} ({code(policy.digest)})"
    )


def _tier(report: Report) -> str:
    eu, level = report.eu_ai_act, report.assurance_level
    if eu is None or level is None:
        reasons = "".join(f"\n- {_cell(reason)}" for reason in report.tier.reasons)
        return f"**Risk tier: {_cell(report.tier.level)}**{reasons}"
    grounds = "".join(f"\n- {_cell(ground_text(ground))}" for ground in eu.grounds)
    raised = "".join(f"\n- {_cell(reason_text(reason))}" for reason in level.reasons)
    return (
        f"**EU AI Act category: {_cell(category_short(eu))}** · roles:"
        f" {_cell(roles_text(eu))}{grounds}\n\n**Assurance level: {_cell(level.level)}**{raised}"
    )


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f"\n> - {_cell(error)}" for error in report.errors)
    return f"> **The system could not be fully assessed:**{items}"


def _counts_table(report: Report) -> str:
    counts = report.counts()
    rows = [
        ("Failed", counts["fail"]),
        ("Warnings", counts["warn"]),
        ("Waived", counts["waived"]),
        ("Passed", counts["pass"]),
        ("Not applicable", counts["not_applicable"]),
        ("Errors", counts["error"] + len(report.errors)),
    ]
    return "\n".join(["| Result | Count |", "| --- | ---: |", *(f"| {k} | {n} |" for k, n in rows)])


def _findings_table(findings: list[Finding], budget: int) -> str:
    if not findings:
        return ""
    lines = [
        "### Findings to address",
        "",
        "| Status | Severity | Rule | Finding | Controls | Location | Fix |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    kept = _within_budget((_row(finding) for finding in findings), budget - _size(*lines))
    lines += kept
    omitted = len(findings) - len(kept)
    if omitted:
        lines += [
            "",
            f"_{omitted} more findings omitted to stay within GitHub's summary limit; "
            "see the JSON or SARIF report._",
        ]
    return "\n".join(lines)


def _row(finding: Finding) -> str:
    cells = [
        _STATUS_LABEL[finding.status],
        finding.severity,
        f"{_cell(finding.rule_id)} {_cell(finding.title)}",
        _cell(finding.message),
        _cell(", ".join(finding.controls)),
        _cell(location_text(finding)),
        _cell(finding.remediation),
    ]
    return "| " + " | ".join(cells) + " |"


def _within_budget(rows: Iterable[str], budget: int) -> list[str]:
    kept: list[str] = []
    for row in rows:
        budget -= _size(row)
        if budget < 0:
            break
        kept.append(row)
    return kept


def _cell(text: str) -> str:
    """Text inert in a Markdown table cell (engine.render.markdown.cell), short enough to keep
    rows bounded."""
    if len(text) > _CELL_LIMIT:
        text = text[: _CELL_LIMIT - 1] + "…"
    return cell(text)


def _size(*texts: str) -> int:
    """Bytes the texts take as lines of UTF-8."""
    return sum(len(text.encode("utf-8")) + 1 for text in texts)
