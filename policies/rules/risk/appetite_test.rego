package ai_assure.rules.risk.appetite_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.appetite

_high := json.patch(fx.manifest, [{"op": "replace", "path": ["risks", 0, "residual"], "value": {"likelihood": 3, "impact": 4}}])

test_risks_within_appetite_pass if {
	m := fx.manifest
	appetite.applicable with input.manifest as m
	count(appetite.deny) == 0 with input.manifest as m
}

test_no_register_is_not_applicable if {
	m := fx.minimal_manifest
	not appetite.applicable with input.manifest as m
}

test_residual_above_appetite_without_acceptance_is_denied if {
	m := _high
	findings := appetite.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == "Risk R-001 scores 12 (residual 3 x 4), above the risk appetite of 8: treat it further, or have it accepted (treatment: accept, with acceptance.approved_by)"
	f.path == ["risks", 0, "treatment"]
}

test_unscored_residual_is_judged_on_the_inherent_score if {
	m := fx.remove(fx.manifest, ["risks", 0, "residual"])
	findings := appetite.deny with input.manifest as m
	some f in findings
	contains(f.msg, "scores 12 (inherent 3 x 4, no residual score)")
}

test_accepted_by_someone_else_passes if {
	m := json.patch(_high, [
		{"op": "replace", "path": ["risks", 0, "treatment"], "value": "accept"},
		{"op": "add", "path": ["risks", 0, "acceptance"], "value": {"approved_by": "Deputy Director Risk", "approved_on": "2026-09-01"}},
	])
	count(appetite.deny) == 0 with input.manifest as m
}

test_self_approved_acceptance_is_denied if {
	m := json.patch(_high, [
		{"op": "replace", "path": ["risks", 0, "treatment"], "value": "accept"},
		{"op": "add", "path": ["risks", 0, "acceptance"], "value": {"approved_by": "head of data science", "approved_on": "2026-09-01"}},
	])
	findings := appetite.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	contains(f.msg, "was accepted by its own owner (head of data science)")
}

test_acceptance_without_approver_is_denied if {
	m := fx.put(_high, ["risks", 0, "treatment"], "accept")
	findings := appetite.deny with input.manifest as m
	some f in findings
	f.path == ["risks", 0, "acceptance", "approved_by"]
}

test_the_appetite_comes_from_the_configuration if {
	m := fx.manifest
	cfg := fx.config_put(["risk", "appetite_max_residual"], 5)
	findings := appetite.deny with input.manifest as m with data.ai_assure.config as cfg
	count(findings) == 5
}
