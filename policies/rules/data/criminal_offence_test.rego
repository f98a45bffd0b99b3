package ai_assure.rules.data.criminal_offence_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.criminal_offence

_criminal(art_10) := json.patch(fx.manifest, [
	{"op": "replace", "path": ["uk_data_protection", "criminal_offence_data"], "value": true},
	{"op": "add", "path": ["uk_data_protection", "art_10"], "value": art_10},
])

_paths(m) := paths if {
	findings := criminal_offence.deny with input.manifest as m
	paths := {f.path | some f in findings}
}

test_processing_under_official_authority_passes if {
	m := _criminal({"basis": "official_authority"})
	criminal_offence.applicable with input.manifest as m
	count(criminal_offence.deny) == 0 with input.manifest as m
}

test_not_applicable_without_criminal_offence_data if {
	m := fx.manifest
	not criminal_offence.applicable with input.manifest as m
}

test_law_enforcement_processing_is_part_3_not_art_10 if {
	m := fx.put(_criminal({}), ["uk_data_protection", "regime"], "dpa_part3")
	not criminal_offence.applicable with input.manifest as m
}

test_no_basis_is_denied if {
	m := _criminal({})
	_paths(m) == {["uk_data_protection", "art_10", "basis"]}
}

test_a_schedule_1_condition_must_name_its_part_and_paragraph if {
	m := _criminal({"basis": "sch1", "sch1_part": 1, "sch1_paragraph": 33})
	_paths(m) == {["uk_data_protection", "art_10", "sch1_paragraph"]}
}

test_legal_claims_under_part_3_need_no_policy_document if {
	m := _criminal({"basis": "sch1", "sch1_part": 3, "sch1_paragraph": 33, "apd": false})
	count(criminal_offence.deny) == 0 with input.manifest as m
}

test_a_part_2_condition_needs_its_policy_document if {
	m := _criminal({"basis": "sch1", "sch1_part": 2, "sch1_paragraph": 10, "apd": false})
	findings := criminal_offence.deny with input.manifest as m
	some f in findings
	f.msg == concat("", [
		"The Schedule 1 condition relied on for criminal offence data (paragraph 10, preventing or detecting",
		" unlawful acts) needs an appropriate policy document (DPA 2018 Sch. 1 Part 4): set art_10.apd: true",
	])
}
