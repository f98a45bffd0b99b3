package ai_assure.rules.model_card.declared_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.model_card.declared

test_declared_card_that_exists_passes if {
	m := fx.manifest
	ev := fx.evidence
	declared.applicable with input.manifest as m
	count(declared.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_missing_card_file_is_denied_at_the_model if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["model_cards"], [fx.missing("model_cards", "docs/model-card.md")])
	findings := declared.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["models", 0, "model_card"]
	contains(f.msg, "The model card docs/model-card.md declared for model risk-scorer does not exist")
}

test_invalid_card_still_counts_as_present if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["model_cards"], [fx.invalid("model_cards", "docs/model-card.md", ["bad YAML"])])
	count(declared.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_model_without_card_is_denied if {
	m := fx.remove(fx.manifest, ["models", 0, "model_card"])
	ev := fx.put(fx.evidence, ["model_cards"], [])
	findings := declared.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["models", 0]
	contains(f.msg, "Model risk-scorer (models[0]) has no model card")
}

test_card_listed_under_evidence_by_name_counts if {
	m := fx.remove(fx.manifest, ["models", 0, "model_card"])
	ev := fx.evidence
	count(declared.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_no_models_is_denied if {
	m := fx.put(fx.manifest, ["models"], [])
	findings := declared.deny with input.manifest as m
	some f in findings
	f.path == ["models"]
}
