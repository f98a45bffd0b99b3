"""The contract every policy evaluator keeps.

An evaluator loads the policy modules and data of a `PolicySet`, evaluates the single entry
point `data.ai_assure.main.result` against one input document and returns its value as
plain data. Evaluators never interpret results (the engine does) and never write to stdout.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from engine.policies import PolicySet

ENTRYPOINT = "ai_assure/main/result"


class EvaluationError(RuntimeError):
    """The policies could not be compiled or evaluated; the gate must fail closed."""


class Evaluator(ABC):
    name: str

    @abstractmethod
    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        """Evaluate the entry point; raise `EvaluationError` on any failure."""
