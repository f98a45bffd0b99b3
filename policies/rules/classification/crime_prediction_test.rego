package ai_assure.rules.classification.crime_prediction_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.crime_prediction

# A law-enforcement tool that relies on the Art. 5(1)(d) exception.
_supporting := json.patch(fx.manifest, [
	{
		"op": "replace",
		"path": ["eu_ai_act", "art_5", "crime_prediction_basis"],
		"value": "supports_human_assessment_on_objective_facts",
	},
	{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": ["AnnexIII.6(d)"]},
	{"op": "replace", "path": ["organisation", "law_enforcement_authority"], "value": true},
])

test_decision_support_with_a_human_in_the_loop_passes if {
	m := _supporting
	crime_prediction.applicable with input.manifest as m
	count(crime_prediction.deny) == 0 with input.manifest as m
}

test_a_system_that_predicts_no_offending_is_not_applicable if {
	m := fx.manifest
	not crime_prediction.applicable with input.manifest as m
}

test_an_automated_prediction_contradicts_the_exception if {
	m := json.patch(_supporting, [
		{"op": "replace", "path": ["system", "decision_role"], "value": "automated-decision"},
		{"op": "replace", "path": ["system", "human_oversight", "mode"], "value": "human-on-the-loop"},
	])
	findings := crime_prediction.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The system is answered as supporting a human assessment based on objective facts (the EU AI Act",
		" Art. 5(1)(d) exception) but human oversight is human-on-the-loop, not human-in-the-loop; its",
		" decision role is automated-decision: without that assessment an offending-risk prediction from",
		" profiling is prohibited",
	])
	f.path == ["system", "human_oversight", "mode"]
}

test_missing_oversight_is_denied if {
	m := fx.remove(_supporting, ["system", "human_oversight", "mode"])
	findings := crime_prediction.deny with input.manifest as m
	some f in findings
	contains(f.msg, "no human oversight mode is set")
}

test_outside_the_act_it_is_advice if {
	m := fx.uk_only(fx.remove(_supporting, ["system", "human_oversight", "mode"]))
	count(crime_prediction.deny) == 0 with input.manifest as m
	count(crime_prediction.warn) == 1 with input.manifest as m
}
