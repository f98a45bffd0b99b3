package ai_assure.rules.data.lawful_basis_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.lawful_basis

test_a_public_task_basis_passes if {
	m := fx.manifest
	lawful_basis.applicable with input.manifest as m
	count(lawful_basis.deny) == 0 with input.manifest as m
}

test_no_basis_is_denied if {
	m := fx.remove(fx.manifest, ["uk_data_protection", "lawful_basis"])
	findings := lawful_basis.deny with input.manifest as m
	{f.path | some f in findings} == {["uk_data_protection", "lawful_basis"]}
}

test_a_public_authority_cannot_rely_on_legitimate_interests if {
	m := fx.put(fx.manifest, ["uk_data_protection", "lawful_basis"], "6(1)(f)")
	findings := lawful_basis.deny with input.manifest as m
	some f in findings
	startswith(f.msg, "A public authority cannot rely on Art. 6(1)(f) for processing in the performance of its tasks")
}

test_a_private_company_may if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["uk_data_protection", "lawful_basis"], "value": "6(1)(f)"},
		{"op": "replace", "path": ["organisation", "public_authority"], "value": false},
	])
	count(lawful_basis.deny) == 0 with input.manifest as m
}

test_processors_and_part_3_processing_are_not_in_scope if {
	m1 := fx.put(fx.manifest, ["uk_data_protection", "controller"], "processor")
	not lawful_basis.applicable with input.manifest as m1
	m2 := fx.put(fx.manifest, ["uk_data_protection", "regime"], "dpa_part3")
	not lawful_basis.applicable with input.manifest as m2
}
