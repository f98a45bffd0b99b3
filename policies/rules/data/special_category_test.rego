package ai_assure.rules.data.special_category_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.special_category

_special := json.patch(fx.manifest, [
	{"op": "replace", "path": ["classification", "uk_gdpr", "special_category_data"], "value": true},
	{"op": "add", "path": ["data", "datasets", 0, "special_category_data"], "value": true},
])

_condition := fx.put(
	fx.evidence, ["dpia", 0, "facts", "necessity_and_proportionality"],
	"Article 9(2)(g) with DPA 2018 Schedule 1 paragraph 6.",
)

test_consistent_declaration_with_a_condition_passes if {
	m := _special
	ev := _condition
	special_category.applicable with input.manifest as m
	count(special_category.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_special_category_data if {
	m := fx.manifest
	not special_category.applicable with input.manifest as m
}

test_system_flag_without_a_marked_dataset_is_denied if {
	m := fx.put(fx.manifest, ["classification", "uk_gdpr", "special_category_data"], true)
	ev := _condition
	findings := special_category.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["data", "datasets"]
}

test_marked_dataset_without_the_system_flag_is_denied if {
	m := fx.put(fx.manifest, ["data", "datasets", 0, "special_category_data"], true)
	ev := _condition
	findings := special_category.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == concat("", [
		"Dataset case-extract holds special category data but ",
		"classification.uk_gdpr.special_category_data is not true: set it",
	])
}

test_special_dataset_not_marked_personal_is_denied if {
	m := fx.put(_special, ["data", "datasets", 0, "personal_data"], false)
	ev := _condition
	findings := special_category.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["data", "datasets", 0, "personal_data"]
}

test_dpia_without_an_art_9_condition_is_denied if {
	m := _special
	ev := fx.evidence
	findings := special_category.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	startswith(f.msg, "The DPIA docs/dpia.yaml does not name the UK GDPR Art. 9(2) condition")
	f.path == ["evidence", "dpia"]
}
