"""The embedded evaluator (regopy): one query, strict builtins, errors fail closed, native
output never reaches our stdout, and a policy that runs too long or crashes the native code
ends in an `EvaluationError`."""

import os
import signal
import time

import pytest

from engine.evaluators import EvaluationError, get_evaluator
from engine.policy.sources import PolicySet


def policy_set(*sources: str) -> PolicySet:
    modules = tuple((f"m{i}.rego", source) for i, source in enumerate(sources))
    return PolicySet(modules=modules, rules=(), source="test", revision="0", digest="sha256:0")


MAIN = 'package ai_assure.main\n\nimport rego.v1\n\nresult := {"tier": "minimal", "n": input.n}\n'


def evaluate(*sources, document=None):
    return get_evaluator("embedded").evaluate(policy_set(*sources), document or {"n": 1})


def test_returns_the_entry_point_value():
    assert evaluate(MAIN) == {"tier": "minimal", "n": 1}


def test_undefined_entry_point_is_an_error():
    with pytest.raises(EvaluationError, match="undefined"):
        evaluate("package ai_assure.main\n\nimport rego.v1\n\nresult := input.missing\n")


def test_runtime_errors_carry_the_message():
    with pytest.raises(EvaluationError, match="divide by zero"):
        evaluate('package ai_assure.main\n\nimport rego.v1\n\nresult := {"x": 1 / 0}\n')


def test_unsupported_builtins_are_errors_not_silently_undefined():
    source = MAIN.replace('"n": input.n', '"n": net.cidr_contains("10.0.0.0/8", "10.0.0.1")')
    with pytest.raises(EvaluationError):
        evaluate(source)


def test_syntax_errors_are_policy_errors():
    with pytest.raises(EvaluationError):
        evaluate("package ai_assure.main\n\nresult := := 1\n")


def test_conflicting_values_are_errors():
    with pytest.raises(EvaluationError):
        evaluate("package ai_assure.main\n\nimport rego.v1\n\nresult := 1\n\nresult := 2\n")


def test_rego_print_goes_to_stderr_not_stdout(capfd):
    source = MAIN.replace(
        'result := {"tier"', 'p if print("from rego")\n\nresult := {"p": p, "tier"'
    )
    evaluate(source)
    captured = capfd.readouterr()
    assert "from rego" not in captured.out
    assert "from rego" in captured.err


def test_unknown_evaluator_is_refused():
    with pytest.raises(EvaluationError, match="unknown evaluator"):
        get_evaluator("magic")


def test_policy_data_is_visible_to_the_policies():
    source = MAIN.replace('"n": input.n', '"n": data.ai_assure.config.n')
    policies = PolicySet(
        modules=(("m.rego", source),),
        rules=(),
        source="test",
        revision="0",
        digest="sha256:0",
        data={"ai_assure": {"config": {"n": 7}}},
    )
    assert get_evaluator("embedded").evaluate(policies, {})["n"] == 7


def test_compiled_policies_are_cached_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from engine.evaluators import embedded

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("AI_ASSURE_NO_CACHE", raising=False)
    monkeypatch.setenv("AI_ASSURE_CACHE_DIR", str(tmp_path))

    def in_a_new_process(source, n):
        monkeypatch.setattr(embedded, "_IN_MEMORY", {})
        return evaluate(source, document={"n": n})

    assert in_a_new_process(MAIN, 1)["n"] == 1
    [compiled] = list((tmp_path / "ai-assure" / "compiled").glob("*.rbb"))
    assert in_a_new_process(MAIN, 2)["n"] == 2  # served from the disk cache
    compiled.write_bytes(b"damaged")
    assert in_a_new_process(MAIN, 3)["n"] == 3
    assert compiled.read_bytes() != b"damaged"
    changed = MAIN.replace('"minimal"', '"high"')
    assert in_a_new_process(changed, 4)["tier"] == "high"  # a new key, not a stale hit


def test_a_process_keeps_the_policies_it_compiles_a_second_time(monkeypatch):
    """Without the disk cache (CI) a one-off check keeps nothing; from the second evaluation
    on (a portfolio run) the compiled policies stay in memory."""
    from engine.evaluators import embedded

    monkeypatch.setenv("AI_ASSURE_NO_CACHE", "1")
    monkeypatch.setattr(embedded, "_IN_MEMORY", {})
    monkeypatch.setattr(embedded, "_COMPILED", set())
    assert evaluate(MAIN, document={"n": 1})["n"] == 1
    assert embedded._IN_MEMORY == {}
    assert evaluate(MAIN, document={"n": 2})["n"] == 2
    assert len(embedded._IN_MEMORY) == 1

    def no_more_compiling(*_args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(embedded, "_compile_and_evaluate", no_more_compiling)
    assert [evaluate(MAIN, document={"n": n})["n"] for n in (3, 4)] == [3, 4]


def test_no_cache_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("AI_ASSURE_CACHE_DIR", str(tmp_path))
    evaluate(MAIN)
    assert not (tmp_path / "ai-assure").exists()


LOOP = MAIN.replace(
    'result := {"tier"',
    "spins if {\n  some i in numbers.range(1, 100000)\n  some j in numbers.range(1, 100000)\n"
    '  i * j == -1\n}\n\nresult := {"spins": spins, "tier"',
)


def test_a_policy_that_runs_too_long_is_stopped_at_the_timeout():
    evaluator = get_evaluator("embedded", timeout=0.5)
    start = time.monotonic()
    with pytest.raises(EvaluationError, match=r"did not finish within 0\.5 s \(the limit is"):
        evaluator.evaluate(policy_set(LOOP), {"n": 1})
    assert time.monotonic() - start < 5


def test_a_crash_in_native_code_is_an_error_naming_the_signal(monkeypatch):
    from engine.evaluators import embedded

    def crash(*_args):
        os.kill(os.getpid(), signal.SIGSEGV)

    monkeypatch.setattr(embedded, "_evaluate", crash)
    with pytest.raises(EvaluationError, match=r"evaluation crashed \(signal 11, SIGSEGV\)"):
        evaluate(MAIN)


def test_an_unexpected_exception_in_the_evaluator_is_an_evaluation_error(monkeypatch):
    from engine.evaluators import embedded

    def fail(*_args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(embedded, "_evaluate", fail)
    with pytest.raises(EvaluationError, match="policy evaluation failed: RecursionError"):
        evaluate(MAIN)


def test_without_fork_the_policies_are_evaluated_in_process(monkeypatch, capfd):
    from engine.evaluators import embedded

    monkeypatch.setattr(embedded, "can_isolate", lambda: False)
    source = MAIN.replace(
        'result := {"tier"', 'p if print("from rego")\n\nresult := {"p": p, "tier"'
    )
    assert evaluate(source, document={"n": 5})["n"] == 5
    captured = capfd.readouterr()
    assert "from rego" not in captured.out
    assert "from rego" in captured.err


def test_input_text_reaches_the_policies_and_comes_back_unchanged():
    text = 'recall\\x_at_10 \\n "quoted" \t tab \u0085 next-line \u00e9 \U0001f600'
    result = evaluate(
        "package ai_assure.main\n"
        'result := {"same": input.s, "joined": concat("", ["<", input.s, ">"])}',
        document={"s": text},
    )
    assert result == {"same": text, "joined": f"<{text}>"}
