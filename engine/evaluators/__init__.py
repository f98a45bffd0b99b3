"""Policy evaluators. Add one: a module with an `Evaluator` subclass and a line below."""

from __future__ import annotations

from engine.core.plugins import load_class
from engine.evaluators.interface import EvaluationError, Evaluator

EVALUATORS: dict[str, str] = {
    "embedded": "engine.evaluators.embedded:EmbeddedEvaluator",
    "opa": "engine.evaluators.opa_eval:OpaEvalEvaluator",
    "opa-server": "engine.evaluators.opa_server:OpaServerEvaluator",
}

__all__ = ["EVALUATORS", "EvaluationError", "Evaluator", "get_evaluator"]


def get_evaluator(name: str, **options: object) -> Evaluator:
    """The evaluator registered as `name`, constructed with `options`."""
    try:
        evaluator_class = load_class(EVALUATORS, name, "evaluator")
    except KeyError as exc:
        raise EvaluationError(exc.args[0]) from None
    return evaluator_class(**options)
