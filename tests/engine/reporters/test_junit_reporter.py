"""The junit format: one testcase per rule, valid against the strict Jenkins xUnit schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from engine.reporters.junit import JUnitReporter

CLASS = "ai-assure.probation-risk-assistant"


def render(report) -> ET.Element:
    return ET.fromstring(JUnitReporter().render(report))


def case(root: ET.Element, rule_id: str) -> ET.Element:
    (found,) = [c for c in root.iter("testcase") if c.get("name", "").startswith(f"{rule_id} ")]
    return found


def test_output_validates_against_the_strict_xsd(report, error_report, junit_schema):
    for each in (report, error_report):
        junit_schema.validate(JUnitReporter().render(each))


def test_xsd_rejects_what_it_should(junit_schema):
    """Guard the guard: the schema really rejects the attribute junit-xml 1.9 writes."""
    assert not junit_schema.is_valid('<testsuites disabled="0"/>')


def test_one_testcase_per_rule_with_unique_classname_and_name(report):
    root = render(report)
    pairs = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(pairs) == len(set(pairs)) == len({f.rule_id for f in report.findings})


def test_classname_groups_by_system_and_rule_domain(report):
    root = render(report)
    testcase = case(root, "DPIA-001")
    assert testcase.get("classname") == f"{CLASS}.dpia"
    assert (
        testcase.get("name") == "DPIA-001 An approved DPIA exists when personal data is processed"
    )


def test_a_failure_has_a_message_and_a_body_with_location_controls_and_fix(report):
    failure = case(render(report), "DPIA-001").find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "DPIA status is \"draft\", not 'approved': 100% of sign-offs missing,"
    )
    assert failure.get("type") == "high"
    body = failure.text or ""
    assert "see <docs/dpia.yaml> & the ICO template" in body
    assert "at docs/dpia.yaml:3" in body
    assert "controls: UK-GDPR:Art.35, ISO42001:A.5.2, EU-AI-ACT:Art.26" in body
    assert "fix: Complete the DPIA template & record the DPO's sign-off" in body


def test_findings_of_one_rule_aggregate_into_one_testcase(report):
    testcase = case(render(report), "EVAL-002")
    failure = testcase.find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith("2 findings: ")
    assert "at reports/eval.json:1" in (failure.text or "")
    assert "at reports/eval-holdout.json:1" in (failure.text or "")


def test_a_warning_passes_with_the_warning_in_system_out(report):
    testcase = case(render(report), "MON-001")
    assert [child.tag for child in testcase] == ["system-out"]
    assert "monitoring plan has no review_by date" in (testcase.findtext("system-out") or "")


def test_waived_and_not_applicable_are_skipped_with_a_reason(report):
    root = render(report)
    waived = case(root, "DPIA-002").find("skipped")
    assert waived is not None
    assert waived.get("message") == (
        "waived: DPIA review booked with the DPO, slot 2026-06-10 "
        "(GOV-123, approved by Head of AI Assurance until 2026-07-01)"
    )
    not_applicable = case(root, "GPAI-001").find("skipped")
    assert not_applicable is not None
    assert not_applicable.get("message", "").startswith("not applicable: ")


def test_a_pass_is_an_empty_testcase(report):
    assert list(case(render(report), "SBOM-001")) == []


def test_a_rule_error_is_an_error(report):
    error = case(render(report), "SUPP-001").find("error")
    assert error is not None
    assert "could not be parsed" in (error.text or "")


def test_a_failure_outranks_other_outcomes_of_the_same_rule(build_report, make_finding):
    mixed = build_report([make_finding("X-001", "pass"), make_finding("X-001", "fail")])
    testcase = case(render(mixed), "X-001")
    assert [child.tag for child in testcase] == ["failure"]


def test_report_errors_become_one_error_testcase(error_report):
    root = render(error_report)
    (testcase,) = [c for c in root.iter("testcase") if c.get("classname") == f"{CLASS}.engine"]
    error = testcase.find("error")
    assert error is not None
    assert error.get("message") == "policy bundle signature does not verify: key id 'gov-2026'"
    assert "regopy returned no result" in (error.text or "")


def test_counts_match_the_testcases(report):
    root = render(report)
    suite = root.find("testsuite")
    assert suite is not None
    expected = {"tests": "10", "failures": "3", "errors": "1", "skipped": "2"}
    assert {key: suite.get(key) for key in expected} == expected
    assert {key: root.get(key) for key in ("tests", "failures", "errors")} == {
        "tests": "10",
        "failures": "3",
        "errors": "1",
    }
    assert root.get("skipped") is None


def test_suite_properties_carry_the_assessment_context(report):
    properties = {p.get("name"): p.get("value") for p in render(report).iter("property")}
    assert properties["ai-assure.verdict"] == "fail"
    assert properties["ai-assure.tier"] == "high"
    assert properties["ai-assure.policy.revision"] == "0.1.0"


def test_control_characters_show_as_escapes_so_the_xml_stays_well_formed(
    build_report, make_finding
):
    hostile = make_finding("X-001", "fail", message="bad \x00\x1b byte")
    failure = case(render(build_report([hostile])), "X-001").find("failure")
    assert failure is not None
    assert failure.get("message") == "bad \\x00\\x1b byte"


def test_no_line_of_the_file_can_begin_a_workflow_command(build_report, make_finding):
    hostile = make_finding("X-001", "fail", message="ok\n::add-mask::x\n  ::error::y ##[error]z")
    text = JUnitReporter().render(build_report([hostile]))
    assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert "##[" not in text


def test_no_timestamps_and_byte_identical_across_renders(report):
    first = JUnitReporter().render(report)
    assert first == JUnitReporter().render(report)
    assert "timestamp" not in first
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')


def test_the_failure_body_also_mentions_other_notable_findings_of_the_rule(
    build_report, make_finding
):
    mixed = build_report(
        [
            make_finding("X-001", "fail", message="broken here"),
            make_finding("X-001", "warn", message="shaky there"),
            make_finding("X-001", "pass", message="fine elsewhere"),
        ]
    )
    failure = case(render(mixed), "X-001").find("failure")
    assert failure is not None
    assert failure.get("message") == "broken here"
    body = failure.text or ""
    assert "FAIL [high] broken here" in body
    assert "WARN [high] shaky there" in body
    assert "fine elsewhere" not in body
