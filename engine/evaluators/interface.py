"""The contract every policy evaluator keeps.

An evaluator loads the policy modules and data of a `PolicySet`, evaluates the entry point
`data.ai_assure.main.result` against one input document and returns its value as plain
data. When repository-local rules are layered on, the same single query also binds the
local entry point, returned under `local_rules`. Evaluators never interpret results (the
engine does) and never write to stdout.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from engine.core.errors import AssuranceError
from engine.policy.sources import PolicySet

ENTRYPOINT = "ai_assure/main/result"
LOCAL_ENTRYPOINT = "ai_assure_local/main/result"
_GOVERNANCE, _LOCAL = "governance", "local"


def query_for(policies: PolicySet) -> str:
    """The one query a run evaluates."""
    governance = "data." + ENTRYPOINT.replace("/", ".")
    if not policies.has_local:
        return governance
    local = "data." + LOCAL_ENTRYPOINT.replace("/", ".")
    return f"{_GOVERNANCE} = {governance}; {_LOCAL} = {local}"


def result_from_bindings(bindings: Any) -> dict[str, Any]:
    """The governance result with the local rules' result under `local_rules`."""
    if not isinstance(bindings, dict) or not isinstance(bindings.get(_GOVERNANCE), dict):
        raise EvaluationError("the policies define no result")
    if not isinstance(bindings.get(_LOCAL), dict):
        raise EvaluationError("the local rules' entry point is undefined")
    return {**bindings[_GOVERNANCE], "local_rules": bindings[_LOCAL]}


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
