"""The embedded evaluator: OPA's policy compiled to WebAssembly and run by wasmtime. It returns
the entry point's value, fails closed on every error, never writes to stdout, stops at the
time and memory limits, keeps compiled policies only where it may, and needs OPA only for
policies that did not ship compiled."""

from __future__ import annotations

import platform
import threading
import time

import pytest

from engine.evaluators import EvaluationError, embedded, get_evaluator, wasm_cache
from engine.evaluators.embedded import EmbeddedEvaluator
from engine.evaluators.wasm_build import compile_policy, precompile
from engine.policy.compiled import CompiledPolicy
from engine.policy.sources import PolicySet

MAIN = 'package ai_assure.main\n\nimport rego.v1\n\nresult := {"tier": "minimal", "n": input.n}\n'


def policy_set(*sources: str, compiled: CompiledPolicy | None = None, data=None) -> PolicySet:
    modules = tuple((f"m{i}.rego", source) for i, source in enumerate(sources))
    return PolicySet(
        modules=modules,
        rules=(),
        source="test",
        revision="0",
        digest="sha256:" + str(hash(modules)),
        data=data or {},
        compiled=compiled,
    )


@pytest.fixture
def evaluate(opa_binary, monkeypatch):
    monkeypatch.setenv("AI_ASSURE_OPA", opa_binary)

    def run(*sources, document=None, **options):
        evaluator = get_evaluator("embedded", **options)
        return evaluator.evaluate(policy_set(*sources), document or {"n": 1})

    return run


def test_returns_the_entry_point_value(evaluate):
    assert evaluate(MAIN) == {"tier": "minimal", "n": 1}


def test_undefined_entry_point_is_an_error(evaluate):
    with pytest.raises(EvaluationError, match="undefined"):
        evaluate("package ai_assure.main\n\nimport rego.v1\n\nresult := input.missing\n")


def test_a_builtin_error_leaves_the_result_undefined_and_the_check_fails_closed(evaluate):
    """The Wasm target turns `1 / 0` into undefined where `opa eval --strict-builtin-errors`
    errors (policies/CONFORMANCE.md); either way the evaluation is an error, never a pass."""
    with pytest.raises(EvaluationError, match="undefined"):
        evaluate('package ai_assure.main\n\nimport rego.v1\n\nresult := {"x": 1 / 0}\n')


def test_a_builtin_that_compiled_policies_cannot_run_is_refused_by_name(evaluate):
    source = MAIN.replace('"n": input.n', '"n": time.parse_ns("2006-01-02", input.date)')
    with pytest.raises(EvaluationError, match=r"time\.parse_ns"):
        evaluate(source)


def test_a_host_builtin_that_fails_fails_the_evaluation(evaluate):
    source = MAIN.replace('"n": input.n', '"n": regex.replace("a", input.pattern, "")')
    with pytest.raises(EvaluationError, match=r"regex\.replace: invalid regular expression"):
        evaluate(source, document={"pattern": "("})


def test_syntax_errors_are_policy_errors_without_temporary_paths(evaluate):
    with pytest.raises(EvaluationError, match="could not compile") as caught:
        evaluate("package ai_assure.main\n\nresult := := 1\n")
    assert "/tmp" not in str(caught.value) and "ai-assure-build" not in str(caught.value)


def test_conflicting_values_are_errors(evaluate):
    with pytest.raises(EvaluationError):
        evaluate("package ai_assure.main\n\nimport rego.v1\n\nresult := 1\n\nresult := 2\n")


def test_rego_print_never_reaches_stdout(evaluate, capfd):
    """`opa build` compiles print() calls out of a Wasm module; nothing reaches stdout."""
    source = MAIN.replace(
        'result := {"tier"', 'p if print("from rego")\n\nresult := {"p": p, "tier"'
    )
    assert evaluate(source)["p"] is True
    assert "from rego" not in capfd.readouterr().out


def test_policy_data_is_visible_to_the_policies(opa_binary, monkeypatch):
    monkeypatch.setenv("AI_ASSURE_OPA", opa_binary)
    source = MAIN.replace('"n": input.n', '"n": data.ai_assure.config.n')
    policies = policy_set(source, data={"ai_assure": {"config": {"n": 7}}})
    assert get_evaluator("embedded").evaluate(policies, {})["n"] == 7


def test_input_text_reaches_the_policies_and_comes_back_unchanged(evaluate):
    text = 'recall\\x_at_10 \\n "quoted" \t tab \u0085 next-line \u00e9 \U0001f600'
    result = evaluate(
        "package ai_assure.main\n"
        'result := {"same": input.s, "joined": concat("", ["<", input.s, ">"]),'
        ' "count": count(input.s), "lower": lower("DONNÉES")}',
        document={"s": text},
    )
    assert result == {"same": text, "joined": f"<{text}>", "count": len(text), "lower": "données"}


LOOP = MAIN.replace(
    'result := {"tier"',
    "spins if {\n  some i in numbers.range(1, 100000)\n  some j in numbers.range(1, 100000)\n"
    '  i * j == -1\n}\n\nresult := {"spins": spins, "tier"',
)


def test_a_policy_that_runs_too_long_is_stopped_at_the_timeout(evaluate):
    start = time.monotonic()
    with pytest.raises(EvaluationError, match=r"did not finish within 0\.5 s \(the limit is"):
        evaluate(LOOP, timeout=0.5)
    assert time.monotonic() - start < 5


GREEDY = MAIN.replace('"n": input.n', '"n": count(numbers.range(1, input.size))')


def test_a_policy_that_needs_too_much_memory_is_stopped_at_the_limit(evaluate):
    with pytest.raises(EvaluationError, match=r"more than 64 MiB of memory \(the limit is"):
        evaluate(GREEDY, document={"size": 50_000_000}, max_memory=64 * 2**20)


def test_an_instance_cut_short_is_replaced_and_evaluates_again(evaluate):
    with pytest.raises(EvaluationError, match="memory"):
        evaluate(GREEDY, document={"size": 50_000_000}, max_memory=64 * 2**20)
    assert evaluate(GREEDY, document={"size": 10}, max_memory=64 * 2**20)["n"] == 10


def test_many_evaluations_reuse_the_instance_without_growing(opa_binary, monkeypatch):
    monkeypatch.setenv("AI_ASSURE_OPA", opa_binary)
    evaluator, policies = EmbeddedEvaluator(), policy_set(MAIN)
    big = {"n": 1, "padding": ["x" * 1000] * 1000}
    evaluator.evaluate(policies, big)
    instance = evaluator._instance(evaluator._governance(policies), policies)
    size = instance._memory.data_len(instance._store)
    for n in range(50):
        assert evaluator.evaluate(policies, {**big, "n": n})["n"] == n
    assert instance._memory.data_len(instance._store) == size


def test_threads_evaluate_at_once_each_with_its_own_instance(opa_binary, monkeypatch):
    monkeypatch.setenv("AI_ASSURE_OPA", opa_binary)
    evaluator, policies = EmbeddedEvaluator(), policy_set(MAIN)
    evaluator.evaluate(policies, {"n": 0})  # compiled once, before the threads start
    results: dict[int, object] = {}

    def work(n: int) -> None:
        results[n] = [evaluator.evaluate(policies, {"n": n * 100 + i})["n"] for i in range(20)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: [n * 100 + i for i in range(20)] for n in range(4)}


def test_policies_that_did_not_ship_compiled_need_opa(monkeypatch):
    monkeypatch.setenv("AI_ASSURE_OPA", "/nonexistent/opa")
    with pytest.raises(EvaluationError, match=r"not compiled, and compiling them needs OPA"):
        get_evaluator("embedded").evaluate(policy_set(MAIN.replace("n", "m")), {"m": 1})


def a_new_process(monkeypatch) -> None:
    """Forget every module and instance this process holds."""
    monkeypatch.setattr(wasm_cache, "_MODULES", {})
    monkeypatch.setattr(embedded, "_THREAD", threading.local())


def test_shipped_machine_code_is_used_without_compiling(opa_binary, monkeypatch):
    compiled = precompile(
        compile_policy((("m.rego", MAIN),), {}, ("ai_assure/main/result",), opa_binary)
    )
    monkeypatch.setenv("AI_ASSURE_OPA", "/nonexistent/opa")  # no OPA: nothing may compile

    def no_compiling(*_args):
        raise AssertionError("compiled at check time")

    monkeypatch.setattr("engine.evaluators.opa_wasm.load_module", no_compiling)
    a_new_process(monkeypatch)
    result = get_evaluator("embedded").evaluate(policy_set(MAIN, compiled=compiled), {"n": 3})
    assert result["n"] == 3


def test_shipped_machine_code_wasmtime_refuses_is_compiled_again(opa_binary, monkeypatch):
    """Code another wasmtime made (wasmtime checks its own version) or damaged code, under
    this host's tag: the module is compiled from its WebAssembly instead, same result."""
    wasm = compile_policy((("m.rego", MAIN),), {}, ("ai_assure/main/result",), opa_binary)
    machine = platform.machine().lower()
    compiled = CompiledPolicy(wasm=wasm, precompiled={f"wasmtime-0.1.0-{machine}": b"\x7fELF"})
    monkeypatch.setenv("CI", "true")
    a_new_process(monkeypatch)
    result = get_evaluator("embedded").evaluate(policy_set(MAIN, compiled=compiled), {"n": 5})
    assert result["n"] == 5


def test_machine_code_is_cached_outside_ci_and_a_damaged_file_rebuilt(
    opa_binary, tmp_path, monkeypatch
):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("AI_ASSURE_NO_CACHE", raising=False)
    monkeypatch.setenv("AI_ASSURE_CACHE_DIR", str(tmp_path))
    wasm = compile_policy((("m.rego", MAIN),), {}, ("ai_assure/main/result",), opa_binary)
    compiled = CompiledPolicy(wasm=wasm)

    def in_a_new_process() -> int:
        a_new_process(monkeypatch)
        return get_evaluator("embedded").evaluate(policy_set(MAIN, compiled=compiled), {"n": 4})[
            "n"
        ]

    assert in_a_new_process() == 4
    [cached] = list((tmp_path / "ai-assure" / "compiled").glob("*.cwasm"))
    assert in_a_new_process() == 4
    cached.write_bytes(b"damaged")
    assert in_a_new_process() == 4
    assert cached.read_bytes() != b"damaged"


def test_no_cache_in_ci(evaluate, tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("AI_ASSURE_CACHE_DIR", str(tmp_path))
    evaluate(MAIN.replace('"n"', '"ci"'))
    assert not (tmp_path / "ai-assure").exists()


def test_unknown_evaluator_is_refused():
    with pytest.raises(EvaluationError, match="unknown evaluator"):
        get_evaluator("magic")
