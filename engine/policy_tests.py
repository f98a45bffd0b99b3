"""`ai-assure policy test`: run Rego unit tests with the embedded evaluator.

Same convention as `opa test`: every rule named `test_*` in a `*_test.rego` module must
evaluate to `true`. All modules are compiled once into a bundle with every test as an
entrypoint (rego-cpp recompiles on each plain query, which made a run minutes long), then
each test is evaluated on its own, so one failing test never hides another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from engine.evaluators._stdout import stdout_to_stderr
from engine.evaluators.embedded import error_messages
from engine.policies import PolicyError, is_test_module, package_of, rego_files

_TEST_RULE = re.compile(r"^(test_\w+)\b", re.M)


@dataclass(frozen=True)
class PolicyTestResult:
    package: str
    name: str
    passed: bool
    detail: str = ""


def discover_tests(directory: Path) -> list[tuple[str, str]]:
    """(package, test name) for every test rule, sorted and without repeats."""
    found: set[tuple[str, str]] = set()
    for path in rego_files(directory, tests=True):
        if not is_test_module(path):
            continue
        source = path.read_text(encoding="utf-8")
        package = package_of(source)
        if package is None:
            raise PolicyError(f"{path}: no package declaration")
        found.update((package, name) for name in _TEST_RULE.findall(source))
    return sorted(found)


def run_policy_tests(directory: Path) -> list[PolicyTestResult]:
    import regopy

    tests = discover_tests(directory)
    with stdout_to_stderr():
        interpreter = regopy.Interpreter()
        interpreter.strict_built_in_errors = True
        entrypoints = [_entrypoint(package, name) for package, name in tests]
        try:
            for path in rego_files(directory, tests=True):
                interpreter.add_module(path.relative_to(directory).as_posix(), path.read_text())
            bundle = interpreter.build(None, entrypoints) if entrypoints else None
        except regopy.RegoError as exc:
            raise PolicyError(f"policy error: {exc}") from None
        return [_run_one(interpreter, bundle, package, name) for package, name in tests]


def _entrypoint(package: str, name: str) -> str:
    return f"{package.replace('.', '/')}/{name}"


def _run_one(interpreter: object, bundle: object, package: str, name: str) -> PolicyTestResult:
    entrypoint = _entrypoint(package, name)
    output = interpreter.query_bundle_entrypoint(bundle, entrypoint)  # type: ignore[attr-defined]
    if not output.ok():
        return PolicyTestResult(package, name, False, "error: " + "; ".join(error_messages(output)))
    results = output.results
    value = results[0].expressions[0] if results and results[0].expressions else None
    if value is True:
        return PolicyTestResult(package, name, True)
    return PolicyTestResult(package, name, False, "undefined" if value is None else f"= {value!r}")
