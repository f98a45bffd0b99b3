package ai_assure.rules.classification.crime_prediction_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.crime_prediction

test_decision_support_with_a_human_in_the_loop_passes if {
	m := fx.manifest
	crime_prediction.applicable with input.manifest as m
	count(crime_prediction.deny) == 0 with input.manifest as m
}

test_without_profiling_it_is_not_applicable if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "profiling_of_natural_persons"], false)
	not crime_prediction.applicable with input.manifest as m
}

test_outside_justice_areas_it_is_not_applicable if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["employment"])
	not crime_prediction.applicable with input.manifest as m
}

test_automated_profiling_in_law_enforcement_is_denied if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "annex_iii_areas"], "value": ["law_enforcement"]},
		{"op": "replace", "path": ["system", "decision_role"], "value": "automated-decision"},
		{"op": "replace", "path": ["system", "human_oversight", "mode"], "value": "human-on-the-loop"},
	])
	findings := crime_prediction.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The system profiles natural persons in law_enforcement and decisions are automated ",
		"(solely_automated_decision or decision_role automated-decision); human oversight is ",
		"human-on-the-loop, not human-in-the-loop: an assessment of offending risk resting on profiling ",
		"alone is prohibited by EU AI Act Art. 5(1)(d)",
	])
	f.path == ["system", "human_oversight", "mode"]
}

test_missing_oversight_is_denied if {
	m := fx.remove(fx.manifest, ["system", "human_oversight", "mode"])
	findings := crime_prediction.deny with input.manifest as m
	some f in findings
	contains(f.msg, "no human oversight mode is set")
}
