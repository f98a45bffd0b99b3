"""The contract every policy evaluator keeps.

An evaluator loads the policy modules and data of a `PolicySet`, evaluates the entry point
`data.ai_assure.main.result` against one input document and returns its value as plain
data. When repository-local rules are layered on, the local entry point
`data.ai_assure_local.main.result` is evaluated apart, with the local modules, and returned
under `local_rules`; the governance decision never sees a local module. Evaluators never
interpret results (the engine does) and never write to stdout.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from engine.core.errors import AssuranceError
from engine.policy.sources import PolicySet

ENTRYPOINT = "ai_assure/main/result"
LOCAL_ENTRYPOINT = "ai_assure_local/main/result"


class EvaluationError(AssuranceError):
    """The policies could not be compiled or evaluated; the gate must fail closed."""


class Evaluation(ABC):
    """An evaluation begun before its input is ready; `finish` or `cancel` it once."""

    @abstractmethod
    def finish(self, input_document: dict[str, Any]) -> dict[str, Any]:
        """Evaluate the entry point for this input; raise `EvaluationError` on any failure."""

    @abstractmethod
    def cancel(self) -> None:
        """Give up (the input will not come); a no-op once finished."""


class Evaluator(ABC):
    name: str

    @abstractmethod
    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        """Evaluate the entry point; raise `EvaluationError` on any failure."""

    def start(self, policies: PolicySet) -> Evaluation:
        """Begin with the policies alone (an evaluator may compile them meanwhile); the engine
        gathers the evidence, then calls `finish`. By default nothing happens early."""
        return _Deferred(self, policies)


class _Deferred(Evaluation):
    def __init__(self, evaluator: Evaluator, policies: PolicySet) -> None:
        self._evaluator, self._policies = evaluator, policies

    def finish(self, input_document: dict[str, Any]) -> dict[str, Any]:
        return self._evaluator.evaluate(self._policies, input_document)

    def cancel(self) -> None:
        """Nothing was started."""
