"""SARIF 2.1.0 for code scanning (GitHub) and other SARIF consumers.

Every result is anchored to a file and line (GitHub rejects a whole upload for one
unlocated result) and carries `partialFingerprints["aiAssure/v1"]`, the engine's stable
fingerprint, so alerts survive line moves. Rules carry a `security-severity` (a string,
as GitHub requires) and the `security` tag that makes GitHub show it. Custom data lives
only under `properties`, since every other SARIF object rejects unknown keys.

Two flavours: the default includes every finding (pass and not_applicable with their
`kind`, waived ones with an external suppression) for auditors and SARIF viewers;
`github=True` (format `sarif-github`) emits only fail and warn results, because code
scanning ignores `kind: pass` and suppressions (a waived finding would be an open alert).
Findings whose rule errored and report errors become `toolExecutionNotifications`, and
`executionSuccessful` is false when the verdict is error.

`automationDetails.id` ends with a slash: GitHub takes everything up to the last slash as
the analysis category, so `ai-assure/<system id>/` gives each system its own category.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from engine import __url__
from engine.assessment.model import Finding, Report, SourceRef, to_data
from engine.render.jsondoc import dumps as json_document
from engine.reporters._common import error_location, framework_of, group_by_rule, waiver_text
from engine.reporters.interface import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "aiAssure/v1"
MAX_TAGS = 20

SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "1.0"}
_DEFAULT_LEVEL = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "info": "note",
}
_RESULT_LEVEL = {"fail": "error", "warn": "warning", "waived": "error"}
_RESULT_KIND = {"pass": "pass", "not_applicable": "notApplicable"}
_GITHUB_STATUSES = ("fail", "warn")
_DEFAULT_STATUSES = ("fail", "warn", "waived", "pass", "not_applicable")

Json = dict[str, Any]


class SarifReporter(Reporter):
    """One SARIF run for the assessed system; `github=True` for the code-scanning flavour."""

    name = "sarif"

    def __init__(self, github: bool = False) -> None:
        self.github = github

    def render(self, report: Report) -> str:
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [self._run(report)]}
        return json_document(log)

    def _run(self, report: Report) -> Json:
        groups = group_by_rule(report.findings)
        rule_ids = sorted(groups)
        index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
        statuses = _GITHUB_STATUSES if self.github else _DEFAULT_STATUSES
        results = [
            _result(report, finding, index[finding.rule_id])
            for finding in report.findings
            if finding.status in statuses
        ]
        run = {
            "tool": {"driver": _driver(report, [groups[rule_id][0] for rule_id in rule_ids])},
            "automationDetails": {"id": f"ai-assure/{report.system.id}/"},
            "invocations": [_invocation(report, index)],
            "results": results,
            "properties": _run_properties(report),
        }
        if report.source is not None:
            run["versionControlProvenance"] = [_provenance(report.source)]
        return run


class GitHubSarifReporter(SarifReporter):
    """The code-scanning flavour as a format of its own, for `--format sarif-github=FILE`."""

    name = "sarif-github"

    def __init__(self) -> None:
        super().__init__(github=True)


def _provenance(source: SourceRef) -> Json:
    """The checkout assessed: its repository, commit and branch (SARIF versionControlDetails)."""
    details: Json = {"repositoryUri": source.repository, "revisionId": source.commit}
    if source.branch:
        details["branch"] = source.branch
    return details


def _driver(report: Report, rules: list[Finding]) -> Json:
    return {
        "name": report.tool.name,
        "informationUri": __url__,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "rules": [_rule(finding) for finding in rules],
    }


def _rule(finding: Finding) -> Json:
    """A reportingDescriptor built from the rule's metadata carried on its first finding."""
    controls = ", ".join(finding.controls) or "none"
    rule: Json = {
        "id": finding.rule_id,
        "name": _identifier(finding.title) or _identifier(finding.rule_id) or "Rule",
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": f"{finding.title}. Controls: {controls}."},
        "help": {"text": _help_text(finding), "markdown": _help_markdown(finding)},
        "defaultConfiguration": {"level": _DEFAULT_LEVEL[finding.severity]},
        "properties": {
            "tags": _tags(finding.controls),
            "security-severity": SECURITY_SEVERITY[finding.severity],
            "precision": "very-high",
        },
    }
    if finding.help_uri:
        rule["helpUri"] = finding.help_uri
    return rule


def _help_text(finding: Finding) -> str:
    lines = [finding.title, f"Controls: {', '.join(finding.controls) or 'none'}"]
    if finding.remediation:
        lines.append(f"Fix: {finding.remediation}")
    return "\n".join(lines)


def _help_markdown(finding: Finding) -> str:
    controls = ", ".join(f"`{control}`" for control in finding.controls) or "none"
    parts = [f"**{finding.title}**", f"**Controls:** {controls}"]
    if finding.remediation:
        parts.append(f"**Fix:** {finding.remediation}")
    if finding.help_uri:
        parts.append(f"[More about {finding.rule_id}]({finding.help_uri})")
    return "\n\n".join(parts)


def _tags(controls: list[str]) -> list[str]:
    """`security`, then framework names, then control ids: unique, at most `MAX_TAGS`."""
    frameworks = sorted({framework_of(control) for control in controls})
    tags = dict.fromkeys(["security", *frameworks, *sorted(controls)])
    return list(tags)[:MAX_TAGS]


def _result(report: Report, finding: Finding, rule_index: int) -> Json:
    result: Json = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "message": {"text": finding.message or finding.title},
        "locations": [_location(finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.status in _RESULT_KIND:
        result["kind"] = _RESULT_KIND[finding.status]
        result["level"] = "none"
    else:
        result["level"] = _RESULT_LEVEL[finding.status]
    if finding.controls_not_binding:  # mapped law that does not bind this system: never failed
        result["properties"] = {
            "controlsNotBinding": [
                {"id": c.id, "status": c.status, "reason": c.reason}
                for c in finding.controls_not_binding
            ]
        }
    if finding.status == "waived":
        justification = waiver_text(report, finding)
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": justification}
        ]
    return result


def _location(finding: Finding) -> Json:
    return _physical(finding.location.path, finding.location.line)


def _physical(path: str, line: int) -> Json:
    uri = quote(path.replace("\\", "/"), safe="/")
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": max(1, line)},
        }
    }


def _invocation(report: Report, rule_index: dict[str, int]) -> Json:
    notifications = [_notification(error) for error in report.errors]
    notifications += [
        _notification(f"{finding.rule_id} could not be evaluated: {finding.message}")
        | {"associatedRule": {"id": finding.rule_id, "index": rule_index[finding.rule_id]}}
        for finding in report.findings
        if finding.status == "error"
    ]
    return {
        "executionSuccessful": report.verdict != "error",
        "toolExecutionNotifications": notifications,
    }


def _notification(text: str) -> Json:
    """An error as a notification, on its file and line when it names them."""
    located = error_location(text)
    if located is None:
        return {"level": "error", "message": {"text": text}}
    return {
        "level": "error",
        "message": {"text": located.problem},
        "locations": [_physical(located.path, located.line)],
    }


def _run_properties(report: Report) -> Json:
    return {
        "system": {"id": report.system.id, "name": report.system.name},
        "asOf": report.as_of,
        "failOn": report.fail_on,
        "verdict": report.verdict,
        "tier": {"level": report.tier.level, "reasons": list(report.tier.reasons)},
        **_axes(report),
        "policy": to_data(report.policy),
    }


def _axes(report: Report) -> Json:
    """Both axes of the classification, when the check got that far."""
    eu, level = report.eu_ai_act, report.assurance_level
    if eu is None or level is None:
        return {}
    return {
        "euAiAct": {
            "category": eu.category,
            "inScope": eu.in_scope,
            "scope": eu.scope,
            "roles": list(eu.roles),
            "gpaiModel": eu.gpai_model,
            "gpaiSystemicRisk": eu.gpai_systemic_risk,
            "grounds": [{"citation": g.citation, "text": g.text} for g in eu.grounds],
            "dateSchedule": eu.date_schedule,
        },
        "assuranceLevel": {
            "level": level.level,
            "reasons": to_data(level.reasons),
        },
        "openQuestions": len(report.questions),
    }


def _identifier(title: str) -> str:
    """A Pascal identifier from a title, SARIF's convention for `reportingDescriptor.name`,
    as the SARIF Multitool checks it (SARIF2012): words of one capital followed by lower-case
    letters or digits (`DPIA` becomes `Dpia`). Digits join the word before them; a word that
    cannot be written so (one letter, letters without case) is left out."""
    name = ""
    for word in "".join(ch if ch.isalnum() else " " for ch in title).split():
        if word[0].isdigit():
            name += word.lower() if name else ""
            continue
        word = word[0].upper() + word[1:].lower()
        if len(word) > 1 and word[0].isupper() and all(_lower_or_digit(ch) for ch in word[1:]):
            name += word
    return name


def _lower_or_digit(ch: str) -> bool:
    return ch.islower() or ch.isdecimal()
