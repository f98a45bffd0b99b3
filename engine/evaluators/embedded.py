"""The default evaluator: OPA's own policy, compiled to WebAssembly by the pinned OPA and run
in this process by wasmtime. No OPA is needed to check a system.

The governance decision always comes from the governance policies' compiled module: the one
the bundled library or a signed bundle ships, or (for a policy author's `--governance-policies`) one
OPA compiles here. Team-local rules (`--local-rules`) are compiled with the governance policies
into a module of their own when OPA is available; without OPA, rego-cpp evaluates them
(`regopy_local`) and the report says so. Local rules never reach the governance module.

Each thread keeps its own instance of a module (a wasmtime store is not thread-safe); the
compiled module and its machine code are shared (`wasm_cache`).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from engine.core.files import file_stamp
from engine.core.limits import DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_S
from engine.evaluators import opa_wasm, wasm_cache
from engine.evaluators.interface import ENTRYPOINT, LOCAL_ENTRYPOINT, EvaluationError, Evaluator
from engine.evaluators.opa_eval import find_opa
from engine.evaluators.wasm_build import compile_policy
from engine.policy.compiled import CompiledPolicy
from engine.policy.sources import PolicySet

_THREAD = threading.local()


class EmbeddedEvaluator(Evaluator):
    name = "embedded"

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT_S,
        max_memory: int | None = DEFAULT_MAX_MEMORY_BYTES,
        opa_binary: str | Path | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_memory = max_memory
        self.opa_binary = opa_binary

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        text = input_json(input_document)
        governance = self._governance(policies)
        result = self._instance(governance, policies).evaluate(text.encode(), ENTRYPOINT)
        if not isinstance(result, dict):
            raise EvaluationError("data.ai_assure.main.result is not an object")
        if policies.has_local:
            result = {**result, **self._local(policies, text)}
        return result

    def _governance(self, policies: PolicySet) -> CompiledPolicy:
        """The governance policies compiled: as shipped, else compiled here by OPA."""
        if policies.compiled is not None:
            return policies.compiled
        modules = policies.governance_only().modules
        binary = self._opa(f"the policies of {policies.source} are not compiled")
        wasm = wasm_cache.built_wasm(
            (policies.digest, ENTRYPOINT, _identity(binary)),
            lambda: compile_policy(modules, policies.data, (ENTRYPOINT,), binary, self.timeout),
        )
        return CompiledPolicy(wasm=wasm)

    def _local(self, policies: PolicySet, text: str) -> dict[str, Any]:
        """`local_rules`: the local rules' result; and `local_engine` when it is not OPA's
        (no OPA to compile them: rego-cpp evaluated them)."""
        try:
            binary = find_opa(self.opa_binary)
        except EvaluationError:
            from engine.evaluators import regopy_local

            value = regopy_local.evaluate_local(policies, text, self.timeout, self.max_memory)
            return {"local_rules": value, "local_engine": regopy_local.ENGINE_NAME}
        key = (policies.digest, policies.local_digest or "", LOCAL_ENTRYPOINT, _identity(binary))
        wasm = wasm_cache.built_wasm(
            key,
            lambda: compile_policy(
                policies.modules, policies.data, (LOCAL_ENTRYPOINT,), binary, self.timeout
            ),
        )
        local = self._instance(CompiledPolicy(wasm=wasm), policies)
        return {"local_rules": local.evaluate(text.encode(), LOCAL_ENTRYPOINT)}

    def _opa(self, why: str) -> str:
        try:
            return find_opa(self.opa_binary)
        except EvaluationError as exc:
            raise EvaluationError(f"{why}, and compiling them needs OPA: {exc}") from None

    def _instance(self, compiled: CompiledPolicy, policies: PolicySet) -> opa_wasm.OpaWasmPolicy:
        """This thread's instance of the module with the policy data loaded."""
        instances: dict[tuple[Any, ...], opa_wasm.OpaWasmPolicy] = _THREAD.__dict__.setdefault(
            "instances", {}
        )
        key = (compiled.sha256, policies.digest, self.timeout, self.max_memory)
        found = instances.get(key)
        if found is None or found.broken:
            limits = opa_wasm.Limits(self.timeout, self.max_memory)
            module = wasm_cache.module(compiled)
            found = opa_wasm.OpaWasmPolicy(wasm_cache.engine(), module, policies.data, limits)
            instances[key] = found
        return found


def input_json(document: dict[str, Any]) -> str:
    """The input as UTF-8 JSON text (the canonical input document, docs/input-document.md)."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False)


def _identity(binary: str) -> str:
    """The OPA binary's path, size and modification time: a new OPA gives a new cache key."""
    return file_stamp(Path(binary))
