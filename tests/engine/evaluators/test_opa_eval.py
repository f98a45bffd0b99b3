"""`--evaluator opa`: the real `opa eval` binary, with errors that fail closed."""

from __future__ import annotations

import pytest

from engine.evaluators import EvaluationError, get_evaluator
from engine.evaluators.opa_eval import parse_eval_output
from engine.policy.sources import PolicySet

MAIN = 'package ai_assure.main\n\nimport rego.v1\n\nresult := {"tier": "minimal", "n": input.n}\n'


def policy_set(source: str, data: dict | None = None) -> PolicySet:
    return PolicySet((("main.rego", source),), (), "test", "0", "sha256:0", data or {})


def test_returns_the_entry_point_value(opa_binary):
    evaluator = get_evaluator("opa", opa_binary=opa_binary)
    assert evaluator.evaluate(policy_set(MAIN), {"n": 3}) == {"tier": "minimal", "n": 3}


def test_policy_data_reaches_opa(opa_binary):
    source = MAIN.replace("input.n", "data.ai_assure.config.n")
    policies = policy_set(source, {"ai_assure": {"config": {"n": 9}}})
    assert get_evaluator("opa", opa_binary=opa_binary).evaluate(policies, {})["n"] == 9


def test_builtin_errors_are_strict_as_in_the_embedded_evaluator(opa_binary):
    source = MAIN.replace("input.n", "1 / input.n")
    with pytest.raises(EvaluationError, match="divide by zero"):
        get_evaluator("opa", opa_binary=opa_binary).evaluate(policy_set(source), {"n": 0})


def test_compile_errors_name_the_file(opa_binary):
    with pytest.raises(EvaluationError, match=r"main\.rego:3"):
        get_evaluator("opa", opa_binary=opa_binary).evaluate(
            policy_set("package ai_assure.main\n\nresult := := 1\n"), {}
        )


def test_a_missing_binary_says_how_to_get_one(tmp_path):
    evaluator = get_evaluator("opa", opa_binary=tmp_path / "no-opa")
    with pytest.raises(EvaluationError, match=r"not found.*--opa-binary"):
        evaluator.evaluate(policy_set(MAIN), {})


def test_a_slow_evaluation_times_out(opa_binary):
    slow = MAIN.replace("input.n", "count([x | some x in numbers.range(1, 50000000)])")
    evaluator = get_evaluator("opa", opa_binary=opa_binary, timeout=0.5)
    with pytest.raises(EvaluationError, match=r"did not finish within 0\.5 s"):
        evaluator.evaluate(policy_set(slow), {})


@pytest.mark.parametrize(
    ("stdout", "code", "message"),
    [
        ("not json", 0, "unreadable output"),
        ("[]", 0, "not a JSON object"),
        ("{}", 0, "undefined"),
        ('{"result": [{"expressions": [{"value": "text"}]}]}', 0, "not an object"),
        ('{"errors": [{"message": "boom"}]}', 2, "boom"),
        ("{}", 1, "exit 1"),
    ],
)
def test_unexpected_output_is_an_error(stdout, code, message):
    with pytest.raises(EvaluationError, match=message):
        parse_eval_output(stdout, code, "data.ai_assure.main.result")
