"""The scenario suite (tests/scenarios/README.md): systems written from the legal text, each
with the provision that decides it, checked on both evaluators.

Every scenario is the base system (complete paperwork, no trigger of its own) with the facts
its provision turns on. It must give byte-identical JSON reports on the embedded evaluator
and on `opa eval`, the classification and verdict the law gives, and no failed finding may
name a legal control that does not bind the system.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.assessment.model import Report
from engine.assessment.run import CheckOptions, run_check
from tests.law import assert_no_unbinding_law_in_failures

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
SCENARIOS = sorted(HERE.glob("[0-9][0-9]-*.yaml"))
DEFAULT_AS_OF = "2026-11-26"


@dataclass(frozen=True)
class Outcome:
    spec: dict[str, Any]
    embedded: Report
    opa: Report


def merged(base: Any, overlay: Any) -> Any:
    """`overlay` over `base`: mappings merged key by key; lists and values replaced (null
    makes a fact unanswered)."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        result = copy.deepcopy(base)
        for key, value in overlay.items():
            result[key] = merged(base.get(key), value)
        return result
    return copy.deepcopy(overlay)


def scenario_system(spec: dict[str, Any], folder: Path) -> Path:
    """The base system with the scenario's facts, in its own repository."""
    shutil.copytree(BASE, folder)
    (folder / ".git").mkdir()
    manifest = yaml.safe_load((BASE / "ai-manifest.yaml").read_text())
    (folder / "ai-manifest.yaml").write_text(
        yaml.safe_dump(merged(manifest, spec.get("facts", {})), sort_keys=False)
    )
    return folder


@pytest.fixture(scope="module", params=SCENARIOS, ids=lambda path: path.stem)
def outcome(request, tmp_path_factory, opa_binary) -> Outcome:
    spec = yaml.safe_load(request.param.read_text())
    system = scenario_system(spec, tmp_path_factory.mktemp(request.param.stem) / "system")
    as_of = dt.date.fromisoformat(str(spec.get("as_of", DEFAULT_AS_OF)))
    config = spec.get("config")
    policies = _policies_with(config, tmp_path_factory) if config else None
    embedded = run_check(system, CheckOptions(as_of=as_of, policy_dir=policies))
    opa = run_check(
        system,
        CheckOptions(
            as_of=as_of, evaluator="opa", opa_binary=Path(opa_binary), policy_dir=policies
        ),
    )
    return Outcome(spec, embedded, opa)


def _policies_with(config: dict[str, Any], tmp_path_factory) -> Path:
    """The bundled policies with configuration knobs changed (e.g. date_schedule)."""
    from engine.policy.sources import bundled_policy_dir

    folder = tmp_path_factory.mktemp("policies") / "policies"
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    data_file = folder / "data.yaml"
    data = yaml.safe_load(data_file.read_text())
    data["ai_assure"]["config"] = merged(data["ai_assure"]["config"], config)
    data_file.write_text(yaml.safe_dump(data))
    return folder


def test_there_are_at_least_forty_scenarios_each_with_its_deciding_provision():
    assert len(SCENARIOS) >= 40
    for path in SCENARIOS:
        spec = yaml.safe_load(path.read_text())
        assert spec.get("decided_by") and spec.get("law") and spec.get("expect"), path.name


def test_both_evaluators_give_byte_identical_reports(outcome):
    assert outcome.embedded.errors == []
    assert outcome.embedded.to_json() == outcome.opa.to_json()


def test_the_eu_ai_act_classification_is_what_the_law_gives(outcome):
    expected = outcome.spec["expect"].get("eu_ai_act", {})
    eu = outcome.embedded.eu_ai_act
    assert eu is not None
    for key in ("in_scope", "category", "roles", "gpai_model", "gpai_systemic_risk"):
        if key in expected:
            assert getattr(eu, key) == expected[key], key
    citations = {ground.citation for ground in eu.grounds}
    assert set(expected.get("grounds", [])) <= citations, citations
    assert not set(expected.get("not_grounds", [])) & citations, citations


def test_the_assurance_level_and_the_uk_facts_are_what_the_law_gives(outcome):
    expect = outcome.spec["expect"]
    report = outcome.embedded
    assert report.assurance_level is not None and report.uk_data_protection is not None
    if "assurance_level" in expect:
        assert report.assurance_level.level == expect["assurance_level"]
    for key, value in expect.get("uk_data_protection", {}).items():
        assert getattr(report.uk_data_protection, key) == value, key


def test_with_complete_paperwork_the_classification_alone_decides_the_outcome(outcome):
    expect = outcome.spec["expect"]
    report = outcome.embedded
    failed = {f.rule_id for f in report.findings if f.status == "fail"}
    assert failed == set(expect.get("failed_rules", [])), [
        f"{f.rule_id}: {f.message}" for f in report.findings if f.status == "fail"
    ]
    assert report.verdict == expect.get("verdict", "pass")


def test_each_control_binds_or_not_as_the_law_says(outcome):
    expect = outcome.spec["expect"]
    status = {o.id: o.status for o in outcome.embedded.obligations}
    for key in ("binds", "upcoming", "advisory", "not_applicable"):
        for control in expect.get(key, []):
            assert status.get(control) == key, f"{control}: {status.get(control)}"
    for control in expect.get("not_binding", []):
        assert status.get(control) != "binds", control


def test_no_failed_finding_names_a_legal_control_that_does_not_bind(outcome):
    assert_no_unbinding_law_in_failures(outcome.embedded)


def test_a_missing_obligation_of_a_high_risk_system_fails_at_least_high(tmp_path):
    """Severity follows the law: MON-003 is a medium rule, but the post-market monitoring plan
    it checks is a binding Art. 72 obligation of this high-risk provider, so it fails at high."""
    spec = yaml.safe_load((HERE / "68-roles-public-body-builds-and-uses.yaml").read_text())
    system = scenario_system(spec, tmp_path / "system")
    plan = system / "docs" / "monitoring-plan.md"
    plan.write_text("# Monitoring plan\n\n## Who acts on an alert\n\nThe service owner.\n")
    report = run_check(system, CheckOptions(as_of=dt.date.fromisoformat(DEFAULT_AS_OF)))
    [metrics] = [f for f in report.findings if f.rule_id == "MON-003" and f.status == "fail"]
    assert metrics.severity == "high" and metrics.severity_raised_by == ["EU-AI-ACT:Art.72"]
    assert report.verdict == "fail"
    assert_no_unbinding_law_in_failures(report)


def test_a_prohibited_practice_fails_at_critical(outcome):
    if outcome.embedded.eu_ai_act and outcome.embedded.eu_ai_act.category == "prohibited":
        failed = [f for f in outcome.embedded.findings if f.rule_id == "CLS-001"]
        assert failed and all(f.status == "fail" and f.severity == "critical" for f in failed)
