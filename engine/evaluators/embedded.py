"""The default evaluator: Microsoft's rego-cpp through `regopy`, in process, no OPA needed."""

from __future__ import annotations

import re
from typing import Any

from engine.evaluators._stdout import stdout_to_stderr
from engine.evaluators.interface import ENTRYPOINT, EvaluationError, Evaluator
from engine.policies import PolicySet

_ERROR_MESSAGE = re.compile(r"\(errormsg \d+:(.*?)\)\s*$", re.M)


class EmbeddedEvaluator(Evaluator):
    name = "embedded"

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        import regopy

        query = "data." + ENTRYPOINT.replace("/", ".")
        with stdout_to_stderr():
            interpreter = regopy.Interpreter()
            interpreter.strict_built_in_errors = True
            try:
                for name, source in policies.modules:
                    interpreter.add_module(name, source)
                if policies.data:
                    interpreter.add_data(policies.data)
                interpreter.set_input(input_document)
                output = interpreter.query(query)
            except regopy.RegoError as exc:
                raise EvaluationError(f"policy error: {exc}") from None
        return _value(output, query)


def _value(output: Any, query: str) -> dict[str, Any]:
    if not output.ok():
        raise EvaluationError("policy evaluation failed: " + "; ".join(error_messages(output)))
    results = output.results
    if not results or not results[0].expressions:
        raise EvaluationError(f"{query} is undefined: the policies define no result")
    value = results[0].expressions[0]
    if not isinstance(value, dict):
        raise EvaluationError(f"{query} is not an object")
    return value


def error_messages(output: Any) -> list[str]:
    """Messages from regopy's error node (its string form is only `<error>`)."""
    from regopy.rego_shared import rego_node_json

    node = output.node()
    texts = [rego_node_json(node.at(index)._impl) for index in range(len(node))]
    messages = [match.strip() for text in texts for match in _ERROR_MESSAGE.findall(text)]
    return messages or ["unknown error"]
