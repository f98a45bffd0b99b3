package ai_assure.rules.supplier.data_residency_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.supplier.data_residency

_personal := fx.put(fx.genai_manifest, ["uk_data_protection"], fx.uk_low)

test_uk_residency_passes if {
	m := _personal
	ev := fx.put(
		fx.genai_evidence, ["supplier_assessments", 0, "facts", "data_residency"],
		"UK (London region); no transfers",
	)
	data_residency.applicable with input.manifest as m
	count(data_residency.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_in_house_models_are_not_applicable if {
	m := fx.manifest
	not data_residency.applicable with input.manifest as m
}

test_residency_abroad_is_denied_with_personal_data if {
	m := _personal
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "data_residency"], "US (us-east-1)")
	findings := data_residency.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The supplier assessment suppliers/example-models.yaml records data residency US (us-east-1), ",
		"outside the allowed places (UK)",
	])
	f.path == ["evidence", "supplier_assessments", 0]
}

test_a_longer_word_is_not_the_place if {
	m := _personal
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "data_residency"], "Ukraine")
	count(data_residency.deny) == 1 with input.manifest as m with input.evidence as ev
}

test_residency_abroad_warns_without_personal_data if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "data_residency"], "EU (Frankfurt)")
	count(data_residency.deny) == 0 with input.manifest as m with input.evidence as ev
	count(data_residency.warn) == 1 with input.manifest as m with input.evidence as ev
	cfg := fx.config_put(["supplier", "allowed_data_residency"], ["UK", "EU"])
	count(data_residency.warn) == 0 with input.manifest as m with input.evidence as ev with data.ai_assure.config as cfg
}

test_unrecorded_residency_is_a_gap if {
	m := _personal
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "data_residency"], null)
	findings := data_residency.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "does not record where the supplier holds and processes data")
}
