package ai_assure.rules.data.special_category_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.special_category

# health data under 9(2)(g) with Schedule 1 paragraph 6 and an appropriate policy document
_special := json.patch(fx.manifest, [
	{"op": "replace", "path": ["uk_data_protection", "special_category_data"], "value": true},
	{"op": "add", "path": ["uk_data_protection", "special_categories"], "value": ["health"]},
	{
		"op": "add", "path": ["uk_data_protection", "art_9"],
		"value": {"condition": "9(2)(g)", "sch1_part": 2, "sch1_paragraph": 6, "apd": true},
	},
	{"op": "add", "path": ["data", "datasets", 0, "special_category_data"], "value": true},
])

_with_art_9(condition) := fx.put(_special, ["uk_data_protection", "art_9"], condition)

_msgs(m) := msgs if {
	findings := special_category.deny with input.manifest as m
	msgs := {f.msg | some f in findings}
}

test_consistent_declaration_with_a_condition_passes if {
	m := _special
	special_category.applicable with input.manifest as m
	count(special_category.deny) == 0 with input.manifest as m
}

test_not_applicable_without_special_category_data if {
	m := fx.manifest
	not special_category.applicable with input.manifest as m
}

test_system_flag_without_a_marked_dataset_is_denied if {
	m := fx.put(_special, ["data", "datasets", 0, "special_category_data"], false)
	findings := special_category.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["data", "datasets"]
}

test_marked_dataset_without_the_system_flag_is_denied if {
	m := fx.put(_special, ["uk_data_protection", "special_category_data"], false)
	_msgs(m) == {concat("", [
		"Dataset case-extract holds special category data but ",
		"uk_data_protection.special_category_data is not true: set it",
	])}
}

test_special_dataset_not_marked_personal_is_denied if {
	m := fx.put(_special, ["data", "datasets", 0, "personal_data"], false)
	findings := special_category.deny with input.manifest as m
	some f in findings
	f.path == ["data", "datasets", 0, "personal_data"]
}

test_no_art_9_condition_is_denied if {
	m := fx.remove(_special, ["uk_data_protection", "art_9"])
	findings := special_category.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["uk_data_protection", "art_9", "condition"]
	startswith(f.msg, "Special category data is processed under the UK GDPR but uk_data_protection.art_9.condition")
}

test_a_condition_without_its_schedule_1_part_1_paragraph_is_denied if {
	m := _with_art_9({"condition": "9(2)(h)", "sch1_part": 1, "sch1_paragraph": 3, "apd": false})
	_msgs(m) == {concat("", [
		"Art. 9(2)(h) (health or social care) needs the DPA 2018 Schedule 1 Part 1 condition in paragraph 2",
		" (DPA s. 10(2)): set art_9.sch1_part: 1 and sch1_paragraph: 2",
	])}
}

test_health_care_under_paragraph_2_needs_no_policy_document if {
	m := _with_art_9({"condition": "9(2)(h)", "sch1_part": 1, "sch1_paragraph": 2, "apd": false})
	count(special_category.deny) == 0 with input.manifest as m
}

test_substantial_public_interest_needs_a_part_2_paragraph if {
	m := _with_art_9({"condition": "9(2)(g)", "sch1_part": 1, "sch1_paragraph": 2, "apd": true})
	some msg in _msgs(m)
	startswith(msg, "Art. 9(2)(g) (substantial public interest) needs a DPA 2018 Schedule 1 Part 2 condition")
}

test_a_part_2_condition_without_a_policy_document_is_denied if {
	m := _with_art_9({"condition": "9(2)(g)", "sch1_part": 2, "sch1_paragraph": 18, "apd": false})
	_msgs(m) == {concat("", [
		"The Schedule 1 condition relied on (paragraph 18, safeguarding of children and individuals at risk)",
		" needs an appropriate policy document (DPA 2018 Sch. 1 paras 1(1)(b), 5 and Part 4): set art_9.apd:",
		" true once it is in place",
	])}
}

test_explicit_consent_needs_no_schedule_1_condition if {
	m := _with_art_9({"condition": "9(2)(a)"})
	count(special_category.deny) == 0 with input.manifest as m
}

# DPA 2018 Part 3: sensitive processing for law enforcement (ss. 35, 42, Sch. 8)

_part3 := json.patch(_special, [
	{"op": "replace", "path": ["uk_data_protection", "regime"], "value": "dpa_part3"},
	{"op": "remove", "path": ["uk_data_protection", "art_9"]},
	{
		"op": "add", "path": ["uk_data_protection", "part_3_sensitive"],
		"value": {"basis": "strictly_necessary", "sch8_paragraph": 1, "apd": true},
	},
])

test_part_3_sensitive_processing_with_a_schedule_8_condition_passes if {
	m := _part3
	count(special_category.deny) == 0 with input.manifest as m
}

test_part_3_sensitive_processing_without_its_conditions_is_denied if {
	m := fx.put(_part3, ["uk_data_protection", "part_3_sensitive"], {"basis": "strictly_necessary", "sch8_paragraph": 12})
	findings := special_category.deny with input.manifest as m
	{f.path | some f in findings} == {
		["uk_data_protection", "part_3_sensitive", "sch8_paragraph"],
		["uk_data_protection", "part_3_sensitive", "apd"],
	}
}
