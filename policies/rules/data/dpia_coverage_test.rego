package ai_assure.rules.data.dpia_coverage_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.dpia_coverage

test_named_dataset_passes if {
	m := fx.manifest
	ev := fx.evidence
	dpia_coverage.applicable with input.manifest as m
	count(dpia_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_no_personal_data_is_not_applicable if {
	m := fx.minimal_manifest
	not dpia_coverage.applicable with input.manifest as m
}

test_unnamed_dataset_is_denied_for_high_risk if {
	m := fx.put(fx.manifest, ["data", "datasets", 0, "name"], "offender-assessments")
	ev := fx.evidence
	findings := dpia_coverage.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"Dataset offender-assessments holds personal data but the DPIA docs/dpia.yaml does not name it: ",
		"describe its processing in the DPIA under that name",
	])
	f.path == ["data", "datasets", 0, "name"]
}

test_names_match_across_punctuation_and_case if {
	m := fx.put(fx.manifest, ["data", "datasets", 0, "name"], "Case_Extract")
	ev := fx.evidence
	count(dpia_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_part_of_a_word_does_not_count if {
	m := fx.put(fx.manifest, ["data", "datasets", 0, "name"], "case")
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "processing"], "Scores casework.")
	count(dpia_coverage.deny) == 1 with input.manifest as m with input.evidence as ev
}

test_unnamed_dataset_warns_below_high_risk if {
	m := json.patch(fx.genai_manifest, [
		{"op": "add", "path": ["data", "datasets", 0, "personal_data"], "value": true},
		{"op": "replace", "path": ["uk_data_protection"], "value": fx.uk_low},
	])
	ev := fx.put(fx.genai_evidence, ["dpia"], [fx.item("dpia", "docs/dpia.yaml", fx.assessment_facts)])
	count(dpia_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
	count(dpia_coverage.warn) == 0 with input.manifest as m with input.evidence as ev
	m2 := fx.put(m, ["data", "datasets", 0, "name"], "chat-logs")
	count(dpia_coverage.warn) == 1 with input.manifest as m2 with input.evidence as ev
}
