"""`ai-assure report oscal`: OSCAL 1.1.3 catalog, component definition, assessment results and
POA&M that validate against NIST's published JSON schemas (vendored, tests/fixtures/oscal)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regress
import yaml
from jsonschema import Draft7Validator, ValidationError, validators

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "tests" / "fixtures" / "oscal" / "1.1.3"
PROBATION = ROOT / "examples" / "probation-risk-assistant"  # fails DPIA-002 and MC-002
CHATBOT = ROOT / "examples" / "public-llm-assistant"  # passes
AS_OF = "2026-11-26"
SCHEMA_OF = {
    "catalog.json": "oscal_catalog_schema.json",
    "component-definition.json": "oscal_component_schema.json",
    "assessment-results.json": "oscal_assessment-results_schema.json",
    "poam.json": "oscal_poam_schema.json",
}


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """JSON Schema `pattern` with ECMAScript semantics (NIST's patterns use `\\p{L}`)."""
    if validator.is_type(instance, "string") and regress.Regex(pattern, "u").find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OscalValidator = validators.extend(Draft7Validator, {"pattern": _pattern})


def problems(path: Path) -> list[str]:
    schema = json.loads((SCHEMAS / SCHEMA_OF[path.name]).read_text())
    errors = OscalValidator(schema).iter_errors(json.loads(path.read_text()))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("oscal")
    result = ai_assure("report", "oscal", PROBATION, CHATBOT, "-o", out, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    return out


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def test_every_file_validates_against_the_nist_schema(exported):
    files = sorted(p.relative_to(exported).as_posix() for p in exported.rglob("*.json"))
    assert files == [
        "catalog.json",
        "component-definition.json",
        "probation-risk-assistant/assessment-results.json",
        "probation-risk-assistant/poam.json",
        "public-llm-assistant/assessment-results.json",
    ]  # the passing chatbot has nothing to track: OSCAL needs one POA&M item at least
    for name in files:
        assert problems(exported / name) == [], name


def test_the_validator_does_reject_what_is_not_oscal(exported):
    document = load(exported / "catalog.json")
    document["catalog"]["groups"][0]["controls"][0]["id"] = "ISO42001:A.2.2"  # ':' is no token
    del document["catalog"]["metadata"]["oscal-version"]
    broken = exported / "broken" / "catalog.json"
    broken.parent.mkdir()
    broken.write_text(json.dumps(document))
    found = problems(broken)
    assert any("does not match" in p for p in found)
    assert any("'oscal-version' is a required property" in p for p in found)


def test_the_catalog_holds_every_framework_with_catalogue_ids_as_labels(exported):
    catalog = load(exported / "catalog.json")["catalog"]
    assert catalog["metadata"]["oscal-version"] == "1.1.3"
    groups = {group["id"]: group for group in catalog["groups"]}
    assert len(groups["iso42001"]["controls"]) == 38
    control = next(c for c in groups["iso42001"]["controls"] if c["id"] == "iso42001_a.6.2.4")
    assert {"name": "label", "value": "ISO42001:A.6.2.4"} in control["props"]
    assert control["title"] == "AI system verification and validation"


def test_the_component_definition_says_which_rules_implement_which_controls(exported):
    definition = load(exported / "component-definition.json")["component-definition"]
    [component] = definition["components"]
    [implementation] = component["control-implementations"]
    assert implementation["source"] == "catalog.json"
    by_control = {
        req["control-id"]: {p["value"] for p in req["props"] if p["name"] == "rule-id"}
        for req in implementation["implemented-requirements"]
    }
    assert "DPIA-001" in by_control["uk-gdpr_art.35"]
    assert "MC-002" in by_control["iso42001_a.6.2.7"]


def test_assessment_results_reference_the_policy_and_give_each_control_one_finding(exported):
    results = load(exported / "probation-risk-assistant" / "assessment-results.json")
    document = results["assessment-results"]
    [plan] = document["back-matter"]["resources"]
    assert document["import-ap"]["href"] == f"#{plan['uuid']}"
    assert plan["title"].startswith("Policy bundled, revision ")
    [result] = document["results"]
    coverage = [f for f in result["findings"]]
    targets = [f["target"]["target-id"] for f in coverage]
    assert len(targets) == len(set(targets)) == 38 + 72
    statuses = {p["value"] for f in coverage for p in f["props"] if p["name"] == "coverage"}
    assert statuses == {"automated", "not_applicable", "open"}
    model_card = next(f for f in coverage if f["title"] == "ISO42001:A.6.2.7")
    assert model_card["target"]["status"] == {"state": "not-satisfied", "reason": "fail"}
    observations = {o["uuid"]: o for o in result["observations"]}
    related = [observations[r["observation-uuid"]] for r in model_card["related-observations"]]
    assert any(o["title"].startswith("MC-002:") and o["methods"] == ["TEST"] for o in related)


def test_the_poam_tracks_failures_with_their_remediation(exported):
    plan = load(exported / "probation-risk-assistant" / "poam.json")[
        "plan-of-action-and-milestones"
    ]
    risks = {risk["title"].split(":")[0]: risk for risk in plan["risks"]}
    assert {"DPIA-002", "MC-002"} <= set(risks)
    assert risks["MC-002"]["status"] == "open"
    [remedy] = risks["MC-002"]["remediations"]
    assert remedy["lifecycle"] == "recommendation" and remedy["description"]
    items = {item["title"].split(":")[0] for item in plan["poam-items"]}
    assert {"DPIA-002", "MC-002"} <= items


def test_waivers_and_exception_requests_are_deviations(tmp_path):
    """MC-002 waived by governance (deviation approved); DPIA-002 requested only."""
    repo = tmp_path / "repo"
    shutil.copytree(PROBATION, repo)
    (repo / ".git").mkdir()
    manifest = repo / "ai-manifest.yaml"
    manifest.write_text(
        manifest.read_text().replace(
            "exceptions: []\n",
            "exceptions:\n"
            "  - {rule: MC-002, reason: card rewrite, requested_by: t, ticket: GOV-1,"
            " expires: 2027-01-31}\n"
            "  - {rule: DPIA-002, reason: DPO booked, requested_by: t, ticket: GOV-2,"
            " expires: 2027-01-31}\n",
        )
    )
    policies = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", policies, ignore=shutil.ignore_patterns("compiled"))
    approval = {
        "system": "probation-risk-assistant", "rule": "MC-002", "ticket": "GOV-1",
        "approved_by": "Head of AI Assurance", "approved_on": "2026-10-01", "expires": "2027-01-31",
    }  # fmt: skip
    (policies / "ai_assure" / "approvals" / "data.yaml").write_text(
        yaml.safe_dump({"exceptions": [approval], "risk_acceptances": []})
    )
    report = tmp_path / "report.json"
    ai_assure(
        "check", repo, "--policy-dir", policies, "--as-of", AS_OF, "--format", f"json={report}"
    )
    out = tmp_path / "oscal"
    result = ai_assure("report", "oscal", "--report", report, "-o", out)
    assert result.returncode == 0, result.stderr
    poam = out / "probation-risk-assistant" / "poam.json"
    assert problems(poam) == []
    risks = load(poam)["plan-of-action-and-milestones"]["risks"]
    waived = next(r for r in risks if r["title"].startswith("MC-002:"))
    assert waived["status"] == "deviation-approved"
    assert {"name": "ticket", "ns": waived["props"][0]["ns"], "value": "GOV-1"} in waived["props"]
    requested = next(r for r in risks if r["title"].startswith("Exception to DPIA-002"))
    assert requested["status"] == "deviation-requested"


def test_the_same_assessment_gives_the_same_bytes(exported, tmp_path):
    again = tmp_path / "again"
    ai_assure("report", "oscal", PROBATION, CHATBOT, "-o", again, "--as-of", AS_OF)
    for path in exported.rglob("*.json"):
        if "broken" in path.parts:
            continue
        other = again / path.relative_to(exported)
        assert (
            hashlib.sha256(path.read_bytes()).digest()
            == hashlib.sha256(other.read_bytes()).digest()
        ), path.name


def test_an_assessment_that_errored_or_a_hostile_report_is_refused(tmp_path):
    report = json.loads(ai_assure("check", PROBATION, "--as-of", AS_OF, "--format", "json").stdout)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps({**report, "system": {"id": "../../etc", "name": "x"}}))
    result = ai_assure("report", "oscal", "--report", hostile, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert "system id '../../etc' is not a slug" in result.stderr
    assert not (tmp_path / "out").exists()
    missing = ai_assure("report", "oscal", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert missing.returncode == 2 and "nothing was assessed" in missing.stderr


def test_trestle_is_imported_only_by_the_command_and_its_absence_is_one_clear_error(tmp_path):
    import subprocess
    import sys

    probe = "import sys; import engine.cli.records; print('trestle' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert loaded.stdout.strip() == "False", loaded.stderr
    without = (
        "import sys; sys.modules['trestle'] = None; sys.argv = ['ai-assure', 'report', 'oscal',"
        f" {str(PROBATION)!r}, '-o', {str(tmp_path / 'out')!r}]; from engine.cli import run; run()"
    )
    result = subprocess.run([sys.executable, "-c", without], capture_output=True, text=True)
    assert result.returncode == 2
    assert "report oscal needs compliance-trestle's OSCAL models" in result.stderr
