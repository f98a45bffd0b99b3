"""The bundled policy library keeps the rule contract (docs/contracts.md, a rule)."""

from __future__ import annotations

import re

import pytest

from engine.evaluators.policy_tests import run_compiled_tests
from engine.policy.catalogue import load_catalogue
from engine.policy.sources import bundled_policy_dir, load_policies, package_of, rego_files
from engine.policy.testing import discover_tests

POLICIES = load_policies()
RULE_IDS = [rule.id for rule in POLICIES.rules]


def test_the_library_covers_the_lifecycle_and_supply_chain():
    assert len(POLICIES.rules) >= 40
    domains = {rule.domain for rule in POLICIES.rules}
    assert {
        "accountability", "classification", "config", "data", "dpia", "evaluation", "evidence",
        "fria", "generative", "human_oversight", "model_card", "monitoring", "risk", "sbom",
        "security", "supplier", "transparency",
    } <= domains  # fmt: skip
    # severities are graded, not all high
    assert len({rule.severity for rule in POLICIES.rules}) >= 4


def test_the_readme_lists_every_rule_as_its_metadata_says():
    readme = (bundled_policy_dir() / "README.md").read_text()
    for rule in POLICIES.rules:
        package = rule.package.removeprefix("ai_assure.rules.")
        row = f"| {rule.id} | {rule.severity} | `{package}` | {rule.title} |"
        assert row in readme, f"policies/README.md should have the row {row}"


def test_every_rego_unit_test_passes_on_the_embedded_evaluator(opa_binary):
    results = run_compiled_tests(bundled_policy_dir(), opa_binary)
    failures = [f"{r.package}.{r.name}: {r.detail}" for r in results if not r.passed]
    assert results and not failures, "\n".join(failures)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_control_a_rule_names_is_in_the_catalogue(rule_id):
    catalogue = load_catalogue()
    rule = POLICIES.rule(rule_id)
    assert rule.controls
    assert [c for c in rule.controls if c not in catalogue] == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_is_documented_and_linked(rule_id):
    rule = POLICIES.rule(rule_id)
    assert rule.description and rule.remediation
    assert rule.related_resources and rule.related_resources[0].startswith("https://")
    assert re.fullmatch(r"[A-Z]+-\d{3}", rule.id)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_its_own_tests(rule_id):
    rule = POLICIES.rule(rule_id)
    tests = [
        name
        for package, name in discover_tests(bundled_policy_dir())
        if package == rule.package + "_test"
    ]
    assert len(tests) >= 2, f"{rule.package} needs a passing and a failing case"


def test_one_check_per_package_and_rego_v1():
    packages = []
    for path in rego_files(bundled_policy_dir(), tests=True):
        source = path.read_text()
        packages.append(package_of(str(path), source))
        assert "time.now_ns" not in source, f"{path.name}: dates come from input.context.as_of"
        assert not re.search(r"\bhttp\.send|\bnet\.|rego\.metadata|json\.match_schema", source), (
            path
        )
    assert len(packages) == len(set(packages))
