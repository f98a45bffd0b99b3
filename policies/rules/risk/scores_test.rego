package ai_assure.rules.risk.scores_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.scores

test_valid_scores_pass if {
	m := fx.manifest
	scores.applicable with input.manifest as m
	count(scores.deny) == 0 with input.manifest as m
	count(scores.warn) == 0 with input.manifest as m
}

test_an_empty_register_is_not_applicable if {
	m := fx.minimal_manifest
	not scores.applicable with input.manifest as m
}

test_out_of_scale_score_is_denied_for_high_risk if {
	m := fx.put(fx.manifest, ["risks", 0, "impact"], 7)
	findings := scores.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == "Risk R-001 has impact 7: score it as a whole number from 1 to 5"
	f.path == ["risks", 0, "impact"]
}

test_residual_above_inherent_is_denied if {
	m := fx.put(fx.manifest, ["risks", 0, "residual", "likelihood"], 4)
	findings := scores.deny with input.manifest as m
	some f in findings
	f.msg == concat("", [
		"Risk R-001 has residual likelihood 4 above its inherent likelihood 3: treatment cannot make a ",
		"risk worse; re-score it",
	])
}

test_missing_residual_warns_for_minimal_risk if {
	m := fx.put(fx.minimal_manifest, ["risks"], [fx.remove(fx.risk("R-9", "accuracy", "Wrong answers"), ["residual"])])
	count(scores.deny) == 0 with input.manifest as m
	findings := scores.warn with input.manifest as m
	some f in findings
	f.msg == "Risk R-9 has no residual score: record its likelihood and impact after treatment"
	f.path == ["risks", 0, "residual"]
}
