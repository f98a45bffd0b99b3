"""Team-local rules without OPA: Microsoft's rego-cpp (`regopy`) evaluates
`data.ai_assure_local.main.result` when no OPA binary is there to compile them.

Only repository-local rules ever run here; they can never change a governance decision,
which always comes from the governance policy OPA compiled. The report says when this
fallback was used (`policy.local_engine`). rego-cpp runs in a forked child within the
`--timeout` and `--max-memory` limits (`_isolation`): a loop or a native crash ends the check
with exit 2 and one message, never a hang.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from typing import Any

from engine.core.observed import spoil
from engine.core.stdout import stdout_to_stderr
from engine.evaluators._isolation import can_isolate, run_isolated
from engine.evaluators.interface import LOCAL_ENTRYPOINT, EvaluationError
from engine.policy.rego_cpp import error_messages, interpreter
from engine.policy.sources import PolicySet

ENGINE_NAME = "rego-cpp"
_QUERY = "data." + LOCAL_ENTRYPOINT.replace("/", ".")


def evaluate_local(
    policies: PolicySet, input_json: str, timeout: float, max_memory: int | None
) -> dict[str, Any]:
    """The local entry point's value for the input (JSON text)."""
    spoil("rego-cpp may write to the output streams below Python, where nothing is recorded")
    work = functools.partial(_evaluate, policies, input_json)
    if can_isolate():
        value: Any = run_isolated(work, timeout, "local rule evaluation", max_memory)
    else:
        with stdout_to_stderr():
            value = work()
    if not isinstance(value, dict):
        raise EvaluationError(f"{_QUERY} is not an object")
    return value


def _evaluate(policies: PolicySet, input_json: str) -> Any:
    rego = interpreter()
    with _policy_errors():
        for name, source in policies.modules:
            rego.add_module(name, source)
        if policies.data:
            rego.add_data_json(json.dumps(policies.data, ensure_ascii=False))
        rego.set_input_term(input_json)
        output = rego.query(_QUERY)
    if not output.ok():
        raise EvaluationError("local rule evaluation failed: " + "; ".join(error_messages(output)))
    results = output.results
    if not results or not results[0].expressions:
        raise EvaluationError(f"{_QUERY} is undefined")
    return results[0].expressions[0]


@contextlib.contextmanager
def _policy_errors() -> Iterator[None]:
    import regopy

    try:
        yield
    except regopy.RegoError as exc:
        raise EvaluationError(f"policy error: {exc}") from None
    except ValueError as exc:  # regopy's own JSON decoding of a broken output
        raise EvaluationError(f"local rule evaluation failed: {exc}") from None
