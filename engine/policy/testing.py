"""`ai-assure policy test`: run Rego unit tests with the embedded evaluator.

Same convention as `opa test`: every rule named `test_*` in a `*_test.rego` module must
evaluate to `true`. Each test module is compiled once into a bundle with its tests as
entrypoints (rego-cpp recompiles on every plain query, which made a run take minutes), then
each test is evaluated on its own, so one failing test never hides another.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.core.stdout import stdout_to_stderr
from engine.policy.rego_cpp import error_messages
from engine.policy.sources import (
    PolicyError,
    data_files_in,
    is_test_module,
    load_data,
    package_of,
    read_source,
    rego_files,
)

_TEST_RULE = re.compile(r"^(test_\w+)\b", re.M)


@dataclass(frozen=True)
class PolicyTestResult:
    package: str
    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True)
class _TestModule:  # one *_test.rego file
    path: Path
    package: str
    tests: tuple[str, ...]


def unit_test_modules(directory: Path) -> list[_TestModule]:
    """Every `*_test.rego` module of the folder, with its package and the tests it defines."""
    modules = []
    for path in rego_files(directory, tests=True):
        if not is_test_module(path):
            continue
        source = path.read_text(encoding="utf-8")
        package = package_of(str(path), source)
        tests = tuple(sorted(set(_TEST_RULE.findall(source))))
        modules.append(_TestModule(path, package, tests))
    return modules


def discover_tests(directory: Path) -> list[tuple[str, str]]:
    """(package, test name) for every test rule, sorted and without repeats."""
    found = {(m.package, name) for m in unit_test_modules(directory) for name in m.tests}
    return sorted(found)


def run_policy_tests(directory: Path) -> list[PolicyTestResult]:
    """Every test, module by module: a fresh interpreter per test module holding the policies,
    the shared fixture modules (test modules without tests) and that module, in worker
    processes (one per core). One interpreter for everything peaked above 4 GB, because
    rego-cpp copies each rule a `with` reaches."""
    modules = unit_test_modules(directory)
    shared = [path for path in rego_files(directory) if not is_test_module(path)]
    shared += [m.path for m in modules if not m.tests]
    data = load_data(tuple(read_source(path, directory) for path in data_files_in(directory)))
    jobs = [(directory, [*shared, m.path], m, data) for m in modules if m.tests]
    with stdout_to_stderr(), ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1) or 1) as pool:
        batches = list(pool.map(_run_module, *zip(*jobs, strict=True))) if jobs else []
    results = [result for batch in batches for result in batch]
    return sorted(results, key=lambda r: (r.package, r.name))


def _run_module(
    directory: Path, paths: list[Path], module: _TestModule, data: dict[str, object]
) -> list[PolicyTestResult]:
    import regopy

    interpreter = regopy.Interpreter()
    interpreter.strict_built_in_errors = True
    entrypoints = [_entrypoint(module.package, name) for name in module.tests]
    try:
        for path in paths:
            interpreter.add_module(path.relative_to(directory).as_posix(), path.read_text())
        if data:
            interpreter.add_data(data)
        bundle = interpreter.build(None, entrypoints)
    except regopy.RegoError as exc:
        raise PolicyError(f"{module.path.name}: policy error: {exc}") from None
    return [_run_one(interpreter, bundle, module.package, name) for name in module.tests]


def _entrypoint(package: str, name: str) -> str:
    return f"{package.replace('.', '/')}/{name}"


def _run_one(interpreter: Any, bundle: Any, package: str, name: str) -> PolicyTestResult:
    entrypoint = _entrypoint(package, name)
    output = interpreter.query_bundle_entrypoint(bundle, entrypoint)
    if not output.ok():
        return PolicyTestResult(package, name, False, "error: " + "; ".join(error_messages(output)))
    results = output.results
    value = results[0].expressions[0] if results and results[0].expressions else None
    if value is True:
        return PolicyTestResult(package, name, True)
    return PolicyTestResult(package, name, False, "undefined" if value is None else f"= {value!r}")


def run_fixture_query(directory: Path, query: str) -> Any:
    """Evaluate `query` over the policies plus the shared fixture modules (for tooling that
    reuses the unit tests' inputs, such as the conformance suite)."""
    import regopy

    paths = [p for p in rego_files(directory) if not is_test_module(p)]
    paths += [m.path for m in unit_test_modules(directory) if not m.tests]
    with stdout_to_stderr():
        interpreter = regopy.Interpreter()
        for path in paths:
            interpreter.add_module(path.relative_to(directory).as_posix(), path.read_text())
        output = interpreter.query(query)
    if not output.ok() or not output.results or not output.results[0].expressions:
        raise PolicyError(f"{query} is undefined or failed")
    return output.results[0].expressions[0]
