"""`ai-assure policy test` on the embedded evaluator: the unit tests compiled by OPA with the
policies and run by wasmtime; only `true` passes."""

from __future__ import annotations

import pytest

from engine.evaluators.host_builtins import BuiltinError, json_patch
from engine.evaluators.interface import EvaluationError
from engine.evaluators.policy_tests import run_compiled_tests

RULE = "package ai_assure.rules.demo.rule\n\nimport rego.v1\n\ndeny contains 1 if input.bad\n"
TESTS = """package ai_assure.rules.demo.rule_test

import rego.v1

import data.ai_assure.rules.demo.rule

test_denies_bad_input if count(rule.deny) == 1 with input.bad as true

test_expects_the_impossible if count(rule.deny) == 2 with input.bad as true

test_patches_a_fixture if {
	m := json.patch({"a": {"b": [1, 2]}}, [
		{"op": "add", "path": ["a", "b", 1], "value": 9},
		{"op": "replace", "path": "/a/c", "value": 3},
	])
	m == {"a": {"b": [1, 9, 2], "c": 3}}
}
"""


@pytest.fixture
def policy_dir(tmp_path):
    (tmp_path / "rule.rego").write_text(RULE)
    (tmp_path / "rule_test.rego").write_text(TESTS.replace('"/a/c", "value"', '"/a/b/0", "value"'))
    return tmp_path


def test_only_true_passes(policy_dir, opa_binary):
    results = {r.name: r for r in run_compiled_tests(policy_dir, opa_binary)}
    assert results["test_denies_bad_input"].passed
    assert not results["test_expects_the_impossible"].passed
    assert results["test_expects_the_impossible"].detail == "undefined"


def test_fixtures_may_patch_documents_as_opa_does(policy_dir, opa_binary):
    (policy_dir / "rule_test.rego").write_text(TESTS)
    results = {r.name: r for r in run_compiled_tests(policy_dir, opa_binary)}
    # /a/c does not exist: the patch fails, and the test with it (opa test: undefined)
    assert not results["test_patches_a_fixture"].passed
    assert "json.patch" in results["test_patches_a_fixture"].detail


def test_a_module_that_does_not_compile_is_an_error(policy_dir, opa_binary):
    (policy_dir / "rule_test.rego").write_text(TESTS + "\ntest_broken if := 1\n")
    with pytest.raises(EvaluationError, match=r"rule_test\.rego"):
        run_compiled_tests(policy_dir, opa_binary)


def test_tests_see_the_policy_data_files(policy_dir, opa_binary):
    (policy_dir / "data.yaml").write_text("limits:\n  max: 3\n")
    (policy_dir / "limits_test.rego").write_text(
        "package limits_test\n\nimport rego.v1\n\ntest_reads_data if data.limits.max == 3\n"
    )
    results = {r.name: r for r in run_compiled_tests(policy_dir, opa_binary)}
    assert results["test_reads_data"].passed


def test_json_patch_adds_replaces_and_removes_without_changing_its_argument():
    document = {"a": [1, 2], "b": {"c": 1}}
    patched = json_patch(
        document,
        [
            {"op": "add", "path": ["a", "-"], "value": 3},
            {"op": "remove", "path": ["b", "c"]},
            {"op": "replace", "path": "/a/0", "value": 0},
        ],
    )
    assert patched == {"a": [0, 2, 3], "b": {}}
    assert document == {"a": [1, 2], "b": {"c": 1}}


@pytest.mark.parametrize(
    "patch",
    [
        {"op": "remove", "path": ["missing"]},
        {"op": "replace", "path": ["a", 5], "value": 1},
        {"op": "move", "path": ["a"], "from": ["b"]},
        {"op": "add", "path": "a/b", "value": 1},
    ],
)
def test_json_patch_refuses_what_it_cannot_apply(patch):
    with pytest.raises(BuiltinError):
        json_patch({"a": [1], "b": 2}, [patch])
