"""`ai-assure policy test` on the embedded evaluator: the Rego unit tests compiled by OPA to
WebAssembly, as the policies themselves are, and run by wasmtime.

Same convention as `opa test`: every rule named `test_*` in a `*_test.rego` module must
evaluate to `true`. OPA compiles the policies with every test module once, each test an
entry point, so a test runs exactly as a check would run the rules it exercises. The
fixtures edit documents with `json.patch`, which OPA leaves to the host; it is provided here
and nowhere else (host_builtins.TEST_BUILTINS).
"""

from __future__ import annotations

from pathlib import Path

from engine.core.limits import DEFAULT_TIMEOUT_S
from engine.evaluators import opa_wasm
from engine.evaluators.host_builtins import TEST_BUILTINS
from engine.evaluators.interface import EvaluationError
from engine.evaluators.wasm_build import compile_policy
from engine.policy.sources import data_files_in, load_data, read_source, rego_files
from engine.policy.testing import PolicyTestResult, unit_test_modules


def run_compiled_tests(
    directory: Path, opa_binary: str | Path | None = None
) -> list[PolicyTestResult]:
    """Every test of the folder, compiled by OPA and run on the embedded evaluator, sorted by
    package and name; a test that errors fails with the error as its detail."""
    tests = [(m.package, name) for m in unit_test_modules(directory) for name in m.tests]
    if not tests:
        return []
    modules = tuple(read_source(path, directory) for path in rego_files(directory, tests=True))
    data = load_data(tuple(read_source(path, directory) for path in data_files_in(directory)))
    entrypoints = tuple(_entrypoint(package, name) for package, name in tests)
    wasm = compile_policy(modules, data, entrypoints, opa_binary)
    engine = opa_wasm.new_engine()
    module = opa_wasm.load_module(engine, wasm, None)
    limits = opa_wasm.Limits(DEFAULT_TIMEOUT_S, None)
    results = []
    policy = None
    for package, name in tests:
        if policy is None or policy.broken:  # an instance cut short cannot be reused
            policy = opa_wasm.OpaWasmPolicy(engine, module, data, limits, TEST_BUILTINS)
        results.append(_run_one(policy, package, name))
    return sorted(results, key=lambda r: (r.package, r.name))


def _entrypoint(package: str, name: str) -> str:
    return f"{package.replace('.', '/')}/{name}"


def _run_one(policy: opa_wasm.OpaWasmPolicy, package: str, name: str) -> PolicyTestResult:
    try:
        results = policy.results(b"{}", _entrypoint(package, name))
    except EvaluationError as exc:
        return PolicyTestResult(package, name, False, f"error: {exc}")
    if not results:
        return PolicyTestResult(package, name, False, "undefined")
    value = results[0].get("result") if isinstance(results[0], dict) else None
    if value is True:
        return PolicyTestResult(package, name, True)
    return PolicyTestResult(package, name, False, f"= {value!r}")
