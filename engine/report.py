"""The assessment report (`schema: ai-assure/report/v1`): the one model every output renders.

Field names and value sets are a public contract (DESIGN.md, contract 4). Lists are kept
sorted by the engine so that the same inputs always serialise to the same bytes.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

REPORT_SCHEMA = "ai-assure/report/v1"

Severity = Literal["critical", "high", "medium", "low", "info"]
FindingStatus = Literal["fail", "warn", "pass", "waived", "not_applicable", "error"]
ControlStatus = Literal["fail", "warn", "pass", "waived", "not_applicable", "error"]
Verdict = Literal["pass", "fail", "error"]
EvidenceStatus = Literal["ok", "invalid", "missing"]

SEVERITY_ORDER: tuple[Severity, ...] = ("critical", "high", "medium", "low", "info")


def severity_rank(severity: str) -> int:
    """0 for the most severe level; larger numbers are less severe."""
    return SEVERITY_ORDER.index(severity)  # type: ignore[arg-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tool(_Model):
    name: str = "ai-assure"
    version: str


class SystemRef(_Model):
    id: str
    name: str


class Tier(_Model):
    level: str
    reasons: list[str] = Field(default_factory=list)


class PolicyRef(_Model):
    source: str
    revision: str
    digest: str
    local_digest: str | None = None  # repository-local rules layered on (--policies)


class EvidenceRecord(_Model):
    kind: str
    path: str
    sha256: str | None = None
    size: int | None = None
    format: str | None = None
    status: EvidenceStatus
    errors: list[str] = Field(default_factory=list)


class Location(_Model):
    path: str
    line: int = 1


class Finding(_Model):
    rule_id: str
    title: str
    severity: Severity
    status: FindingStatus
    message: str
    controls: list[str] = Field(default_factory=list)
    location: Location
    manifest_path: list[str | int] = Field(default_factory=list)
    fingerprint: str
    remediation: str = ""
    help_uri: str | None = None


class ControlResult(_Model):
    id: str
    status: ControlStatus
    rules: list[str] = Field(default_factory=list)


class ExceptionRecord(_Model):
    rule: str
    status: str
    reason: str = ""
    requested_by: str | None = None
    ticket: str | None = None
    expires: str | None = None


class Report(_Model):
    schema_: str = Field(REPORT_SCHEMA, alias="schema")
    tool: Tool
    system: SystemRef
    as_of: str
    fail_on: str
    tier: Tier
    verdict: Verdict
    policy: PolicyRef
    evidence: list[EvidenceRecord] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    controls: list[ControlResult] = Field(default_factory=list)
    exceptions: list[ExceptionRecord] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    def counts(self) -> dict[str, int]:
        """How many findings have each status (every status present, zero when absent)."""
        totals = dict.fromkeys(("fail", "warn", "pass", "waived", "not_applicable", "error"), 0)
        for finding in self.findings:
            totals[finding.status] += 1
        return totals
