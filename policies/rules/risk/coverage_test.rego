package ai_assure.rules.risk.coverage_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.coverage

test_register_covering_every_category_passes if {
	m := fx.manifest
	coverage.applicable with input.manifest as m
	count(coverage.deny) == 0 with input.manifest as m
}

test_not_applicable_below_high_risk if {
	m := fx.genai_manifest
	not coverage.applicable with input.manifest as m
}

test_missing_category_is_denied_with_its_trigger if {
	m := fx.remove(fx.manifest, ["risks", 4])
	findings := coverage.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The risk register has no privacy risk, which the classification requires (personal_data): ",
		"assess it and record the risk with category privacy",
	])
	f.path == ["risks"]
}

test_categories_come_from_the_configuration if {
	m := fx.manifest
	cfg := fx.config_put(["risk", "required_categories", "high_risk"], ["bias", "explainability"])
	findings := coverage.deny with input.manifest as m with data.ai_assure.config as cfg
	count(findings) == 1
	some f in findings
	contains(f.msg, "no explainability risk")
}

test_category_case_and_punctuation_do_not_matter if {
	m := fx.put(fx.manifest, ["risks", 2, "category"], "Human Oversight")
	count(coverage.deny) == 0 with input.manifest as m
}
