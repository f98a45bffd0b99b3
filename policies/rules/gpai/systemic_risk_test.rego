package ai_assure.rules.gpai.systemic_risk_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.gpai.systemic_risk

_paths(m, ev) := paths if {
	findings := systemic_risk.deny with input.manifest as m with input.evidence as ev
	paths := {f.path | some f in findings}
}

# 3 x 10^25 floating-point operations: above the Art. 51(2) presumption.
_systemic := json.patch(fx.gpai_manifest, [
	{"op": "replace", "path": ["eu_ai_act", "gpai", "training_compute_flop"], "value": 3.0e+25},
	{"op": "add", "path": ["eu_ai_act", "gpai", "commission_notified_on"], "value": "2025-07-20"},
	{"op": "add", "path": ["evidence", "red_team"], "value": ["reports/redteam.json"]},
	{"op": "replace", "path": ["risks"], "value": [fx.risk("R-010", "systemic-risk", "Misuse at scale")]},
])

_evidence := fx.put(fx.evidence, ["red_team"], [fx.item("red_team", "reports/redteam.json", fx.red_team_facts)])

test_a_model_below_the_threshold_is_not_in_scope if {
	m := fx.gpai_manifest
	not systemic_risk.applicable with input.manifest as m
}

test_exactly_the_threshold_is_not_above_it if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "gpai", "training_compute_flop"], 1.0e+25)
	not systemic_risk.applicable with input.manifest as m
}

test_a_systemic_risk_model_with_its_evidence_passes if {
	m := _systemic
	ev := _evidence
	systemic_risk.applicable with input.manifest as m
	count(systemic_risk.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_a_designated_model_is_in_scope_whatever_its_compute if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "gpai", "commission_designated"], true)
	systemic_risk.applicable with input.manifest as m
}

test_each_missing_duty_is_named if {
	m := json.patch(_systemic, [
		{"op": "remove", "path": ["eu_ai_act", "gpai", "commission_notified_on"]},
		{"op": "replace", "path": ["risks"], "value": []},
	])
	ev := fx.put(_evidence, ["red_team"], [])
	_paths(m, ev) == {["eu_ai_act", "gpai", "commission_notified_on"], ["evidence", "red_team"], ["risks"]}
}
