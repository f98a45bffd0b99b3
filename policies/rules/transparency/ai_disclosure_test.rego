package ai_assure.rules.transparency.ai_disclosure_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.transparency.ai_disclosure

test_public_system_with_notice_passes if {
	m := fx.genai_manifest
	ai_disclosure.applicable with input.manifest as m
	count(ai_disclosure.deny) == 0 with input.manifest as m
}

test_public_system_without_notice_is_denied if {
	m := fx.remove(fx.genai_manifest, ["system", "transparency_notice"])
	findings := ai_disclosure.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["system", "transparency_notice"]
	contains(
		f.msg,
		"EU AI Act Art. 50 (it generates synthetic content; it interacts with the public; it is deployed public-facing)",
	)
}

test_blank_notice_is_denied if {
	m := fx.put(fx.genai_manifest, ["system", "transparency_notice"], " ")
	count(ai_disclosure.deny) == 1 with input.manifest as m
}

test_internal_system_is_not_applicable if {
	m := fx.manifest
	not ai_disclosure.applicable with input.manifest as m
	count(ai_disclosure.deny) == 0 with input.manifest as m
}
