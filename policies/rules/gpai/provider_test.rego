package ai_assure.rules.gpai.provider_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.gpai.provider

test_a_provider_with_both_records_passes if {
	m := fx.gpai_manifest
	provider.applicable with input.manifest as m
	count(provider.deny) == 0 with input.manifest as m
}

test_not_applicable_to_a_system_that_is_not_a_gpai_model if {
	m := fx.manifest
	not provider.applicable with input.manifest as m
}

test_a_deployer_of_someone_else_s_model_has_no_chapter_v_duty if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "activities"], ["uses_under_authority"])
	not provider.applicable with input.manifest as m
}

test_art_53_1_c_and_d_are_each_checked if {
	m := json.patch(fx.gpai_manifest, [
		{"op": "remove", "path": ["eu_ai_act", "gpai", "copyright_policy"]},
		{"op": "remove", "path": ["eu_ai_act", "gpai", "training_content_summary"]},
	])
	findings := provider.deny with input.manifest as m
	{f.path | some f in findings} == {
		["eu_ai_act", "gpai", "copyright_policy"],
		["eu_ai_act", "gpai", "training_content_summary"],
	}
}

test_open_source_models_still_need_both if {
	m := json.patch(fx.gpai_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "gpai", "open_licence_weights_public"], "value": true},
		{"op": "remove", "path": ["eu_ai_act", "gpai", "training_content_summary"]},
	])
	findings := provider.deny with input.manifest as m
	some f in findings
	endswith(f.msg, "a public summary of the content used to train the model, on the AI Office's template (Art. 53(1)(d))")
}
