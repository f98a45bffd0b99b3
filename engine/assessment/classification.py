"""The classification the policies decided, read from their result (docs/classification.md).

The policies return both axes (`classification`: the EU AI Act category and the assurance
level, the UK data-protection facts, the open questions and the points for legal review) and
which legal control binds this system (`obligations`). Nothing is decided here: the values are
checked and turned into the report's models, and a result that lacks them or does not fit is
an assessment error (fail closed), never a default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.assessment.model import (
    AssuranceLevel,
    Binding,
    EuAiAct,
    Obligation,
    Question,
    ReviewPoint,
    UkDataProtection,
)
from engine.core.errors import AssuranceError
from engine.core.shape import ShapeError, from_data


class ClassificationError(AssuranceError):
    """The policies returned no classification, or one of the wrong shape."""


@dataclass(frozen=True)
class Obligations:
    """Which control of each legal framework binds this system."""

    frameworks: tuple[str, ...]
    controls: dict[str, Binding]
    floors: dict[str, str]  # control -> the least severity of a failed finding while it binds

    def is_legal(self, control: str) -> bool:
        """Whether `control` belongs to a framework that binds only where the policies say."""
        return control.split(":", 1)[0] in self.frameworks

    def binding(self, control: str) -> Binding:
        """The decision on a legal control; one the policies did not decide is undetermined
        (it is then never named as binding)."""
        return self.controls.get(control) or Binding(
            status="undetermined",
            reason="the policies decide nothing for this control, so it is not named as binding",
        )

    def floor(self, control: str) -> str:
        """The least severity a failed finding naming `control` has while it binds."""
        return self.floors.get(control, "") if self.binding(control).status == "binds" else ""

    def listed(self) -> list[Obligation]:
        """Every decision, sorted by control id."""
        return [
            binding.of_control(Obligation, cid) for cid, binding in sorted(self.controls.items())
        ]


@dataclass(frozen=True)
class Classification:
    """Both axes and what the report shows beside them."""

    eu_ai_act: EuAiAct
    assurance_level: AssuranceLevel
    uk_data_protection: UkDataProtection
    questions: list[Question]
    review: list[ReviewPoint]
    facts: list[dict[str, Any]]  # every needed fact: {fact, answer, cite, question}


def read_classification(result: dict[str, Any]) -> Classification:
    """The `classification` block of the policies' result, checked."""
    block = result.get("classification")
    if not isinstance(block, dict):
        raise ClassificationError("the policies returned no classification")
    try:
        return Classification(
            eu_ai_act=from_data(EuAiAct, block.get("eu_ai_act")),
            assurance_level=from_data(AssuranceLevel, _sorted_reasons(block)),
            uk_data_protection=from_data(UkDataProtection, block.get("uk_data_protection")),
            questions=[from_data(Question, q) for q in _list(block, "questions")],
            review=[from_data(ReviewPoint, r) for r in _list(block, "review")],
            facts=[fact for fact in _list(block, "facts") if isinstance(fact, dict)],
        )
    except ShapeError as exc:
        raise ClassificationError(
            f"the policies returned a malformed classification: {exc}"
        ) from None


def _sorted_reasons(block: dict[str, Any]) -> Any:
    level = block.get("assurance_level")
    if isinstance(level, dict) and isinstance(level.get("reasons"), list):
        reasons = level["reasons"]
        return {**level, "reasons": sorted(reasons, key=_reason_key)}
    return level


_LEVELS = ("critical", "high", "medium", "low")


def _reason_key(reason: Any) -> tuple[int, str, str]:
    if not isinstance(reason, dict):
        return (len(_LEVELS), "", "")
    level = reason.get("level")
    rank = _LEVELS.index(level) if level in _LEVELS else len(_LEVELS)
    return (rank, str(reason.get("source", "")), str(reason.get("text", "")))


def _list(block: dict[str, Any], key: str) -> list[Any]:
    value = block.get(key, [])
    if not isinstance(value, list):
        raise ClassificationError(f"the policies returned a malformed classification: {key}")
    return value


def read_obligations(result: dict[str, Any]) -> Obligations:
    """The `obligations` block of the policies' result, checked."""
    block = result.get("obligations")
    if not isinstance(block, dict):
        raise ClassificationError("the policies returned no obligations")
    frameworks, controls = block.get("frameworks"), block.get("controls")
    if not isinstance(frameworks, list) or not all(isinstance(f, str) for f in frameworks):
        raise ClassificationError("the policies returned malformed obligations: frameworks")
    if not isinstance(controls, dict):
        raise ClassificationError("the policies returned malformed obligations: controls")
    decided: dict[str, Binding] = {}
    floors: dict[str, str] = {}
    for cid, decision in controls.items():
        if not isinstance(decision, dict):
            raise ClassificationError(f"the policies returned a malformed obligation: {cid}")
        fields = {key: decision.get(key) for key in ("status", "reason", "applies_from")}
        try:
            decided[cid] = from_data(Binding, fields)
        except ShapeError as exc:
            raise ClassificationError(
                f"the policies returned a malformed obligation {cid}: {exc}"
            ) from None
        floor = decision.get("floor")
        if isinstance(floor, str) and floor:
            floors[cid] = floor
    return Obligations(frameworks=tuple(sorted(frameworks)), controls=decided, floors=floors)
