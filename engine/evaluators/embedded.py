"""The default evaluator: Microsoft's rego-cpp through `regopy`, in process, no OPA needed."""

from __future__ import annotations

import re
from typing import Any

from engine.evaluators import _compiled_cache
from engine.evaluators._stdout import stdout_to_stderr
from engine.evaluators.interface import (
    EvaluationError,
    Evaluator,
    query_for,
    result_from_bindings,
)
from engine.policies import PolicySet

_IN_MEMORY: dict[str, Any] = {}  # cache key -> compiled bundle, for this process
_ERROR_MESSAGE = re.compile(r"\(errormsg \d+:(.*?)\)\s*$", re.M)


class EmbeddedEvaluator(Evaluator):
    name = "embedded"

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        import regopy

        query = query_for(policies)
        with stdout_to_stderr():
            interpreter = regopy.Interpreter()
            interpreter.strict_built_in_errors = True
            try:
                bundle = _compiled(interpreter, policies, query, regopy.__version__)
                interpreter.set_input(input_document)
                output = interpreter.query_bundle(bundle)
            except regopy.RegoError as exc:
                raise EvaluationError(f"policy error: {exc}") from None
            except ValueError as exc:  # regopy's own JSON decoding of a broken output
                raise EvaluationError(f"policy evaluation failed: {exc}") from None
        return _value(output, query, policies.has_local)


def _compiled(interpreter: Any, policies: PolicySet, query: str, regopy_version: str) -> Any:
    """The policies compiled for `query`: from this process's memory, else from the cache,
    else built (a portfolio run compiles once per worker, not once per system)."""
    key = _compiled_cache.cache_key(policies, query, regopy_version)
    bundle = _IN_MEMORY.get(key) or _compiled_cache.load(interpreter, key)
    if bundle is None:
        for name, source in policies.modules:
            interpreter.add_module(name, source)
        if policies.data:
            interpreter.add_data(policies.data)
        bundle = interpreter.build(query, [])
        _compiled_cache.store(interpreter, key, bundle)
    _IN_MEMORY[key] = bundle
    return bundle


def _value(output: Any, query: str, has_local: bool) -> dict[str, Any]:
    if not output.ok():
        raise EvaluationError("policy evaluation failed: " + "; ".join(error_messages(output)))
    results = output.results
    if has_local:
        return result_from_bindings(results[0].bindings if results else None)
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
