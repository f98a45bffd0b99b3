"""The ATRS record `ai-assure report atrs` writes (`schema: ai-assure/atrs/v4.0`): Tier 1
and Tier 2 sections in template order, each field with its value and source, and what could
not be filled, what disagrees and what was not used."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from engine.assessment.model import AssuranceLevel, EuAiAct, Obligation, SystemRef, Tool
from engine.render.jsondoc import dumps as json_document

ATRS_SCHEMA = "ai-assure/atrs/v4.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordField(_Model):
    ref: str | None
    attribute: str
    name: str
    value: str | None = None
    source: str | None = None


class RecordSection(_Model):
    id: str
    ref: str
    title: str
    model: str | None = None  # the manifest model a per-model section describes
    not_applicable: str | None = None  # why the whole section is left blank
    fields: list[RecordField] = Field(default_factory=list)


class RecordTier(_Model):
    tier: int
    title: str
    sections: list[RecordSection]


class Unfilled(_Model):
    tier: int
    section: str
    model: str | None = None
    ref: str | None
    attribute: str
    name: str
    reason: str


class Candidate(_Model):
    value: str
    source: str


class Conflict(_Model):
    section: str
    model: str | None = None
    ref: str | None
    attribute: str
    name: str
    kept: Candidate  # the manifest's value, which the field carries
    other: Candidate  # what the ATRS record file says


class SourceRef(_Model):
    kind: str
    path: str
    sha256: str | None = None


class Standard(_Model):
    name: str = "Algorithmic Transparency Recording Standard"
    version: str


class RecordClassification(_Model):
    """The system's classification on both axes beside the record (not an ATRS field): the EU
    AI Act category and the assurance level, and whether the ATRS binds the organisation."""

    eu_ai_act: EuAiAct
    assurance_level: AssuranceLevel
    atrs: Obligation | None = None  # UK-ATRS:Tier1: binds only for public-sector bodies
    open_questions: int = 0


class AtrsRecord(_Model):
    schema_: str = Field(ATRS_SCHEMA, alias="schema")
    standard: Standard
    tool: Tool
    system: SystemRef
    as_of: str
    sources: list[SourceRef]
    tiers: list[RecordTier]
    unfilled: list[Unfilled] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    classification: RecordClassification | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        data = self.model_dump(mode="json", by_alias=True)
        return json_document(data)

    def field_count(self) -> int:
        return sum(len(s.fields) for t in self.tiers for s in t.sections)
