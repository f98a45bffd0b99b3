package ai_assure.rules.sbom.ml_components_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.sbom.ml_components

_no_models := json.patch(fx.evidence, [
	{"op": "replace", "path": ["sbom", 0, "facts", "ml_models"], "value": []},
	{"op": "replace", "path": ["sbom", 0, "facts", "components", 0, "type"], "value": "library"},
])

test_sbom_listing_a_model_passes if {
	m := fx.manifest
	ev := fx.evidence
	ml_components.applicable with input.manifest as m
	count(ml_components.deny) == 0 with input.manifest as m with input.evidence as ev
	count(ml_components.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_a_component_of_type_machine_learning_model_is_enough if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["sbom", 0, "facts", "ml_models"], [])
	count(ml_components.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_no_model_component_is_denied_for_high_risk if {
	m := fx.manifest
	ev := _no_models
	findings := ml_components.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "sbom"]
	contains(f.msg, "No declared SBOM lists a machine-learning-model component (checked: sbom.cdx.json)")
}

test_no_model_component_is_denied_for_third_party_models if {
	m := fx.genai_manifest
	ev := _no_models
	ml_components.required with input.manifest as m
	count(ml_components.deny) == 1 with input.manifest as m with input.evidence as ev
}

test_no_model_component_warns_otherwise if {
	m := fx.minimal_manifest
	ev := _no_models
	count(ml_components.deny) == 0 with input.manifest as m with input.evidence as ev
	count(ml_components.warn) == 1 with input.manifest as m with input.evidence as ev
}
