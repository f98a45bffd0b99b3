"""The text format: what a developer reads in a terminal or a CI log."""

from __future__ import annotations

from dataclasses import replace

from engine.reporters.text import TextReporter, summary_line

SUMMARY = (
    "ai-assure: FAIL — 4 failed (1 critical, 3 high), 2 warnings, 1 waived, 2 passed, "
    "1 not applicable, 1 error · tier high · policy 0.1.0"
)


def test_the_last_line_is_the_summary(report):
    output = TextReporter().render(report)
    assert output.endswith("\n")
    assert output.splitlines()[-1] == SUMMARY
    assert summary_line(report) == SUMMARY


def test_no_ansi_codes_without_color(report):
    assert "\x1b" not in TextReporter().render(report)
    assert "\x1b" not in TextReporter(color=False).render(report)


def test_color_is_added_only_when_asked(report):
    output = TextReporter(color=True).render(report)
    assert "\x1b[1;31mCRITICAL\x1b[0m" in output
    assert output.splitlines()[-1] == f"\x1b[1;31m{SUMMARY}\x1b[0m"


def test_findings_are_grouped_by_severity_then_control(report):
    output = TextReporter().render(report)
    headings = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
    positions = [output.index(f"\n{heading}\n") for heading in headings]
    assert positions == sorted(positions)
    high = output[output.index("\nHIGH\n") : output.index("\nMEDIUM\n")]
    assert high.index("  NIST-AI-RMF:MEASURE-2.11\n") < high.index("  UK-GDPR:Art.35\n")
    assert "\nINFO\n" not in output


def test_a_failure_shows_rule_message_location_controls_and_fix(report):
    output = TextReporter().render(report)
    assert "    FAIL DPIA-001 An approved DPIA exists when personal data is processed\n" in output
    assert "      see <docs/dpia.yaml> & the ICO template\n" in output
    assert (
        "      at docs/dpia.yaml:3 · controls UK-GDPR:Art.35, ISO42001:A.5.2, EU-AI-ACT:Art.26\n"
        in output
    )
    assert "      fix: Complete the DPIA template & record the DPO's sign-off" in output


def test_warnings_and_rule_errors_are_listed_with_their_status(report):
    output = TextReporter().render(report)
    assert "    WARN MON-001 The monitoring plan has a review date\n" in output
    assert "    ERROR SUPP-001 Supplier assessment is complete\n" in output


def test_passes_and_not_applicable_are_counted_not_listed(report):
    output = TextReporter().render(report)
    assert "2 passed and 1 not applicable (not listed)" in output
    for rule_id in ("SBOM-001", "MCARD-001", "GPAI-001"):
        assert rule_id not in output


def test_waived_findings_show_the_exception(report):
    output = TextReporter().render(report)
    assert (
        "  DPIA-002 The DPIA has been reviewed in the last 12 months: "
        "DPIA review booked with the DPO, slot 2026-06-10 "
        "(GOV-123, approved by Head of AI Assurance until 2026-07-01)"
    ) in output


def test_tier_reasons_are_shown_and_evidence_problems_left_to_the_findings(report):
    output = TextReporter().render(report)
    assert "risk tier: high\n  - EU AI Act Annex III area: administration_of_justice\n" in output
    assert output.count("mapping values are not allowed here") == 1  # the finding, once


def test_evidence_problems_are_listed_when_no_rule_ran(report):
    output = TextReporter().render(replace(report, findings=[]))
    assert (
        "  ! supplier_assessments suppliers/vendor.yaml (invalid): "
        "line 4: mapping values are not allowed here"
    ) in output


def test_report_errors_come_before_findings(error_report):
    output = TextReporter().render(error_report)
    errors_at = output.index("ERRORS: the system could not be fully assessed")
    assert errors_at < output.index("CRITICAL")
    assert "  ! evaluator failed:\n    regopy returned no result for data.ai_assure\n" in output
    assert output.splitlines()[-1].startswith("ai-assure: ERROR — ")
    assert ", 3 errors · " in output.splitlines()[-1]


def test_control_characters_in_content_cannot_reach_the_terminal(build_report, make_finding):
    hostile = make_finding("X-001", "fail", message="evil \x1b[2J\x07 text")
    output = TextReporter().render(build_report([hostile]))
    assert "\x1b" not in output
    assert "evil \\x1b[2J\\x07 text" in output


def test_a_clean_pass_prints_counts_and_summary(build_report, make_finding):
    passing = build_report([make_finding("SBOM-001", "pass")], verdict="pass")
    output = TextReporter().render(passing)
    assert "1 passed and 0 not applicable (not listed)" in output
    assert output.splitlines()[-1] == (
        "ai-assure: PASS — 0 failed, 0 warnings, 1 passed, 0 not applicable "
        "· tier high · policy 0.1.0"
    )


def test_text_is_byte_identical_across_renders(report):
    assert TextReporter().render(report) == TextReporter().render(report)


def test_both_axes_head_the_report_and_a_mapped_article_that_does_not_bind_is_named(
    classified_report,
):
    output = TextReporter().render(classified_report)
    assert (
        "EU AI Act category: high\n"
        "  in scope: yes (in scope: Art.2(1)(b)) · roles: deployer · not a general-purpose AI"
        " model provider\n"
        "  - AnnexIII.5(a): high-risk: Annex III 5(a)\n"
        "  - Art.3(4): the organisation is a deployer\n"
        "assurance level: high\n"
        "  - high (EU AI Act): the EU AI Act category from the facts is high (AnnexIII.5(a))\n"
        "  - medium (UK GDPR): a DPIA is required: <large scale>\n"
    ) in output
    assert "risk tier" not in output
    assert "      does not bind this system: EU-AI-ACT:Art.9 (not_applicable)\n" in output
    assert output.rstrip().endswith("· EU AI Act high · assurance high · policy 0.1.0")
