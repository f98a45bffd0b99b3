"""Impact assessments: DPIA (UK GDPR Art. 35) and FRIA (EU AI Act Art. 27) records.

Both are YAML, or Markdown with the fields in YAML front matter. A FRIA carries the DPIA
fields plus the four Art. 27 ones, which are required for a FRIA.
"""

from __future__ import annotations

from typing import Any

from adapters._common import (
    Field,
    Locator,
    check_fields,
    is_bool,
    is_iso_date,
    is_text,
    is_text_or_mapping,
    list_of,
    missing_fields,
    one_of,
)
from adapters._records import load_record
from adapters.interface import Adapter, Parsed
from engine.core.text import canonical_text

STATUSES = ("draft", "approved", "rejected")
_DATE = "a date written YYYY-MM-DD"
_TEXT_OR_MAPPING = "text or a mapping"
_ITEMS = "a list of text or mapping items"

DPIA_FIELDS = {
    "status": Field(one_of(*STATUSES), "one of draft, approved, rejected", required=True),
    "approved_by": Field(is_text, "text", required=True),
    "approved_on": Field(is_iso_date, _DATE, required=True),
    "review_by": Field(is_iso_date, _DATE, required=True),
    "dpo_consulted": Field(is_bool, "true or false", required=True),
    "processing": Field(is_text_or_mapping, _TEXT_OR_MAPPING, required=True),
    "necessity_and_proportionality": Field(is_text_or_mapping, _TEXT_OR_MAPPING, required=True),
    "risks": Field(list_of(is_text_or_mapping), _ITEMS, required=True, default=[]),
    "measures": Field(list_of(is_text_or_mapping), _ITEMS, required=True, default=[]),
}
FRIA_FIELDS = {
    **DPIA_FIELDS,
    "affected_groups": Field(list_of(is_text), "a list of text", required=True),
    "specific_risks": Field(list_of(is_text_or_mapping), _ITEMS, required=True),
    "oversight_measures": Field(
        lambda v: is_text(v) or list_of(is_text_or_mapping)(v), f"text or {_ITEMS}", required=True
    ),
    "complaint_mechanism": Field(is_text_or_mapping, _TEXT_OR_MAPPING, required=True),
}


class AssessmentAdapter(Adapter):
    """Shared by the DPIA and FRIA adapters; `fields` says which fields the kind has."""

    fields: dict[str, Field] = DPIA_FIELDS

    def empty_facts(self) -> dict[str, Any]:
        values, _ = check_fields({}, self.fields, Locator())
        return {**values, "missing_fields": missing_fields(values, self.fields)}

    def parse(self, name: str, content: bytes) -> Parsed:
        record = load_record(name, content)
        if record.error:
            return Parsed(record.format, self.empty_facts(), [record.error])
        values, errors = check_fields(record.data, self.fields, record.at)
        if values["status"] is not None:
            values["status"] = canonical_text(values["status"]).lower()
        facts = {**values, "missing_fields": missing_fields(values, self.fields)}
        return Parsed(record.format, facts, errors)


class DpiaAdapter(AssessmentAdapter):
    kind = "dpia"


class FriaAdapter(AssessmentAdapter):
    kind = "fria"
    fields = FRIA_FIELDS
