package ai_assure.rules.transparency.ai_disclosure_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.transparency.ai_disclosure

_paths(findings) := {f.path | some f in findings}

test_a_chatbot_provider_with_its_notice_and_marking_passes if {
	m := fx.genai_manifest
	ai_disclosure.applicable with input.manifest as m
	count(ai_disclosure.deny) == 0 with input.manifest as m
	count(ai_disclosure.warn) == 0 with input.manifest as m
}

test_a_provider_without_the_notice_is_denied_under_art_50_1 if {
	m := fx.remove(fx.genai_manifest, ["system", "transparency_notice"])
	findings := ai_disclosure.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["system", "transparency_notice"]
	f.msg == concat("", [
		"EU AI Act Art.50(1) applies because it is intended to interact directly with natural persons, who",
		" must be told they are dealing with an AI system, but system.transparency_notice is empty:",
		" record the measure",
	])
}

test_a_blank_notice_is_denied if {
	m := fx.put(fx.genai_manifest, ["system", "transparency_notice"], " ")
	count(ai_disclosure.deny) == 1 with input.manifest as m
}

test_generated_text_without_machine_readable_marking_is_denied_under_art_50_2 if {
	m := fx.remove(fx.genai_manifest, ["eu_ai_act", "transparency", "output_marking"])
	findings := ai_disclosure.deny with input.manifest as m
	_paths(findings) == {["eu_ai_act", "transparency", "output_marking"]}
}

test_staff_are_natural_persons_too if {
	m := json.patch(fx.genai_manifest, [
		{"op": "replace", "path": ["system", "deployment"], "value": "internal"},
		{"op": "remove", "path": ["system", "transparency_notice"]},
	])
	findings := ai_disclosure.deny with input.manifest as m
	_paths(findings) == {["system", "transparency_notice"]}
}

test_a_deployer_of_a_vendor_chatbot_is_only_advised_of_the_provider_s_duty if {
	m := json.patch(fx.genai_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "activities"], "value": ["uses_under_authority"]},
		{"op": "remove", "path": ["system", "transparency_notice"]},
	])
	count(ai_disclosure.deny) == 0 with input.manifest as m
	findings := ai_disclosure.warn with input.manifest as m
	some f in findings
	f.path == ["system", "transparency_notice"]
	endswith(f.msg, "record the measure (this duty is the provider's: make sure it is met)")
}

test_a_deployer_s_deep_fakes_need_its_disclosure_under_art_50_4 if {
	m := json.patch(fx.genai_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "activities"], "value": ["uses_under_authority"]},
		{"op": "replace", "path": ["eu_ai_act", "transparency"], "value": {
			"interacts_directly_with_natural_persons": false, "generates_synthetic": ["video"],
			"assistive_editing_or_no_substantial_alteration": false, "deep_fake_output": true,
			"evidently_artistic_satirical_fictional": false, "authorised_by_law_for_crime": false,
		}},
		{"op": "add", "path": ["eu_ai_act", "art_5", "intimate_or_csam_generation"], "value": "none"},
	])
	findings := ai_disclosure.deny with input.manifest as m
	_paths(findings) == {["eu_ai_act", "transparency", "deep_fake_disclosure"]}
	warnings := ai_disclosure.warn with input.manifest as m
	_paths(warnings) == {["eu_ai_act", "transparency", "output_marking"]}
}

test_public_interest_text_under_editorial_responsibility_needs_no_disclosure if {
	m := json.patch(fx.genai_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "activities"], "value": ["uses_under_authority"]},
		{"op": "replace", "path": ["eu_ai_act", "transparency"], "value": {
			"interacts_directly_with_natural_persons": false, "generates_synthetic": ["text"],
			"assistive_editing_or_no_substantial_alteration": true,
			"publishes_public_interest_text": true, "human_editorial_responsibility": true,
			"authorised_by_law_for_crime": false,
		}},
	])
	not ai_disclosure.applicable with input.manifest as m
}

test_an_obvious_ai_system_is_not_under_art_50_1 if {
	m := json.patch(fx.genai_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "transparency", "ai_nature_obvious"], "value": true},
		{
			"op": "add", "path": ["eu_ai_act", "transparency", "ai_nature_obvious_rationale"],
			"value": "A voice assistant product that introduces itself as one.",
		},
		{"op": "remove", "path": ["system", "transparency_notice"]},
	])
	count(ai_disclosure.deny) == 0 with input.manifest as m
}

test_outside_the_act_a_missing_notice_is_advice if {
	m := fx.remove(fx.uk_only(fx.genai_manifest), ["system", "transparency_notice"])
	count(ai_disclosure.deny) == 0 with input.manifest as m
	count(ai_disclosure.warn) == 1 with input.manifest as m
}

test_a_system_with_no_art_50_trigger_is_not_applicable if {
	m := fx.manifest
	not ai_disclosure.applicable with input.manifest as m
	count(ai_disclosure.deny) == 0 with input.manifest as m
}
