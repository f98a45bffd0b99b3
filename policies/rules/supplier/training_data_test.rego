package ai_assure.rules.supplier.training_data_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.supplier.training_data

test_recorded_provenance_passes if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	training_data.applicable with input.manifest as m
	count(training_data.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_in_house_models_are_not_applicable if {
	m := fx.manifest
	not training_data.applicable with input.manifest as m
}

test_missing_provenance_is_denied_citing_art_53 if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "training_data_provenance"], " ")
	findings := training_data.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The supplier assessment suppliers/example-models.yaml does not record where the supplier's ",
		"training data came from (training_data_provenance); the provider of a general-purpose AI model ",
		"must publish a training-content summary (EU AI Act Art. 53(1)(d))",
	])
}

test_third_party_models_get_no_art_53_hint if {
	m := fx.put(fx.genai_manifest, ["models", 0, "type"], "third-party")
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "training_data_provenance"], null)
	findings := training_data.deny with input.manifest as m with input.evidence as ev
	some f in findings
	endswith(f.msg, "(training_data_provenance)")
}
