"""The assessment report (`schema: ai-assure/report/v1`): the one model every output renders.

Field names and value sets are a public contract (docs/contracts.md, the JSON report). Lists
are kept sorted by the engine so that the same inputs always serialise to the same bytes.

The models are frozen standard-library dataclasses, so that building and rendering a report
(`ai-assure check`) never imports pydantic. Pydantic reads the same classes off that path: to
generate the JSON Schema (`report_schema_json`) and to validate reports read from outside
(`parse_report`). What the policies return is checked by `engine.core.shape.from_data`.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import Field, dataclass, field, fields
from functools import cache
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

from engine.core.shape import from_data
from engine.core.vocabulary import ControlStatus, FindingStatus, Severity, Verdict
from engine.render.jsondoc import dumps as json_document

if TYPE_CHECKING:
    from pydantic import TypeAdapter

REPORT_SCHEMA = "ai-assure/report/v1"
_SURROGATE = re.compile("[\ud800-\udfff]")

EvidenceStatus = Literal["ok", "invalid", "missing"]
ExceptionStatus = Literal["unapproved", "approved", "expired"]
#: whether a control of a legal framework binds this system (docs/classification.md)
BindingStatus = Literal["binds", "upcoming", "not_applicable", "advisory", "undetermined"]

#: a risk's likelihood or impact, as in the manifest: field metadata pydantic reads
SCORE: dict[str, Any] = {"ge": 1, "le": 5}


class _Model:
    """What every report model shares: unknown fields are refused where pydantic validates,
    and text is always valid Unicode (see `_without_surrogates`).

    Equality, hashing and repr are defined here once rather than generated for each class
    (`eq=False, repr=False`): each generated method is compiled when the module is imported,
    and `check` imports it every run."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # each subclass is a dataclass

    def __post_init__(self) -> None:
        for name in _layout(type(self)).texts:
            value = getattr(self, name)
            if value is not None and not (type(value) is str and value.isascii()):
                object.__setattr__(self, name, _without_surrogates(value))  # lists are copied

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _values(self) == _values(other)

    def __hash__(self) -> int:
        return hash(_values(self))

    def __repr__(self) -> str:
        shown = (f"{name}={getattr(self, name)!r}" for name, _, _ in _layout(type(self)).keys)
        return f"{type(self).__name__}({', '.join(shown)})"


def _values(model: _Model) -> tuple[Any, ...]:
    return tuple(getattr(model, name) for name, _, _ in _layout(type(model)).keys)


def _without_surrogates(value: Any) -> Any:
    """Text in a report is always valid Unicode, so every format can be written as UTF-8: a
    lone surrogate (from a file name that is not UTF-8, say) is kept as its visible escape,
    `\\udcff`, instead of breaking the output."""
    if isinstance(value, str):
        if value.isascii():  # the usual case, and surrogates are never ASCII
            return value
        return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):  # an evidence record's facts: keys and values
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def to_data(value: Any) -> Any:
    """`value` (a model, or lists and dicts of them) as plain JSON data: fields by their
    public name (`schema_` as `schema`), in declaration order, None kept."""
    if isinstance(value, _Model):
        return {
            key: to_data(getattr(value, name)) if deep else getattr(value, name)
            for name, key, deep in _layout(type(value)).keys
        }
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class _Layout:
    """What a model class's instances need, worked out once from its field types."""

    #: each field, its public name, and whether its value needs `to_data` (not a plain value)
    keys: tuple[tuple[str, str, bool], ...]
    #: the fields that can hold text to sanitise (not those holding only models or Literals)
    texts: tuple[str, ...]


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type[_Model]) -> _Layout:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        hints = typing.get_type_hints(cls)
        specs = fields(cls)  # not __dataclass_fields__, which has the class variables too
        layout = _LAYOUTS[cls] = _Layout(
            keys=tuple(
                (spec.name, spec.metadata.get("alias", spec.name), not _plain(hints[spec.name]))
                for spec in specs
            ),
            texts=tuple(spec.name for spec in specs if _holds_text(hints[spec.name])),
        )
    return layout


def _plain(annotation: Any) -> bool:
    """A type whose values are written as they are: text, numbers, booleans, None, Literals."""
    if typing.get_origin(annotation) in (UnionType, typing.Union):
        return all(map(_plain, typing.get_args(annotation)))
    return annotation in _SCALARS or typing.get_origin(annotation) is Literal


def _holds_text(annotation: Any) -> bool:
    """A type whose values can hold free text (a model's text is clean when it is built)."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return False
    if origin in (UnionType, typing.Union, list, dict):
        return origin is dict or any(map(_holds_text, typing.get_args(annotation)))
    return annotation is str or annotation is Any


_SCALARS = (str, int, bool, float, NoneType)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Tool(_Model):
    name: str = "ai-assure"
    version: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class SystemRef(_Model):
    id: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Tier(_Model):
    level: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class PolicyRef(_Model):
    source: str
    revision: str
    digest: str
    local_digest: str | None = None  # repository-local rules layered on (--local-rules)
    local_engine: str | None = None  # set when OPA did not evaluate them (no OPA: rego-cpp)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class EvidenceRecord(_Model):
    kind: str
    path: str
    sha256: str | None = None
    size: int | None = None
    format: str | None = None
    status: EvidenceStatus
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # malformed parts no rule reads
    # the normalised facts the policies saw, bounded (docs/report.md, evidence facts)
    facts: dict[str, Any] = field(default_factory=dict)
    facts_truncated: bool = False  # lists or long text were cut to keep `facts` bounded


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Location(_Model):
    path: str
    line: int = 1


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Waiver(_Model):
    """The governance approval that waived a finding (what SARIF calls a suppression)."""

    ticket: str
    approved_by: str
    expires: str


_Named = TypeVar("_Named", "ControlBinding", "Obligation")


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Binding(_Model):
    """Whether a control of a legal framework binds this system, and why (decided by the
    policies, package ai_assure.law.obligations)."""

    status: BindingStatus
    reason: str
    applies_from: str | None = None

    def of_control(self, kind: type[_Named], control: str) -> _Named:
        """This decision as `kind` (`ControlBinding`, `Obligation`): the same, for `control`."""
        return kind(
            id=control, status=self.status, reason=self.reason, applies_from=self.applies_from
        )


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class ControlBinding(Binding):
    """A control a finding's rule maps to that does not bind this system."""

    id: str


EnforcementPhase = Literal["scheduled", "warn", "enforced"]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Enforcement(_Model):
    """Where a staged rule's rollout stands on the assessment date (governance data
    `data.ai_assure.rollout`, decided by package ai_assure.enforcement; docs/governance.md).

    `enforced_status` is what the finding would be were the rule enforced: a `scheduled`
    rule's one `not_applicable` finding keeps the worst status its checks gave, a `warn`
    phase finding says whether it was a failure turned into a warning."""

    phase: EnforcementPhase
    warn_from: str | None = None
    fail_from: str | None = None
    enforced_status: FindingStatus


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Finding(_Model):
    rule_id: str
    title: str
    severity: Severity
    status: FindingStatus
    message: str
    controls: list[str] = field(default_factory=list)
    location: Location
    manifest_path: list[str | int] = field(default_factory=list)
    fingerprint: str
    remediation: str = ""
    help_uri: str | None = None
    waiver: Waiver | None = None  # set exactly when status is `waived`
    # the rule's controls of a legal framework that do not bind this system: never in
    # `controls`, never failed (docs/classification.md)
    controls_not_binding: list[ControlBinding] = field(default_factory=list)
    # binding controls whose legal floor raised `severity` above the rule's own
    severity_raised_by: list[str] = field(default_factory=list)
    # set on the findings of a rule whose enforcement is staged (docs/governance.md)
    enforcement: Enforcement | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class ControlResult(_Model):
    id: str
    status: ControlStatus
    rules: list[str] = field(default_factory=list)
    binding: Binding | None = None  # for controls of a legal framework


CoverageStatus = Literal["automated", "inherited", "not_applicable", "open"]
CoverageResult = Literal["pass", "fail", "warn", "waived", "error", "attested", "expired"]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Attestation(_Model):
    """The governance team's attestation of an organisation-level control, which every system
    inherits (governance data `data.ai_assure.attestations`; docs/governance.md)."""

    attested_by: str
    attested_on: str
    expires: str
    evidence: str  # an https link to the evidence
    statement: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class ControlCoverage(_Model):
    """One control of ISO/IEC 42001 Annex A or a NIST AI RMF subcategory, with exactly one
    status: `automated` (rules assessed it: `result` is theirs), `inherited` (a common control:
    `result` attested or expired), `not_applicable` (`reason` says why) or `open`."""

    id: str
    framework: str
    status: CoverageStatus
    result: CoverageResult | None = None
    reason: str
    rules: list[str] = field(default_factory=list)
    attestation: Attestation | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class ExceptionRecord(_Model):
    """A manifest's exception request and what governance made of it.

    `unapproved`: no matching approval in the governance data, so the failure stands;
    `approved`: an approval in date, so the rule's findings are waived;
    `expired`: the approval's `approved_until` is before `as_of`, so the failure is back.
    """

    rule: str
    status: ExceptionStatus
    reason: str = ""
    requested_by: str | None = None
    ticket: str | None = None
    expires: str | None = None  # what the team asked for
    approved_by: str | None = None
    approved_on: str | None = None
    approved_until: str | None = None  # governance's expiry: the one that counts


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Ground(_Model):
    """One conclusion of the EU AI Act classification, with its citation and the facts (their
    manifest paths, dotted) that decided it."""

    citation: str
    kind: str  # gate, scope, role, prohibited, high, transparency, gpai, exception, minimal
    text: str
    facts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class EuAiAct(_Model):
    """The EU AI Act axis: computed only from the Act's facts."""

    in_scope: bool | None  # None: the facts that decide scope are unanswered
    scope: str
    roles: list[str] = field(default_factory=list)
    category: str  # prohibited, high, limited, minimal
    gpai_model: bool = False
    gpai_systemic_risk: bool = False
    grounds: list[Ground] = field(default_factory=list)
    date_schedule: str
    date_schedule_note: str = ""
    open_questions: int = 0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class AssuranceReason(_Model):
    level: str
    source: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class AssuranceLevel(_Model):
    """The organisation's own proportionality: low, medium, high, critical."""

    level: str
    reasons: list[AssuranceReason] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class UkDataProtection(_Model):
    """What UK GDPR and the DPA 2018 turn on: they raise the assurance level, never the EU
    category."""

    personal_data: bool | None = None
    regime: str
    dpia: str  # required, likely, not_required, not_applicable, undetermined
    dpia_reason: str
    special_category_data: bool = False
    criminal_offence_data: bool = False
    significant_automated_decision: bool = False
    automated_decision_breaches: list[str] = field(default_factory=list)
    grounds: list[Ground] = field(default_factory=list)  # each conclusion, its citation, facts
    open_questions: int = 0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Question(_Model):
    """A fact the classification needs that is unanswered."""

    fact: str
    path: list[str]
    question: str
    cite: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class ReviewPoint(_Model):
    """A contested point of law the classification depends on, for legal review."""

    citation: str
    path: list[str]
    text: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Obligation(Binding):
    """Whether one control of a legal framework binds this system."""

    id: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RiskScore(_Model):
    likelihood: int = field(metadata=SCORE)
    impact: int = field(metadata=SCORE)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RiskActionRecord(_Model):
    """A treatment action of a risk, as the risk register counts it (open, due, overdue)."""

    description: str
    due: str | None = None  # YYYY-MM-DD
    status: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RiskRecord(_Model):
    """A risk from the manifest's register: for the report's likelihood x impact heat map,
    and for the risk register built from stored reports (`register --store`)."""

    id: str
    title: str
    category: str
    likelihood: int = field(metadata=SCORE)
    impact: int = field(metadata=SCORE)
    residual: RiskScore | None = None  # None: not yet re-scored after treatment
    treatment: str | None = None
    owner: str | None = None
    controls: list[str] = field(default_factory=list)
    actions: list[RiskActionRecord] = field(default_factory=list)

    @classmethod
    def of(cls, risk: dict[str, Any]) -> RiskRecord:
        """The record of a manifest risk, given as its JSON data (`model_dump(mode="json")`)."""
        record = {name: risk.get(name) for name, _, _ in _layout(cls).keys}
        record["actions"] = [
            {name: action.get(name) for name, _, _ in _layout(RiskActionRecord).keys}
            for action in risk.get("actions") or []
        ]
        record["controls"] = list(risk.get("controls") or [])
        return from_data(cls, record)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class SourceRef(_Model):
    """The git checkout the system was assessed in: its `origin` remote (credentials
    removed), the commit checked out and its branch. Absent outside a git checkout or
    without an `origin` remote."""

    repository: str
    commit: str
    branch: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Report(_Model):
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "populate_by_name": True}

    schema_: str = field(default=REPORT_SCHEMA, metadata={"alias": "schema"})
    tool: Tool
    system: SystemRef
    as_of: str
    fail_on: str
    tier: Tier  # deprecated: the EU AI Act category; read eu_ai_act and assurance_level
    verdict: Verdict
    policy: PolicyRef
    evidence: list[EvidenceRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    controls: list[ControlResult] = field(default_factory=list)
    exceptions: list[ExceptionRecord] = field(default_factory=list)
    risks: list[RiskRecord] = field(default_factory=list)  # the manifest's, in its order
    errors: list[str] = field(default_factory=list)
    # the two axes (docs/classification.md); None on an error report
    eu_ai_act: EuAiAct | None = None
    assurance_level: AssuranceLevel | None = None
    uk_data_protection: UkDataProtection | None = None
    questions: list[Question] = field(default_factory=list)  # unanswered facts (CLS-005)
    review: list[ReviewPoint] = field(default_factory=list)  # contested points (CLS-007)
    obligations: list[Obligation] = field(default_factory=list)  # every legal control, by id
    source: SourceRef | None = None  # the git checkout, when there is one with a remote
    # every ISO/IEC 42001 Annex A control and NIST AI RMF subcategory with one status
    control_coverage: list[ControlCoverage] = field(default_factory=list)

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        return json_document(to_data(self))

    def counts(self) -> dict[str, int]:
        """How many findings have each status (every status present, zero when absent)."""
        totals = dict.fromkeys(("fail", "warn", "pass", "waived", "not_applicable", "error"), 0)
        for finding in self.findings:
            totals[finding.status] += 1
        return totals


REPORT_SCHEMA_FILE = "report.schema.json"


def parse_report(document: Any) -> Report:
    """A report read from outside (a stored report, one a runner sent), validated against the
    schema; raises pydantic's `ValidationError`. Pydantic is imported only here."""
    return _adapter().validate_python(document)


def parse_report_json(text: str | bytes) -> Report:
    """`parse_report` of JSON text."""
    return _adapter().validate_json(text)


@cache
def _adapter() -> TypeAdapter[Report]:
    from pydantic import TypeAdapter

    return TypeAdapter(Report)


def report_schema_json() -> str:
    """The JSON Schema of the report (`ai-assure schema --report`), from the model."""
    schema = _adapter().json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ai-assure assessment report ({REPORT_SCHEMA})"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
