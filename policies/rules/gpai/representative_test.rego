package ai_assure.rules.gpai.representative_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.gpai.representative

_non_eu := fx.put(fx.gpai_manifest, ["organisation", "established_in_eu"], false)

test_an_eu_provider_needs_no_representative if {
	m := fx.gpai_manifest
	count(representative.deny) == 0 with input.manifest as m
}

test_a_non_eu_provider_without_one_is_denied if {
	m := _non_eu
	representative.applicable with input.manifest as m
	findings := representative.deny with input.manifest as m
	{f.path | some f in findings} == {["eu_ai_act", "gpai", "authorised_representative"]}
}

test_a_named_representative_passes if {
	m := fx.put(_non_eu, ["eu_ai_act", "gpai", "authorised_representative"], "Example Representative GmbH, Berlin")
	count(representative.deny) == 0 with input.manifest as m
}

test_an_open_weights_model_without_systemic_risk_is_exempt if {
	m := fx.put(_non_eu, ["eu_ai_act", "gpai", "open_licence_weights_public"], true)
	not representative.applicable with input.manifest as m
}

test_the_open_source_exemption_does_not_reach_systemic_risk if {
	m := json.patch(_non_eu, [
		{"op": "replace", "path": ["eu_ai_act", "gpai", "open_licence_weights_public"], "value": true},
		{"op": "replace", "path": ["eu_ai_act", "gpai", "training_compute_flop"], "value": 3.0e+25},
	])
	count(representative.deny) == 1 with input.manifest as m
}
