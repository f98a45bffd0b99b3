"""The github format: workflow-command annotations, plus the Markdown job summary."""

from __future__ import annotations

from engine.reporters.github import (
    SUMMARY_LIMIT_BYTES,
    GitHubAnnotationsReporter,
    escape_data,
    escape_property,
    job_summary,
)


def lines_of(report) -> list[str]:
    return GitHubAnnotationsReporter().render(report).splitlines()


def test_message_escaping_is_exact():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"


def test_property_escaping_is_exact():
    assert escape_property("100%\r\nnext: a, b") == "100%25%0D%0Anext%3A a%2C b"


def test_a_failure_becomes_an_error_annotation_on_its_file_and_line(report):
    (dpia,) = [line for line in lines_of(report) if "file=docs/dpia.yaml" in line]
    assert dpia == (
        "::error file=docs/dpia.yaml,line=3,"
        "title=DPIA-001 An approved DPIA exists when personal data is processed::"
        "DPIA status is \"draft\", not 'approved': 100%25 of sign-offs missing,%0A"
        "see <docs/dpia.yaml> & the ICO template%0A"
        "Controls: UK-GDPR:Art.35, ISO42001:A.5.2, EU-AI-ACT:Art.26%0A"
        "Fix: Complete the DPIA template & record the DPO's sign-off (status: approved)."
    )


def test_property_values_are_escaped(build_report, make_finding):
    from engine.assessment.model import Location

    odd = make_finding(
        "X-001", "fail", title="a: b, c", location=Location(path="dir,1/f:2.yaml", line=7)
    )
    (line,) = lines_of(build_report([odd]))
    assert line.startswith("::error file=dir%2C1/f%3A2.yaml,line=7,title=X-001 a%3A b%2C c::")


def test_warnings_become_warning_annotations(report):
    warnings = [line for line in lines_of(report) if line.startswith("::warning ")]
    assert [line.split(",title=")[1].split(" ")[0] for line in warnings] == ["MON-001", "ATRS-001"]


def test_passes_waivers_and_not_applicable_are_not_annotated(report):
    output = GitHubAnnotationsReporter().render(report)
    for rule_id in ("SBOM-001", "MCARD-001", "GPAI-001", "DPIA-002"):
        assert rule_id not in output


def test_report_errors_are_annotated_first(error_report):
    first = lines_of(error_report)[0]
    assert first == (
        "::error title=ai-assure::policy bundle signature does not verify: key id 'gov-2026'"
    )


def test_at_most_ten_of_each_level_then_one_notice(build_report, make_finding):
    findings = [make_finding(f"F-{n:03}", "fail", fingerprint=f"f{n}") for n in range(13)]
    findings += [make_finding(f"W-{n:03}", "warn", fingerprint=f"w{n}") for n in range(11)]
    lines = lines_of(build_report(findings))
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert lines[-1] == (
        "::notice title=ai-assure::3 more errors and 1 more warning are not shown as "
        "annotations (GitHub shows at most 10 of each); see the job summary for every finding."
    )


def test_the_most_severe_failures_survive_the_cap(build_report, make_finding):
    findings = [make_finding(f"L-{n:03}", "fail", "low", fingerprint=f"l{n}") for n in range(10)]
    findings.append(make_finding("C-001", "fail", "critical"))
    assert "title=C-001 " in lines_of(build_report(findings))[0]


def test_no_notice_when_everything_fits(report):
    assert not any(line.startswith("::notice") for line in lines_of(report))


def test_nothing_to_say_is_empty(build_report, make_finding):
    assert GitHubAnnotationsReporter().render(build_report([make_finding("X", "pass")])) == ""


def test_annotations_are_byte_identical_across_renders(report):
    assert GitHubAnnotationsReporter().render(report) == GitHubAnnotationsReporter().render(report)


def test_job_summary_has_verdict_tier_and_counts(report):
    summary = job_summary(report)
    assert summary.startswith("## ❌ ai-assure: FAIL — Probation Risk Assistant\n")
    reason = "EU AI Act Annex III area: administration\\_of\\_justice"  # `_` escaped
    assert f"**Risk tier: high**\n- {reason}" in summary
    assert "| Failed | 4 |" in summary
    assert "| Not applicable | 1 |" in summary
    assert summary.endswith(
        "`ai-assure: FAIL — 4 failed (1 critical, 3 high), 2 warnings, 1 waived, 2 passed, "
        "1 not applicable, 1 error · tier high · policy 0.1.0`\n"
    )


def test_job_summary_table_lists_findings_to_address_with_their_fix(report):
    summary = job_summary(report)
    (row,) = [line for line in summary.splitlines() if "| DPIA-001 " in line]
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert cells == [
        "fail",
        "high",
        "DPIA-001 An approved DPIA exists when personal data is processed",
        "DPIA status is \"draft\", not 'approved': 100% of sign-offs missing,<br>"
        "see &lt;docs/dpia.yaml&gt; &amp; the ICO template",
        "UK-GDPR:Art.35, ISO42001:A.5.2, EU-AI-ACT:Art.26",
        "docs/dpia.yaml:3",
        "Complete the DPIA template &amp; record the DPO's sign-off (status: approved).",
    ]
    assert "SBOM-001" not in summary


def test_job_summary_escapes_table_pipes(build_report, make_finding):
    piped = make_finding("X-001", "fail", message="a | b")
    assert "| a \\| b |" in job_summary(build_report([piped]))


def test_job_summary_shows_report_errors(error_report):
    summary = job_summary(error_report)
    assert summary.startswith("## ⛔ ai-assure: ERROR")
    assert "> - evaluator failed:<br>regopy returned no result for data.ai\\_assure" in summary


def test_job_summary_stays_under_the_step_limit(build_report, make_finding):
    findings = [
        make_finding(f"X-{n:04}", "fail", message="m" * 5_000, fingerprint=str(n))
        for n in range(2_000)
    ]
    summary = job_summary(build_report(findings))
    assert len(summary.encode("utf-8")) <= SUMMARY_LIMIT_BYTES < 1024 * 1024
    assert "more findings omitted to stay within GitHub's summary limit" in summary
    assert summary.endswith("· tier high · policy 0.1.0`\n")


def test_job_summary_is_byte_identical_across_renders(report):
    assert job_summary(report) == job_summary(report)
