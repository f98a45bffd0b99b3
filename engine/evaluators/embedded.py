"""The default evaluator: Microsoft's rego-cpp through `regopy`, no OPA needed.

Compiling and evaluating run in a forked child within the `--timeout` limit
(`engine.evaluators._isolation`): a policy that loops, or native code that crashes, ends the
check with exit 2 and one message, never a hang or a dead process. The compiled policies
come back from the child as a file: this process keeps them for later checks (a portfolio
run compiles once or twice per worker, not once per system) and, outside CI, so does the
compiled-policy cache on disk. A process without that cache (CI) keeps them only from the
second time it compiles them: a one-off check never pays for saving and loading them. Where
`os.fork` is missing (Windows) the work runs in process, without the time limit.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from engine.evaluators import _compiled_cache
from engine.evaluators._isolation import can_isolate, run_isolated
from engine.evaluators._stdout import stdout_to_stderr
from engine.evaluators.interface import (
    EvaluationError,
    Evaluator,
    query_for,
    result_from_bindings,
)
from engine.limits import DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_S
from engine.policies import PolicySet

_IN_MEMORY: dict[str, Any] = {}  # cache key -> compiled bundle, for this process
_COMPILED: set[str] = set()  # cache keys compiled (and not kept) by this process
_ERROR_MESSAGE = re.compile(r"\(errormsg \d+:(.*?)\)\s*$", re.M)


class EmbeddedEvaluator(Evaluator):
    name = "embedded"

    def __init__(
        self, timeout: float = DEFAULT_TIMEOUT_S, max_memory: int | None = DEFAULT_MAX_MEMORY_BYTES
    ) -> None:
        self.timeout = timeout
        self.max_memory = max_memory

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        import regopy  # imported here, once: children inherit it

        query = query_for(policies)
        key = _compiled_cache.cache_key(policies, query, regopy.__version__)
        arguments = (query, policies, input_document)
        bundle = _IN_MEMORY.get(key) or _from_disk_cache(key)
        if bundle is not None:
            _IN_MEMORY[key] = bundle
            return self._run(functools.partial(_evaluate, bundle, *arguments))
        if key not in _COMPILED and _compiled_cache.cache_dir() is None:
            _COMPILED.add(key)  # a one-off check (CI) pays nothing for keeping what it compiled
            return self._run(functools.partial(_compile_and_evaluate, None, *arguments))
        with tempfile.TemporaryDirectory(prefix="ai-assure-") as scratch:
            compiled = Path(scratch) / "policies.rbb"
            value = self._run(functools.partial(_compile_and_evaluate, compiled, *arguments))
            _IN_MEMORY[key] = _keep(key, compiled)
        return value

    def _run(self, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if not can_isolate():
            with stdout_to_stderr():
                return work()
        return run_isolated(work, self.timeout, "policy evaluation", self.max_memory)


def _interpreter() -> Any:
    import regopy

    interpreter = regopy.Interpreter()
    interpreter.strict_built_in_errors = True
    return interpreter


@contextlib.contextmanager
def _policy_errors() -> Iterator[None]:
    """regopy's failures as `EvaluationError`s."""
    import regopy

    try:
        yield
    except regopy.RegoError as exc:
        raise EvaluationError(f"policy error: {exc}") from None
    except ValueError as exc:  # regopy's own JSON decoding of a broken output
        raise EvaluationError(f"policy evaluation failed: {exc}") from None


def _compile_and_evaluate(
    compiled: Path | None, query: str, policies: PolicySet, input_document: dict[str, Any]
) -> dict[str, Any]:
    """Compile the policies for `query`, save them to `compiled` (if given), then evaluate."""
    import regopy

    interpreter = _interpreter()
    with _policy_errors():
        for name, source in policies.modules:
            interpreter.add_module(name, source)
        if policies.data:
            interpreter.add_data(policies.data)
        bundle = interpreter.build(query, [])
        if compiled is not None:
            interpreter.save_bundle(str(compiled), bundle, regopy.BundleFormat.Binary)
    return _evaluate(bundle, query, policies, input_document)


def _evaluate(
    bundle: Any, query: str, policies: PolicySet, input_document: dict[str, Any]
) -> dict[str, Any]:
    interpreter = _interpreter()
    with _policy_errors():
        interpreter.set_input_term(_as_json(input_document))
        output = interpreter.query_bundle(bundle)
    return _value(output, query, policies.has_local)


def _as_json(document: dict[str, Any]) -> str:
    """The input as JSON text for rego-cpp's own parser. regopy's `set_input` converts Python
    objects itself and leaves backslashes unescaped, so a string holding one (a metric named
    `recall\\x`) made its output invalid JSON and the whole check unassessable."""
    return json.dumps(document, ensure_ascii=True, allow_nan=False)


def _from_disk_cache(key: str) -> Any | None:
    with stdout_to_stderr():
        return _compiled_cache.load(_interpreter(), key)


def _keep(key: str, compiled: Path) -> Any:
    """The child's compiled policies, loaded here and stored in the disk cache."""
    import regopy

    _compiled_cache.store(key, compiled.read_bytes())
    with stdout_to_stderr():
        return _interpreter().load_bundle(str(compiled), regopy.BundleFormat.Binary)


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
