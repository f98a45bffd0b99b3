"""Turning raw rule results into findings: statuses, lines, fingerprints, control status."""

import pytest

from engine.assessment.findings import build_findings, control_results, fingerprint
from engine.manifest import load_manifest
from engine.policy.sources import RuleMeta


def rule(rule_id, package, severity="high", controls=("ISO42001:A.3.2",)):
    return RuleMeta(
        id=rule_id,
        package=f"ai_assure.rules.{package}",
        title=f"title of {rule_id}",
        severity=severity,
        controls=controls,
        remediation="fix it",
        related_resources=("https://example.org/rule",),
    )


@pytest.fixture
def manifest(repo):
    return load_manifest(repo / "ai-manifest.yaml", "ai-manifest.yaml")


def findings_for(results, manifest, *rules):
    return build_findings(rules, {"rules": results}, manifest, "svc/ai-manifest.yaml")


def test_deny_entries_fail_at_the_line_of_their_manifest_path(manifest):
    results = {
        "acc": {
            "owner": {
                "applicable": True,
                "deny": [{"msg": "no contact", "path": ["metadata", "owner", "contact"]}],
            }
        }
    }
    [finding] = findings_for(results, manifest, rule("ACC-001", "acc.owner"))
    assert (finding.status, finding.message, finding.location.line) == ("fail", "no contact", 9)
    assert finding.location.path == "svc/ai-manifest.yaml"
    assert finding.remediation == "fix it"
    assert finding.help_uri == "https://example.org/rule"


def test_rules_without_entries_pass_and_inapplicable_rules_say_so(manifest):
    results = {
        "a": {"ok": {"applicable": True, "deny": [], "warn": []}},
        "b": {"na": {"applicable": False}},
    }
    found = findings_for(results, manifest, rule("A-1", "a.ok"), rule("B-1", "b.na"))
    assert [(f.rule_id, f.status) for f in found] == [("A-1", "pass"), ("B-1", "not_applicable")]


def test_warn_entries_are_warnings(manifest):
    results = {"a": {"w": {"applicable": True, "warn": [{"msg": "soon", "path": []}]}}}
    [finding] = findings_for(results, manifest, rule("A-1", "a.w"))
    assert (finding.status, finding.location.line) == ("warn", 1)


@pytest.mark.parametrize(
    "outcome",
    [
        None,
        {"deny": []},
        {"applicable": "yes"},
        {"applicable": True, "deny": [{"message": "wrong key"}]},
        {"applicable": True, "deny": [{"msg": "x", "path": "metadata"}]},
        {"applicable": True, "deny": "not a set"},
    ],
)
def test_malformed_rule_output_is_an_error_never_a_pass(manifest, outcome):
    [finding] = findings_for({"a": {"r": outcome}}, manifest, rule("A-1", "a.r"))
    assert finding.status == "error"


def test_findings_are_sorted_by_status_then_severity(manifest):
    results = {
        "a": {
            "low": {"applicable": True, "deny": [{"msg": "l"}]},
            "crit": {"applicable": True, "deny": [{"msg": "c"}]},
            "ok": {"applicable": True},
        }
    }
    found = findings_for(
        results,
        manifest,
        rule("A-3", "a.ok"),
        rule("A-2", "a.low", "low"),
        rule("A-1", "a.crit", "critical"),
    )
    assert [f.rule_id for f in found] == ["A-1", "A-2", "A-3"]


def test_fingerprints_ignore_lines_and_messages_but_stay_unique(manifest):
    results = {
        "a": {
            "r": {
                "applicable": True,
                "deny": [{"msg": "one", "path": ["models"]}, {"msg": "two", "path": ["models"]}],
            }
        }
    }
    first, second = findings_for(results, manifest, rule("A-1", "a.r"))
    assert first.fingerprint == fingerprint("A-1", "tiny-search", ["models"])
    assert second.fingerprint != first.fingerprint
    assert len(first.fingerprint) == 32


def test_control_status_is_the_worst_of_its_findings(manifest):
    results = {
        "a": {
            "f": {"applicable": True, "deny": [{"msg": "x"}]},
            "p": {"applicable": True},
            "n": {"applicable": False},
        }
    }
    found = findings_for(
        results,
        manifest,
        rule("A-1", "a.f", controls=("UK-GDPR:Art.35", "ISO42001:A.5.2")),
        rule("A-2", "a.p", controls=("ISO42001:A.5.2", "ISO42001:A.6.1.2")),
        rule("A-3", "a.n", controls=("EU-AI-ACT:Art.27",)),
    )
    statuses = {c.id: (c.status, c.rules) for c in control_results(found)}
    assert statuses == {
        "EU-AI-ACT:Art.27": ("not_applicable", ["A-3"]),
        "ISO42001:A.5.2": ("fail", ["A-1", "A-2"]),
        "ISO42001:A.6.1.2": ("pass", ["A-2"]),
        "UK-GDPR:Art.35": ("fail", ["A-1"]),
    }
