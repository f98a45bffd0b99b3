"""Differential conformance: the embedded evaluator (regopy), `opa eval` and a real OPA server
give the same answers on every example, every Rego test fixture and a generated corpus.

Reports carry no trace of the evaluator, so for whole systems the JSON reports must be
byte-identical; for raw inputs the entry point's value must be equal once its sets are
sorted (Rego sets have no order, and each evaluator lists them its own way).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import generate
from engine.evaluators import get_evaluator
from engine.policy.sources import bundled_policy_dir
from tests.conformance.harness import POLICIES, reports

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/ai-manifest.yaml"))
CORPUS_SIZE = 200


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus") / "repo", CORPUS_SIZE, seed=7)


@pytest.mark.parametrize("example", EXAMPLES)
def test_examples_give_identical_reports(example, opa_binary, opa_url):
    outputs = reports(ROOT / "examples" / example, "2026-11-26", opa_binary, opa_url)
    assert json.loads(outputs["embedded"])["verdict"] in ("pass", "fail")
    assert outputs["opa"] == outputs["embedded"]
    assert outputs["opa-server"] == outputs["embedded"]


def test_generated_corpus_gives_identical_reports(corpus, opa_binary, opa_url):
    verdicts: dict[str, int] = {}
    tiers: set[str] = set()
    for system in corpus:
        outputs = reports(system.path, system.as_of, opa_binary, opa_url)
        report = json.loads(outputs["embedded"])
        assert json.loads(outputs["opa"])["errors"] == [], outputs["opa"][-600:]
        assert outputs["opa"] == outputs["embedded"], system.path
        assert outputs["opa-server"] == outputs["embedded"], system.path
        verdicts[report["verdict"]] = verdicts.get(report["verdict"], 0) + 1
        tiers.add(report["tier"]["level"])
    assert tiers == {"prohibited", "high", "limited", "minimal"}, "the corpus must span every tier"
    assert verdicts.get("pass") and verdicts.get("fail"), verdicts


def fixture_inputs() -> list[tuple[str, dict[str, Any]]]:
    """Every manifest x evidence fixture the Rego unit tests are built from."""
    from engine.policy.testing import run_fixture_query

    fixtures = run_fixture_query(bundled_policy_dir(), "data.ai_assure.lib.fixtures_test")
    manifests = sorted(
        k for k, v in fixtures.items() if k.endswith("manifest") and isinstance(v, dict)
    )
    evidence = sorted(
        k for k, v in fixtures.items() if k.endswith("evidence") and isinstance(v, dict)
    )
    return [
        (
            f"{m}+{e}",
            {"manifest": fixtures[m], "evidence": fixtures[e], "context": fixtures["context"]},
        )
        for m in manifests
        for e in evidence
    ]


def normalised(value: Any) -> Any:
    """Sets come back as arrays in evaluator-specific order: sort every list of objects."""
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [normalised(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def test_rego_fixtures_give_identical_results(opa_binary, opa_url):
    inputs = fixture_inputs()
    assert len(inputs) >= 4
    evaluators = {
        "embedded": get_evaluator("embedded"),
        "opa": get_evaluator("opa", opa_binary=opa_binary),
        "opa-server": get_evaluator("opa-server", opa_url=opa_url),
    }
    for name, document in inputs:
        results = {
            key: normalised(ev.evaluate(POLICIES, document)) for key, ev in evaluators.items()
        }
        assert results["opa"] == results["embedded"], name
        assert results["opa-server"] == results["embedded"], name
