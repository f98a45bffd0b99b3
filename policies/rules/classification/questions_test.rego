package ai_assure.rules.classification.questions_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.questions

test_a_fully_answered_manifest_asks_nothing if {
	m := fx.manifest
	questions.applicable with input.manifest as m
	count(questions.deny) == 0 with input.manifest as m
}

test_an_unanswered_fact_is_a_failure_that_asks_its_question if {
	m := fx.remove(fx.manifest, ["eu_ai_act", "art_5", "social_scoring"])
	findings := questions.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["eu_ai_act", "art_5", "social_scoring"]
	f.msg == concat("", [
		"Unanswered, EU AI Act Art. 5(1)(c): Does the system score or rank people over time based on their",
		" social behaviour or personal characteristics?",
	])
}

test_a_yes_opens_the_details_the_practice_turns_on if {
	m := fx.put(fx.manifest, ["eu_ai_act", "art_5", "social_scoring"], true)
	findings := questions.deny with input.manifest as m
	{f.path | some f in findings} == {["eu_ai_act", "art_5", "detrimental_treatment"]}
}

test_unsure_is_not_an_answer if {
	m := fx.put(fx.manifest, ["eu_ai_act", "is_ai_system"], "unsure")
	findings := questions.deny with input.manifest as m
	some f in findings
	f.path == ["eu_ai_act", "is_ai_system"]
	startswith(f.msg, "Answered unsure, which cannot be classified (EU AI Act Art. 3(1)): ")
}

test_an_empty_manifest_asks_where_to_start if {
	m := {"apiVersion": "ai-assure/v2", "kind": "AISystem"}
	findings := questions.deny with input.manifest as m
	paths := {f.path | some f in findings}
	["eu_ai_act", "is_ai_system"] in paths
	["uk_data_protection", "personal_data"] in paths
	["eu_ai_act", "art_5", "manipulative_or_subliminal"] in paths
}
