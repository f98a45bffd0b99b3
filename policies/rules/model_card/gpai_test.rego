package ai_assure.rules.model_card.gpai_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.model_card.gpai

_gpai := fx.gpai_manifest

_full := fx.put(fx.evidence, ["model_cards", 0, "facts", "sections"], [
	"evaluation", "intended_use", "limitations", "model_details", "out_of_scope_use",
	"technical_specifications", "training_data",
])

test_complete_card_passes if {
	m := _gpai
	ev := _full
	gpai.applicable with input.manifest as m
	count(gpai.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_unless_a_gpai_provider if {
	m := fx.manifest
	not gpai.applicable with input.manifest as m
}

test_missing_sections_are_denied if {
	m := _gpai
	ev := fx.evidence
	findings := gpai.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The general-purpose AI model risk-scorer is documented by docs/model-card.md, which lacks the ",
		"sections downstream providers need (EU AI Act Art. 53, Annexes XI and XII): out_of_scope_use, ",
		"technical_specifications",
	])
	f.path == ["models", 0, "model_card"]
}

test_unreadable_card_is_denied if {
	m := _gpai
	ev := fx.put(fx.evidence, ["model_cards"], [fx.missing("model_cards", "docs/model-card.md")])
	findings := gpai.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "has no readable model card")
}

test_an_open_weights_model_is_exempt_from_the_documentation_duties if {
	m := fx.put(_gpai, ["eu_ai_act", "gpai", "open_licence_weights_public"], true)
	not gpai.applicable with input.manifest as m
}
