"""The html format: one self-contained, well-formed, accessible page holding the whole
assessment record, with every string from the report escaped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.assessment.findings import control_results
from engine.assessment.model import Report, RiskRecord, RiskScore, Waiver
from engine.reporters.html import HtmlReporter, catalogue_titles
from tests.html_tree import Node, external_loads, parse

SECTIONS = ("tier", "coverage", "findings", "exceptions", "risks", "evidence", "provenance")

RISKS = [
    RiskRecord(
        id="PRA-R-001",
        title="Suggested bands are less accurate for some ethnic groups",
        category="bias",
        likelihood=3,
        impact=4,
        residual=RiskScore(likelihood=2, impact=3),
        treatment="mitigate",
        owner="Head of Data Science",
    ),
    RiskRecord(
        id="PRA-R-002", title="Automation bias", category="oversight", likelihood=3, impact=4
    ),
]


@pytest.fixture
def full_report(report: Report) -> Report:
    """The shared fixture report with per-control results and risks, as `check` fills them."""
    findings = [
        replace(f, waiver=Waiver(ticket="GOV-123", approved_by="DPO", expires="2026-07-01"))
        if f.status == "waived"
        else f
        for f in report.findings
    ]
    return replace(report, findings=findings, controls=control_results(findings), risks=RISKS)


def render(report: Report) -> str:
    return HtmlReporter().render(report)


def page_of(report: Report) -> Node:
    return parse(render(report))


def test_the_page_is_well_formed_html_with_a_language_title_and_charset(full_report):
    page = render(full_report)
    assert page.startswith("<!DOCTYPE html>\n")
    tree = parse(page)
    assert tree.find("html").attrs["lang"] == "en"
    assert tree.find("meta", charset="utf-8")
    assert tree.find("title").text() == "AI assurance report: Probation Risk Assistant"


def test_the_page_loads_nothing_from_anywhere(full_report):
    page = render(full_report)
    assert external_loads(page) == []
    policy = parse(page).find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in policy


def test_every_section_of_the_assessment_record_is_present(full_report):
    tree = page_of(full_report)
    for anchor in SECTIONS:
        section = tree.find("section", id=anchor)
        assert section.attrs["aria-labelledby"] == f"{anchor}-title"
        assert tree.find("h2", id=f"{anchor}-title")


def test_the_verdict_is_shown_in_words_and_colour(full_report):
    verdict = page_of(full_report).find("div", class_="verdict")
    assert "v-fail" in verdict.attrs["class"]
    assert verdict.find("strong").text() == "Verdict: FAIL"
    assert "4 failed" in verdict.text() and "1 waived" in verdict.text()


def test_the_tier_and_its_reasons_are_listed(full_report):
    tier = page_of(full_report).find("section", id="tier")
    assert "high risk, because:" in tier.text()
    items = [item.text() for item in tier.find_all("li")]
    assert items == list(full_report.tier.reasons)


def test_findings_are_grouped_by_framework_then_control(full_report):
    findings = page_of(full_report).find("section", id="findings")
    frameworks = [heading.text() for heading in findings.find_all("h3")]
    names, _ = catalogue_titles()
    assert frameworks == [
        names["EU-AI-ACT"],
        names["ISO42001"],
        names["NIST-AI-RMF"],
        names["UK-AI-CYBER-COP"],
        names["UK-ATRS"],
        names["UK-GDPR"],
    ]
    gdpr = _groups(findings.find_all("table")[-1])
    assert list(gdpr) == ["UK-GDPR:Art.35"]
    assert gdpr["UK-GDPR:Art.35"] == ["DPIA-001", "DPIA-002"]


def _groups(table: Node) -> dict[str, list[str]]:
    """Control id -> the rule ids listed under it, in order."""
    groups: dict[str, list[str]] = {}
    for body in table.find_all("tbody"):
        control = body.find("th", scope="rowgroup").find("code").text()
        groups[control] = [row.text() for row in body.find_all("th", scope="row")]
    return groups


def test_a_finding_appears_under_each_control_it_maps_to(full_report):
    findings = page_of(full_report).find("section", id="findings")
    listed_under = [
        control
        for table in findings.find_all("table")
        for control, rules in _groups(table).items()
        if "DPIA-001" in rules
    ]
    assert listed_under == ["EU-AI-ACT:Art.26", "ISO42001:A.5.2", "UK-GDPR:Art.35"]


def test_control_headings_carry_the_catalogue_title_and_the_control_status(full_report):
    findings = page_of(full_report).find("section", id="findings")
    _, titles = catalogue_titles()
    heading = next(
        th
        for th in findings.find_all("th", scope="rowgroup")
        if th.find("code").text() == "UK-GDPR:Art.35"
    )
    assert titles["UK-GDPR:Art.35"] in heading.text()
    assert heading.find("span", class_="badge").text() == "fail"


def test_coverage_counts_controls_by_status_per_framework(full_report):
    coverage = page_of(full_report).find("section", id="coverage")
    names, _ = catalogue_titles()
    rows = {
        row.find("th").text(): [td.text() for td in row.find_all("td")]
        for row in coverage.find("tbody").find_all("tr")
    }
    # ISO 42001: A.2.2, A.5.2 and A.7.4 fail, A.6.2.6 warns, A.6.2.7 passes, A.10.3 is an error
    assert rows[names["ISO42001"]] == ["6", "1", "3", "1", "0", "0", "1"]
    assert rows[names["UK-GDPR"]] == ["1", "0", "1", "0", "0", "0", "0"]
    headers = [th.text() for th in coverage.find("thead").find_all("th")]
    assert headers == [
        "Framework",
        "Controls",
        "pass",
        "fail",
        "warn",
        "waived",
        "not applicable",
        "error",
    ]


def test_a_waived_finding_shows_the_approval_that_waived_it(full_report):
    findings = page_of(full_report).find("section", id="findings")
    assert "Waived: exception GOV-123, approved by DPO, until 2026-07-01" in findings.text()


def test_exceptions_are_listed_with_their_status(full_report):
    exceptions = page_of(full_report).find("section", id="exceptions")
    row = exceptions.find("tbody").find("tr")
    assert row.find("th").text() == "DPIA-002"
    assert row.find("span", class_="badge").text() == "approved"
    assert "GOV-123" in row.text() and "2026-07-01" in row.text()


def test_the_heat_maps_place_each_risk_at_its_likelihood_and_impact(full_report):
    risks = page_of(full_report).find("section", id="risks")
    inherent, residual = risks.find_all("table", class_="heat")
    assert _cell(inherent, 3, 4) == "12 high PRA-R-001, PRA-R-002"
    assert _cell(residual, 2, 3) == "6 medium PRA-R-001"
    assert _cell(residual, 3, 4) == "12 high PRA-R-002"  # not re-scored: the inherent score stands
    assert _cell(residual, 1, 1) == "1 low"


def _cell(heat: Node, likelihood: int, impact: int) -> str:
    """The text of the heat map cell at (likelihood, impact): rows run 5 down to 1."""
    row = heat.find("tbody").find_all("tr")[5 - likelihood]
    assert row.find("th").text() == f"Likelihood {likelihood}"
    return row.find_all("td")[impact - 1].text()


def test_every_heat_map_cell_states_its_score_and_band_so_colour_is_not_the_only_signal(
    full_report,
):
    heat = page_of(full_report).find("table", class_="heat")
    cells = heat.find("tbody").find_all("td")
    assert len(cells) == 25
    assert all(cell.find("span", class_="score").text() for cell in cells)
    assert heat.find("caption").text() == "Inherent risk (before treatment)"


def test_the_risk_table_says_when_a_risk_has_no_residual_score(full_report):
    risks = page_of(full_report).find("section", id="risks")
    table = next(t for t in risks.find_all("table") if "heat" not in t.attrs.get("class", ""))
    rows = {row.find("th").text(): row.text() for row in table.find("tbody").find_all("tr")}
    assert "3 x 4 = 12 (high) 2 x 3 = 6 (medium)" in rows["PRA-R-001"]
    assert "not scored: the inherent score stands" in rows["PRA-R-002"]


def test_evidence_is_listed_with_its_sha256_digest(full_report):
    evidence = page_of(full_report).find("section", id="evidence")
    assert "ab" * 32 in evidence.text()
    statuses = [badge.text() for badge in evidence.find_all("span", class_="badge")]
    assert statuses == ["ok", "invalid"]


def test_policy_revision_digest_and_tool_version_are_recorded(full_report):
    provenance = page_of(full_report).find("section", id="provenance").text()
    for fact in ("bundled", "0.1.0", "sha256:3f2a9c", "2026-05-01", "ai-assure/report/v1"):
        assert fact in provenance


def test_an_error_report_lists_its_errors_and_says_the_tier_is_not_determined(error_report):
    tree = page_of(error_report)
    errors = [item.text() for item in tree.find("section", id="errors").find_all("li")]
    assert errors[0] == "policy bundle signature does not verify: key id 'gov-2026'"
    assert "v-error" in tree.find("div", class_="verdict").attrs["class"]


def test_hostile_strings_are_escaped_everywhere(full_report, make_finding):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    report = replace(
        full_report,
        system=replace(full_report.system, name=hostile),
        findings=[
            make_finding("EVIL-001", "fail", message=hostile, title=hostile, remediation=hostile)
        ],
        risks=[replace(RISKS[0], title=hostile, id=hostile)],
        errors=[hostile],
    )
    page = render(report)
    assert "<script" not in page and "<img" not in page
    assert external_loads(page) == []
    tree = parse(page)
    assert tree.find("h1").text() == f"AI assurance report: {hostile}"
    assert hostile in tree.find("section", id="findings").text()


def test_only_http_links_are_made_from_help_uris(build_report, make_finding):
    report = build_report(
        [
            make_finding("GOOD-001", "fail", help_uri="https://example.gov.uk/rules/GOOD-001"),
            make_finding("EVIL-001", "fail", help_uri="javascript:alert(1)"),
        ]
    )
    links = [a.attrs["href"] for a in page_of(report).find_all("a")]
    assert links == ["https://example.gov.uk/rules/GOOD-001"]


def test_findings_without_a_control_are_listed_last(build_report, make_finding):
    report = build_report([make_finding("LOCAL-001", "warn", controls=[])])
    findings = page_of(report).find("section", id="findings")
    assert findings.find_all("h3")[-1].text() == "(no control)"
    assert "Findings not mapped to any control" in findings.text()


def test_a_report_without_risks_exceptions_or_evidence_says_so(build_report):
    tree = page_of(build_report([]))
    assert "The manifest records no risks." in tree.find("section", id="risks").text()
    assert "No exception was requested." in tree.find("section", id="exceptions").text()
    assert "No evidence was gathered." in tree.find("section", id="evidence").text()


def test_tables_head_their_columns_and_rows_for_screen_readers(full_report):
    tree = page_of(full_report)
    for table in tree.find_all("table"):
        assert table.find("caption").text()
        assert all(
            th.attrs.get("scope") in ("col", "row", "rowgroup") for th in table.find_all("th")
        )


def test_the_same_report_renders_to_the_same_bytes(full_report):
    assert render(full_report) == render(replace(full_report))


def test_the_gate_threshold_is_described_in_words(full_report):
    high = page_of(full_report).find("dl", class_="facts").text()
    assert "failed findings of severity high or worse" in high
    never = page_of(replace(full_report, fail_on="never"))
    assert "findings do not fail the gate" in never.find("dl", class_="facts").text()


def test_both_axes_have_their_own_sections(classified_report):
    page = page_of(classified_report)
    eu = page.find("section", id="eu-ai-act")
    assert "AnnexIII.5(a): high-risk: Annex III 5(a)" in eu.text()
    assurance = page.find("section", id="assurance-level")
    assert "medium (UK GDPR): a DPIA is required: <large scale>" in assurance.text()
    assert page.find_all("section", id="tier") == []
