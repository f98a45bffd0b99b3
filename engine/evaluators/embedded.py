"""The default evaluator: Microsoft's rego-cpp through `regopy`, no OPA needed.

Compiling and evaluating run in a forked child within the `--timeout` and `--max-memory`
limits (`engine.evaluators._isolation`): a policy that loops, or native code that crashes,
ends the check with exit 2 and one message, never a hang or a dead process. `start` forks the
child as soon as the policies are known, so they compile while the engine reads the manifest
and gathers the evidence (about 0.1 s off a one-off check); `finish` sends the input.

The compiled policies come back from the child as a file: this process keeps them for later
checks (a portfolio run compiles once or twice per worker, not once per system) and, outside
CI, so does the compiled-policy cache on disk. A process without that cache (CI) keeps them
only from the second time it compiles them: a one-off check never pays for saving and
loading them. Where `os.fork` is missing (Windows) the work runs in process, without limits.
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from engine.core.limits import DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_S
from engine.core.stdout import stdout_to_stderr
from engine.evaluators import _compiled_cache
from engine.evaluators._isolation import can_isolate, start_isolated
from engine.evaluators.interface import (
    Evaluation,
    EvaluationError,
    Evaluator,
    query_for,
    result_from_bindings,
)
from engine.policy.rego_cpp import error_messages
from engine.policy.rego_cpp import interpreter as new_interpreter
from engine.policy.sources import PolicySet

Work = Callable[[Callable[[], bytes]], dict[str, Any]]  # given a way to read the input

_IN_MEMORY: dict[str, Any] = {}  # cache key -> compiled bundle, for this process
_COMPILED: set[str] = set()  # cache keys compiled (and not kept) by this process


class EmbeddedEvaluator(Evaluator):
    name = "embedded"

    def __init__(
        self, timeout: float = DEFAULT_TIMEOUT_S, max_memory: int | None = DEFAULT_MAX_MEMORY_BYTES
    ) -> None:
        self.timeout = timeout
        self.max_memory = max_memory

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        return self.start(policies).finish(input_document)

    def start(self, policies: PolicySet) -> Evaluation:
        """Fork the child now: it compiles the policies while the engine gathers evidence."""
        import regopy  # imported here, once: children inherit it

        query = query_for(policies)
        key = _compiled_cache.cache_key(policies, query, regopy.__version__)
        bundle = _IN_MEMORY.get(key) or _from_disk_cache(key)
        if bundle is not None:
            _IN_MEMORY[key] = bundle
            return self._begin(functools.partial(_evaluate, bundle, query, policies))
        if key not in _COMPILED and _compiled_cache.cache_dir() is None:
            _COMPILED.add(key)  # a one-off check (CI) pays nothing for keeping what it compiled
            return self._begin(functools.partial(_compile_and_evaluate, None, query, policies))
        scratch = Path(tempfile.mkdtemp(prefix="ai-assure-"))
        compiled = scratch / "policies.rbb"
        work = functools.partial(_compile_and_evaluate, compiled, query, policies)
        keep = functools.partial(_keep_compiled, key, compiled)
        return self._begin(work, keep=keep, scratch=scratch)

    def _begin(
        self, work: Work, keep: Callable[[], Any] | None = None, scratch: Path | None = None
    ) -> Evaluation:
        runner = (
            start_isolated(work, self.timeout, "policy evaluation", self.max_memory)
            if can_isolate()
            else _InProcess(work)
        )
        return _EmbeddedEvaluation(runner, keep, scratch)


class _InProcess:
    """Where there is no fork (Windows): the work runs here, at `finish`, without limits."""

    def __init__(self, work: Work) -> None:
        self._work = work

    def finish(self, data: bytes) -> Any:
        with stdout_to_stderr():
            return self._work(lambda: data)

    def cancel(self) -> None:
        """Nothing runs before `finish`."""


class _EmbeddedEvaluation(Evaluation):
    def __init__(self, runner: Any, keep: Callable[[], Any] | None, scratch: Path | None) -> None:
        self._runner, self._keep, self._scratch = runner, keep, scratch

    def finish(self, input_document: dict[str, Any]) -> dict[str, Any]:
        try:
            value = self._runner.finish(_as_json(input_document).encode())
            if self._keep is not None:  # the compiled policies, for the next check
                self._keep()
            return value
        finally:
            self._remove_scratch()

    def cancel(self) -> None:
        self._runner.cancel()
        self._remove_scratch()

    def _remove_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


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
    compiled: Path | None, query: str, policies: PolicySet, read_input: Callable[[], bytes]
) -> dict[str, Any]:
    """Compile the policies for `query`, save them to `compiled` (if given), then evaluate
    the input once it comes."""
    import regopy

    interpreter = new_interpreter()
    with _policy_errors():
        for name, source in policies.modules:
            interpreter.add_module(name, source)
        if policies.data:
            interpreter.add_data(policies.data)
        bundle = interpreter.build(query, [])
        if compiled is not None:
            interpreter.save_bundle(str(compiled), bundle, regopy.BundleFormat.Binary)
    return _evaluate(bundle, query, policies, read_input)


def _evaluate(
    bundle: Any, query: str, policies: PolicySet, read_input: Callable[[], bytes]
) -> dict[str, Any]:
    """Evaluate the compiled `bundle` on the input (JSON text, see `_as_json`)."""
    text = read_input().decode()
    interpreter = new_interpreter()
    with _policy_errors():
        interpreter.set_input_term(text)
        output = interpreter.query_bundle(bundle)
    return _value(output, query, policies.has_local)


def _as_json(document: dict[str, Any]) -> str:
    """The input as JSON text for rego-cpp's own parser. regopy's `set_input` converts Python
    objects itself and leaves backslashes unescaped, so a string holding one (a metric named
    `recall\\x`) made its output invalid JSON and the whole check unassessable."""
    return json.dumps(document, ensure_ascii=True, allow_nan=False)


def _from_disk_cache(key: str) -> Any | None:
    with stdout_to_stderr():
        return _compiled_cache.load(new_interpreter(), key)


def _keep_compiled(key: str, compiled: Path) -> None:
    """Keep the child's compiled policies for this process's next check."""
    _IN_MEMORY[key] = _keep(key, compiled)


def _keep(key: str, compiled: Path) -> Any:
    """The child's compiled policies, loaded here and stored in the disk cache."""
    import regopy

    _compiled_cache.store(key, compiled.read_bytes())
    with stdout_to_stderr():
        return new_interpreter().load_bundle(str(compiled), regopy.BundleFormat.Binary)


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
