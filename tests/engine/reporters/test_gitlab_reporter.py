"""The gitlab format: a Code Quality report for the merge-request widget."""

from __future__ import annotations

import json

from engine.assessment.model import Location
from engine.reporters.gitlab import GitLabCodeQualityReporter


def render(report) -> list[dict]:
    return json.loads(GitLabCodeQualityReporter().render(report))


def test_entries_have_exactly_the_fields_gitlab_reads(report):
    for entry in render(report):
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert set(entry["location"]) == {"path", "lines"}
        assert type(entry["location"]["lines"]["begin"]) is int


def test_only_failures_and_warnings_are_listed(report):
    listed = sorted(entry["check_name"] for entry in render(report))
    assert listed == ["ATRS-001", "DPIA-001", "EVAL-002", "EVAL-002", "MON-001", "PROH-001"]


def test_severities_map_onto_gitlab_scale(build_report, make_finding):
    findings = [
        make_finding(f"S-00{n}", "fail", severity, fingerprint=f"fp{n}")
        for n, severity in enumerate(("critical", "high", "medium", "low", "info"))
    ]
    severities = {
        entry["check_name"]: entry["severity"] for entry in render(build_report(findings))
    }
    assert severities == {
        "S-000": "blocker",
        "S-001": "critical",
        "S-002": "major",
        "S-003": "minor",
        "S-004": "info",
    }


def test_description_has_rule_message_and_fix_on_one_line(report):
    entries = {entry["fingerprint"]: entry for entry in render(report)}
    assert entries["1b7c44e0aa31"]["description"] == (
        "DPIA-001 DPIA status is \"draft\", not 'approved': 100% of sign-offs missing, "
        "see <docs/dpia.yaml> & the ICO template "
        "(fix: Complete the DPIA template & record the DPO's sign-off (status: approved).)"
    )
    assert entries["77e1d0c9b8a2"]["description"].startswith("warning: MON-001 ")


def test_location_is_the_file_and_line(report):
    entries = {entry["fingerprint"]: entry for entry in render(report)}
    assert entries["1b7c44e0aa31"]["location"] == {"path": "docs/dpia.yaml", "lines": {"begin": 3}}


def test_fingerprints_are_unique_even_when_the_engine_repeats_one(build_report, make_finding):
    twice = [
        make_finding("X-001", "fail", fingerprint="same", message="first"),
        make_finding("X-001", "fail", fingerprint="same", message="second"),
        make_finding("X-001", "warn", fingerprint="same", message="third"),
    ]
    fingerprints = [entry["fingerprint"] for entry in render(build_report(twice))]
    assert fingerprints == ["same", "same:2", "same:3"]


def test_entries_are_sorted_by_path_line_and_check(build_report, make_finding):
    findings = [
        make_finding("B-001", "fail", location=Location(path="b.yaml", line=2), fingerprint="1"),
        make_finding("A-001", "fail", location=Location(path="b.yaml", line=2), fingerprint="2"),
        make_finding("C-001", "fail", location=Location(path="a.yaml", line=9), fingerprint="3"),
        make_finding("D-001", "warn", location=Location(path="b.yaml", line=1), fingerprint="4"),
    ]
    order = [entry["check_name"] for entry in render(build_report(findings))]
    assert order == ["C-001", "D-001", "A-001", "B-001"]


def test_nothing_to_report_is_an_empty_array(build_report, make_finding):
    output = GitLabCodeQualityReporter().render(build_report([make_finding("X-001", "pass")]))
    assert output == "[]\n"


def test_no_byte_order_mark_and_byte_identical_across_renders(report):
    output = GitLabCodeQualityReporter().render(report)
    assert not output.startswith("\ufeff")
    assert output == GitLabCodeQualityReporter().render(report)
