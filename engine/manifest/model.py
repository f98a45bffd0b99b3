"""The `ai-manifest.yaml` model (`apiVersion: ai-assure/v1`; docs/contracts.md, the manifest).

Unknown keys are errors everywhere: a typo such as `personal_dta: true` must never pass
silently. Facts that rules judge (an owner's contact, a DPIA path, a human-oversight
description) are optional here on purpose: their absence is a policy finding mapped to a
control, with a remediation, rather than a schema error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictBool,
    StringConstraints,
    field_validator,
)
from pydantic_core import core_schema

from engine.manifest.plain import UNIQUE_BY, unique_key

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Score = Annotated[int, Field(ge=1, le=5)]
ControlId = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9-]+:\S+$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class UniqueBy:
    """`Annotated` metadata for a list whose entries' `field` differs from entry to entry,
    compared as people read it (case, Unicode compatibility forms and surrounding space
    ignored). Governance data matches entries by these identifiers, so a repeated one would
    inherit another entry's approval. The JSON Schema says so too (`x-unique-by`), for the
    fast path (engine/manifest/plain.py)."""

    field: str
    what: str

    key = staticmethod(unique_key)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        described: dict[str, Any] = handler(schema)
        described[UNIQUE_BY] = self.field
        return described

    def _check(self, items: list[Any]) -> list[Any]:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, self.field)
            if self.key(value) in seen:
                raise ValueError(
                    f"{self.what} {index} has the {self.field} {value!r} of {self.what} "
                    f"{seen[self.key(value)]}; each {self.what}'s {self.field} must be unique"
                )
            seen[self.key(value)] = index
        return items


class Owner(_Strict):
    team: Text | None = None
    senior_responsible_owner: Text | None = None
    contact: Text | None = None


class Metadata(_Strict):
    id: Slug
    name: Text
    owner: Owner = Owner()
    lifecycle_stage: (
        Literal["discovery", "alpha", "private-beta", "public-beta", "live", "retired"] | None
    ) = None


class HumanOversight(_Strict):
    mode: Literal["human-in-the-loop", "human-on-the-loop", "none"] | None = None
    description: Text | None = None
    art_22_safeguards: Text | None = Field(
        None, description="How people can obtain human intervention, contest and express a view."
    )


class SystemDescription(_Strict):
    """What the system does and for whom: the part both manifest versions share."""

    description: Text | None = None
    purpose: Text | None = None
    users: list[Text] = []
    affected_persons: list[Text] = []
    deployment: Literal["internal", "public-facing"] = "internal"
    decision_role: (
        Literal[
            "decision-support",
            "automated-decision",
            "content-generation",
            "information-retrieval",
            "other",
        ]
        | None
    ) = None
    human_oversight: HumanOversight = HumanOversight()


class System(SystemDescription):
    interacts_with_public: StrictBool = False
    generates_synthetic_content: StrictBool = False
    transparency_notice: Text | None = Field(
        None, description="Where people are told they are dealing with AI (EU AI Act Art. 50)."
    )


AnnexIIIArea = Literal[
    "biometrics",
    "critical_infrastructure",
    "education",
    "employment",
    "essential_services",
    "law_enforcement",
    "migration",
    "administration_of_justice",
]
ANNEX_III_AREAS: tuple[AnnexIIIArea, ...] = get_args(AnnexIIIArea)


class EUAIAct(_Strict):
    role: Literal["provider", "deployer", "importer", "distributor"] | None = None
    annex_iii_areas: list[AnnexIIIArea] = []
    prohibited_practices: list[
        Annotated[str, StringConstraints(pattern=r"^Art\.5\(1\)\([a-h]\)$")]
    ] = []
    profiling_of_natural_persons: StrictBool = False
    art_6_3_exemption: Text | None = None
    general_purpose_ai: StrictBool = False


class UKGDPR(_Strict):
    personal_data: StrictBool = False
    special_category_data: StrictBool = False
    solely_automated_decision: StrictBool = False
    art_22_exception: Literal["contract", "authorised-by-law", "explicit-consent"] | None = Field(
        None, description="The UK GDPR Art. 22(2) ground for a solely automated decision."
    )


class Classification(_Strict):
    eu_ai_act: EUAIAct = EUAIAct()
    uk_gdpr: UKGDPR = UKGDPR()


class Artifact(_Strict):
    uri: Text | None = None
    sha256: Sha256 | None = None


class Model(_Strict):
    name: Text
    version: Text | None = None
    type: Literal["in-house", "third-party", "foundation-model"]
    task: Text | None = None
    provider: Text | None = None
    model_card: Text | None = None
    licence: Text | None = None
    artifact: Artifact | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: object) -> object:
        """`version: 2.3` is a float in YAML; keep what the author meant."""
        return str(value) if isinstance(value, (int, float)) else value


class Dataset(_Strict):
    name: Text
    personal_data: StrictBool = False
    special_category_data: StrictBool = False
    source: Text | None = None
    datasheet: Text | None = None


Datasets = Annotated[list[Dataset], UniqueBy("name", "dataset")]


class Data(_Strict):
    datasets: Datasets = []


PathOrPaths = Text | list[Text]


class Evidence(_Strict):
    model_cards: PathOrPaths | None = None
    sbom: PathOrPaths | None = None
    dpia: PathOrPaths | None = None
    fria: PathOrPaths | None = None
    evaluations: PathOrPaths | None = None
    red_team: PathOrPaths | None = None
    supplier_assessments: PathOrPaths | None = None
    atrs_record: PathOrPaths | None = None
    monitoring_plan: PathOrPaths | None = None
    incident_response: PathOrPaths | None = None
    threat_model: PathOrPaths | None = None


class RiskAction(_Strict):
    description: Text
    due: dt.date | None = None
    status: Literal["open", "in-progress", "done", "cancelled"] = "open"
    owner: Text | None = None


class ResidualScore(_Strict):
    likelihood: Score
    impact: Score


class RiskAcceptance(_Strict):
    approved_by: Text | None = Field(
        None, description="Who accepted the residual risk above appetite (not the risk's owner)."
    )
    approved_on: dt.date | None = None


class Risk(_Strict):
    id: Text
    title: Text
    category: Text
    likelihood: Score
    impact: Score
    controls: list[ControlId] = []
    owner: Text | None = None
    treatment: Literal["mitigate", "accept", "transfer", "avoid"] | None = None
    actions: list[RiskAction] = []
    residual: ResidualScore | None = None
    acceptance: RiskAcceptance | None = None


class ExceptionRequest(_Strict):
    rule: Text
    reason: Text
    requested_by: Text | None = None
    ticket: Text | None = None
    expires: dt.date


Models = Annotated[list[Model], UniqueBy("name", "model")]
Risks = Annotated[list[Risk], UniqueBy("id", "risk")]
ExceptionRequests = Annotated[list[ExceptionRequest], UniqueBy("rule", "exception")]


class Manifest(_Strict):
    """An AI system as its delivery team describes it."""

    apiVersion: Literal["ai-assure/v1"]
    kind: Literal["AISystem"]
    metadata: Metadata
    system: System = System()
    classification: Classification = Classification()
    models: Models = []
    data: Data = Data()
    evidence: Evidence = Evidence()
    risks: Risks = []
    exceptions: ExceptionRequests = []

    model_config = ConfigDict(extra="forbid", frozen=True, title="ai-assure AI system manifest")
