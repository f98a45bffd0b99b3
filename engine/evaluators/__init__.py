"""Policy evaluators. Add one: a module with an `Evaluator` subclass and a line below."""

from __future__ import annotations

import importlib

from engine.evaluators.interface import EvaluationError, Evaluator

EVALUATORS: dict[str, str] = {
    "embedded": "engine.evaluators.embedded:EmbeddedEvaluator",
}

__all__ = ["EVALUATORS", "EvaluationError", "Evaluator", "get_evaluator"]


def get_evaluator(name: str) -> Evaluator:
    try:
        module_name, class_name = EVALUATORS[name].split(":")
    except KeyError:
        raise EvaluationError(
            f"unknown evaluator {name!r}; choose from {sorted(EVALUATORS)}"
        ) from None
    return getattr(importlib.import_module(module_name), class_name)()
