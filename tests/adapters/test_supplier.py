"""Supplier assessments: the `ai-assure/supplier-assessment/v1` YAML record."""

from __future__ import annotations

import pytest

from adapters.supplier import SupplierAssessmentAdapter

parse = SupplierAssessmentAdapter().parse

RECORD = b"""apiVersion: ai-assure/supplier-assessment/v1
supplier: Acme Speech Ltd
models: [acme-transcribe-v3]
assessed_on: 2026-06-01
assessed_by: Commercial Assurance Team
data_residency: UK
training_data_provenance: Licensed call-centre audio; no customer data.
incident_notification_hours: 24
audit_rights: true
security_certifications: [ISO 27001, Cyber Essentials Plus]
subprocessors:
  - {name: CloudCo, location: UK, purpose: hosting}
"""


def test_a_complete_assessment() -> None:
    parsed = parse("acme.yaml", RECORD)
    assert parsed.errors == []
    assert parsed.format == "ai-assure"
    assert parsed.facts == {
        "supplier": "Acme Speech Ltd",
        "models": ["acme-transcribe-v3"],
        "assessed_on": "2026-06-01",
        "assessed_by": "Commercial Assurance Team",
        "data_residency": "UK",
        "training_data_provenance": "Licensed call-centre audio; no customer data.",
        "incident_notification_hours": 24,
        "audit_rights": True,
        "security_certifications": ["ISO 27001", "Cyber Essentials Plus"],
        "subprocessors": [{"name": "CloudCo", "location": "UK", "purpose": "hosting"}],
        "missing_fields": [],
    }


def test_optional_lists_default_to_empty_and_required_fields_are_listed() -> None:
    parsed = parse("acme.yaml", b"apiVersion: ai-assure/supplier-assessment/v1\nsupplier: Acme\n")
    assert parsed.errors == []
    assert parsed.facts["security_certifications"] == []
    assert parsed.facts["subprocessors"] == []
    assert parsed.facts["missing_fields"] == [
        "assessed_by",
        "assessed_on",
        "audit_rights",
        "data_residency",
        "incident_notification_hours",
        "models",
        "training_data_provenance",
    ]


def test_audit_rights_false_is_a_value_not_a_gap() -> None:
    facts = parse("acme.yaml", RECORD.replace(b"audit_rights: true", b"audit_rights: false")).facts
    assert facts["audit_rights"] is False
    assert facts["missing_fields"] == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"incident_notification_hours: -1",
         "line 8: incident_notification_hours: expected a whole number of hours, found number -1"),
        (b"incident_notification_hours: 24h",
         "line 8: incident_notification_hours: expected a whole number of hours, found text '24h'"),
        (b"incident_notification_hours: true",
         "line 8: incident_notification_hours: expected a whole number of hours, "
         "found true (true/false)"),
        (b"incident_notification_hours: 1.5",
         "line 8: incident_notification_hours: expected a whole number of hours, found number 1.5"),
    ],
)  # fmt: skip
def test_notification_hours_must_be_a_whole_number(line: bytes, message: str) -> None:
    parsed = parse("acme.yaml", RECORD.replace(b"incident_notification_hours: 24", line))
    assert parsed.errors == [message]
    assert "incident_notification_hours" in parsed.facts["missing_fields"]


def test_other_wrong_types_are_reported_with_their_lines() -> None:
    content = RECORD.replace(b"models: [acme-transcribe-v3]", b"models: acme-transcribe-v3")
    content = content.replace(b"audit_rights: true", b"audit_rights: yes please")
    assert parse("acme.yaml", content).errors == [
        "line 3: models: expected a list of model names, found text 'acme-transcribe-v3'",
        "line 9: audit_rights: expected true or false, found text 'yes please'",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"supplier: Acme\n", "line 1: apiVersion: expected 'ai-assure/supplier-assessment/v1', "
         "found nothing"),
        (b"apiVersion: ai-assure/supplier-assessment/v2\n",
         "line 1: apiVersion: expected 'ai-assure/supplier-assessment/v1', "
         "found text 'ai-assure/supplier-assessment/v2'"),
    ],
)  # fmt: skip
def test_the_api_version_must_be_ours(content: bytes, message: str) -> None:
    parsed = parse("acme.yaml", content)
    assert parsed.format is None
    assert parsed.errors == [message]


def test_duplicate_keys_are_refused() -> None:
    parsed = parse("acme.yaml", RECORD + b"supplier: Someone Else\n")
    assert parsed.errors == ["line 13: duplicate key 'supplier'"]
