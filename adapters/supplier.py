"""Supplier assessments: our `ai-assure/supplier-assessment/v1` YAML record."""

from __future__ import annotations

from typing import Any

from adapters._common import (
    Field,
    Locator,
    check_fields,
    describe,
    is_bool,
    is_count,
    is_iso_date,
    is_text,
    is_text_or_mapping,
    list_of,
    missing_fields,
)
from adapters._records import load_record
from adapters.interface import Adapter, Parsed

API_VERSION = "ai-assure/supplier-assessment/v1"
FORMAT = "ai-assure"

FIELDS = {
    "supplier": Field(is_text, "text", required=True),
    "models": Field(list_of(is_text), "a list of model names", required=True, default=[]),
    "assessed_on": Field(is_iso_date, "a date written YYYY-MM-DD", required=True),
    "assessed_by": Field(is_text, "text", required=True),
    "data_residency": Field(is_text, "text (e.g. UK)", required=True),
    "training_data_provenance": Field(is_text, "text", required=True),
    "incident_notification_hours": Field(is_count, "a whole number of hours", required=True),
    "audit_rights": Field(is_bool, "true or false", required=True),
    "security_certifications": Field(list_of(is_text), "a list of text", default=[]),
    "subprocessors": Field(list_of(is_text_or_mapping), "a list of names or mappings", default=[]),
}


def empty_facts() -> dict[str, Any]:
    values, _ = check_fields({}, FIELDS, Locator())
    return {**values, "missing_fields": missing_fields(values, FIELDS)}


class SupplierAssessmentAdapter(Adapter):
    kind = "supplier_assessments"

    def parse(self, name: str, content: bytes) -> Parsed:
        record = load_record(name, content)
        if record.error:
            return Parsed(record.format, empty_facts(), [record.error])
        api_version = record.data.get("apiVersion")
        if api_version != API_VERSION:
            found = "nothing" if api_version is None else describe(api_version)
            error = f"{record.at(('apiVersion',))}expected {API_VERSION!r}, found {found}"
            return Parsed(None, empty_facts(), [error])
        values, errors = check_fields(record.data, FIELDS, record.at)
        facts = {**values, "missing_fields": missing_fields(values, FIELDS)}
        return Parsed(FORMAT, facts, errors)
