package ai_assure.rules.human_oversight.automated_decisions_restricted_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.human_oversight.automated_decisions_restricted as restricted

_decision(extra) := fx.put(fx.manifest, ["uk_data_protection", "automated_decision"], object.union(
	{"significant": true, "solely_automated": true, "uses_special_category": false, "relies_on_6_1_ea": false},
	extra,
))

_msgs(m) := msgs if {
	findings := restricted.deny with input.manifest as m
	msgs := {f.msg | some f in findings}
}

test_a_decision_on_ordinary_personal_data_is_not_restricted if {
	m := _decision({})
	restricted.applicable with input.manifest as m
	count(restricted.deny) == 0 with input.manifest as m
}

test_a_decision_a_person_takes_is_not_in_scope if {
	m := fx.manifest
	not restricted.applicable with input.manifest as m
}

test_special_category_data_without_consent_or_law_is_denied if {
	m := _decision({"uses_special_category": true})
	_msgs(m) == {concat("", [
		"The system takes significant decisions with no meaningful human involvement and it is based on",
		" special category data without explicit consent, or being necessary for a contract or required",
		" or authorised by law with Art. 9(2)(g) (Art. 22B(2), (3))",
	])}
}

test_explicit_consent_lifts_the_special_category_restriction if {
	m := _decision({"uses_special_category": true, "explicit_consent": true})
	count(restricted.deny) == 0 with input.manifest as m
}

test_a_law_with_art_9_2_g_lifts_it_too if {
	m := _decision({"uses_special_category": true, "contract_or_law_with_9_2_g": true})
	count(restricted.deny) == 0 with input.manifest as m
}

test_recognised_legitimate_interests_are_never_enough if {
	m := _decision({"relies_on_6_1_ea": true, "explicit_consent": true})
	_msgs(m) == {concat("", [
		"The system takes significant decisions with no meaningful human involvement and it relies on",
		" recognised legitimate interests, Art. 6(1)(ea) (Art. 22B(4))",
	])}
}

test_part_3_sensitive_processing_names_dpa_s_50b if {
	m := fx.put(_decision({"uses_special_category": true}), ["uk_data_protection", "regime"], "dpa_part3")
	some msg in _msgs(m)
	contains(msg, "(DPA s. 50B)")
}
