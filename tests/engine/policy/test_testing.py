"""`ai-assure policy test`: Rego unit tests pass only when they evaluate to true."""

import pytest

from engine.policy.sources import PolicyError
from engine.policy.testing import discover_tests, run_policy_tests

RULE = "package ai_assure.rules.demo.rule\n\nimport rego.v1\n\ndeny contains 1 if input.bad\n"
TESTS = """package ai_assure.rules.demo.rule_test

import rego.v1

import data.ai_assure.rules.demo.rule

test_denies_bad_input if count(rule.deny) == 1 with input.bad as true

test_expects_the_impossible if count(rule.deny) == 2 with input.bad as true

test_errors if 1 / 0 == 1
"""


@pytest.fixture
def policy_dir(tmp_path):
    (tmp_path / "rule.rego").write_text(RULE)
    (tmp_path / "rule_test.rego").write_text(TESTS)
    return tmp_path


def test_discovers_every_test_rule(policy_dir):
    assert [name for _, name in discover_tests(policy_dir)] == [
        "test_denies_bad_input",
        "test_errors",
        "test_expects_the_impossible",
    ]


def test_only_true_passes(policy_dir):
    results = {r.name: r for r in run_policy_tests(policy_dir)}
    assert results["test_denies_bad_input"].passed
    assert not results["test_expects_the_impossible"].passed
    assert results["test_expects_the_impossible"].detail == "undefined"
    assert not results["test_errors"].passed
    assert "divide by zero" in results["test_errors"].detail


def test_a_module_that_does_not_compile_is_a_policy_error(policy_dir):
    (policy_dir / "rule_test.rego").write_text(TESTS + "\ntest_broken if := 1\n")
    with pytest.raises(PolicyError, match=r"rule_test\.rego"):
        run_policy_tests(policy_dir)


def test_tests_see_the_policy_data_files(policy_dir):
    (policy_dir / "data.yaml").write_text("limits:\n  max: 3\n")
    (policy_dir / "limits_test.rego").write_text(
        "package limits_test\n\nimport rego.v1\n\ntest_reads_data if data.limits.max == 3\n"
    )
    results = {r.name: r for r in run_policy_tests(policy_dir)}
    assert results["test_reads_data"].passed
