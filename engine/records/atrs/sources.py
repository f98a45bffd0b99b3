"""Where each field comes from besides the team's record file: what the manifest states, and
the summaries made from other facts when the record does not give the field.

A stated field is the manifest's own fact (`metadata.owner.team` is 2.1.2 Team): it wins,
and a record that says otherwise is a conflict. How a record's value is compared with it is
part of the mapping: the same text, a text that mentions every item (the model's name, each
provider), or the same yes/no answer. Nothing is inferred that the manifest does not say:
third-party involvement is "Yes" when a model is third-party or a foundation model, but an
all in-house list never makes it "No".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from engine.manifest.model import Model
from engine.manifest.model_v2 import AnyManifest
from engine.records.atrs.record import Candidate
from engine.records.atrs.template import norm

Evidence = dict[str, list[dict[str, Any]]]

# metadata.lifecycle_stage → the ATRS phase (the GOV.UK records' phase values).
PHASES = {
    "discovery": "Pre-deployment",
    "alpha": "Pre-deployment",
    "private-beta": "Private beta",
    "public-beta": "Public beta",
    "live": "Production",
    "retired": "Retired",
}


@dataclass(frozen=True)
class Stated:
    """A field the manifest states: where, how to read it (the items a record must agree
    with), how a record's value is compared with them (`equal` text, `mentions` every item,
    or the same `yes_no` answer), how the field is written and why it can be empty."""

    path: str
    read: Callable[[AnyManifest, Model | None], list[str]]
    compare: Literal["equal", "mentions", "yes_no"] = "equal"
    write: Callable[[AnyManifest, list[str]], str] | None = None
    missing: str | None = None

    def value(self, manifest: AnyManifest, items: list[str]) -> str:
        return self.write(manifest, items) if self.write else "; ".join(items)

    def why_empty(self) -> str:
        return self.missing or f"manifest {self.path} is not set"


def _one(value: str | None) -> list[str]:
    return [value] if value else []


def _outside_models(manifest: AnyManifest) -> list[Model]:
    return [m for m in manifest.models if m.type != "in-house"]


def _models_list(manifest: AnyManifest, _items: list[str]) -> str:
    return "; ".join(_model_label(m) for m in manifest.models)


def _model_label(model: Model) -> str:
    version = f" {model.version}" if model.version else ""
    provider = f", {model.provider}" if model.provider else ""
    return f"{model.name}{version} ({model.type}{provider})"


STATED: dict[tuple[str, str], Stated] = {
    ("summary_information", "name"): Stated("metadata.name", lambda m, _: _one(m.metadata.name)),
    ("summary_information", "description"): Stated(
        "system.description", lambda m, _: _one(m.system.description)
    ),
    ("summary_information", "contact_email"): Stated(
        "metadata.owner.contact", lambda m, _: _one(m.metadata.owner.contact)
    ),
    ("summary_information", "phase"): Stated(
        "metadata.lifecycle_stage",
        lambda m, _: _one(PHASES.get(m.metadata.lifecycle_stage or "")),
    ),
    ("owner_and_responsibility", "team"): Stated(
        "metadata.owner.team", lambda m, _: _one(m.metadata.owner.team)
    ),
    ("owner_and_responsibility", "senior_responsible_owner"): Stated(
        "metadata.owner.senior_responsible_owner",
        lambda m, _: _one(m.metadata.owner.senior_responsible_owner),
    ),
    ("owner_and_responsibility", "third_party_involvement"): Stated(
        "models[].type",
        lambda m, _: ["Yes"] if _outside_models(m) else [],
        "yes_no",
        missing="no third-party or foundation model in the manifest (models[].type), which"
        " does not show that no third party is involved",
    ),
    ("owner_and_responsibility", "third_party"): Stated(
        "models[].provider",
        lambda m, _: sorted({x.provider for x in _outside_models(m) if x.provider}),
        "mentions",
        missing="the manifest names no provider of a third-party or foundation model"
        " (models[].provider)",
    ),
    ("deployment_context", "human_review"): Stated(
        "system.human_oversight.description",
        lambda m, _: _one(m.system.human_oversight.description),
    ),
    ("deployment_context", "appeals_and_review"): Stated(
        "system.human_oversight.art_22_safeguards",
        lambda m, _: _one(m.system.human_oversight.art_22_safeguards),
    ),
    ("tool_specification", "models"): Stated(
        "models",
        lambda m, _: [x.name for x in m.models],
        "mentions",
        write=_models_list,
        missing="the manifest lists no models",
    ),
    ("model_specification", "model_name"): Stated(
        "models[].name", lambda _, model: _one(model.name if model else None), "mentions"
    ),
    ("model_specification", "model_version"): Stated(
        "models[].version", lambda _, model: _one(model.version if model else None), "mentions"
    ),
    ("model_specification", "model_task"): Stated(
        "models[].task", lambda _, model: _one(model.task if model else None), "mentions"
    ),
}


def agrees(compare: str, items: list[str], recorded: str) -> bool:
    """Whether a record's value says what the manifest states."""
    said = norm(recorded)
    if compare == "yes_no":  # "Yes. Northwind Models Ltd provides ..." answers "Yes"
        return said.split(" ", 1)[0] == norm(items[0])
    if compare == "mentions":
        return all(f" {norm(item)} " in f" {said} " for item in items)
    return said == norm(" ".join(items))


def _risks(manifest: AnyManifest, _evidence: Evidence) -> Candidate | None:
    lines = []
    for risk in manifest.risks:
        actions = "; ".join(action.description for action in risk.actions)
        treatment = f" Treatment: {risk.treatment}." if risk.treatment else ""
        done = f" Actions: {actions}." if actions else ""
        lines.append(f"{risk.id}: {risk.title} ({risk.category}).{treatment}{done}")
    return Candidate(value="\n".join(lines), source="manifest: risks") if lines else None


ASSESSMENTS = {
    "dpia": "Data protection impact assessment",
    "fria": "Fundamental rights impact assessment",
}


def _assessments(_manifest: AnyManifest, evidence: Evidence) -> Candidate | None:
    lines, paths = [], []
    for kind, title in ASSESSMENTS.items():
        for item in (i for i in evidence.get(kind, []) if i["status"] == "ok"):
            facts = item["facts"]
            parts = [facts.get("status") or "status not recorded"]
            if facts.get("approved_on"):
                parts.append(f"approved on {facts['approved_on']}")
            if facts.get("approved_by"):
                parts.append(f"by {facts['approved_by']}")
            if facts.get("review_by"):
                parts.append(f"review by {facts['review_by']}")
            lines.append(f"{title} ({item['path']}): {', '.join(parts)}.")
            paths.append(item["path"])
    if not lines:
        return None
    return Candidate(value="\n".join(lines), source=f"evidence: {', '.join(paths)}")


@dataclass(frozen=True)
class Summary:
    """A field summarised from other facts, and what is missing when it cannot be."""

    build: Callable[[AnyManifest, Evidence], Candidate | None]
    missing: str


SUMMARIES: dict[tuple[str, str], Summary] = {
    ("risks_mitigations_and_impact_assessments", "risks_and_mitigations"): Summary(
        _risks, "the manifest lists no risks"
    ),
    ("risks_mitigations_and_impact_assessments", "impact_assessment"): Summary(
        _assessments, "no usable DPIA or FRIA evidence"
    ),
}
