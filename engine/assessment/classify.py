"""`ai-assure classify`: a system's classification on both axes, and the decision path that
leads to it (docs/classification.md).

The policies decide; nothing is decided here. The manifest is evaluated by the same policies
and evaluator as a check (without its evidence, which the classification never reads), and
the result is laid out as a path: each conclusion of the law with its citation and the facts
(their answers, questions and citations) that decided it; then the answered facts that
triggered nothing, the questions still open and the controls that bind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Literal

from engine import __version__
from engine.assessment.classification import read_classification, read_obligations
from engine.assessment.model import (
    AssuranceLevel,
    EuAiAct,
    Ground,
    Obligation,
    PolicyRef,
    Question,
    ReviewPoint,
    SystemRef,
    Tool,
    UkDataProtection,
    _Model,
    to_data,
)
from engine.assessment.run import CheckOptions, build_input, load_system, policies_for
from engine.core.parsing import yaml_limits
from engine.evaluators import get_evaluator

CLASSIFICATION_SCHEMA = "ai-assure/classification/v1"

Axis = Literal["eu_ai_act", "uk_data_protection"]

#: the order a path is read in: the gate, scope and roles, then the category's tests as the
#: Act orders them (Art. 5, Art. 6, Art. 50), the model flags; then UK data protection
_KIND_ORDER = (
    "gate", "scope", "role", "prohibited", "high", "transparency", "exception", "gpai", "minimal",
    "regime", "special_category", "criminal_offence", "automated_decision", "dpia",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Answer(_Model):
    """One fact as the manifest answers it (None: unanswered), with its plain-language
    question and the provision it answers."""

    fact: str
    answer: Any = None
    question: str = ""
    cite: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class Step(_Model):
    """One conclusion of the law on the way to the classification."""

    axis: Axis
    citation: str
    kind: str
    conclusion: str
    facts: list[Answer] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class SystemClassification(_Model):
    """What `ai-assure classify` shows, in every format."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "populate_by_name": True}

    schema_: str = field(default=CLASSIFICATION_SCHEMA, metadata={"alias": "schema"})
    tool: Tool
    system: SystemRef
    as_of: str
    policy: PolicyRef
    eu_ai_act: EuAiAct
    assurance_level: AssuranceLevel
    uk_data_protection: UkDataProtection
    path: list[Step] = field(default_factory=list)
    untriggered: list[Answer] = field(default_factory=list)  # answered, no conclusion follows
    questions: list[Question] = field(default_factory=list)
    review: list[ReviewPoint] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        data = to_data(self)
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    def binding(self) -> list[Obligation]:
        """The controls that bind, will bind or would bind (advisory), by id."""
        return [o for o in self.obligations if o.status in ("binds", "upcoming", "advisory")]


def classify_system(target: Path, options: CheckOptions) -> SystemClassification:
    """The classification of the system at `target` (a folder or its manifest); an
    `AssuranceError` when it cannot be classified (a bad manifest, a policy or evaluator
    failure)."""
    from adapters import KINDS

    options = replace(options, as_of=options.as_of_date)
    with yaml_limits(options.limits.max_yaml_nodes, options.limits.max_yaml_depth):
        policies = policies_for(options, {})
        evaluation = get_evaluator(options.evaluator, **options.evaluator_options()).start(policies)
        try:
            manifest, _, root = load_system(target)
            document = build_input(manifest, {kind: [] for kind in KINDS}, options.as_of_date, root)
            result = evaluation.finish(document)
        finally:
            evaluation.cancel()
    classification = read_classification(result)
    steps, untriggered = decision_path(
        document["manifest"],
        classification.eu_ai_act.grounds,
        classification.uk_data_protection.grounds,
        classification.facts,
    )
    metadata = manifest.model.metadata
    return SystemClassification(
        tool=Tool(version=__version__),
        system=SystemRef(id=metadata.id, name=metadata.name),
        as_of=options.as_of_date.isoformat(),
        policy=PolicyRef(
            source=policies.source, revision=policies.revision, digest=policies.digest
        ),
        eu_ai_act=classification.eu_ai_act,
        assurance_level=classification.assurance_level,
        uk_data_protection=classification.uk_data_protection,
        path=steps,
        untriggered=untriggered,
        questions=classification.questions,
        review=classification.review,
        obligations=read_obligations(result).listed(),
    )


def decision_path(
    manifest: dict[str, Any],
    eu_grounds: list[Ground],
    uk_grounds: list[Ground],
    needed: list[dict[str, Any]],
) -> tuple[list[Step], list[Answer]]:
    """Each ground as a step with the answers to its facts, in the law's order; then the
    needed facts that are answered but lead to no conclusion."""
    axes: tuple[tuple[Axis, list[Ground]], ...] = (
        ("eu_ai_act", eu_grounds),
        ("uk_data_protection", uk_grounds),
    )
    steps = [
        _step(axis, ground, manifest)
        for axis, grounds in axes
        for ground in sorted(grounds, key=_reading_order)
    ]
    used = {answer.fact for step in steps for answer in step.facts}
    untriggered = [
        _answer(str(fact["fact"]), manifest)
        for fact in needed
        if fact.get("fact") not in used and fact.get("answer") is not None
    ]
    return steps, untriggered


def _reading_order(ground: Ground) -> tuple[int, str]:
    kind = _KIND_ORDER.index(ground.kind) if ground.kind in _KIND_ORDER else len(_KIND_ORDER)
    return kind, ground.citation


def _step(axis: Axis, ground: Ground, manifest: dict[str, Any]) -> Step:
    return Step(
        axis=axis,
        citation=ground.citation,
        kind=ground.kind,
        conclusion=ground.text,
        facts=[_answer(fact, manifest) for fact in ground.facts],
    )


def _answer(fact: str, manifest: dict[str, Any]) -> Answer:
    from engine.manifest.questions import fact_table

    described = fact_table().get(fact, {})
    return Answer(
        fact=fact,
        answer=_value_at(manifest, fact.split(".")),
        question=str(described.get("question", "")),
        cite=str(described.get("cite", "")),
    )


def _value_at(document: Any, path: list[str]) -> Any:
    for key in path:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document
