"""The sarif format: valid SARIF 2.1.0 that GitHub code scanning accepts."""

from __future__ import annotations

import json

import pytest

from engine.reporters.sarif import SECURITY_SEVERITY, GitHubSarifReporter, SarifReporter


def render(report, github: bool = False) -> dict:
    return json.loads(SarifReporter(github=github).render(report))


def run_of(report, github: bool = False) -> dict:
    (run,) = render(report, github)["runs"]
    return run


@pytest.mark.parametrize("github", [False, True])
def test_output_validates_against_both_schemas(report, error_report, sarif_validator, github):
    for each in (report, error_report):
        errors = sorted(sarif_validator.iter_errors(render(each, github)), key=str)
        assert not errors, errors[0].message


def test_schemas_reject_unknown_keys_outside_properties(report, sarif_validator):
    """Guard the guard: custom data outside `properties` must fail validation."""
    log = render(report)
    log["runs"][0]["results"][0]["severity"] = "high"
    assert not sarif_validator.is_valid(log)


def test_log_header(report):
    log = render(report)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"


def test_driver_describes_the_tool(report):
    driver = run_of(report)["tool"]["driver"]
    assert driver["name"] == "ai-assure"
    assert driver["version"] == "0.1.0"


def test_every_result_has_a_file_and_line(report):
    for result in run_of(report)["results"]:
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        assert physical["region"]["startLine"] >= 1


def test_every_result_carries_the_engine_fingerprint(report):
    results = run_of(report)["results"]
    expected = sorted(f.fingerprint for f in report.findings if f.status != "error")
    assert sorted(r["partialFingerprints"]["aiAssure/v1"] for r in results) == expected


def test_results_point_at_their_rule(report):
    run = run_of(report)
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rules_are_unique_and_complete(report):
    rules = run_of(report)["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(set(ids)) == sorted({f.rule_id for f in report.findings})
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["precision"] == "very-high"


def test_security_severity_is_a_string_per_severity(report):
    rules = {rule["id"]: rule for rule in run_of(report)["tool"]["driver"]["rules"]}
    assert rules["PROH-001"]["properties"]["security-severity"] == "9.5"
    assert rules["DPIA-001"]["properties"]["security-severity"] == "8.0"
    assert rules["GPAI-001"]["properties"]["security-severity"] == "1.0"
    for rule in rules.values():
        assert isinstance(rule["properties"]["security-severity"], str)
    assert SECURITY_SEVERITY == {
        "critical": "9.5",
        "high": "8.0",
        "medium": "5.5",
        "low": "3.0",
        "info": "1.0",
    }


def test_tags_hold_frameworks_and_controls_without_duplicates(report):
    rules = {rule["id"]: rule for rule in run_of(report)["tool"]["driver"]["rules"]}
    assert rules["DPIA-001"]["properties"]["tags"] == [
        "security",
        "EU-AI-ACT",
        "ISO42001",
        "UK-GDPR",
        "EU-AI-ACT:Art.26",
        "ISO42001:A.5.2",
        "UK-GDPR:Art.35",
    ]


def test_tags_are_capped_at_twenty(build_report, make_finding):
    controls = [f"ISO42001:A.{n}" for n in range(30)]
    run = run_of(build_report([make_finding("X-001", "fail", controls=controls)]))
    tags = run["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert len(tags) == 20
    assert len(set(tags)) == 20


def test_help_carries_remediation_controls_and_link(report):
    rules = {rule["id"]: rule for rule in run_of(report)["tool"]["driver"]["rules"]}
    prohibited = rules["PROH-001"]
    assert "Fix: Remove the practice" in prohibited["help"]["text"]
    assert "`EU-AI-ACT:Art.5`" in prohibited["help"]["markdown"]
    assert prohibited["helpUri"] == "https://example.gov.uk/ai-assure/rules/PROH-001"
    assert "helpUri" not in rules["DPIA-001"]


def test_levels_follow_status(report):
    levels = {(r["ruleId"], r["level"], r.get("kind", "fail")) for r in run_of(report)["results"]}
    assert ("PROH-001", "error", "fail") in levels
    assert ("MON-001", "warning", "fail") in levels
    assert ("SBOM-001", "none", "pass") in levels
    assert ("GPAI-001", "none", "notApplicable") in levels


def test_waived_findings_are_suppressed_with_the_justification(report):
    (waived,) = [r for r in run_of(report)["results"] if r["ruleId"] == "DPIA-002"]
    assert waived["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": (
                "DPIA review booked with the DPO, slot 2026-06-10 "
                "(GOV-123, approved by Head of AI Assurance until 2026-07-01)"
            ),
        }
    ]


def test_github_flavour_has_only_failures_and_warnings(report):
    results = run_of(report, github=True)["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
    assert all("suppressions" not in r and "kind" not in r for r in results)
    expected = sorted(f.fingerprint for f in report.findings if f.status in ("fail", "warn"))
    assert sorted(r["partialFingerprints"]["aiAssure/v1"] for r in results) == expected


def test_the_sarif_github_format_is_the_github_flavour(report):
    assert GitHubSarifReporter().render(report) == SarifReporter(github=True).render(report)


def test_automation_details_give_each_system_its_own_category(report):
    assert run_of(report)["automationDetails"]["id"] == "ai-assure/probation-risk-assistant/"


def test_rule_errors_become_notifications_not_results(report):
    run = run_of(report)
    assert "SUPP-001" not in {r["ruleId"] for r in run["results"]}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["associatedRule"]["id"] == "SUPP-001"


def test_report_errors_mark_the_execution_unsuccessful(error_report):
    (invocation,) = run_of(error_report)["invocations"]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert texts[:2] == list(error_report.errors)


def test_uris_are_relative_and_percent_encoded(build_report, make_finding):
    from engine.assessment.model import Location

    odd = make_finding("X-001", "fail", location=Location(path="docs\\my dpia.yaml", line=0))
    (result,) = run_of(build_report([odd]))["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "docs/my%20dpia.yaml"
    assert physical["region"]["startLine"] == 1


def test_sarif_is_byte_identical_across_renders(report):
    assert SarifReporter().render(report) == SarifReporter().render(report)
    assert SarifReporter(github=True).render(report) == SarifReporter(github=True).render(report)


def test_the_run_carries_both_axes_and_results_the_law_that_does_not_bind(classified_report):
    sarif = json.loads(SarifReporter().render(classified_report))
    run = sarif["runs"][0]
    assert run["properties"]["euAiAct"]["category"] == "high"
    assert run["properties"]["euAiAct"]["grounds"][0] == {
        "citation": "AnnexIII.5(a)",
        "text": "high-risk: Annex III 5(a)",
    }
    assert run["properties"]["assuranceLevel"]["level"] == "high"
    eval_results = [r for r in run["results"] if r["ruleId"] == "EVAL-002"]
    assert all(
        r["properties"]["controlsNotBinding"][0]["id"] == "EU-AI-ACT:Art.9" for r in eval_results
    )
