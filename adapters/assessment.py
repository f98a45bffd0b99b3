"""Impact assessments: DPIA (UK GDPR Art. 35) and FRIA (EU AI Act Art. 27) records.

Four formats, one reader each (exactly one claims a file): a YAML record; Markdown with
the fields in YAML front matter; a Markdown document without them, laid out as the ICO's
DPIA template (`adapters._impact_document`); and the same as a Word `.docx`
(`adapters._docx`). A FRIA carries the DPIA fields plus the four Art. 27 ones, which are
required for a FRIA.
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
from adapters._detect import FormatAdapter
from adapters._docx import DocxError, docx_text, is_docx
from adapters._impact_document import ImpactDocument, is_impact_assessment, read_fields
from adapters._records import is_markdown, load_record
from adapters.interface import EvidenceFile, Parsed, Reader

__all__ = ["RECORD_SIGNS", "DpiaAdapter", "FriaAdapter", "is_impact_assessment"]
from engine.core.parsing import ParseError, load_yaml, split_front_matter
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


def _front_matter_fields(text: str) -> set[str] | None:
    """The keys of a Markdown file's front matter; None when there is no front matter, or
    every known field name when it cannot be read (so its reader reports the problem)."""
    try:
        front = split_front_matter(text).front_matter
    except ParseError:
        return set(FRIA_FIELDS)
    if front is None:
        return None
    return set(front.data) if isinstance(front.data, dict) else set(FRIA_FIELDS)


_NOT_AN_ASSESSMENT = (
    "the Word document does not say it is a DPIA or FRIA: no heading or opening line names "
    "one (such as 'Data protection impact assessment') or an ICO template step"
)
# Fields that name a DPIA/FRIA record: `status`, `risks` and `measures` alone could be any
# tool's output (an Inspect log has a status), so JSON needs one of these.
RECORD_SIGNS = set(FRIA_FIELDS) - {"status", "risks", "measures"}


def _has_record_fields(file: EvidenceFile) -> bool:
    """YAML (or JSON) whose top level holds the record's fields; a file named .yaml that
    cannot be parsed too, so its reader says where it breaks."""
    assert file.text is not None
    if file.starts_like_json and not file.has_suffix(".yaml", ".yml"):
        return bool(RECORD_SIGNS & set(file.json_object))  # parsed once, for every reader
    try:
        data = load_yaml(file.text).data
    except ParseError:
        return file.has_suffix(".yaml", ".yml")
    return isinstance(data, dict) and bool(set(FRIA_FIELDS) & set(data))


def _markdown(file: EvidenceFile) -> bool:
    return file.text is not None and is_markdown(file.name, file.text)


def _document_text(file: EvidenceFile) -> str | None:
    """Markdown without the record's fields in front matter: the body to read as a
    document (the front matter, if any, holds other things)."""
    if not _markdown(file) or file.text is None:
        return None
    keys = _front_matter_fields(file.text)
    if keys is not None and keys & set(FRIA_FIELDS):
        return None
    return split_front_matter(file.text).body if keys is not None else file.text


class RecordReader(Reader):
    """YAML, or Markdown whose front matter holds the fields."""

    format = "yaml"
    title = "a DPIA/FRIA record (YAML, or Markdown front matter)"

    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields

    def recognises(self, file: EvidenceFile) -> bool:
        if file.text is None or is_docx(file.content, file.name):
            return False
        if _markdown(file):
            return _document_text(file) is None
        return _has_record_fields(file)

    def read(self, file: EvidenceFile) -> Parsed:
        record = load_record(file.name, file.content)
        if record.error:
            return Parsed(record.format, _empty(self.fields), [record.error])
        values, errors = check_fields(record.data, self.fields, record.at)
        if values["status"] is not None:
            values["status"] = canonical_text(values["status"]).lower()
        facts = {**values, "missing_fields": missing_fields(values, self.fields)}
        return Parsed(record.format, facts, errors)


class DocumentReader(Reader):
    """A Markdown document laid out as the ICO DPIA template, without front-matter fields."""

    format = "markdown-document"
    title = "a DPIA/FRIA document (Markdown headings and tables)"

    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields

    def recognises(self, file: EvidenceFile) -> bool:
        text = _document_text(file)
        return text is not None and is_impact_assessment(text)

    def read(self, file: EvidenceFile) -> Parsed:
        return _from_document(self.format, str(_document_text(file)), self.fields)


class DocxReader(Reader):
    format = "docx"
    title = "a DPIA/FRIA Word document (.docx)"

    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields

    def recognises(self, file: EvidenceFile) -> bool:
        return is_docx(file.content, file.name)

    def read(self, file: EvidenceFile) -> Parsed:
        try:
            text = docx_text(file.content)
        except DocxError as exc:
            return Parsed(self.format, _empty(self.fields), [f"Word document: {exc}"])
        if not is_impact_assessment(text):
            return Parsed(self.format, _empty(self.fields), [_NOT_AN_ASSESSMENT])
        return _from_document(self.format, text, self.fields)


def _from_document(fmt: str, text: str, fields: dict[str, Field]) -> Parsed:
    """Facts found in the document's headings, tables and labels; what is missing is listed
    (and warned about), never invented."""
    values, warnings = read_fields(ImpactDocument(text), fields)
    values = {key: values.get(key, _empty(fields)[key]) for key in fields}
    checked, errors = check_fields(values, fields, Locator())
    facts = {**checked, "missing_fields": missing_fields(checked, fields)}
    return Parsed(fmt, facts, errors, warnings)


def _empty(fields: dict[str, Field]) -> dict[str, Any]:
    values, _ = check_fields({}, fields, Locator())
    return {**values, "missing_fields": missing_fields(values, fields)}


class AssessmentAdapter(FormatAdapter):
    """Shared by the DPIA and FRIA adapters; `fields` says which fields the kind has."""

    fields: dict[str, Field] = DPIA_FIELDS
    what = "a DPIA"

    def __init__(self) -> None:
        self.readers = (
            RecordReader(self.fields),
            DocumentReader(self.fields),
            DocxReader(self.fields),
        )

    def empty_facts(self) -> dict[str, Any]:
        return _empty(self.fields)


class DpiaAdapter(AssessmentAdapter):
    kind = "dpia"


class FriaAdapter(AssessmentAdapter):
    kind = "fria"
    fields = FRIA_FIELDS
    what = "a FRIA"
