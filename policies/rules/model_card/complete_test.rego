package ai_assure.rules.model_card.complete_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.model_card.complete

_thin_card := fx.put(
	fx.evidence, ["model_cards", 0, "facts", "sections"],
	["intended_use", "limitations", "training_data"],
)

test_complete_card_passes if {
	m := fx.manifest
	ev := fx.evidence
	complete.applicable with input.manifest as m
	count(complete.deny) == 0 with input.manifest as m with input.evidence as ev
	count(complete.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_missing_section_is_denied_for_high_risk if {
	m := fx.manifest
	ev := _thin_card
	findings := complete.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	count(complete.warn) == 0 with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["models", 0, "model_card"]
	contains(f.msg, "The model card docs/model-card.md (risk-scorer) lacks the sections: evaluation")
}

test_missing_sections_only_warn_below_high_risk if {
	m := fx.minimal_manifest
	ev := fx.put(fx.evidence, ["model_cards", 0, "facts", "sections"], ["model_details"])
	count(complete.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := complete.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "lacks the sections: evaluation, intended_use, limitations, training_data")
}

test_unreadable_cards_are_left_to_other_rules if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["model_cards"], [fx.invalid("model_cards", "docs/model-card.md", ["bad"])])
	count(complete.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_unnamed_card_is_called_so if {
	m := fx.manifest
	ev := json.patch(_thin_card, [{"op": "replace", "path": ["model_cards", 0, "facts", "name"], "value": null}])
	findings := complete.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "docs/model-card.md (unnamed model) lacks")
}
