"""DPIA and FRIA records: YAML, or Markdown with the fields in YAML front matter."""

from __future__ import annotations

import pytest

from adapters.assessment import DpiaAdapter, FriaAdapter

DPIA = b"""status: approved
approved_by: Data Protection Officer
approved_on: 2026-05-01
review_by: 2027-05-01
dpo_consulted: true
processing: Risk scores for people on probation, from OASys assessments.
necessity_and_proportionality:
  lawful_basis: public task
  minimisation: Only the fields the model uses are extracted.
risks:
  - {id: R1, description: Biased scores for some groups, likelihood: 3, impact: 4}
measures:
  - Quarterly fairness review
"""

FRIA_EXTRA = b"""affected_groups: [people on probation, victims]
specific_risks:
  - Discrimination on protected characteristics
oversight_measures: Practitioners review every score before use.
complaint_mechanism: HMPPS complaints procedure, with an appeal to the Ombudsman.
"""


def test_a_complete_dpia_has_no_missing_fields() -> None:
    parsed = DpiaAdapter().parse("dpia.yaml", DPIA)
    assert parsed.errors == []
    assert parsed.format == "yaml"
    assert parsed.facts == {
        "status": "approved",
        "approved_by": "Data Protection Officer",
        "approved_on": "2026-05-01",
        "review_by": "2027-05-01",
        "dpo_consulted": True,
        "processing": "Risk scores for people on probation, from OASys assessments.",
        "necessity_and_proportionality": {
            "lawful_basis": "public task",
            "minimisation": "Only the fields the model uses are extracted.",
        },
        "risks": [
            {"id": "R1", "description": "Biased scores for some groups", "likelihood": 3,
             "impact": 4},
        ],
        "measures": ["Quarterly fairness review"],
        "missing_fields": [],
    }  # fmt: skip


def test_a_draft_lists_what_it_still_lacks() -> None:
    facts = DpiaAdapter().parse("dpia.yaml", b"status: Draft\nprocessing: ''\nrisks: []\n").facts
    assert facts["status"] == "draft"
    assert facts["missing_fields"] == [
        "approved_by",
        "approved_on",
        "dpo_consulted",
        "measures",
        "necessity_and_proportionality",
        "processing",
        "review_by",
        "risks",
    ]


@pytest.mark.parametrize(
    "invisible",
    ["\\u00a0", "\\u2003", "\\u0085", "\\u3000", "\\u200b", "\\ufeff", "\\t", "\\u200b\\t\\u3000"],
)
def test_an_approver_of_only_invisible_characters_is_missing(invisible: str) -> None:
    """As blank as the canonical input makes it, so DPIA-001 sees what an empty one gives."""
    dpia = DPIA.replace(
        b"approved_by: Data Protection Officer", f'approved_by: "{invisible}"'.encode()
    )
    empty = DPIA.replace(b"approved_by: Data Protection Officer", b'approved_by: ""')
    facts, empty_facts = (DpiaAdapter().parse("dpia.yaml", text).facts for text in (dpia, empty))
    assert facts["missing_fields"] == empty_facts["missing_fields"] == ["approved_by"]


def test_a_status_with_invisible_characters_at_its_ends_is_that_status() -> None:
    dpia = DPIA.replace(b"status: approved", b'status: "\\u200bApproved\\u00a0"')
    parsed = DpiaAdapter().parse("dpia.yaml", dpia)
    assert parsed.errors == []
    assert parsed.facts["status"] == "approved"


def test_wrong_types_are_errors_with_lines_and_count_as_missing() -> None:
    content = b"""status: done
approved_by: DPO
approved_on: 01/05/2026
review_by: 2027-02-30
dpo_consulted: "yes"
processing: 42
necessity_and_proportionality: fine
risks: a single risk
measures: [[nested]]
"""
    parsed = DpiaAdapter().parse("dpia.yaml", content)
    assert parsed.errors == [
        "line 1: status: expected one of draft, approved, rejected, found text 'done'",
        "line 3: approved_on: expected a date written YYYY-MM-DD, found text '01/05/2026'",
        "line 4: review_by: expected a date written YYYY-MM-DD, found text '2027-02-30'",
        "line 5: dpo_consulted: expected true or false, found text 'yes'",
        "line 6: processing: expected text or a mapping, found number 42",
        "line 8: risks: expected a list of text or mapping items, found text 'a single risk'",
        "line 9: measures: expected a list of text or mapping items, found a list",
    ]
    assert parsed.facts["status"] is None
    assert parsed.facts["risks"] == []
    assert "dpo_consulted" in parsed.facts["missing_fields"]


def test_markdown_keeps_the_fields_in_front_matter() -> None:
    content = b"---\n" + DPIA + b"---\n\n# DPIA: Probation Risk Assistant\n\nStep 1 ...\n"
    parsed = DpiaAdapter().parse("dpia.md", content)
    assert parsed.errors == []
    assert parsed.format == "markdown"
    assert parsed.facts["status"] == "approved"
    assert parsed.facts["missing_fields"] == []


def test_front_matter_is_recognised_whatever_the_extension() -> None:
    content = b"---\nstatus: draft\n---\n# DPIA\n"
    assert DpiaAdapter().parse("dpia.txt", content).format == "markdown"


def test_front_matter_errors_point_at_the_file_line() -> None:
    content = b"---\nstatus: approved\ndpo_consulted: maybe\n---\n# DPIA\n"
    assert DpiaAdapter().parse("dpia.md", content).errors == [
        "line 3: dpo_consulted: expected true or false, found text 'maybe'"
    ]


def test_markdown_without_front_matter_is_read_as_a_document() -> None:
    """Nothing is invented: every field the document does not give is missing and named."""
    parsed = DpiaAdapter().parse("dpia.md", b"# DPIA\n\nWe thought about it.\n")
    assert parsed.format == "markdown-document"
    assert parsed.errors == []
    assert parsed.facts["status"] is None
    assert "status" in parsed.facts["missing_fields"]
    assert "status: not found (looked for a 'Status' line or table row)" in parsed.warnings


def test_duplicate_keys_are_refused() -> None:
    parsed = DpiaAdapter().parse("dpia.yaml", b"status: draft\nstatus: approved\n")
    assert parsed.errors == ["line 2: duplicate key 'status'"]


def test_a_list_at_the_top_is_refused() -> None:
    (error,) = DpiaAdapter().parse("dpia.yaml", b"- status: approved\n").errors
    assert error.startswith("not a DPIA in a format ai-assure reads (")
    assert error.endswith("it looks like a YAML list of no known format")


def test_a_fria_adds_the_article_27_fields() -> None:
    parsed = FriaAdapter().parse("fria.yaml", DPIA + FRIA_EXTRA)
    assert parsed.errors == []
    assert parsed.facts["affected_groups"] == ["people on probation", "victims"]
    assert parsed.facts["specific_risks"] == ["Discrimination on protected characteristics"]
    assert parsed.facts["oversight_measures"] == "Practitioners review every score before use."
    assert parsed.facts["complaint_mechanism"].startswith("HMPPS complaints procedure")
    assert parsed.facts["missing_fields"] == []


def test_a_fria_without_the_article_27_fields_lists_them_as_missing() -> None:
    facts = FriaAdapter().parse("fria.yaml", DPIA).facts
    assert facts["affected_groups"] is None
    assert facts["complaint_mechanism"] is None
    assert facts["missing_fields"] == [
        "affected_groups",
        "complaint_mechanism",
        "oversight_measures",
        "specific_risks",
    ]


def test_a_dpia_has_no_fria_fields() -> None:
    assert "affected_groups" not in DpiaAdapter().parse("dpia.yaml", DPIA).facts
