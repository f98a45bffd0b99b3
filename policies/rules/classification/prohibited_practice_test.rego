package ai_assure.rules.classification.prohibited_practice_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.prohibited_practice

# Emotion recognition of employees at work, for neither medical nor safety reasons.
_emotion_at_work := json.patch(fx.manifest, [
	{"op": "replace", "path": ["eu_ai_act", "biometrics", "emotion_recognition"], "value": true},
	{"op": "add", "path": ["eu_ai_act", "art_5", "emotion_setting"], "value": ["workplace"]},
	{"op": "add", "path": ["eu_ai_act", "art_5", "medical_or_safety_purpose"], "value": false},
])

test_always_applicable if {
	m := fx.minimal_manifest
	prohibited_practice.applicable with input.manifest as m
}

test_no_practice_passes if {
	m := fx.manifest
	count(prohibited_practice.deny) == 0 with input.manifest as m
	count(prohibited_practice.warn) == 0 with input.manifest as m
}

test_a_practice_the_facts_establish_is_denied_at_its_first_fact if {
	m := _emotion_at_work
	findings := prohibited_practice.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["eu_ai_act", "biometrics", "emotion_recognition"]
	f.msg == concat("", [
		"The system is a prohibited AI practice under EU AI Act Art.5(1)(f): inferring emotions in the",
		" workplace or in education institutions. Art. 5 forbids placing it on the market, putting it",
		" into service and using it",
	])
}

test_the_medical_or_safety_exception_takes_it_out if {
	m := fx.put(_emotion_at_work, ["eu_ai_act", "art_5", "medical_or_safety_purpose"], true)
	count(prohibited_practice.deny) == 0 with input.manifest as m
}

test_a_declared_practice_counts_while_its_facts_are_open if {
	m := json.patch(fx.manifest, [
		{"op": "remove", "path": ["eu_ai_act", "art_5", "social_scoring"]},
		{"op": "add", "path": ["eu_ai_act", "declared"], "value": {"prohibited_practices": ["Art.5(1)(c)"]}},
	])
	findings := prohibited_practice.deny with input.manifest as m
	some f in findings
	f.path == ["eu_ai_act", "declared", "prohibited_practices"]
	contains(f.msg, "Art.5(1)(c) (the team declares it; its facts are unanswered): social scoring")
}

test_a_declared_practice_the_facts_rule_out_is_not_denied if {
	m := fx.put(fx.manifest, ["eu_ai_act", "declared"], {"prohibited_practices": ["Art.5(1)(c)"]})
	count(prohibited_practice.deny) == 0 with input.manifest as m
}

test_outside_the_act_a_practice_is_advice if {
	m := fx.uk_only(_emotion_at_work)
	count(prohibited_practice.deny) == 0 with input.manifest as m
	findings := prohibited_practice.warn with input.manifest as m
	some f in findings
	contains(f.msg, "Art. 5 does not bind it today")
}
